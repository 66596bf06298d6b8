/**
 * The validator: the shipped data passes, and each kind of broken copy (made here from the real
 * data by one mutation, or read from tests/fixtures/) yields a problem naming the right id and field.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import {
  formatProblem,
  isHttpUrl,
  isPartialDate,
  MAX_PROBLEMS,
  MONEY_MIN,
  NAME_MAX,
  parseDataText,
  problemCount,
  SHANXI_KM2,
  validateDataset,
  validateProjects,
  validateZones,
  type Problem,
} from '../../src/data/validate.js';
import { MAX_PROJECT_DISTANCE_KM, validateGeography } from '../../src/data/validate-geo.js';
import { ZONE_LABEL_MAX } from '../../src/map/data-layers.js';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const ZONES = read('data/zones.geojson');
const PROJECTS = read('data/projects.geojson');
const GEO = { province: read('geo/province.geojson') as FeatureCollection, cities: read('geo/cities.geojson') as FeatureCollection };
const ZF = 'data/zones.geojson';
const PF = 'data/projects.geojson';

type Json = { type: string; features: { type: string; properties: Record<string, any>; geometry: any }[] };
const clone = (): { zones: Json; projects: Json } => ({ zones: structuredClone(ZONES), projects: structuredClone(PROJECTS) });
const zoneOf = (d: { zones: Json }, id: string) => d.zones.features.find((f) => f.properties.id === id)!;
const projectOf = (d: { projects: Json }, id: string) => d.projects.features.find((f) => f.properties.id === id)!;

/** All problems of a (possibly mutated) dataset: schema and geography. */
function check(d: { zones: unknown; projects: unknown }): Problem[] {
  return [...validateDataset(d.zones, d.projects), ...validateGeography(d.zones, d.projects, GEO)];
}

function expectProblem(problems: Problem[], want: { file?: string; id: string | null; field: string | RegExp; message?: RegExp }) {
  const hit = problems.find(
    (p) =>
      p.id === want.id &&
      (want.file === undefined || p.file === want.file) &&
      (typeof want.field === 'string' ? p.field === want.field : want.field.test(p.field ?? '')) &&
      (want.message === undefined || want.message.test(p.message)),
  );
  expect(hit, `expected a problem ${JSON.stringify({ ...want, field: String(want.field), message: String(want.message) })} in:\n${problems.map(formatProblem).join('\n')}`).toBeDefined();
}

describe('shipped data', () => {
  it('validates with zero problems', () => {
    const problems = check({ zones: ZONES, projects: PROJECTS });
    expect(problems.map(formatProblem)).toEqual([]);
  });
});

