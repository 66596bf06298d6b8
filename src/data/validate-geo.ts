/**
 * Geographic checks of zones and projects against the base geography (turf). No file I/O: the
 * caller passes geo/province.geojson and geo/cities.geojson as parsed FeatureCollections.
 *
 * - every zone and project lies inside Shanxi's outline;
 * - every zone lies in the city it names (a zone spanning two cities, `太原市;晋中市`, in one of them);
 *   a region drawn as a polygon is checked by a point on it, and all its vertices by the province;
 * - a region's outline does not cross itself (a bow-tie fills and catches clicks where it should not);
 * - every project lies in one of its zone's cities and within MAX_PROJECT_DISTANCE_KM of its zone
 *   (of the zone's point, or of its polygon when the zone is a region).
 * Features whose coordinates are not finite numbers in range are skipped here: validate.ts
 * already reports them.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Problem } from './validate.js';

/** How far (km) a project may lie from its zone's point or outline. */
export const MAX_PROJECT_DISTANCE_KM = 15;
/** Slack (km) for polygon vertices that sit on the province border (shared edges, rounding). */
export const BORDER_TOLERANCE_KM = 0.05;

export interface GeoLayers {
  /** geo/province.geojson (one feature). */
  province: FeatureCollection;
  /** geo/cities.geojson: properties name_zh, e.g. 长治市. */
  cities: FeatureCollection;
}

export interface GeoFiles {
  zones: string;
  projects: string;
}

type Area = Feature<Polygon | MultiPolygon>;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function isGoodPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1]) &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}

function allPositions(g: Obj): Position[] | null {
  const out: Position[] = [];
  const depth = g.type === 'Point' ? 0 : g.type === 'Polygon' ? 2 : g.type === 'MultiPolygon' ? 3 : -1;
  if (depth < 0) return null;
  let ok = true;
  const walk = (c: unknown, d: number) => {
    if (!ok) return;
    if (d === 0) {
      if (isGoodPosition(c)) out.push(c);
      else ok = false;
      return;
    }
    if (!Array.isArray(c) || c.length === 0) ok = false;
    else c.forEach((x) => walk(x, d - 1));
  };
  walk(g.coordinates, depth);
  return ok ? out : null;
}

