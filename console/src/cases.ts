// What the console shows of cases, kept apart from the pages so it is tested on its own.

export interface CaseNote {
  at: string;
  author: string;
  text: string;
}

export interface FollowUpCase {
  caseId: string;
  status: 'open' | 'acknowledged' | 'in_progress' | 'resolved' | 'closed';
  responseId: string;
  surveyId: string;
  team: string;
  owner: string | null;
  reason: string;
  npsScore: number | null;
  comment: string | null;
  language: string | null;
  openedAt: string;
  dueAt: string;
  notes?: CaseNote[];
  resolution?: string | null;
  closedAt?: string | null;
  escalatedAt?: string | null;
}

/** The soonest due first; ties by when they were opened, then by id, so the order never jumps. */
export function soonestDueFirst(cases: FollowUpCase[]): FollowUpCase[] {
  return [...cases].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.openedAt.localeCompare(b.openedAt)
    || a.caseId.localeCompare(b.caseId));
}

/** Past its due time and still not resolved or closed. */
export function isOverdue(followUp: FollowUpCase, now: number): boolean {
  return followUp.status !== 'resolved' && followUp.status !== 'closed' && new Date(followUp.dueAt).getTime() < now;
}
