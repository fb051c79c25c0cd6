import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { call, SignInNeeded } from '../../api';
import type { SignInSettings } from '../../auth';
import { parseRuleSet, placeProblem, ruleSetText, withRule } from '../../automation';
import type { Texts } from '../../i18n';
import { useRead } from '../../load';
import type { ApiProblem } from '../../fields';

type Rule = Record<string, unknown>;

/** What a rule form gets from its rule set: a way to add its rule, and the API's problem with one of its controls. */
export interface FormHooks {
  /** Saves the list with this rule in it (replacing the one of its id); true once saved. */
  add: (rule: Rule) => Promise<boolean>;
  problemFor: (control: string) => string | null;
  busy: boolean;
}

type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'refused'; problem: ApiProblem;
  formIndex: number | null };

/**
 * One of the API's rule sets (routing, alert rules, touchpoint rules): read with GET, the rules listed, a form for
 * the common case, and the whole set as JSON to edit the rest — both saved by PUT, the API's refusal shown next to
 * the form's control it names, else next to the JSON.
 */
export function RuleSet({ settings, t, path, list, prefix, controls, describe, form }: {
  settings: SignInSettings; t: Texts; path: string; list: string; prefix: string; controls: readonly string[];
  describe: (rule: Rule) => string; form: (hooks: FormHooks) => ComponentChildren;
}) {
  const loaded = useRead<Record<string, Rule[]>>(settings, path);
  const [rules, setRules] = useState<Rule[] | null>(null);
  const [typed, setTyped] = useState('');
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  useEffect(() => {
    if (loaded.state === 'answered' && loaded.answer.status === 200 && loaded.answer.body) {
      const read = loaded.answer.body[list] ?? [];
      setRules(read);
      setTyped(ruleSetText(list, read));
    }
  }, [loaded.state]);

  async function save(next: Rule[], formIndex: number | null): Promise<boolean> {
    setSaving({ state: 'saving' });
    try {
      const answer = await call<Record<string, Rule[]> & { error?: ApiProblem }>(settings, 'PUT', path, { [list]: next });
      if (answer.status === 200 && answer.body) {
        const stored = answer.body[list] ?? next;
        setRules(stored);
        setTyped(ruleSetText(list, stored));
        setSaving({ state: 'saved' });
        return true;
      }
      setSaving({ state: 'refused', formIndex,
        problem: answer.body?.error ?? { code: 'failed', message: String(answer.status) } });
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setSaving({ state: 'refused', formIndex, problem: { code: 'failed', message: (failure as Error).message } });
      }
    }
    return false;
  }

  if (loaded.state === 'answered' && loaded.answer.status !== 200) {
    return <p role="alert">{t.t(loaded.answer.status === 403 ? 'automation.forbidden' : 'automation.unreadable',
      { status: loaded.answer.status })}</p>;
  }
  if (!rules) {
    return <p>{loaded.state === 'failed' ? t.t('failed', { reason: loaded.reason }) : t.t('signing-in')}</p>;
  }
  const refusal = saving.state === 'refused' ? saving.problem : null;
  const placed = refusal ? placeProblem(refusal.field, list, saving.state === 'refused' ? saving.formIndex : null,
    controls).control : null;
  // the rule sets' problems start with their field already ("rules[2].pattern is not …")
  const message = !refusal ? '' : refusal.field && refusal.message.startsWith(refusal.field) ? refusal.message
    : t.t('problem', { field: refusal.field ?? '', message: refusal.message });
  const hooks: FormHooks = {
    add: (rule) => {
      const { rules: next, index } = withRule(rules, rule);
      return save(next, index);
    },
    problemFor: (control) => (refusal && placed === control ? message : null),
    busy: saving.state === 'saving',
  };
  const parsed = parseRuleSet(typed, list);
  return (
    <>
      <h2 id={prefix + '-list'}>{t.t('automation.in-force', { n: rules.length })}</h2>
      {rules.length === 0 ? <p>{t.t('automation.none')}</p> : (
        <ul class="rules" aria-labelledby={prefix + '-list'}>
          {rules.map((rule) => <li data-rule={String(rule.id)}><b dir="auto">{String(rule.id)}</b>{' '}
            <span class="meta" dir="auto">{describe(rule)}</span></li>)}
        </ul>
      )}
      {form(hooks)}
      <details class="raw" open={refusal !== null && placed === null}>
        <summary>{t.t('automation.json')}</summary>
        <form onSubmit={(event) => {
          event.preventDefault();
          if ('rules' in parsed) {
            save(parsed.rules, null);
          }
        }}>
          <label for={prefix + '-json'}>{t.t('automation.json-label', { list })}</label>
          <textarea id={prefix + '-json'} class="code" dir="ltr" spellcheck={false} value={typed}
            aria-describedby={refusal && placed === null ? prefix + '-json-problem' : undefined}
            onInput={(event) => setTyped((event.target as HTMLTextAreaElement).value)} />
          {'problem' in parsed ? <p class="refusal" role="alert">{t.t('automation.json-unreadable',
            { reason: parsed.problem })}</p> : null}
          {refusal && placed === null ? <p class="refusal" role="alert" id={prefix + '-json-problem'}>{message}</p> : null}
          <button type="submit" id={prefix + '-json-save'} disabled={'problem' in parsed || saving.state === 'saving'}>
            {t.t('automation.save-json')}</button>
        </form>
      </details>
      <div aria-live="polite" id={prefix + '-outcome'}>
        {saving.state === 'saved' ? <p>{t.t('automation.saved')}</p> : null}
      </div>
    </>
  );
}
