/**
 * Held facts of the shipped data: figures as the seed articles state them, the zones the issue
 * names, the relations between zones, placement, and that every seed article is cited.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProjectFeature, ZoneFeature } from '../../src/data/schema.js';
import { placeProjects, placeZones } from '../../scripts/place-projects.js';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const zones = read('data/zones.geojson').features as ZoneFeature[];
const projects = read('data/projects.geojson').features as ProjectFeature[];
const zone = (id: string) => zones.find((z) => z.properties.id === id)!.properties;
const project = (id: string) => projects.find((p) => p.properties.id === id)!.properties;

const SEEDS = ['000_e52b6b2c6de43616.txt', '001_4f9f2cb257c74665.txt', '002_3a9b9530b1b2ec72.txt', '003_4b24f7bbf341afd0.txt', '004_7b8f8d64a76d4ebd.txt'];
const SEED_DIR = '../shared/seeds/';
const seedText = (ref: string): string | null => {
  try {
    return readFileSync(SEED_DIR + ref, 'utf8');
  } catch {
    return null;
  }
};
/** Strips whitespace and the pinyin a converter inserted after characters in 001 and 002. */
const squash = (s: string) => s.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/g, '').replace(/\s+/g, '');
const allSources = [...zones, ...projects].flatMap((f) => f.properties.sources);

