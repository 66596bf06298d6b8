/**
 * Builds the shipped base geography in geo/ from the reference GeoJSON files.
 *
 *   npm run build:geo                       # reads ../shared/reference/geo (beside the repo)
 *   npm run build:geo -- --ref /path/to/geo # or GEO_REF_DIR=/path/to/geo npm run build:geo
 *
 * Maintainers only: the outputs are committed and CI does not run this script.
 * Deterministic: the same input gives byte-identical output (no dates, no random ids, sorted
 * features, fixed key order, fixed rounding).
 *
 * Pipeline (details and parameters in geo/README.md):
 *  1. counties + neighbouring provinces are put in ONE mapshaper layer, so that the Shanxi border
 *     and the neighbours' borders are the same arcs; gaps are cleaned, then the layer is
 *     simplified once (topology-preserving, so no gaps/overlaps open up between units);
 *  2. cities = counties dissolved by city_adcode, province = counties dissolved, both from the same
 *     simplified arcs, so every outline lines up with the counties;
 *  3. rivers (GSHHG) are clipped, simplified, short fragments dropped, and ranked;
 *  4. places = prefecture seats (reference city centres) + the 117 current county seats.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { pinyin } from 'pinyin-pro';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';

const require = createRequire(import.meta.url);
const mapshaper = require('mapshaper') as {
  applyCommands(
    commands: string,
    input: Record<string, string>,
  ): Promise<Record<string, Buffer | string>>;
};

// ---------------------------------------------------------------------------------------------
// Parameters (documented in geo/README.md; change both together)

/** Map extent: neighbours and rivers are clipped to it. */
export const EXTENT: [number, number, number, number] = [107.5, 33, 117.5, 42.5];
/** Polygon simplification: weighted Visvalingam, spherical, this resolution (metres). */
const POLY_INTERVAL_M = 350;
/** Neighbours away from Shanxi are context only: coarser (arcs shared with Shanxi keep POLY_INTERVAL_M). */
const NEIGHBOUR_INTERVAL_M = 1200;
/** Coordinate rounding of polygons (degrees); 0.0001° ≈ 11 m. */
const POLY_PRECISION = 0.0001;
/** Neighbours: interior holes and detached parts smaller than this are dissolve artefacts (km²). */
const NEIGHBOUR_MIN_RING_KM2 = 10;
/** River simplification (Douglas-Peucker, metres) and rounding. */
const RIVER_INTERVAL_M = 500;
const RIVER_PRECISION = 0.0001;
/** River pieces shorter than this after clipping are dropped (km). */
const RIVER_MIN_KM = 15;
/** Point rounding: 5 decimals ≈ 1 m. */
const POINT_DECIMALS = 5;

// ---------------------------------------------------------------------------------------------
// Paths

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function refDir(): string {
  const i = process.argv.indexOf('--ref');
  const fromArg = i >= 0 ? process.argv[i + 1] : undefined;
  const dir = fromArg ?? process.env.GEO_REF_DIR ?? path.join(repoRoot, '..', 'shared', 'reference', 'geo');
  return path.resolve(dir);
}

const outDir = path.join(repoRoot, 'geo');

// ---------------------------------------------------------------------------------------------
// Names

/** Characters whose reading pinyin-pro gets wrong in these place names, or fixed English names. */
const PINYIN_OVERRIDES: Record<string, string> = {
  长治: 'Changzhi',
  长子: 'Zhangzi',
  曲沃: 'Quwo',
  隰: 'Xi',
  解州: 'Xiezhou',
  万柏林: 'Wanbailin', // 柏 read bǎi in this name, not bó
  繁峙: 'Fanshi', // 峙 read shì in this name
  尧都: 'Yaodu', // 都 dū
  洪洞: 'Hongtong', // 洞 tóng in this name
  城: 'Cheng', // 城区 (Yangquan, Jincheng)
  矿: 'Kuang',
  郊: 'Jiao',
};

const SUFFIX_EN: Record<string, string> = { 区: 'District', 县: 'County', 市: 'City' };

