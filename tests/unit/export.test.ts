import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BOM,
  PROJECT_CSV_COLUMNS,
  ZONE_CSV_COLUMNS,
  csvCell,
  exportFileName,
  toCsv,
  toGeoJsonText,
  zonesToCsv,
} from '../../src/data/export.js';
import { collectSources, dataAsOf } from '../../src/data/sources.js';
import type {
  ProjectCollection,
  ProjectFeature,
  ProjectProperties,
  Source,
  ZoneCollection,
  ZoneFeature,
  ZoneProperties,
} from '../../src/data/schema.js';
import { makeProject, makeZone } from './factories.js';

/** A tiny RFC 4180 parser: quoted fields, doubled quotes, CRLF or LF inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

/** Rows as objects keyed by the header. */
function records(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv.slice(1));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

const src = (ref: string, extra: Partial<Source> = {}): Source => ({
  ref,
  publisher: '太原日报',
  title: `标题 ${ref}`,
  date: '2024-09-05',
  ...extra,
});

const zone = (id: string, extra: Partial<ZoneProperties> = {}): ZoneFeature =>
  makeZone(
    id,
    {
      name_zh: `${id}开发区`,
      name_en: `${id} Zone`,
      level: 'national',
      kind: 'high-tech',
      city: '长治市',
      county: '潞州区',
      industries: ['semiconductors', 'equipment'],
      established: '1992',
      area_km2: 29.99,
      location_basis: 'district-seat',
      ...extra,
    },
    [112.55, 37.87],
  );

const project = (id: string, extra: Partial<ProjectProperties> = {}): ProjectFeature =>
  makeProject(
    id,
    { zone_id: 'cz', industry: 'new-energy', investment_cny: 4.94e9, status: 'under-construction', status_date: '2021-12', ...extra },
    [113.1, 36.2],
  );

const zonesById = new Map([['cz', zone('cz')]]);

describe('csvCell', () => {
  it('quotes commas, quotes and newlines (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('plain 中文')).toBe('plain 中文');
  });

  it('guards text that a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(s).replace(/^"|"$/g, '')).toBe(`'${s}`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a=b')).toBe('a=b');
    // Found by hand: after white space some spreadsheets trim (no-break, ideographic), fullwidth
    // signs, and `;` where a spreadsheet splits on it.
    for (const s of [' =1+1', '\u00a0=1+1', '\u3000=1+1', '\uff1d1+1', '\uff0b1', '  @SUM(A1)']) expect(csvCell(s).replace(/^"|"$/g, '')).toBe(`'${s}`);
    expect(csvCell('safe;=HYPERLINK("x")')).toBe('"safe;=HYPERLINK(""x"")"');
    expect(csvCell('a - b')).toBe('a - b');
    // Review: characters a spreadsheet may drop or skip before the sign (control characters,
    // zero-width and byte-order marks), and the small-form signs ﹦﹢﹣﹫.
    for (const s of ['\u0000=1+1', '\u000b=1+1', '\u200b=1+1', '\u2060=1', '\ufeff=1+1', '\ufe66 1+1', '\ufe62 1', '\ufe63 1', '\ufe6bSUM(A1)', '\u200b \u0000+1']) {
      expect(csvCell(s).replace(/^"|"$/g, ''), JSON.stringify(s)).toBe(`'${s}`);
    }
    expect(csvCell('\u200bplain')).toBe('\u200bplain');
  });

  it('keeps numbers numeric, negative ones too, as plain digits', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(4.94e9)).toBe('4940000000');
    expect(csvCell(1.2e21)).toBe('1200000000000000000000');
    expect(csvCell(112.55)).toBe('112.55');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(NaN)).toBe('');
  });

  it('writes null and undefined as empty cells', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  const projects = [
    project('p1', {
      name_zh: '=cmd|" /C calc"!A0',
      name_en: 'Line one\nline two, "quoted"',
      capacity_zh: '年产56GW',
      capacity_en: '56 GW a year',
      output_cny: 1.2e9,
      output_basis: 'planned',
      sources: [src('000_a.txt', { url: 'http://example.org/a' }), src('001_b.txt', { url: 'javascript:alert(1)' })],
    }),
    project('p2', { investment_cny: null, zone_id: 'missing' }),
  ];

  it('starts with a BOM, has a header of English ids and one row per project', () => {
    const csv = toCsv(projects, zonesById, 'zh');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...PROJECT_CSV_COLUMNS]);
    expect(rows).toHaveLength(projects.length + 1);
    for (const r of rows) expect(r).toHaveLength(PROJECT_CSV_COLUMNS.length);
  });

  it('round-trips names through quoting, with formulas guarded', () => {
    const [p1] = records(toCsv(projects, zonesById, 'en'));
    expect(p1!.name_zh).toBe(`'=cmd|" /C calc"!A0`);
    expect(p1!.name_en).toBe('Line one\nline two, "quoted"');
    expect(p1!.zone_name_zh).toBe('cz开发区');
    expect(p1!.city).toBe('Changzhi');
    expect(p1!.industry).toBe('New energy & storage');
    expect(p1!.status).toBe('Under construction');
    expect(p1!.status_date).toBe('2021-12');
    expect(p1!.capacity).toBe('56 GW a year');
    expect(p1!.output_basis).toBe('Planned');
    expect(p1!.longitude).toBe('113.1');
    expect(p1!.latitude).toBe('36.2');
  });

  it('writes labels in the language asked for', () => {
    const [p1] = records(toCsv(projects, zonesById, 'zh'));
    expect(p1!.city).toBe('长治市');
    expect(p1!.status).toBe('在建');
    expect(p1!.capacity).toBe('年产56GW');
  });

  it('writes figures as plain digits and undisclosed ones as empty (never 0)', () => {
    const [p1, p2] = records(toCsv(projects, zonesById, 'zh'));
    expect(p1!.investment_cny).toBe('4940000000');
    expect(p1!.output_cny).toBe('1200000000');
    expect(p2!.investment_cny).toBe('');
    expect(p2!.output_cny).toBe('');
    expect(p2!.output_basis).toBe('');
    expect(p2!.zone_name_zh).toBe('');
    expect(p2!.city).toBe('');
  });

  it('lists sources as publisher, date and http(s) URL or ref', () => {
    const [p1] = records(toCsv(projects, zonesById, 'zh'));
    expect(p1!.sources).toBe('太原日报 2024-09-05 http://example.org/a | 太原日报 2024-09-05 001_b.txt');
  });
});

