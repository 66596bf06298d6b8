/**
 * The data model of zones and projects: one typed module used by the app, the validator and
 * the tests. data/README.md explains each field in prose; keep the two in step.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { IndustryId } from './industries.js';

/** A date as precise as the source gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDate = string;

export const ZONE_LEVELS = ['national', 'provincial', 'municipal', 'regional'] as const;
export type ZoneLevel = (typeof ZONE_LEVELS)[number];

export const ZONE_KINDS = [
  'comprehensive-reform',
  'economic-region',
  'high-tech',
  'economic-technological',
  'economic-development',
  'industrial-park',
  'agricultural',
  'eco-tourism',
  'bonded',
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export const PROJECT_STATUSES = [
  'planned',
  'signed',
  'under-construction',
  'completed',
  'operating',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const OUTPUT_BASES = ['planned', 'actual'] as const;
export type OutputBasis = (typeof OUTPUT_BASES)[number];

/**
 * How a feature's point was placed. Most sites are not public, so most points are placed by
 * rule; the rule is always stated.
 */
export const LOCATION_BASES = [
  'address', // a street address or site named by a source
  'park', // the named park or sub-zone the source puts it in
  'near-zone', // placed deterministically near its zone's point (project sites not public)
  'district-seat', // the seat of the county or district the zone lies in
  'county-seat',
  'city-seat', // the prefecture seat
  'member-counties', // a region drawn as the union of its member counties from geo/
] as const;
export type LocationBasis = (typeof LOCATION_BASES)[number];

/**
 * One cited source. `ref` is the seed file name (e.g. `000_e52b6b2c6de43616.txt`) or a URL;
 * `quote` is the Chinese sentence the figures come from; `fields` names the properties of the
 * feature that sentence supports (e.g. `investment_cny`, `status`).
 */
export interface Source {
  ref: string;
  publisher: string;
  title: string;
  /** When the source was published. */
  date: PartialDate;
  url?: string;
  quote?: string;
  fields?: string[];
}

/** A zone-level figure (output, project totals, counts…) with the year it was true. */
export interface ZoneFigure {
  /** Machine key, e.g. `output_cny`, `project_investment_cny`, `project_count`. */
  key: string;
  label_zh: string;
  label_en: string;
  value: number;
  unit: 'cny' | 'count' | 'km2' | 'percent' | 'rank';
  /** The period or moment the figure describes (e.g. `2024`, `2021-06`). */
  as_of: PartialDate;
  basis?: OutputBasis;
  /** The `ref` of one of the zone's `sources`. */
  source: string;
  quote?: string;
}

export interface ZoneProperties {
  id: string;
  name_zh: string;
  name_en: string;
  /** Short label for the map, e.g. 长治高新区 / Changzhi HTZ. */
  short_zh?: string;
  short_en?: string;
  level: ZoneLevel;
  kind: ZoneKind;
  /** Prefecture(s) in Chinese, e.g. 长治市; a zone spanning two cities joins them with `;`. */
  city: string;
  county: string | null;
  /** The zone this one is a park or part of. */
  parent_id?: string | null;
  industries: IndustryId[];
  established: PartialDate | null;
  area_km2: number | null;
  location_basis: LocationBasis;
  location_note_zh?: string;
  location_note_en?: string;
  /** Member counties in Chinese for a region drawn from them. */
  member_counties?: string[];
  /** False where no source confirms the zone's existence or level. */
  verified: boolean;
  figures: ZoneFigure[];
  sources: Source[];
}

/** One reported moment in a project's life. */
export interface StatusEvent {
  date: PartialDate;
  status: ProjectStatus;
  note_zh?: string;
  note_en?: string;
  /** The `ref` of one of the project's `sources`. */
  source: string;
}

export interface ProjectProperties {
  id: string;
  zone_id: string;
  name_zh: string;
  name_en: string;
  company_zh?: string | null;
  company_en?: string | null;
  industry: IndustryId;
  /** Total investment in yuan; null when no source gives it (never estimated). */
  investment_cny: number | null;
  /** Annual output value in yuan; null when not given. */
  output_cny: number | null;
  output_basis: OutputBasis | null;
  /** Capacity as stated, e.g. 年产56GW. */
  capacity_zh?: string | null;
  capacity_en?: string | null;
  status: ProjectStatus;
  status_date: PartialDate;
  history: StatusEvent[];
  location_basis: LocationBasis;
  location_note_zh?: string;
  location_note_en?: string;
  sources: Source[];
}

export type ZoneGeometry = Point | Polygon | MultiPolygon;
export type ZoneFeature = Feature<ZoneGeometry, ZoneProperties>;
export type ProjectFeature = Feature<Point, ProjectProperties>;
export type ZoneCollection = FeatureCollection<ZoneGeometry, ZoneProperties>;
export type ProjectCollection = FeatureCollection<Point, ProjectProperties>;

/** 亿元: the unit Chinese sources state money in. */
export const YI = 1e8;
/** 万元. */
export const WAN = 1e4;
