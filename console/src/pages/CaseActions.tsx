import { useState } from 'preact/hooks';
import { call, SignInNeeded, type ApiAnswer } from '../api';
import type { SignInSettings } from '../auth';
import type { FollowUpCase } from '../cases';
import { nextStatuses } from '../cases';
import type { Key, Texts } from '../i18n';

/** The API's refusal, shown next to the field it names. */
interface Refusal {
  field: string | null;
  message: string;
}

interface ApiError {
  error?: { code: string; message: string; field?: string | null };
}

/** What a signed-in agent (or manager) does with a case: move it on, assign it, record the work, note, close. */
export function CaseActions({ settings, t, followUp, onChange }:
  { settings: SignInSettings; t: Texts; followUp: FollowUpCase; onChange: (changed: FollowUpCase) => void }) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const path = '/api/cases/' + encodeURIComponent(followUp.caseId);

  async function send(method: string, suffix: string, body: unknown): Promise<ApiAnswer<FollowUpCase> | null> {
    setBusy(true);
    setRefusal(null);
    try {
      const answer = await call<FollowUpCase & ApiError>(settings, method, path + suffix, body);
      if (answer.status >= 400 || !answer.body) {
        setRefusal({ field: answer.body?.error?.field ?? null, message: answer.body?.error?.message ?? String(answer.status) });
        return null;
      }
      return answer;
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setRefusal({ field: null, message: (failure as Error).message });
      }
      return null;
    } finally {
      setBusy(false);
    }
  }

  const patch = async (body: Record<string, unknown>) => {
    const answer = await send('PATCH', '', body);
    if (answer?.body) {
      onChange(answer.body);
    }
  };
  const refusedAt = (field: string) => (refusal && refusal.field === field
    ? <p class="refusal" role="alert" id={'refusal-' + field}>{refusal.message}</p> : null);

  if (followUp.status === 'closed') {
    return null;
  }
  return (
    <section aria-labelledby="actions-title" class="actions">
      <h2 id="actions-title">{t.t('actions.title')}</h2>
      <div class="buttons">
        {nextStatuses(followUp.status).map((status) => (
          <button type="button" disabled={busy} data-status={status} onClick={() => patch({ status })}>
            {t.t(('actions.to.' + status) as Key)}
          </button>
        ))}
      </div>
      {refusedAt('status')}
      <AssignForm t={t} followUp={followUp} busy={busy} onSave={(owner) => patch({ owner })} refused={refusedAt('owner')} />
      <WorkForm t={t} followUp={followUp} busy={busy} onSave={patch}
        refused={['tags', 'rootCause', 'actionsTaken', 'compensation'].map(refusedAt)} />
      <NoteForm t={t} busy={busy} refused={refusedAt('text')} onSave={async (text) => {
        const answer = await send('POST', '/notes', { text });
        if (answer?.body) {
          onChange(answer.body);
          return true;
        }
        return false;
      }} />
      {refusal && refusal.field === null ? <p class="refusal" role="alert">{refusal.message}</p> : null}
    </section>
  );
}

function AssignForm({ t, followUp, busy, onSave, refused }: { t: Texts; followUp: FollowUpCase; busy: boolean;
  onSave: (owner: string) => void; refused: preact.ComponentChildren }) {
  const [owner, setOwner] = useState(followUp.owner ?? '');
  return (
    <form onSubmit={(event) => { event.preventDefault(); onSave(owner.trim()); }}>
      <label for="owner">{t.t('actions.owner')}</label>
      <input id="owner" type="email" autocomplete="email" value={owner}
        onInput={(event) => setOwner((event.target as HTMLInputElement).value)} />
      <button type="submit" disabled={busy}>{t.t('actions.assign')}</button>
      {refused}
    </form>
  );
}

function WorkForm({ t, followUp, busy, onSave, refused }: { t: Texts; followUp: FollowUpCase; busy: boolean;
  onSave: (body: Record<string, unknown>) => void; refused: preact.ComponentChildren }) {
  const [tags, setTags] = useState((followUp.tags ?? []).join(', '));
  const [rootCause, setRootCause] = useState(followUp.rootCause ?? '');
  const [actionsTaken, setActionsTaken] = useState(followUp.actionsTaken ?? '');
  const [compensationType, setCompensationType] = useState(followUp.compensation?.type ?? '');
  const [compensationValue, setCompensationValue] = useState(followUp.compensation?.value ?? '');
  const value = (set: (value: string) => void) => (event: Event) =>
    set((event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value);
  const submit = (event: Event) => {
    event.preventDefault();
    onSave({
      tags: tags.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''),
      rootCause: rootCause.trim() || null,
      actionsTaken: actionsTaken.trim() || null,
      compensation: compensationType ? { type: compensationType, value: compensationValue.trim() } : null,
    });
  };
  return (
    <form onSubmit={submit}>
      <label for="tags">{t.t('actions.tags')}</label>
      <input id="tags" value={tags} onInput={value(setTags)} dir="auto" />
      <label for="root-cause">{t.t('actions.root-cause')}</label>
      <input id="root-cause" value={rootCause} onInput={value(setRootCause)} dir="auto" maxLength={500} />
      <label for="actions-taken">{t.t('actions.actions-taken')}</label>
      <textarea id="actions-taken" value={actionsTaken} onInput={value(setActionsTaken)} dir="auto" maxLength={2000} />
      <label for="compensation">{t.t('actions.compensation')}</label>
      <select id="compensation" value={compensationType} onChange={value(setCompensationType)}>
        <option value="">{t.t('actions.compensation.none')}</option>
        <option value="discount_code">{t.t('actions.compensation.discount_code')}</option>
        <option value="credit">{t.t('actions.compensation.credit')}</option>
      </select>
      {compensationType ? (
        <>
          <label for="compensation-value">{t.t('actions.compensation.value')}</label>
          <input id="compensation-value" value={compensationValue} onInput={value(setCompensationValue)} />
        </>
      ) : null}
      <button type="submit" disabled={busy}>{t.t('actions.save-work')}</button>
      {refused}
    </form>
  );
}

function NoteForm({ t, busy, onSave, refused }: { t: Texts; busy: boolean; onSave: (text: string) => Promise<boolean>;
  refused: preact.ComponentChildren }) {
  const [text, setText] = useState('');
  return (
    <form onSubmit={async (event) => {
      event.preventDefault();
      if (await onSave(text.trim())) {
        setText('');
      }
    }}>
      <label for="note">{t.t('actions.note')}</label>
      <textarea id="note" value={text} dir="auto" required
        onInput={(event) => setText((event.target as HTMLTextAreaElement).value)} />
      <button type="submit" disabled={busy || text.trim() === ''}>{t.t('actions.add-note')}</button>
      {refused}
    </form>
  );
}
