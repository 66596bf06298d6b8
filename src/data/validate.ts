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
import { isBlank } from './format.js';
import { INDUSTRY_IDS } from './industries.js';
import {
  LOCATION_BASES,
  OUTPUT_BASES,
  PROJECT_STATUSES,
  ZONE_KINDS,
  ZONE_LEVELS,
  type ProjectProperties,
  type ZoneFigure,
  type ZoneProperties,
} from './schema.js';

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
  /** Set on the line that stands for the problems not listed (see MAX_PROBLEMS): how many. */
  more?: number;
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
/** Project properties that hold a figure and must be backed by some source's `fields`. */
export const SUPPORTED_PROJECT_FIELDS = ['investment_cny', 'output_cny', 'capacity_zh', 'status'] as const;

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real day. */
export function isPartialDate(value: unknown): value is string {
  // By hand, not with a regex and a Date: the validator reads three dates per project.
  if (typeof value !== 'string') return false;
  const n = value.length;
  if (n !== 4 && n !== 7 && n !== 10) return false;
  const year = digitsAt(value, 0, 4);
  if (year < 1900 || year > 2100) return false;
  if (n === 4) return true;
  if (value.charCodeAt(4) !== HYPHEN) return false;
  const month = digitsAt(value, 5, 2);
  if (month < 1 || month > 12) return false;
  if (n === 7) return true;
  if (value.charCodeAt(7) !== HYPHEN) return false;
  const day = digitsAt(value, 8, 2);
  return day >= 1 && day <= daysInMonth(year, month);
}

const HYPHEN = 0x2d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** The number the `count` ASCII digits at `start` spell, or -1 if any is not a digit. */
function digitsAt(s: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    n = n * 10 + (c - 0x30);
  }
  return n;
}

