// What each role may open in the console, mirroring the API's roles (README, Access): a page the role cannot use is
// not offered. The API still decides every call; this only keeps people from links that would end in a refusal.

export type Area = 'overview' | 'cases' | 'surveys' | 'customers' | 'announcements' | 'automation' | 'reports' | 'settings';

const AREAS_BY_ROLE: Record<string, Area[]> = {
  admin: ['overview', 'cases', 'surveys', 'customers', 'announcements', 'automation', 'reports', 'settings'],
  manager: ['overview', 'cases', 'surveys', 'customers', 'announcements', 'automation', 'reports'],
  agent: ['cases', 'surveys'],
  viewer: ['overview', 'surveys', 'reports'],
};

export function areasOf(groups: readonly string[]): Set<Area> {
  return new Set(groups.flatMap((group) => AREAS_BY_ROLE[group] ?? []));
}

/** Whether the groups may read rules and teams (rules:read): a team's digest lists its cases, which a viewer does not see. */
export function mayReadRules(groups: readonly string[]): boolean {
  return groups.includes('admin') || groups.includes('manager');
}

/** Whether the groups may change surveys (a viewer's and an agent's survey pages only read). */
export function mayEditSurveys(groups: readonly string[]): boolean {
  return groups.includes('admin') || groups.includes('manager');
}
