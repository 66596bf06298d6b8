/**
 * The map's filters: which projects and zones are shown, and how the filters travel in a URL
 * query string and in comma-separated element attributes. Pure functions.
 */
import { isIndustryId, type IndustryId } from './industries.js';
import {
  PROJECT_STATUSES,
  ZONE_LEVELS,
  type ProjectFeature,
  type ProjectStatus,
  type ZoneFeature,
  type ZoneLevel,
} from './schema.js';

/**
 * How the query filter matches names. The pinyin-aware matcher lives in search.ts, which
 * registers itself when it is imported: pinyin-pro is large, so the element loads search.ts
 * only once someone searches. Until then a plain case-insensitive substring match on the
 * Chinese and English names stands in.
 */
export interface QueryMatcher {
  project(project: ProjectFeature, query: string): boolean;
  zone(zone: ZoneFeature, query: string): boolean;
}

const plainMatcher: QueryMatcher = {
  project: (p, q) => plainMatch([p.properties.name_zh, p.properties.name_en, p.properties.company_zh, p.properties.company_en], q),
  zone: (z, q) => plainMatch([z.properties.name_zh, z.properties.name_en, z.properties.short_zh, z.properties.short_en], q),
};

function plainMatch(names: (string | null | undefined)[], query: string): boolean {
  const q = query.trim().toLowerCase();
  return names.some((n) => typeof n === 'string' && n.toLowerCase().includes(q));
}

let matcher: QueryMatcher = plainMatcher;

/** Installs the query matcher (search.ts calls this when it loads). */
export function registerQueryMatcher(m: QueryMatcher): void {
  matcher = m;
}

/** Whether the pinyin-aware matcher is in place. */
export function hasFullQueryMatcher(): boolean {
  return matcher !== plainMatcher;
}

/** The industry filter that shows no layer at all (an empty list shows every layer). */
export const NO_INDUSTRIES = 'none';

/** What to show. An empty list means no restriction; null bounds mean open-ended. */
export interface Filters {
  /** Industry layer ids, or `['none']` (NO_INDUSTRIES) for no layer. */
  industries: (IndustryId | typeof NO_INDUSTRIES)[];
  statuses: ProjectStatus[];
  /** Prefecture names in Chinese, as in `ZoneProperties.city` (e.g. 长治市). */
  cities: string[];
  levels: ZoneLevel[];
  zoneIds: string[];
  /** Inclusive bounds on total investment, in yuan. */
  investmentMin: number | null;
  investmentMax: number | null;
  /** Free text matched by search.ts against project, company and zone names. */
  query: string;
}

/** No restriction at all. Frozen: copy it before changing. */
export const EMPTY_FILTERS: Readonly<Filters> = Object.freeze({
  industries: [],
  statuses: [],
  cities: [],
  levels: [],
  zoneIds: [],
  investmentMin: null,
  investmentMax: null,
  query: '',
});

/** A fresh, mutable copy of EMPTY_FILTERS. */
export function emptyFilters(): Filters {
  return { industries: [], statuses: [], cities: [], levels: [], zoneIds: [], investmentMin: null, investmentMax: null, query: '' };
}

/** Whether any filter restricts anything. */
export function isFiltering(f: Filters): boolean {
  return (
    f.industries.length > 0 ||
    f.statuses.length > 0 ||
    f.cities.length > 0 ||
    f.levels.length > 0 ||
    f.zoneIds.length > 0 ||
    f.investmentMin !== null ||
    f.investmentMax !== null ||
    f.query.trim() !== ''
  );
}

/** Zones by id, for filterProjects and stats. */
export function indexZones(zones: readonly ZoneFeature[]): Map<string, ZoneFeature> {
  return new Map(zones.map((z) => [z.properties.id, z]));
}

