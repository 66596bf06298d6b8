/**
 * The sources the data cite, once each with who cites them, and the data's as-of date: what
 * the About tab lists.
 */
import type { PartialDate, ProjectFeature, Source, ZoneFeature } from './schema.js';

/** A cited source and who cites it. */
export interface SourceUse {
  source: Source;
  /** Every distinct title cited under this ref (a seed page can hold several short reports). */
  titles: string[];
  /** How many zones and projects cite it. */
  count: number;
  zoneCount: number;
  projectCount: number;
  /** Ids of the zones and projects that cite it, zones first, in data order. */
  usedBy: string[];
}

const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Case-insensitive code-point order (no locale data: the same in every browser). */
function cmp(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Every source cited by `zones` and `projects`, once per `ref`, sorted by publisher, then date,
 * then ref. Where copies of a source differ, the first non-empty value of each field wins
 * (a missing `url` is filled from a later copy) and every distinct title is kept in `titles`.
 */
export function collectSources(zones: readonly ZoneFeature[], projects: readonly ProjectFeature[]): SourceUse[] {
  const byRef = new Map<string, SourceUse>();
  const cite = (id: string, sources: readonly Source[] | undefined, kind: 'zone' | 'project') => {
    for (const s of sources ?? []) {
      const ref = s.ref.trim();
      let use = byRef.get(ref);
      if (!use) {
        use = { source: { ...s, ref }, titles: [], count: 0, zoneCount: 0, projectCount: 0, usedBy: [] };
        byRef.set(ref, use);
      } else {
        for (const key of ['publisher', 'title', 'date', 'url'] as const) {
          if (!use.source[key] && s[key]) use.source[key] = s[key];
        }
      }
      const title = s.title?.trim();
      if (title && !use.titles.includes(title)) use.titles.push(title);
      if (use.usedBy.includes(id)) continue;
      use.usedBy.push(id);
      use.count++;
      if (kind === 'zone') use.zoneCount++;
      else use.projectCount++;
    }
  };
  for (const z of zones) cite(z.properties.id, z.properties.sources, 'zone');
  for (const p of projects) cite(p.properties.id, p.properties.sources, 'project');
  return [...byRef.values()].sort(
    (a, b) =>
      cmp(a.source.publisher, b.source.publisher) || cmp(a.source.date, b.source.date) || (a.source.ref < b.source.ref ? -1 : 1),
  );
}

/**
 * The data's as-of date: the newest publication date among the cited sources (`YYYY`,
 * `YYYY-MM` or `YYYY-MM-DD`, as precise as that source); '' when there is none.
 */
export function dataAsOf(zones: readonly ZoneFeature[], projects: readonly ProjectFeature[]): PartialDate {
  let newest = '';
  for (const f of [...zones, ...projects]) {
    for (const s of f.properties.sources ?? []) {
      const d = s.date?.trim() ?? '';
      if (DATE_RE.test(d) && d > newest) newest = d;
    }
  }
  return newest;
}

