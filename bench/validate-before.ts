/**
 * The validator as it was before the speed-up (src/data/validate.ts at commit a78777a), kept
 * verbatim but for its import paths so bench/validate-speed.ts can time it beside the current one
 * and check that both report the same problems. Not part of the shipped code.
 */
/**
 * Structural and schema checks of data/zones.geojson and data/projects.geojson.
 *
 * Pure: no Node APIs, no file I/O and no turf, so it runs in the browser as well as in the CLI
 * (scripts/validate.ts) and the tests. Geographic checks (inside Shanxi, inside the named city,
 * near the zone) live in validate-geo.ts.
 *
 * Every problem names the file, the feature's `id` (null when the problem is not about one
 * feature) and the field (a path such as `sources[2].url`), and formats as one line:
 * `file: id: field: message`.
 */
// @ts-expect-error -- geojson-validation ships no type declarations; its use is typed by GeoJsonValidation below.
import gjvModule from 'geojson-validation';
import { INDUSTRY_IDS } from '../src/data/industries.js';
import {
  LOCATION_BASES,
  OUTPUT_BASES,
  PROJECT_STATUSES,
  ZONE_KINDS,
  ZONE_LEVELS,
  type ProjectProperties,
  type ZoneFigure,
  type ZoneProperties,
} from '../src/data/schema.js';

/** The part of geojson-validation used here: with trace = true each returns a list of messages. */
interface GeoJsonValidation {
  isFeature(feature: unknown, trace: true): string[] | boolean;
}
const gjv = gjvModule as GeoJsonValidation;

export interface Problem {
  file: string;
  id: string | null;
  field: string | null;
  message: string;
}

