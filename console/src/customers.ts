// What the customers pages show and send, kept apart from the pages so it is tested on its own.

export interface Health {
  score: number;
  segment: string;
  trend: string;
  complaints: number;
  priority: string;
  updatedAt: string;
}

export interface Customer {
  id: string;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  segment?: string | null;
  plan?: string | null;
  lifetimeValue?: number | null;
  region?: string | null;
  accountOwner?: string | null;
  language?: string | null;
  timeZone?: string | null;
  attributes?: Record<string, string> | null;
  updatedAt?: string | null;
  health?: Health | null;
}

export interface FeedbackEntry {
  responseId: string;
  surveyId: string;
  submittedAt: string;
  npsScore: number | null;
  npsCategory: string | null;
  sentiment: string | null;
  themes: string[];
  feedbackType: string | null;
  comment: string | null;
  language: string | null;
}

export interface RowError {
  row: number;
  id: string | null;
  field: string | null;
  message: string;
}

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: RowError[];
}

/** The profile fields shown, in this order (health and attributes are shown apart). */
export const PROFILE_FIELDS = ['name', 'email', 'phone', 'segment', 'plan', 'lifetimeValue', 'region', 'accountOwner',
  'language', 'timeZone'] as const;

/**
 * The directory id to look up: an id as typed, or an email lower-cased — customers named by their email (imported
 * without an id, or invited by email) have it, lower-cased, as their id.
 */
export function customerIdOf(query: string): string | null {
  const typed = query.trim();
  if (typed === '') {
    return null;
  }
  return typed.includes('@') ? typed.toLowerCase() : typed;
}

/** The content type an import file is sent as, by its name: NDJSON for .ndjson/.jsonl, else CSV. */
export function importContentType(fileName: string): 'text/csv' | 'application/x-ndjson' {
  return /\.(ndjson|jsonl)$/i.test(fileName) ? 'application/x-ndjson' : 'text/csv';
}

/** The report's errors by row, then in the order the API gave them; the counts as they were answered. */
export function errorsByRow(report: ImportReport): RowError[] {
  return report.errors.map((error, index) => ({ error, index }))
    .sort((a, b) => a.error.row - b.error.row || a.index - b.index).map(({ error }) => error);
}

/** Whether the report is the API's (a 200 answer's body), not an error answer. */
export function isImportReport(body: unknown): body is ImportReport {
  const report = body as ImportReport | null;
  return !!report && typeof report.rows === 'number' && Array.isArray(report.errors);
}

/** The name a customer's export is saved under: their id made safe for a file name. */
export function exportFileName(customerId: string): string {
  return 'customer-' + customerId.replace(/[^A-Za-z0-9._-]+/g, '_') + '.json';
}
