/**
 * Inputs for the validator's golden test (validate-golden.test.ts), each with the output to
 * compare: the shipped data, the fixtures, the bodies of tests/robustness/malformed.test.ts, the
 * XSS payload datasets, every field of a zone, a project and their nested objects set to each of
 * a list of odd values, inputs only JavaScript makes (sparse arrays, prototype keys, inherited
 * properties), seeded random breakage of the shipped data and of synthetic projects, and the
 * exported helpers' verdicts on odd strings.
 *
 * A case's output is a list of rows: a problem as `[file, id, field, message]`, a helper's
 * verdict as `[input, result]`. Everything here is deterministic (seeded PRNG, no clock).
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { mulberry32, syntheticProjects } from '../../bench/synthetic.js';
import {
  detectKind,
  isBefore,
  isHttpUrl,
  isPartialDate,
  parseDataText,
  quote,
  validateDataset,
  validateProjects,
  validateZones,
  type Problem,
} from '../../src/data/validate.js';
import { hostileUrlDataset, payloadDataset, urlPayloads } from '../robustness/payloads.js';

export type Row = (string | null)[];
export interface GoldenCase {
  name: string;
  run: () => Row[];
}

type Json = any; // parsed GeoJSON that the cases break on purpose
const readText = (path: string) => readFileSync(path, 'utf8');
const ZONES_TEXT = readText('data/zones.geojson');
const PROJECTS_TEXT = readText('data/projects.geojson');
const zones = (): Json => JSON.parse(ZONES_TEXT);
const projects = (): Json => JSON.parse(PROJECTS_TEXT);
const PROVINCE = JSON.parse(readText('geo/province.geojson')) as FeatureCollection;
/** Short file names keep the snapshot small. */
const FILES = { zones: 'z', projects: 'p' };

const rows = (problems: Problem[]): Row[] => problems.map((p) => [p.file, p.id, p.field, p.message]);
const dataset = (z: unknown, p: unknown): Row[] => rows(validateDataset(z, p, FILES));
const byId = (c: Json, id: string) => c.features.find((f: Json) => f.properties?.id === id);

// ---------------------------------------------------------------------------------------------
// Whole files

function fileCases(): GoldenCase[] {
  const cases: GoldenCase[] = [
    { name: 'shipped data', run: () => dataset(zones(), projects()) },
    { name: 'shipped data, default file names', run: () => rows(validateDataset(zones(), projects())) },
    { name: 'shipped projects against a list of zone ids', run: () => rows(validateProjects(projects(), 'p', ['changzhi-htz', 'shanxi-trz', 7])) },
    { name: 'shipped projects against no zones', run: () => rows(validateProjects(projects(), 'p', undefined)) },
    { name: 'zones given as projects and back', run: () => dataset(projects(), zones()) },
  ];
  for (const f of ['bom-zones', 'empty', 'not-json', 'projects-wrong-geometry', 'small-projects', 'small-zones']) {
    cases.push({
      name: `fixture ${f}`,
      run: () => {
        const parsed = parseDataText(readText(`tests/fixtures/${f}.geojson`), f);
        const out: Row[] = [['note', parsed.note], ['kind', detectKind(parsed.json)]];
        if (parsed.problem) return [...out, ...rows([parsed.problem])];
        return [...out, ...rows(validateZones(parsed.json, 'z')), ...rows(validateProjects(parsed.json, 'p', zones()))];
      },
    });
  }
  cases.push(
    { name: 'XSS payload dataset', run: () => dataset(payloadDataset().zones, payloadDataset().projects) },
    { name: 'hostile URL dataset', run: () => { const d = hostileUrlDataset(); return dataset(d.zones, d.projects); } },
  );
  return cases;
}