/** `file: id: field: message`, with `-` for a missing id or field. */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.id ?? '-'}: ${p.field ?? '-'}: ${p.message}`;
}

/** The units a zone figure may have (ZoneFigure['unit'] in schema.ts, which has no array). */
export const FIGURE_UNITS = ['cny', 'count', 'km2', 'percent', 'rank'] as const satisfies readonly ZoneFigure['unit'][];
// Compile-time check that FIGURE_UNITS lists every unit of the schema.
type MissingUnit = Exclude<ZoneFigure['unit'], (typeof FIGURE_UNITS)[number]>;
const allUnitsListed: MissingUnit extends never ? true : false = true;
void allUnitsListed;

/** A seed article's file name, e.g. `000_e52b6b2c6de43616.txt`. */
export const SEED_REF = /^\d{3}_[0-9a-f]{16}\.txt$/;
/** Feature ids: lower-case ASCII words joined by hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const ZONE_FIELDS: Record<keyof ZoneProperties, true> = {
  id: true, name_zh: true, name_en: true, short_zh: true, short_en: true, level: true, kind: true, city: true,
  county: true, parent_id: true, industries: true, established: true, area_km2: true, location_basis: true,
  location_note_zh: true, location_note_en: true, member_counties: true, verified: true, figures: true, sources: true,
};
const PROJECT_FIELDS: Record<keyof ProjectProperties, true> = {
  id: true, zone_id: true, name_zh: true, name_en: true, company_zh: true, company_en: true, industry: true,
  investment_cny: true, output_cny: true, output_basis: true, capacity_zh: true, capacity_en: true, status: true,
  status_date: true, history: true, location_basis: true, location_note_zh: true, location_note_en: true, sources: true,
};
const SOURCE_KEYS = new Set(['ref', 'publisher', 'title', 'date', 'url', 'quote', 'fields']);
const FIGURE_KEYS = new Set(['key', 'label_zh', 'label_en', 'value', 'unit', 'as_of', 'basis', 'source', 'quote']);
const EVENT_KEYS = new Set(['date', 'status', 'note_zh', 'note_en', 'source']);
/** Project properties that hold a figure and must be backed by some source's `fields`. */
export const SUPPORTED_PROJECT_FIELDS = ['investment_cny', 'output_cny', 'capacity_zh', 'status'] as const;

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real day. */
export function isPartialDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

/** True for an absolute http: or https: URL (nothing else: no javascript:, data:, file:). */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || /\s/.test(value)) return false;
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * True when partial date `a` is wholly before `b`. Dates that contain one another (`2021` and
 * `2021-08`) are not ordered: either may be the later report.
 */
export function isBefore(a: string, b: string): boolean {
  return !a.startsWith(b) && !b.startsWith(a) && a < b;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v;

/**
 * A value as it appears in a message: JSON, cut to 80 characters, and never a throw (a value
 * nested thousands deep overflows JSON.stringify's stack; such a value is described by type).
 */
export function quote(v: unknown): string {
  let s: string | undefined;
  try {
    s = JSON.stringify(v);
  } catch {
    return describe(v);
  }
  if (s === undefined) return String(v);
  return s.length > 80 ? `${s.slice(0, 80)}… (${s.length} characters)` : s;
}

class Reporter {
  readonly problems: Problem[] = [];
  constructor(readonly file: string) {}
  add(id: string | null, field: string | null, message: string): void {
    this.problems.push({ file: this.file, id, field, message });
  }
}

/** Feature-level checks shared by zones and projects; returns the properties object or null. */
function checkFeatureShell(
  r: Reporter,
  f: unknown,
  index: number,
  geometryTypes: readonly string[],
): { id: string | null; props: Obj | null } {
  const fallbackId = `#${index}`;
  if (!isObj(f)) {
    r.add(fallbackId, null, `feature ${index} is ${describe(f)}, not an object`);
    return { id: fallbackId, props: null };
  }
  const props = isObj(f.properties) ? f.properties : null;
  const id = props && typeof props.id === 'string' && props.id !== '' ? props.id : fallbackId;
  if (f.type !== 'Feature') r.add(id, 'type', `type is ${quote(f.type)}, expected "Feature"`);
  if (!props) r.add(id, 'properties', `properties is ${describe(f.properties)}, expected an object`);
  const g = f.geometry;
  if (!isObj(g)) {
    r.add(id, 'geometry', `geometry is ${describe(g)}, expected ${geometryTypes.join(' or ')}`);
    return { id, props };
  }
  if (typeof g.type !== 'string' || !geometryTypes.includes(g.type)) {
    r.add(id, 'geometry.type', `geometry type ${quote(g.type)} is not allowed here (expected ${geometryTypes.join(' or ')})`);
    return { id, props };
  }
  const coordProblems = checkCoordinates(g.coordinates, g.type);
  if (coordProblems.length) {
    for (const m of coordProblems.slice(0, 3)) r.add(id, 'geometry.coordinates', m);
    return { id, props };
  }
  const trace = gjv.isFeature(f, true);
  if (Array.isArray(trace)) for (const m of trace.slice(0, 3)) r.add(id, 'geometry', `invalid GeoJSON: ${m}`);
  return { id, props };
}

/** Finite numbers, longitude within ±180 and latitude within ±90, nested as the type requires. */
function checkCoordinates(coords: unknown, type: string): string[] {
  const depth = type === 'Point' ? 0 : type === 'Polygon' ? 2 : type === 'MultiPolygon' ? 3 : 1;
  const out: string[] = [];
  const walk = (c: unknown, d: number, path: string): void => {
    if (out.length >= 3) return;
    if (d === 0) {
      if (!Array.isArray(c) || c.length < 2 || c.length > 3) {
        out.push(`position${path} is ${describe(c)}${Array.isArray(c) ? ` of length ${c.length}` : ''}, expected [longitude, latitude]`);
        return;
      }
      const [lon, lat] = c as unknown[];
      if (typeof lon !== 'number' || !Number.isFinite(lon)) out.push(`longitude${path} is ${describe(lon) === 'number' ? lon : describe(lon)}, not a finite number`);
      else if (lon < -180 || lon > 180) out.push(`longitude${path} ${lon} is out of range (−180…180)`);
      if (typeof lat !== 'number' || !Number.isFinite(lat)) out.push(`latitude${path} is ${describe(lat) === 'number' ? lat : describe(lat)}, not a finite number`);
      else if (lat < -90 || lat > 90) out.push(`latitude${path} ${lat} is out of range (−90…90); are longitude and latitude swapped?`);
      return;
    }
    if (!Array.isArray(c) || c.length === 0) {
      out.push(`coordinates${path} is ${describe(c)}${Array.isArray(c) ? ' (empty)' : ''}, expected an array`);
      return;
    }
    c.forEach((x, i) => walk(x, d - 1, `${path}[${i}]`));
  };
  walk(coords, depth, '');
  return out;
}

