/**
 * Hostile text in every field that reaches the screen, in the explorer in headless Chromium.
 * Each payload calls `window.__pwned(n)` if it ever runs (n names payload and field, see
 * payloads.ts); the tests open popups, every tab and the search on a dataset made of them and
 * assert that nothing ran, no element came from the data, and every link is http(s).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { baseURL, launch } from '../browser/browser.js';
import {
  PAYLOADS,
  explain,
  hostileUrlDataset,
  payloadDataset,
  scanForInjectedDom,
} from './payloads.js';
import { events, guardedPage, tripped, tripwires, waitForEvents, type GuardedPage } from './support.js';
import { zoneLabelText } from '../../src/map/data-layers.js';

const EL = 'shanxi-zones-map';
const data = payloadDataset();

/** Fulfils the element's default zones and projects URLs with the given collections. */
async function serveData(page: Page, zones: unknown, projects: unknown): Promise<void> {
  await page.route(/\/zones[^/]*\.geojson/, (r) => r.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(zones) }));
  await page.route(/\/projects[^/]*\.geojson/, (r) => r.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(projects) }));
}

/** Installs the DOM scan in the page as `window.__scan(selector)`. */
async function installScan(page: Page): Promise<void> {
  await page.evaluate(`window.__scan = ${scanForInjectedDom.toString()}`);
}
/**
 * Installs `window.__bidi(values)`: the texts holding U+202E (through shadow roots) that could
 * reorder text beside them. Each must be one of the data's `values` alone in its text node (not
 * run together with labels or figures), and sit in an element set apart for bidi
 * (`unicode-bidi: isolate`, from `<bdi>` or a `dir` attribute) or alone in a block of its own.
 * `__bidiSeen` counts the texts seen.
 */
async function installBidiScan(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __bidi(values: string[]): string[]; __bidiSeen: number };
    w.__bidiSeen = 0;
    w.__bidi = (values) => {
      const bad: string[] = [];
      const fromData = new Set(values.map((v) => v.trim()));
      const isolatedAlone = (text: Text): boolean => {
        const own = (text.textContent ?? '').trim();
        for (let el = text.parentElement; el; el = el.parentElement) {
          const cs = getComputedStyle(el);
          if (/isolate|plaintext/.test(cs.unicodeBidi)) return true;
          if ((el.textContent ?? '').trim() !== own) return false;
          if (cs.display !== 'inline') return true;
        }
        return false;
      };
      const walk = (root: Node) => {
        for (const n of root.childNodes) {
          if (n.nodeType === Node.TEXT_NODE && n.textContent!.includes('\u202e')) {
            w.__bidiSeen++;
            const p = n.parentElement!;
            if (!fromData.has(n.textContent!.trim())) bad.push(`text run together with other text: "${n.textContent!.slice(0, 80)}"`);
            else if (!isolatedAlone(n as Text)) bad.push(`<${p.localName} class="${p.className}"> in "${(p.parentElement ?? p).textContent!.slice(0, 60)}"`);
          }
          if ((n as Element).shadowRoot) walk((n as Element).shadowRoot!);
          walk(n);
        }
      };
      walk(document.querySelector('shanxi-zones-map')!.shadowRoot!);
      return bad;
    };
  });
}

const scan = (page: Page, selector = EL): Promise<string[]> =>
  page.evaluate((sel) => (window as unknown as { __scan: (s: string) => string[] }).__scan(sel), selector);

/** Everything tripped so far, with each `__pwned` call explained. */
async function expectNothingRan(g: GuardedPage): Promise<void> {
  const t = await tripped(g.page);
  expect(t.pwned.map(explain), 'payloads that executed').toEqual([]);
  expect(t.csp, 'CSP violations').toEqual([]);
  expect(g.dialogs, 'dialogs').toEqual([]);
}

