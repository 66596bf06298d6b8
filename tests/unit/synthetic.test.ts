/**
 * The benchmark's synthetic projects (bench/synthetic.ts): the same seed gives the same data,
 * every point lies inside Shanxi, and a 1k sample passes the shipped validator.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { pointInGeometry, syntheticProjects } from '../../bench/synthetic.js';
import { validateDataset } from '../../src/data/validate.js';
import { INDUSTRY_IDS } from '../../src/data/industries.js';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
const ZONES = read('data/zones.geojson');
const PROVINCE = read('geo/province.geojson');

describe('synthetic projects', () => {
  const sample = syntheticProjects({ count: 1000, zones: ZONES, province: PROVINCE });

  it('is deterministic for a seed, and differs between seeds', () => {
    const again = syntheticProjects({ count: 1000, zones: ZONES, province: PROVINCE });
    expect(JSON.stringify(again)).toBe(JSON.stringify(sample));
    const other = syntheticProjects({ count: 1000, seed: 7, zones: ZONES, province: PROVINCE });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(sample));
    // A longer run starts with the shorter one.
    const longer = syntheticProjects({ count: 1200, zones: ZONES, province: PROVINCE });
    expect(JSON.stringify(longer.features.slice(0, 1000))).toBe(JSON.stringify(sample.features));
  });

  it('puts every point inside Shanxi', () => {
    const outline = PROVINCE.features[0]!.geometry;
    expect(sample.features).toHaveLength(1000);
    for (const f of sample.features) expect(pointInGeometry(f.geometry.coordinates, outline)).toBe(true);
    // And the point-in-polygon test is not vacuous: Beijing and Xi'an are outside.
    expect(pointInGeometry([116.4, 39.9], outline)).toBe(false);
    expect(pointInGeometry([108.9, 34.3], outline)).toBe(false);
  });

  it('passes validateDataset, with real zones and every industry used', () => {
    expect(validateDataset(ZONES, sample)).toEqual([]);
    const zoneIds = new Set(ZONES.features.map((z) => z.properties!.id));
    for (const f of sample.features) expect(zoneIds.has(f.properties.zone_id)).toBe(true);
    expect(new Set(sample.features.map((f) => f.properties.industry))).toEqual(new Set(INDUSTRY_IDS));
    expect(new Set(sample.features.map((f) => f.properties.id)).size).toBe(1000);
  });
});
