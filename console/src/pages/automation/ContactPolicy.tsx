import { useEffect, useState } from 'preact/hooks';
import { call, SignInNeeded } from '../../api';
import type { SignInSettings } from '../../auth';
import type { Texts } from '../../i18n';
import { useRead } from '../../load';
import { nearestControl, type ApiProblem } from '../../fields';
import { Field, value } from './common';
import { DryRunForm } from './DryRunForm';

type Policy = Record<string, unknown>;

const SCALARS = ['frequencyCap', 'quietHoursStart', 'quietHoursEnd', 'reminderAfter', 'maxReminders',
  'resurveyAfterClose'] as const;
/** The per-survey maps, edited as JSON. */
const PER_SURVEY = ['surveyFrequencyCaps', 'relationshipCadenceDays'] as const;

/**
 * The contact policy (`GET/PUT /api/contact-policy`): the cap, quiet hours, reminders and re-surveys as fields, the
 * per-survey caps and cadences as JSON; the API's refusal next to the field it names. Then the dry run.
 */
export function ContactPolicy({ settings, t }: { settings: SignInSettings; t: Texts }) {
  const loaded = useRead<Policy>(settings, '/api/contact-policy');
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [perSurvey, setPerSurvey] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const show = (read: Policy) => {
    setPolicy(read);
    setPerSurvey(JSON.stringify(Object.fromEntries(PER_SURVEY.map((key) => [key, read[key] ?? {}])), null, 2));
  };
  useEffect(() => {
    if (loaded.state === 'answered' && loaded.answer.status === 200 && loaded.answer.body) {
      show(loaded.answer.body);
    }
  }, [loaded.state]);
  if (loaded.state === 'answered' && loaded.answer.status !== 200) {
    return <p role="alert">{t.t(loaded.answer.status === 403 ? 'automation.forbidden' : 'automation.unreadable',
      { status: loaded.answer.status })}</p>;
  }
  if (!policy) {
    return <p>{loaded.state === 'failed' ? t.t('failed', { reason: loaded.reason }) : t.t('signing-in')}</p>;
  }
  const placed = problem?.field ? nearestControl(problem.field, [...SCALARS, ...PER_SURVEY]) : null;
  const problemFor = (...controls: string[]) => (problem && placed !== null && controls.includes(placed)
    ? t.t('problem', { field: problem.field ?? '', message: problem.message }) : null);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    let maps: Policy;
    try {
      maps = JSON.parse(perSurvey) as Policy;
    } catch (failure) {
      setProblem({ code: 'json', field: 'surveyFrequencyCaps', message: (failure as Error).message });
      return;
    }
    const next = { ...policy, ...maps, maxReminders: Number(policy.maxReminders) };
    try {
      const answer = await call<Policy & { error?: ApiProblem }>(settings, 'PUT', '/api/contact-policy', next);
      if (answer.status === 200 && answer.body) {
        setProblem(null);
        show(answer.body);
        setSaved(true);
      } else {
        setProblem(answer.body?.error ?? { code: 'failed', message: String(answer.status) });
      }
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setProblem({ code: 'failed', message: (failure as Error).message });
      }
    }
  };
  const text = (key: (typeof SCALARS)[number], problemAt: string | null = problemFor(key)) => (
    <Field id={'policy-' + key} label={t.t(('policy.' + key) as 'policy.frequencyCap')} problem={problemAt}>
      {(describedBy) => <input id={'policy-' + key} dir="ltr" value={String(policy[key] ?? '')}
        aria-describedby={describedBy} inputMode={key === 'maxReminders' ? 'numeric' : undefined}
        onInput={(event) => setPolicy({ ...policy, [key]: value(event) })} />}
    </Field>
  );
  return (
    <>
      <form class="rule-form" id="policy-form" onSubmit={save} noValidate aria-labelledby="policy-title">
        <h2 id="policy-title">{t.t('policy.title')}</h2>
        <p>{t.t('policy.intro')}</p>
        <div class="row">
          {text('frequencyCap')}
          {text('quietHoursStart', problemFor('quietHoursStart', 'quietHoursEnd'))}
          {text('quietHoursEnd', null)}
        </div>
        <div class="row">
          {text('reminderAfter')}
          {text('maxReminders')}
          {text('resurveyAfterClose')}
        </div>
        <Field id="policy-per-survey" label={t.t('policy.per-survey')} problem={problemFor(...PER_SURVEY)}>
          {(describedBy) => <textarea id="policy-per-survey" class="code" dir="ltr" spellcheck={false} value={perSurvey}
            aria-describedby={describedBy} onInput={(event) => setPerSurvey(value(event))} />}
        </Field>
        {problem && placed === null ? <p class="refusal" role="alert">{t.t('problem',
          { field: problem.field ?? '', message: problem.message })}</p> : null}
        <button type="submit" id="policy-save">{t.t('rule.save')}</button>
        <div aria-live="polite">{saved ? <p id="policy-saved">{t.t('automation.saved')}</p> : null}</div>
      </form>
      <DryRunForm settings={settings} t={t} />
    </>
  );
}