/** The bodies of tests/robustness/malformed.test.ts, fed through parseDataText as the element does. */
function malformedCases(): GoldenCase[] {
  const P0 = projects().features[0].properties.id as string;
  const projectsWith = (f: (p: Json) => void): Json => {
    const d = projects();
    f(d.features[0]);
    return d;
  };
  /** Valid copies of the shipped projects under new ids, the last one broken (the test's 50 MB body, smaller). */
  const manyProjects = (): string => {
    const base = projects().features;
    const parts: string[] = [];
    for (let i = 0; i < 600; i++) {
      const f = structuredClone(base[i % base.length]);
      f.properties.id = `${f.properties.id}-copy-${i}`;
      parts.push(JSON.stringify(f));
    }
    const last = structuredClone(base[0]);
    last.properties.id = 'the-last-one';
    delete last.properties.name_en;
    parts.push(JSON.stringify(last));
    return `{"type":"FeatureCollection","features":[${parts.join(',')}]}`;
  };
  const bodies: [string, 'zones' | 'projects', () => string | object][] = [
    ['not JSON', 'projects', () => '{"type": "FeatureCollection", "features": ['],
    ['an empty file', 'zones', () => ''],
    ['HTML instead of JSON', 'projects', () => '<!doctype html><title>404</title><script>__pwned(1)</script>'],
    ['a JSON array', 'projects', () => '[]'],
    ['a JSON string', 'zones', () => '"zones"'],
    ['a JSON number', 'zones', () => '42'],
    ['JSON null', 'projects', () => 'null'],
    ['the wrong type', 'projects', () => ({ type: 'Topology', objects: {} })],
    ['features not an array', 'projects', () => ({ type: 'FeatureCollection', features: { a: 1 } })],
    ['no features', 'zones', () => ({ type: 'FeatureCollection' })],
    ['an empty collection', 'zones', () => ({ type: 'FeatureCollection', features: [] })],
    ['a feature that is a number', 'projects', () => ({ type: 'FeatureCollection', features: [42] })],
    ['features of every wrong kind', 'zones', () => ({ type: 'FeatureCollection', features: [42, null, 'x', [], true, {}] })],
    ['a missing field', 'projects', () => projectsWith((f) => delete f.properties.name_zh)],
    ['a wrong-typed field', 'projects', () => projectsWith((f) => (f.properties.investment_cny = '49.4亿元'))],
    ['an unknown enum value', 'projects', () => projectsWith((f) => (f.properties.status = 'finished'))],
    ['a bad date', 'projects', () => projectsWith((f) => (f.properties.status_date = '2024-13-01'))],
    ['an id that is not a slug', 'projects', () => projectsWith((f) => (f.properties.id = 'Has Spaces<b>'))],
    ['a "NaN" longitude', 'projects', () => projectsWith((f) => (f.geometry.coordinates[0] = 'NaN'))],
    ['a 1e999 latitude', 'projects', () => JSON.stringify(projectsWith((f) => (f.geometry.coordinates[1] = 987654321))).replace('987654321', '1e999')],
    ['a null latitude', 'projects', () => projectsWith((f) => (f.geometry.coordinates[1] = null))],
    ['an out-of-range longitude', 'zones', () => { const d = zones(); d.features[0].geometry = { type: 'Point', coordinates: [212.5, 37.8] }; return d; }],
    ['swapped longitude and latitude', 'projects', () => projectsWith((f) => f.geometry.coordinates.reverse())],
    ['a wrong geometry type', 'projects', () => projectsWith((f) => (f.geometry = { type: 'LineString', coordinates: [[112, 37], [113, 38]] }))],
    ['no geometry', 'projects', () => projectsWith((f) => (f.geometry = null))],
    ['no properties', 'projects', () => projectsWith((f) => delete f.properties)],
    ['duplicate ids', 'projects', () => { const d = projects(); d.features[1].properties.id = P0; d.features[5].properties.id = P0; return d; }],
    ['an unresolved zone id', 'projects', () => projectsWith((f) => (f.properties.zone_id = 'no-such-zone'))],
    ['a value nested 100 000 deep', 'projects', () => JSON.stringify(projectsWith((f) => (f.properties.status = '@@DEEP@@'))).replace('"@@DEEP@@"', `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`)],
    ['a document nested 100 000 deep', 'zones', () => `{"type":"FeatureCollection","features":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`],
    ['a BOM before broken data', 'projects', () => `\ufeff${JSON.stringify(projectsWith((f) => delete f.properties.sources))}`],
    ['the zones file given as projects', 'projects', () => ZONES_TEXT],
    ['the projects file given as zones', 'zones', () => PROJECTS_TEXT],
    ['600 valid projects with one broken at the end', 'projects', manyProjects],
  ];
  return bodies.map(([name, target, body]) => ({
    name: `malformed: ${name}`,
    run: () => {
      const b = body();
      const parsed = parseDataText(typeof b === 'string' ? b : JSON.stringify(b), target === 'zones' ? 'z' : 'p');
      if (parsed.problem) return [['note', parsed.note], ...rows([parsed.problem])];
      if (target === 'projects') return [['note', parsed.note], ...dataset(zones(), parsed.json)];
      // Broken zones against two projects (not all: their unresolved zone ids would fill the snapshot).
      const p = projects();
      p.features = p.features.slice(0, 2);
      return [['note', parsed.note], ...dataset(parsed.json, p)];
    },
  }));
}

