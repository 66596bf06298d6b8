import { describe, expect, it } from 'vitest';
import { INDUSTRY_IDS } from '../../src/data/industries.js';
import { emptyFilters, filterProjects } from '../../src/data/filter.js';
import type { ProjectFeature } from '../../src/data/schema.js';
import {
  isNoIndustries,
  noIndustries,
  NO_INDUSTRIES,
  selectionList,
  shownLayers,
  toggleLayer,
} from '../../src/components/szm-legend/selection.js';

const [a, b, c] = INDUSTRY_IDS as [(typeof INDUSTRY_IDS)[number], (typeof INDUSTRY_IDS)[number], (typeof INDUSTRY_IDS)[number]];

describe('legend selection', () => {
  it('reads [] as every layer and ["none"] as none', () => {
    expect(shownLayers([]).size).toBe(10);
    expect(shownLayers([NO_INDUSTRIES]).size).toBe(0);
    expect([...shownLayers([c, a, 'bogus'])]).toEqual([c, a]);
    expect(isNoIndustries([NO_INDUSTRIES])).toBe(true);
    expect(isNoIndustries([])).toBe(false);
    expect(isNoIndustries([a])).toBe(false);
  });

  it('normalizes: all → [], none → ["none"], else legend order', () => {
    expect(selectionList(new Set(INDUSTRY_IDS))).toEqual([]);
    expect(selectionList(new Set())).toEqual(['none']);
    expect(selectionList(new Set([c, a]))).toEqual([a, c]);
  });

  it('toggles one layer from all, from none and back', () => {
    expect(toggleLayer([], a)).toEqual(INDUSTRY_IDS.filter((id) => id !== a));
    expect(toggleLayer(INDUSTRY_IDS.filter((id) => id !== a), a)).toEqual([]);
    expect(toggleLayer(noIndustries(), b)).toEqual([b]);
    expect(toggleLayer([b], b)).toEqual(['none']);
    expect(toggleLayer([b], a)).toEqual([a, b]);
  });

  it('["none"] shows no project through filterProjects, with no special case', () => {
    const project = { type: 'Feature', geometry: { type: 'Point', coordinates: [112, 37] }, properties: { id: 'p', zone_id: 'z', industry: a, status: 'planned', investment_cny: null, name_zh: '项目', name_en: 'P' } } as unknown as ProjectFeature;
    expect(filterProjects([project], new Map(), { ...emptyFilters(), industries: noIndustries() })).toEqual([]);
    expect(filterProjects([project], new Map(), { ...emptyFilters(), industries: [] })).toHaveLength(1);
  });
});
