/**
 * Hostile strings for the robustness tests, and datasets that carry them.
 *
 * Every payload is a template of a number `n`: if it ever runs, it calls `window.__pwned(n)`.
 * The datasets give each (payload, field) pair its own `n = payload * 100 + field`, so a call
 * names both the payload (`PAYLOADS[Math.floor(n / 100)]`) and the field (`FIELDS[n % 100]`).
 */
import type { ProjectCollection, ZoneCollection } from '../../src/data/schema.js';

export interface Payload {
  name: string;
  make: (n: number) => string;
}

const p = (name: string, make: (n: number) => string): Payload => ({ name, make });
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

export const PAYLOADS: readonly Payload[] = [
  p('script tag', (n) => `<script>__pwned(${n})</script>`),
  p('img onerror', (n) => `<img src=x onerror=__pwned(${n})>`),
  p('img onerror, quoted', (n) => `<img src="x" onerror="__pwned(${n})">`),
  p('svg onload', (n) => `<svg onload=__pwned(${n})>`),
  p('svg script', (n) => `<svg><script>__pwned(${n})</script></svg>`),
  p('iframe javascript src', (n) => `<iframe src="javascript:parent.__pwned(${n})"></iframe>`),
  p('iframe srcdoc', (n) => `<iframe srcdoc="<script>parent.__pwned(${n})</script>"></iframe>`),
  p('javascript: URL', (n) => `javascript:__pwned(${n})`),
  p('mixed-case javascript:', (n) => `JaVaScRiPt:__pwned(${n})`),
  p('tab inside javascript:', (n) => `java\tscript:__pwned(${n})`),
  p('newline inside javascript:', (n) => `java\nscript:__pwned(${n})`),
  p('leading control char', (n) => `\u0001 javascript:__pwned(${n})`),
  p('hex entity javascript:', (n) => `&#x6a;avascript:__pwned(${n})`),
  p('decimal entities javascript:', (n) => `&#106;&#97;vascript:__pwned(${n})`),
  p('escaped script entities', (n) => `&lt;script&gt;__pwned(${n})&lt;/script&gt;`),
  p('data: text/html', (n) => `data:text/html,<script>parent.__pwned(${n})</script>`),
  p('data: base64', (n) => `data:text/html;base64,${b64(`<script>parent.__pwned(${n})</script>`)}`),
  p('vbscript:', (n) => `vbscript:__pwned(${n})`),
  p('protocol-relative', (n) => `//evil.example/x.js?__pwned(${n})`),
  p('template literal', (n) => `\${__pwned(${n})}`),
  p('mustache constructor', (n) => `{{constructor.constructor('__pwned(${n})')()}}`),
  p('Lit part marker', (n) => `<!--?lit$123456789$-->__pwned(${n})<?lit$1$>`),
  p('Lit event binding look-alike', (n) => `<x-y @click=\${() => __pwned(${n})} .prop=\${__pwned(${n})}>`),
  p('anchor javascript href', (n) => `<a href="javascript:__pwned(${n})">click</a>`),
  p('CSS expression()', (n) => `<div style="width:expression(__pwned(${n}))">x</div>`),
  p('close style then script', (n) => `</style><script>__pwned(${n})</script>`),
  p('attribute breakout, double quote', (n) => `"><script>__pwned(${n})</script>`),
  p('attribute breakout, single quote', (n) => `'><img src=x onerror=__pwned(${n})>`),
  p('attribute injection', (n) => `" onmouseover="__pwned(${n})" x="`),
  p('details ontoggle', (n) => `<details open ontoggle=__pwned(${n})>`),
  p('body onload', (n) => `<body onload=__pwned(${n})>`),
  p('input autofocus onfocus', (n) => `<input autofocus onfocus=__pwned(${n})>`),
  p('math mXSS', (n) => `<math><mtext><table><mglyph><style><img src=x onerror=__pwned(${n})>`),
  p('comment confusion', (n) => `<!--<img src="--><img src=x onerror=__pwned(${n})//">`),
  p('noscript confusion', (n) => `<noscript><p title="</noscript><img src=x onerror=__pwned(${n})>">`),
  p('object data', (n) => `<object data="javascript:__pwned(${n})"></object>`),
  p('embed data URL', (n) => `<embed src="data:text/html,<script>parent.__pwned(${n})</script>">`),
  p('meta refresh', (n) => `<meta http-equiv="refresh" content="0;url=javascript:__pwned(${n})">`),
  p('form formaction', (n) => `<form><button formaction=javascript:__pwned(${n})>x</button></form>`),
  p('template script', (n) => `<template><script>__pwned(${n})</script></template>`),
  p('RTL override', (n) => `\u202e<img src=x onerror=__pwned(${n})>\u202c gpj.exe`),
  p('null byte', (n) => `\u0000<script>__pwned(${n})</script>\u0000`),
  p('zero-width and BOM chars', (n) => `\u200b\ufeff<scr\u200bipt>__pwned(${n})</script>`),
  // As long as a name may be (NAME_MAX, 300): the validator refuses longer ones (malformed.test.ts).
  p('very long string', (n) => `${'长'.repeat(125)}${'A'.repeat(125)}<img src=x onerror=__pwned(${n})>`),
  p('unicode escapes', (n) => `\\u003cscript\\u003e__pwned(${n})\\u003c/script\\u003e`),
];

