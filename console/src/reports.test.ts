import { describe, expect, it } from 'vitest';
import { barWidths, effectivenessPath, isTeamId, percent, periodOf, ranked, windowOf, type Figures } from './reports';

const group = (key: string, closedCases: number): Figures => ({ key, closedCases, remeasured: 0, detractorsBefore: 0,
  recovered: 0, recoveredShare: null, averageChange: null });

describe('the effectiveness report', () => {
  it('asks for the cases closed in the last days, or in the days chosen (the last included)', () => {
    expect(periodOf(30, new Date('2026-12-03T12:00:00Z')))
      .toEqual({ from: '2026-11-03T12:00:00.000Z', to: '2026-12-03T12:00:00.000Z' });
    expect(windowOf('2026-11-01', '2026-11-30')).toEqual({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' });
    expect(windowOf('2026-11-30', '2026-11-01')).toBeNull();
    expect(windowOf('', '2026-11-01')).toBeNull();
    expect(effectivenessPath({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }))
      .toBe('/api/reports/effectiveness?from=2026-11-01T00%3A00%3A00Z&to=2026-12-01T00%3A00%3A00Z');
  });

  it('writes shares as whole percent and draws bars against the longest', () => {
    expect(percent(2 / 3)).toBe(67);
    expect(percent(null)).toBeNull();
    expect(barWidths([2, 4, 0])).toEqual([50, 100, 0]);
    expect(barWidths([-1.5, 3])).toEqual([50, 100]);
    expect(barWidths([0, 0])).toEqual([0, 0]);
    expect(barWidths([])).toEqual([]);
  });

  it('lists the groups with closed cases, most first', () => {
    expect(ranked([group('b', 1), group('a', 3), group('c', 0), group('a2', 1)]).map((g) => g.key))
      .toEqual(['a', 'a2', 'b']);
  });

  it('asks only for team ids the API takes', () => {
    expect(isTeamId('support')).toBe(true);
    expect(isTeamId('ops.eu_1')).toBe(true);
    expect(isTeamId('../users')).toBe(false);
    expect(isTeamId('')).toBe(false);
    expect(isTeamId('..')).toBe(false);
  });
});