function areas(fc: FeatureCollection): Area[] {
  return fc.features.filter((f): f is Area => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
}

function inAny(pos: Position, list: Area[]): boolean {
  const pt = turf.point(pos);
  return list.some((a) => turf.booleanPointInPolygon(pt, a));
}

function nearBorder(pos: Position, list: Area[], km: number): boolean {
  const pt = turf.point(pos);
  return list.some((a) => {
    const lines = turf.polygonToLine(a);
    const fs = lines.type === 'FeatureCollection' ? lines.features : [lines];
    return fs.some((l) => turf.pointToLineDistance(pt, l as Feature<never>, { units: 'kilometers' }) <= km);
  });
}

interface Checked {
  id: string;
  props: Obj;
  geometry: Obj;
  positions: Position[];
}

function usable(features: unknown): Checked[] {
  if (!isObj(features) || !Array.isArray(features.features)) return [];
  const out: Checked[] = [];
  for (const f of features.features) {
    if (!isObj(f) || !isObj(f.properties) || !isObj(f.geometry)) continue;
    const positions = allPositions(f.geometry);
    if (!positions || positions.length === 0) continue;
    const id = typeof f.properties.id === 'string' ? f.properties.id : null;
    if (id === null) continue;
    out.push({ id, props: f.properties, geometry: f.geometry, positions });
  }
  return out;
}

/** Geographic problems of the zones and projects (both parsed GeoJSON, possibly broken). */
export function validateGeography(
  zonesJson: unknown,
  projectsJson: unknown,
  geo: GeoLayers,
  files: GeoFiles = { zones: 'data/zones.geojson', projects: 'data/projects.geojson' },
): Problem[] {
  const problems: Problem[] = [];
  const province = areas(geo.province);
  const cityAreas = new Map<string, Area[]>();
  for (const c of areas(geo.cities)) {
    const name = String((c.properties as Obj | null)?.name_zh ?? '');
    cityAreas.set(name, [...(cityAreas.get(name) ?? []), c]);
  }
  const citiesOf = (city: unknown): { names: string[]; list: Area[] } => {
    const names = typeof city === 'string' ? city.split(';') : [];
    return { names, list: names.flatMap((n) => cityAreas.get(n) ?? []) };
  };

  const zones = usable(zonesJson);
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  for (const z of zones) {
    const add = (field: string, message: string) => problems.push({ file: files.zones, id: z.id, field, message });
    const isPoint = z.geometry.type === 'Point';
    const outside = z.positions.filter((p) => !inAny(p, province));
    const reallyOutside = isPoint ? outside : outside.filter((p) => !nearBorder(p, province, BORDER_TOLERANCE_KM));
    if (reallyOutside.length) {
      const p = reallyOutside[0]!;
      add('geometry.coordinates', `${isPoint ? 'point' : `${reallyOutside.length} vertices, e.g.`} [${p[0]}, ${p[1]}] outside Shanxi${looksSwapped(p, province) ? ' (longitude and latitude look swapped)' : ''}`);
      continue;
    }
    if (!isPoint) {
      const crossings = turf.kinks(z.geometry as unknown as Polygon | MultiPolygon).features;
      if (crossings.length) {
        const [x, y] = crossings[0]!.geometry.coordinates as [number, number];
        const more = crossings.length > 1 ? ` and ${crossings.length - 1} more place${crossings.length > 2 ? 's' : ''}` : '';
        add('geometry.coordinates', `the outline crosses itself at [${x.toFixed(4)}, ${y.toFixed(4)}]${more}`);
      }
    }
    const { names, list } = citiesOf(z.props.city);
    const unknown = names.filter((n) => !cityAreas.has(n));
    if (unknown.length) {
      add('city', `${unknown.join(', ')} is not a city in geo/cities.geojson`);
      continue;
    }
    const probe: Position = isPoint
      ? z.positions[0]!
      : turf.pointOnFeature({ type: 'Feature', properties: {}, geometry: z.geometry as unknown as Polygon }).geometry.coordinates;
    if (list.length && !inAny(probe, list)) add('geometry.coordinates', `[${probe[0]}, ${probe[1]}] is not in ${names.join(' or ')}`);
  }

  for (const p of usable(projectsJson)) {
    const add = (field: string, message: string) => problems.push({ file: files.projects, id: p.id, field, message });
    if (p.geometry.type !== 'Point') continue;
    const pos = p.positions[0]!;
    if (!inAny(pos, province)) {
      add('geometry.coordinates', `point [${pos[0]}, ${pos[1]}] is outside Shanxi${looksSwapped(pos, province) ? ' (longitude and latitude look swapped)' : ''}`);
      continue;
    }
    const zone = typeof p.props.zone_id === 'string' ? zoneById.get(p.props.zone_id) : undefined;
    if (!zone) continue; // an unresolved zone_id is reported by validate.ts
    const { names, list } = citiesOf(zone.props.city);
    if (list.length && !inAny(pos, list)) add('geometry.coordinates', `[${pos[0]}, ${pos[1]}] is not in its zone's city (${names.join(' or ')})`);
    const km = distanceToZone(pos, zone);
    if (km > MAX_PROJECT_DISTANCE_KM)
      add('geometry.coordinates', `${km.toFixed(1)} km from its zone ${zone.id}; at most ${MAX_PROJECT_DISTANCE_KM} km allowed`);
  }
  return problems;
}

function distanceToZone(pos: Position, zone: Checked): number {
  const pt = turf.point(pos);
  if (zone.geometry.type === 'Point') return turf.distance(pt, turf.point(zone.positions[0]!), { units: 'kilometers' });
  const area = { type: 'Feature', properties: {}, geometry: zone.geometry } as unknown as Area;
  if (turf.booleanPointInPolygon(pt, area)) return 0;
  const lines = turf.polygonToLine(area);
  const fs = lines.type === 'FeatureCollection' ? lines.features : [lines];
  return Math.min(...fs.map((l) => turf.pointToLineDistance(pt, l as Feature<never>, { units: 'kilometers' })));
}

function looksSwapped(pos: Position, province: Area[]): boolean {
  return isGoodPosition([pos[1], pos[0]]) && inAny([pos[1]!, pos[0]!], province);
}