describe('XSS payloads in every text field of a valid dataset', () => {
  let browser: Browser;
  let g: GuardedPage;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    g = await guardedPage(browser);
    page = g.page;
    await serveData(page, data.zones, data.projects);
    await page.goto(new URL('/', baseURL()).href);
    await waitForEvents(page, 'ready');
    await installScan(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(`loads all ${PAYLOADS.length} payload zones and projects`, async () => {
    const [ready] = await events(page, 'ready');
    expect(ready!.detail).toEqual({ zoneCount: PAYLOADS.length, projectCount: PAYLOADS.length });
    expect(await scan(page)).toEqual([]);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`opens the popup of every payload zone and project (${lang}): text stays text, links stay http(s)`, async () => {
      await page.locator(EL).evaluate((el, l) => el.setAttribute('lang', l), lang);
      const ids = [...data.zones.features.map((f) => f.properties.id), ...data.projects.features.map((f) => f.properties.id)];
      const results = await page.evaluate(async (list) => {
        const el = document.querySelector('shanxi-zones-map') as HTMLElement & { updateComplete: Promise<boolean> };
        const out: { id: string; text: string; links: string[]; bad: string[] }[] = [];
        for (const id of list) {
          el.setAttribute('selected', id);
          await el.updateComplete;
          const popup = el.shadowRoot!.querySelector(`.maplibregl-popup [data-id="${id}"]`);
          out.push({
            id,
            text: popup?.textContent ?? '',
            links: popup ? [...popup.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '') : [],
            bad: (window as unknown as { __scan: (s: string) => string[] }).__scan('shanxi-zones-map'),
          });
        }
        el.removeAttribute('selected');
        await el.updateComplete;
        return out;
      }, ids);
      expect(results).toHaveLength(PAYLOADS.length * 2);
      for (const [i, r] of results.entries()) {
        const zone = i < PAYLOADS.length;
        const f = zone ? data.zones.features[i]!.properties : data.projects.features[i - PAYLOADS.length]!.properties;
        expect(r.bad, `DOM from payloads in the popup of ${r.id}`).toEqual([]);
        // The payload is shown, verbatim, as text.
        expect(r.text, r.id).toContain(lang === 'en' ? f.name_en : f.name_zh);
        expect(r.text, r.id).toContain(f.sources[0]!.publisher);
        expect(r.text, r.id).toContain(f.location_note_zh && lang === 'zh' ? f.location_note_zh : f.location_note_en!);
        if (zone) {
          const z = data.zones.features[i]!.properties;
          expect(r.text).toContain(lang === 'en' ? z.figures[0]!.label_en : z.figures[0]!.label_zh);
        } else {
          const p = data.projects.features[i - PAYLOADS.length]!.properties;
          expect(r.text).toContain(lang === 'en' ? p.capacity_en : p.capacity_zh);
          expect(r.text).toContain(lang === 'en' ? p.history[0]!.note_en : p.history[0]!.note_zh);
        }
        expect(r.links.length, `links in ${r.id}`).toBeGreaterThan(0);
        for (const href of r.links) expect(href, r.id).toMatch(/^https:\/\/example\.org\/(zone|project)\/\d+\?q=/);
      }
      await expectNothingRan(g);
    });
  }

  it('shows every tab of the panel without making elements from the data', async () => {
    await page.locator(EL).evaluate((el) => el.setAttribute('lang', 'zh'));
    const seen: Record<string, string> = {};
    for (const tab of ['list', 'layers', 'stats', 'about']) {
      await page.locator(`${EL} #tab-${tab}`).click();
      await page.waitForTimeout(100);
      seen[tab] = await page.locator(`${EL}`).evaluate((el) => {
        // The tab panel's text, through the parts' shadow roots.
        const text = (n: Node): string =>
          n.nodeType === Node.TEXT_NODE
            ? (n.textContent ?? '')
            : [...((n as Element).shadowRoot?.childNodes ?? []), ...n.childNodes].map(text).join(' ');
        return text(el.shadowRoot!.querySelector('.tabpanel')!);
      });
      expect(await scan(page), `DOM from payloads in tab ${tab}`).toEqual([]);
    }
    const z0 = data.zones.features[0]!.properties;
    const p1 = data.projects.features[1]!.properties;
    expect(seen.list).toContain(z0.short_zh ?? z0.name_zh);
    expect(seen.list).toContain(p1.name_zh);
    expect(seen.layers).toContain(z0.city); // the cities filter lists the data's prefectures
    expect(seen.about).toContain(p1.sources[0]!.publisher);
    expect(seen.about).toContain(p1.sources[1]!.title);
    const hrefs = await page.locator(`${EL} szm-about a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^https:\/\/example\.org\//);
    await expectNothingRan(g);
  });

  it('searches the payloads: results are text, and picking one opens its popup', async () => {
    const input = page.locator(`${EL} szm-search input`);
    for (const q of ['script', 'onerror', 'javascript', '<img', '${', '{{', 'lit$', '长长长', 'expression(']) {
      await input.fill(q);
      await page.waitForTimeout(150);
      const options = await page.locator(`${EL} szm-search [role=option]`).allTextContents();
      expect(options.length, `results for ${q}`).toBeGreaterThan(0);
      expect(options.some((o) => o.toLowerCase().includes(q.toLowerCase())), `a result shows ${q} as text`).toBe(true);
      expect(await scan(page), `DOM from payloads in the results for ${q}`).toEqual([]);
    }
    await input.fill('onerror');
    const first = page.locator(`${EL} szm-search [role=option]`).first();
    const id = await first.getAttribute('data-id');
    await first.click();
    await page.locator(`${EL} .maplibregl-popup [data-id="${id}"]`).waitFor({ timeout: 10_000 });
    expect(await scan(page)).toEqual([]);
    await expectNothingRan(g);
  });

  it('draws the payload names as canvas labels, never as DOM', async () => {
    await page.locator(EL).evaluate((el) => el.removeAttribute('selected'));
    const labels = await page.evaluate(async () => {
      const el = document.querySelector('shanxi-zones-map') as unknown as {
        map: { queryRenderedFeatures(o: object): { properties: Record<string, string> }[]; fitBounds(b: number[], o: object): void; once(e: string, f: () => void): void };
        shadowRoot: ShadowRoot;
      };
      await new Promise<void>((resolve) => {
        el.map.once('idle', () => resolve());
        el.map.fitBounds([111.4, 35.4, 114.2, 38.8], { animate: false });
      });
      const canvasContainer = el.shadowRoot.querySelector('.maplibregl-canvas-container')!;
      return {
        labels: el.map.queryRenderedFeatures({ layers: ['zone-labels'] }).map((f) => f.properties.short_zh),
        containerChildren: [...canvasContainer.children].map((c) => c.tagName.toLowerCase()),
        controlsText: el.shadowRoot.querySelector('.maplibregl-control-container')?.textContent ?? '',
      };
    });
    expect(labels.labels.length).toBeGreaterThan(0);
    // As the map draws them: a payload longer than a label's length is cut (the popup has it whole).
    const shorts = new Set(data.zones.features.map((f) => zoneLabelText(f.properties.short_zh!)));
    for (const l of labels.labels) expect(shorts.has(l)).toBe(true);
    expect(labels.containerChildren).toEqual(['canvas']);
    expect(labels.controlsText).not.toContain('pwned');
    expect(await scan(page)).toEqual([]);
  });

  it('keeps an RTL override (U+202E) in the data to its own text, in popups, every tab and the search', async () => {
    const i = PAYLOADS.findIndex((p) => p.name === 'RTL override');
    const zoneId = data.zones.features[i]!.properties.id;
    const projectId = data.projects.features[i]!.properties.id;
    await installBidiScan(page);
    // Every string of the two features (a city is shown with 市, as the data has it).
    const values: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') values.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect([data.zones.features[i]!.properties, data.projects.features[i]!.properties]);
    const offenders: string[] = [];
    const check = async (where: string) => {
      const found = await page.evaluate((v) => (window as unknown as { __bidi(values: string[]): string[] }).__bidi(v), values);
      offenders.push(...found.map((f) => `${where}: ${f}`));
      return found;
    };
    await page.locator(EL).evaluate((el) => el.setAttribute('lang', 'zh'));
    for (const id of [zoneId, projectId]) {
      await page.locator(EL).evaluate((el, v) => el.setAttribute('selected', v), id);
      await page.locator(`${EL} .maplibregl-popup [data-id="${id}"]`).waitFor({ timeout: 10_000 });
      await page.locator(`${EL} .maplibregl-popup [data-id="${id}"] details`).evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await check(`popup ${id}`);
    }
    await page.locator(EL).evaluate((el) => el.removeAttribute('selected'));
    for (const tab of ['list', 'layers', 'stats', 'about']) {
      await page.locator(`${EL} #tab-${tab}`).click();
      await page.waitForTimeout(100);
      await check(`tab ${tab}`);
    }
    await page.locator(`${EL} szm-search input`).fill('gpj.exe');
    await page.waitForTimeout(150);
    expect(await page.locator(`${EL} szm-search [role=option]`).count()).toBeGreaterThan(0);
    await check('search');
    await page.locator(`${EL} szm-search input`).fill('');
    // The scan saw the payload at all (else it would pass on nothing).
    const seen = await page.evaluate(() => (window as unknown as { __bidiSeen: number }).__bidiSeen);
    expect(seen).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });

  it('ran no payload, opened no dialog and logged no page error in all of the above', async () => {
    await page.waitForTimeout(500); // late onerror / onload handlers
    await expectNothingRan(g);
    expect(g.errors).toEqual([]);
    expect(await scan(page)).toEqual([]);
  });
});

describe('javascript: and data: URLs are refused by the validator, and the message is text', () => {
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
  });

  it('shows an alert naming file, id and field, with no link and nothing run', async () => {
    browser = await launch();
    const g = await guardedPage(browser);
    const { zones, projects, expected } = hostileUrlDataset();
    await serveData(g.page, zones, projects);
    await g.page.goto(new URL('/', baseURL()).href);
    await waitForEvents(g.page, 'load-error');
    await installScan(g.page);
    const [err] = await events(g.page, 'load-error');
    const problems = err!.detail.problems as string[];
    const alert = (await g.page.locator(`${EL} [role=alert]`).textContent()) ?? '';
    for (const e of expected) {
      const line = problems.find((p) => new RegExp(`/${e.kind}[^/]*\\.geojson: ${e.id}: ${e.field.replace(/[[\]]/g, '\\$&')}: .*(not an http\\(s\\) URL|neither a seed file)`).test(p));
      expect(line, `${e.id} ${e.field} in\n${problems.join('\n')}`).toBeDefined();
      expect(alert).toContain(`${e.id}: ${e.field}`);
    }
    expect(alert).toContain('javascript:__pwned(9001)'); // shown as text
    expect(await g.page.locator(`${EL} [role=alert] a`).count()).toBe(0);
    expect(await scan(g.page)).toEqual([]);
    await g.page.waitForTimeout(300);
    await expectNothingRan(g);
  });
});