describe('broken copies', () => {
  it('not JSON', () => {
    const r = parseDataText(readFileSync('tests/fixtures/not-json.geojson', 'utf8'), 'tests/fixtures/not-json.geojson');
    expect(r.problem).not.toBeNull();
    expect(formatProblem(r.problem!)).toMatch(/^tests\/fixtures\/not-json\.geojson: -: -: not valid JSON/);
  });

  it('empty file', () => {
    const r = parseDataText(readFileSync('tests/fixtures/empty.geojson', 'utf8'), 'empty.geojson');
    expect(r.problem?.message).toBe('the file is empty');
    expect(parseDataText('  \n', 'x').problem?.message).toBe('the file is empty');
  });

  it('a BOM is noted, stripped, and the file still validated', () => {
    const r = parseDataText(readFileSync('tests/fixtures/bom-zones.geojson', 'utf8'), 'bom-zones.geojson');
    expect(r.problem).toBeNull();
    expect(r.note).toMatch(/byte-order mark/);
    expect(validateZones(r.json, 'bom-zones.geojson')).toEqual([]);
    // and a broken file behind a BOM is still reported
    const broken = parseDataText('\ufeff{"type":"FeatureCollection","features":[]}', 'b.geojson');
    expect(validateZones(broken.json, 'b.geojson').map((p) => p.message)).toContain('the collection is empty');
  });

  it('a UTF-16 file is named as such; other bytes that are not UTF-8 are refused too', () => {
    const json = JSON.stringify({ type: 'FeatureCollection', features: [] });
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]),
      Buffer.from(json, 'utf16le'),
    ]) {
      const r = parseDataText(new TextDecoder().decode(bytes), 'u.geojson');
      expect(r.problem?.message).toMatch(/not UTF-8: it looks like UTF-16/);
    }
    const latin1 = parseDataText(new TextDecoder().decode(Buffer.from('{"name":"Café"}', 'latin1')), 'l.geojson');
    expect(latin1.problem?.message).toMatch(/^the file is not UTF-8: it has bytes UTF-8 does not allow/);
    expect(latin1.json).toBeUndefined();
    expect(parseDataText('{"name":"Café"}', 'ok.geojson').note).toBeNull();
  });

  it('wrong geometry type', () => {
    const d = clone();
    projectOf(d, 'cz-taihang-data-lake').geometry = { type: 'LineString', coordinates: [[113.1, 36.2], [113.2, 36.3]] };
    expectProblem(check(d), { file: PF, id: 'cz-taihang-data-lake', field: 'geometry.type', message: /LineString/ });
    const fixture = read('tests/fixtures/projects-wrong-geometry.geojson');
    expectProblem(validateProjects(fixture, 'f.geojson', ZONES), { id: 'll-55mw-hydrogen', field: 'geometry.type' });
  });

  it('an invented outline (a polygon without member-counties)', () => {
    const d = clone();
    zoneOf(d, 'qingxu-edz').geometry = { type: 'Polygon', coordinates: [[[112.3, 37.6], [112.4, 37.6], [112.4, 37.7], [112.3, 37.6]]] };
    expectProblem(check(d), { id: 'qingxu-edz', field: 'geometry.type', message: /member-counties/ });
  });

  it('an outline that crosses itself (two vertices swapped)', () => {
    const d = clone();
    const ring = zoneOf(d, 'taixin').geometry.coordinates[0] as number[][];
    [ring[10], ring[250]] = [ring[250]!, ring[10]!];
    expectProblem(check(d), { file: ZF, id: 'taixin', field: 'geometry.coordinates', message: /the outline crosses itself at \[\d+\.\d{4}, \d+\.\d{4}\]/ });
    expect(check(clone()).filter((p) => /crosses itself/.test(p.message))).toEqual([]);
  });

  it('missing field', () => {
    const d = clone();
    delete zoneOf(d, 'jincheng-etdz').properties.name_zh;
    delete projectOf(d, 'cz-zhongji-hydrogen-base').properties.status_date;
    const problems = check(d);
    expectProblem(problems, { file: ZF, id: 'jincheng-etdz', field: 'name_zh', message: /missing/ });
    expectProblem(problems, { file: PF, id: 'cz-zhongji-hydrogen-base', field: 'status_date', message: /missing/ });
  });

  it('wrong type', () => {
    const d = clone();
    projectOf(d, 'cz-zhongji-hydrogen-base').properties.investment_cny = '49.4亿元';
    zoneOf(d, 'yangquan-htz').properties.verified = 'yes';
    const problems = check(d);
    expectProblem(problems, { id: 'cz-zhongji-hydrogen-base', field: 'investment_cny', message: /expected a finite number/ });
    expectProblem(problems, { id: 'yangquan-htz', field: 'verified', message: /true or false/ });
  });

  it('unknown enum values and industry ids', () => {
    const d = clone();
    projectOf(d, 'trz-jinko-56gw-base').properties.status = 'finished';
    projectOf(d, 'trz-jinko-56gw-base').properties.history[0].status = 'finished';
    projectOf(d, 'yq-baidu-cloud-expansion').properties.industry = 'cloud';
    zoneOf(d, 'linfen-edz').properties.level = 'county';
    zoneOf(d, 'linfen-edz').properties.industries = ['new-energy', 'mining'];
    const problems = check(d);
    expectProblem(problems, { id: 'trz-jinko-56gw-base', field: 'status', message: /"finished" is not one of planned/ });
    expectProblem(problems, { id: 'trz-jinko-56gw-base', field: 'history[0].status' });
    expectProblem(problems, { id: 'yq-baidu-cloud-expansion', field: 'industry' });
    expectProblem(problems, { id: 'linfen-edz', field: 'level' });
    expectProblem(problems, { id: 'linfen-edz', field: 'industries[1]', message: /not an industry layer id/ });
  });

  it('unknown field (a typo)', () => {
    const d = clone();
    projectOf(d, 'cz-cps-lfp-cathode').properties.investment = 1;
    expectProblem(check(d), { id: 'cz-cps-lfp-cathode', field: 'investment', message: /unknown field/ });
  });

  it('NaN coordinate', () => {
    const d = clone();
    projectOf(d, 'cz-5g-electronics-base').geometry.coordinates = [NaN, 36.2];
    expectProblem(check(d), { id: 'cz-5g-electronics-base', field: 'geometry.coordinates', message: /longitude is NaN, not a finite number/ });
  });

  it('out-of-range coordinate', () => {
    const d = clone();
    zoneOf(d, 'houma-edz').geometry.coordinates = [211.37, 35.62];
    expectProblem(check(d), { id: 'houma-edz', field: 'geometry.coordinates', message: /out of range/ });
  });

  it('swapped longitude and latitude (lands outside Shanxi)', () => {
    const d = clone();
    const f = projectOf(d, 'lf-zhongpin-cold-chain');
    f.geometry.coordinates = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
    expectProblem(check(d), { id: 'lf-zhongpin-cold-chain', field: 'geometry.coordinates', message: /swapped/ });
  });

  it('a point outside Shanxi, and one in the wrong city', () => {
    const d = clone();
    projectOf(d, 'qx-yaxin-solvents').geometry.coordinates = [116.4, 39.9]; // Beijing
    zoneOf(d, 'changzhi-htz').geometry.coordinates = [112.55, 37.86]; // Taiyuan
    const problems = check(d);
    expectProblem(problems, { file: PF, id: 'qx-yaxin-solvents', field: 'geometry.coordinates', message: /outside Shanxi/ });
    expectProblem(problems, { file: ZF, id: 'changzhi-htz', field: 'geometry.coordinates', message: /not in 长治市/ });
  });

  it(`a project more than ${MAX_PROJECT_DISTANCE_KM} km from its zone`, () => {
    const d = clone();
    projectOf(d, 'll-3mw-green-hydrogen-station').geometry.coordinates = [111.5, 37.3]; // Lüliang city, far from Lishi
    expectProblem(check(d), { id: 'll-3mw-green-hydrogen-station', field: 'geometry.coordinates', message: /km from its zone lvliang-etdz/ });
  });

  it('duplicate id', () => {
    const d = clone();
    d.zones.features.push(structuredClone(zoneOf(d, 'xinzhou-edz')));
    d.projects.features[1]!.properties.id = d.projects.features[0]!.properties.id;
    const problems = check(d);
    expectProblem(problems, { file: ZF, id: 'xinzhou-edz', field: 'id', message: /duplicate id/ });
    expectProblem(problems, { file: PF, id: d.projects.features[0]!.properties.id, field: 'id', message: /duplicate id/ });
  });

  it('unresolved zone_id and parent_id', () => {
    const d = clone();
    projectOf(d, 'jc-jinshi-equipment-park').properties.zone_id = 'jincheng-edz';
    zoneOf(d, 'taiyuan-htz').properties.parent_id = 'shanxi-zgq';
    const problems = check(d);
    expectProblem(problems, { id: 'jc-jinshi-equipment-park', field: 'zone_id', message: /not in the zones file/ });
    expectProblem(problems, { id: 'taiyuan-htz', field: 'parent_id', message: /not a zone in this file/ });
  });

  it('figure without a source, or with a source the zone does not cite', () => {
    const d = clone();
    delete zoneOf(d, 'changzhi-htz').properties.figures[0].source;
    zoneOf(d, 'yangquan-htz').properties.figures[0].source = '009_0000000000000000.txt';
    const problems = check(d);
    expectProblem(problems, { id: 'changzhi-htz', field: 'figures[0].source', message: /must name its source/ });
    expectProblem(problems, { id: 'yangquan-htz', field: 'figures[0].source', message: /not the ref of one of this zone's sources/ });
  });

  it('a project figure no source supports', () => {
    const d = clone();
    for (const s of projectOf(d, 'trz-taishan-glass-fibre').properties.sources) s.fields = (s.fields ?? []).filter((f: string) => f !== 'investment_cny');
    expectProblem(check(d), { id: 'trz-taishan-glass-fibre', field: 'investment_cny', message: /no source lists investment_cny/ });
  });

  it('javascript: URL', () => {
    const d = clone();
    projectOf(d, 'cz-taihang-data-lake').properties.sources[0].url = 'javascript:alert(1)';
    zoneOf(d, 'datong-etdz').properties.sources[0].ref = 'javascript:alert(1)';
    const problems = check(d);
    expectProblem(problems, { id: 'cz-taihang-data-lake', field: 'sources[0].url', message: /not an http\(s\) URL/ });
    expectProblem(problems, { id: 'datong-etdz', field: 'sources[0].ref' });
    expect(isHttpUrl('http://www.zggxqzz.cn/a.html')).toBe(true);
    expect(isHttpUrl('data:text/html,x')).toBe(false);
  });

  it('empty collection', () => {
    const d = clone();
    d.projects.features = [];
    expectProblem(check(d), { file: PF, id: null, field: 'features', message: /empty/ });
    expectProblem(validateZones({ type: 'Feature' }, ZF), { id: null, field: 'type', message: /FeatureCollection/ });
  });

  it('bad dates', () => {
    const d = clone();
    projectOf(d, 'cz-taihang-data-lake').properties.status_date = '2021-13';
    projectOf(d, 'cz-taihang-data-lake').properties.history[0].date = '2021-13';
    zoneOf(d, 'qingxu-edz').properties.established = '2018年';
    zoneOf(d, 'changzhi-htz').properties.figures[0].as_of = '2021-02-30';
    const problems = check(d);
    expectProblem(problems, { id: 'cz-taihang-data-lake', field: 'status_date', message: /not a date/ });
    expectProblem(problems, { id: 'qingxu-edz', field: 'established' });
    expectProblem(problems, { id: 'changzhi-htz', field: 'figures[0].as_of' });
    expect(['2021', '2021-08', '2024-02-29'].every(isPartialDate)).toBe(true);
    expect(['21', '2021-8', '2023-02-29', '2021/08'].some(isPartialDate)).toBe(false);
  });

  it('a current status that is not the newest report', () => {
    const d = clone();
    const p = projectOf(d, 'cz-semiconductor-optoelectronics-park').properties;
    p.status = 'under-construction';
    p.status_date = '2021-08';
    expectProblem(check(d), { id: 'cz-semiconductor-optoelectronics-park', field: 'status_date', message: /newest history event/ });
  });

  it('formats a problem as one line', () => {
    expect(formatProblem({ file: 'a.geojson', id: 'x', field: 'y', message: 'z' })).toBe('a.geojson: x: y: z');
    expect(formatProblem({ file: 'a.geojson', id: null, field: null, message: 'z' })).toBe('a.geojson: -: -: z');
  });
});

