/**
 * Totals over a set of projects, for the summary panel and zone popups. An investment no
 * source gives is never counted as 0: totals add only disclosed figures, the `undisclosed`
 * counts say how many were left out, and a total over no disclosed figure is null.
 */
import { INDUSTRIES, type IndustryId } from './industries.js';
import {
  PROJECT_STATUSES,
  type ProjectFeature,
  type ProjectStatus,
  type ZoneFeature,
} from './schema.js';

/** A group's project count and its disclosed investment. */
export interface GroupTotals {
  count: number;
  /** Sum of the disclosed investments in yuan; null when none is disclosed. */
  investment: number | null;
  /** Projects in the group whose investment is not disclosed. */
  undisclosed: number;
}

export interface Summary {
  count: number;
  withInvestment: number;
  withoutInvestment: number;
  /** Sum of the disclosed investments in yuan; null when none is disclosed. */
  investmentTotal: number | null;
  /** Every industry layer, in industries.ts order (count 0 included). */
  byIndustry: ({ id: IndustryId } & GroupTotals)[];
  /**
   * Cities with at least one project, by disclosed investment (desc; null last), then count
   * (desc), then name. `city` is the zone's `city` as written (a two-city zone keeps its joint
   * `太原市;晋中市` row, so nothing is counted twice); '' (sorted last) when the zone is unknown.
   */
  byCity: ({ city: string } & GroupTotals)[];
  /** Every status, in PROJECT_STATUSES order (count 0 included). */
  byStatus: { status: ProjectStatus; count: number }[];
}

export interface ZoneSummary {
  projectCount: number;
  /** Sum of the disclosed investments in yuan; null when none is disclosed. */
  investmentTotal: number | null;
  undisclosed: number;
}

function disclosed(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function emptyTotals(): GroupTotals {
  return { count: 0, investment: null, undisclosed: 0 };
}

function add(t: GroupTotals, inv: number | null): void {
  t.count++;
  if (disclosed(inv)) t.investment = (t.investment ?? 0) + inv;
  else t.undisclosed++;
}

/** Counts and disclosed-investment totals by industry, city and status. */
export function summarize(
  projects: readonly ProjectFeature[],
  zonesById: ReadonlyMap<string, ZoneFeature>,
): Summary {
  const all = emptyTotals();
  const industries = new Map<string, GroupTotals>(INDUSTRIES.map((i) => [i.id, emptyTotals()]));
  const cities = new Map<string, GroupTotals>();
  const statuses = new Map<string, number>(PROJECT_STATUSES.map((s) => [s, 0]));
  for (const pf of projects) {
    const p = pf.properties;
    const inv = p.investment_cny;
    add(all, inv);
    const ind = industries.get(p.industry);
    if (ind) add(ind, inv);
    const city = zonesById.get(p.zone_id)?.properties.city ?? '';
    let c = cities.get(city);
    if (!c) cities.set(city, (c = emptyTotals()));
    add(c, inv);
    if (statuses.has(p.status)) statuses.set(p.status, statuses.get(p.status)! + 1);
  }
  return assemble(all, industries, cities, statuses);
}

/**
 * The summary of the union of disjoint sets of projects (e.g. one summary per industry layer):
 * equal to `summarize` over their projects together, in time independent of their size.
 */
export function mergeSummaries(parts: readonly Summary[]): Summary {
  const all = emptyTotals();
  const industries = new Map<string, GroupTotals>(INDUSTRIES.map((i) => [i.id, emptyTotals()]));
  const cities = new Map<string, GroupTotals>();
  const statuses = new Map<string, number>(PROJECT_STATUSES.map((s) => [s, 0]));
  for (const part of parts) {
    merge(all, { count: part.count, investment: part.investmentTotal, undisclosed: part.withoutInvestment });
    for (const i of part.byIndustry) merge(industries.get(i.id)!, i);
    for (const c of part.byCity) {
      let t = cities.get(c.city);
      if (!t) cities.set(c.city, (t = emptyTotals()));
      merge(t, c);
    }
    for (const s of part.byStatus) statuses.set(s.status, statuses.get(s.status)! + s.count);
  }
  return assemble(all, industries, cities, statuses);
}

function merge(into: GroupTotals, t: GroupTotals): void {
  into.count += t.count;
  into.undisclosed += t.undisclosed;
  if (t.investment !== null) into.investment = (into.investment ?? 0) + t.investment;
}

function assemble(
  all: GroupTotals,
  industries: ReadonlyMap<string, GroupTotals>,
  cities: ReadonlyMap<string, GroupTotals>,
  statuses: ReadonlyMap<string, number>,
): Summary {
  const byCity = [...cities].map(([city, t]) => ({ city, ...t }));
  byCity.sort(
    (a, b) =>
      Number(a.city === '') - Number(b.city === '') ||
      (b.investment ?? -1) - (a.investment ?? -1) ||
      b.count - a.count ||
      (a.city < b.city ? -1 : a.city > b.city ? 1 : 0),
  );
  return {
    count: all.count,
    withInvestment: all.count - all.undisclosed,
    withoutInvestment: all.undisclosed,
    investmentTotal: all.investment,
    byIndustry: INDUSTRIES.map((i) => ({ id: i.id, ...industries.get(i.id)! })),
    byCity,
    byStatus: PROJECT_STATUSES.map((status) => ({ status, count: statuses.get(status)! })),
  };
}

/** The zone's own projects (those whose `zone_id` is its id): count and disclosed total. */
export function zoneSummary(zone: ZoneFeature, projects: readonly ProjectFeature[]): ZoneSummary {
  const t = emptyTotals();
  for (const p of projects) {
    if (p.properties.zone_id === zone.properties.id) add(t, p.properties.investment_cny);
  }
  return { projectCount: t.count, investmentTotal: t.investment, undisclosed: t.undisclosed };
}