describe('held facts', () => {
  it('the Zhongji hydrogen base: 49.4亿 = 4.94e9 yuan, phase 2 under construction since 2021-11', () => {
    const p = project('cz-zhongji-hydrogen-base');
    expect(p.investment_cny).toBe(4.94e9);
    expect(p.status).toBe('under-construction');
    expect(p.status_date).toBe('2021-11');
    expect(p.history.map((e) => e.status)).toEqual(['signed', 'completed', 'under-construction']);
    expect(p.capacity_zh).toContain('年产500台氢能专用车');
  });

  it('other figures as stated', () => {
    expect(project('cz-loongson-xinchuang-park').investment_cny).toBe(1e9);
    expect(project('cz-loongson-xinchuang-park').sources.some((s) => s.quote?.includes('投资10亿多元'))).toBe(true);
    expect(project('cz-grove-hydrogen-vehicles').investment_cny).toBe(4e7); // 4000万元
    expect(project('cz-cps-lfp-cathode').capacity_zh).toContain('年产28万吨磷酸铁锂正极材料');
    expect(project('cz-cps-lfp-cathode').investment_cny).toBe(5.4e9);
    expect(project('cz-semiconductor-optoelectronics-park').investment_cny).toBe(1.077e9); // newest (2022-01) of 10亿 / 10.77亿
    expect(project('trz-jinko-56gw-base')).toMatchObject({ output_cny: 2e11, output_basis: 'planned', capacity_zh: '年产56GW' });
    expect(project('trz-taishan-glass-fibre').investment_cny).toBe(7e9);
    expect(project('ll-55mw-hydrogen').investment_cny).toBe(4e8);
    expect(project('ll-3mw-green-hydrogen-station').investment_cny).toBeNull(); // only a loan is given
    expect(project('cz-zhuoyi-industrial-computer-base')).toMatchObject({ investment_cny: 1e8, status: 'operating', status_date: '2024-05' });
    expect(zone('changzhi-htz').figures.find((f) => f.key === 'project_investment_cny' && f.as_of === '2021')?.value).toBe(470.75e8);
    expect(zone('yangquan-htz').figures.find((f) => f.key === 'signed_project_investment_cny' && f.as_of === '2024')?.value).toBe(141.34e8);
  });

  it('every money figure appears in a quote of a source that supports it', () => {
    // 10亿多元 → 1e9 and 1200余万元 → 1.2e7: the quote may show 多 or 余 between number and unit
    const num = (x: number) => String(x).replace('.', '\\.');
    const shown = (v: number) => [new RegExp(`(^|[^\\d.])${num(+(v / 1e8).toFixed(4))}[多余]?亿`), new RegExp(`(^|[^\\d.])${num(+(v / 1e4).toFixed(2))}[多余]?万`)];
    for (const f of projects) {
      const p = f.properties;
      for (const key of ['investment_cny', 'output_cny'] as const) {
        const v = p[key];
        if (v === null) continue;
        const quotes = p.sources.filter((s) => s.fields?.includes(key)).map((s) => s.quote ?? '');
        expect(quotes.some((q) => shown(v).some((t) => t.test(q))), `${p.id} ${key} ${v}`).toBe(true);
      }
    }
  });

  it('has at least 35 projects, each in a zone and on one industry layer', () => {
    expect(projects.length).toBeGreaterThanOrEqual(35);
    const ids = new Set(zones.map((z) => z.properties.id));
    for (const p of projects) expect(ids.has(p.properties.zone_id)).toBe(true);
  });

  it('every seed file is cited at least once', () => {
    const refs = new Set(allSources.map((s) => s.ref));
    for (const s of SEEDS) expect(refs.has(s), s).toBe(true);
  });

  it('quotes are the articles\' own sentences', () => {
    for (const s of allSources) {
      if (!s.quote || !SEEDS.includes(s.ref)) continue;
      const text = seedText(s.ref);
      if (text === null) continue; // seeds not available here
      if (s.ref.startsWith('001') || s.ref.startsWith('002')) {
        // traditional-character articles, quoted in simplified characters: their numbers must match
        const nums = s.quote.match(/\d+(?:\.\d+)?/g) ?? [];
        for (const n of nums) expect(squash(text).includes(n), `${s.ref}: ${n} in «${s.quote}»`).toBe(true);
      } else {
        expect(squash(text).includes(squash(s.quote)), `${s.ref}: «${s.quote}»`).toBe(true);
      }
    }
  });

  it('has the zones the seed articles name, with their relations', () => {
    for (const id of ['changzhi-htz', 'shanxi-trz', 'trz-tanghuai', 'trz-yangqu', 'taixin', 'zhongbei-htz', 'qingxu-edz', 'jincheng-etdz', 'xingxian-etdz', 'lvliang-etdz', 'yuanping-etdz', 'linfen-edz', 'yangquan-htz', 'xinzhou-edz'])
      expect(zones.some((z) => z.properties.id === id), id).toBe(true);
    expect(zone('trz-tanghuai').parent_id).toBe('shanxi-trz');
    expect(zone('trz-yangqu').parent_id).toBe('shanxi-trz');
    expect(zone('taiyuan-htz').parent_id).toBe('shanxi-trz');
    expect(zone('taiyuan-etdz').parent_id).toBe('shanxi-trz');
    expect(zone('taiyuan-wusu-bonded').parent_id).toBe('shanxi-trz');
    expect(zone('jinzhong-etdz').parent_id).toBe('trz-jinzhong');
    expect(zone('trz-jinzhong').parent_id).toBe('shanxi-trz');
    expect(zone('lvliang-etdz').verified).toBe(false);
  });

  it('draws the Taiyuan–Xinzhou zone from its 12 member counties', () => {
    const t = zones.find((z) => z.properties.id === 'taixin')!;
    expect(t.properties.location_basis).toBe('member-counties');
    expect(t.properties.member_counties).toHaveLength(12);
    expect(['Polygon', 'MultiPolygon']).toContain(t.geometry.type);
  });

  it('placement is up to date with geo/ (npx tsx scripts/place-projects.ts --check)', () => {
    const z = structuredClone(zones);
    const p = structuredClone(projects);
    const geo = (name: string) => read(`geo/${name}.geojson`);
    expect(placeZones(z, geo('places'), geo('counties'))).toEqual([]);
    expect(placeProjects(p, z)).toEqual([]);
    expect(z.map((f) => f.geometry)).toEqual(zones.map((f) => f.geometry));
    expect(p.map((f) => f.geometry)).toEqual(projects.map((f) => f.geometry));
  });
});