describe('bounds and blanks found by review', () => {
  it('an area larger than Shanxi (a zone\'s area_km2 and its km2 figures)', () => {
    const d = clone();
    zoneOf(d, 'changzhi-htz').properties.area_km2 = 1e20;
    zoneOf(d, 'shanxi-trz').properties.figures[4].value = 600_000;
    zoneOf(d, 'trz-jinzhong').properties.area_km2 = SHANXI_KM2; // as large as the province: allowed
    const problems = validateDataset(d.zones, d.projects);
    expectProblem(problems, { file: ZF, id: 'changzhi-htz', field: 'area_km2', message: /^is 100000000000000000000 km², larger than Shanxi \(156,700 km²\)/ });
    expectProblem(problems, { file: ZF, id: 'shanxi-trz', field: 'figures[4].value', message: /larger than Shanxi/ });
    expect(problems.map(formatProblem)).toHaveLength(2);
  });

  it('a project whose id is also a zone\'s id', () => {
    const d = clone();
    projectOf(d, 'cz-taihang-data-lake').properties.id = 'changzhi-htz';
    const problems = validateDataset(d.zones, d.projects);
    expectProblem(problems, { file: PF, id: 'changzhi-htz', field: 'id', message: /is also the id of the zone "changzhi-htz" \(长治高新技术产业开发区\)/ });
    expect(problems).toHaveLength(1);
  });

  it('read from bytes: what is not UTF-8 is named by its bytes; a real U+FFFD in UTF-8 is named as such', () => {
    const json = '{"type":"FeatureCollection","features":[]}';
    const cases: [Uint8Array, RegExp | null][] = [
      [Buffer.from(json), null],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]), null],
      [gzipSync(json), /^the file is gzip-compressed/],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]), /looks like UTF-16/],
      [Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xb3, 0xa4, 0xd6, 0xce, 0x22, 0x7d]), /^the file is not UTF-8: it has bytes UTF-8 does not allow/],
      [Buffer.from('{"n":\n"长治\ufffd"}'), /^the file holds U\+FFFD .* \(first on line 2\)/],
    ];
    for (const [bytes, problem] of cases) {
      const r = parseDataText(bytes, 'b.geojson');
      if (problem === null) {
        expect(r.problem).toBeNull();
        expect(r.json).toEqual(JSON.parse(json));
      } else expect(r.problem?.message).toMatch(problem);
    }
    expect(parseDataText(cases[1]![0], 'b.geojson').note).toMatch(/byte-order mark/);
    expect(parseDataText(cases[5]![0], 'b.geojson').problemZh).toMatch(/U\+FFFD/);
  });

  it('a gzip body served without Content-Encoding is named as such, not as UTF-16', () => {
    const bytes = gzipSync(JSON.stringify(PROJECTS));
    for (const text of [new TextDecoder().decode(bytes), bytes.toString('utf8')]) {
      const r = parseDataText(text, 'p.geojson');
      expect(r.problem?.message).toBe('the file is gzip-compressed but was served without Content-Encoding: gzip; serve it with that header, or uncompressed');
      expect(r.problemZh).toMatch(/gzip 压缩/);
    }
  });

  it('a name of direction marks or combining marks only is blank; with visible text it passes', () => {
    const blanks = ['\u200e', '\u200f\u202b\u202c', '\u2066\u2069', '\u061c', '\u0301'.repeat(300), ' \u0301\u200e '];
    for (const name of blanks) {
      const d = clone();
      projectOf(d, 'cz-taihang-data-lake').properties.name_en = name;
      expectProblem(validateDataset(d.zones, d.projects), { id: 'cz-taihang-data-lake', field: 'name_en', message: /^shows nothing/ });
    }
    const d = clone();
    const names = ['\u200fمدينة\u200f', 'שדה\u202c', 'Cafe\u0301 Park', '\u2067Jinzhong\u2069', '\u0301a'];
    d.projects.features.slice(0, names.length).forEach((f, i) => (f.properties.name_en = names[i]));
    expect(validateDataset(d.zones, d.projects).map(formatProblem)).toEqual([]);
  });

  it(`names and short labels at most ${NAME_MAX} characters (the map cuts a label at ${ZONE_LABEL_MAX})`, () => {
    const d = clone();
    zoneOf(d, 'changzhi-htz').properties.short_zh = '长'.repeat(NAME_MAX + 1);
    zoneOf(d, 'changzhi-htz').properties.short_en = 'A'.repeat(NAME_MAX + 1);
    zoneOf(d, 'qingxu-edz').properties.short_en = 'A'.repeat(NAME_MAX);
    zoneOf(d, 'taiyuan-htz').properties.name_en = 'A'.repeat(NAME_MAX + 1);
    const problems = validateDataset(d.zones, d.projects);
    expectProblem(problems, { id: 'changzhi-htz', field: 'short_zh', message: /^is 301 characters long, more than 300$/ });
    expectProblem(problems, { id: 'changzhi-htz', field: 'short_en', message: /^is 301 characters long, more than 300$/ });
    expectProblem(problems, { id: 'taiyuan-htz', field: 'name_en', message: /^is 301 characters long, more than 300$/ });
    expect(problems).toHaveLength(3);
  });

  it('money below 1 万元 (a unit slip) in projects and in zone figures', () => {
    const d = clone();
    projectOf(d, 'cz-taihang-data-lake').properties.investment_cny = 0.4;
    projectOf(d, 'cz-cps-lfp-cathode').properties.investment_cny = 5e-324;
    projectOf(d, 'cz-cps-lfp-cathode').properties.output_cny = 12;
    zoneOf(d, 'changzhi-htz').properties.figures[1].value = 470.75;
    projectOf(d, 'cz-hydrogen-industry-base').properties.investment_cny = MONEY_MIN; // 1 万元 itself: allowed
    const problems = validateDataset(d.zones, d.projects);
    expectProblem(problems, { id: 'cz-taihang-data-lake', field: 'investment_cny', message: /^is 0\.4, below 10,000 yuan \(1 万元\): the amount is in yuan, not 万元 or 亿元$/ });
    expectProblem(problems, { id: 'cz-cps-lfp-cathode', field: 'investment_cny', message: /^is 5e-324, below 10,000 yuan/ });
    expectProblem(problems, { id: 'cz-cps-lfp-cathode', field: 'output_cny', message: /^is 12, below 10,000 yuan/ });
    expectProblem(problems, { file: ZF, id: 'changzhi-htz', field: 'figures[1].value', message: /below 10,000 yuan/ });
    expect(problems).toHaveLength(4);
    // Zero and below stay one line: not positive.
    projectOf(d, 'cz-taihang-data-lake').properties.investment_cny = 0;
    expect(validateDataset(d.zones, d.projects).filter((p) => p.id === 'cz-taihang-data-lake').map((p) => p.message)).toEqual(['is 0, expected a positive number']);
  });

  it('counts, ranks and percents in zone figures are bounded (a count of 1e300 or a rank of -3.5 was drawn)', () => {
    const d = clone();
    const figures = zoneOf(d, 'changzhi-htz').properties.figures;
    const cases: [unknown, string, RegExp][] = [
      [-3.5, 'rank', /^is -3\.5, expected a whole number from 1$/],
      [0, 'rank', /^is 0, expected a whole number from 1$/],
      [1e300, 'count', /^is 1e\+300, more than 100,000,000: is it a count\?$/],
      [-2, 'count', /^is -2, expected a whole number from 0$/],
      [2.5, 'count', /^is 2\.5, expected a whole number from 0$/],
      [-1e20, 'percent', /^is -100000000000000000000 %, outside -100 % to 1000 %$/],
      [1001, 'percent', /^is 1001 %, outside -100 % to 1000 %$/],
    ];
    cases.forEach(([value, unit], i) => Object.assign(figures[i]!, { value, unit }));
    const problems = validateDataset(d.zones, d.projects).filter((p) => p.id === 'changzhi-htz');
    cases.forEach(([, , message], i) => expectProblem(problems, { id: 'changzhi-htz', field: `figures[${i}].value`, message }));
    expect(problems).toHaveLength(cases.length);
    // At the bounds: accepted
    const e = clone();
    const ok: [number, string][] = [[1, 'rank'], [0, 'count'], [1e8, 'count'], [-100, 'percent'], [1000, 'percent'], [12.5, 'percent']];
    ok.forEach(([value, unit], i) => Object.assign(zoneOf(e, 'changzhi-htz').properties.figures[i]!, { value, unit }));
    expect(validateDataset(e.zones, e.projects).map(formatProblem)).toEqual([]);
  });

  it('dates in the future are refused (a source dated 2099 showed "Data as of 2099")', () => {
    const d = clone();
    const p = projectOf(d, 'cz-taihang-data-lake').properties;
    p.sources[0].date = '2099-12-31';
    zoneOf(d, 'qingxu-edz').properties.established = '2100';
    zoneOf(d, 'changzhi-htz').properties.figures[0].as_of = `${new Date().getUTCFullYear() + 1}`;
    const problems = validateDataset(d.zones, d.projects);
    expectProblem(problems, { id: 'cz-taihang-data-lake', field: 'sources[0].date', message: /^"2099-12-31" is in the future: a date says when something was true or published$/ });
    expectProblem(problems, { id: 'qingxu-edz', field: 'established', message: /is in the future/ });
    expectProblem(problems, { id: 'changzhi-htz', field: 'figures[0].as_of', message: /is in the future/ });
    expect(problems).toHaveLength(3);
    // Today itself (in UTC, and in China, a day ahead at most), this month and this year pass
    const e = clone();
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    projectOf(e, 'cz-taihang-data-lake').properties.sources[0].date = today;
    projectOf(e, 'cz-cps-lfp-cathode').properties.sources[0].date = tomorrow;
    zoneOf(e, 'qingxu-edz').properties.established = today.slice(0, 4);
    zoneOf(e, 'changzhi-htz').properties.figures[0].as_of = today.slice(0, 7);
    expect(validateDataset(e.zones, e.projects).map(formatProblem)).toEqual([]);
  });

  it('every shipped money figure is at least 1 万元', () => {
    const amounts = [
      ...PROJECTS.features.flatMap((f: any) => [f.properties.investment_cny, f.properties.output_cny]),
      ...ZONES.features.flatMap((f: any) => f.properties.figures.filter((g: any) => g.unit === 'cny').map((g: any) => g.value)),
    ].filter((v) => v !== null);
    expect(amounts.length).toBeGreaterThan(30);
    expect(amounts.filter((v) => v < MONEY_MIN)).toEqual([]);
  });

  it('an unusable zones file gives one line for the projects, not one per project', () => {
    const unusable: unknown[] = [
      { type: 'FeatureCollection', features: [] },
      { type: 'FeatureCollection' },
      { type: 'FeatureCollection', features: [42, null, {}] },
      [],
      null,
      '"zones"',
      PROJECTS,
    ];
    for (const zones of unusable) {
      const own = validateProjects(PROJECTS, PF, zones);
      expect(own.map(formatProblem)).toEqual([`${PF}: -: zone_id: the projects' zones could not be checked because the zones file is unusable (see its problems): fix the zones file first`]);
      const all = validateDataset(zones, PROJECTS);
      expect(all.filter((p) => p.file === PF)).toHaveLength(1);
    }
    // A usable zones file still resolves every zone_id.
    const d = clone();
    projectOf(d, 'cz-taihang-data-lake').properties.zone_id = 'no-such-zone';
    expectProblem(validateDataset(d.zones, d.projects), { id: 'cz-taihang-data-lake', field: 'zone_id', message: /"no-such-zone" is not in the zones file/ });
  });
});

