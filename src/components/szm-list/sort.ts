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
 *
 * The keys are worked out once per sort (`orderBy` sorts positions, not objects), and the
 * collating name comparison runs only among equal keys. With every item of a collection at
 * hand, the list sorts the whole collection once per sort and language (`OrderCache`) and
 * derives a filtered subset's order in one pass (`visiblePositions`), without sorting again.
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

/**
 * Count, disclosed investment and newest status date of the projects, per zone id. The sums add
 * up in a typed array: adding into an object's field would box a new number per project (at 100k
 * projects, 1.6 MB of garbage on every industry toggle).
 */
export function totalsByZone(projects: readonly ProjectFeature[]): Map<string, ZoneTotals> {
  const slots = new Map<string, number>();
  const totals: ZoneTotals[] = [];
  let sums = new Float64Array(64);
  const disclosed: boolean[] = [];
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i]!.properties;
    let s = slots.get(p.zone_id);
    if (s === undefined) {
      s = totals.length;
      slots.set(p.zone_id, s);
      totals.push({ count: 0, investment: null, latest: null });
      disclosed.push(false);
      if (s >= sums.length) {
        const grown = new Float64Array(sums.length * 2);
        grown.set(sums);
        sums = grown;
      }
    }
    const t = totals[s]!;
    t.count++;
    if (typeof p.investment_cny === 'number' && Number.isFinite(p.investment_cny)) {
      sums[s] += p.investment_cny;
      disclosed[s] = true;
    }
    if (p.status_date && (t.latest === null || p.status_date > t.latest)) t.latest = p.status_date;
  }
  const out = new Map<string, ZoneTotals>();
  for (const [zoneId, s] of slots) {
    const t = totals[s]!;
    if (disclosed[s]) t.investment = sums[s]!;
    out.set(zoneId, t);
  }
  return out;
}

function finite(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

const byId = (ids: readonly string[], a: number, b: number): number => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);

/**
 * Positions `0…n-1` of a collection in the given order: by `keys` (numbers or strings), largest
 * first and null last, equal keys by name and then id. Pass `keys = null` for the name order.
 * The keys are worked out once by the caller; the name comparison (the slow, collating one)
 * runs only inside runs of equal keys.
 */
export function orderBy(
  keys: readonly (number | string | null)[] | null,
  names: readonly string[],
  ids: readonly string[],
  lang: Lang,
): Int32Array {
  const n = names.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order; // (making a pinyin collator costs ~40 ms: not for an empty list)
  const byName = nameCollator(lang).compare;
  const tie = (a: number, b: number) => byName(names[a]!, names[b]!) || byId(ids, a, b);
  if (!keys) return order.sort(tie);
  order.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    if (ka === kb) return 0;
    if (ka === null) return 1;
    if (kb === null) return -1;
    return ka < kb ? 1 : -1; // descending
  });
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && keys[order[end]!] === keys[order[start]!]) end++;
    if (end - start > 1) order.subarray(start, end).sort(tie);
    start = end;
  }
  return order;
}

/**
 * The positions (into `all`) of the items of `visible`, in the order of `all` (`order` from
 * `orderBy` over `all`): one pass, no sorting, and no array of the items themselves (at 100k
 * projects an industry toggle would otherwise leave ~1.4 MB of garbage in the list alone).
 * Null when `visible` holds an item that `all` does not.
 */
export function visiblePositions<T>(all: readonly T[], order: Int32Array, visible: readonly T[]): Int32Array | null {
  if (visible === all) return order;
  const shown = subsequenceMask(all, visible) ?? setMask(all, visible);
  if (!shown) return null;
  const out = new Int32Array(Math.min(visible.length, all.length));
  let n = 0;
  for (let k = 0; k < order.length; k++) if (shown[order[k]!]) out[n++] = order[k]!;
  return n === out.length ? out : out.subarray(0, n);
}

/** The items of `visible` in the order of `all`, as a new array (see `visiblePositions`). */
export function visibleInOrder<T>(all: readonly T[], order: Int32Array, visible: readonly T[]): T[] | null {
  const positions = visiblePositions(all, order, visible);
  return positions && Array.from(positions, (i) => all[i]!);
}

