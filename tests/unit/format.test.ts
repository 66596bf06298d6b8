import { describe, expect, it } from 'vitest';
import {
  cityLabel,
  companyName,
  formatArea,
  formatCount,
  formatDate,
  formatFigure,
  formatMoney,
  formatPercent,
  industryLabel,
  kindLabel,
  levelLabel,
  locationBasisLabel,
  outputBasisLabel,
  projectName,
  statusLabel,
  zoneName,
  zoneShortName,
} from '../../src/data/format.js';
import { INDUSTRIES } from '../../src/data/industries.js';
import {
  LOCATION_BASES,
  OUTPUT_BASES,
  PROJECT_STATUSES,
  YI,
  ZONE_KINDS,
  ZONE_LEVELS,
} from '../../src/data/schema.js';

describe('formatMoney zh', () => {
  it.each([
    [4.94e9, '49.4 亿元'],
    [1e9, '10 亿元'],
    [1.5e8, '1.5 亿元'],
    [YI, '1 亿元'],
    [4.944e9, '49.4 亿元'],
    [1.2345e11, '1235 亿元'],
    [1.05e8, '1.05 亿元'],
    [4e7, '4000 万元'],
    [1.2e7, '1200 万元'],
    [1.2345e7, '1235 万元'],
    [5e5, '50 万元'],
    [99_999_999, '1 亿元'],
    [5000, '5000 元'],
    [1.5e12, '1.5 万亿元'],
    [0, '0 元'],
    [-1.5e8, '-1.5 亿元'],
  ])('%d → %s', (cny, text) => {
    expect(formatMoney(cny, 'zh')).toBe(text);
  });

  it('null and NaN are not disclosed, never 0', () => {
    expect(formatMoney(null, 'zh')).toBe('未披露');
    expect(formatMoney(Number.NaN, 'zh')).toBe('未披露');
    expect(formatMoney(undefined, 'zh')).toBe('未披露');
  });
});

describe('formatMoney en', () => {
  it.each([
    [4.94e9, 'CNY 4.94 bn'],
    [1e9, 'CNY 1 bn'],
    [1.5e8, 'CNY 150 m'],
    [4e7, 'CNY 40 m'],
    [1.2345e7, 'CNY 12.3 m'],
    [999_999_999, 'CNY 1 bn'],
    [1.2345e12, 'CNY 1,235 bn'],
    [15_000, 'CNY 15,000'],
    [0, 'CNY 0'],
  ])('%d → %s', (cny, text) => {
    expect(formatMoney(cny, 'en')).toBe(text);
  });

  it('null is not disclosed', () => {
    expect(formatMoney(null, 'en')).toBe('not disclosed');
  });
});

describe('numbers', () => {
  it('groups counts', () => {
    expect(formatCount(1234, 'zh')).toBe('1,234');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatCount(12, 'en')).toBe('12');
    expect(formatCount(null, 'en')).toBe('not disclosed');
  });

  it('formats areas with trimmed decimals', () => {
    expect(formatArea(29.99, 'zh')).toBe('29.99 平方公里');
    expect(formatArea(29.99, 'en')).toBe('29.99 km²');
    expect(formatArea(30.5, 'en')).toBe('30.5 km²');
    expect(formatArea(12.3456, 'en')).toBe('12.35 km²');
    expect(formatArea(1234, 'en')).toBe('1,234 km²');
    expect(formatArea(null, 'zh')).toBe('未披露');
  });

  it('formats percentages given in percent', () => {
    expect(formatPercent(12.5, 'zh')).toBe('12.5%');
    expect(formatPercent(12.46, 'en')).toBe('12.5%');
    expect(formatPercent(20, 'en')).toBe('20%');
    expect(formatPercent(3.14159, 'en', 2)).toBe('3.14%');
    expect(formatPercent(null, 'en')).toBe('not disclosed');
  });

  it('formats zone figures by unit', () => {
    expect(formatFigure({ value: 2.5e10, unit: 'cny' }, 'zh')).toBe('250 亿元');
    expect(formatFigure({ value: 3, unit: 'rank' }, 'zh')).toBe('第3位');
    expect(formatFigure({ value: 3, unit: 'rank' }, 'en')).toBe('No. 3');
    expect(formatFigure({ value: 1200, unit: 'count' }, 'en')).toBe('1,200');
    expect(formatFigure({ value: 8.5, unit: 'percent' }, 'en')).toBe('8.5%');
  });
});

describe('formatDate', () => {
  it('formats each precision in Chinese', () => {
    expect(formatDate('2021', 'zh')).toBe('2021年');
    expect(formatDate('2021-08', 'zh')).toBe('2021年8月');
    expect(formatDate('2021-08-15', 'zh')).toBe('2021年8月15日');
  });

  it('formats each precision in English', () => {
    expect(formatDate('2021', 'en')).toBe('2021');
    expect(formatDate('2021-08', 'en')).toBe('Aug 2021');
    expect(formatDate('2021-08-15', 'en')).toBe('15 Aug 2021');
    expect(formatDate('2024-02-29', 'en')).toBe('29 Feb 2024');
  });

  it('returns invalid input as given without throwing', () => {
    for (const bad of ['', 'soon', '2021-13', '2021-00', '2021-04-31', '2023-02-29', '21-08', '2021/08']) {
      expect(formatDate(bad, 'zh')).toBe(bad);
      expect(formatDate(bad, 'en')).toBe(bad);
    }
    expect(formatDate(null, 'en')).toBe('');
  });
});