describe('zonesToCsv', () => {
  it('has one row per zone, joined industries, figures, and empty cells for unknowns', () => {
    const zones = [
      zone('cz', {
        figures: [
          { key: 'output_cny', label_zh: '营业收入', label_en: 'Revenue', value: 1.5e10, unit: 'cny', as_of: '2024', source: 'x' },
        ],
      }),
      {
        ...zone('tx', { area_km2: null, established: null, county: null, location_basis: 'member-counties' }),
        geometry: { type: 'Polygon', coordinates: [[[112, 38], [113, 38], [113, 39], [112, 38]]] },
      } as ZoneFeature,
    ];
    const csv = zonesToCsv(zones, 'en');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(parseCsv(csv.slice(1))[0]).toEqual([...ZONE_CSV_COLUMNS]);
    const [cz, tx] = records(csv);
    expect(cz!.industries).toBe('Semiconductors & optoelectronics; Equipment manufacturing');
    expect(cz!.area_km2).toBe('29.99');
    expect(cz!.figures).toBe('Revenue (2024): CNY 15 bn');
    expect(cz!.verified).toBe('true');
    expect(tx!.area_km2).toBe('');
    expect(tx!.established).toBe('');
    expect(tx!.longitude).toBe('');
    expect(tx!.latitude).toBe('');
  });
});

describe('toGeoJsonText', () => {
  it('is a FeatureCollection of exactly the given features', () => {
    const features = [project('a'), project('b')];
    const text = toGeoJsonText(features);
    const parsed = JSON.parse(text);
    expect(parsed.type).toBe('FeatureCollection');
    expect(parsed.features).toEqual(features);
    expect(text.split('\n')).toHaveLength(5); // open, 2 features, close, trailing newline
    expect(JSON.parse(toGeoJsonText([])).features).toEqual([]);
  });
});

describe('exportFileName', () => {
  it('names the kind and the local date', () => {
    expect(exportFileName('projects', 'csv', new Date(2026, 10, 22, 23, 59))).toBe('shanxi-projects-2026-11-22.csv');
    expect(exportFileName('zones', '.geojson', new Date(2026, 0, 5))).toBe('shanxi-zones-2026-01-05.geojson');
    expect(exportFileName('map', 'png', new Date(2026, 0, 5))).toBe('shanxi-map-2026-01-05.png');
  });
});

