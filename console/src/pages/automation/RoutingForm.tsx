import { useState } from 'preact/hooks';
import { CONDITIONS, NEW_ROUTING_RULE, routingRuleOf, type Condition, type RoutingRuleForm } from '../../automation';
import type { Texts } from '../../i18n';
import { checked, Field, value } from './common';
import { ConditionInput } from './ConditionInput';
import type { FormHooks } from './RuleSet';

export const ROUTING_CONTROLS = ['id', 'pattern', 'team', 'toAccountOwner'];

/** A routing rule: answers that match go to a team (and/or the customer's account owner). */
export function RoutingForm({ t, hooks }: { t: Texts; hooks: FormHooks }) {
  const [form, setForm] = useState<RoutingRuleForm>(NEW_ROUTING_RULE);
  const set = (change: Partial<RoutingRuleForm>) => setForm({ ...form, ...change });
  const id = (control: string) => 'routing-' + control;
  return (
    <form class="rule-form" id="routing-form" noValidate aria-labelledby="routing-form-title" onSubmit={async (event) => {
      event.preventDefault();
      if (await hooks.add(routingRuleOf(form))) {
        setForm(NEW_ROUTING_RULE);
      }
    }}>
      <h2 id="routing-form-title">{t.t('routing.add')}</h2>
      <Field id={id('id')} label={t.t('rule.id')} problem={hooks.problemFor('id')}>
        {(describedBy) => <input id={id('id')} dir="ltr" value={form.id} aria-describedby={describedBy}
          onInput={(event) => set({ id: value(event) })} />}
      </Field>
      <ConditionInput t={t} prefix="routing" conditions={CONDITIONS} condition={form.condition} value={form.value}
        problem={hooks.problemFor('pattern')}
        onChange={(condition: Condition, typed: string) => set({ condition, value: typed })} />
      <Field id={id('team')} label={t.t('rule.team')} problem={hooks.problemFor('team')}>
        {(describedBy) => <input id={id('team')} dir="ltr" value={form.team} aria-describedby={describedBy}
          onInput={(event) => set({ team: value(event) })} />}
      </Field>
      <label class="inline">
        <input type="checkbox" id={id('toAccountOwner')} checked={form.toAccountOwner}
          onChange={(event) => set({ toAccountOwner: checked(event) })} />{' '}{t.t('routing.account-owner')}
      </label>
      {hooks.problemFor('toAccountOwner') ? <p class="refusal" role="alert">{hooks.problemFor('toAccountOwner')}</p> : null}
      <button type="submit" id="routing-save" disabled={hooks.busy}>{t.t('rule.save')}</button>
    </form>
  );
}
