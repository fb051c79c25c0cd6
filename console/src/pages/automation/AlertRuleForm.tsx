import { useState } from 'preact/hooks';
import type { SignInSettings } from '../../auth';
import { alertRuleOf, CONDITIONS, EMAIL_MODES, NEW_ALERT_RULE, SEVERITIES, type AlertRuleForm as Form,
  type Condition } from '../../automation';
import type { Key, Texts } from '../../i18n';
import { checked, Field, surveyName, useSurveys, value } from './common';
import { ConditionInput } from './ConditionInput';
import type { FormHooks } from './RuleSet';

/** The controls of the alert rule form, named by the fields of a rule the API names in a refusal. */
export const ALERT_CONTROLS = ['id', 'name', 'surveyId', 'pattern', 'team', 'severity', 'actions', 'actions-email',
  'actions-emailTo', 'actions-openCase-dueIn', 'actions-sns'];

/**
 * An alert rule for the common cases: a condition (NPS at most N, a category, a theme, a feedback type, a segment, a
 * touchpoint), the team, the severity, and what it does — a case due after a time, an email now or in a digest, an
 * SNS alert. A rule of the same id is replaced.
 */
export function AlertRuleForm({ settings, t, hooks }: { settings: SignInSettings; t: Texts; hooks: FormHooks }) {
  const [form, setForm] = useState<Form>(NEW_ALERT_RULE);
  const surveys = useSurveys(settings);
  const set = (change: Partial<Form>) => setForm({ ...form, ...change });
  const id = (control: string) => 'alert-' + control;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await hooks.add(alertRuleOf(form))) {
      setForm(NEW_ALERT_RULE);
    }
  };
  return (
    <form class="rule-form" id="alert-form" onSubmit={submit} noValidate aria-labelledby="alert-form-title">
      <h2 id="alert-form-title">{t.t('alerts.add')}</h2>
      <div class="row">
        <Field id={id('id')} label={t.t('rule.id')} problem={hooks.problemFor('id')}>
          {(describedBy) => <input id={id('id')} dir="ltr" required value={form.id} aria-describedby={describedBy}
            onInput={(event) => set({ id: value(event) })} />}
        </Field>
        <Field id={id('name')} label={t.t('rule.name')} problem={hooks.problemFor('name')}>
          {(describedBy) => <input id={id('name')} dir="auto" value={form.name} aria-describedby={describedBy}
            onInput={(event) => set({ name: value(event) })} />}
        </Field>
      </div>
      <ConditionInput t={t} prefix="alert" conditions={CONDITIONS} condition={form.condition} value={form.value}
        problem={hooks.problemFor('pattern')}
        onChange={(condition: Condition, typed: string) => set({ condition, value: typed })} />
      <div class="row">
        <Field id={id('surveyId')} label={t.t('rule.survey')} problem={hooks.problemFor('surveyId')}>
          {(describedBy) => (
            <select id={id('surveyId')} value={form.surveyId} aria-describedby={describedBy}
              onChange={(event) => set({ surveyId: value(event) })}>
              <option value="">{t.t('rule.any-survey')}</option>
              {surveys.map((survey) => <option value={survey.id}>{surveyName(t, survey)}</option>)}
            </select>
          )}
        </Field>
        <Field id={id('team')} label={t.t('rule.team')} problem={hooks.problemFor('team')}>
          {(describedBy) => <input id={id('team')} dir="ltr" value={form.team} aria-describedby={describedBy}
            placeholder={t.t('rule.team-routed')} onInput={(event) => set({ team: value(event) })} />}
        </Field>
        <Field id={id('severity')} label={t.t('alerts.severity')} problem={hooks.problemFor('severity')}>
          {(describedBy) => (
            <select id={id('severity')} value={form.severity} aria-describedby={describedBy}
              onChange={(event) => set({ severity: value(event) as Form['severity'] })}>
              {SEVERITIES.map((severity) => <option value={severity}>{t.t(('severity.' + severity) as Key)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <fieldset id={id('actions')} aria-describedby={hooks.problemFor('actions') ? id('actions') + '-problem' : undefined}>
        <legend>{t.t('alerts.actions')}</legend>
        <label class="inline">
          <input type="checkbox" id={id('openCase')} checked={form.openCase}
            onChange={(event) => set({ openCase: checked(event) })} />{' '}{t.t('alerts.open-case')}
        </label>
        {form.openCase ? (
          <Field id={id('actions-openCase-dueIn')} label={t.t('alerts.due-in')} problem={hooks.problemFor('actions-openCase-dueIn')}>
            {(describedBy) => <input id={id('actions-openCase-dueIn')} dir="ltr" value={form.dueIn}
              aria-describedby={describedBy} onInput={(event) => set({ dueIn: value(event) })} />}
          </Field>
        ) : null}
        <div class="row">
          <Field id={id('actions-email')} label={t.t('alerts.email')} problem={hooks.problemFor('actions-email')}>
            {(describedBy) => (
              <select id={id('actions-email')} value={form.email} aria-describedby={describedBy}
                onChange={(event) => set({ email: value(event) as Form['email'] })}>
                {EMAIL_MODES.map((mode) => <option value={mode}>{t.t(('email.' + mode) as Key)}</option>)}
              </select>
            )}
          </Field>
          <Field id={id('actions-emailTo')} label={t.t('alerts.email-to')} problem={hooks.problemFor('actions-emailTo')}>
            {(describedBy) => <input id={id('actions-emailTo')} dir="ltr" value={form.emailTo}
              disabled={form.email === 'none'} aria-describedby={describedBy}
              onInput={(event) => set({ emailTo: value(event) })} />}
          </Field>
        </div>
        <label class="inline">
          <input type="checkbox" id={id('actions-sns')} checked={form.sns}
            onChange={(event) => set({ sns: checked(event) })} />{' '}{t.t('alerts.sns')}
        </label>
        {hooks.problemFor('actions') ? <p class="refusal" role="alert" id={id('actions') + '-problem'}>
          {hooks.problemFor('actions')}</p> : null}
      </fieldset>
      <button type="submit" id="alert-save" disabled={hooks.busy}>{t.t('rule.save')}</button>
    </form>
  );
}