// ---------------------------------------------------------------------------------------------
// One field at a time

const DELETE = Symbol('delete');
type Path = (string | number)[];

/** Sets (or deletes) the value at `path`, creating objects on the way. */
function setAt(root: Json, path: Path, value: unknown): void {
  let o = root;
  for (const k of path.slice(0, -1)) {
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k];
  }
  const last = path[path.length - 1]!;
  if (value === DELETE) delete o[last];
  else o[last] = value;
}

/** `"x"` inside `depth` arrays (built in a loop: recursion would overflow). */
function nested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
/** Values every field is set to in turn. */
const ODD: [string, unknown][] = [
  ['deleted', DELETE],
  ['undefined', undefined],
  ['null', null],
  ['0', 0],
  ['-3', -3],
  ['NaN', NaN],
  ['true', true],
  ['""', ''],
  ['" \\t"', ' \t'],
  ['"x"', 'x'],
  ['http URL', 'https://example.org/a'],
  ['javascript: URL', 'javascript:alert(1)'],
  ['[]', []],
  ['["x"]', ['x']],
  ['{}', {}],
  ['long string', `${'长'.repeat(60)}${'A'.repeat(60)}`],
];
/** More values for particular fields (by the last key of their path). */
const SPECIFIC: Record<string, unknown[]> = {
  id: ['Has Space', 'a--b', 'ok-slug-2', 'UPPER', '-lead'],
  zone_id: ['shanxi-trz', 'no-such-zone'],
  parent_id: ['shanxi-trz', 'trz-tanghuai', 'qingxu-edz', 'no-such-zone', 5],
  level: ['national', 'provincial', 'municipal', 'regional', 'county'],
  kind: ['high-tech', 'economic-development', 'economic-region', 'park'],
  location_basis: ['member-counties', 'county-seat', 'address', 'near-zone', 'somewhere'],
  industry: ['new-energy', 'computing', 'cloud'],
  industries: [['new-energy', 'new-energy'], ['new-energy', 'mining', 3], ['computing']],
  member_counties: [['阳曲县'], ['阳曲县', ''], [3], []],
  status: ['planned', 'signed', 'under-construction', 'completed', 'operating', 'finished'],
  status_date: ['2021-08', '2021', '2022', '2024-13', '2021-02-30', '2024-02-29'],
  date: ['2021-08', '2021-11', '2022', '2021-13', '1899', '2101', '2020-02-29', '2021-02-29'],
  established: ['2021-12', '2018年'],
  as_of: ['2024', '2021-02-30'],
  city: ['太原市', '太原市;忻州市', '太原', '太原市;', ';太原市'],
  output_cny: [1e9, -1],
  output_basis: ['planned', 'actual', 'guessed'],
  investment_cny: [1.5, -1, Infinity, '49.4亿元'],
  area_km2: [12.5, -2],
  value: [1.5, -Infinity],
  unit: ['cny', 'count', 'km2', 'percent', 'rank', 'yuan'],
  basis: ['planned', 'actual', 'guessed'],
  key: ['snake_case_1', 'Bad-Key'],
  verified: [false],
  ref: ['001_0123456789abcdef.txt', '001_0123456789ABCDEF.txt', 'https://example.org/a b', 'http://www.zggxqzz.cn/zonghexinwen/2022/0118/2831.html', 'ftp://x.org/'],
  url: ['http://www.zggxqzz.cn/zonghexinwen/2022/0118/2831.html', 'https://', 'HTTPS://EXAMPLE.ORG/', 'data:text/html,x'],
  source: ['001_4f9f2cb257c74665.txt', '000_e52b6b2c6de43616.txt', '002_3a9b9530b1b2ec72.txt', 'http://m.taiyuanrx.com/news/20221228/128829.html', '009_0000000000000000.txt', 7],
  fields: [['investment_cny', 'nope', 3], ['status', 'status'], ['history', 'id'], []],
  sources: [[{ ref: 'x' }], [null, 4]],
  figures: [[null], [{ key: 'k' }]],
  history: [[null], [{ date: '2021-11', status: 'under-construction', source: '000_e52b6b2c6de43616.txt' }], [{ date: '2021-11', status: 'signed', source: '000_e52b6b2c6de43616.txt' }]],
  extra: [1],
  type: ['Feature', 'feature', 'FeatureCollection', 'Point', 'Polygon', 'MultiPolygon', 'LineString', 'GeometryCollection'],
  coordinates: [
    [113.1, 36.2], [36.2, 113.1], [181, 36], [-181, 36], [113, 91], [113, -91], [NaN, 36], [113, 'x'], [Infinity, -Infinity],
    [113], [113, 36, 0], [113, 36, 0, 0], [[113, 36]], [[[113, 36], [114, 36], [114, 37], [113, 36]]],
    [[[[113, 36], [114, 36], [114, 37], [113, 36]]]], [[[113, 36], [114, 36], [113, 36]]], [[]], [[[]]], [[[NaN, 1], [2, 'y'], [400, 95], [1, 2]]],
  ],
  geometry: [{ type: 'Point', coordinates: [113.1, 36.2] }, { type: 'Point' }, { coordinates: [113.1, 36.2] }, { type: 'Polygon', coordinates: [[[113, 36], [114, 36], [114, 37], [113, 36]]] }],
  properties: [[], 'x'],
};

