/**
 * Synthetic projects for the benchmark: a deterministic generator that places N projects inside
 * Shanxi (rejection sampling in the province's bounding box against geo/province.geojson, with
 * a seeded PRNG), each one valid against src/data/schema.ts and src/data/validate.ts: a real
 * zone's id (the nearest zone point), an industry layer, a status with its history event, and
 * a source whose `fields` back every figure. Pure: the caller reads the files.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { INDUSTRY_IDS } from '../src/data/industries.js';
import { PROJECT_STATUSES, type ProjectCollection, type ProjectFeature, type ProjectProperties } from '../src/data/schema.js';

/** Mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The rings of a Polygon or MultiPolygon as a list of polygons (outer ring first). */
function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [(geometry as Polygon).coordinates];
  if (geometry.type === 'MultiPolygon') return (geometry as MultiPolygon).coordinates;
  throw new Error(`expected a Polygon or MultiPolygon, got ${geometry.type}`);
}

function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even-odd point-in-polygon over every polygon of the geometry (holes respected). */
export function pointInGeometry(point: Position, geometry: Geometry): boolean {
  const [x, y] = point as [number, number];
  return polygonsOf(geometry).some((rings) => inRing(x, y, rings[0]!) && !rings.slice(1).some((hole) => inRing(x, y, hole)));
}

/** [west, south, east, north] of a polygonal geometry. */
export function bboxOfPolygons(geometry: Geometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polygonsOf(geometry))
    for (const [x, y] of rings[0]! as [number, number][]) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  return box;
}

/** A zone's anchor: its point, or its bbox centre for an area. */
function anchor(geometry: Geometry): [number, number] {
  if (geometry.type === 'Point') return geometry.coordinates as [number, number];
  const [w, s, e, n] = bboxOfPolygons(geometry);
  return [(w + e) / 2, (s + n) / 2];
}

export interface SyntheticOptions {
  /** How many projects. */
  count: number;
  /** The PRNG seed (default 20240601). */
  seed?: number;
  /** The zones the projects belong to (their ids and points). */
  zones: FeatureCollection;
  /** Shanxi's outline: a Polygon or MultiPolygon feature, or a collection holding one. */
  province: FeatureCollection | Feature;
}

export const DEFAULT_SEED = 20240601;

const STATUS_WEIGHTS: Record<(typeof PROJECT_STATUSES)[number], number> = {
  planned: 0.15,
  signed: 0.25,
  'under-construction': 0.3,
  completed: 0.1,
  operating: 0.2,
};

const hex16 = (rand: () => number) =>
  Array.from({ length: 16 }, () => Math.floor(rand() * 16).toString(16)).join('');

/**
 * `count` synthetic projects inside Shanxi, always the same for the same seed and inputs.
 * Ids are `syn-000001`…; about 30% have no disclosed investment (null, as in real data).
 */
export function syntheticProjects(options: SyntheticOptions): ProjectCollection {
  const { count, seed = DEFAULT_SEED } = options;
  const rand = mulberry32(seed);
  const provinceFeature =
    options.province.type === 'FeatureCollection' ? options.province.features[0] : (options.province as Feature);
  if (!provinceFeature?.geometry) throw new Error('no province outline');
  const outline = provinceFeature.geometry;
  const [w, s, e, n] = bboxOfPolygons(outline);
  const zones = options.zones.features
    .filter((z) => z.geometry && typeof z.properties?.id === 'string')
    .map((z) => ({ id: z.properties!.id as string, at: anchor(z.geometry) }));
  if (zones.length === 0) throw new Error('no zones to attach projects to');
  const statuses = PROJECT_STATUSES;
  const cumulative: number[] = [];
  statuses.reduce((acc, st) => (cumulative.push(acc + STATUS_WEIGHTS[st]), acc + STATUS_WEIGHTS[st]), 0);
  const ref = `999_${hex16(rand)}.txt`;
  const features: ProjectFeature[] = [];
  for (let i = 1; i <= count; i++) {
    // Rejection sampling: uniform in the bbox until the point falls inside the outline.
    let lon = 0;
    let lat = 0;
    do {
      lon = w + rand() * (e - w);
      lat = s + rand() * (n - s);
    } while (!pointInGeometry([lon, lat], outline));
    lon = Math.round(lon * 1e5) / 1e5;
    lat = Math.round(lat * 1e5) / 1e5;
    let nearest = zones[0]!;
    let best = Infinity;
    for (const z of zones) {
      const dx = (z.at[0] - lon) * Math.cos((lat * Math.PI) / 180);
      const dy = z.at[1] - lat;
      const d = dx * dx + dy * dy;
      if (d < best) {
        best = d;
        nearest = z;
      }
    }
    const industry = INDUSTRY_IDS[Math.floor(rand() * INDUSTRY_IDS.length)]!;
    const r = rand();
    const status = statuses[cumulative.findIndex((c) => r < c)] ?? 'operating';
    const year = 2015 + Math.floor(rand() * 10);
    const month = 1 + Math.floor(rand() * 12);
    const date = `${year}-${String(month).padStart(2, '0')}`;
    const disclosed = rand() >= 0.3;
    // 0.1 亿 … 500 亿 yuan, log-uniform, rounded to 万元.
    const investment = disclosed ? Math.round(10 ** (7 + rand() * 3.7) / 1e4) * 1e4 : null;
    const num = String(i).padStart(6, '0');
    const properties: ProjectProperties = {
      id: `syn-${num}`,
      zone_id: nearest.id,
      name_zh: `合成测试项目${num}`,
      name_en: `Synthetic project ${num}`,
      industry,
      investment_cny: investment,
      output_cny: null,
      output_basis: null,
      status,
      status_date: date,
      history: [{ date, status, source: ref }],
      location_basis: 'address',
      sources: [
        {
          ref,
          publisher: '基准测试生成器 (benchmark generator)',
          title: '合成数据',
          date: '2025-01',
          fields: disclosed ? ['investment_cny', 'status', 'history'] : ['status', 'history'],
        },
      ],
    };
    features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } });
  }
  return { type: 'FeatureCollection', features };
}