/** Items of a collection read in an order of their positions: the list's rows, without copying them. */
export class OrderedItems<T> {
  static readonly EMPTY = new OrderedItems<never>([], new Int32Array(0));

  constructor(
    private readonly items: readonly T[],
    private readonly positions: Int32Array,
  ) {}

  get length(): number {
    return this.positions.length;
  }

  /** The item in place `i` of the order; undefined out of range. */
  at(i: number): T | undefined {
    return i >= 0 && i < this.positions.length ? this.items[this.positions[i]!] : undefined;
  }

  /** The place in the order of the first item that passes, -1 if none does. */
  findIndex(test: (item: T) => boolean): number {
    for (let i = 0; i < this.positions.length; i++) if (test(this.items[this.positions[i]!]!)) return i;
    return -1;
  }
}

/**
 * Which positions of `all` are in `visible`, when `visible` keeps the order of `all` (as the
 * filters' results do): a walk of both, without hashing every item. Null otherwise.
 */
function subsequenceMask<T>(all: readonly T[], visible: readonly T[]): Uint8Array | null {
  const mask = new Uint8Array(all.length);
  let j = 0;
  for (let i = 0; i < all.length && j < visible.length; i++) {
    if (all[i] === visible[j]) {
      mask[i] = 1;
      j++;
    }
  }
  return j === visible.length ? mask : null;
}

/** Which positions of `all` are in `visible`, in any order; null when one of them is not in `all`. */
function setMask<T>(all: readonly T[], visible: readonly T[]): Uint8Array | null {
  const wanted = new Set(visible);
  const mask = new Uint8Array(all.length);
  let found = 0;
  for (let i = 0; i < all.length; i++) {
    if (wanted.has(all[i]!)) {
      mask[i] = 1;
      found++;
    }
  }
  return found === wanted.size ? mask : null;
}

/** A project's sort key: its disclosed investment or its status date; null sorts last. */
export function projectKey(p: ProjectFeature['properties'], sort: SortKey): number | string | null {
  return sort === 'investment' ? finite(p.investment_cny) : sort === 'date' ? p.status_date || null : null;
}

/** A zone's sort key from the totals of its listed projects; null sorts last. */
export function zoneKey(totals: ZoneTotals | undefined, sort: SortKey): number | string | null {
  return sort === 'investment' ? (totals?.investment ?? null) : sort === 'date' ? (totals?.latest ?? null) : null;
}

/** The order of the projects: positions into `projects`. */
export function projectOrder(projects: readonly ProjectFeature[], sort: SortKey, lang: Lang): Int32Array {
  return orderBy(
    sort === 'name' ? null : projects.map((f) => projectKey(f.properties, sort)),
    projects.map((f) => projectName(f.properties, lang)),
    projects.map((f) => f.properties.id),
    lang,
  );
}

/** The order of the zones (positions into `zones`); `totals` as for `sortZones`. */
export function zoneOrder(
  zones: readonly ZoneFeature[],
  sort: SortKey,
  lang: Lang,
  totals: ReadonlyMap<string, ZoneTotals> = new Map(),
): Int32Array {
  return orderBy(
    sort === 'name' ? null : zones.map((f) => zoneKey(totals.get(f.properties.id), sort)),
    zones.map((f) => zoneName(f.properties, lang)),
    zones.map((f) => f.properties.id),
    lang,
  );
}

/** The projects in the given order, as a new array. */
export function sortProjects(projects: readonly ProjectFeature[], sort: SortKey, lang: Lang): ProjectFeature[] {
  return Array.from(projectOrder(projects, sort, lang), (i) => projects[i]!);
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
  return Array.from(zoneOrder(zones, sort, lang, totals), (i) => zones[i]!);
}

/** Orders of one collection kept per key (sort and language) until another collection comes. */
export class OrderCache<T> {
  private source: readonly T[] | null = null;
  private orders = new Map<string, Int32Array>();

  /** The order cached under `key` for `items`, computed by `compute` on a miss. */
  get(items: readonly T[], key: string, compute: () => Int32Array): Int32Array {
    if (items !== this.source) {
      this.source = items;
      this.orders.clear();
    }
    let order = this.orders.get(key);
    if (!order) this.orders.set(key, (order = compute()));
    return order;
  }
}