describe('collectSources', () => {
  const a = src('000_a.txt', { publisher: '科技日报', date: '2021-08' });
  const b = src('http://b.example/1', { publisher: 'China Daily', url: 'http://b.example/1', date: '2017-03-03' });
  const c1 = src('003_c.txt', { publisher: '科学导报', title: '第一篇', date: '2025' });
  const c2 = src('003_c.txt', { publisher: '科学导报', title: '第二篇', date: '2025', url: 'https://c.example' });
  const zones = [zone('z1', { sources: [a, b] }), zone('z2', { sources: [a] })];
  const projects = [project('p1', { sources: [a, c1, c2] }), project('p2', { sources: [c2] })];

  it('lists each ref once with who cites it', () => {
    const uses = collectSources(zones, projects);
    // Code-point order: 科学 (U+5B66) before 科技 (U+6280).
    expect(uses.map((u) => u.source.ref)).toEqual(['http://b.example/1', '003_c.txt', '000_a.txt']);
    const [ub, uc, ua] = uses;
    expect(ua).toMatchObject({ count: 3, zoneCount: 2, projectCount: 1, usedBy: ['z1', 'z2', 'p1'] });
    expect(ub).toMatchObject({ count: 1, zoneCount: 1, projectCount: 0, usedBy: ['z1'] });
    expect(uc).toMatchObject({ count: 2, projectCount: 2, usedBy: ['p1', 'p2'] });
    expect(uc!.titles).toEqual(['第一篇', '第二篇']);
    expect(uc!.source.url).toBe('https://c.example'); // filled from the later copy
  });

  it('sorts by publisher, then date', () => {
    const x = src('x', { publisher: 'Same', date: '2020' });
    const y = src('y', { publisher: 'same', date: '2019-05' });
    expect(collectSources([zone('z', { sources: [x, y] })], []).map((u) => u.source.ref)).toEqual(['y', 'x']);
  });

  it('is empty without data', () => {
    expect(collectSources([], [])).toEqual([]);
    expect(dataAsOf([], [])).toBe('');
  });
});

describe('dataAsOf', () => {
  it('is the newest source date at its own precision, ignoring malformed dates', () => {
    const zones = [zone('z', { sources: [src('a', { date: '2024-09-05' }), src('b', { date: 'n.d.' })] })];
    expect(dataAsOf(zones, [])).toBe('2024-09-05');
    expect(dataAsOf(zones, [project('p', { sources: [src('c', { date: '2025' })] })])).toBe('2025');
    expect(dataAsOf(zones, [project('p', { sources: [src('c', { date: '2024' })] })])).toBe('2024-09-05');
  });
});

describe('the shipped data', () => {
  const zones = JSON.parse(readFileSync('data/zones.geojson', 'utf8')) as ZoneCollection;
  const projects = JSON.parse(readFileSync('data/projects.geojson', 'utf8')) as ProjectCollection;
  const byId = new Map(zones.features.map((z) => [z.properties.id, z]));

  it('exports one CSV row per project and per zone, each with every column', () => {
    const p = parseCsv(toCsv(projects.features, byId, 'zh').slice(1));
    expect(p).toHaveLength(projects.features.length + 1);
    for (const r of p) expect(r).toHaveLength(PROJECT_CSV_COLUMNS.length);
    const z = parseCsv(zonesToCsv(zones.features, 'en').slice(1));
    expect(z).toHaveLength(zones.features.length + 1);
    for (const r of z) expect(r).toHaveLength(ZONE_CSV_COLUMNS.length);
  });

  it('never writes 0 for an undisclosed investment', () => {
    const rows = records(toCsv(projects.features, byId, 'en'));
    projects.features.forEach((f, i) => {
      if (f.properties.investment_cny === null) expect(rows[i]!.investment_cny).toBe('');
      else expect(Number(rows[i]!.investment_cny)).toBe(f.properties.investment_cny);
    });
  });

  it('collects every cited ref exactly once', () => {
    const refs = new Set([...zones.features, ...projects.features].flatMap((f) => f.properties.sources.map((s) => s.ref.trim())));
    const listed = collectSources(zones.features, projects.features).map((u) => u.source.ref);
    expect(new Set(listed).size).toBe(listed.length);
    expect(new Set(listed)).toEqual(refs);
  });
});
