/**
 * Validates the zones and projects: `npm run validate [file…]`.
 *
 * With no arguments it checks data/zones.geojson and data/projects.geojson. Files given on the
 * command line are sorted into zones and projects by their content (features with zone_id or
 * status are projects; with level, kind or figures are zones) or, failing that, by name. A projects
 * file given alone is checked against data/zones.geojson. Geography comes from geo/province.geojson
 * and geo/cities.geojson.
 *
 * Prints one line per problem (`file: id: field: message`), then a summary; exits 1 on any problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import {
  detectKind,
  formatProblem,
  problemCount,
  parseDataText,
  validateProjects,
  validateZones,
  type Problem,
} from '../src/data/validate.js';
import { validateGeography } from '../src/data/validate-geo.js';

const DEFAULT_ZONES = 'data/zones.geojson';
const DEFAULT_PROJECTS = 'data/projects.geojson';
const GEO = { province: 'geo/province.geojson', cities: 'geo/cities.geojson' };

interface Loaded {
  file: string;
  json: unknown;
  ok: boolean;
}

const problems: Problem[] = [];
const notes: string[] = [];

function load(file: string): Loaded {
  if (!existsSync(file)) {
    problems.push({ file, id: null, field: null, message: 'no such file' });
    return { file, json: undefined, ok: false };
  }
  const parsed = parseDataText(readFileSync(file), file);
  if (parsed.note) notes.push(parsed.note);
  if (parsed.problem) {
    problems.push(parsed.problem);
    return { file, json: undefined, ok: false };
  }
  return { file, json: parsed.json, ok: true };
}

function loadGeo(file: string): FeatureCollection | null {
  const l = load(file);
  if (!l.ok) return null;
  const j = l.json as FeatureCollection;
  if (j?.type !== 'FeatureCollection' || !Array.isArray(j.features)) {
    problems.push({ file, id: null, field: null, message: 'not a GeoJSON FeatureCollection' });
    return null;
  }
  return j;
}

function main(): void {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  let zones: Loaded | null = null;
  let projects: Loaded | null = null;
  if (args.length === 0) {
    zones = load(DEFAULT_ZONES);
    projects = load(DEFAULT_PROJECTS);
  } else {
    for (const file of args) {
      const l = load(file);
      let kind = l.ok ? detectKind(l.json) : null;
      if (!kind) kind = /project/i.test(file) ? 'projects' : /zone/i.test(file) ? 'zones' : null;
      if (!kind) {
        if (l.ok) problems.push({ file, id: null, field: null, message: 'cannot tell whether this holds zones or projects (no features with zone_id/status or level/kind, and the name says neither)' });
        continue;
      }
      if (kind === 'zones') zones = l;
      else projects = l;
    }
    if (projects && !zones) {
      zones = load(DEFAULT_ZONES);
      notes.push(`${projects.file}: note: zone_id resolved against ${DEFAULT_ZONES}`);
    }
  }
  if (zones?.ok) problems.push(...validateZones(zones.json, zones.file));
  if (projects?.ok) problems.push(...validateProjects(projects.json, projects.file, zones?.ok ? zones.json : []));
  const province = loadGeo(GEO.province);
  const cities = loadGeo(GEO.cities);
  if (province && cities && (zones?.ok || projects?.ok)) {
    problems.push(
      ...validateGeography(zones?.ok ? zones.json : null, projects?.ok ? projects.json : null, { province, cities }, {
        zones: zones?.file ?? DEFAULT_ZONES,
        projects: projects?.file ?? DEFAULT_PROJECTS,
      }),
    );
  }
  for (const n of notes) console.log(n);
  for (const p of problems) console.log(formatProblem(p));
  const count = (l: Loaded | null) => (l?.ok && Array.isArray((l.json as { features?: unknown[] })?.features) ? (l.json as { features: unknown[] }).features.length : 0);
  const files = [zones?.file, projects?.file].filter(Boolean).join(', ');
  const total = problemCount(problems);
  if (total) {
    console.log(`${total} problem${total === 1 ? '' : 's'} (${files})`);
    process.exit(1);
  }
  console.log(`OK: ${count(zones)} zones, ${count(projects)} projects, no problems (${files})`);
}

main();
