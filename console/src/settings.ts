// What the settings pages send and show, kept apart from the pages so it is tested on its own.

export const ROLES = ['admin', 'manager', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Every scope a machine key may hold (README, "Access"). */
export const SCOPES = ['metrics:read', 'responses:read', 'customers:read', 'customers:write', 'surveys:read',
  'surveys:write', 'rules:read', 'rules:write', 'cases:read', 'cases:write', 'invitations:write',
  'announcements:write', 'privacy:write', 'operations:write', 'admin'] as const;

export interface User {
  username: string;
  email: string;
  role: Role;
  teams: string[];
  enabled: boolean;
  status: string;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  scopes: string[];
  teams: string[];
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  summary: Record<string, unknown>;
}

export interface AuditFilter {
  actor: string;
  target: string;
  /** Days as a date field gives them (yyyy-mm-dd), in UTC; both included. */
  from: string;
  to: string;
}

/** The audit log's query: the days become instants, the last day included to its end. */
export function auditQuery(filter: AuditFilter, cursor: string | null): string {
  const params = new URLSearchParams({ limit: '50' });
  if (filter.actor.trim()) {
    params.set('actor', filter.actor.trim());
  }
  if (filter.target.trim()) {
    params.set('target', filter.target.trim());
  }
  if (filter.from) {
    params.set('from', filter.from + 'T00:00:00Z');
  }
  if (filter.to) {
    const next = new Date(filter.to + 'T00:00:00Z');
    next.setUTCDate(next.getUTCDate() + 1);
    params.set('to', next.toISOString().replace('.000Z', 'Z'));
  }
  if (cursor) {
    params.set('cursor', cursor);
  }
  return '/api/audit?' + params.toString();
}

/**
 * An entry's summary in a line (README, "Audit log"): plain values as they are, lists joined, a field shown before
 * and after ({"role":{"before":"agent","after":"viewer"}}) as "role: agent → viewer".
 */
export function summaryLine(summary: Record<string, unknown>): string {
  return Object.entries(summary).map(([key, value]) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && ('before' in value || 'after' in value)) {
      const change = value as { before?: unknown; after?: unknown };
      return key + ': ' + written(change.before ?? '—') + ' → ' + written(change.after ?? '—');
    }
    return key + ': ' + written(value);
  }).join(' · ');
}

function written(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map(written).join(', ');
  }
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A key's state on a given instant: revoked, expired or active. */
export function keyState(key: ApiKey, now: number): 'revoked' | 'expired' | 'active' {
  if (key.revokedAt) {
    return 'revoked';
  }
  return key.expiresAt && new Date(key.expiresAt).getTime() <= now ? 'expired' : 'active';
}
