import { describe, expect, it } from 'vitest';
import { embedSnippet, escapeAttribute, iframeUrl } from '../../src/components/szm-embed/snippet.js';
import { attributesFromParams } from '../../src/explorer/permalink.js';

const options = { moduleUrl: 'https://maps.example.org/szm/shanxi-zones-map.js', pageUrl: 'https://maps.example.org/explorer/?old=1#x', title: 'Map "Shanxi"' };

describe('embedSnippet', () => {
  it('writes the element with its non-empty attributes and a script tag', () => {
    const snippet = embedSnippet('element', { lang: 'en', industries: 'new-energy,computing', q: '', selected: 'changzhi-htz' }, options);
    expect(snippet).toBe(
      '<script type="module" src="https://maps.example.org/szm/shanxi-zones-map.js"></script>\n' +
        '<shanxi-zones-map lang="en" industries="new-energy,computing" selected="changzhi-htz" style="height: 600px"></shanxi-zones-map>',
    );
  });

  it('escapes attribute values, so a query cannot close the tag', () => {
    const snippet = embedSnippet('element', { q: '"><script>alert(1)</script>' }, options);
    expect(snippet).toContain('q="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(snippet.match(/<script/g)).toHaveLength(1);
    expect(escapeAttribute('a&b')).toBe('a&amp;b');
  });

  it('writes an iframe of the explorer whose URL the explorer reads back as the same attributes', () => {
    const attributes = { lang: 'en', industries: 'new-energy', 'zone-ids': 'changzhi-htz', 'investment-min': '1000000000', selected: 'changzhi-htz', center: '112.5,37.8', zoom: '8', theme: 'dark' };
    const snippet = embedSnippet('iframe', { ...attributes, controls: 'list' }, options);
    expect(snippet).toMatch(/^<iframe src="https:\/\/maps\.example\.org\/explorer\/\?[^"]+" title="Map &quot;Shanxi&quot;" width="100%" height="600" loading="lazy" style="border: 0"><\/iframe>$/);
    const url = new URL(iframeUrl(options.pageUrl, attributes));
    expect(url.hash).toBe('');
    expect(url.searchParams.has('old')).toBe(false);
    expect(attributesFromParams(url.searchParams)).toEqual(attributes);
  });
});
