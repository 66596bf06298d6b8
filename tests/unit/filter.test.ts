import '../../src/data/search.js'; // the pinyin-aware query matcher
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  emptyFilters,
  filterProjects,
  filtersFromParams,
  filtersToParams,
  filterZones,
  indexZones,
  isFiltering,
  parseList,
  zoneIdsOf,
  type Filters,
} from '../../src/data/filter.js';
import { YI, type ProjectFeature, type ProjectProperties, type ZoneFeature, type ZoneProperties } from '../../src/data/schema.js';
import { makeProject, makeZone } from './factories.js';

const zone = (id: string, extra: Partial<ZoneProperties> = {}): ZoneFeature => makeZone(id, extra);

const project = (id: string, extra: Partial<ProjectProperties> = {}): ProjectFeature => makeProject(id, extra);

const zones = [
  zone('ty', { name_zh: '太原高新区', name_en: 'Taiyuan High-tech Zone', level: 'national', industries: ['information-technology'] }),
  zone('cz', { name_zh: '长治高新区', name_en: 'Changzhi High-tech Zone', city: '长治市', level: 'national', industries: ['semiconductors'] }),
  zone('jz', { name_zh: '晋中开发区', name_en: 'Jinzhong Development Zone', city: '晋中市', industries: ['equipment'] }),
  zone('tx', { name_zh: '太忻经济区', name_en: 'Taiyuan–Xinzhou Economic Region', city: '太原市;忻州市', level: 'regional' }),
];
const byId = indexZones(zones);
const projects = [
  project('lx', { name_zh: '龙芯项目', name_en: 'Loongson', zone_id: 'ty', industry: 'information-technology', investment_cny: 10 * YI, status: 'under-construction' }),
  project('pv', { name_zh: '光伏组件', name_en: 'PV modules', zone_id: 'cz', industry: 'new-energy', investment_cny: 50 * YI, status: 'operating' }),
  project('sic', { name_zh: '碳化硅衬底', name_en: 'SiC substrates', zone_id: 'cz', industry: 'semiconductors', investment_cny: null, status: 'signed' }),
  project('gear', { name_zh: '齿轮箱', name_en: 'Gearboxes', zone_id: 'jz', industry: 'equipment', investment_cny: 2 * YI, status: 'under-construction' }),
  project('hub', { name_zh: '物流枢纽', name_en: 'Logistics hub', zone_id: 'tx', industry: 'services-logistics', investment_cny: 5 * YI, status: 'planned' }),
  project('orphan', { zone_id: 'nowhere', industry: 'equipment', investment_cny: 1 * YI }),
];

const f = (over: Partial<Filters>): Filters => ({ ...emptyFilters(), ...over });
const pIds = (filters: Filters) => filterProjects(projects, byId, filters).map((p) => p.properties.id);
const zIds = (filters: Filters, among = zones) =>
  filterZones(among, filters, filterProjects(projects, byId, filters), zoneIdsOf(projects)).map((z) => z.properties.id);

describe('filterProjects', () => {
  it('passes everything with empty filters', () => {
    expect(pIds(f({}))).toEqual(['lx', 'pv', 'sic', 'gear', 'hub', 'orphan']);
    expect(isFiltering(EMPTY_FILTERS)).toBe(false);
    expect(isFiltering(f({ investmentMin: 0 }))).toBe(true);
  });

  it('filters by industry and status', () => {
    expect(pIds(f({ industries: ['semiconductors', 'new-energy'] }))).toEqual(['pv', 'sic']);
    expect(pIds(f({ statuses: ['under-construction'] }))).toEqual(['lx', 'gear']);
    expect(pIds(f({ industries: ['equipment'], statuses: ['under-construction'] }))).toEqual(['gear']);
  });

  it("filters by the zone's city (two-city zones match either) and level", () => {
    expect(pIds(f({ cities: ['长治市'] }))).toEqual(['pv', 'sic']);
    expect(pIds(f({ cities: ['忻州市'] }))).toEqual(['hub']);
    expect(pIds(f({ cities: ['太原市'] }))).toEqual(['lx', 'hub']);
    expect(pIds(f({ levels: ['national'] }))).toEqual(['lx', 'pv', 'sic']);
    expect(pIds(f({ levels: ['national'], cities: ['太原市'] }))).toEqual(['lx']);
  });

  it('filters by zone id', () => {
    expect(pIds(f({ zoneIds: ['cz', 'jz'] }))).toEqual(['pv', 'sic', 'gear']);
    expect(pIds(f({ zoneIds: ['nowhere'] }))).toEqual(['orphan']);
  });

  it('filters by investment range, dropping undisclosed only when a bound is set', () => {
    expect(pIds(f({ investmentMin: 5 * YI }))).toEqual(['lx', 'pv', 'hub']);
    expect(pIds(f({ investmentMax: 5 * YI }))).toEqual(['gear', 'hub', 'orphan']);
    expect(pIds(f({ investmentMin: 2 * YI, investmentMax: 10 * YI }))).toEqual(['lx', 'gear', 'hub']);
    expect(pIds(f({ investmentMin: 0 }))).not.toContain('sic');
    expect(pIds(f({ industries: ['semiconductors'] }))).toContain('sic');
  });

  it('filters by query on project, company and zone names', () => {
    expect(pIds(f({ query: 'lx' }))).toEqual(['lx']);
    expect(pIds(f({ query: 'gear' }))).toEqual(['gear']);
    // The zone's name matches: all its projects.
    expect(pIds(f({ query: 'changzhi' }))).toEqual(['pv', 'sic']);
    expect(pIds(f({ query: '长治', statuses: ['signed'] }))).toEqual(['sic']);
    expect(pIds(f({ query: 'nothing-like-this' }))).toEqual([]);
  });
});