const ZONE_KEYS = [
  'id', 'name_zh', 'name_en', 'short_zh', 'short_en', 'level', 'kind', 'city', 'county', 'parent_id', 'industries',
  'established', 'area_km2', 'location_basis', 'location_note_zh', 'location_note_en', 'member_counties', 'verified',
  'figures', 'sources', 'extra',
];
const PROJECT_KEYS = [
  'id', 'zone_id', 'name_zh', 'name_en', 'company_zh', 'company_en', 'industry', 'investment_cny', 'output_cny',
  'output_basis', 'capacity_zh', 'capacity_en', 'status', 'status_date', 'history', 'location_basis', 'location_note_zh',
  'location_note_en', 'sources', 'extra',
];
const SOURCE_KEYS = ['ref', 'publisher', 'title', 'date', 'url', 'quote', 'fields', 'extra'];
const FIGURE_KEYS = ['key', 'label_zh', 'label_en', 'value', 'unit', 'as_of', 'basis', 'source', 'quote', 'extra'];
const EVENT_KEYS = ['date', 'status', 'note_zh', 'note_en', 'source', 'extra'];
const SHELL_PATHS: Path[] = [['type'], ['properties'], ['geometry'], ['geometry', 'type'], ['geometry', 'coordinates']];

/** A small dataset: zones with a parent chain, a polygon and figures; projects with history and several sources. */
function small(): { zones: Json; projects: Json } {
  const z = zones();
  const p = projects();
  return {
    zones: { type: 'FeatureCollection', features: ['shanxi-trz', 'trz-tanghuai', 'taixin', 'qingxu-edz', 'changzhi-htz'].map((id) => byId(z, id)) },
    projects: { type: 'FeatureCollection', features: ['trz-jinko-56gw-base', 'cz-zhongji-hydrogen-base', 'cz-semiconductor-optoelectronics-park'].map((id) => byId(p, id)) },
  };
}

