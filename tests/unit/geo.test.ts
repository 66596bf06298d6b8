// Checks on the shipped base geography in geo/ (built by scripts/build-geo.ts).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';

const geoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../geo');

function load<G extends Geometry = Geometry>(name: string): FeatureCollection<G, Record<string, unknown>> {
  return JSON.parse(readFileSync(path.join(geoDir, `${name}.geojson`), 'utf8')) as FeatureCollection<
    G,
    Record<string, unknown>
  >;
}

type Poly = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

const province = load<Polygon | MultiPolygon>('province');
const cities = load<Polygon | MultiPolygon>('cities');
const counties = load<Polygon | MultiPolygon>('counties');
const places = load<Point>('places');
const rivers = load('rivers');
const neighbours = load<Polygon | MultiPolygon>('neighbours');
const layers = { province, cities, counties, places, rivers, neighbours };

const km2 = (f: Poly | Feature<Polygon | MultiPolygon>): number => turf.area(f) / 1e6;

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    default:
      return g.geometries.flatMap(positions);
  }
}

function overlapKm2(a: Poly, b: Poly): number {
  // Cheap bbox rejection first, to keep the test fast.
  const [ax0, ay0, ax1, ay1] = turf.bbox(a);
  const [bx0, by0, bx1, by1] = turf.bbox(b);
  if (ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0) return 0;
  const i = turf.intersect(turf.featureCollection([a, b]));
  return i ? km2(i) : 0;
}

