import { useEffect, useState } from 'preact/hooks';
import { whoAmI, type SignInSettings } from '../auth';
import { mayWorkCases, resurveyState, type FollowUpCase } from '../cases';
import type { Key, Texts } from '../i18n';
import { useRead } from '../load';
import { CaseActions } from './CaseActions';
import { CloseForm } from './CloseForm';

/** One case, as the email's "Open the case" link shows it. */
export function CasePage({ settings, t, caseId }: { settings: SignInSettings; t: Texts; caseId: string }) {
  const loaded = useRead<FollowUpCase>(settings, '/api/cases/' + encodeURIComponent(caseId));
  let body;
  if (loaded.state === 'loading') {
    body = <p>{t.t('signing-in')}</p>;
  } else if (loaded.state === 'failed') {
    body = <p role="alert">{t.t('failed', { reason: loaded.reason })}</p>;
  } else if (loaded.answer.status === 404) {
    body = <><p role="alert">{t.t('case.missing', { id: caseId })}</p><p><a href="/console/cases">{t.t('case.back')}</a></p></>;
  } else if (loaded.answer.status === 403) {
    body = <p role="alert">{t.t('case.forbidden')}</p>;
  } else if (loaded.answer.status !== 200 || !loaded.answer.body) {
    body = <p role="alert">{t.t('case.unreadable', { status: loaded.answer.status })}</p>;
  } else {
    body = <CaseWork settings={settings} t={t} initial={loaded.answer.body} />;
  }
  return (
    <>
      <h1 id="title">{t.t('case.title', { id: caseId })}</h1>
      <div id="out" aria-live="polite">{body}</div>
    </>
  );
}

/** The case as it stands, and — for a role that works cases — what can be done with it. */
function CaseWork({ settings, t, initial }: { settings: SignInSettings; t: Texts; initial: FollowUpCase }) {
  const [followUp, setFollowUp] = useState(initial);
  const [closedNote, setClosedNote] = useState<string | null>(null);
  useEffect(() => setFollowUp(initial), [initial]);
  const works = mayWorkCases(whoAmI(sessionStorage)?.groups ?? []);
  return (
    <>
      <CaseFacts followUp={followUp} t={t} />
      {works ? <CaseActions settings={settings} t={t} followUp={followUp}
        onChange={(changed) => setFollowUp({ ...followUp, ...changed })} /> : null}
      {works && followUp.status !== 'closed' ? <CloseForm settings={settings} t={t} followUp={followUp}
        onClosed={(closed, outcome) => {
          setFollowUp({ ...followUp, ...closed });
          setClosedNote(outcome);
        }} /> : null}
      {closedNote ? <p role="status" id="close-outcome">{closedNote}</p> : null}
    </>
  );
}

/** The re-survey after closing: awaited, or the score before and after. */
function resurvey(followUp: FollowUpCase, t: Texts): string | null {
  const state = resurveyState(followUp);
  if (state === 'none') {
    return null;
  }
  const measured = followUp.remeasurement;
  return state === 'awaited' || !measured ? t.t('resurvey.awaited') : t.t('resurvey.answered', {
    before: measured.scoreBefore === null ? '—' : t.number(measured.scoreBefore),
    after: measured.scoreAfter === null ? '—' : t.number(measured.scoreAfter), when: t.date(measured.answeredAt ?? '') });
}

function CaseFacts({ followUp, t }: { followUp: FollowUpCase; t: Texts }) {
  const when = (iso: string | null | undefined) => (iso ? t.date(iso) : null);
  const facts: [Key, string | number | null | undefined][] = [
    ['field.status', t.t(('status.' + followUp.status) as Key)], ['field.team', followUp.team],
    ['field.owner', followUp.owner], ['field.reason', followUp.reason],
    ['field.score', followUp.npsScore === null ? null : t.number(followUp.npsScore)],
    ['field.comment', followUp.comment], ['field.language', followUp.language], ['field.survey', followUp.surveyId],
    ['field.answer', followUp.responseId], ['field.opened', when(followUp.openedAt)], ['field.due', when(followUp.dueAt)],
    ['field.escalated', when(followUp.escalatedAt)], ['field.resolution', followUp.resolution],
    ['field.closed', when(followUp.closedAt)], ['field.tags', (followUp.tags ?? []).join(', ')],
    ['field.root-cause', followUp.rootCause], ['field.actions-taken', followUp.actionsTaken],
    ['field.resurvey', resurvey(followUp, t)],
  ];
  const notes = followUp.notes ?? [];
  return (
    <>
      <dl>
        {facts.filter(([, value]) => value !== null && value !== undefined && value !== '').map(([key, value]) => (
          <><dt>{t.t(key)}</dt><dd dir="auto">{value}</dd></>
        ))}
      </dl>
      <h2>{t.t('case.notes')}</h2>
      {notes.length === 0 ? <p>{t.t('case.no-notes')}</p> : (
        <ul>{notes.map((note) => <li dir="auto">{t.date(note.at)} — {note.author}: {note.text}</li>)}</ul>
      )}
    </>
  );
}
