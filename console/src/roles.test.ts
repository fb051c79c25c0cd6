import { describe, expect, it } from 'vitest';
import { areasOf, mayEditSurveys, mayReadRules } from './roles';

describe('what each role is offered', () => {
  it('areasOf_shouldOfferSettingsToAdminsOnly_andScoresToNoAgent', () => {
    expect(areasOf(['admin']).has('settings')).toBe(true);
    expect(areasOf(['manager']).has('settings')).toBe(false);
    expect(areasOf(['agent']).has('overview')).toBe(false);
    expect([...areasOf(['viewer'])].sort()).toEqual(['overview', 'reports', 'surveys']);
    expect(areasOf(['agent']).has('automation')).toBe(false);
    expect(areasOf(['agent', 'viewer']).has('overview')).toBe(true);
    expect(areasOf([]).size).toBe(0);
  });

  it('mayEditSurveys_shouldBeTrue_onlyForAdminsAndManagers', () => {
    expect(mayEditSurveys(['manager'])).toBe(true);
    expect(mayEditSurveys(['agent', 'viewer'])).toBe(false);
  });

  it('mayReadRules_shouldLeaveTheDigestPreviewToAdminsAndManagers', () => {
    expect(mayReadRules(['admin'])).toBe(true);
    expect(mayReadRules(['manager'])).toBe(true);
    expect(mayReadRules(['viewer'])).toBe(false);
  });
});