/** Pinyin of a Chinese name without tones, syllables joined, apostrophe before a/o/e syllables. */
function toPinyin(zh: string): string {
  const override = PINYIN_OVERRIDES[zh];
  if (override) return override;
  const syllables = pinyin(zh, { toneType: 'none', type: 'array', v: true }) as string[];
  const joined = syllables
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
    .join('')
    .replace(/v/g, 'ü');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** 潞州区 → "Luzhou District", 平遥县 → "Pingyao County", 介休市 → "Jiexiu City". */
export function countyNameEn(zh: string): string {
  const suffix = zh.slice(-1);
  const en = SUFFIX_EN[suffix];
  if (!en) throw new Error(`unexpected county-level name ${zh}`);
  return `${toPinyin(zh.slice(0, -1))} ${en}`;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function roundTo(x: number, step: number): number {
  const decimals = Math.round(-Math.log10(step));
  const r = Number(x.toFixed(decimals));
  return Object.is(r, -0) ? 0 : r;
}

function roundRing(ring: Position[], step: number): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [roundTo(p[0], step), roundTo(p[1], step)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

function roundGeometry<G extends Geometry>(g: G, step: number): G {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: roundRing([g.coordinates], step)[0] } as G;
    case 'LineString':
      return { type: 'LineString', coordinates: roundRing(g.coordinates, step) } as G;
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => roundRing(l, step)) } as G;
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => roundRing(r, step)) } as G;
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: g.coordinates.map((p) => p.map((r) => roundRing(r, step))),
      } as G;
    default:
      throw new Error(`unsupported geometry ${g.type}`);
  }
}

/** Removes holes and parts smaller than minKm2 (the largest part is always kept). */
function dropSmallRings(g: Polygon | MultiPolygon, minKm2: number): Polygon | MultiPolygon {
  const ringKm2 = (r: Position[]): number => turf.area(turf.polygon([r])) / 1e6;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const largest = Math.max(...polys.map((p) => ringKm2(p[0])));
  const kept = polys
    .filter((p) => ringKm2(p[0]) >= Math.min(minKm2, largest))
    .map((p) => [p[0], ...p.slice(1).filter((r) => ringKm2(r) >= minKm2)]);
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

/** Stable, compact serialisation: one feature per line, key order as constructed. */
function serialise(features: Feature[]): string {
  const lines = features.map((f) =>
    JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }),
  );
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

function write(name: string, features: Feature[]): number {
  const text = serialise(features);
  writeFileSync(path.join(outDir, name), text);
  const bytes = Buffer.byteLength(text);
  console.log(`geo/${name}: ${features.length} features, ${(bytes / 1024).toFixed(1)} KB`);
  return bytes;
}

async function runMapshaper(
  commands: string,
  input: Record<string, unknown>,
): Promise<Record<string, FeatureCollection>> {
  const files: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) files[k] = JSON.stringify(v);
  const out = await mapshaper.applyCommands(commands, files);
  const parsed: Record<string, FeatureCollection> = {};
  for (const [k, v] of Object.entries(out)) parsed[k] = JSON.parse(v.toString()) as FeatureCollection;
  return parsed;
}

