// The automation pages' model: the rule sets the API keeps as data (README, "Routing as data", "Acting and closing
// the loop", "Measuring again"), the common cases as forms, and where the API's refusal of a rule set belongs.

import { nearestControl, splitList } from './fields';

/** A condition the forms write as an EventBridge pattern over the ResponseEnriched detail. */
export const CONDITIONS = ['npsAtMost', 'npsCategory', 'theme', 'feedbackType', 'segment', 'touchpoint'] as const;
export type Condition = (typeof CONDITIONS)[number];
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const EMAIL_MODES = ['none', 'immediate', 'daily', 'weekly'] as const;
export const NPS_CATEGORIES = ['detractor', 'passive', 'promoter'] as const;
export const FEEDBACK_TYPES = ['complaint', 'bug', 'suggestion', 'praise', 'question'] as const;

/** The condition's pattern: `npsAtMost` 6 → {"npsScore":[{"numeric":["<=",6]}]}; the others match one value. */
export function patternOf(condition: Condition, value: string): string {
  const typed = value.trim();
  switch (condition) {
    case 'npsAtMost': {
      // a number as a number; anything else as typed, for the API to refuse by its field
      const threshold = typed !== '' && Number.isFinite(Number(typed)) ? Number(typed) : typed;
      return JSON.stringify({ npsScore: [{ numeric: ['<=', threshold] }] });
    }
    case 'npsCategory':
      return JSON.stringify({ npsCategory: [typed] });
    case 'theme':
      return JSON.stringify({ themes: [typed] });
    case 'feedbackType':
      return JSON.stringify({ feedbackType: [typed] });
    case 'segment':
      return JSON.stringify({ customer: { segment: [typed] } });
    case 'touchpoint':
      return JSON.stringify({ touchpoint: [typed] });
  }
}

export interface AlertRuleForm {
  id: string;
  name: string;
  surveyId: string;
  condition: Condition;
  value: string;
  team: string;
  severity: (typeof SEVERITIES)[number];
  email: (typeof EMAIL_MODES)[number];
  emailTo: string;
  openCase: boolean;
  dueIn: string;
  sns: boolean;
}

export const NEW_ALERT_RULE: AlertRuleForm = { id: '', name: '', surveyId: '', condition: 'npsAtMost', value: '6', team: '',
  severity: 'high', email: 'immediate', emailTo: 'owner', openCase: true, dueIn: 'PT48H', sns: false };

/** The rule the API takes (README: id, name, surveyId, pattern, team, severity, actions); empty optionals left out. */
export function alertRuleOf(form: AlertRuleForm): Record<string, unknown> {
  const actions: Record<string, unknown> = { email: form.email };
  const emailTo = splitList(form.emailTo);
  if (form.email !== 'none' && emailTo.length > 0) {
    actions.emailTo = emailTo;
  }
  if (form.openCase) {
    actions.openCase = { dueIn: form.dueIn.trim() };
  }
  if (form.sns) {
    actions.sns = true;
  }
  return {
    id: form.id.trim(),
    ...(form.name.trim() ? { name: form.name.trim() } : {}),
    ...(form.surveyId.trim() ? { surveyId: form.surveyId.trim() } : {}),
    pattern: patternOf(form.condition, form.value),
    ...(form.team.trim() ? { team: form.team.trim() } : {}),
    severity: form.severity,
    actions,
  };
}

export interface RoutingRuleForm {
  id: string;
  condition: Condition;
  value: string;
  team: string;
  toAccountOwner: boolean;
}

export const NEW_ROUTING_RULE: RoutingRuleForm = { id: '', condition: 'theme', value: '', team: '', toAccountOwner: false };

export function routingRuleOf(form: RoutingRuleForm): Record<string, unknown> {
  return {
    id: form.id.trim(),
    pattern: patternOf(form.condition, form.value),
    ...(form.team.trim() ? { team: form.team.trim() } : {}),
    ...(form.toAccountOwner ? { toAccountOwner: true } : {}),
  };
}

export interface TriggerForm {
  id: string;
  source: string;
  detailType: string;
  surveyId: string;
  channel: 'email' | 'sms';
  delay: string;
}

export const NEW_TRIGGER: TriggerForm = { id: '', source: '', detailType: '', surveyId: '', channel: 'email', delay: 'PT1H' };