/** Strings that must never become a link: URL-shaped payloads and their variants. */
export function urlPayloads(n = 0): string[] {
  const fromList = PAYLOADS.map((x) => x.make(n));
  return [
    ...fromList,
    ` javascript:__pwned(${n})`,
    `javascript://example.org/%0a__pwned(${n})`,
    `jav&#x09;ascript:__pwned(${n})`,
    `\u0000javascript:__pwned(${n})`,
    `data:image/svg+xml,<svg onload=__pwned(${n})>`,
    `DATA:text/html,<script>__pwned(${n})</script>`,
    `file:///etc/passwd`,
    `blob:http://127.0.0.1/${n}`,
    `about:blank`,
    `mailto:x@example.org?body=__pwned(${n})`,
    `ftp://example.org/${n}`,
    `ws://example.org/${n}`,
    `http:__pwned(${n})`,
    `https:/\\evil.example/${n}`,
    `\\\\evil.example\\${n}`,
    `/relative/${n}`,
    '',
  ];
}

/** An http(s) URL with a payload in its query (whitespace removed: the validator refuses it). */
export const httpsWith = (payload: string, path = 'src') =>
  `https://example.org/${path}?q=${payload.replace(/\s/g, '')}`;

/** The fields of the payload dataset, by their code (`n % 100`). */
export const FIELDS = [
  'zone.name_zh', 'zone.name_en', 'zone.short_zh', 'zone.short_en', 'zone.city', 'zone.county',
  'zone.location_note_zh', 'zone.location_note_en', 'zone.figures.label_zh', 'zone.figures.label_en',
  'zone.figures.quote', 'zone.sources.publisher', 'zone.sources.title', 'zone.sources.quote',
  'zone.sources.ref/url', 'project.name_zh', 'project.name_en', 'project.company_zh', 'project.company_en',
  'project.capacity_zh', 'project.capacity_en', 'project.location_note_zh', 'project.location_note_en',
  'project.history.note_zh', 'project.history.note_en', 'project.sources.publisher', 'project.sources.title',
  'project.sources.quote', 'project.sources.ref/url', 'project.sources[1].title',
] as const;
export type Field = (typeof FIELDS)[number];

const code = (f: Field) => FIELDS.indexOf(f);
/** The number a payload in a field calls `__pwned` with. */
export const pwnedNumber = (payload: number, field: Field) => payload * 100 + code(field);
/** What a `__pwned(n)` call means. */
export const explain = (n: number) => `${PAYLOADS[Math.floor(n / 100)]?.name ?? '?'} in ${FIELDS[n % 100] ?? '?'}`;

export const zoneId = (i: number) => `xss-zone-${String(i).padStart(2, '0')}`;
export const projectId = (i: number) => `xss-project-${String(i).padStart(2, '0')}`;
const SEED = '001_0123456789abcdef.txt';

