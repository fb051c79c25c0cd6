import { useState } from 'preact/hooks';
import { call, SignInNeeded } from '../../api';
import type { SignInSettings } from '../../auth';
import { dryRunBody, type DryRun, type DryRunForm as Form } from '../../automation';
import type { Key, Texts } from '../../i18n';
import { nearestControl, type ApiProblem } from '../../fields';
import { Field, surveyName, useSurveys, value } from './common';

const KINDS: Form['kind'][] = ['invitation', 'reminder', 'resurvey', 'relationship'];
const CONTROLS = ['surveyId', 'customer', 'customer-id', 'customer-email', 'timeZone', 'kind', 'at'];

/**
 * Would the policy let us contact this customer now (or at that time)? `POST /api/outreach/dry-run` answers without
 * claiming anything: yes, or why not — the cap with when next, quiet hours with until when, suppressed, no address.
 */
export function DryRunForm({ settings, t }: { settings: SignInSettings; t: Texts }) {
  const surveys = useSurveys(settings);
  const [form, setForm] = useState<Form>({ surveyId: '', customerId: '', email: '', timeZone: '', kind: 'invitation',
    at: '' });
  const [answer, setAnswer] = useState<DryRun | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const set = (change: Partial<Form>) => {
    setForm({ ...form, ...change });
    setAnswer(null);
  };
  const surveyId = form.surveyId || surveys[0]?.id || '';
  const placed = problem?.field ? nearestControl(problem.field, CONTROLS) : null;
  const problemFor = (...controls: string[]) => (problem && placed !== null && controls.includes(placed)
    ? t.t('problem', { field: problem.field ?? '', message: problem.message }) : null);
  const run = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setAnswer(null);
    try {
      const asked = await call<DryRun & { error?: ApiProblem }>(settings, 'POST', '/api/outreach/dry-run',
        dryRunBody({ ...form, surveyId }));
      if (asked.status === 200 && asked.body) {
        setAnswer(asked.body);
      } else {
        setProblem(asked.body?.error ?? { code: 'failed', message: String(asked.status) });
      }
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setProblem({ code: 'failed', message: (failure as Error).message });
      }
    }
  };
  return (
    <form class="rule-form" id="dry-run-form" onSubmit={run} noValidate aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">{t.t('dry-run.title')}</h2>
      <p>{t.t('dry-run.intro')}</p>
      <div class="row">
        <Field id="dry-run-survey" label={t.t('rule.survey')} problem={problemFor('surveyId')}>
          {(describedBy) => (
            <select id="dry-run-survey" value={surveyId} aria-describedby={describedBy}
              onChange={(event) => set({ surveyId: value(event) })}>
              {surveys.map((survey) => <option value={survey.id}>{surveyName(t, survey)}</option>)}
            </select>
          )}
        </Field>
        <Field id="dry-run-kind" label={t.t('dry-run.kind')} problem={problemFor('kind')}>
          {(describedBy) => (
            <select id="dry-run-kind" value={form.kind} aria-describedby={describedBy}
              onChange={(event) => set({ kind: value(event) as Form['kind'] })}>
              {KINDS.map((kind) => <option value={kind}>{t.t(('outreach.' + kind) as Key)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <div class="row">
        <Field id="dry-run-customer-id" label={t.t('dry-run.customer-id')} problem={problemFor('customer-id')}>
          {(describedBy) => <input id="dry-run-customer-id" dir="ltr" value={form.customerId}
            aria-describedby={describedBy} onInput={(event) => set({ customerId: value(event) })} />}
        </Field>
        <Field id="dry-run-email" label={t.t('dry-run.email')} problem={problemFor('customer', 'customer-email')}>
          {(describedBy) => <input id="dry-run-email" type="email" dir="ltr" value={form.email}
            aria-describedby={describedBy} onInput={(event) => set({ email: value(event) })} />}
        </Field>
      </div>
      <div class="row">
        <Field id="dry-run-time-zone" label={t.t('dry-run.time-zone')} problem={problemFor('timeZone')}>
          {(describedBy) => <input id="dry-run-time-zone" dir="ltr" value={form.timeZone} placeholder="Asia/Tehran"
            aria-describedby={describedBy} onInput={(event) => set({ timeZone: value(event) })} />}
        </Field>
        <Field id="dry-run-at" label={t.t('dry-run.at')} problem={problemFor('at')}>
          {(describedBy) => <input id="dry-run-at" type="datetime-local" value={form.at} aria-describedby={describedBy}
            onInput={(event) => set({ at: value(event) })} />}
        </Field>
      </div>
      {problem && placed === null ? <p class="refusal" role="alert">{t.t('problem',
        { field: problem.field ?? '', message: problem.message })}</p> : null}
      <button type="submit" id="dry-run-button" disabled={!surveyId}>{t.t('dry-run.run')}</button>
      <div id="dry-run-answer" aria-live="polite">
        {answer ? <DryRunAnswer t={t} answer={answer} /> : null}
      </div>
    </form>
  );
}

function DryRunAnswer({ t, answer }: { t: Texts; answer: DryRun }) {
  if (answer.wouldContact) {
    return <p data-would-contact="true" data-reason=""><b>{t.t('dry-run.yes')}</b></p>;
  }
  const reason = answer.reason ?? '';
  const known = ['frequency_cap', 'quiet_hours', 'suppressed', 'no_address'].includes(reason);
  return (
    <>
      <p data-would-contact="false" data-reason={reason}><b>{t.t('dry-run.no')}</b>{' '}
        {known ? t.t(('reason.' + reason) as Key) : reason}</p>
      {answer.deferredUntil ? <p>{t.t('dry-run.deferred', { when: t.date(answer.deferredUntil) })}</p> : null}
      {answer.nextAllowedAt ? <p>{t.t('dry-run.next', { when: t.date(answer.nextAllowedAt) })}</p> : null}
      {answer.detail ? <p class="meta" dir="auto">{answer.detail}</p> : null}
      {answer.lastContactAt ? <p class="meta">{t.t('dry-run.last', { when: t.date(answer.lastContactAt) })}</p> : null}
    </>
  );
}