describe('filterZones', () => {
  it('filters by city, level and zone id', () => {
    expect(zIds(f({}))).toEqual(['ty', 'cz', 'jz', 'tx']);
    expect(zIds(f({ cities: ['太原市'] }))).toEqual(['ty', 'tx']);
    expect(zIds(f({ levels: ['provincial', 'regional'] }))).toEqual(['jz', 'tx']);
    expect(zIds(f({ zoneIds: ['cz'] }))).toEqual(['cz']);
  });

  it('with an industry filter, keeps zones listing it or having a visible project', () => {
    // ty lists IT; cz has none listed as new-energy but has a visible PV project.
    expect(zIds(f({ industries: ['information-technology', 'new-energy'] }))).toEqual(['ty', 'cz']);
    // jz lists equipment and has a gearbox project; the orphan's zone is not in the list.
    expect(zIds(f({ industries: ['equipment'] }))).toEqual(['jz']);
    expect(zIds(f({ industries: ['biomedicine'] }))).toEqual([]);
  });

  it('keeps zones of unknown industry (none listed, no project) under an industry filter', () => {
    const unknown = zone('wx', { name_zh: '武乡农业园区', name_en: 'Wuxiang Agricultural Park', city: '长治市', industries: [] });
    const among = [...zones, unknown];
    expect(zIds(f({ industries: ['equipment'] }), among)).toEqual(['jz', 'wx']);
    expect(zIds(f({ industries: ['none'] }), among)).toEqual(['wx']);
    // tx lists no industry but has a logistics project: it is a logistics zone.
    expect(zIds(f({ industries: ['equipment'] }), among)).not.toContain('tx');
    expect(zIds(f({ industries: ['services-logistics'] }), among)).toEqual(['tx', 'wx']);
    // Other filters still apply to it.
    expect(zIds(f({ industries: ['equipment'], cities: ['晋中市'] }), among)).toEqual(['jz']);
  });

  it('does not hide zones for status or investment filters alone', () => {
    expect(zIds(f({ statuses: ['operating'] }))).toEqual(['ty', 'cz', 'jz', 'tx']);
  });

  it('with a query, keeps zones whose name matches or that have a visible project', () => {
    expect(zIds(f({ query: 'jinzhong' }))).toEqual(['jz']);
    expect(zIds(f({ query: 'loongson' }))).toEqual(['ty']);
  });
});

describe('params', () => {
  const full: Filters = {
    industries: ['semiconductors', 'new-energy'],
    statuses: ['under-construction', 'signed'],
    cities: ['长治市', '太原市'],
    levels: ['national'],
    zoneIds: ['cz-htz', 'ty-xz'],
    investmentMin: 1.5e8,
    investmentMax: 1e10,
    query: '龙芯 cpu',
  };

  it('writes the documented keys', () => {
    const p = filtersToParams(full);
    expect(p.get('industries')).toBe('semiconductors,new-energy');
    expect(p.get('statuses')).toBe('under-construction,signed');
    expect(p.get('cities')).toBe('长治市,太原市');
    expect(p.get('levels')).toBe('national');
    expect(p.get('zones')).toBe('cz-htz,ty-xz');
    expect(p.get('min')).toBe('150000000');
    expect(p.get('max')).toBe('10000000000');
    expect(p.get('q')).toBe('龙芯 cpu');
    expect(filtersToParams(emptyFilters()).toString()).toBe('');
  });

  it('round-trips exactly, also through a URL string', () => {
    expect(filtersFromParams(filtersToParams(full))).toEqual(full);
    expect(filtersFromParams(new URLSearchParams(filtersToParams(full).toString()))).toEqual(full);
    expect(filtersFromParams(filtersToParams(emptyFilters()))).toEqual(emptyFilters());
    const some = f({ statuses: ['operating'], investmentMin: 0 });
    expect(filtersFromParams(filtersToParams(some))).toEqual(some);
  });

  it('drops garbage', () => {
    const p = new URLSearchParams(
      'industries=semiconductors,,bogus, new-energy ,semiconductors&statuses=done,signed&levels=galactic&min=-5&max=lots&cities=,&zones=a,,a&extra=1',
    );
    expect(filtersFromParams(p)).toEqual({
      ...emptyFilters(),
      industries: ['semiconductors', 'new-energy'],
      statuses: ['signed'],
      zoneIds: ['a'],
    });
    expect(filtersFromParams(new URLSearchParams('min=1e9&max=0x10')).investmentMin).toBe(1e9);
    expect(filtersFromParams(new URLSearchParams('min=1e9&max=0x10')).investmentMax).toBeNull();
    expect(filtersFromParams(new URLSearchParams('min=&max=Infinity'))).toEqual(emptyFilters());
  });
});

describe('parseList', () => {
  it('trims, drops empties and duplicates', () => {
    expect(parseList(' a, b ,,a, c ')).toEqual(['a', 'b', 'c']);
    expect(parseList('')).toEqual([]);
    expect(parseList(null)).toEqual([]);
    expect(parseList(' , ')).toEqual([]);
    expect(parseList('长治市')).toEqual(['长治市']);
  });

  it('takes a link with 100k distinct ids in linear time (it was quadratic: 20k ids took a second)', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `z${i}`);
    const t0 = performance.now();
    const list = parseList(ids.join(','));
    const visible = [...filterZones(zones, f({ zoneIds: list }), [], new Set()), ...filterProjects(projects, byId, f({ zoneIds: list }))];
    // Quadratic, this is 5e9 string comparisons (tens of seconds); linear, tens of milliseconds.
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(list).toHaveLength(100_000);
    expect(visible).toEqual([]);
  });
});
