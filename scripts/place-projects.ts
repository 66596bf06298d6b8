/**
 * Deterministic placement of zones and projects from geo/.
 *
 *   npx tsx scripts/place-projects.ts [--check] [--geo DIR] [--data DIR]
 *
 * Zones (by `location_basis`):
 * - `county-seat` / `district-seat`: the point of the seat of `county` (in the zone's first city)
 *   from geo/places.geojson; a zone with no `county` but a `parent_id` takes its parent's point.
 * - `city-seat`: the prefecture seat of the zone's first city from geo/places.geojson.
 * - `member-counties`: the union of `member_counties` (looked up in the zone's cities) from
 *   geo/counties.geojson.
 * - `address` / `park`: left as they are (a source gave the place).
 * Projects with `location_basis` `near-zone` or `park` are placed around their zone's point on a
 * golden-angle spiral: the i-th project of a zone (projects of a zone sorted by id, n in all) goes
 * PLACEMENT.minKm + (maxKm − minKm)·√((i + ½)/n) km out at a bearing of i × 137.508°. Projects of a
 * region drawn as a polygon are placed around a point on the region (turf.pointOnFeature).
 * `address` projects keep their coordinates. Coordinates are rounded to 5 decimals (~1 m).
 * --check writes nothing and exits 1 if the files are not what placement would produce.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { ProjectFeature, ZoneFeature } from '../src/data/schema.js';

export const PLACEMENT = { minKm: 1, maxKm: 3, goldenAngleDeg: 137.50776405 } as const;

type Props = Record<string, unknown>;
type AnyFC = FeatureCollection<Point | Polygon | MultiPolygon, Props>;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function readJson<T>(path: string): T {
  const text = readFileSync(path, 'utf8');
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as T;
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;
function roundCoords(c: unknown): unknown {
  return typeof c === 'number' ? round(c) : Array.isArray(c) ? c.map(roundCoords) : c;
}

/** One feature per block: properties indented, geometry on one line. */
export function formatCollection(features: { type: 'Feature'; properties: unknown; geometry: unknown }[]): string {
  const blocks = features.map(
    (f) =>
      '    {\n      "type": "Feature",\n      "properties": ' +
      JSON.stringify(f.properties, null, 2).replace(/\n/g, '\n      ') +
      ',\n      "geometry": ' +
      JSON.stringify(f.geometry) +
      '\n    }',
  );
  return '{\n  "type": "FeatureCollection",\n  "features": [\n' + blocks.join(',\n') + '\n  ]\n}\n';
}

export function placeZones(zones: ZoneFeature[], places: AnyFC, counties: AnyFC): string[] {
  const errors: string[] = [];
  const findPlace = (kind: string, name: string, city: string) =>
    places.features.find(
      (f) => f.properties.kind === kind && f.properties.name_zh === name && (kind === 'city-seat' || f.properties.city_zh === city),
    );
  const byId = new Map(zones.map((z) => [z.properties.id, z]));
  const pending: ZoneFeature[] = [];
  for (const z of zones) {
    const p = z.properties;
    const cities = p.city.split(';');
    const city = cities[0]!;
    if (p.location_basis === 'member-counties') {
      const parts: Feature<Polygon | MultiPolygon>[] = [];
      for (const name of p.member_counties ?? []) {
        const c = counties.features.find((f) => f.properties.name_zh === name && cities.includes(String(f.properties.city_zh)));
        if (!c) errors.push(`${p.id}: member county ${name} not found in geo/counties.geojson`);
        else parts.push(c as Feature<Polygon | MultiPolygon>);
      }
      if (parts.length === 0) continue;
      const u = parts.length === 1 ? parts[0]! : turf.union(turf.featureCollection(parts));
      if (u) z.geometry = { type: u.geometry.type, coordinates: roundCoords(u.geometry.coordinates) } as Polygon | MultiPolygon;
    } else if (p.location_basis === 'county-seat' || p.location_basis === 'district-seat') {
      if (p.county) {
        const pl = findPlace('county-seat', p.county.split(';')[0]!, city);
        if (!pl) errors.push(`${p.id}: no county seat ${p.county} (${city}) in geo/places.geojson`);
        else z.geometry = { type: 'Point', coordinates: roundCoords((pl.geometry as Point).coordinates) as Position };
      } else if (p.parent_id) pending.push(z);
      else errors.push(`${p.id}: ${p.location_basis} needs a county or a parent_id`);
    } else if (p.location_basis === 'city-seat') {
      const pl = findPlace('city-seat', city, city);
      if (!pl) errors.push(`${p.id}: no city seat ${city} in geo/places.geojson`);
      else z.geometry = { type: 'Point', coordinates: roundCoords((pl.geometry as Point).coordinates) as Position };
    }
  }
  for (const z of pending) {
    const parent = byId.get(z.properties.parent_id!);
    if (!parent || parent.geometry.type !== 'Point') errors.push(`${z.properties.id}: parent ${z.properties.parent_id} has no point`);
    else z.geometry = { type: 'Point', coordinates: [...parent.geometry.coordinates] };
  }
  return errors;
}

