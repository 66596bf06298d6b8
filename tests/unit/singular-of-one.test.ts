import { describe, expect, it } from 'vitest';
import { singularOfOne } from '../../src/i18n/labels.js';
import { t } from '../../src/i18n/strings.js';
import { ta } from '../../src/i18n/parts-about.js';

describe('English counts of one', () => {
  it('make the noun after a whole 1 singular, and leave other counts alone', () => {
    expect(singularOfOne('1 projects, 1 zones shown')).toBe('1 project, 1 zone shown');
    expect(singularOfOne('1 cities, 1 sources')).toBe('1 city, 1 source');
    expect(singularOfOne('11 projects, 2,001 zones, 0.1 zones, 21 sources')).toBe('11 projects, 2,001 zones, 0.1 zones, 21 sources');
  });

  it('apply to the UI strings in English, not in Chinese', () => {
    expect(t('en', 'count.visible', { projects: 1, zones: 1 })).toBe('1 project, 1 zone shown');
    expect(t('en', 'count.visible', { projects: 12, zones: 1 })).toBe('12 projects, 1 zone shown');
    expect(t('en', 'popup.projectsSummary', { count: 1, total: 'CNY 1bn' })).toMatch(/^1 project, /);
    expect(ta('en', 'about.counts', { zones: 1, projects: 2, sources: 1 })).toBe('1 zone, 2 projects, 1 source');
    expect(t('zh', 'count.visible', { projects: 1, zones: 1 })).toBe('显示 1 个项目，1 个开发区');
  });
});
