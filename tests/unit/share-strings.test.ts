import { describe, expect, it } from 'vitest';
import type { ProjectCollection, Source } from '../../src/data/schema.js';
import { shareRepeatedStrings } from '../../src/data/share-strings.js';
import { makeProject } from './factories.js';

const source: Source = { ref: 'a.txt', publisher: '山西日报', title: '标题', date: '2025-01', url: 'https://example.com/a', fields: ['investment_cny', 'status'] };
const project = (id: string, status: 'planned' | 'signed') =>
  makeProject(id, { status, history: [{ date: '2024', status, source: 'a.txt' }], sources: [{ ...source, fields: [...source.fields!] }] });

/** As the element gets them: parsed from text, so every value is its own string. */
const parsed = (...features: ReturnType<typeof project>[]): ProjectCollection => JSON.parse(JSON.stringify({ type: 'FeatureCollection', features }));

describe('shareRepeatedStrings', () => {
  it('keeps every value and counts the repeats it shares', () => {
    const collection = parsed(project('p1', 'planned'), project('p2', 'planned'), project('p3', 'signed'));
    const before = structuredClone(collection);
    const { distinct, repeats } = shareRepeatedStrings(collection);
    expect(collection).toEqual(before);
    // Per project 17 strings: Feature, Point, zone, industry, status, status date, basis, the
    // history's date, status and source, the source's ref, publisher, title, date, url and two
    // fields. In p1, 14 values ('2024', 'planned' and 'a.txt' come twice); p2 repeats all 17;
    // p3 brings 'signed', then repeats it and the other 15.
    expect(distinct).toBe(14 + 1);
    expect(repeats).toBe(3 + 17 + 16);
  });

  it('leaves ids and names alone, and takes a collection without history or sources', () => {
    const collection = parsed(makeProject('p1'), makeProject('p2'));
    const { distinct, repeats } = shareRepeatedStrings(collection);
    // Feature, Point, zone, industry, status, status date, basis: 7 values, each repeated once.
    expect(distinct).toBe(7);
    expect(repeats).toBe(7);
  });
});
