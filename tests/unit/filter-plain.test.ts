/**
 * The query filter before search.ts (and pinyin-pro) has loaded: a plain substring match on
 * names, and the pinyin matcher takes over once search.ts is imported.
 */
import { describe, expect, it } from 'vitest';
import { emptyFilters, filterProjects, hasFullQueryMatcher } from '../../src/data/filter.js';
import type { ProjectFeature, ZoneFeature } from '../../src/data/schema.js';

const zone = { type: 'Feature', geometry: { type: 'Point', coordinates: [113, 36] }, properties: { id: 'z', name_zh: '长治高新区', name_en: 'Changzhi HTZ', city: '长治市', level: 'national', industries: [] } } as unknown as ZoneFeature;
const project = (id: string, name_zh: string, name_en: string) =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates: [113, 36] }, properties: { id, zone_id: 'z', name_zh, name_en, industry: 'equipment', status: 'signed', investment_cny: null } }) as unknown as ProjectFeature;
const projects = [project('lx', '龙芯信创产业园', 'Loongson park'), project('h2', '氢能基地', 'Hydrogen base')];
const byId = new Map([['z', zone]]);
const ids = (query: string) => filterProjects(projects, byId, { ...emptyFilters(), query }).map((p) => p.properties.id);

describe('the query filter without pinyin', () => {
  it('matches Chinese and English substrings, case-insensitively', () => {
    expect(hasFullQueryMatcher()).toBe(false);
    expect(ids('龙芯')).toEqual(['lx']);
    expect(ids('HYDRO')).toEqual(['h2']);
    expect(ids('长治')).toEqual(['lx', 'h2']); // through the zone's name
    expect(ids('longxin')).toEqual([]); // pinyin needs search.ts
  });

  it('matches pinyin once search.ts is loaded', async () => {
    await import('../../src/data/search.js');
    expect(hasFullQueryMatcher()).toBe(true);
    expect(ids('longxin')).toEqual(['lx']);
  });
});
