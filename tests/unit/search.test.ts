import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  matchesQuery,
  normalize,
  prepareQuery,
  projectEntry,
  search,
  SCORES,
  zoneEntry,
} from '../../src/data/search.js';
import type { ProjectFeature, ProjectProperties, ZoneFeature, ZoneProperties } from '../../src/data/schema.js';
import { makeProject, makeZone } from './factories.js';

const zone = (id: string, name_zh: string, name_en: string, extra: Partial<ZoneProperties> = {}): ZoneFeature =>
  makeZone(id, { name_zh, name_en, level: 'national', kind: 'high-tech', ...extra });

const project = (id: string, name_zh: string, name_en: string, extra: Partial<ProjectProperties> = {}): ProjectFeature =>
  makeProject(id, { zone_id: 'z1', name_zh, name_en, industry: 'information-technology', ...extra });

const zones = [
  zone('cz-htz', '长治高新技术产业开发区', 'Changzhi High-tech Zone', { short_zh: '长治高新区', short_en: 'Changzhi HTZ' }),
  zone('ty-xz', '太原学府园区', 'Taiyuan Xuefu Park'),
  zone('ll', '吕梁经济技术开发区', 'Lüliang Economic and Technological Development Zone'),
  // A zone whose name contains 龙芯 only in the middle.
  zone('lx-park', '山西龙芯产业园', 'Shanxi Loongson Industrial Park'),
];
const projects = [
  project('p-lx', '龙芯', 'Loongson', { company_zh: '龙芯中科技术股份有限公司', company_en: 'Loongson Technology' }),
  project('p-lx-cpu', '龙芯CPU生产基地项目', 'Loongson CPU production base'),
  project('p-pvc', '28万吨PVC项目', '280,000 t PVC project', { industry: 'chemicals' }),
  project('p-no5', 'NO.5高炉改造', 'Blast furnace No. 5 upgrade', { industry: 'equipment' }),
  project('p-cz', '长治市光伏组件项目', 'Changzhi PV module project', { industry: 'new-energy' }),
];
const index = buildSearchIndex(zones, projects);
const ids = (q: string, limit?: number) => search(index, q, limit).map((r) => r.id);

