import { describe, expect, it } from 'vitest';
import { PANEL_STRINGS, tp } from '../../src/i18n/parts-panel.js';

describe('panel strings', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(PANEL_STRINGS.en).sort()).toEqual(Object.keys(PANEL_STRINGS.zh).sort());
    for (const table of Object.values(PANEL_STRINGS)) for (const v of Object.values(table)) expect(v.trim()).not.toBe('');
  });

  it('fills placeholders, with an English singular for a count of one', () => {
    expect(tp('zh', 'stats.undisclosed', { count: 46 })).toBe('其中 46 个未披露投资额');
    expect(tp('en', 'legend.count', { count: '1,234' })).toBe('1,234 projects');
    expect(tp('en', 'legend.count', { count: 1 })).toBe('1 project');
    expect(tp('en', 'stats.totals', { count: '1', total: 'CNY 2 bn' })).toBe('1 project, disclosed investment CNY 2 bn');
    expect(tp('zh', 'legend.count', { count: 1 })).toBe('1 个项目');
    expect(tp('en', 'stats.totals', {})).toBe('{count} projects, disclosed investment {total}');
  });
});
