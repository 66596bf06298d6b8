/**
 * Pure helpers of <szm-filters>: the choices the data offers, the investment range typed in
 * 亿元 or CNY bn and turned into yuan, and which filter keys a change really changes.
 */
import { CITY_LABELS, type Lang } from '../../i18n/labels.js';
import { EMPTY_FILTERS, zoneCities, type Filters } from '../../data/filter.js';
import {
  PROJECT_STATUSES,
  ZONE_LEVELS,
  type ProjectFeature,
  type ProjectStatus,
  type ZoneFeature,
  type ZoneLevel,
} from '../../data/schema.js';

/** Yuan per unit of the range inputs: 亿元 in Chinese, billion yuan in English. */
export const RANGE_UNIT: Readonly<Record<Lang, number>> = { zh: 1e8, en: 1e9 };

const CITY_ORDER = Object.keys(CITY_LABELS);

/** The prefectures the zones lie in: Shanxi's order (north to south), then unknown names sorted. */
export function citiesPresent(zones: readonly ZoneFeature[]): string[] {
  const found = new Set(zones.flatMap((z) => zoneCities(z.properties.city)));
  const known = CITY_ORDER.filter((c) => found.has(c));
  const other = [...found].filter((c) => !CITY_ORDER.includes(c)).sort();
  return [...known, ...other];
}

/** The zone levels present, in ZONE_LEVELS order. */
export function levelsPresent(zones: readonly ZoneFeature[]): ZoneLevel[] {
  const found = new Set(zones.map((z) => z.properties.level));
  return ZONE_LEVELS.filter((l) => found.has(l));
}

/** Projects per status, for every status. */
export function statusCounts(projects: readonly ProjectFeature[]): Record<ProjectStatus, number> {
  const counts = Object.fromEntries(PROJECT_STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>;
  for (const p of projects) if (p.properties.status in counts) counts[p.properties.status]++;
  return counts;
}

/** The list with `value` added or removed, kept in the order of `options`. */
export function toggleIn<T extends string>(list: readonly T[], value: T, options: readonly T[]): T[] {
  const next = new Set(list);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return [...options.filter((o) => next.has(o)), ...[...next].filter((v) => !options.includes(v))];
}

/** An amount in yuan as the text of a range input (`1e9` → `10` in zh, `1` in en). */
export function rangeText(yuan: number | null, lang: Lang): string {
  return yuan === null ? '' : String(Number((yuan / RANGE_UNIT[lang]).toPrecision(12)));
}

export type RangeError = 'number' | 'negative' | 'order';

export type RangeResult =
  | { ok: true; min: number | null; max: number | null }
  | { ok: false; error: RangeError; field: 'min' | 'max' };

/** Full-width digits and point (from a Chinese IME) as ASCII; spaces and thousands commas dropped. */
function normalize(text: string): string {
  return text
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，]/g, '');
}

function parseAmount(text: string, unit: number): number | null | RangeError {
  const t = normalize(text);
  if (t === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return 'number';
  const n = Number(t);
  if (n < 0) return 'negative';
  return Math.round(n * unit) || 0;
}

/**
 * The range typed in the two inputs, in yuan: empty is open-ended; each bound must be a
 * non-negative number, and min ≤ max.
 */
export function parseRange(minText: string, maxText: string, lang: Lang): RangeResult {
  const min = parseAmount(minText, RANGE_UNIT[lang]);
  if (typeof min === 'string') return { ok: false, error: min, field: 'min' };
  const max = parseAmount(maxText, RANGE_UNIT[lang]);
  if (typeof max === 'string') return { ok: false, error: max, field: 'max' };
  if (min !== null && max !== null && min > max) return { ok: false, error: 'order', field: 'min' };
  return { ok: true, min, max };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The keys of `next` whose values differ from `current`'s. */
export function changedKeys(current: Readonly<Filters>, next: Partial<Filters>): Partial<Filters> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (!same(current[key as keyof Filters], value)) out[key] = value;
  }
  return out as Partial<Filters>;
}

/** What "Reset filters" changes: every key that differs from EMPTY_FILTERS, set back to it. */
export function resetKeys(current: Readonly<Filters>): Partial<Filters> {
  const empty: Partial<Filters> = { ...EMPTY_FILTERS };
  for (const key of Object.keys(empty) as (keyof Filters)[]) {
    if (Array.isArray(EMPTY_FILTERS[key])) (empty as Record<string, unknown>)[key] = [];
  }
  return changedKeys(current, empty);
}
