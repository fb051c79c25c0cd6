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
  tags?: string[];
  rootCause?: string | null;
  actionsTaken?: string | null;
  compensation?: { type: string; value: string } | null;
  resolution?: string | null;
  closedAt?: string | null;
  escalatedAt?: string | null;
  /** The score that opened the case and the re-survey's after it closed, once answered. */
  remeasurement?: { scoreBefore: number | null; scoreAfter: number | null; answeredAt: string | null } | null;
}

/** Where the case's re-survey stands: none before it is closed, awaited after, then its before and after. */
export function resurveyState(followUp: FollowUpCase): 'none' | 'awaited' | 'answered' {
  if (followUp.remeasurement?.answeredAt) {
    return 'answered';
  }
  return followUp.status === 'closed' ? 'awaited' : 'none';
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

const ORDER: FollowUpCase['status'][] = ['open', 'acknowledged', 'in_progress', 'resolved', 'closed'];

/** Where a case may move by an update: forward only, and never to closed (closing has its own form). */
export function nextStatuses(status: FollowUpCase['status']): FollowUpCase['status'][] {
  return ORDER.slice(ORDER.indexOf(status) + 1).filter((next) => next !== 'closed');
}

/** Agents, managers and admins work cases; a viewer only reads scores. */
export function mayWorkCases(groups: string[]): boolean {
  return groups.some((group) => group === 'agent' || group === 'manager' || group === 'admin');
}