describe('a file with very many problems', () => {
  it(`lists the first ${MAX_PROBLEMS} of a file, then one line with how many more`, () => {
    const empty = { type: 'FeatureCollection', features: Array.from({ length: 5000 }, () => ({})) };
    const all = validateZones(empty, ZF);
    expect(all).toHaveLength(MAX_PROBLEMS + 1);
    const last = all.at(-1)!;
    expect(last.more).toBeGreaterThan(5000); // several problems per empty feature
    expect(formatProblem(last)).toBe(`${ZF}: -: -: and ${last.more} more problems not listed`);
    expect(problemCount(all)).toBe(MAX_PROBLEMS + last.more!);
    // Each file has its own budget, and a file under it has no such line
    const both = validateDataset(empty, { type: 'FeatureCollection', features: [{}] }, { zones: ZF, projects: PF });
    expect(both.filter((p) => p.more !== undefined)).toHaveLength(1);
    expect(both.filter((p) => p.file === PF).length).toBeGreaterThan(0);
  });
});

describe('npm run validate (CLI)', () => {
  const run = (...files: string[]): { code: number; out: string } => {
    try {
      return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', ...files], { encoding: 'utf8' }) };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { code: err.status, out: err.stdout };
    }
  };
  it('passes the shipped data', () => {
    const r = run();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^OK: \d+ zones, \d+ projects, no problems/m);
  });
  it('gives one clear line for a file that is not JSON or empty, and exits 1', () => {
    const r = run('tests/fixtures/not-json.geojson', 'tests/fixtures/empty.geojson');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^tests\/fixtures\/not-json\.geojson: -: -: not valid JSON: .+$/m);
    expect(r.out).toMatch(/^tests\/fixtures\/empty\.geojson: -: -: the file is empty$/m);
  });
  it('accepts a BOM with a note and still validates', () => {
    const r = run('tests/fixtures/bom-zones.geojson');
    expect(r.out).toMatch(/byte-order mark/);
    expect(r.code).toBe(0);
  });
  it('sorts a projects file by content and reports its problems', () => {
    const r = run('tests/fixtures/projects-wrong-geometry.geojson');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/projects-wrong-geometry\.geojson: ll-55mw-hydrogen: geometry\.type: /);
  });
}, 60_000);