function checkUnknownKeys(r: Reporter, id: string, obj: Obj, allowed: Set<string> | Record<string, true>, prefix: string): void {
  const has = (k: string) => (allowed instanceof Set ? allowed.has(k) : k in allowed);
  for (const k of Object.keys(obj)) if (!has(k)) r.add(id, `${prefix}${k}`, `unknown field ${quote(k)}`);
}

interface FieldChecks {
  str(key: string, opts?: { optional?: boolean; nullable?: boolean; pattern?: RegExp; patternText?: string }): void;
  num(key: string, opts?: { nullable?: boolean; positive?: boolean }): void;
  bool(key: string): void;
  oneOf(key: string, values: readonly string[], opts?: { optional?: boolean; nullable?: boolean }): void;
  date(key: string, opts?: { nullable?: boolean; optional?: boolean }): void;
}

function fieldChecks(r: Reporter, id: string, obj: Obj, prefix = ''): FieldChecks {
  const missing = (key: string) => r.add(id, prefix + key, 'missing required field');
  const present = (key: string, optional?: boolean): boolean => {
    if (!(key in obj) || obj[key] === undefined) {
      if (!optional) missing(key);
      return false;
    }
    return true;
  };
  return {
    str(key, opts = {}) {
      if (!present(key, opts.optional)) return;
      const v = obj[key];
      if (v === null) {
        if (!opts.nullable && !opts.optional) r.add(id, prefix + key, 'is null, expected a string');
        else if (!opts.nullable) r.add(id, prefix + key, 'is null, expected a string or no field');
        return;
      }
      if (typeof v !== 'string') return r.add(id, prefix + key, `is ${describe(v)}, expected a string`);
      if (v.trim() === '') return r.add(id, prefix + key, 'is an empty string');
      if (opts.pattern && !opts.pattern.test(v)) r.add(id, prefix + key, `${quote(v)} is not ${opts.patternText ?? `like ${opts.pattern}`}`);
    },
    num(key, opts = {}) {
      if (!present(key)) return;
      const v = obj[key];
      if (v === null) {
        if (!opts.nullable) r.add(id, prefix + key, 'is null, expected a number');
        return;
      }
      if (typeof v !== 'number' || !Number.isFinite(v)) return r.add(id, prefix + key, `is ${describe(v) === 'number' ? String(v) : describe(v)}, expected a finite number`);
      if (opts.positive && v <= 0) r.add(id, prefix + key, `is ${v}, expected a positive number`);
    },
    bool(key) {
      if (!present(key)) return;
      if (typeof obj[key] !== 'boolean') r.add(id, prefix + key, `is ${describe(obj[key])}, expected true or false`);
    },
    oneOf(key, values, opts = {}) {
      if (!present(key, opts.optional)) return;
      const v = obj[key];
      if (v === null && (opts.nullable || opts.optional)) {
        if (!opts.nullable) r.add(id, prefix + key, 'is null; leave the field out instead');
        return;
      }
      if (typeof v !== 'string' || !values.includes(v)) r.add(id, prefix + key, `${quote(v)} is not one of ${values.join(', ')}`);
    },
    date(key, opts = {}) {
      if (!present(key, opts.optional)) return;
      const v = obj[key];
      if (v === null && opts.nullable) return;
      if (!isPartialDate(v)) r.add(id, prefix + key, `${quote(v)} is not a date YYYY, YYYY-MM or YYYY-MM-DD`);
    },
  };
}

