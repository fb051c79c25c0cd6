import { describe, expect, it } from 'vitest';
import { answersHref, columns, dayBefore, measuresOf, type Metrics, previousQuery, rangeQuery, topicWhere, value } from './metrics';

describe('the overview figures', () => {
  it('columns_shouldGiveTheBandAndMarkLowSamplePoints_andLeaveEmptyBucketsEmpty', () => {
    const series = [
      { start: '2026-11-02', responses: 40, nps: { score: 20, n: 40, ci95: [5, 35] as [number, number], lowSample: false } },
      { start: '2026-11-09', responses: 0, nps: { score: null, n: 0, ci95: null, lowSample: true } },
      { start: '2026-11-16', responses: 8, nps: { score: -25, n: 8, ci95: [-80, 30] as [number, number], lowSample: true } },
    ];
    const out = columns(series, 'nps');
    expect(out.x).toEqual([Date.UTC(2026, 10, 2) / 1000, Date.UTC(2026, 10, 9) / 1000, Date.UTC(2026, 10, 16) / 1000]);
    expect(out.y).toEqual([20, null, -25]);
    expect(out.low).toEqual([5, null, -80]);
    expect(out.high).toEqual([35, null, 30]);
    expect(out.lowSample).toEqual([false, false, true]);
  });

  it('dayBefore_shouldStepBackOneDay_acrossMonthsAndYears', () => {
    expect(dayBefore('2026-12-01')).toBe('2026-11-30');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
  });

  it('value_andMeasures_shouldReadScoresAndMeans', () => {
    const metrics: Metrics = { surveyId: 's', from: 'a', to: 'b', responses: 3,
      nps: { score: 33.3, n: 3, ci95: [-50, 100], lowSample: true },
      ces: { mean: 5.2, n: 2, ci95: [4, 6], lowSample: true }, csat: { score: null, n: 0, ci95: null, lowSample: true } };
    expect(measuresOf(metrics)).toEqual(['nps', 'ces']);
    expect(value(metrics.ces)).toBe(5.2);
    expect(value(null)).toBeNull();
  });
});

describe('from a figure to its answers', () => {
  it('answersHref_shouldCarryTheSurveyTheFilterAndThePeriod', () => {
    const href = new URL(answersHref('checkout', 'theme=delivery', '2026-11-04', '2026-12-03'), 'https://x.example');
    expect(href.pathname).toBe('/console/answers');
    expect(Object.fromEntries(href.searchParams)).toEqual(
      { survey: 'checkout', where: 'theme=delivery', from: '2026-11-04', to: '2026-12-03' });
  });

  it('previousQuery_shouldBeTheSameNumberOfDaysJustBefore_whetherPresetOrChosen', () => {
    expect(rangeQuery({ days: 30 })).toBe('days=30');
    expect(rangeQuery({ from: '2026-11-01', to: '2026-11-30' })).toBe('from=2026-11-01&to=2026-11-30');
    expect(previousQuery('2026-11-01', '2026-11-30')).toBe('days=30&to=2026-10-31');
    expect(previousQuery('2026-03-01', '2026-03-01')).toBe('days=1&to=2026-02-28');
  });

  it('topicWhere_shouldNameThePhrasesCell_withItsLanguage', () => {
    const topic = { phrase: 'لیوان‌های جدید', language: 'fa', responses: 4, share: 12.5, shareBefore: 1 };
    expect(topicWhere(topic)).toBe('phrase=fa:لیوان‌های جدید');
    const href = answersHref('cafe', topicWhere(topic), '2026-11-23', '2026-11-29');
    expect(href.startsWith('/console/answers?')).toBe(true);
    expect(new URLSearchParams(href.split('?')[1]).get('where')).toBe('phrase=fa:لیوان‌های جدید');
  });
});