describe('the DOM builders with payloads the validator never lets through', () => {
  let browser: Browser;
  let g: GuardedPage;

  beforeAll(async () => {
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: fileURLToPath(new URL('./dom-entry.ts', import.meta.url)), formats: ['es'], fileName: 'dom-entry' },
      },
    });
    const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
    const code = outputs[0]!.output.find((o) => o.type === 'chunk')!.code!;
    browser = await launch();
    g = await guardedPage(browser);
    await g.page.setContent('<!doctype html><html><body><main id="root"></main></body></html>');
    await g.page.evaluate(tripwires); // init scripts do not run for setContent on about:blank
    await g.page.addScriptTag({ type: 'module', content: code });
    await g.page.waitForFunction(() => '__szm' in window);
    await installScan(g.page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('externalLink gives an http(s) <a> or a <span>, with the text as text, for every payload as URL and as text', async () => {
    const payloads = PAYLOADS.map((p, i) => p.make(i));
    const report = await g.page.evaluate((list) => {
      const { externalLink } = (window as unknown as { __szm: { externalLink(t: string, u: unknown): HTMLElement } }).__szm;
      const out: string[] = [];
      const root = document.querySelector('#root')!;
      let links = 0;
      for (const text of list) {
        for (const url of [...list, `https://example.org/?q=${text}`, `http://example.org/${text}`]) {
          const el = externalLink(text, url);
          root.append(el);
          if (el.textContent !== text) out.push(`text changed for ${JSON.stringify(text).slice(0, 40)}`);
          if (el.children.length) out.push(`child elements for ${JSON.stringify(text).slice(0, 40)}`);
          if (el.tagName === 'A') {
            links++;
            const href = el.getAttribute('href')!;
            if (!/^https?:\/\//.test(href) || !['http:', 'https:'].includes(new URL(href).protocol)) out.push(`href ${href.slice(0, 60)}`);
            if (el.getAttribute('rel') !== 'noopener noreferrer') out.push('rel missing');
          } else if (el.tagName !== 'SPAN') out.push(`made a <${el.tagName}>`);
        }
      }
      return { out, links };
    }, payloads);
    expect(report.out).toEqual([]);
    // Only the http(s) wrappers became links (none of the bare payloads is an absolute http(s) URL).
    expect(report.links).toBe(payloads.length * 2);
    expect(await scan(g.page, '#root')).toEqual([]);
    await expectNothingRan(g);
  });

  it('popups show an unknown industry id, javascript: URLs and payload refs as text', async () => {
    const { zones, projects } = payloadDataset();
    const hostile = PAYLOADS.map((p, i) => p.make(9000 + i));
    const report = await g.page.evaluate(
      ({ zs, ps, hostile }) => {
        const szm = (window as unknown as {
          __szm: {
            projectPopup(p: unknown, z: unknown, lang: string): HTMLElement;
            zonePopup(z: unknown, s: unknown, lang: string): HTMLElement;
          };
        }).__szm;
        const root = document.querySelector('#root')!;
        const texts: string[] = [];
        hostile.forEach((h, i) => {
          const p = structuredClone(ps[i % ps.length]) as Record<string, any>;
          const z = structuredClone(zs[i % zs.length]) as Record<string, any>;
          p.industry = h; // unknown industry: industryLabel returns the id itself
          p.sources[0].url = h;
          p.sources[0].ref = h;
          p.sources[1].ref = h;
          p.status = h;
          p.id = h;
          z.industries = [h, 'new-energy'];
          z.sources[0].url = h;
          z.sources[0].ref = h;
          z.city = h;
          z.level = h;
          z.kind = h;
          z.id = h;
          for (const lang of ['zh', 'en']) {
            const a = szm.projectPopup(p, z, lang);
            const b = szm.zonePopup(z, { projectCount: 1, investmentTotal: null, undisclosed: 1 }, lang);
            root.append(a, b);
            texts.push(a.textContent ?? '', b.textContent ?? '');
          }
        });
        return { texts, chips: [...root.querySelectorAll('.chip')].map((c) => c.textContent) };
      },
      { zs: zones.features.map((f) => f.properties), ps: projects.features.map((f) => f.properties), hostile },
    );
    expect(report.texts).toHaveLength(hostile.length * 4);
    for (const h of hostile) expect(report.chips).toContain(h);
    expect(await scan(g.page, '#root')).toEqual([]);
    const hrefs = await g.page.locator('#root a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
    await g.page.waitForTimeout(300);
    await expectNothingRan(g);
    expect(g.errors).toEqual([]);
  });
});