/** Checks `sources`; returns the set of refs and the set of fields they support. */
function checkSources(
  r: Reporter,
  id: string,
  props: Obj,
  propertyNames: Record<string, true>,
): { refs: Set<string>; supported: Set<string> } {
  const refs = new Set<string>();
  const supported = new Set<string>();
  const sources = props.sources;
  if (sources === undefined) {
    r.add(id, 'sources', 'missing required field');
    return { refs, supported };
  }
  if (!Array.isArray(sources)) {
    r.add(id, 'sources', `is ${describe(sources)}, expected an array`);
    return { refs, supported };
  }
  if (sources.length === 0) r.add(id, 'sources', 'no sources: every feature cites at least one');
  sources.forEach((s, i) => {
    const p = `sources[${i}].`;
    if (!isObj(s)) return r.add(id, `sources[${i}]`, `is ${describe(s)}, expected an object`);
    checkUnknownKeys(r, id, s, SOURCE_KEYS, p);
    const c = fieldChecks(r, id, s, p);
    c.str('ref');
    c.str('publisher');
    c.str('title');
    c.date('date');
    c.str('quote', { optional: true });
    if (typeof s.ref === 'string' && s.ref !== '') {
      if (SEED_REF.test(s.ref)) refs.add(s.ref);
      else if (isHttpUrl(s.ref)) {
        refs.add(s.ref);
        if (s.url !== undefined && s.url !== s.ref) r.add(id, `${p}url`, 'differs from ref; a web source uses its URL as ref');
      } else r.add(id, `${p}ref`, `${quote(s.ref)} is neither a seed file name (NNN_hex16.txt) nor an http(s) URL`);
    }
    if (s.url !== undefined && !isHttpUrl(s.url)) r.add(id, `${p}url`, `${quote(s.url)} is not an http(s) URL`);
    if (s.fields !== undefined) {
      if (!Array.isArray(s.fields)) r.add(id, `${p}fields`, `is ${describe(s.fields)}, expected an array of property names`);
      else
        s.fields.forEach((f, j) => {
          if (typeof f !== 'string' || !(f in propertyNames)) r.add(id, `${p}fields[${j}]`, `${quote(f)} is not a property of this feature`);
          else supported.add(f);
        });
    }
  });
  return { refs, supported };
}

function getFeatures(r: Reporter, json: unknown): unknown[] | null {
  if (!isObj(json)) {
    r.add(null, null, `not a GeoJSON FeatureCollection (the file holds ${describe(json)})`);
    return null;
  }
  if (json.type !== 'FeatureCollection') {
    r.add(null, 'type', `type is ${quote(json.type)}, expected "FeatureCollection"`);
    return null;
  }
  if (!Array.isArray(json.features)) {
    r.add(null, 'features', `features is ${describe(json.features)}, expected an array`);
    return null;
  }
  if (json.features.length === 0) {
    r.add(null, 'features', 'the collection is empty');
    return json.features;
  }
  return json.features;
}

/** True when every feature has the marks of the other kind of file (a zones file given as projects…). */
function holdsOnly(features: unknown[], kind: 'zones' | 'projects'): boolean {
  return (
    features.length > 0 &&
    features.every((f) => {
      const p = isObj(f) && isObj(f.properties) ? f.properties : null;
      if (!p) return false;
      return kind === 'zones' ? 'level' in p && 'kind' in p && !('zone_id' in p) : 'zone_id' in p && !('level' in p);
    })
  );
}

function checkUniqueIds(r: Reporter, ids: (string | null)[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (id === null || id.startsWith('#')) continue;
    if (seen.has(id)) r.add(id, 'id', `duplicate id ${quote(id)}`);
    seen.add(id);
  }
}

