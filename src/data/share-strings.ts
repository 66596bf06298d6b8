/**
 * One string per repeated value. JSON.parse makes a new string for every occurrence: at 100k
 * projects the statuses, dates, source refs, publishers and titles that every record repeats
 * were ~38 MB of a ~100 MB heap, and every major garbage collection walked them (bench/analysis.md,
 * item 18). Ids, names, notes and quotes, which seldom repeat, are left as they are.
 */
import type { ProjectCollection } from './schema.js';

/** Makes every repeat of a value in the repeating fields the same string; counts the repeats. */
export function shareRepeatedStrings(projects: ProjectCollection): { distinct: number; repeats: number } {
  const first = new Map<string, string>();
  let repeats = 0;
  const one = <T>(value: T): T => {
    if (typeof value !== 'string') return value;
    const seen = first.get(value);
    if (seen === undefined) {
      first.set(value, value);
      return value;
    }
    repeats++;
    return seen as T;
  };
  // Indexed loops: a for…of over 100k records allocates an iterator result per item until optimised.
  // Each field by name, not a loop over lists of keys: that was 25 ms slower at 100k (analysis item 20).
  const features = projects.features;
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    const p = f.properties;
    f.type = one(f.type);
    f.geometry.type = one(f.geometry.type);
    p.zone_id = one(p.zone_id);
    p.industry = one(p.industry);
    p.status = one(p.status);
    p.status_date = one(p.status_date);
    p.location_basis = one(p.location_basis);
    p.output_basis = one(p.output_basis);
    const history = p.history;
    for (let j = 0; j < history.length; j++) {
      const event = history[j]!;
      event.date = one(event.date);
      event.status = one(event.status);
      event.source = one(event.source);
    }
    const sources = p.sources;
    for (let j = 0; j < sources.length; j++) {
      const source = sources[j]!;
      source.ref = one(source.ref);
      source.publisher = one(source.publisher);
      source.title = one(source.title);
      source.date = one(source.date);
      if (source.url !== undefined) source.url = one(source.url);
      const fields = source.fields;
      if (fields) for (let k = 0; k < fields.length; k++) fields[k] = one(fields[k]!);
    }
  }
  return { distinct: first.size, repeats };
}