describe('labels', () => {
  it('labels statuses', () => {
    expect(statusLabel('under-construction', 'zh')).toBe('在建');
    expect(statusLabel('under-construction', 'en')).toBe('Under construction');
    expect(statusLabel('signed', 'zh')).toBe('已签约');
    expect(statusLabel('operating', 'zh')).toBe('已投产');
    expect(statusLabel('completed', 'en')).toBe('Completed');
    expect(statusLabel('planned', 'zh')).toBe('谋划中');
  });

  it('labels levels, kinds, bases', () => {
    expect(levelLabel('national', 'zh')).toBe('国家级');
    expect(levelLabel('provincial', 'en')).toBe('Provincial');
    expect(kindLabel('high-tech', 'zh')).toBe('高新技术产业开发区');
    expect(kindLabel('high-tech', 'en')).toBe('High-tech zone');
    expect(outputBasisLabel('actual', 'zh')).toBe('实际');
    expect(locationBasisLabel('county-seat', 'en')).toBe('County seat');
  });

  it('has a distinct label in both languages for every enum value', () => {
    const tables: [readonly string[], (v: string, l: 'zh' | 'en') => string][] = [
      [PROJECT_STATUSES, statusLabel],
      [ZONE_LEVELS, levelLabel],
      [ZONE_KINDS, kindLabel],
      [OUTPUT_BASES, outputBasisLabel],
      [LOCATION_BASES, locationBasisLabel],
      [INDUSTRIES.map((i) => i.id), industryLabel],
    ];
    for (const [values, label] of tables) {
      for (const lang of ['zh', 'en'] as const) {
        const labels = values.map((v) => label(v, lang));
        labels.forEach((l, i) => expect(l, values[i]).not.toBe(values[i]));
        expect(new Set(labels).size).toBe(values.length);
      }
      // Chinese labels contain Chinese characters; English ones do not.
      for (const v of values) {
        expect(label(v, 'zh')).toMatch(/[\u4e00-\u9fff]/);
        expect(label(v, 'en')).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('labels industries and passes unknown ids through', () => {
    expect(industryLabel('new-energy', 'zh')).toBe('新能源与储能');
    expect(industryLabel('semiconductors', 'en')).toBe('Semiconductors & optoelectronics');
    expect(industryLabel('space-elevators', 'en')).toBe('space-elevators');
    expect(statusLabel('bogus', 'en')).toBe('bogus');
    expect(statusLabel('toString', 'en')).toBe('toString');
  });

  it('labels cities, including two-city zones', () => {
    expect(cityLabel('长治市', 'en')).toBe('Changzhi');
    expect(cityLabel('长治市', 'zh')).toBe('长治市');
    expect(cityLabel('太原市;晋中市', 'en')).toBe('Taiyuan / Jinzhong');
    expect(cityLabel('太原市;晋中市', 'zh')).toBe('太原市、晋中市');
    expect(cityLabel('某市', 'en')).toBe('某市');
  });
});

describe('names', () => {
  it('uses the language and falls back to the other', () => {
    const z = { name_zh: '长治高新技术产业开发区', name_en: 'Changzhi High-tech Zone' };
    expect(zoneName(z, 'zh')).toBe('长治高新技术产业开发区');
    expect(zoneName(z, 'en')).toBe('Changzhi High-tech Zone');
    expect(zoneName({ name_zh: '某园区', name_en: '' }, 'en')).toBe('某园区');
    expect(projectName({ name_zh: '', name_en: 'Some project' }, 'zh')).toBe('Some project');
    expect(projectName({ name_zh: '龙芯项目', name_en: '  ' }, 'en')).toBe('龙芯项目');
  });

  it('a name that shows nothing (direction marks, combining marks, zero-width characters) falls back too', () => {
    for (const blank of ['\u200e', '\u202b\u202c', '\u2066\u2069', '\u061c', '\u0301'.repeat(300), '\u200b \u0301']) {
      expect(zoneName({ name_zh: '某园区', name_en: blank }, 'en')).toBe('某园区');
      expect(projectName({ name_zh: blank, name_en: 'Some project' }, 'zh')).toBe('Some project');
      expect(zoneShortName({ name_zh: '长治高新技术产业开发区', name_en: 'Changzhi HTZ', short_zh: blank }, 'zh')).toBe('长治高新技术产业开发区');
      expect(companyName({ company_zh: '某公司', company_en: blank }, 'en')).toBe('某公司');
    }
    // Marks and direction controls beside visible text are part of the name.
    expect(zoneName({ name_zh: '某园区', name_en: '\u200fمدينة\u200f' }, 'en')).toBe('\u200fمدينة\u200f');
    expect(zoneName({ name_zh: '某园区', name_en: 'Cafe\u0301' }, 'en')).toBe('Cafe\u0301');
  });

  it('short names fall back to the full name in the language', () => {
    const z = { name_zh: '长治高新技术产业开发区', name_en: 'Changzhi High-tech Zone', short_zh: '长治高新区' };
    expect(zoneShortName(z, 'zh')).toBe('长治高新区');
    expect(zoneShortName(z, 'en')).toBe('Changzhi High-tech Zone');
  });

  it('company names fall back and default to empty', () => {
    expect(companyName({ company_zh: '某公司', company_en: null }, 'en')).toBe('某公司');
    expect(companyName({}, 'en')).toBe('');
  });
});
