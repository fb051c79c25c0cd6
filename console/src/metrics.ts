// The figures of GET /api/surveys/{id}/metrics as the overview shows them: a headline per measure and a series
// with its 95% interval as a band, the low-sample points marked.

export interface Figure {
  score?: number | null;
  mean?: number | null;
  n: number;
  ci95: [number, number] | null;
  lowSample: boolean;
}

export interface Point {
  start: string;
  month?: string;
  responses: number;
  nps?: Figure | null;
  enps?: Figure | null;
  csat?: Figure | null;
  ces?: Figure | null;
}

export interface Metrics {
  surveyId: string;
  from: string;
  to: string;
  responses: number;
  nps?: Figure | null;
  enps?: Figure | null;
  csat?: Figure | null;
  ces?: Figure | null;
  series?: Point[];
  /** The invitations sent in the period and the answers given through one (all answers' reads only). */
  invitations?: { sent: number; answered: number; responseRate: number | null } | null;
}

export type Measure = 'nps' | 'enps' | 'csat' | 'ces';
export type Interval = 'day' | 'week' | 'month';

/** The figure's value: a score (NPS, eNPS, CSAT) or a mean (CES); null when nothing was answered. */
export function value(figure: Figure | null | undefined): number | null {
  if (!figure) {
    return null;
  }
  return figure.score ?? figure.mean ?? null;
}

/** uPlot's columns: x (seconds), the value, the interval's low and high, and whether each point is low-sample. */
export interface Columns {
  x: number[];
  y: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
  lowSample: boolean[];
}

export function columns(series: Point[], measure: Measure): Columns {
  const out: Columns = { x: [], y: [], low: [], high: [], lowSample: [] };
  for (const point of series) {
    const figure = point[measure] ?? null;
    out.x.push(Date.parse(point.start + 'T00:00:00Z') / 1000);
    out.y.push(value(figure));
    out.low.push(figure?.ci95 ? figure.ci95[0] : null);
    out.high.push(figure?.ci95 ? figure.ci95[1] : null);
    out.lowSample.push(figure ? figure.lowSample && figure.n > 0 : false);
  }
  return out;
}

/** The ISO date the day before {@code isoDate}. */
export function dayBefore(isoDate: string): string {
  return new Date(Date.parse(isoDate + 'T00:00:00Z') - 86_400_000).toISOString().slice(0, 10);
}

/** Which measures a survey's answers carry, NPS (or eNPS) first. */
export function measuresOf(metrics: Metrics): Measure[] {
  return (['nps', 'enps', 'csat', 'ces'] as Measure[]).filter((measure) => (metrics[measure]?.n ?? 0) > 0);
}

/** The console's page of the answers behind a figure: those the metrics count in {@code where}'s cell. */
export function answersHref(surveyId: string, where: string, from: string, to: string): string {
  return '/console/answers?' + new URLSearchParams({ survey: surveyId, where, from, to }).toString();
}

/** The dimensions the overview filters by: the customer's (from the CRM) and the answer's own. */
export const FILTERS = ['plan', 'segment', 'region', 'language', 'touchpoint', 'team', 'theme'] as const;

/** Scores and intervals as people read them: one decimal (the API keeps two). */
export function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A period: the last N days by the server's clock, or chosen days (both included). */
export type Period = { days: number } | { from: string; to: string };

/** The period as the metrics' query names it. */
export function rangeQuery(period: Period): string {
  return 'days' in period ? 'days=' + period.days : 'from=' + period.from + '&to=' + period.to;
}

/** The period of the same length just before the one the API answered (from and to, both included). */
export function previousQuery(from: string, to: string): string {
  const days = Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000) + 1;
  return 'days=' + days + '&to=' + dayBefore(from);
}

/** An emerging topic as GET /api/surveys/{id}/emerging lists it. */
export interface Topic {
  phrase: string;
  language: string;
  responses: number;
  /** Shares in percent of the answers: this week's and the four weeks' before. */
  share: number;
  shareBefore: number;
}

/** The cell of a topic's answers: {@code phrase=<language>:<phrase>}, as scoring counts them. */
export function topicWhere(topic: Topic): string {
  return 'phrase=' + topic.language + ':' + topic.phrase;
}
