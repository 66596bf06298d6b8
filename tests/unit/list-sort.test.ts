import { describe, expect, it } from 'vitest';
import { isSortKey, nameCollator, sortProjects, sortZones, totalsByZone } from '../../src/components/szm-list/sort.js';
import type { ProjectFeature, ProjectProperties, ZoneFeature } from '../../src/data/schema.js';
import { makeProject, makeZone } from './factories.js';

const project = (id: string, name_zh: string, name_en: string, extra: Partial<ProjectProperties> = {}): ProjectFeature =>
  makeProject(id, { zone_id: 'z1', name_zh, name_en, industry: 'new-energy', status_date: '2021', ...extra }, [113, 36]);

const zone = (id: string, name_zh: string, name_en: string): ZoneFeature =>
  makeZone(id, { name_zh, name_en, level: 'national', kind: 'high-tech', city: '长治市' }, [113, 36]);

const ids = (fs: { properties: { id: string } }[]) => fs.map((f) => f.properties.id);

const projects = [
  project('a', '氢能产业基地', 'Hydrogen base', { investment_cny: 2e9, status_date: '2021' }),
  project('b', '龙芯信创产业园', 'Loongson park', { investment_cny: 1e9, status_date: '2021-08' }),
  project('c', '北京化工大学氢能', 'BUCT hydrogen', { investment_cny: null, status_date: '2025-02' }),
  project('d', '中极氢能', 'Zhongji hydrogen', { investment_cny: 4.94e9, status_date: '2021-11' }),
  project('e', '安博泰克', 'ambiotech', { investment_cny: null, status_date: '2021-08-15' }),
  project('f', '5G电子制造基地', '5G base', { investment_cny: 0, status_date: '2021-08' }),
];

describe('sortProjects', () => {
  it('by investment: largest first, zero before undisclosed, undisclosed last (by name)', () => {
    expect(ids(sortProjects(projects, 'investment', 'zh'))).toEqual(['d', 'a', 'b', 'f', 'e', 'c']);
    expect(ids(sortProjects(projects, 'investment', 'en'))).toEqual(['d', 'a', 'b', 'f', 'e', 'c']);
  });

  it('by status date: newest first; a more precise date of the same month first', () => {
    expect(ids(sortProjects(projects, 'date', 'zh'))).toEqual(['c', 'd', 'e', 'f', 'b', 'a']);
  });

  it('by name: pinyin order in Chinese, alphabetical (case-insensitive) in English', () => {
    // 5G…, 安 (an), 北 (bei), 龙 (long), 氢 (qing), 中 (zhong)
    expect(ids(sortProjects(projects, 'name', 'zh'))).toEqual(['f', 'e', 'c', 'b', 'a', 'd']);
    expect(ids(sortProjects(projects, 'name', 'en'))).toEqual(['f', 'e', 'c', 'a', 'b', 'd']);
  });

  it('breaks ties by id and does not touch its input', () => {
    const twins = [project('y', '同名', 'Same'), project('x', '同名', 'Same')];
    expect(ids(sortProjects(twins, 'name', 'zh'))).toEqual(['x', 'y']);
    expect(ids(twins)).toEqual(['y', 'x']);
  });

  it('puts a missing status date last and falls back to the other language name', () => {
    const list = [project('n', '', 'No Chinese name', { status_date: '' }), project('m', '甲', 'Jia', { status_date: '2020' })];
    expect(ids(sortProjects(list, 'date', 'zh'))).toEqual(['m', 'n']);
    expect(ids(sortProjects(list, 'name', 'zh'))).toEqual(['m', 'n']);
  });

  it('sorts 1000 rows quickly', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      project(`p${i}`, `项目${(i * 7919) % 1000}`, `Project ${i}`, { investment_cny: i % 3 ? i * 1e6 : null }),
    );
    const t0 = performance.now();
    for (const s of ['investment', 'date', 'name'] as const) sortProjects(many, s, 'zh');
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('sortZones', () => {
  const zones = [zone('z1', '长治高新区', 'Changzhi HTZ'), zone('z2', '阳泉高新区', 'Yangquan HTZ'), zone('z3', '大同经开区', 'Datong ETDZ')];
  const listed = [
    ...projects,
    project('y1', '储能电站', 'Storage', { zone_id: 'z2', investment_cny: 9e9, status_date: '2025' }),
    project('y2', '智算中心', 'Computing', { zone_id: 'z2', investment_cny: null, status_date: '2024-01' }),
  ];
  const totals = totalsByZone(listed);

  it('totals count, disclosed investment and the newest date per zone', () => {
    expect(totals.get('z1')).toEqual({ count: 6, investment: 2e9 + 1e9 + 4.94e9, latest: '2025-02' });
    expect(totals.get('z2')).toEqual({ count: 2, investment: 9e9, latest: '2025' });
    expect(totals.has('z3')).toBe(false);
    const undisclosed = totalsByZone([project('u1', '甲', 'A', { zone_id: 'z3', investment_cny: null, status_date: '2023' })]);
    expect(undisclosed.get('z3')).toEqual({ count: 1, investment: null, latest: '2023' });
  });

  it('totals the zones of many projects (the sums grow past their first size)', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      project(`m${i}`, `项目${i}`, `P${i}`, { zone_id: `z${i % 100}`, investment_cny: i % 3 === 0 ? null : i * 1e6, status_date: '2024' }),
    );
    const t = totalsByZone(many);
    expect(t.size).toBe(100);
    // zone z1 holds projects 1, 101 and 201, of which 201 is undisclosed (i % 3 === 0)
    expect(t.get('z1')).toEqual({ count: 3, investment: (1 + 101) * 1e6, latest: '2024' });
    // zone z0 holds 0, 100 and 200, of which 0 is undisclosed (i % 3 === 0)
    expect(t.get('z0')!.investment).toBe((100 + 200) * 1e6);
    expect(t.get('z99')!.investment).toBe((199 + 299) * 1e6);
  });

  it('by investment and by date, a zone with no listed projects last', () => {
    expect(ids(sortZones(zones, 'investment', 'zh', totals))).toEqual(['z2', 'z1', 'z3']);
    expect(ids(sortZones(zones, 'date', 'zh', totals))).toEqual(['z1', 'z2', 'z3']);
  });

  it('by name in each language, and by name when no totals are given', () => {
    // 大 (da), 阳 (yang), 长 (zhang — the collator reads 长 as in 长大; still a fixed order)
    expect(ids(sortZones(zones, 'name', 'en'))).toEqual(['z1', 'z3', 'z2']);
    expect(ids(sortZones(zones, 'investment', 'en'))).toEqual(['z1', 'z3', 'z2']);
    expect(ids(sortZones(zones, 'name', 'zh'))).toEqual(['z3', 'z2', 'z1']);
  });
});

describe('helpers', () => {
  it('isSortKey', () => {
    expect(isSortKey('name')).toBe(true);
    expect(isSortKey('size')).toBe(false);
    expect(isSortKey(undefined)).toBe(false);
  });

  it('nameCollator is cached per language and orders by pinyin', () => {
    expect(nameCollator('zh')).toBe(nameCollator('zh'));
    expect(['中', '阿', '北'].sort(nameCollator('zh').compare)).toEqual(['阿', '北', '中']);
  });
});
