import { FEEDBACK_TYPES, NPS_CATEGORIES, type Condition } from '../../automation';
import type { Key, Texts } from '../../i18n';
import { value } from './common';

/**
 * What a rule matches, as a kind of condition and its value: a number for "NPS at most", a choice for a category or a
 * feedback type, a word otherwise. The API's problem with the pattern it becomes is shown under it.
 */
export function ConditionInput({ t, prefix, conditions, condition, value: typed, problem, onChange }: {
  t: Texts; prefix: string; conditions: readonly Condition[]; condition: Condition; value: string;
  problem: string | null; onChange: (condition: Condition, value: string) => void;
}) {
  const id = prefix + '-pattern';
  const choices = condition === 'npsCategory' ? NPS_CATEGORIES : condition === 'feedbackType' ? FEEDBACK_TYPES : null;
  return (
    <fieldset id={id} class="row" aria-describedby={problem ? id + '-problem' : undefined}>
      <legend>{t.t('rule.condition')}</legend>
      <label>{t.t('rule.when')}
        <select id={id + '-kind'} value={condition} onChange={(event) => {
          const chosen = value(event) as Condition;
          onChange(chosen, chosen === 'npsAtMost' ? '6' : chosen === 'npsCategory' ? 'detractor'
            : chosen === 'feedbackType' ? 'complaint' : '');
        }}>
          {conditions.map((option) => <option value={option}>{t.t(('condition.' + option) as Key)}</option>)}
        </select>
      </label>
      <label>{t.t('rule.value')}
        {choices ? (
          <select id={id + '-value'} value={typed} onChange={(event) => onChange(condition, value(event))}>
            {choices.map((choice) => <option value={choice}>{choice}</option>)}
          </select>
        ) : (
          <input id={id + '-value'} dir="ltr" value={typed} inputMode={condition === 'npsAtMost' ? 'numeric' : undefined}
            onInput={(event) => onChange(condition, value(event))} />
        )}
      </label>
      {problem ? <p class="refusal" role="alert" id={id + '-problem'}>{problem}</p> : null}
    </fieldset>
  );
}