function byAdcode(a: { adcode: string }, b: { adcode: string }): number {
  return a.adcode < b.adcode ? -1 : a.adcode > b.adcode ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Reference input shapes

interface RefCity {
  adcode: string;
  name: string;
  name_en: string;
  centre: [number, number];
}
interface RefCounty {
  adcode: string;
  name: string;
  city_adcode: string;
  city_name: string;
  seat: [number, number];
}
interface RefPlace {
  kind: 'prefecture_city' | 'county_seat';
  adcode: string;
  name: string;
  name_en?: string;
}
interface RefNeighbour {
  adcode: string;
  name: string;
  name_en: string;
}
interface RefRiver {
  wdb2_level: number;
  name?: string;
  name_en?: string;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const ref = refDir();
  const need = [
    'shanxi-cities.geojson',
    'shanxi-counties.geojson',
    'shanxi-places.geojson',
    'shanxi-neighbours.geojson',
    'shanxi-rivers.geojson',
  ];
  for (const f of need) {
    if (!existsSync(path.join(ref, f))) {
      throw new Error(`missing ${f} in ${ref} (pass --ref DIR or set GEO_REF_DIR)`);
    }
  }
  console.log(`reading ${ref}`);
  const refCities = readJson<FeatureCollection<Polygon | MultiPolygon, RefCity>>(path.join(ref, need[0]));
  const refCounties = readJson<FeatureCollection<Polygon | MultiPolygon, RefCounty>>(path.join(ref, need[1]));
  const refPlaces = readJson<FeatureCollection<Point, RefPlace>>(path.join(ref, need[2]));
  const refNeighbours = readJson<FeatureCollection<Polygon | MultiPolygon, RefNeighbour>>(
    path.join(ref, need[3]),
  );
  const refRivers = readJson<FeatureCollection<LineString | MultiLineString, RefRiver>>(path.join(ref, need[4]));

  if (refCities.features.length !== 11) throw new Error('expected 11 cities');
  if (refCounties.features.length !== 117) throw new Error('expected 117 counties');
  const cityByCode = new Map(refCities.features.map((f) => [f.properties.adcode, f.properties]));
  for (const c of refCounties.features) {
    if (!cityByCode.has(c.properties.city_adcode)) throw new Error(`county ${c.properties.adcode}: no city`);
  }

  // 1. Counties + neighbours in one layer, cleaned and simplified together. ------------------
  const combined: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      ...[...refCounties.features]
        .sort((a, b) => byAdcode(a.properties, b.properties))
        .map((f) => ({
          type: 'Feature' as const,
          properties: { kind: 'county', adcode: f.properties.adcode, city: f.properties.city_adcode },
          geometry: f.geometry,
        })),
      ...[...refNeighbours.features]
        .sort((a, b) => byAdcode(a.properties, b.properties))
        .map((f) => ({
          type: 'Feature' as const,
          properties: { kind: 'neighbour', adcode: f.properties.adcode, city: '' },
          geometry: f.geometry,
        })),
    ],
  };
  const polys = await runMapshaper(
    [
      '-i polys.json name=polys',
      // Close slivers between units (echarts data has a few small cracks inside the neighbours).
      '-clean',
      `-simplify weighted variable interval='kind === "county" ? ${POLY_INTERVAL_M} : ${NEIGHBOUR_INTERVAL_M}' keep-shapes`,
      "-filter 'kind === \"county\"' + name=counties",
      '-dissolve city target=counties + name=cities',
      '-dissolve target=counties + name=province',
      "-filter 'kind === \"neighbour\"' target=polys + name=neighbours",
      `-o format=geojson geojson-type=FeatureCollection precision=${POLY_PRECISION} target=counties,cities,province,neighbours`,
    ].join(' '),
    { 'polys.json': combined },
  );

  // Counties.
  const counties: Feature<Polygon | MultiPolygon>[] = polys['counties.json'].features.map((f) => {
    const src = refCounties.features.find((c) => c.properties.adcode === f.properties?.adcode);
    if (!src) throw new Error(`lost county ${f.properties?.adcode}`);
    const p = src.properties;
    return {
      type: 'Feature',
      properties: {
        adcode: p.adcode,
        name_zh: p.name,
        name_en: countyNameEn(p.name),
        city_adcode: p.city_adcode,
        city_zh: p.city_name,
      },
      geometry: roundGeometry(f.geometry as Polygon | MultiPolygon, POLY_PRECISION),
    };
  });
  counties.sort((a, b) => byAdcode(a.properties as { adcode: string }, b.properties as { adcode: string }));
  if (counties.length !== 117) throw new Error(`counties: ${counties.length}`);

  // Cities.
  const cities: Feature<Polygon | MultiPolygon>[] = polys['cities.json'].features.map((f) => {
    const code = String(f.properties?.city);
    const c = cityByCode.get(code);
    if (!c) throw new Error(`unknown city ${code}`);
    const geometry = roundGeometry(f.geometry as Polygon | MultiPolygon, POLY_PRECISION);
    return {
      type: 'Feature',
      properties: {
        adcode: c.adcode,
        name_zh: c.name,
        name_en: c.name_en,
        area_km2: Math.round(turf.area(geometry) / 1e6),
      },
      geometry,
    };
  });
  cities.sort((a, b) => byAdcode(a.properties as { adcode: string }, b.properties as { adcode: string }));
  if (cities.length !== 11) throw new Error(`cities: ${cities.length}`);

  // Province.
  const provFeatures = polys['province.json'].features;
  if (provFeatures.length !== 1) throw new Error(`province: ${provFeatures.length} features`);
  const province: Feature<Polygon | MultiPolygon> = {
    type: 'Feature',
    properties: { name_zh: '山西省', name_en: 'Shanxi' },
    geometry: roundGeometry(provFeatures[0].geometry as Polygon | MultiPolygon, POLY_PRECISION),
  };

  // Neighbours: clip to the map extent (already clipped upstream; kept for other inputs).
  const extentPoly = turf.bboxPolygon(EXTENT);
  const neighbours: Feature<Polygon | MultiPolygon>[] = polys['neighbours.json'].features
    .map((f) => {
      const src = refNeighbours.features.find((n) => n.properties.adcode === f.properties?.adcode);
      if (!src) throw new Error(`lost neighbour ${f.properties?.adcode}`);
      const clipped = turf.intersect(
        turf.featureCollection([f as Feature<Polygon | MultiPolygon>, extentPoly]),
      );
      if (!clipped) throw new Error(`neighbour ${src.properties.name} outside extent`);
      return {
        adcode: src.properties.adcode,
        feature: {
          type: 'Feature' as const,
          properties: { name_zh: src.properties.name, name_en: src.properties.name_en },
          geometry: dropSmallRings(roundGeometry(clipped.geometry, POLY_PRECISION), NEIGHBOUR_MIN_RING_KM2),
        },
      };
    })
    .sort(byAdcode)
    .map((x) => x.feature);

  // 2. Rivers. --------------------------------------------------------------------------------
  const riverInput: FeatureCollection = {
    type: 'FeatureCollection',
    features: refRivers.features.map((f, i) => ({
      type: 'Feature',
      properties: { i },
      geometry: f.geometry,
    })),
  };
  const riverOut = await runMapshaper(
    [
      '-i rivers.json name=rivers',
      `-clip bbox=${EXTENT.join(',')}`,
      `-simplify dp interval=${RIVER_INTERVAL_M}`,
      `-o format=geojson geojson-type=FeatureCollection precision=${RIVER_PRECISION}`,
    ].join(' '),
    { 'rivers.json': riverInput },
  );
  interface RiverRow {
    rank: 1 | 2 | 3;
    name_zh: string;
    name_en: string;
    km: number;
    i: number;
    geometry: LineString | MultiLineString;
  }
  const riverRows: RiverRow[] = [];
  for (const f of riverOut['rivers.json'].features) {
    if (!f.geometry) continue;
    const i = Number(f.properties?.i);
    const src = refRivers.features[i].properties;
    const geometry = roundGeometry(f.geometry as LineString | MultiLineString, RIVER_PRECISION);
    // Drop short pieces (inside a MultiLineString too).
    const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
    const kept = parts.filter((c) => c.length >= 2 && turf.length(turf.lineString(c)) >= RIVER_MIN_KM);
    if (kept.length === 0) continue;
    const named = Boolean(src.name);
    const rank: 1 | 2 | 3 = src.name === '黄河' ? 1 : named ? 2 : 3;
    const g: LineString | MultiLineString =
      kept.length === 1 ? { type: 'LineString', coordinates: kept[0] } : { type: 'MultiLineString', coordinates: kept };
    riverRows.push({
      rank,
      name_zh: src.name ?? '',
      name_en: src.name_en ?? '',
      km: turf.length(turf.feature(g)),
      i,
      geometry: g,
    });
  }
  riverRows.sort((a, b) => a.rank - b.rank || a.i - b.i);
  const rivers: Feature<LineString | MultiLineString>[] = riverRows.map((r) => ({
    type: 'Feature',
    properties: { name_zh: r.name_zh, name_en: r.name_en, rank: r.rank },
    geometry: r.geometry,
  }));

  // 3. Places. --------------------------------------------------------------------------------
  const pointGeom = (c: Position): Point => ({
    type: 'Point',
    coordinates: [Number(c[0].toFixed(POINT_DECIMALS)), Number(c[1].toFixed(POINT_DECIMALS))],
  });
  const citySeats: Feature<Point>[] = refPlaces.features
    .filter((f) => f.properties.kind === 'prefecture_city')
    .sort((a, b) => byAdcode(a.properties, b.properties))
    .map((f) => {
      const c = cityByCode.get(f.properties.adcode);
      if (!c) throw new Error(`seat of unknown city ${f.properties.adcode}`);
      return {
        type: 'Feature',
        properties: {
          kind: 'city-seat',
          adcode: c.adcode,
          name_zh: c.name,
          name_en: c.name_en,
          city_zh: c.name,
        },
        geometry: pointGeom(f.geometry.coordinates),
      };
    });
  if (citySeats.length !== 11) throw new Error(`city seats: ${citySeats.length}`);
  const countySeats: Feature<Point>[] = [...refCounties.features]
    .sort((a, b) => byAdcode(a.properties, b.properties))
    .map((f) => {
      const p = f.properties;
      return {
        type: 'Feature',
        properties: {
          kind: 'county-seat',
          adcode: p.adcode,
          name_zh: p.name,
          name_en: countyNameEn(p.name),
          city_zh: p.city_name,
        },
        geometry: pointGeom(p.seat),
      };
    });

  // 4. Sanity checks and output. --------------------------------------------------------------
  for (const s of citySeats) {
    const city = cities.find((c) => c.properties?.adcode === s.properties?.adcode);
    if (!city || !turf.booleanPointInPolygon(s.geometry, city)) {
      throw new Error(`city seat ${s.properties?.name_zh} is not inside its city`);
    }
  }
  const seatsOutside = countySeats.filter((s) => {
    const county = counties.find((c) => c.properties?.adcode === s.properties?.adcode);
    return !county || !turf.booleanPointInPolygon(s.geometry, county);
  });
  for (const s of seatsOutside) console.warn(`warning: county seat ${s.properties?.name_zh} outside its county`);

  // Neighbour labels: one point each, inside the part of the province seen around Shanxi
  // (a polygon's own labels repeat across tiles and fall outside the view).
  const near = turf.bboxPolygon([109.2, 34.0, 115.6, 41.3]);
  const neighbourLabels: Feature<Point>[] = neighbours.map((f) => {
    const seen = turf.intersect(turf.featureCollection([f, near])) ?? f;
    const parts = turf.flatten(seen).features.sort((a, b) => turf.area(b) - turf.area(a));
    const biggest = parts[0]!;
    let point = turf.centerOfMass(biggest);
    if (!turf.booleanPointInPolygon(point, biggest)) point = turf.pointOnFeature(biggest);
    return {
      type: 'Feature',
      properties: { ...f.properties },
      geometry: roundGeometry(point.geometry, POLY_PRECISION),
    };
  });

  mkdirSync(outDir, { recursive: true });
  let total = 0;
  total += write('province.geojson', [province]);
  total += write('cities.geojson', cities);
  total += write('counties.geojson', counties);
  total += write('places.geojson', [...citySeats, ...countySeats]);
  total += write('rivers.geojson', rivers);
  total += write('neighbours.geojson', neighbours);
  total += write('neighbour-labels.geojson', neighbourLabels);
  console.log(`total ${(total / 1024).toFixed(1)} KB`);
  console.log(`province area ${Math.round(turf.area(province) / 1e6)} km²`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