/** Checks data/zones.geojson. */
export function validateZones(json: unknown, file: string): Problem[] {
  const r = new Reporter(file);
  const features = getFeatures(r, json);
  if (!features) return r.problems;
  if (holdsOnly(features, 'projects')) {
    r.add(null, null, 'this file holds projects (every feature has a zone_id), not zones: is it the projects file?');
    return r.problems;
  }
  const ids: (string | null)[] = [];
  const parents: [string, unknown][] = [];
  features.forEach((f, index) => {
    const { id, props } = checkFeatureShell(r, f, index, ['Point', 'Polygon', 'MultiPolygon']);
    if (!props || id === null) return;
    ids.push(id);
    const idForMsg = id;
    checkUnknownKeys(r, idForMsg, props, ZONE_FIELDS, '');
    const c = fieldChecks(r, idForMsg, props);
    c.str('id', { pattern: ID_PATTERN, patternText: 'a lower-case ASCII slug (e.g. changzhi-htz)' });
    c.str('name_zh');
    c.str('name_en');
    c.str('short_zh', { optional: true });
    c.str('short_en', { optional: true });
    c.oneOf('level', ZONE_LEVELS);
    c.oneOf('kind', ZONE_KINDS);
    c.str('city', { pattern: /^[^;]+市(;[^;]+市)*$/, patternText: 'one or more prefecture names ending in 市, joined by ;' });
    c.str('county', { nullable: true });
    c.str('parent_id', { optional: true, nullable: true });
    c.date('established', { nullable: true });
    c.num('area_km2', { nullable: true, positive: true });
    c.oneOf('location_basis', LOCATION_BASES);
    c.str('location_note_zh', { optional: true });
    c.str('location_note_en', { optional: true });
    c.bool('verified');
    checkIndustries(r, idForMsg, props.industries);
    // member counties and geometry
    const geomType = isObj(f) && isObj((f as Obj).geometry) ? ((f as Obj).geometry as Obj).type : undefined;
    if (props.member_counties !== undefined) {
      if (!Array.isArray(props.member_counties) || props.member_counties.some((m) => typeof m !== 'string' || m === ''))
        r.add(idForMsg, 'member_counties', 'expected an array of county names');
    }
    if (props.location_basis === 'member-counties') {
      if (!Array.isArray(props.member_counties) || props.member_counties.length === 0)
        r.add(idForMsg, 'member_counties', 'a zone drawn from member counties must list them');
      if (geomType === 'Point') r.add(idForMsg, 'geometry.type', 'a zone drawn from member counties must be a Polygon or MultiPolygon');
    } else if (geomType === 'Polygon' || geomType === 'MultiPolygon') {
      r.add(idForMsg, 'geometry.type', `a ${String(geomType)} outline needs location_basis "member-counties" (never an invented outline)`);
    }
    if (props.parent_id !== undefined && props.parent_id !== null) parents.push([idForMsg, props.parent_id]);
    const { refs } = checkSources(r, idForMsg, props, ZONE_FIELDS);
    checkFigures(r, idForMsg, props.figures, refs);
  });
  checkUniqueIds(r, ids);
  const known = new Set(ids.filter((x): x is string => x !== null));
  const parentOf = new Map<string, string>();
  for (const [id, parent] of parents) {
    if (typeof parent !== 'string') continue;
    if (parent === id) r.add(id, 'parent_id', 'a zone cannot be its own parent');
    else if (!known.has(parent)) r.add(id, 'parent_id', `parent ${quote(parent)} is not a zone in this file`);
    else parentOf.set(id, parent);
  }
  for (const start of parentOf.keys()) {
    const seen = new Set([start]);
    let cur = parentOf.get(start);
    while (cur !== undefined) {
      if (seen.has(cur)) {
        r.add(start, 'parent_id', 'parent_id chain loops back');
        break;
      }
      seen.add(cur);
      cur = parentOf.get(cur);
    }
  }
  return r.problems;
}

function checkIndustries(r: Reporter, id: string, v: unknown): void {
  if (v === undefined) return r.add(id, 'industries', 'missing required field');
  if (!Array.isArray(v)) return r.add(id, 'industries', `is ${describe(v)}, expected an array of industry layer ids`);
  const seen = new Set<string>();
  v.forEach((x, i) => {
    if (typeof x !== 'string' || !(INDUSTRY_IDS as readonly string[]).includes(x))
      r.add(id, `industries[${i}]`, `${quote(x)} is not an industry layer id (${INDUSTRY_IDS.join(', ')})`);
    else if (seen.has(x)) r.add(id, `industries[${i}]`, `${x} is listed twice`);
    else seen.add(x);
  });
}