/** A point inside Shanxi for feature i (a grid over the province's middle). */
function position(i: number, shift = 0): [number, number] {
  return [111.6 + (i % 8) * 0.3 + shift, 35.6 + Math.floor(i / 8) * 0.5 + shift];
}

/**
 * One zone and one project per payload, the payload in every free-text field, and an http(s)
 * URL with the payload in its query. Passes the validator (tests/unit/xss-payloads.test.ts).
 */
export function payloadDataset(): { zones: ZoneCollection; projects: ProjectCollection } {
  const zones: ZoneCollection = { type: 'FeatureCollection', features: [] };
  const projects: ProjectCollection = { type: 'FeatureCollection', features: [] };
  PAYLOADS.forEach((payload, i) => {
    const s = (f: Field) => payload.make(pwnedNumber(i, f));
    const zoneUrl = httpsWith(s('zone.sources.ref/url'), `zone/${i}`);
    zones.features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: position(i) },
      properties: {
        id: zoneId(i),
        name_zh: s('zone.name_zh'),
        name_en: s('zone.name_en'),
        short_zh: s('zone.short_zh'),
        short_en: s('zone.short_en'),
        level: 'provincial',
        kind: 'economic-development',
        // one prefecture: no ';' (entities become full-width), ending in 市
        city: `${s('zone.city').replace(/;/g, '；')}市`,
        county: s('zone.county'),
        industries: ['new-energy', 'computing'],
        established: '2010',
        area_km2: 12.5,
        location_basis: 'county-seat',
        location_note_zh: s('zone.location_note_zh'),
        location_note_en: s('zone.location_note_en'),
        verified: i % 2 === 0,
        figures: [
          {
            key: 'output_cny',
            label_zh: s('zone.figures.label_zh'),
            label_en: s('zone.figures.label_en'),
            value: 1e9,
            unit: 'cny',
            as_of: '2024',
            basis: 'actual',
            source: zoneUrl,
            quote: s('zone.figures.quote'),
          },
        ],
        sources: [
          {
            ref: zoneUrl,
            url: zoneUrl,
            publisher: s('zone.sources.publisher'),
            title: s('zone.sources.title'),
            date: '2024-05-01',
            quote: s('zone.sources.quote'),
          },
        ],
      },
    });
    const projectUrl = httpsWith(s('project.sources.ref/url'), `project/${i}`);
    projects.features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: position(i, 0.05) },
      properties: {
        id: projectId(i),
        zone_id: zoneId(i),
        name_zh: s('project.name_zh'),
        name_en: s('project.name_en'),
        company_zh: s('project.company_zh'),
        company_en: s('project.company_en'),
        industry: i % 2 ? 'computing' : 'new-energy',
        investment_cny: 1e8 * (i + 1),
        output_cny: null,
        output_basis: null,
        capacity_zh: s('project.capacity_zh'),
        capacity_en: s('project.capacity_en'),
        status: 'under-construction',
        status_date: '2024-06',
        history: [
          { date: '2023-01', status: 'signed', note_zh: s('project.history.note_zh'), note_en: s('project.history.note_en'), source: SEED },
          { date: '2024-06', status: 'under-construction', note_zh: s('project.history.note_zh'), note_en: s('project.history.note_en'), source: projectUrl },
        ],
        location_basis: 'near-zone',
        location_note_zh: s('project.location_note_zh'),
        location_note_en: s('project.location_note_en'),
        sources: [
          {
            ref: projectUrl,
            url: projectUrl,
            publisher: s('project.sources.publisher'),
            title: s('project.sources.title'),
            date: '2024-06-02',
            quote: s('project.sources.quote'),
            fields: ['investment_cny', 'capacity_zh', 'status'],
          },
          { ref: SEED, publisher: s('project.sources.publisher'), title: s('project.sources[1].title'), date: '2023-01-05', fields: ['status'] },
        ],
      },
    });
  });
  return { zones, projects };
}