describe('geo/ layers', () => {
  it('every layer is a non-empty FeatureCollection', () => {
    for (const [name, fc] of Object.entries(layers)) {
      expect(fc.type, name).toBe('FeatureCollection');
      expect(fc.features.length, name).toBeGreaterThan(0);
    }
  });

  it('has the expected feature counts', () => {
    expect(province.features).toHaveLength(1);
    expect(cities.features).toHaveLength(11);
    expect(counties.features).toHaveLength(117);
    expect(neighbours.features).toHaveLength(4);
    expect(places.features.filter((f) => f.properties.kind === 'city-seat')).toHaveLength(11);
    expect(places.features.filter((f) => f.properties.kind === 'county-seat')).toHaveLength(117);
  });

  it('every feature has name_zh and name_en (unnamed minor rivers may be empty)', () => {
    for (const [name, fc] of Object.entries(layers)) {
      for (const f of fc.features) {
        const { name_zh, name_en } = f.properties;
        expect(typeof name_zh, `${name} ${JSON.stringify(f.properties)}`).toBe('string');
        expect(typeof name_en, `${name} ${JSON.stringify(f.properties)}`).toBe('string');
        if (name === 'rivers' && f.properties.rank === 3) continue;
        expect(name_zh, `${name} ${JSON.stringify(f.properties)}`).toMatch(/\p{Script=Han}/u);
        expect(name_en, `${name} ${JSON.stringify(f.properties)}`).toMatch(/^[A-Z][A-Za-zü' -]+$/u);
      }
    }
  });

  it('together stay within the ~600 kB budget', () => {
    const bytes = Object.keys(layers).reduce((s, n) => s + statSync(path.join(geoDir, `${n}.geojson`)).size, 0);
    expect(bytes).toBeLessThan(600_000);
  });

  it('all coordinates lie within 107–118°E, 32–43°N', () => {
    for (const [name, fc] of Object.entries(layers)) {
      for (const f of fc.features) {
        for (const [x, y] of positions(f.geometry)) {
          expect(x >= 107 && x <= 118 && y >= 32 && y <= 43, `${name} ${x},${y}`).toBe(true);
        }
      }
    }
  });
});

describe('province and cities', () => {
  const provinceKm2 = km2(province.features[0]);

  it('province is 山西省 with an area within 2% of 156,700 km²', () => {
    expect(province.features[0].properties).toMatchObject({ name_zh: '山西省', name_en: 'Shanxi' });
    expect(Math.abs(provinceKm2 - 156_700) / 156_700).toBeLessThan(0.02);
  });

  it('cities are sorted by adcode, with unique 6-digit codes and area_km2 matching the geometry', () => {
    const codes = cities.features.map((f) => f.properties.adcode as string);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(11);
    for (const f of cities.features) {
      expect(f.properties.adcode).toMatch(/^14\d{2}00$/);
      expect(Math.abs((f.properties.area_km2 as number) - km2(f))).toBeLessThanOrEqual(1);
    }
  });

  it("the 11 cities' areas sum to the province's within 1%", () => {
    const sum = cities.features.reduce((s, f) => s + km2(f), 0);
    expect(Math.abs(sum - provinceKm2) / provinceKm2).toBeLessThan(0.01);
  });

  it('cities do not overlap (pairwise intersection < 0.1% of the smaller)', () => {
    const fs = cities.features;
    for (let i = 0; i < fs.length; i++) {
      for (let j = i + 1; j < fs.length; j++) {
        const o = overlapKm2(fs[i], fs[j]);
        const smaller = Math.min(km2(fs[i]), km2(fs[j]));
        expect(o / smaller, `${fs[i].properties.name_zh} × ${fs[j].properties.name_zh}`).toBeLessThan(0.001);
      }
    }
  });

  it('neighbouring provinces do not overlap Shanxi (< 0.1% of its area)', () => {
    for (const n of neighbours.features) {
      expect(overlapKm2(n, province.features[0]) / provinceKm2, String(n.properties.name_zh)).toBeLessThan(0.001);
    }
  });
});

describe('counties', () => {
  const cityByCode = new Map(cities.features.map((f) => [f.properties.adcode as string, f]));

  it('have unique adcodes belonging to an existing city, with matching city_zh', () => {
    const codes = counties.features.map((f) => f.properties.adcode as string);
    expect(new Set(codes).size).toBe(117);
    expect(codes).toEqual([...codes].sort());
    for (const f of counties.features) {
      const city = cityByCode.get(f.properties.city_adcode as string);
      expect(city, String(f.properties.name_zh)).toBeDefined();
      expect(f.properties.city_zh).toBe(city?.properties.name_zh);
      expect((f.properties.adcode as string).slice(0, 4)).toBe((f.properties.city_adcode as string).slice(0, 4));
    }
  });

  it('each lies (almost entirely) inside its city', () => {
    for (const f of counties.features) {
      const city = cityByCode.get(f.properties.city_adcode as string) as Poly;
      const inside = overlapKm2(f, city) / km2(f);
      expect(inside, String(f.properties.name_zh)).toBeGreaterThan(0.99);
    }
  });

  it('county areas add up to their city areas within 0.5%', () => {
    for (const c of cities.features) {
      const sum = counties.features
        .filter((f) => f.properties.city_adcode === c.properties.adcode)
        .reduce((s, f) => s + km2(f), 0);
      expect(Math.abs(sum - km2(c)) / km2(c), String(c.properties.name_zh)).toBeLessThan(0.005);
    }
  });

  it('English names follow the "Pinyin District|County|City" pattern, incl. polyphonic fixes', () => {
    const en = new Map(counties.features.map((f) => [f.properties.name_zh as string, f.properties.name_en]));
    expect(en.get('潞州区')).toBe('Luzhou District');
    expect(en.get('平遥县')).toBe('Pingyao County');
    expect(en.get('长子县')).toBe('Zhangzi County');
    expect(en.get('曲沃县')).toBe('Quwo County');
    expect(en.get('隰县')).toBe('Xi County');
    expect(en.get('洪洞县')).toBe('Hongtong County');
    expect(en.get('介休市')).toBe('Jiexiu City');
    for (const f of counties.features) {
      const zh = f.properties.name_zh as string;
      const suffix = { 区: 'District', 县: 'County', 市: 'City' }[zh.slice(-1)];
      expect(f.properties.name_en, zh).toMatch(new RegExp(` ${suffix}$`));
    }
  });
});

describe('places', () => {
  const cityByCode = new Map(cities.features.map((f) => [f.properties.adcode as string, f]));
  const countyByCode = new Map(counties.features.map((f) => [f.properties.adcode as string, f]));

  it('each city seat lies inside its own city', () => {
    for (const p of places.features.filter((f) => f.properties.kind === 'city-seat')) {
      const city = cityByCode.get(p.properties.adcode as string);
      expect(city, String(p.properties.name_zh)).toBeDefined();
      expect(p.properties.name_zh).toBe(city?.properties.name_zh);
      expect(turf.booleanPointInPolygon(p, city as Poly), String(p.properties.name_zh)).toBe(true);
    }
  });

  it('each county seat lies inside its own county and city', () => {
    for (const p of places.features.filter((f) => f.properties.kind === 'county-seat')) {
      const county = countyByCode.get(p.properties.adcode as string) as Poly;
      expect(county, String(p.properties.name_zh)).toBeDefined();
      expect(p.properties.name_zh).toBe(county.properties.name_zh);
      expect(p.properties.city_zh).toBe(county.properties.city_zh);
      expect(turf.booleanPointInPolygon(p, county), String(p.properties.name_zh)).toBe(true);
    }
  });

  it('does not use the wrong GeoNames "Changzhi" point (111.739, 35.209)', () => {
    for (const p of places.features) {
      const d = turf.distance(p, turf.point([111.739, 35.209]));
      expect(d, String(p.properties.name_zh)).toBeGreaterThan(5);
    }
  });
});

describe('rivers', () => {
  it('have rank 1–3 with the Yellow River as the only rank 1, in one continuous line', () => {
    for (const f of rivers.features) expect([1, 2, 3]).toContain(f.properties.rank);
    const yellow = rivers.features.filter((f) => f.properties.rank === 1);
    expect(yellow).toHaveLength(1);
    expect(yellow[0].properties.name_zh).toBe('黄河');
    expect(yellow[0].geometry.type).toBe('LineString');
    // It runs along the whole west and south border: well over 1,000 km inside the extent.
    expect(turf.length(yellow[0] as Feature<Geometry>)).toBeGreaterThan(1000);
  });

  it('include the Fen, Sanggan, Qin and Zhang as named rank-2 rivers', () => {
    const named = new Set(rivers.features.filter((f) => f.properties.rank === 2).map((f) => f.properties.name_zh));
    for (const n of ['汾河', '桑干河', '沁河', '漳河']) expect(named.has(n), n).toBe(true);
  });

  it('have no tiny fragments', () => {
    for (const f of rivers.features) {
      expect(turf.length(f as Feature<Geometry>)).toBeGreaterThan(10);
    }
  });
});
