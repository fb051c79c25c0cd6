import { useState } from 'preact/hooks';
import type { SignInSettings } from '../../auth';
import { NEW_TRIGGER, triggerOf, type TriggerForm as Form } from '../../automation';
import type { Texts } from '../../i18n';
import { Field, surveyName, useSurveys, value } from './common';
import type { FormHooks } from './RuleSet';

export const TRIGGER_CONTROLS = ['id', 'pattern', 'surveyId', 'channel', 'delay', 'customer'];

/**
 * A touchpoint rule for the common case: another system's event of one source and detail-type invites its customer
 * (read at the README's paths, `$.detail.customer.…`) to a survey after a delay. Other paths: the JSON.
 */
export function TriggerForm({ settings, t, hooks }: { settings: SignInSettings; t: Texts; hooks: FormHooks }) {
  const [form, setForm] = useState<Form>(NEW_TRIGGER);
  const surveys = useSurveys(settings);
  const set = (change: Partial<Form>) => setForm({ ...form, ...change });
  const id = (control: string) => 'trigger-' + control;
  const surveyId = form.surveyId || surveys[0]?.id || '';
  return (
    <form class="rule-form" id="trigger-form" noValidate aria-labelledby="trigger-form-title" onSubmit={async (event) => {
      event.preventDefault();
      if (await hooks.add(triggerOf({ ...form, surveyId }))) {
        setForm(NEW_TRIGGER);
      }
    }}>
      <h2 id="trigger-form-title">{t.t('triggers.add')}</h2>
      <Field id={id('id')} label={t.t('rule.id')} problem={hooks.problemFor('id')}>
        {(describedBy) => <input id={id('id')} dir="ltr" value={form.id} aria-describedby={describedBy}
          onInput={(event) => set({ id: value(event) })} />}
      </Field>
      <div class="row" id={id('pattern')}>
        <Field id={id('source')} label={t.t('triggers.source')} problem={hooks.problemFor('pattern')}>
          {(describedBy) => <input id={id('source')} dir="ltr" value={form.source} placeholder="demo.shop"
            aria-describedby={describedBy} onInput={(event) => set({ source: value(event) })} />}
        </Field>
        <Field id={id('detailType')} label={t.t('triggers.detail-type')} problem={null}>
          {() => <input id={id('detailType')} dir="ltr" value={form.detailType} placeholder="OrderDelivered"
            onInput={(event) => set({ detailType: value(event) })} />}
        </Field>
      </div>
      <div class="row">
        <Field id={id('surveyId')} label={t.t('rule.survey')} problem={hooks.problemFor('surveyId')}>
          {(describedBy) => (
            <select id={id('surveyId')} value={surveyId} aria-describedby={describedBy}
              onChange={(event) => set({ surveyId: value(event) })}>
              {surveys.map((survey) => <option value={survey.id}>{surveyName(t, survey)}</option>)}
            </select>
          )}
        </Field>
        <Field id={id('channel')} label={t.t('triggers.channel')} problem={hooks.problemFor('channel') ?? hooks.problemFor('customer')}>
          {(describedBy) => (
            <select id={id('channel')} value={form.channel} aria-describedby={describedBy}
              onChange={(event) => set({ channel: value(event) as Form['channel'] })}>
              <option value="email">{t.t('channel.email')}</option>
              <option value="sms">{t.t('channel.sms')}</option>
            </select>
          )}
        </Field>
        <Field id={id('delay')} label={t.t('triggers.delay')} problem={hooks.problemFor('delay')}>
          {(describedBy) => <input id={id('delay')} dir="ltr" value={form.delay} aria-describedby={describedBy}
            onInput={(event) => set({ delay: value(event) })} />}
        </Field>
      </div>
      <button type="submit" id="trigger-save" disabled={hooks.busy}>{t.t('rule.save')}</button>
    </form>
  );
}
