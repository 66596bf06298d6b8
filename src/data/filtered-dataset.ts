/**
 * A loaded dataset under changing filters: what is visible, grouped by industry layer, with
 * the summaries the legend and the statistics show. It keeps the work of the filters other
 * than the industry layers, so that turning a layer on or off costs time in the number of
 * layers, not of projects, and hands the map the same collections (by identity) as before,
 * so nothing is sent to the map's worker again.
 */
import type { FeatureCollection, Point } from 'geojson';
import { filterProjects, filterZones, hasFullQueryMatcher, indexZones, NO_INDUSTRIES, zoneIdsOf, type Filters } from './filter.js';
import { INDUSTRY_IDS, isIndustryId, type IndustryId } from './industries.js';
import type { ProjectFeature, ProjectProperties, ZoneFeature } from './schema.js';
import { mergeSummaries, summarize, type Summary } from './stats.js';

export type ProjectGroup = FeatureCollection<Point, ProjectProperties>;

export interface FilterResult {
  zones: ZoneFeature[];
  /**
   * The visible projects, in the dataset's order (shared: do not modify). Worked out when first
   * read: at 100k projects that is a pass over all of them, which the map does not need.
   */
  readonly projects: ProjectFeature[];
  /** The industry layers shown (every one when the filter names none). */
  visibleIndustries: ReadonlySet<IndustryId>;
  /**
   * Every industry layer's projects under the filters other than industries (shown or not):
   * the same objects as long as those filters do not change.
   */
  byIndustry: ReadonlyMap<IndustryId, ProjectGroup>;
  /** Totals of the visible projects. */
  summary: Summary;
  /** Totals of every layer under the other filters (the legend's counts). */
  legendSummary: Summary;
}

/** What the filters other than industries select, worked out once per change of them. */
interface Base {
  key: string;
  projects: ProjectFeature[];
  byIndustry: Map<IndustryId, ProjectGroup>;
  summaries: Map<IndustryId, Summary>;
  /** Per industry layer, the zones that have one of its projects. */
  zoneIds: Map<IndustryId, Set<string>>;
  legendSummary: Summary;
}

/** The industry layers a filter shows: all for an empty list, none for `['none']`. */
export function visibleIndustries(filters: Pick<Filters, 'industries'>): Set<IndustryId> {
  if (filters.industries.length === 0) return new Set(INDUSTRY_IDS);
  return new Set(filters.industries.filter((id) => id !== NO_INDUSTRIES && isIndustryId(id)) as IndustryId[]);
}

export class FilteredDataset {
  readonly zonesById: ReadonlyMap<string, ZoneFeature>;
  /** The zones that have a project, whatever the filters. */
  private readonly zonesWithAnyProject: ReadonlySet<string>;
  private base: Base | null = null;

  constructor(
    readonly zones: readonly ZoneFeature[],
    readonly projects: readonly ProjectFeature[],
  ) {
    this.zonesById = indexZones(zones);
    this.zonesWithAnyProject = zoneIdsOf(projects);
  }

  apply(filters: Filters): FilterResult {
    const base = this.baseFor(filters);
    const visible = visibleIndustries(filters);
    const all = visible.size === INDUSTRY_IDS.length;
    let projects: ProjectFeature[] | null = all ? base.projects : null;
    const zonesWithVisible = new Set<string>();
    for (const id of visible) for (const zoneId of base.zoneIds.get(id)!) zonesWithVisible.add(zoneId);
    return {
      zones: filterZones(this.zones, filters, zonesWithVisible, this.zonesWithAnyProject),
      get projects() {
        return (projects ??= visibleProjects(base, visible));
      },
      visibleIndustries: visible,
      byIndustry: base.byIndustry,
      summary: all ? base.legendSummary : mergeSummaries([...visible].map((id) => base.summaries.get(id)!)),
      legendSummary: base.legendSummary,
    };
  }

  private baseFor(filters: Filters): Base {
    const other: Filters = { ...filters, industries: [] };
    // The query's matcher changes once search.ts loads (pinyin), which can change the result.
    const key = JSON.stringify([other, hasFullQueryMatcher()]);
    if (this.base?.key === key) return this.base;
    const projects = filterProjects(this.projects, this.zonesById, other);
    const grouped = new Map<IndustryId, ProjectFeature[]>(INDUSTRY_IDS.map((id) => [id, []]));
    for (const p of projects) grouped.get(p.properties.industry)?.push(p);
    const byIndustry = new Map<IndustryId, ProjectGroup>();
    const summaries = new Map<IndustryId, Summary>();
    const zoneIds = new Map<IndustryId, Set<string>>();
    for (const [id, features] of grouped) {
      byIndustry.set(id, { type: 'FeatureCollection', features });
      summaries.set(id, summarize(features, this.zonesById));
      zoneIds.set(id, zoneIdsOf(features));
    }
    this.base = { key, projects, byIndustry, summaries, zoneIds, legendSummary: mergeSummaries([...summaries.values()]) };
    return this.base;
  }
}

/**
 * The projects of the shown layers, in the dataset's order, in an array of their exact size: at
 * 100k projects a growing array (`filter`) would leave as much garbage again on every toggle.
 */
function visibleProjects(base: Base, visible: ReadonlySet<IndustryId>): ProjectFeature[] {
  let n = 0;
  for (const id of visible) n += base.byIndustry.get(id)!.features.length;
  const out = new Array<ProjectFeature>(n);
  let k = 0;
  const all = base.projects;
  for (let i = 0; i < all.length; i++) if (visible.has(all[i]!.properties.industry)) out[k++] = all[i]!;
  out.length = k; // (a project of no listed layer is in no group: never more than n)
  return out;
}
