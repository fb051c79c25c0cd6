// The reports pages' model: the effectiveness report (README, "Measuring again") over a period, drawn as bars whose
// figures are also a table, and a team's digest preview.

/** One group's figures: closed cases, re-surveyed, detractors before, recovered (7+ after 0–6). */
export interface Figures {
  key: string;
  closedCases: number;
  remeasured: number;
  detractorsBefore: number;
  recovered: number;
  /** 0…1, null without detractors re-surveyed */
  recoveredShare: number | null;
  /** score points, null without re-surveyed answers */
  averageChange: number | null;
}

export interface Effectiveness {
  overall: Figures;
  byTeam: Figures[];
  byTheme: Figures[];
}

export const PERIODS = [7, 30, 90, 365] as const;

/** The last {@code days} days up to {@code now}, as the report's `from` and `to` instants (cases closed within). */
export function periodOf(days: number, now: Date): { from: string; to: string } {
  return { from: new Date(now.getTime() - days * 86_400_000).toISOString(), to: now.toISOString() };
}

/** Days typed in date inputs (UTC, the last included) as the report's window. */
export function windowOf(fromDay: string, toDay: string): { from: string; to: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fromDay) || !/^\d{4}-\d{2}-\d{2}$/.test(toDay) || fromDay > toDay) {
    return null;
  }
  const to = new Date(toDay + 'T00:00:00Z');
  to.setUTCDate(to.getUTCDate() + 1);
  return { from: fromDay + 'T00:00:00Z', to: to.toISOString().replace('.000Z', 'Z') };
}

export function effectivenessPath(window: { from: string; to: string }): string {
  return '/api/reports/effectiveness?from=' + encodeURIComponent(window.from) + '&to=' + encodeURIComponent(window.to);
}

/** A share as whole percent (0.666… → 67), none when there is none. */
export function percent(share: number | null | undefined): number | null {
  return share === null || share === undefined ? null : Math.round(share * 100);
}

/** A bar's length in percent of the longest of {@code values} (an empty or all-zero set draws nothing). */
export function barWidths(values: readonly number[]): number[] {
  const longest = Math.max(0, ...values.map((value) => Math.abs(value)));
  return values.map((value) => (longest === 0 ? 0 : Math.round((Math.abs(value) / longest) * 100)));
}

/** Groups with something to show, most closed cases first, then by key. */
export function ranked(groups: readonly Figures[]): Figures[] {
  return groups.filter((group) => group.closedCases > 0)
    .sort((a, b) => b.closedCases - a.closedCases || a.key.localeCompare(b.key));
}

/** A team's digest as the API previews it (`GET /api/teams/{teamId}/digest/preview`). */
export interface DigestPreview {
  teamId: string;
  week: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** A team id as the API takes it in a path: letters, digits, `_ . -`, at most 64; anything else is not asked. */
export function isTeamId(typed: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(typed.trim());
}