/** The prefectures of a zone's `city` (two-city zones join them with `;`). */
export function zoneCities(city: string): string[] {
  return city
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** The lists a link can make long (thousands of zone ids) as sets, made once per filtering; null when empty. */
function listSets(f: Filters): { zoneIds: Set<string> | null; cities: Set<string> | null } {
  return { zoneIds: f.zoneIds.length > 0 ? new Set(f.zoneIds) : null, cities: f.cities.length > 0 ? new Set(f.cities) : null };
}

function zonePasses(z: ZoneFeature | undefined, f: Filters, cities: ReadonlySet<string> | null): boolean {
  if (cities && !(z && zoneCities(z.properties.city).some((c) => cities.has(c)))) return false;
  if (f.levels.length > 0 && !(z && f.levels.includes(z.properties.level))) return false;
  return true;
}

/**
 * The projects that pass every filter: industry, status, their zone's city and level, zone id,
 * investment range (inclusive; a project whose investment is not disclosed is excluded only
 * when a bound is set) and the query (matching the project's name or company, or its zone's
 * name). A project whose zone is unknown fails any city or level filter. Order is kept.
 */
export function filterProjects(
  projects: readonly ProjectFeature[],
  zonesById: ReadonlyMap<string, ZoneFeature>,
  filters: Filters,
): ProjectFeature[] {
  const f = filters;
  const q = f.query.trim() === '' ? null : f.query;
  const ranged = f.investmentMin !== null || f.investmentMax !== null;
  const { zoneIds, cities } = listSets(f);
  return projects.filter((pf) => {
    const p = pf.properties;
    if (f.industries.length > 0 && !f.industries.includes(p.industry)) return false;
    if (f.statuses.length > 0 && !f.statuses.includes(p.status)) return false;
    if (zoneIds && !zoneIds.has(p.zone_id)) return false;
    const zone = zonesById.get(p.zone_id);
    if (!zonePasses(zone, f, cities)) return false;
    if (ranged) {
      const inv = p.investment_cny;
      if (inv === null || !Number.isFinite(inv)) return false;
      if (f.investmentMin !== null && inv < f.investmentMin) return false;
      if (f.investmentMax !== null && inv > f.investmentMax) return false;
    }
    if (q !== null && !queryMatches(pf, zone, q)) return false;
    return true;
  });
}

function queryMatches(p: ProjectFeature, zone: ZoneFeature | undefined, q: string): boolean {
  return matcher.project(p, q) || (zone !== undefined && matcher.zone(zone, q));
}

/**
 * The zones that pass the city, level and zone-id filters. When an industry filter is set, a
 * zone must also list one of those industries or have a visible project, unless its industries
 * are unknown (it lists none and no project of the dataset is in it): turning a layer off hides
 * the zones of that layer, not the zones no source ties to any layer. When a query is set, its
 * name must match or it must have a visible project. Other project filters (status,
 * investment) do not hide zones. Order is kept.
 */
export function filterZones(
  zones: readonly ZoneFeature[],
  filters: Filters,
  /** The visible projects, or the ids of the zones that have one. */
  visibleProjects: readonly ProjectFeature[] | ReadonlySet<string>,
  /** The ids of the zones that have a project in the whole dataset, whatever the filters. */
  zonesWithAnyProject: ReadonlySet<string>,
): ZoneFeature[] {
  const f = filters;
  const q = f.query.trim() === '' ? null : f.query;
  const withVisible = visibleProjects instanceof Set ? visibleProjects : zoneIdsOf(visibleProjects as readonly ProjectFeature[]);
  const { zoneIds, cities } = listSets(f);
  return zones.filter((z) => {
    const p = z.properties;
    if (zoneIds && !zoneIds.has(p.id)) return false;
    if (!zonePasses(z, f, cities)) return false;
    if (
      f.industries.length > 0 &&
      !withVisible.has(p.id) &&
      !p.industries.some((i) => f.industries.includes(i)) &&
      (p.industries.length > 0 || zonesWithAnyProject.has(p.id))
    ) {
      return false;
    }
    if (q !== null && !withVisible.has(p.id) && !matcher.zone(z, q)) return false;
    return true;
  });
}

/** The ids of the zones the projects are in. */
export function zoneIdsOf(projects: readonly ProjectFeature[]): Set<string> {
  const ids = new Set<string>();
  for (let i = 0; i < projects.length; i++) ids.add(projects[i]!.properties.zone_id);
  return ids;
}

/** A comma-separated attribute as a list: trimmed, empties dropped, duplicates dropped. */
export function parseList(attr: string | null | undefined): string[] {
  if (!attr) return [];
  const out = new Set<string>(); // keeps the first of repeats, in order
  for (const part of attr.split(',')) {
    const v = part.trim();
    if (v !== '') out.add(v);
  }
  return [...out];
}

/** Known layer ids in the given order; `none` anywhere means no layer. */
function parseIndustries(value: string | null): Filters['industries'] {
  const list = parseList(value);
  if (list.includes(NO_INDUSTRIES)) return [NO_INDUSTRIES];
  return list.filter(isIndustryId);
}

const NUMBER_RE = /^\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** A non-negative finite amount, or null for anything else. */
function parseAmount(s: string | null): number | null {
  if (s === null) return null;
  const t = s.trim();
  if (!NUMBER_RE.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * Filters as URL parameters: `industries`, `statuses`, `cities`, `levels`, `zones` (comma-
 * separated), `min`, `max` (yuan), `q`. Empty filters are left out, so no filter gives ''.
 */
export function filtersToParams(filters: Filters): URLSearchParams {
  const p = new URLSearchParams();
  const list = (key: string, v: readonly string[]) => {
    if (v.length > 0) p.set(key, v.join(','));
  };
  list('industries', filters.industries);
  list('statuses', filters.statuses);
  list('cities', filters.cities);
  list('levels', filters.levels);
  list('zones', filters.zoneIds);
  if (filters.investmentMin !== null) p.set('min', String(filters.investmentMin));
  if (filters.investmentMax !== null) p.set('max', String(filters.investmentMax));
  if (filters.query !== '') p.set('q', filters.query);
  return p;
}

/**
 * Filters from URL parameters (the inverse of filtersToParams). Unknown industries, statuses
 * and levels, empty list items, duplicates and amounts that are not non-negative numbers are
 * dropped; missing keys mean no restriction. Never throws.
 */
export function filtersFromParams(params: URLSearchParams): Filters {
  const statuses: readonly string[] = PROJECT_STATUSES;
  const levels: readonly string[] = ZONE_LEVELS;
  return {
    industries: parseIndustries(params.get('industries')),
    statuses: parseList(params.get('statuses')).filter((s): s is ProjectStatus => statuses.includes(s)),
    cities: parseList(params.get('cities')),
    levels: parseList(params.get('levels')).filter((s): s is ZoneLevel => levels.includes(s)),
    zoneIds: parseList(params.get('zones')),
    investmentMin: parseAmount(params.get('min')),
    investmentMax: parseAmount(params.get('max')),
    query: params.get('q') ?? '',
  };
}
