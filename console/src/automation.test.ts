import { describe, expect, it } from 'vitest';
import { alertRuleOf, dryRunBody, NEW_ALERT_RULE, parkedWhat, parseRuleSet, patternOf, placeProblem, routingRuleOf,
  triggerOf, withRule } from './automation';

describe('the forms write the README\'s rules', () => {
  it('writes each condition as an EventBridge pattern over the enriched answer', () => {
    expect(JSON.parse(patternOf('npsAtMost', ' 6 '))).toEqual({ npsScore: [{ numeric: ['<=', 6] }] });
    expect(JSON.parse(patternOf('segment', 'enterprise'))).toEqual({ customer: { segment: ['enterprise'] } });
    expect(JSON.parse(patternOf('theme', 'delivery'))).toEqual({ themes: ['delivery'] });
    expect(JSON.parse(patternOf('feedbackType', 'bug'))).toEqual({ feedbackType: ['bug'] });
    // a threshold that is no number is sent as typed, for the API to name
    expect(JSON.parse(patternOf('npsAtMost', 'six'))).toEqual({ npsScore: [{ numeric: ['<=', 'six'] }] });
  });

  it('makes an alert rule with its actions, leaving out what is empty', () => {
    const rule = alertRuleOf({ ...NEW_ALERT_RULE, id: ' vip ', name: 'VIP detractor', condition: 'segment',
      value: 'enterprise', team: 'sales', emailTo: 'owner, vip@example.com', sns: true });
    expect(rule).toEqual({ id: 'vip', name: 'VIP detractor', pattern: '{"customer":{"segment":["enterprise"]}}',
      team: 'sales', severity: 'high', actions: { email: 'immediate', emailTo: ['owner', 'vip@example.com'],
        openCase: { dueIn: 'PT48H' }, sns: true } });
    expect(alertRuleOf({ ...NEW_ALERT_RULE, id: 'quiet', email: 'none', openCase: false }).actions)
      .toEqual({ email: 'none' });
  });

  it('makes routing and touchpoint rules', () => {
    expect(routingRuleOf({ id: 'd', condition: 'theme', value: 'delivery', team: 'logistics', toAccountOwner: false }))
      .toEqual({ id: 'd', pattern: '{"themes":["delivery"]}', team: 'logistics' });
    const trigger = triggerOf({ id: 't', source: 'demo.shop', detailType: 'OrderDelivered', surveyId: 'demo-nps',
      channel: 'sms', delay: 'PT1H' });
    expect(trigger.pattern).toBe('{"source":["demo.shop"],"detail-type":["OrderDelivered"]}');
    expect(trigger.customer).toMatchObject({ phone: '$.detail.customer.phone' });
  });

  it('replaces the rule of the same id, else adds it at the end, and says where', () => {
    const rules = [{ id: 'a', n: 1 }, { id: 'b', n: 2 }];
    expect(withRule(rules, { id: 'b', n: 3 })).toEqual({ rules: [{ id: 'a', n: 1 }, { id: 'b', n: 3 }], index: 1 });
    expect(withRule(rules, { id: 'c' }).index).toBe(2);
  });
});

describe('the API\'s refusal of a rule set', () => {
  const controls = ['id', 'pattern', 'team', 'actions', 'actions-emailTo'];

  it('belongs to the form\'s control when it names the rule the form sent', () => {
    expect(placeProblem('rules[2].actions.emailTo', 'rules', 2, controls)).toEqual({ control: 'actions-emailTo' });
    expect(placeProblem('rules[2].actions.openCase.dueIn', 'rules', 2, controls)).toEqual({ control: 'actions' });
    expect(placeProblem('rules[2].id', 'rules', 2, controls)).toEqual({ control: 'id' });
  });

  it('belongs to the JSON when it names another rule or the list', () => {
    expect(placeProblem('rules[0].pattern', 'rules', 2, controls)).toEqual({ control: null });
    expect(placeProblem('rules[20].pattern', 'rules', 2, controls)).toEqual({ control: null });
    expect(placeProblem('rules', 'rules', 2, controls)).toEqual({ control: null });
    expect(placeProblem('rules[2].pattern', 'rules', null, controls)).toEqual({ control: null });
  });

  it('reads the typed JSON as the list, or says why not', () => {
    expect(parseRuleSet('{"rules":[{"id":"a"}]}', 'rules')).toEqual({ rules: [{ id: 'a' }] });
    expect(parseRuleSet('[{"id":"a"}]', 'triggers')).toEqual({ rules: [{ id: 'a' }] });
    expect(parseRuleSet('{"rules":[1]}', 'rules')).toEqual({ problem: 'rules' });
    expect(parseRuleSet('{"rules":', 'rules')).toHaveProperty('problem');
  });
});

describe('the contact policy\'s dry run and parked work', () => {
  it('sends the customer by what was typed, and the time as an instant', () => {
    const body = dryRunBody({ surveyId: 'demo-nps', customerId: '', email: ' c1@example.com ', timeZone: 'Asia/Tehran',
      kind: 'invitation', at: '2026-11-25T22:30' });
    expect(body).toMatchObject({ surveyId: 'demo-nps', customer: { email: 'c1@example.com' }, timeZone: 'Asia/Tehran',
      kind: 'invitation' });
    expect(body.at).toBe(new Date('2026-11-25T22:30').toISOString());
    expect(dryRunBody({ surveyId: 's', customerId: 'c1', email: '', timeZone: '', kind: 'reminder', at: '' }))
      .toEqual({ surveyId: 's', customer: { id: 'c1' }, kind: 'reminder' });
  });

  it('says what a parked item was without any address', () => {
    expect(parkedWhat({ id: 'o1', kind: 'outreach', outreachKind: 'invitation', surveyId: 'demo-nps', channel: 'email',
      reason: 'refused', attempts: 5, parkedAt: '2026-11-25T00:00:00Z' })).toBe('invitation demo-nps (email)');
    expect(parkedWhat({ id: 'digest:x', kind: 'digest', item: 'support#2026-W48', reason: 'r', attempts: 5,
      parkedAt: '2026-11-25T00:00:00Z' })).toBe('support#2026-W48');
  });
});