function fieldCases(): GoldenCase[] {
  const targets: { kind: 'zones' | 'projects'; index: number; paths: Path[] }[] = [
    { kind: 'zones', index: 3, paths: [...SHELL_PATHS, ...ZONE_KEYS.map((k) => ['properties', k]), ...FIGURE_KEYS.map((k) => ['properties', 'figures', 0, k]), ...SOURCE_KEYS.map((k) => ['properties', 'sources', 2, k])] },
    { kind: 'zones', index: 2, paths: [['geometry', 'type'], ['geometry', 'coordinates'], ['properties', 'location_basis'], ['properties', 'member_counties']] },
    { kind: 'zones', index: 1, paths: [['properties', 'parent_id'], ['properties', 'id']] },
    { kind: 'projects', index: 1, paths: [...SHELL_PATHS, ...PROJECT_KEYS.map((k) => ['properties', k]), ...EVENT_KEYS.map((k) => ['properties', 'history', 2, k]), ...SOURCE_KEYS.map((k) => ['properties', 'sources', 1, k])] },
    { kind: 'projects', index: 0, paths: [['properties', 'output_cny'], ['properties', 'output_basis'], ['properties', 'investment_cny'], ['properties', 'capacity_zh'], ['properties', 'sources', 0, 'fields']] },
  ];
  const cases: GoldenCase[] = [{ name: 'field: the small dataset as it is', run: () => { const d = small(); return dataset(d.zones, d.projects); } }];
  for (const t of targets)
    for (const path of t.paths) {
      const last = String(path[path.length - 1]);
      const values: [string, unknown][] = [...ODD, ...(SPECIFIC[last] ?? []).map((v): [string, unknown] => [quote(v), v])];
      cases.push({
        name: `field: ${t.kind}[${t.index}].${path.join('.')}`,
        run: () =>
          values.flatMap(([label, value]) => {
            const d = small();
            setAt(d[t.kind].features[t.index], path, value);
            return dataset(d.zones, d.projects).map((r) => [label, ...r]);
          }),
      });
    }
  // Odd values nested deep (quote() must not throw), and a parent_id loop.
  cases.push(
    {
      name: 'field: values nested 100 000 deep',
      run: () => {
        const d = small();
        d.projects.features[1].properties.status = nested(100_000);
        d.zones.features[3].properties.level = nested(100_000);
        d.zones.features[3].properties.sources[0].ref = nested(100_000);
        return dataset(d.zones, d.projects);
      },
    },
    {
      name: 'field: a parent_id loop',
      run: () => {
        const d = small();
        d.zones.features[0].properties.parent_id = 'trz-tanghuai';
        d.zones.features[3].properties.parent_id = 'qingxu-edz';
        d.zones.features[4].properties.parent_id = 'taixin';
        d.zones.features[2].properties.parent_id = 'changzhi-htz';
        return dataset(d.zones, d.projects);
      },
    },
  );
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Inputs that only JavaScript (not JSON) makes, and keys that Object.prototype also has

/** A copy of `xs` with a hole (not an undefined element) at `at`. */
function withHole(xs: unknown[], at: number): unknown[] {
  const out = new Array(xs.length + 1);
  xs.forEach((x, i) => (out[i < at ? i : i + 1] = x));
  return out;
}

/** The object with extra own keys, made by JSON.parse so that `__proto__` is an own key too. */
function withKeys(o: object, keys: string): Json {
  return JSON.parse(JSON.stringify(o).replace(/^\{/, `{${keys},`));
}

function quirkCases(): GoldenCase[] {
  type Edit = [string, (d: { zones: Json; projects: Json }) => void];
  const z = (d: { zones: Json }) => d.zones.features[3].properties;
  const p = (d: { projects: Json }) => d.projects.features[1].properties;
  const PROTO_KEYS = '"__proto__":{"x":1},"toString":1,"constructor":"x","hasOwnProperty":null';
  const sparse: Edit[] = [
    ['a hole in projects.features', (d) => (d.projects.features = withHole(d.projects.features, 1))],
    ['a hole in zones.features', (d) => (d.zones.features = withHole(d.zones.features, 0))],
    ['only holes in projects.features', (d) => (d.projects.features = new Array(3))],
    ['an undefined feature', (d) => d.projects.features.splice(1, 0, undefined)],
    ['a hole in sources', (d) => (p(d).sources = withHole(p(d).sources, 0))],
    ['a hole in a zone\'s sources', (d) => (z(d).sources = withHole(z(d).sources, 1))],
    ['a hole in figures', (d) => (z(d).figures = withHole(z(d).figures, 0))],
    ['a hole in industries', (d) => (z(d).industries = withHole(z(d).industries, 1))],
    ['a hole in member_counties', (d) => (d.zones.features[2].properties.member_counties = withHole(d.zones.features[2].properties.member_counties, 2))],
    ['an undefined member county', (d) => d.zones.features[2].properties.member_counties.push(undefined)],
    ['a hole in fields', (d) => (p(d).sources[1].fields = withHole(p(d).sources[1].fields, 0))],
    ['a hole in history', (d) => (p(d).history = withHole(p(d).history, 1))],
    ['a hole in a position', (d) => (d.projects.features[1].geometry.coordinates = withHole([36.2], 0))],
    ['a hole in a ring', (d) => (d.zones.features[2].geometry.coordinates[0] = withHole(d.zones.features[2].geometry.coordinates[0], 3))],
    ['a hole in a polygon', (d) => (d.zones.features[2].geometry.coordinates = withHole(d.zones.features[2].geometry.coordinates, 0))],
  ];
  const keys: Edit[] = [
    ['prototype keys in zone properties', (d) => (d.zones.features[3].properties = withKeys(z(d), PROTO_KEYS))],
    ['prototype keys in project properties', (d) => (d.projects.features[1].properties = withKeys(p(d), PROTO_KEYS))],
    ['prototype keys in a source', (d) => (p(d).sources[0] = withKeys(p(d).sources[0], PROTO_KEYS))],
    ['prototype keys in a figure', (d) => (z(d).figures[0] = withKeys(z(d).figures[0], PROTO_KEYS))],
    ['prototype keys in an event', (d) => (p(d).history[0] = withKeys(p(d).history[0], PROTO_KEYS))],
    ['prototype keys in a feature and its geometry', (d) => { d.projects.features[1] = withKeys(d.projects.features[1], PROTO_KEYS); d.projects.features[1].geometry = withKeys(d.projects.features[1].geometry, PROTO_KEYS); }],
    ['prototype names in fields', (d) => (p(d).sources[1].fields = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'status'])],
    ['prototype names as enum values, refs and ids', (d) => { p(d).status = 'constructor'; p(d).industry = 'toString'; p(d).zone_id = 'constructor'; p(d).history[0].source = 'toString'; z(d).parent_id = '__proto__'; }],
    ['inherited properties', (d) => { const own = p(d); delete own.name_en; delete own.history; Object.setPrototypeOf(own, { name_en: 'from the prototype', history: [], extra: 1 }); }],
    ['inherited feature type and geometry', (d) => { const f = d.projects.features[1]; const g = f.geometry; delete f.type; delete f.geometry; Object.setPrototypeOf(f, { type: 'Feature', geometry: g }); }],
    ['properties without a prototype', (d) => (d.projects.features[1].properties = Object.assign(Object.create(null), p(d)))],
    ['a feature without a prototype', (d) => (d.zones.features[3] = Object.assign(Object.create(null), d.zones.features[3]))],
    ['a class instance as properties', (d) => (d.projects.features[1].properties = Object.assign(new (class Props {})(), p(d)))],
    ['a Date, a Map and a String object as values', (d) => { p(d).status_date = new Date(0); p(d).name_zh = new String('名'); z(d).figures[0].value = new Number(3); p(d).sources[0] = new Map(); }],
  ];
  const strings: Edit[] = [
    ['unusual blanks', (d) => { p(d).name_zh = '\u3000'; p(d).name_en = '\u00a0'; p(d).capacity_zh = '\ufeff'; p(d).capacity_en = '\u200b'; p(d).company_zh = '\n x '; p(d).company_en = '\u2028'; z(d).name_zh = '\t'; z(d).name_en = '\u1680'; z(d).short_zh = '\u180e'; z(d).short_en = '\u0085'; }],
    ['blank-edged ids and refs', (d) => { p(d).id = ' cz-x'; p(d).zone_id = 'changzhi-htz '; z(d).id = 'qingxu-edz\n'; p(d).sources[0].ref = ' 001_4f9f2cb257c74665.txt'; p(d).history[0].source = ' 001_4f9f2cb257c74665.txt'; }],
    ['lone surrogates and control characters', (d) => { p(d).name_zh = '\ud800'; p(d).id = 'a\u0000b'; z(d).city = '\udc00市'; p(d).sources[1].url = 'https://example.org/\ud800'; }],
    ['signed zeros and extreme numbers', (d) => { p(d).investment_cny = -0; z(d).area_km2 = 5e-324; z(d).figures[0].value = -0; d.projects.features[1].geometry.coordinates = [-0, 1e-320]; d.projects.features[0].geometry.coordinates = [180, -90]; p(d).output_cny = 1.7976931348623157e308; p(d).output_basis = 'actual'; }],
    ['dates at the edges', (d) => { p(d).status_date = '2021-11'; p(d).history[2].date = '2021-11-00'; p(d).history[1].date = '2100-12-31'; z(d).established = '1900'; z(d).figures[0].as_of = '2000-02-29'; p(d).sources[0].date = '1900-02-29'; }],
  ];
  const group = (title: string, edits: Edit[]): GoldenCase => ({
    name: `quirks: ${title}`,
    run: () =>
      edits.flatMap(([label, edit]) => {
        const d = small();
        edit(d);
        return dataset(d.zones, d.projects).map((r) => [label, ...r]);
      }),
  });
  return [group('sparse arrays', sparse), group('prototype keys and objects', keys), group('strings and numbers', strings)];
}

// ---------------------------------------------------------------------------------------------
// Seeded random breakage

/** Every path a feature's checks read, as found in the feature itself, plus the shell. */
function pathsOf(feature: Json): Path[] {
  const out: Path[] = [...SHELL_PATHS, ['geometry', 'coordinates', 0], ['geometry', 'coordinates', 1]];
  const props = feature.properties ?? {};
  for (const k of [...Object.keys(props), 'extra']) {
    out.push(['properties', k]);
    const v = props[k];
    if (Array.isArray(v))
      v.forEach((x, i) => {
        out.push(['properties', k, i]);
        if (x && typeof x === 'object') for (const kk of [...Object.keys(x), 'extra']) out.push(['properties', k, i, kk]);
      });
  }
  return out;
}

/** Breaks `count` things in the dataset, chosen by `rand`: a field set to an odd value, a feature repeated or replaced. */
export function breakRandomly(d: { zones: Json; projects: Json }, rand: () => number, count: number): void {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  for (let i = 0; i < count; i++) {
    const kind = rand() < 0.3 ? 'zones' : 'projects';
    const features = d[kind].features;
    const r = rand();
    if (r < 0.05) {
      // a duplicate of another feature
      features.push(structuredClone(pick(features)));
      continue;
    }
    if (r < 0.08) {
      features.splice(Math.floor(rand() * features.length), 0, pick([null, 42, 'x', [], {}]));
      continue;
    }
    const f = pick(features);
    if (!f || typeof f !== 'object' || Array.isArray(f)) continue;
    const path = pick(pathsOf(f));
    const last = String(path[path.length - 1]);
    const specific = SPECIFIC[last] ?? [];
    const value = specific.length && rand() < 0.5 ? pick(specific) : pick(ODD)[1];
    setAt(f, path, value === DELETE ? DELETE : structuredClone(value));
  }
}

function randomCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (let seed = 1; seed <= 12; seed++)
    cases.push({
      name: `random: shipped data, seed ${seed}`,
      run: () => {
        const d = { zones: zones(), projects: projects() };
        breakRandomly(d, mulberry32(seed), 30);
        return dataset(d.zones, d.projects);
      },
    });
  for (let seed = 101; seed <= 104; seed++)
    cases.push({
      name: `random: 1000 synthetic projects, seed ${seed}`,
      run: () => {
        const z = zones();
        const d = { zones: z, projects: syntheticProjects({ count: 1000, seed, zones: z, province: PROVINCE }) as Json };
        breakRandomly(d, mulberry32(seed), 50);
        return dataset(d.zones, d.projects);
      },
    });
  return cases;
}