describe('search', () => {
  it('finds 龙芯 by pinyin, spaced pinyin, tones and full-width letters', () => {
    for (const q of ['longxin', ' long xin ', 'LongXin', 'lóngxīn', 'ｌｏｎｇｘｉｎ']) {
      expect(ids(q)[0], q).toBe('p-lx');
    }
    expect(search(index, 'longxin')[0]!.score).toBe(SCORES.pinyinExact);
  });

  it('finds 龙芯 by initials in any case', () => {
    for (const q of ['lx', 'LX', ' l x ', 'ＬＸ']) {
      const r = search(index, q);
      expect(r[0]!.id, q).toBe('p-lx');
      expect(r[0]!.score).toBe(SCORES.initialsExact);
    }
    // lx is also a prefix of 龙芯CPU… (lxcpu…); initials from the middle (山西龙芯…, sxlx…) do
    // not match, but pinyin from a syllable start does.
    expect(ids('lx')).toEqual(['p-lx', 'p-lx-cpu']);
    expect(ids('longxinchan')).toEqual(['lx-park']);
    expect(search(index, 'longxinchan')[0]!.score).toBe(SCORES.pinyinSyllable);
  });

  it('finds by Chinese text, exact first', () => {
    const r = search(index, '龙芯');
    expect(r[0]).toMatchObject({ id: 'p-lx', kind: 'project', score: SCORES.exact });
    expect(r.map((x) => x.id)).toEqual(['p-lx', 'p-lx-cpu', 'lx-park']);
    expect(r[1]!.score).toBe(SCORES.prefix);
    expect(r[2]!.score).toBe(SCORES.substring);
  });

  it('reads 长 in 长治 as chang: changzhi and cz', () => {
    expect(ids('changzhi')).toEqual(['cz-htz', 'p-cz']);
    expect(ids('zhangzhi')).toEqual([]);
    const cz = search(index, 'cz');
    expect(cz.map((r) => r.id)).toEqual(['cz-htz', 'p-cz']);
    expect(cz[0]!.score).toBe(SCORES.initialsPrefix);
    // Initials as a prefix of a longer name's initials: 长治高新 → czgx.
    expect(ids('czgx')).toEqual(['cz-htz']);
  });

  it('matches English names by word prefix, case-insensitively', () => {
    const r = search(index, 'high-te');
    expect(r.map((x) => x.id)).toEqual(['cz-htz']);
    expect(r[0]!.score).toBe(SCORES.wordPrefix);
    expect(search(index, 'CHANGZHI HIGH')[0]).toMatchObject({ id: 'cz-htz', score: SCORES.prefix });
    expect(search(index, 'loongson')[0]).toMatchObject({ id: 'p-lx', score: SCORES.exact });
    // Not a word prefix: "ongson" is inside a word.
    expect(ids('ongson')).toEqual([]);
    // Words in another order.
    expect(ids('zone changzhi')).toEqual(['cz-htz']);
  });

  it('ranks zones before projects on ties', () => {
    // Both "Changzhi …" names start with the query.
    const r = search(index, 'changzhi ');
    expect(r.map((x) => x.kind)).toEqual(['zone', 'project']);
    expect(r[0]!.score).toBe(r[1]!.score);
  });

  it('matches short labels and companies as aliases, below the name', () => {
    expect(search(index, '长治高新区')[0]).toMatchObject({ id: 'cz-htz', score: SCORES.exact - 1 });
    expect(search(index, '中科技术')[0]).toMatchObject({ id: 'p-lx' });
  });

  it('passes Latin letters and digits in Chinese names through', () => {
    expect(ids('28万吨')).toEqual(['p-pvc']);
    expect(ids('28wandun')).toEqual(['p-pvc']);
    expect(ids('no.5')).toContain('p-no5');
    expect(ids('NO5gaolu')).toEqual(['p-no5']);
    expect(ids('pvc')).toEqual(['p-pvc']);
  });

  it('handles ü as u or v', () => {
    expect(ids('lvliang')).toEqual(['ll']);
    expect(ids('luliang')).toEqual(['ll']);
    expect(ids('Lüliang')).toEqual(['ll']);
  });

  it('returns nothing for a query matching nothing or a blank query', () => {
    expect(search(index, 'xyzzy')).toEqual([]);
    expect(search(index, '北京')).toEqual([]);
    expect(search(index, '   ')).toEqual([]);
    expect(search(index, '')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(search(index, 'l', 2)).toHaveLength(2);
    expect(search(index, 'l', 0)).toEqual([]);
  });

  it('exposes matching for the query filter', () => {
    expect(matchesQuery(projectEntry(projects[0]!), 'lx')).toBe(true);
    expect(matchesQuery(zoneEntry(zones[1]!), 'lx')).toBe(false);
    expect(matchesQuery(zoneEntry(zones[1]!), '  ')).toBe(true);
    expect(prepareQuery(' \u3000 ')).toBeNull();
    expect(normalize('ＬóngＸīn')).toBe('longxin');
  });

  it('is fast: 1000 names, 1000 queries, well under 1 ms per query', () => {
    const chars = '山西太原长治晋城大同朔州忻州吕梁晋中阳泉临汾运城高新技术产业开发区经济新材料能源装备项目龙芯光伏储能化工医药物流';
    const many: ProjectFeature[] = [];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 1000; i++) {
      let name = '';
      const len = 6 + rand(10);
      for (let j = 0; j < len; j++) name += chars[rand(chars.length)];
      many.push(project(`x${i}`, name, `Project ${name.length} number ${i}`));
    }
    const big = buildSearchIndex([], many);
    const queries = ['longxin', 'lx', 'cz', '长治', 'project 1', 'xinneng', 'gx', 'shanxi taiyuan', 'zzz', '开发区'];
    const start = performance.now();
    let hits = 0;
    for (let i = 0; i < 1000; i++) hits += search(big, queries[i % queries.length]!).length;
    const perQuery = (performance.now() - start) / 1000;
    expect(hits).toBeGreaterThan(0);
    expect(perQuery).toBeLessThan(1);
  });
});
