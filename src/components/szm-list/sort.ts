/**
 * Orders of the list's zones and projects. Pure functions, no DOM: tested in node.
 *
 * - `investment`: largest first; an undisclosed investment (null) always last. A zone's
 *   investment is the disclosed total of its listed projects; a zone with none goes last.
 * - `date`: newest status date first. Partial dates compare as text, so `2021-08` comes before
 *   `2021` (the year-only date is the less precise, placed after). A zone's date is the newest
 *   status date of its listed projects; a zone with no projects goes last.
 * - `name`: Chinese by pinyin (`zh-Hans-CN-u-co-pinyin`), English alphabetically (case and
 *   accents ignored, numbers by value).
 *
 * Ties fall back to the name, then the id, so an order never depends on the input's.
 */
import { projectName, zoneName, type Lang } from '../../data/format.js';
import type { ProjectFeature, ZoneFeature } from '../../data/schema.js';

export const SORT_KEYS = ['investment', 'date', 'name'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export function isSortKey(value: unknown): value is SortKey {
  return typeof value === 'string' && (SORT_KEYS as readonly string[]).includes(value);
}

const collators = new Map<Lang, Intl.Collator>();

/** The name comparison of a language: pinyin order in Chinese, alphabetical in English. */
export function nameCollator(lang: Lang): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c =
      lang === 'zh'
        ? new Intl.Collator('zh-Hans-CN-u-co-pinyin', { numeric: true })
        : new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    collators.set(lang, c);
  }
  return c;
}

/** What the listed projects of one zone add up to. */
export interface ZoneTotals {
  count: number;
  /** Sum of the disclosed investments; null when none is disclosed. */
  investment: number | null;
  /** The newest status date; null when the zone has no listed project. */
  latest: string | null;
}

/** Count, disclosed investment and newest status date of the projects, per zone id. */
export function totalsByZone(projects: readonly ProjectFeature[]): Map<string, ZoneTotals> {
  const out = new Map<string, ZoneTotals>();
  for (const { properties: p } of projects) {
    let t = out.get(p.zone_id);
    if (!t) out.set(p.zone_id, (t = { count: 0, investment: null, latest: null }));
    t.count++;
    if (typeof p.investment_cny === 'number' && Number.isFinite(p.investment_cny)) {
      t.investment = (t.investment ?? 0) + p.investment_cny;
    }
    if (p.status_date && (t.latest === null || p.status_date > t.latest)) t.latest = p.status_date;
  }
  return out;
}

interface Keyed<T> {
  item: T;
  id: string;
  name: string;
  /** Investment (number) or date (string); null sorts last. */
  key: number | string | null;
}

function order<T>(rows: Keyed<T>[], sort: SortKey, lang: Lang): T[] {
  const byName = nameCollator(lang).compare;
  rows.sort((a, b) => {
    if (sort !== 'name' && a.key !== b.key) {
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      return a.key < b.key ? 1 : -1; // descending
    }
    return byName(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return rows.map((r) => r.item);
}

function finite(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** The projects in the given order, as a new array. */
export function sortProjects(projects: readonly ProjectFeature[], sort: SortKey, lang: Lang): ProjectFeature[] {
  return order(
    projects.map((item) => ({
      item,
      id: item.properties.id,
      name: projectName(item.properties, lang),
      key: sort === 'investment' ? finite(item.properties.investment_cny) : sort === 'date' ? item.properties.status_date || null : null,
    })),
    sort,
    lang,
  );
}

/**
 * The zones in the given order, as a new array. `totals` (from `totalsByZone` of the listed
 * projects) gives the zones' investment and date; without it those sorts fall back to names.
 */
export function sortZones(
  zones: readonly ZoneFeature[],
  sort: SortKey,
  lang: Lang,
  totals: ReadonlyMap<string, ZoneTotals> = new Map(),
): ZoneFeature[] {
  return order(
    zones.map((item) => {
      const t = totals.get(item.properties.id);
      return {
        item,
        id: item.properties.id,
        name: zoneName(item.properties, lang),
        key: sort === 'investment' ? (t?.investment ?? null) : sort === 'date' ? (t?.latest ?? null) : null,
      };
    }),
    sort,
    lang,
  );
}
