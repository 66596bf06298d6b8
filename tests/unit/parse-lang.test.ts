import { describe, expect, it } from 'vitest';
import { parseLang } from '../../src/i18n/strings.js';

describe('parseLang', () => {
  it('takes English language tags as en, and anything else as zh', () => {
    for (const v of ['en', 'EN', 'en-GB', 'en_US', ' en ']) expect(parseLang(v), v).toBe('en');
    for (const v of ['zh', 'zh-CN', '', null, undefined, 'enemy', 'english', 'fr', '<b>en</b>']) expect(parseLang(v), String(v)).toBe('zh');
  });
});
