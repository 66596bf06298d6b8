import { describe, expect, it } from 'vitest';
import { attributesFromParams, paramsFromState } from '../../src/explorer/permalink.js';
import { emptyFilters } from '../../src/data/filter.js';

describe('permalink', () => {
  it('turns URL parameters into element attributes', () => {
    const attrs = attributesFromParams(
      new URLSearchParams('industries=new-energy,bogus&min=1e9&zones=a,b&lang=en&selected=x&center=112.5,37.8&zoom=8&theme=dark'),
    );
    expect(attrs).toEqual({
      industries: 'new-energy',
      'investment-min': '1000000000',
      'zone-ids': 'a,b',
      lang: 'en',
      selected: 'x',
      center: '112.5,37.8',
      zoom: '8',
      theme: 'dark',
    });
  });

  it('drops a language other than en and empty values', () => {
    expect(attributesFromParams(new URLSearchParams('lang=fr&selected=&statuses=nope'))).toEqual({});
    expect(attributesFromParams(new URLSearchParams('theme=light'))).toEqual({}); // the default
    expect(attributesFromParams(new URLSearchParams('theme=%3Cb%3E'))).toEqual({});
    expect(attributesFromParams(new URLSearchParams('theme=auto'))).toEqual({ theme: 'auto' });
  });

  it('round-trips a state through the URL', () => {
    const filters = { ...emptyFilters(), statuses: ['operating' as const], cities: ['长治市'], investmentMax: 5e9, query: '龙芯' };
    const params = paramsFromState({ filters, lang: 'en', theme: 'dark', selected: 'p1', center: [112.123456, 37.9], zoom: 9.5 });
    expect(params.get('center')).toBe('112.1235,37.9000');
    const attrs = attributesFromParams(params);
    expect(attrs).toMatchObject({ statuses: 'operating', cities: '长治市', 'investment-max': '5000000000', q: '龙芯', lang: 'en', theme: 'dark', selected: 'p1', zoom: '9.50' });
    expect(paramsFromState({ filters: emptyFilters(), lang: 'zh', theme: 'light', selected: '' }).toString()).toBe('');
  });
});