export function placeProjects(projects: ProjectFeature[], zones: ZoneFeature[]): string[] {
  const errors: string[] = [];
  const zoneById = new Map(zones.map((z) => [z.properties.id, z]));
  const groups = new Map<string, ProjectFeature[]>();
  for (const p of projects) {
    if (p.properties.location_basis !== 'near-zone' && p.properties.location_basis !== 'park') continue;
    const list = groups.get(p.properties.zone_id) ?? [];
    list.push(p);
    groups.set(p.properties.zone_id, list);
  }
  for (const [zoneId, list] of groups) {
    const zone = zoneById.get(zoneId);
    if (!zone) {
      errors.push(`${list.map((p) => p.properties.id).join(', ')}: zone ${zoneId} not found`);
      continue;
    }
    const centre = zone.geometry.type === 'Point' ? turf.point(zone.geometry.coordinates) : turf.pointOnFeature(zone);
    list.sort((a, b) => (a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0));
    const n = list.length;
    list.forEach((p, i) => {
      const km = PLACEMENT.minKm + (PLACEMENT.maxKm - PLACEMENT.minKm) * Math.sqrt((i + 0.5) / n);
      const bearing = ((i * PLACEMENT.goldenAngleDeg) % 360) - 180;
      const d = turf.destination(centre, km, bearing, { units: 'kilometers' });
      p.geometry = { type: 'Point', coordinates: roundCoords(d.geometry.coordinates) as Position };
    });
  }
  return errors;
}

function main(): void {
  const geoDir = arg('--geo', 'geo');
  const dataDir = arg('--data', 'data');
  const check = process.argv.includes('--check');
  const places = readJson<AnyFC>(join(geoDir, 'places.geojson'));
  const counties = readJson<AnyFC>(join(geoDir, 'counties.geojson'));
  const zonesPath = join(dataDir, 'zones.geojson');
  const projectsPath = join(dataDir, 'projects.geojson');
  const zones = readJson<FeatureCollection>(zonesPath) as unknown as { features: ZoneFeature[] };
  const projects = readJson<FeatureCollection>(projectsPath) as unknown as { features: ProjectFeature[] };
  const errors = [...placeZones(zones.features, places, counties), ...placeProjects(projects.features, zones.features)];
  for (const e of errors) console.error(e);
  const outZones = formatCollection(zones.features);
  const outProjects = formatCollection(projects.features);
  if (check) {
    const same = readFileSync(zonesPath, 'utf8') === outZones && readFileSync(projectsPath, 'utf8') === outProjects;
    console.log(same ? 'placement up to date' : 'placement out of date: run npx tsx scripts/place-projects.ts');
    process.exit(same && errors.length === 0 ? 0 : 1);
  }
  writeFileSync(zonesPath, outZones);
  writeFileSync(projectsPath, outProjects);
  console.log(`placed ${zones.features.length} zones and ${projects.features.length} projects${errors.length ? `; ${errors.length} problems` : ''}`);
  if (errors.length) process.exit(1);
}

if (process.argv[1] && /place-projects\.[cm]?[jt]s$/.test(process.argv[1])) main();