function checkFigures(r: Reporter, id: string, v: unknown, refs: Set<string>): void {
  if (v === undefined) return r.add(id, 'figures', 'missing required field');
  if (!Array.isArray(v)) return r.add(id, 'figures', `is ${describe(v)}, expected an array`);
  v.forEach((fig, i) => {
    const p = `figures[${i}].`;
    if (!isObj(fig)) return r.add(id, `figures[${i}]`, `is ${describe(fig)}, expected an object`);
    checkUnknownKeys(r, id, fig, FIGURE_KEYS, p);
    const c = fieldChecks(r, id, fig, p);
    c.str('key', { pattern: /^[a-z0-9_]+$/, patternText: 'a snake_case key' });
    c.str('label_zh');
    c.str('label_en');
    c.num('value');
    c.oneOf('unit', FIGURE_UNITS);
    c.date('as_of');
    c.oneOf('basis', OUTPUT_BASES, { optional: true });
    c.str('quote', { optional: true });
    if (fig.source === undefined || fig.source === null || fig.source === '')
      r.add(id, `${p}source`, 'a figure must name its source (the ref of one of the zone\'s sources)');
    else if (typeof fig.source !== 'string' || !refs.has(fig.source))
      r.add(id, `${p}source`, `${quote(fig.source)} is not the ref of one of this zone's sources`);
  });
}

/** Zone ids (and points) the projects may refer to: a zones collection, or a list of ids. */
function zoneIdsOf(zones: unknown): Set<string> {
  if (Array.isArray(zones)) return new Set(zones.filter((z): z is string => typeof z === 'string'));
  const ids = new Set<string>();
  if (isObj(zones) && Array.isArray(zones.features))
    for (const f of zones.features) if (isObj(f) && isObj(f.properties) && typeof f.properties.id === 'string') ids.add(f.properties.id);
  return ids;
}

/** Checks data/projects.geojson; `zones` is the zones collection (or its ids) that zone_id must resolve in. */
export function validateProjects(json: unknown, file: string, zones: unknown): Problem[] {
  const r = new Reporter(file);
  const features = getFeatures(r, json);
  if (!features) return r.problems;
  if (holdsOnly(features, 'zones')) {
    r.add(null, null, 'this file holds zones (every feature has a level and a kind), not projects: is it the zones file?');
    return r.problems;
  }
  const zoneIds = zoneIdsOf(zones);
  const ids: (string | null)[] = [];
  features.forEach((f, index) => {
    const { id, props } = checkFeatureShell(r, f, index, ['Point']);
    if (!props || id === null) return;
    ids.push(id);
    checkUnknownKeys(r, id, props, PROJECT_FIELDS, '');
    const c = fieldChecks(r, id, props);
    c.str('id', { pattern: ID_PATTERN, patternText: 'a lower-case ASCII slug (e.g. cz-taihang-data-lake)' });
    c.str('zone_id');
    if (typeof props.zone_id === 'string' && props.zone_id !== '' && !zoneIds.has(props.zone_id))
      r.add(id, 'zone_id', `zone ${quote(props.zone_id)} is not in the zones file`);
    c.str('name_zh');
    c.str('name_en');
    c.str('company_zh', { optional: true, nullable: true });
    c.str('company_en', { optional: true, nullable: true });
    c.oneOf('industry', INDUSTRY_IDS);
    c.num('investment_cny', { nullable: true, positive: true });
    c.num('output_cny', { nullable: true, positive: true });
    c.oneOf('output_basis', OUTPUT_BASES, { nullable: true });
    if (props.output_cny !== null && props.output_cny !== undefined && (props.output_basis === null || props.output_basis === undefined))
      r.add(id, 'output_basis', 'an output value needs its basis (planned or actual)');
    if ((props.output_cny === null || props.output_cny === undefined) && typeof props.output_basis === 'string')
      r.add(id, 'output_basis', 'a basis without an output value');
    c.str('capacity_zh', { optional: true, nullable: true });
    c.str('capacity_en', { optional: true, nullable: true });
    c.oneOf('status', PROJECT_STATUSES);
    c.date('status_date');
    c.oneOf('location_basis', LOCATION_BASES);
    c.str('location_note_zh', { optional: true });
    c.str('location_note_en', { optional: true });
    const { refs, supported } = checkSources(r, id, props, PROJECT_FIELDS);
    for (const key of SUPPORTED_PROJECT_FIELDS) {
      const v = props[key];
      if (v !== null && v !== undefined && !supported.has(key))
        r.add(id, key, `no source lists ${key} in its fields: every figure and status must be backed by a quoted source`);
    }
    checkHistory(r, id, props, refs);
  });
  checkUniqueIds(r, ids);
  return r.problems;
}

