import { describe, expect, it } from 'vitest';
import { auditQuery, keyState, summaryLine, type ApiKey } from './settings';

describe('the settings pages', () => {
  it('auditQuery_shouldIncludeTheLastDayToItsEnd_andLeaveOutEmptyFilters', () => {
    expect(auditQuery({ actor: ' user:ada ', target: '', from: '2026-12-01', to: '2026-12-31' }, null))
      .toBe('/api/audit?limit=50&actor=user%3Aada&from=2026-12-01T00%3A00%3A00Z&to=2027-01-01T00%3A00%3A00Z');
    expect(auditQuery({ actor: '', target: '', from: '', to: '' }, 'c1')).toBe('/api/audit?limit=50&cursor=c1');
  });

  it('summaryLine_shouldWriteBeforeAndAfter_andListsJoined', () => {
    expect(summaryLine({ status: 200, fields: ['role'], changed: ['role', 'teams'],
      role: { before: 'agent', after: 'viewer' } }))
      .toBe('status: 200 · fields: role · changed: role, teams · role: agent → viewer');
    expect(summaryLine({ status: 201, created: true, role: { after: 'agent' } }))
      .toBe('status: 201 · created: true · role: — → agent');
  });

  it('keyState_shouldBeRevokedBeforeExpired_andActiveOtherwise', () => {
    const key: ApiKey = { id: 'k1', name: 'bi', scopes: [], teams: [], createdBy: 'bootstrap',
      createdAt: '2026-12-01T00:00:00Z', expiresAt: '2026-12-02T00:00:00Z', revokedAt: null };
    expect(keyState(key, Date.parse('2026-12-01T12:00:00Z'))).toBe('active');
    expect(keyState(key, Date.parse('2026-12-02T00:00:00Z'))).toBe('expired');
    expect(keyState({ ...key, revokedAt: '2026-12-01T13:00:00Z' }, Date.parse('2026-12-03T00:00:00Z'))).toBe('revoked');
  });
});
