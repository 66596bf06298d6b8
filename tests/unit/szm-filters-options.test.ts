import { describe, expect, it } from 'vitest';
import { emptyFilters } from '../../src/data/filter.js';
import type { ProjectFeature, ZoneFeature } from '../../src/data/schema.js';
import {
  changedKeys,
  citiesPresent,
  levelsPresent,
  parseRange,
  rangeText,
  resetKeys,
  statusCounts,
  toggleIn,
} from '../../src/components/szm-filters/options.js';

const zone = (city: string, level: string) => ({ properties: { city, level } }) as unknown as ZoneFeature;
const project = (status: string) => ({ properties: { status } }) as unknown as ProjectFeature;

describe('filter options', () => {
  it('lists the cities present in Shanxi order, splitting two-city zones, unknown names last', () => {
    const zones = [zone('运城市', 'national'), zone('太原市;晋中市', 'provincial'), zone('某市', 'provincial'), zone('大同市', 'national')];
    expect(citiesPresent(zones)).toEqual(['太原市', '大同市', '晋中市', '运城市', '某市']);
    expect(levelsPresent(zones)).toEqual(['national', 'provincial']);
  });

  it('counts projects per status, every status included', () => {
    expect(statusCounts([project('signed'), project('signed'), project('operating')])).toEqual({
      planned: 0,
      signed: 2,
      'under-construction': 0,
      completed: 0,
      operating: 1,
    });
  });

  it('toggles a value in the order of the options', () => {
    expect(toggleIn(['c'], 'a', ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(toggleIn(['a', 'c'], 'a', ['a', 'b', 'c'])).toEqual(['c']);
  });

  it('turns 亿元 and CNY bn into yuan and back', () => {
    expect(parseRange('10', '', 'zh')).toEqual({ ok: true, min: 1e9, max: null });
    expect(parseRange('', '1.1', 'zh')).toEqual({ ok: true, min: null, max: 1.1e8 });
    expect(parseRange('1', '2.5', 'en')).toEqual({ ok: true, min: 1e9, max: 2.5e9 });
    expect(parseRange('１０', ' 1,000 ', 'zh')).toEqual({ ok: true, min: 1e9, max: 1e11 });
    expect(parseRange('0', '0', 'zh')).toEqual({ ok: true, min: 0, max: 0 });
    expect(rangeText(1e9, 'zh')).toBe('10');
    expect(rangeText(1e9, 'en')).toBe('1');
    expect(rangeText(1.1e8, 'zh')).toBe('1.1');
    expect(rangeText(null, 'zh')).toBe('');
  });

  it('refuses text, negative amounts and min above max', () => {
    expect(parseRange('abc', '', 'zh')).toEqual({ ok: false, error: 'number', field: 'min' });
    expect(parseRange('1e3', '', 'zh')).toEqual({ ok: false, error: 'number', field: 'min' });
    expect(parseRange('', '-1', 'zh')).toEqual({ ok: false, error: 'negative', field: 'max' });
    expect(parseRange('10', '5', 'zh')).toEqual({ ok: false, error: 'order', field: 'min' });
  });

  it('keeps only the keys that change', () => {
    const f = { ...emptyFilters(), statuses: ['signed' as const], investmentMin: 1e9 };
    expect(changedKeys(f, { statuses: ['signed'], investmentMin: 1e9, investmentMax: null })).toEqual({});
    expect(changedKeys(f, { investmentMin: null, investmentMax: null })).toEqual({ investmentMin: null });
    expect(resetKeys(f)).toEqual({ statuses: [], investmentMin: null });
    expect(resetKeys(emptyFilters())).toEqual({});
  });
});