function checkHistory(r: Reporter, id: string, props: Obj, refs: Set<string>): void {
  const h = props.history;
  if (h === undefined) return r.add(id, 'history', 'missing required field');
  if (!Array.isArray(h)) return r.add(id, 'history', `is ${describe(h)}, expected an array`);
  const dated: Obj[] = [];
  h.forEach((e, i) => {
    const p = `history[${i}].`;
    if (!isObj(e)) return r.add(id, `history[${i}]`, `is ${describe(e)}, expected an object`);
    checkUnknownKeys(r, id, e, EVENT_KEYS, p);
    const c = fieldChecks(r, id, e, p);
    c.date('date');
    c.oneOf('status', PROJECT_STATUSES);
    c.str('note_zh', { optional: true });
    c.str('note_en', { optional: true });
    if (e.source === undefined || e.source === null || e.source === '') r.add(id, `${p}source`, 'an event must name its source');
    else if (typeof e.source !== 'string' || !refs.has(e.source))
      r.add(id, `${p}source`, `${quote(e.source)} is not the ref of one of this project's sources`);
    if (isPartialDate(e.date)) dated.push(e);
  });
  // The current status is the newest report: an event that no other event is wholly after.
  const newest = dated.filter((e) => !dated.some((o) => isBefore(e.date as string, o.date as string)));
  if (newest.length && isPartialDate(props.status_date) && typeof props.status === 'string') {
    const dates = newest.map((e) => String(e.date)).join(', ');
    if (!newest.some((e) => e.date === props.status_date))
      r.add(id, 'status_date', `${props.status_date} is not the date of the newest history event (${dates}); the newest report is the current status`);
    else if (!newest.some((e) => e.date === props.status_date && e.status === props.status))
      r.add(id, 'status', `${props.status} is not the status of the newest history event of ${props.status_date}`);
  }
}

export interface DatasetFiles {
  zones: string;
  projects: string;
}

/** Zones, projects and the references between them. */
export function validateDataset(
  zonesJson: unknown,
  projectsJson: unknown,
  files: DatasetFiles = { zones: 'data/zones.geojson', projects: 'data/projects.geojson' },
): Problem[] {
  return [...validateZones(zonesJson, files.zones), ...validateProjects(projectsJson, files.projects, zonesJson)];
}

export interface ParsedText {
  json: unknown;
  /** A problem when the text is empty or not JSON (json is then undefined). */
  problem: Problem | null;
  /** A one-line note, e.g. that a byte-order mark was stripped. */
  note: string | null;
}

/** Parses a file's text: strips (and notes) a UTF-8 BOM; an empty file or bad JSON is a problem. */
export function parseDataText(text: string, file: string): ParsedText {
  let body = text;
  let note: string | null = null;
  if (body.charCodeAt(0) === 0xfeff) {
    body = body.slice(1);
    note = `${file}: note: the file starts with a UTF-8 byte-order mark (BOM); it was stripped and the file validated, but please save it without one`;
  }
  if (body.trim() === '') return { json: undefined, note, problem: { file, id: null, field: null, message: 'the file is empty' } };
  try {
    return { json: JSON.parse(body), note, problem: null };
  } catch (error) {
    return { json: undefined, note, problem: { file, id: null, field: null, message: `not valid JSON: ${(error as Error).message}` } };
  }
}

/** Which kind of collection a parsed file holds, by its features' properties. */
export function detectKind(json: unknown): 'zones' | 'projects' | null {
  if (!isObj(json) || !Array.isArray(json.features)) return null;
  for (const f of json.features) {
    if (!isObj(f) || !isObj(f.properties)) continue;
    if ('zone_id' in f.properties || 'status' in f.properties) return 'projects';
    if ('level' in f.properties || 'kind' in f.properties || 'figures' in f.properties) return 'zones';
  }
  return null;
}
