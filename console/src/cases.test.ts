import { describe, expect, it } from 'vitest';
import { isOverdue, mayWorkCases, nextStatuses, resurveyState, soonestDueFirst, type FollowUpCase } from './cases';

function followUp(caseId: string, dueAt: string, status: FollowUpCase['status'] = 'open'): FollowUpCase {
  return { caseId, status, responseId: 'r', surveyId: 's', team: 'support', owner: null, reason: 'Detractor',
    npsScore: 2, comment: null, language: 'en', openedAt: '2026-12-01T00:00:00Z', dueAt };
}

describe('the cases inbox', () => {
  it('soonestDueFirst_shouldOrderByDueTime_thenById', () => {
    const ordered = soonestDueFirst([followUp('b', '2026-12-03T10:00:00Z'), followUp('c', '2026-12-02T10:00:00Z'),
      followUp('a', '2026-12-03T10:00:00Z')]);
    expect(ordered.map((c) => c.caseId)).toEqual(['c', 'a', 'b']);
  });

  it('isOverdue_shouldMarkPastDueCasesStillOpen_only', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    expect(isOverdue(followUp('a', '2026-12-03T11:59:00Z'), now)).toBe(true);
    expect(isOverdue(followUp('b', '2026-12-03T12:01:00Z'), now)).toBe(false);
    expect(isOverdue(followUp('c', '2026-12-03T11:00:00Z', 'resolved'), now)).toBe(false);
  });
});

describe('working a case', () => {
  it('nextStatuses_shouldMoveForwardOnly_andLeaveClosingToItsForm', () => {
    expect(nextStatuses('open')).toEqual(['acknowledged', 'in_progress', 'resolved']);
    expect(nextStatuses('in_progress')).toEqual(['resolved']);
    expect(nextStatuses('resolved')).toEqual([]);
  });

  it('mayWorkCases_shouldBeAgentsManagersAndAdmins_notViewers', () => {
    expect(mayWorkCases(['agent'])).toBe(true);
    expect(mayWorkCases(['manager'])).toBe(true);
    expect(mayWorkCases(['viewer'])).toBe(false);
    expect(mayWorkCases([])).toBe(false);
  });

  it('resurveyState_shouldBeAwaitedOnceClosed_andAnsweredWithItsScores', () => {
    const open = { caseId: 'c', status: 'open', dueAt: '2026-12-03T10:00:00Z', openedAt: '2026-12-02T10:00:00Z' } as FollowUpCase;
    expect(resurveyState(open)).toBe('none');
    expect(resurveyState({ ...open, status: 'closed' })).toBe('awaited');
    expect(resurveyState({ ...open, status: 'closed',
      remeasurement: { scoreBefore: 2, scoreAfter: 9, answeredAt: '2026-12-20T10:00:00Z' } })).toBe('answered');
  });
});
