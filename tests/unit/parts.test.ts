import { describe, expect, it } from 'vitest';
import { PARTS, parseControls, visibleTabs } from '../../src/components/shanxi-zones-map/parts.js';

describe('controls attribute', () => {
  it('shows every part when empty or "all"', () => {
    expect([...parseControls('')]).toEqual([...PARTS]);
    expect([...parseControls(null)]).toEqual([...PARTS]);
    expect(parseControls('all').size).toBe(PARTS.length);
  });
  it('shows the map alone with "none"', () => {
    expect(parseControls('none').size).toBe(0);
    expect(visibleTabs(parseControls('none'))).toEqual([]);
  });
  it('keeps known names and drops unknown ones', () => {
    expect([...parseControls(' Legend , bogus,search ')].sort()).toEqual(['legend', 'search']);
    expect(visibleTabs(parseControls('legend,search'))).toEqual(['layers']);
    expect(visibleTabs(parseControls('list,about'))).toEqual(['list', 'about']);
  });
  it('drops the names Object.prototype has (they made the element throw and render nothing)', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(() => parseControls(name)).not.toThrow();
      expect(parseControls(name).size).toBe(0);
      expect([...parseControls(`${name},search`)]).toEqual(['search']);
    }
  });
});