// ---------------------------------------------------------------------------------------------
// The exported helpers

function helperCases(): GoldenCase[] {
  const dates: string[] = [];
  for (const y of ['1899', '1900', '2024', '2023', '2100', '2101', '0000', '20245', '202'])
    for (const m of ['', '-00', '-01', '-02', '-04', '-12', '-13', '-1', '-001'])
      for (const day of ['', '-00', '-01', '-28', '-29', '-30', '-31', '-32', '-1']) dates.push(`${y}${m}${day}`);
  const oddDates = ['', ' 2021', '2021 ', '2021\n', '+2021', '２０２１', '٢٠٢١', '2021/08', '2021-08-01T00:00', '2021-8', '21', '2021-', '2021--01', '1e3'];
  const urls = [
    ...urlPayloads(3),
    'http://www.zggxqzz.cn/a.html', 'https://example.org', 'HTTP://EXAMPLE.ORG', 'hTtPs://x.y/z?q=1#f', 'https://', 'http://', 'https:///x',
    'https://a b', 'https://a\u00a0b', 'https://a\u2028b', 'https://例子.测试/路径', 'http://[::1]/', 'http://127.0.0.1:8080/x', 'http://:80/',
    'http://user:pw@host/', 'https:example.org', 'https:\\\\example.org', 'http://%zz/', 'http://exa mple.org', ' https://example.org', 'https://example.org ',
  ];
  const quoted: [string, unknown][] = [
    ['undefined', undefined], ['null', null], ['NaN', NaN], ['-Infinity', -Infinity], ['1.5', 1.5], ['"a\\"b"', 'a"b'], ['fn', () => 1],
    ['symbol', Symbol('s')], ['bigint', 10n], ['[1,{"a":[2]}]', [1, { a: [2] }]], ['79 chars', 'x'.repeat(77)], ['80 chars', 'x'.repeat(78)],
    ['81 chars', 'x'.repeat(79)], ['long CJK', '长'.repeat(100)], ['deep', nested(100_000)], ['lone surrogate', '\ud800x'],
  ];
  const partials = ['2021', '2021-08', '2021-08-01', '2021-09', '2022', '2020-12-31', '2021-1', '20', ''];
  return [
    { name: 'isPartialDate: the dates it accepts', run: () => [...dates, ...oddDates].filter((d) => isPartialDate(d)).map((d) => [d]) },
    { name: 'isPartialDate: non-strings', run: () => [null, undefined, 2021, ['2021'], { d: '2021' }].map((v) => [quote(v), String(isPartialDate(v))]) },
    { name: 'isHttpUrl', run: () => [...urls, 5, null].map((u) => [quote(u), String(isHttpUrl(u))]) },
    { name: 'quote', run: () => quoted.map(([label, v]) => [label, quote(v)]) },
    { name: 'isBefore', run: () => partials.flatMap((a) => partials.filter((b) => isBefore(a, b)).map((b) => [a, b])) },
    {
      name: 'detectKind',
      run: () =>
        [zones(), projects(), null, [], { features: [] }, { features: [null, { properties: { status: 1 } }] }, { features: [{ properties: { figures: [] } }] }, { features: [{ properties: {} }] }].map(
          (j, i) => [String(i), detectKind(j)],
        ),
    },
    {
      name: 'parseDataText',
      run: () =>
        ['', '  \n', '\ufeff', '\ufeff{}', '{', '{"a":1}', '[1,]', '\ufeff\ufeff{}', 'nul'].map((t) => {
          const r = parseDataText(t, 'f');
          return [quote(t), r.note, r.problem ? r.problem.message : null, quote(r.json)];
        }),
    },
  ];
}

/** Every golden case, in the snapshot's order. */
export function goldenCases(): GoldenCase[] {
  return [...fileCases(), ...malformedCases(), ...fieldCases(), ...quirkCases(), ...randomCases(), ...helperCases()];
}