/**
 * The payload dataset with `javascript:` and `data:` URLs in the `url` and `ref` of some
 * sources: the validator must refuse it and name each (file, id, field).
 */
export function hostileUrlDataset(): {
  zones: ZoneCollection;
  projects: ProjectCollection;
  expected: { kind: 'zones' | 'projects'; id: string; field: string }[];
} {
  const { zones, projects } = payloadDataset();
  const expected: { kind: 'zones' | 'projects'; id: string; field: string }[] = [];
  const zs = zones.features[0]!.properties.sources[0]!;
  zs.url = 'javascript:__pwned(9001)';
  expected.push({ kind: 'zones', id: zoneId(0), field: 'sources[0].url' });
  const ps = projects.features[1]!.properties.sources[0]!;
  ps.url = 'data:text/html,<script>parent.__pwned(9002)</script>';
  expected.push({ kind: 'projects', id: projectId(1), field: 'sources[0].url' });
  const pr = projects.features[2]!.properties.sources[1]!;
  pr.ref = 'JaVaScRiPt:__pwned(9003)';
  pr.url = 'JaVaScRiPt:__pwned(9003)';
  expected.push({ kind: 'projects', id: projectId(2), field: 'sources[1].ref' }, { kind: 'projects', id: projectId(2), field: 'sources[1].url' });
  const pv = projects.features[3]!.properties.sources[0]!;
  pv.url = 'java\tscript:__pwned(9004)';
  expected.push({ kind: 'projects', id: projectId(3), field: 'sources[0].url' });
  const pp = projects.features[4]!.properties.sources[0]!;
  pp.url = '//evil.example/__pwned(9005)';
  expected.push({ kind: 'projects', id: projectId(4), field: 'sources[0].url' });
  return { zones, projects, expected };
}

/**
 * In the page: every element under `root`, through every shadow root, that a payload could
 * have made, as short descriptions (empty when clean). Serializable for page.evaluate.
 */
export const scanForInjectedDom = (rootSelector: string): string[] => {
  const bad: string[] = [];
  const FORBIDDEN = new Set([
    'script', 'iframe', 'frame', 'object', 'embed', 'img', 'math', 'link', 'meta', 'base', 'body', 'form',
    'noscript', 'template', 'x-y', 'mglyph', 'mtext', 'style',
  ]);
  const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'srcset', 'poster', 'background']);
  const describeEl = (el: Element) => `<${el.tagName.toLowerCase()}> in ${(el.getRootNode() as ShadowRoot).host?.tagName.toLowerCase() ?? 'document'}`;
  const visit = (root: Document | ShadowRoot | Element): void => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      const host = (el.getRootNode() as ShadowRoot).host?.tagName.toLowerCase();
      // The filters' own <form> is the one form in the element.
      if (FORBIDDEN.has(tag) && !(tag === 'form' && host === 'szm-filters')) bad.push(describeEl(el));
      // The statistics draw their bars in SVG; nowhere else has any.
      if (tag === 'svg' && host !== 'szm-stats') bad.push(describeEl(el));
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) bad.push(`${describeEl(el)} with ${name}`);
        if (name.includes('pwned') || name.includes('<') || name.includes('"')) bad.push(`${describeEl(el)} with attribute ${name}`);
        if (URL_ATTRS.has(name) && !(tag === 'a' && name === 'href')) bad.push(`${describeEl(el)} with ${name}=${attr.value.slice(0, 60)}`);
        if (name === 'style' && /expression|javascript|url\(/i.test(attr.value)) bad.push(`${describeEl(el)} with style=${attr.value.slice(0, 60)}`);
      }
      if (tag === 'a' && el.hasAttribute('href')) {
        const href = el.getAttribute('href')!;
        let protocol = '';
        try {
          protocol = new URL(href).protocol;
        } catch {
          protocol = 'unparseable';
        }
        if (protocol !== 'http:' && protocol !== 'https:') bad.push(`${describeEl(el)} with href=${href.slice(0, 60)}`);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  const root = document.querySelector(rootSelector);
  if (!root) return [`no ${rootSelector}`];
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return bad;
};