/** A touchpoint rule for an event of one source and detail-type, with the README's customer paths. */
export function triggerOf(form: TriggerForm): Record<string, unknown> {
  const contact = form.channel === 'email' ? 'email' : 'phone';
  return {
    id: form.id.trim(),
    pattern: JSON.stringify({ source: [form.source.trim()], 'detail-type': [form.detailType.trim()] }),
    surveyId: form.surveyId.trim(), channel: form.channel, delay: form.delay.trim(),
    customer: { id: '$.detail.customer.id', [contact]: '$.detail.customer.' + contact, name: '$.detail.customer.name',
      locale: '$.detail.customer.locale', timeZone: '$.detail.customer.timeZone' },
  };
}

/** The list with {@code rule} in place of the one with its id, else at the end; and where it is. */
export function withRule(rules: readonly Record<string, unknown>[], rule: Record<string, unknown>):
  { rules: Record<string, unknown>[]; index: number } {
  const at = rules.findIndex((existing) => existing.id === rule.id);
  if (at < 0) {
    return { rules: [...rules, rule], index: rules.length };
  }
  return { rules: rules.map((existing, i) => (i === at ? rule : existing)), index: at };
}

/**
 * Where the API's refusal of a rule set belongs: `rules[3].actions.emailTo` of the rule the form sent (index 3) is
 * the form's `actions-emailTo` (or the nearest control it has, e.g. `actions` for `actions.openCase.dueIn` when
 * there is no `actions-openCase-dueIn`); anything else — another rule, the list — is the JSON's.
 */
export function placeProblem(field: string | undefined | null, list: string, formIndex: number | null,
  formControls: readonly string[]): { control: string | null } {
  if (!field || formIndex === null) {
    return { control: null };
  }
  const prefix = list + '[' + formIndex + ']';
  if (!field.startsWith(prefix + '.') && field !== prefix) {
    return { control: null };
  }
  return { control: nearestControl(field.slice(prefix.length + 1), formControls) };
}

/** The JSON typed into a rule set's text area: the list under its key, or why it cannot be read. */
export function parseRuleSet(typed: string, list: string): { rules: Record<string, unknown>[] } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typed);
  } catch (failure) {
    return { problem: (failure as Error).message };
  }
  const rules = Array.isArray(parsed) ? parsed : (parsed as Record<string, unknown> | null)?.[list];
  if (!Array.isArray(rules) || rules.some((rule) => typeof rule !== 'object' || rule === null || Array.isArray(rule))) {
    return { problem: list };
  }
  return { rules: rules as Record<string, unknown>[] };
}

/** A rule set as the text area shows it: the API's own shape, indented. */
export function ruleSetText(list: string, rules: readonly unknown[]): string {
  return JSON.stringify({ [list]: rules }, null, 2);
}

export interface DryRunForm {
  surveyId: string;
  customerId: string;
  email: string;
  timeZone: string;
  kind: 'invitation' | 'reminder' | 'resurvey' | 'relationship';
  at: string;
}

/** `POST /api/outreach/dry-run`'s body; `at` typed as a local date-time of the browser, sent as an instant. */
export function dryRunBody(form: DryRunForm): Record<string, unknown> {
  const customer: Record<string, string> = {};
  if (form.customerId.trim()) {
    customer.id = form.customerId.trim();
  }
  if (form.email.trim()) {
    customer.email = form.email.trim();
  }
  return {
    surveyId: form.surveyId,
    customer,
    ...(form.timeZone.trim() ? { timeZone: form.timeZone.trim() } : {}),
    kind: form.kind,
    ...(form.at ? { at: new Date(form.at).toISOString() } : {}),
  };
}

/** The dry run's answer (README, "Contact policy"). */
export interface DryRun {
  wouldContact: boolean;
  reason?: string;
  detail?: string | null;
  deferredUntil?: string;
  nextAllowedAt?: string;
  lastContactAt?: string | null;
}

/** A parked item (README, "When something fails"): outreach carries its survey and channel, the rest their item. */
export interface Parked {
  id: string;
  kind: string;
  item?: string;
  outreachKind?: string;
  surveyId?: string;
  channel?: string;
  reason: string;
  attempts: number;
  parkedAt: string;
}

/** What a parked item was, in a few words: `outreach invitation demo-nps (email)`, `digest support#2026-W48`. */
export function parkedWhat(parked: Parked): string {
  if (parked.kind === 'outreach') {
    return [parked.outreachKind, parked.surveyId, parked.channel ? '(' + parked.channel + ')' : null]
      .filter((part) => part).join(' ');
  }
  return parked.item ?? parked.id;
}