/** Days in a month of the (proleptic) Gregorian calendar, as JavaScript's Date counts them. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const WHITESPACE = /\s/;
const HTTP_SCHEME = /^https?:\/\//i;

/**
 * True for an absolute http: or https: URL (nothing else: no javascript:, data:, file:) with no
 * user name or password, which make a link's host hard to read (https://www.gov.cn@example.org).
 */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || WHITESPACE.test(value)) return false;
  if (!HTTP_SCHEME.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0 && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

function hasCredentials(value: unknown): boolean {
  if (typeof value !== 'string' || !HTTP_SCHEME.test(value)) return false;
  try {
    const u = new URL(value);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
}

/** Why a source's URL is refused: it is no http(s) URL, or one with a user name or password. */
function urlFault(value: unknown, otherwise: string): string {
  if (hasCredentials(value)) return `${quote(value)} has a user name or password before an @ (https://www.gov.cn@example.org goes to example.org): give the plain URL`;
  return `${quote(value)} ${otherwise}`;
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

/**
 * The problems listed per file; the rest are counted in one last line. A file of a million empty
 * features would otherwise keep millions of lines (gigabytes) that no one reads.
 */
export const MAX_PROBLEMS = 1000;

/** How many problems the lines stand for (the last line of a long list stands for the rest). */
export function problemCount(problems: readonly Problem[]): number {
  return problems.reduce((n, p) => n + (p.more ?? 1), 0);
}

class Reporter {
  private readonly problems: Problem[] = [];
  private omitted = 0;
  /** The latest date a file may hold: tomorrow in UTC, as it already is in China. */
  readonly latestDate = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  constructor(
    readonly file: string,
    private readonly maxProblems: number,
  ) {}
  add(id: string | null, field: string | null, message: string): void {
    if (this.problems.length < this.maxProblems) this.problems.push({ file: this.file, id, field, message });
    else this.omitted++;
  }
  result(): Problem[] {
    if (this.omitted === 0) return this.problems;
    const more = { file: this.file, id: null, field: null, message: `and ${this.omitted} more problems not listed`, more: this.omitted };
    return [...this.problems, more];
  }
}

/*
 * The checks below run for every feature, source and history event, so they are plain
 * functions with flags: no closures, option objects, regexes or field paths made per object.
 * A field's path (`sources[2].url`) is its element's prefix plus the key, built only for a
 * problem. Loops skip the holes of sparse arrays, as forEach does.
 */

/** Geometry types a kind of feature may have, and how a message names them. */
interface GeometryRule {
  types: readonly string[];
  text: string;
}
const geometryRule = (types: readonly string[]): GeometryRule => ({ types, text: types.join(' or ') });
const ZONE_GEOMETRY = geometryRule(['Point', 'Polygon', 'MultiPolygon']);
const PROJECT_GEOMETRY = geometryRule(['Point']);

/** Feature-level checks shared by zones and projects; returns the id problems are filed under. */
function checkFeatureShell(r: Reporter, f: unknown, props: Obj | null, index: number, rule: GeometryRule): string {
  if (!isObj(f)) {
    const fallbackId = `#${index}`;
    r.add(fallbackId, null, `feature ${index} is ${describe(f)}, not an object`);
    return fallbackId;
  }
  const id = props && typeof props.id === 'string' && props.id !== '' ? props.id : `#${index}`;
  if (f.type !== 'Feature') r.add(id, 'type', `type is ${quote(f.type)}, expected "Feature"`);
  if (!props) r.add(id, 'properties', `properties is ${describe(f.properties)}, expected an object`);
  const g = f.geometry;
  if (!isObj(g)) {
    r.add(id, 'geometry', `geometry is ${describe(g)}, expected ${rule.text}`);
    return id;
  }
  if (typeof g.type !== 'string' || !rule.types.includes(g.type)) {
    r.add(id, 'geometry.type', `geometry type ${quote(g.type)} is not allowed here (expected ${rule.text})`);
    return id;
  }
  // A well-formed point, the common case, has nothing to report.
  if (!(g.type === 'Point' && isGoodPosition(g.coordinates))) {
    const coordProblems = checkCoordinates(g.coordinates, g.type);
    if (coordProblems.length) {
      for (const m of coordProblems.slice(0, 3)) r.add(id, 'geometry.coordinates', m);
      return id;
    }
  }
  const trace = gjv.isFeature(f, true);
  if (Array.isArray(trace)) for (let i = 0; i < trace.length && i < 3; i++) r.add(id, 'geometry', `invalid GeoJSON: ${trace[i]}`);
  return id;
}

/**
 * Where a zone or project of Shanxi may be: the province (110.1–114.6°E, 34.5–40.8°N) and about a
 * degree around it. A position elsewhere is a mistake ([0, 0] for a missing place, an outline
 * drawn around the world, which caught every click), found by hand. `scripts/validate.ts` checks
 * the province's outline itself (validate-geo.ts, with turf; not in the element's bundle).
 */
export const SHANXI_AREA = { west: 109, south: 33.5, east: 115.7, north: 41.8 } as const;
const inShanxiArea = (lon: number, lat: number): boolean =>
  lon >= SHANXI_AREA.west && lon <= SHANXI_AREA.east && lat >= SHANXI_AREA.south && lat <= SHANXI_AREA.north;

/** A position checkCoordinates finds nothing wrong with: two or three numbers, in Shanxi's area. */
function isGoodPosition(c: unknown): boolean {
  if (!Array.isArray(c) || c.length < 2 || c.length > 3) return false;
  const lon: unknown = c[0];
  const lat: unknown = c[1];
  return typeof lon === 'number' && typeof lat === 'number' && inShanxiArea(lon, lat);
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
      else if (typeof lon === 'number' && Number.isFinite(lon) && lon >= -180 && lon <= 180 && !inShanxiArea(lon, lat)) {
        const swapped = inShanxiArea(lat, lon) ? '; are longitude and latitude swapped?' : '';
        out.push(`position${path} [${lon}, ${lat}] is far from Shanxi (${SHANXI_AREA.west}–${SHANXI_AREA.east}°E, ${SHANXI_AREA.south}–${SHANXI_AREA.north}°N)${swapped}`);
      }
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

/** The keys an object may have. */
interface Keys {
  allowed: ReadonlySet<string>;
  /**
   * Allowed keys of the objects checked before, by position. Objects of a file mostly share
   * their keys' order, so a key is mostly the very string found here and needs no lookup.
   */
  recent: string[];
}
/*
 * A feature's properties may not have the names Object.prototype has (`constructor`, `toString`,
 * `__proto__`), unlike before 2026-12-02 (they were tested as `key in ZONE_FIELDS`): MapLibre's
 * hand-off to its worker reads `constructor` and `hasOwnProperty` off the object, and with them
 * overridden the map silently drew nothing, or kept the old data.
 */
const keys = (allowed: Iterable<string>): Keys => ({ allowed: new Set(allowed), recent: [] });
const ZONE_KEYS = keys(Object.keys(ZONE_FIELDS));
const PROJECT_KEYS = keys(Object.keys(PROJECT_FIELDS));
const SOURCE_KEYS = keys(['ref', 'publisher', 'title', 'date', 'url', 'quote', 'fields']);
const FIGURE_KEYS = keys(['key', 'label_zh', 'label_en', 'value', 'unit', 'as_of', 'basis', 'source', 'quote']);
const EVENT_KEYS = keys(['date', 'status', 'note_zh', 'note_en', 'source']);

/** True when `name` is one of `keys` (a name a source's `fields` may list, for a feature's keys). */
const isAllowed = (keys: Keys, name: string): boolean => keys.allowed.has(name);

/**
 * Own enumerable keys of `obj` (those of Object.keys, in its order) it may not have. for-in, as
 * Object.keys would make an array per object.
 */
function checkUnknownKeys(r: Reporter, id: string, obj: Obj, keys: Keys, prefix: string): void {
  const recent = keys.recent;
  let i = 0;
  for (const k in obj) {
    if (k !== recent[i]) {
      if (keys.allowed.has(k)) {
        if (i < 64) recent[i] = k;
      } else if (!isAllowed(keys, k) && Object.hasOwn(obj, k)) r.add(id, prefix + k, `unknown field ${quote(k)}`);
    }
    i++;
  }
}

/** Flags of the field checks. */
const OPTIONAL = 1;
const NULLABLE = 2;
const POSITIVE = 4;
/** An amount of yuan: at most `MONEY_MAX`. */
const MONEY = 8;
/** A name: at most `NAME_MAX` characters. */
const NAME = 16;
/** An area in km²: at most `SHANXI_KM2`. */
const AREA = 32;
/** A count: a whole number from 0 to `COUNT_MAX`. */
const COUNT = 64;
/** A rank: a whole number from 1. */
const RANK = 128;
/** A percentage: from -100 to `PERCENT_MAX`. */
const PERCENT = 256;

/**
 * The longest name, and the longest other text (a quote, a note), in UTF-16 code units: a
 * 100,000-character name passed, and filled the popup and the search's list with a wall of text
 * (found by hand). The shipped data's longest are 120 and 510.
 */
export const NAME_MAX = 300;
export const TEXT_MAX = 5000;

/**
 * Shanxi's area in km² (156,700 officially; geo/README.md: 156,659 from the outline). No zone is
 * larger than the province: a larger `area_km2` is a unit slip (m² or 亩 written as km²), and
 * 1e20 broke MapLibre's tile encoding.
 */
export const SHANXI_KM2 = 156_700;

/**
 * 10 万亿元 (10 trillion yuan), several times China's largest single projects: an amount above it
 * is a unit slip (万元 or 亿元 written as yuan), and such numbers overflowed the totals.
 */
export const MONEY_MAX = 1e13;

/**
 * 1 万元 (10,000 yuan): no major project or zone figure is this small, so an amount below it is
 * a unit slip the other way (49.4 meaning 49.4 亿元), and it showed as "0 元". The shipped data's
 * smallest is 1.2e7 (1200 万元).
 */
export const MONEY_MIN = 1e4;

/**
 * The largest count a zone figure may give (enterprises, projects, employees, patents): 100
 * million, three times Shanxi's population; 1e300 passed and was drawn. The shipped data's
 * largest is 1200.
 */
export const COUNT_MAX = 1e8;

/** The largest percentage (a growth of ten times); the smallest is -100 %, all of it gone. */
export const PERCENT_MAX = 1000;

/** A pattern a string field must match, and how a message names it. */
interface Pattern {
  re: RegExp;
  text: string;
}
const ZONE_ID: Pattern = { re: ID_PATTERN, text: 'a lower-case ASCII slug (e.g. changzhi-htz)' };
const PROJECT_ID: Pattern = { re: ID_PATTERN, text: 'a lower-case ASCII slug (e.g. cz-taihang-data-lake)' };
const CITY: Pattern = { re: /^[^;]+市(;[^;]+市)*$/, text: 'one or more prefecture names ending in 市, joined by ;' };
const FIGURE_KEY: Pattern = { re: /^[a-z0-9_]+$/, text: 'a snake_case key' };

/** The values an enumerated field may take, and how a message lists them. */
interface Choice {
  values: ReadonlySet<string>;
  text: string;
}
const choice = (values: readonly string[]): Choice => ({ values: new Set(values), text: values.join(', ') });
const LEVEL = choice(ZONE_LEVELS);
const KIND = choice(ZONE_KINDS);
const LOCATION_BASIS = choice(LOCATION_BASES);
const INDUSTRY = choice(INDUSTRY_IDS);
const OUTPUT_BASIS = choice(OUTPUT_BASES);
const STATUS = choice(PROJECT_STATUSES);
const UNIT = choice(FIGURE_UNITS);

/*
 * Each check takes the field's value, read by the caller as `obj.key`: a missing field reads as
 * undefined, and a named read is much faster than `obj[key]` with a different key at each call.
 * `prefix + key` names the field in a problem.
 */

/** A problem for a required field without a value. */
function missing(r: Reporter, id: string, prefix: string, key: string, flags: number): void {
  if (!(flags & OPTIONAL)) r.add(id, prefix + key, 'missing required field');
}

function checkStr(r: Reporter, id: string, v: unknown, prefix: string, key: string, flags = 0, pattern?: Pattern): void {
  if (v === undefined) return missing(r, id, prefix, key, flags);
  if (v === null) {
    if (!(flags & NULLABLE) && !(flags & OPTIONAL)) r.add(id, prefix + key, 'is null, expected a string');
    else if (!(flags & NULLABLE)) r.add(id, prefix + key, 'is null, expected a string or no field');
    return;
  }
  if (typeof v !== 'string') return r.add(id, prefix + key, `is ${describe(v)}, expected a string`);
  if (isBlank(v)) return r.add(id, prefix + key, blankMessage(v));
  const max = maxLength(flags);
  if (v.length > max) return r.add(id, prefix + key, `is ${v.length} characters long, more than ${max}`);
  if (pattern && !pattern.re.test(v)) r.add(id, prefix + key, `${quote(v)} is not ${pattern.text}`);
}

/** The longest a string with these flags may be, in UTF-16 code units. */
function maxLength(flags: number): number {
  return flags & NAME ? NAME_MAX : TEXT_MAX;
}

/** Why a blank string is refused: empty, or something that only looks like text. */
function blankMessage(v: string): string {
  if (v.trim() === '') return 'is an empty string';
  return 'shows nothing (only invisible characters, direction marks or combining marks): write the text, or leave the field out where it is optional';
}

function checkNum(r: Reporter, id: string, v: unknown, prefix: string, key: string, flags = 0): void {
  if (v === undefined) return missing(r, id, prefix, key, 0);
  if (v === null) {
    if (!(flags & NULLABLE)) r.add(id, prefix + key, 'is null, expected a number');
    return;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) return r.add(id, prefix + key, `is ${describe(v) === 'number' ? String(v) : describe(v)}, expected a finite number`);
  if (flags & POSITIVE && v <= 0) r.add(id, prefix + key, `is ${v}, expected a positive number`);
  if (flags & MONEY && v > MONEY_MAX) r.add(id, prefix + key, `is ${v}, above 1e13 yuan (10 万亿元): the amount is in yuan, not 万元 or 亿元`);
  // Zero and below are reported as not positive; a second line would say the same.
  if (flags & MONEY && v > 0 && v < MONEY_MIN) r.add(id, prefix + key, `is ${v}, below 10,000 yuan (1 万元): the amount is in yuan, not 万元 or 亿元`);
  if (flags & AREA && v > SHANXI_KM2) r.add(id, prefix + key, `is ${v} km², larger than Shanxi (156,700 km²): the area is in km², not m² or 亩`);
  if (flags & (COUNT | RANK)) {
    const least = flags & RANK ? 1 : 0;
    if (!Number.isInteger(v) || v < least) r.add(id, prefix + key, `is ${v}, expected a whole number from ${least}`);
    else if (flags & COUNT && v > COUNT_MAX) r.add(id, prefix + key, `is ${v}, more than 100,000,000: is it a count?`);
  }
  if (flags & PERCENT && (v < -100 || v > PERCENT_MAX)) r.add(id, prefix + key, `is ${v} %, outside -100 % to ${PERCENT_MAX} %`);
}

function checkBool(r: Reporter, id: string, v: unknown, key: string): void {
  if (v === undefined) return missing(r, id, '', key, 0);
  if (typeof v !== 'boolean') r.add(id, key, `is ${describe(v)}, expected true or false`);
}

function checkOneOf(r: Reporter, id: string, v: unknown, prefix: string, key: string, allowed: Choice, flags = 0): void {
  if (v === undefined) return missing(r, id, prefix, key, flags);
  if (v === null && flags & (NULLABLE | OPTIONAL)) {
    if (!(flags & NULLABLE)) r.add(id, prefix + key, 'is null; leave the field out instead');
    return;
  }
  if (typeof v !== 'string' || !allowed.values.has(v)) r.add(id, prefix + key, `${quote(v)} is not one of ${allowed.text}`);
}

/** Checks a date field; true when it holds a valid date (so the caller need not parse it again). */
function checkDate(r: Reporter, id: string, v: unknown, prefix: string, key: string, flags = 0): boolean {
  if (v === undefined) {
    missing(r, id, prefix, key, flags);
    return false;
  }
  if (v === null && flags & NULLABLE) return false;
  if (!isPartialDate(v)) {
    r.add(id, prefix + key, `${quote(v)} is not a date YYYY, YYYY-MM or YYYY-MM-DD`);
    return false;
  }
  // A partial date sorts before the days it holds, so this compares its first day.
  if (v > r.latestDate) r.add(id, prefix + key, `${quote(v)} is in the future: a date says when something was true or published`);
  return true;
}

/** `sources[3].` and the like, made once per index rather than once per element. */
function elementPrefix(cache: string[], name: string, i: number): string {
  if (i >= 256) return `${name}[${i}].`;
  return cache[i] ?? (cache[i] = `${name}[${i}].`);
}
const SOURCE_PREFIXES: string[] = [];
const FIGURE_PREFIXES: string[] = [];
const EVENT_PREFIXES: string[] = [];

/** A hole in a sparse array (forEach, some and every skip them). */
const isHole = (xs: unknown[], i: number): boolean => xs[i] === undefined && !(i in xs);

/**
 * Checks `sources`; adds the refs to `refs` and the property names the sources' `fields` name
 * to `supported`.
 */
function checkSources(r: Reporter, id: string, props: Obj, names: Keys, refs: string[], supported: string[]): void {
  const sources = props.sources;
  if (sources === undefined) return r.add(id, 'sources', 'missing required field');
  if (!Array.isArray(sources)) return r.add(id, 'sources', `is ${describe(sources)}, expected an array`);
  if (sources.length === 0) r.add(id, 'sources', 'no sources: every feature cites at least one');
  for (let i = 0; i < sources.length; i++) {
    if (isHole(sources, i)) continue;
    const s: unknown = sources[i];
    if (!isObj(s)) {
      r.add(id, `sources[${i}]`, `is ${describe(s)}, expected an object`);
      continue;
    }
    const p = elementPrefix(SOURCE_PREFIXES, 'sources', i);
    checkUnknownKeys(r, id, s, SOURCE_KEYS, p);
    checkStr(r, id, s.ref, p, 'ref');
    checkStr(r, id, s.publisher, p, 'publisher');
    checkStr(r, id, s.title, p, 'title');
    checkDate(r, id, s.date, p, 'date');
    checkStr(r, id, s.quote, p, 'quote', OPTIONAL);
    const ref = s.ref;
    if (typeof ref === 'string' && ref !== '') {
      if (SEED_REF.test(ref)) refs.push(ref);
      else if (isHttpUrl(ref)) {
        refs.push(ref);
        if (s.url !== undefined && s.url !== ref) r.add(id, `${p}url`, 'differs from ref; a web source uses its URL as ref');
      } else r.add(id, `${p}ref`, urlFault(ref, 'is neither a seed file name (NNN_hex16.txt) nor an http(s) URL'));
    }
    if (s.url !== undefined && !isHttpUrl(s.url)) r.add(id, `${p}url`, urlFault(s.url, 'is not an http(s) URL'));
    const fields = s.fields;
    if (fields === undefined) continue;
    if (!Array.isArray(fields)) {
      r.add(id, `${p}fields`, `is ${describe(fields)}, expected an array of property names`);
      continue;
    }
    for (let j = 0; j < fields.length; j++) {
      if (isHole(fields, j)) continue;
      const f: unknown = fields[j];
      if (typeof f !== 'string' || !isAllowed(names, f)) r.add(id, `${p}fields[${j}]`, `${quote(f)} is not a property of this feature`);
      else supported.push(f);
    }
  }
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

function checkUniqueIds(r: Reporter, ids: readonly string[]): void {
  for (const id of repeatedIds(ids)) r.add(id, 'id', `duplicate id ${quote(id)}`);
}

/**
 * The ids that repeat an earlier one, in order, leaving out the stand-ins (`#3`) of features
 * without an id. An open-addressing table of indices hashed with FNV-1a: at 100k ids a fifth of
 * the time of a Set. Ids crafted to collide exhaust a budget of probes and fall back to the Set.
 */
function repeatedIds(ids: readonly string[]): string[] {
  let size = 16;
  while (size < ids.length * 2) size *= 2;
  const table = new Int32Array(size); // index + 1 into ids; 0 for an empty slot
  const mask = size - 1;
  let budget = 8 * ids.length;
  const repeats: string[] = [];
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    if (id.startsWith('#')) continue;
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const e = table[slot]!;
      if (e === 0) {
        table[slot] = k + 1;
        break;
      }
      if (ids[e - 1] === id) {
        repeats.push(id);
        break;
      }
      if (--budget < 0) return repeatedIdsBySet(ids);
    }
  }
  return repeats;
}

/** What repeatedIds computes, with a Set. */
function repeatedIdsBySet(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeats: string[] = [];
  for (const id of ids) {
    if (id.startsWith('#')) continue;
    if (seen.has(id)) repeats.push(id);
    seen.add(id);
  }
  return repeats;
}

/** Checks data/zones.geojson. */
export function validateZones(json: unknown, file: string, maxProblems = MAX_PROBLEMS): Problem[] {
  const r = new Reporter(file, maxProblems);
  const features = getFeatures(r, json);
  if (!features) return r.result();
  if (holdsOnly(features, 'projects')) {
    r.add(null, null, 'this file holds projects (every feature has a zone_id), not zones: is it the projects file?');
    return r.result();
  }
  const ids: string[] = [];
  const parents: [string, unknown][] = [];
  for (let index = 0; index < features.length; index++) {
    if (isHole(features, index)) continue;
    const f: unknown = features[index];
    const props = isObj(f) && isObj(f.properties) ? f.properties : null;
    const id = checkFeatureShell(r, f, props, index, ZONE_GEOMETRY);
    if (!props) continue;
    ids.push(id);
    checkUnknownKeys(r, id, props, ZONE_KEYS, '');
    checkStr(r, id, props.id, '', 'id', 0, ZONE_ID);
    checkStr(r, id, props.name_zh, '', 'name_zh', NAME);
    checkStr(r, id, props.name_en, '', 'name_en', NAME);
    checkStr(r, id, props.short_zh, '', 'short_zh', OPTIONAL | NAME);
    checkStr(r, id, props.short_en, '', 'short_en', OPTIONAL | NAME);
    checkOneOf(r, id, props.level, '', 'level', LEVEL);
    checkOneOf(r, id, props.kind, '', 'kind', KIND);
    checkStr(r, id, props.city, '', 'city', 0, CITY);
    checkStr(r, id, props.county, '', 'county', NULLABLE);
    checkStr(r, id, props.parent_id, '', 'parent_id', OPTIONAL | NULLABLE);
    checkDate(r, id, props.established, '', 'established', NULLABLE);
    checkNum(r, id, props.area_km2, '', 'area_km2', NULLABLE | POSITIVE | AREA);
    checkOneOf(r, id, props.location_basis, '', 'location_basis', LOCATION_BASIS);
    checkStr(r, id, props.location_note_zh, '', 'location_note_zh', OPTIONAL);
    checkStr(r, id, props.location_note_en, '', 'location_note_en', OPTIONAL);
    checkBool(r, id, props.verified, 'verified');
    checkIndustries(r, id, props.industries);
    // member counties and geometry
    const geomType = isObj(f) && isObj((f as Obj).geometry) ? ((f as Obj).geometry as Obj).type : undefined;
    if (props.member_counties !== undefined) {
      if (!Array.isArray(props.member_counties) || props.member_counties.some((m) => typeof m !== 'string' || m === ''))
        r.add(id, 'member_counties', 'expected an array of county names');
    }
    if (props.location_basis === 'member-counties') {
      if (!Array.isArray(props.member_counties) || props.member_counties.length === 0)
        r.add(id, 'member_counties', 'a zone drawn from member counties must list them');
      if (geomType === 'Point') r.add(id, 'geometry.type', 'a zone drawn from member counties must be a Polygon or MultiPolygon');
    } else if (geomType === 'Polygon' || geomType === 'MultiPolygon') {
      r.add(id, 'geometry.type', `a ${String(geomType)} outline needs location_basis "member-counties" (never an invented outline)`);
    }
    if (props.parent_id !== undefined && props.parent_id !== null) parents.push([id, props.parent_id]);
    const refs: string[] = [];
    checkSources(r, id, props, ZONE_KEYS, refs, []);
    checkFigures(r, id, props.figures, refs);
  }
  checkUniqueIds(r, ids);
  const known = new Set(ids);
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
  return r.result();
}

function checkIndustries(r: Reporter, id: string, v: unknown): void {
  if (v === undefined) return r.add(id, 'industries', 'missing required field');
  if (!Array.isArray(v)) return r.add(id, 'industries', `is ${describe(v)}, expected an array of industry layer ids`);
  const seen = new Set<string>();
  for (let i = 0; i < v.length; i++) {
    if (isHole(v, i)) continue;
    const x: unknown = v[i];
    if (typeof x !== 'string' || !INDUSTRY.values.has(x)) r.add(id, `industries[${i}]`, `${quote(x)} is not an industry layer id (${INDUSTRY.text})`);
    else if (seen.has(x)) r.add(id, `industries[${i}]`, `${x} is listed twice`);
    else seen.add(x);
  }
}

function checkFigures(r: Reporter, id: string, v: unknown, refs: readonly string[]): void {
  if (v === undefined) return r.add(id, 'figures', 'missing required field');
  if (!Array.isArray(v)) return r.add(id, 'figures', `is ${describe(v)}, expected an array`);
  for (let i = 0; i < v.length; i++) {
    if (isHole(v, i)) continue;
    const fig: unknown = v[i];
    if (!isObj(fig)) {
      r.add(id, `figures[${i}]`, `is ${describe(fig)}, expected an object`);
      continue;
    }
    const p = elementPrefix(FIGURE_PREFIXES, 'figures', i);
    checkUnknownKeys(r, id, fig, FIGURE_KEYS, p);
    checkStr(r, id, fig.key, p, 'key', 0, FIGURE_KEY);
    checkStr(r, id, fig.label_zh, p, 'label_zh');
    checkStr(r, id, fig.label_en, p, 'label_en');
    checkNum(r, id, fig.value, p, 'value', figureBounds(fig.unit));
    checkOneOf(r, id, fig.unit, p, 'unit', UNIT);
    checkDate(r, id, fig.as_of, p, 'as_of');
    checkOneOf(r, id, fig.basis, p, 'basis', OUTPUT_BASIS, OPTIONAL);
    checkStr(r, id, fig.quote, p, 'quote', OPTIONAL);
    if (fig.source === undefined || fig.source === null || fig.source === '')
      r.add(id, `${p}source`, 'a figure must name its source (the ref of one of the zone\'s sources)');
    else if (typeof fig.source !== 'string' || !refs.includes(fig.source))
      r.add(id, `${p}source`, `${quote(fig.source)} is not the ref of one of this zone's sources`);
  }
}

/** The bounds of a figure's value by its unit: money and areas as for the zone's own fields. */
function figureBounds(unit: unknown): number {
  if (unit === 'cny') return POSITIVE | MONEY;
  if (unit === 'km2') return POSITIVE | AREA;
  if (unit === 'count') return COUNT;
  if (unit === 'rank') return RANK;
  if (unit === 'percent') return PERCENT;
  return 0;
}

/** Zone ids (and points) the projects may refer to: a zones collection, or a list of ids. */
function zoneIdsOf(zones: unknown): Set<string> {
  if (Array.isArray(zones)) return new Set(zones.filter((z): z is string => typeof z === 'string'));
  const ids = new Set<string>();
  // The projects file given as the zones file: its ids are projects', not zones'.
  if (isObj(zones) && Array.isArray(zones.features) && !holdsOnly(zones.features, 'projects'))
    for (const f of zones.features) if (isObj(f) && isObj(f.properties) && typeof f.properties.id === 'string') ids.add(f.properties.id);
  return ids;
}

/** The zone `id` as a message names it: its id and, where the zones collection has one, its name. */
function zoneLabel(zones: unknown, id: string): string {
  const f = isObj(zones) && Array.isArray(zones.features) ? zones.features.find((z) => isObj(z) && isObj(z.properties) && z.properties.id === id) : null;
  const name = isObj(f) && isObj(f.properties) ? f.properties.name_zh : undefined;
  return typeof name === 'string' && !isBlank(name) ? `${quote(id)} (${name})` : quote(id);
}

/**
 * Zones that yield no id (a zones file that is not a collection, is empty, or holds projects)
 * would make every project's zone_id a problem: one line says so instead, as the zones file's
 * own problems name the mistake.
 */
const ZONES_UNUSABLE = "the projects' zones could not be checked because the zones file is unusable (see its problems): fix the zones file first";

/** Checks data/projects.geojson; `zones` is the zones collection (or its ids) that zone_id must resolve in. */
export function validateProjects(json: unknown, file: string, zones: unknown, maxProblems = MAX_PROBLEMS): Problem[] {
  const r = new Reporter(file, maxProblems);
  const features = getFeatures(r, json);
  if (!features) return r.result();
  if (holdsOnly(features, 'zones')) {
    r.add(null, null, 'this file holds zones (every feature has a level and a kind), not projects: is it the zones file?');
    return r.result();
  }
  const zoneIds = zoneIdsOf(zones);
  const zonesUsable = zoneIds.size > 0;
  if (!zonesUsable && features.length > 0) r.add(null, 'zone_id', ZONES_UNUSABLE);
  const ids: string[] = [];
  for (let index = 0; index < features.length; index++) {
    if (isHole(features, index)) continue;
    const f: unknown = features[index];
    const props = isObj(f) && isObj(f.properties) ? f.properties : null;
    const id = checkFeatureShell(r, f, props, index, PROJECT_GEOMETRY);
    if (!props) continue;
    ids.push(id);
    checkUnknownKeys(r, id, props, PROJECT_KEYS, '');
    checkStr(r, id, props.id, '', 'id', 0, PROJECT_ID);
    // The element finds a zone or a project by its id alone (selection, links, search).
    if (typeof props.id === 'string' && zoneIds.has(props.id))
      r.add(id, 'id', `is also the id of the zone ${zoneLabel(zones, props.id)}: a project needs an id no zone has; give it its own (e.g. with its zone's prefix, cz-…)`);
    checkStr(r, id, props.zone_id, '', 'zone_id');
    if (zonesUsable && typeof props.zone_id === 'string' && props.zone_id !== '' && !zoneIds.has(props.zone_id))
      r.add(id, 'zone_id', `zone ${quote(props.zone_id)} is not in the zones file`);
    checkStr(r, id, props.name_zh, '', 'name_zh', NAME);
    checkStr(r, id, props.name_en, '', 'name_en', NAME);
    checkStr(r, id, props.company_zh, '', 'company_zh', OPTIONAL | NULLABLE | NAME);
    checkStr(r, id, props.company_en, '', 'company_en', OPTIONAL | NULLABLE | NAME);
    checkOneOf(r, id, props.industry, '', 'industry', INDUSTRY);
    checkNum(r, id, props.investment_cny, '', 'investment_cny', NULLABLE | POSITIVE | MONEY);
    checkNum(r, id, props.output_cny, '', 'output_cny', NULLABLE | POSITIVE | MONEY);
    checkOneOf(r, id, props.output_basis, '', 'output_basis', OUTPUT_BASIS, NULLABLE);
    if (props.output_cny !== null && props.output_cny !== undefined && (props.output_basis === null || props.output_basis === undefined))
      r.add(id, 'output_basis', 'an output value needs its basis (planned or actual)');
    if ((props.output_cny === null || props.output_cny === undefined) && typeof props.output_basis === 'string')
      r.add(id, 'output_basis', 'a basis without an output value');
    checkStr(r, id, props.capacity_zh, '', 'capacity_zh', OPTIONAL | NULLABLE);
    checkStr(r, id, props.capacity_en, '', 'capacity_en', OPTIONAL | NULLABLE);
    checkOneOf(r, id, props.status, '', 'status', STATUS);
    const statusDateOk = checkDate(r, id, props.status_date, '', 'status_date');
    checkOneOf(r, id, props.location_basis, '', 'location_basis', LOCATION_BASIS);
    checkStr(r, id, props.location_note_zh, '', 'location_note_zh', OPTIONAL);
    checkStr(r, id, props.location_note_en, '', 'location_note_en', OPTIONAL);
    const refs: string[] = [];
    const supported: string[] = [];
    checkSources(r, id, props, PROJECT_KEYS, refs, supported);
    for (const key of SUPPORTED_PROJECT_FIELDS) {
      const v = props[key];
      if (v !== null && v !== undefined && !supported.includes(key))
        r.add(id, key, `no source lists ${key} in its fields: every figure and status must be backed by a quoted source`);
    }
    checkHistory(r, id, props, refs, statusDateOk);
  }
  checkUniqueIds(r, ids);
  return r.result();
}

/**
 * Checks `history` against the project's refs, and that the current status is the newest
 * report; `statusDateOk` says whether status_date is a valid date.
 */
function checkHistory(r: Reporter, id: string, props: Obj, refs: readonly string[], statusDateOk: boolean): void {
  const h = props.history;
  if (h === undefined) return r.add(id, 'history', 'missing required field');
  if (!Array.isArray(h)) return r.add(id, 'history', `is ${describe(h)}, expected an array`);
  const dated: Obj[] = [];
  for (let i = 0; i < h.length; i++) {
    if (isHole(h, i)) continue;
    const e: unknown = h[i];
    if (!isObj(e)) {
      r.add(id, `history[${i}]`, `is ${describe(e)}, expected an object`);
      continue;
    }
    const p = elementPrefix(EVENT_PREFIXES, 'history', i);
    checkUnknownKeys(r, id, e, EVENT_KEYS, p);
    const dateOk = checkDate(r, id, e.date, p, 'date');
    checkOneOf(r, id, e.status, p, 'status', STATUS);
    checkStr(r, id, e.note_zh, p, 'note_zh', OPTIONAL);
    checkStr(r, id, e.note_en, p, 'note_en', OPTIONAL);
    if (e.source === undefined || e.source === null || e.source === '') r.add(id, `${p}source`, 'an event must name its source');
    else if (typeof e.source !== 'string' || !refs.includes(e.source))
      r.add(id, `${p}source`, `${quote(e.source)} is not the ref of one of this project's sources`);
    if (dateOk) dated.push(e);
  }
  if (dated.length === 0 || !statusDateOk || typeof props.status !== 'string') return;
  // The current status is the newest report: an event that no other event is wholly after.
  let newestCount = 0;
  let dateSeen = false;
  let statusSeen = false;
  for (const e of dated) {
    if (!isNewest(e, dated)) continue;
    newestCount++;
    if (e.date === props.status_date) {
      dateSeen = true;
      if (e.status === props.status) statusSeen = true;
    }
  }
  if (newestCount === 0) return;
  if (!dateSeen) {
    const dates = dated.filter((e) => isNewest(e, dated)).map((e) => String(e.date)).join(', ');
    r.add(id, 'status_date', `${props.status_date} is not the date of the newest history event (${dates}); the newest report is the current status`);
  } else if (!statusSeen) r.add(id, 'status', `${props.status} is not the status of the newest history event of ${props.status_date}`);
}

/** True when no event of `dated` is wholly after `e`. */
function isNewest(e: Obj, dated: readonly Obj[]): boolean {
  for (const o of dated) if (isBefore(e.date as string, o.date as string)) return false;
  return true;
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
  /** The problem's message in Chinese, for the element's Chinese readers (null with no problem). */
  problemZh: string | null;
  /** A one-line note, e.g. that a byte-order mark was stripped. */
  note: string | null;
}

/** A whole-file problem, in English (for the problem line) and Chinese (for the element). */
const FILE_PROBLEMS = {
  empty: ['the file is empty', '文件是空的'],
  gzip: [
    'the file is gzip-compressed but was served without Content-Encoding: gzip; serve it with that header, or uncompressed',
    '文件经过 gzip 压缩，但服务器发送时没有带 Content-Encoding: gzip 头；请带上这个头发送，或发送未压缩的文件',
  ],
  utf16: [
    'the file is not UTF-8: it looks like UTF-16 (zero bytes between the characters); save it as UTF-8',
    '文件不是 UTF-8 编码：看起来是 UTF-16（字符之间有零字节）；请另存为 UTF-8',
  ],
  gbk: [
    'the file is not UTF-8: it has bytes UTF-8 does not allow (as a GBK or GB18030 file does), read as \ufffd; save it as UTF-8',
    '文件不是 UTF-8 编码：其中有 UTF-8 不允许的字节（GBK 或 GB18030 文件就是这样），读出来是 \ufffd；请另存为 UTF-8',
  ],
} as const;

function fileProblem(file: string, note: string | null, [message, zh]: readonly [string, string]): ParsedText {
  return { json: undefined, note, problem: { file, id: null, field: null, message }, problemZh: zh };
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A U+FFFD in a file that is valid UTF-8: the text it stood for was lost before. */
function replacementProblem(file: string, note: string | null, body: string, at: number): ParsedText {
  let line = 1;
  for (let i = body.indexOf('\n'); i !== -1 && i < at; i = body.indexOf('\n', i + 1)) line++;
  return fileProblem(file, note, [
    `the file holds U+FFFD (\ufffd), the character that stands for text lost in a conversion (first on line ${line}); put back the text it replaced`,
    `文件中有 U+FFFD（\ufffd），即转换编码时丢失文字留下的字符（第一处在第 ${line} 行）；请恢复被替换的文字`,
  ]);
}

/**
 * Parses a file (its bytes, or text already decoded): strips (and notes) a UTF-8 BOM; an empty
 * file, one that is not UTF-8 text (gzip, UTF-16, GBK) or bad JSON is a problem. From bytes, a
 * U+FFFD the file really holds is told apart from bytes that are not UTF-8.
 */
export function parseDataText(input: string | Uint8Array, file: string): ParsedText {
  let body: string;
  let utf8 = false; // known to be valid UTF-8
  if (typeof input === 'string') body = input;
  else {
    try {
      body = STRICT_UTF8.decode(input);
      utf8 = true;
    } catch {
      body = LENIENT_UTF8.decode(input);
    }
  }
  let note: string | null = null;
  if (body.charCodeAt(0) === 0xfeff) {
    body = body.slice(1);
    note = `${file}: note: the file starts with a UTF-8 byte-order mark (BOM); it was stripped and the file validated, but please save it without one`;
  }
  if (body.trim() === '') return fileProblem(file, note, FILE_PROBLEMS.empty);
  // gzip starts with the bytes 1f 8b; 8b is no UTF-8 character, so fetch's decoding (and Node's)
  // reads U+001F U+FFFD. Checked first: its zero bytes would pass for UTF-16's.
  if (body.startsWith('\u001f\ufffd')) return fileProblem(file, note, FILE_PROBLEMS.gzip);
  // Read as UTF-8, a UTF-16 file starts with two replacement characters (its byte-order mark)
  // and has a zero byte beside every ASCII character.
  if (body.startsWith('\ufffd\ufffd') || body.slice(0, 64).includes('\u0000')) return fileProblem(file, note, FILE_PROBLEMS.utf16);
  // Other bytes that are not UTF-8 (GBK or GB18030, as Chinese files often are) would show as
  // \ufffd in names and sources: refused, not drawn garbled.
  const replaced = body.indexOf('\ufffd');
  if (replaced !== -1) return utf8 ? replacementProblem(file, note, body, replaced) : fileProblem(file, note, FILE_PROBLEMS.gbk);
  try {
    return { json: JSON.parse(body), note, problem: null, problemZh: null };
  } catch (error) {
    const reason = (error as Error).message;
    return { json: undefined, note, problem: { file, id: null, field: null, message: `not valid JSON: ${reason}` }, problemZh: `不是有效的 JSON：${reason}` };
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
