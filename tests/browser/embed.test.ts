/**
 * <shanxi-zones-map> embedded in other people's pages: the library build loaded from another
 * origin, its data attributes, several instances, attributes changed after load, a hosted
 * basemap and its fallback, "Embed this view", and the iframe and React examples.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ProjectCollection, ZoneCollection } from '../../src/data/schema.js';
import { DARK_PALETTE, PALETTE } from '../../src/map/basemap-style.js';
import { ZONE_LABELS_MIN_ZOOM } from '../../src/map/data-layers.js';
import { ZONE_LABELS_QUIET_MS } from '../../src/map/zones-map-view.js';
import { baseURL, isLocal, launch, openPage, renderedIds, renderedProjectIds, waitForEvent, waitForIdle } from './browser.js';
import { addElement, eventDetails, examplesURL, libURL, shadowText } from './embed-helpers.js';

const zones = JSON.parse(readFileSync('data/zones.geojson', 'utf8')) as ZoneCollection;
const projects = JSON.parse(readFileSync('data/projects.geojson', 'utf8')) as ProjectCollection;
const smallZones = JSON.parse(readFileSync('tests/fixtures/small-zones.geojson', 'utf8')) as ZoneCollection;
const smallProjects = JSON.parse(readFileSync('tests/fixtures/small-projects.geojson', 'utf8')) as ProjectCollection;
const industryOf = new Map(projects.features.map((p) => [p.properties.id, p.properties.industry]));
const ZONE_LAYERS = ['zone-points', 'zone-areas'];

const host = () => new URL('t/host.html', examplesURL()).href;

describe('the library build, loaded from another origin', () => {
  let browser: Browser;
  let page: Page;
  let requests: string[];
  let errors: string[];

  beforeAll(async () => {
    browser = await launch();
    ({ page, requests, errors } = await openPage(browser, new URL('plain.html', examplesURL()).href));
    await waitForEvent(page, 'ready');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reaches ready with the module, its data, basemap and worker all from the library origin', async () => {
    const lib = new URL(libURL()).origin;
    const pages = new URL(examplesURL()).origin;
    expect(lib).not.toBe(pages);
    const [ready] = await eventDetails<{ zoneCount: number; projectCount: number }>(page, 'ready');
    expect(ready).toEqual({ zoneCount: zones.features.length, projectCount: projects.features.length });
    const fromLib = requests.filter((r) => r.startsWith(lib)).map((r) => new URL(r).pathname);
    expect(fromLib).toContain('/shanxi-zones-map.js');
    expect(fromLib.some((p) => /^\/assets\/zones-.*\.geojson$/.test(p))).toBe(true);
    expect(fromLib.some((p) => /^\/assets\/province-.*\.geojson$/.test(p))).toBe(true);
    expect(fromLib.some((p) => /^\/assets\/maplibre-gl-worker-.*\.mjs/.test(p))).toBe(true);
    expect(requests.filter((r) => !isLocal(r))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('is heard by the host page: events bubble out of the shadow root', async () => {
    const log = await page.locator('#log').textContent();
    expect(log).toMatch(/^ready \{"zoneCount":\d+/m);
    expect(log).toMatch(/^filter-change .*"industries":\["new-energy","computing"\]/m);
    const target = projects.features.find((p) => p.properties.industry === 'computing')!.properties.id;
    await page.evaluate((id) => document.querySelector('shanxi-zones-map')!.setAttribute('selected', id), target);
    await waitForEvent(page, 'select');
    const [select] = await eventDetails<{ kind: string; id: string }>(page, 'select');
    expect(select).toEqual({ kind: 'project', id: target });
  });

  it('draws only the layers its industries attribute names', async () => {
    await page.evaluate(() => document.querySelector('shanxi-zones-map')!.removeAttribute('selected'));
    await page.evaluate(() => (document.querySelector('shanxi-zones-map') as unknown as { map: { jumpTo(o: object): void } }).map.jumpTo({ center: [112.3, 37.6], zoom: 5.5 }));
    await waitForIdle(page);
    const shown = await renderedProjectIds(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown.map((id) => industryOf.get(id)))).toEqual(new Set(['new-energy', 'computing']));
  });
});

describe('zones-src and projects-src', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draw exactly the zones and projects of a small valid fixture', async () => {
    const { page, errors } = await openPage(browser, host());
    await addElement(page, { 'zones-src': '/fixtures/small-zones.geojson', 'projects-src': '/fixtures/small-projects.geojson', controls: 'none' });
    await waitForEvent(page, 'ready');
    expect(await eventDetails(page, 'ready')).toEqual([{ zoneCount: 3, projectCount: 5 }]);
    await page.evaluate(() => (document.querySelector('shanxi-zones-map') as unknown as { map: { jumpTo(o: object): void } }).map.jumpTo({ center: [112.3, 37.6], zoom: 5.5 }));
    await waitForIdle(page);
    expect(await renderedIds(page, ZONE_LAYERS)).toEqual(smallZones.features.map((f) => f.properties.id).sort());
    expect(await renderedProjectIds(page)).toEqual(smallProjects.features.map((f) => f.properties.id).sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fetch the files set just after the element was added, not the default data it began with', async () => {
    const { page, requests, errors } = await openPage(browser, host());
    await page.evaluate(() => {
      const el = document.createElement('shanxi-zones-map') as HTMLElement & { zonesSrc: string; projectsSrc: string };
      el.setAttribute('controls', 'none');
      document.body.append(el); // connected: the default data are being fetched
      el.zonesSrc = '/fixtures/small-zones.geojson';
      el.projectsSrc = '/fixtures/small-projects.geojson';
    });
    await waitForEvent(page, 'ready');
    expect(await eventDetails(page, 'ready')).toEqual([{ zoneCount: 3, projectCount: 5 }]);
    expect(requests.some((r) => r.endsWith('/fixtures/small-projects.geojson'))).toBe(true);
    expect(await eventDetails(page, 'load-error')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('are asked for before the basemap files, so they arrive while the map is being made', async () => {
    const { page, requests } = await openPage(browser, host());
    await addElement(page, { 'zones-src': '/fixtures/small-zones.geojson', 'projects-src': '/fixtures/small-projects.geojson', controls: 'none' });
    await waitForEvent(page, 'ready');
    const at = (re: RegExp) => requests.findIndex((r) => re.test(new URL(r).pathname));
    const data = Math.max(at(/small-zones\.geojson$/), at(/small-projects\.geojson$/));
    const basemap = at(/\/province-[^/]*\.geojson$/);
    expect(data).toBeGreaterThan(0);
    expect(basemap).toBeGreaterThan(data);
    await page.close();
  });

  it('show a plain error, naming the file, for a broken file', async () => {
    const { page } = await openPage(browser, host());
    await addElement(page, { lang: 'en', 'zones-src': '/fixtures/not-json.geojson' });
    await waitForEvent(page, 'load-error');
    const [detail] = await eventDetails<{ message: string; problems: string[] }>(page, 'load-error');
    expect(detail!.message).toBe('The data could not be loaded');
    expect(detail!.problems.join(' ')).toContain('not-json.geojson');
    const alert = await shadowText(page, '[role="alert"]');
    expect(alert).toContain('The data could not be loaded');
    expect(alert).toContain('not-json.geojson');
    expect(await eventDetails(page, 'ready')).toEqual([]);
    await page.close();
  });

  it('show the validator’s problems for a file of the wrong shape', async () => {
    const { page } = await openPage(browser, host());
    await addElement(page, { lang: 'en', 'projects-src': '/fixtures/projects-wrong-geometry.geojson' });
    await waitForEvent(page, 'load-error');
    const [detail] = await eventDetails<{ problems: string[] }>(page, 'load-error');
    expect(detail!.problems.length).toBeGreaterThan(1);
    expect(await shadowText(page, '[role="alert"] ul')).not.toBe('');
    await page.close();
  });
});

describe('zone labels', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Adds an element and reports, when `ready` is heard, its zoom and the zone labels on screen. */
  async function atReady(page: Page, attributes: Record<string, string>) {
    return page.evaluate(async (attrs) => {
      type M = { getZoom(): number; getLayer(id: string): unknown; queryRenderedFeatures(o: object): unknown[]; once(e: string, f: () => void): void; triggerRepaint(): void };
      const el = document.createElement('shanxi-zones-map') as HTMLElement & { map: M };
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      const ready = new Promise<{ zoom: number; labels: number }>((resolve) =>
        el.addEventListener('ready', () => resolve({ zoom: el.map.getZoom(), labels: el.map.getLayer('zone-labels') ? el.map.queryRenderedFeatures({ layers: ['zone-labels'] }).length : 0 }), { once: true }),
      );
      document.body.append(el);
      const first = await ready;
      await new Promise<void>((resolve) => {
        el.map.once('idle', () => resolve());
        el.map.triggerRepaint();
      });
      return { ...first, layerAfter: Boolean(el.map.getLayer('zone-labels')) };
    }, attributes);
  }

  it('are drawn by `ready` when the map starts close enough in to show them', async () => {
    const { page, errors } = await openPage(browser, host());
    const r = await atReady(page, { controls: 'none', center: '112.55,37.85', zoom: '8' });
    expect(r.zoom).toBeGreaterThanOrEqual(ZONE_LABELS_MIN_ZOOM);
    expect(r.labels).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('are added once the map has drawn nothing for a while when it starts too far out to show them', async () => {
    const { page, errors } = await openPage(browser, host());
    const r = await atReady(page, { controls: 'none' });
    expect(r.zoom).toBeLessThan(ZONE_LABELS_MIN_ZOOM);
    expect(r.labels).toBe(0);
    expect(r.layerAfter).toBe(false); // not at the first idle: a click right after ready does not wait for them
    const added = await page.evaluate(async () => {
      const map = (document.querySelector('shanxi-zones-map') as unknown as { map: { getLayer(id: string): unknown } }).map;
      const t0 = performance.now();
      while (!map.getLayer('zone-labels') && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50));
      return { added: Boolean(map.getLayer('zone-labels')), after: performance.now() - t0 };
    });
    expect(added.added).toBe(true);
    expect(added.after).toBeGreaterThan(ZONE_LABELS_QUIET_MS / 2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('are added at once when the map zooms in to them before that', async () => {
    const { page, errors } = await openPage(browser, host());
    const r = await atReady(page, { controls: 'none' });
    expect(r.layerAfter).toBe(false);
    await page.evaluate(() => (document.querySelector('shanxi-zones-map') as unknown as { map: { jumpTo(o: object): void } }).map.jumpTo({ center: [112.55, 37.85], zoom: 8 }));
    await waitForIdle(page);
    const labels = await page.evaluate(() =>
      (document.querySelector('shanxi-zones-map') as unknown as { map: { queryRenderedFeatures(o: object): unknown[] } }).map.queryRenderedFeatures({ layers: ['zone-labels'] }).length,
    );
    expect(labels).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

});

describe('several instances on one page', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    ({ page } = await openPage(browser, host()));
    await addElement(page, { industries: 'new-energy', controls: 'none', center: '112.3,37.6', zoom: '5.5' }, 'a');
    await addElement(page, { industries: 'computing', controls: 'list', center: '112.3,37.6', zoom: '5.5', lang: 'en' }, 'b');
    await waitForEvent(page, 'ready', 2);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('each draws only its own industries, on a map of its own', async () => {
    await waitForIdle(page, '#a');
    await waitForIdle(page, '#b');
    const a = await renderedProjectIds(page, '#a');
    const b = await renderedProjectIds(page, '#b');
    expect(new Set(a.map((id) => industryOf.get(id)))).toEqual(new Set(['new-energy']));
    expect(new Set(b.map((id) => industryOf.get(id)))).toEqual(new Set(['computing']));
    expect(a.length).toBe(projects.features.filter((p) => p.properties.industry === 'new-energy').length);
    const distinct = await page.evaluate(() => {
      const [x, y] = [...document.querySelectorAll('shanxi-zones-map')] as unknown as { map: object }[];
      return x!.map !== y!.map;
    });
    expect(distinct).toBe(true);
  });

  it('a change to one leaves the other alone', async () => {
    await page.evaluate(() => document.querySelector('#a')!.setAttribute('industries', 'equipment'));
    await waitForIdle(page, '#a');
    const a = await renderedProjectIds(page, '#a');
    const b = await renderedProjectIds(page, '#b');
    expect(new Set(a.map((id) => industryOf.get(id)))).toEqual(new Set(['equipment']));
    expect(new Set(b.map((id) => industryOf.get(id)))).toEqual(new Set(['computing']));
    expect(await shadowText(page, '.panel-head h2', '#a')).toBe(''); // controls="none": no panel
    expect(await shadowText(page, '.panel-head h2', '#b')).not.toBe('');
  });
});

describe('attributes changed after load', () => {
  let browser: Browser;
  let page: Page;
  const set = (name: string, value: string | null) =>
    page.evaluate(
      ([n, v]) => {
        const el = document.querySelector('shanxi-zones-map')!;
        if (v === null) el.removeAttribute(n!);
        else el.setAttribute(n!, v);
        return (el as unknown as { updateComplete: Promise<boolean> }).updateComplete;
      },
      [name, value] as const,
    );

  beforeAll(async () => {
    browser = await launch();
    ({ page } = await openPage(browser, host()));
    await addElement(page, {});
    await waitForEvent(page, 'ready');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lang switches the panel and the basemap labels', async () => {
    expect(await shadowText(page, '.panel-head h2')).toBe('山西开发区与重大项目');
    await set('lang', 'en');
    expect(await shadowText(page, '.panel-head h2')).not.toBe('山西开发区与重大项目');
    const field = await page.evaluate(() =>
      JSON.stringify((document.querySelector('shanxi-zones-map') as unknown as { map: { getLayoutProperty(l: string, p: string): unknown } }).map.getLayoutProperty('city-labels', 'text-field')),
    );
    expect(field).toContain('name_en');
  });

  it('industries filters the map and the list', async () => {
    await set('center', '112.3,37.6');
    await set('zoom', '5.5');
    await set('industries', 'biomedicine');
    await waitForIdle(page);
    const shown = await renderedProjectIds(page);
    expect(new Set(shown.map((id) => industryOf.get(id)))).toEqual(new Set(['biomedicine']));
    const [last] = (await eventDetails<{ industries: string[]; visibleProjects: number }>(page, 'filter-change')).slice(-1);
    expect(last).toMatchObject({ industries: ['biomedicine'], visibleProjects: shown.length });
  });

  it('selected opens the popup of that project', async () => {
    const id = projects.features.find((p) => p.properties.industry === 'biomedicine')!.properties.id;
    await set('selected', id);
    await page.waitForFunction(
      (pid) => !!document.querySelector('shanxi-zones-map')!.shadowRoot!.querySelector(`.maplibregl-popup [data-id="${pid}"]`),
      id,
      { timeout: 15_000 },
    );
    expect(await page.locator('shanxi-zones-map .maplibregl-popup [part~="popup"]').count()).toBe(1);
  });

  it('controls shows only the parts it names', async () => {
    await set('controls', 'none');
    expect(await page.evaluate(() => !!document.querySelector('shanxi-zones-map')!.shadowRoot!.querySelector('[part="panel"]'))).toBe(false);
    await set('controls', 'list,search');
    const parts = await page.evaluate(() =>
      [...document.querySelector('shanxi-zones-map')!.shadowRoot!.querySelectorAll('[part]')].map((e) => e.getAttribute('part')),
    );
    expect(parts).toEqual(expect.arrayContaining(['panel', 'search', 'list']));
    expect(parts).not.toContain('legend');
    expect(parts).not.toContain('export');
  });

  it('center and zoom move the map', async () => {
    await set('selected', null);
    await set('center', '113.0,36.2');
    await set('zoom', '9');
    const view = await page.evaluate(() => {
      const map = (document.querySelector('shanxi-zones-map') as unknown as { map: { getCenter(): { lng: number; lat: number }; getZoom(): number } }).map;
      return { ...map.getCenter(), zoom: map.getZoom() };
    });
    expect(view.lng).toBeCloseTo(113.0, 1);
    expect(view.lat).toBeCloseTo(36.2, 1);
    expect(view.zoom).toBeCloseTo(9, 1);
  });

  it('theme recolours the basemap and sets the documented custom properties', async () => {
    const look = (): Promise<{ land: unknown; panel: string }> =>
      page.evaluate(() => {
        const el = document.querySelector('shanxi-zones-map') as unknown as HTMLElement & { map: { getPaintProperty(l: string, p: string): unknown } };
        return { land: el.map.getPaintProperty('land', 'fill-color'), panel: getComputedStyle(el).getPropertyValue('--szm-panel-background').trim() };
      });
    expect(await look()).toEqual({ land: PALETTE.land, panel: '#ffffff' });
    await set('theme', 'dark');
    expect(await look()).toEqual({ land: DARK_PALETTE.land, panel: '#26282c' });
    await waitForIdle(page);
    await page.screenshot({ path: 'test-results/embed-theme-dark.png' });
    // Media query change events are dispatched when the page next renders: let two frames pass.
    const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.emulateMedia({ colorScheme: 'dark' });
    await frames();
    await set('theme', 'auto');
    expect(await look()).toEqual({ land: DARK_PALETTE.land, panel: '#26282c' });
    await page.emulateMedia({ colorScheme: 'light' });
    await frames();
    await page.waitForFunction(() => (document.querySelector('shanxi-zones-map') as unknown as { map: { getPaintProperty(l: string, p: string): unknown } }).map.getPaintProperty('land', 'fill-color') !== '#2a2c30');
    expect(await look()).toEqual({ land: PALETTE.land, panel: '#ffffff' });
  });
});

describe('basemap', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws a hosted style, with the zones and projects on it', async () => {
    const { page, errors } = await openPage(browser, host());
    await addElement(page, { basemap: '/t/style.json', controls: 'none' });
    await waitForEvent(page, 'ready');
    const layers = await page.evaluate(() =>
      (document.querySelector('shanxi-zones-map') as unknown as { map: { getStyle(): { layers: { id: string }[] } } }).map.getStyle().layers.map((l) => l.id),
    );
    expect(layers[0]).toBe('hosted-background');
    expect(layers).not.toContain('land');
    expect(layers).toEqual(expect.arrayContaining(['zone-points', 'project-points']));
    expect(await shadowText(page, '[part="notice"]')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('falls back to the offline basemap when the style cannot load, and says so', async () => {
    for (const broken of ['/t/missing-style.json', '/t/host.css']) {
      const { page } = await openPage(browser, host());
      await addElement(page, { basemap: broken, lang: 'en', controls: 'none' });
      await waitForEvent(page, 'ready');
      const layers = await page.evaluate(() =>
        (document.querySelector('shanxi-zones-map') as unknown as { map: { getStyle(): { layers: { id: string }[] } } }).map.getStyle().layers.map((l) => l.id),
      );
      expect(layers).toEqual(expect.arrayContaining(['land', 'province-line', 'zone-points', 'project-points']));
      expect(await shadowText(page, '[part="notice"]')).toBe('The hosted basemap could not be loaded: showing the offline basemap.');
      expect(await eventDetails(page, 'load-error')).toEqual([]);
      await page.close();
    }
  });
});

describe('"Embed this view"', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('in the library: an element snippet that loads this very module (and leaves out a selected id the data lack)', async () => {
    const { page } = await openPage(browser, host());
    await addElement(page, { industries: 'computing', lang: 'en', controls: 'list,export', selected: 'no-such-project' });
    await waitForEvent(page, 'ready');
    const snippet = await page.evaluate(
      () => document.querySelector('shanxi-zones-map')!.shadowRoot!.querySelector('szm-embed')!.shadowRoot!.querySelector('textarea')!.value,
    );
    expect(snippet).toContain(`<script type="module" src="${new URL('shanxi-zones-map.js', libURL()).href}"></script>`);
    expect(snippet).toMatch(/<shanxi-zones-map lang="en" industries="computing" controls="list,export" style="height: 600px"><\/shanxi-zones-map>/);
    await page.close();
  });

  it('in the explorer: an iframe snippet whose URL reproduces the filters and selection', async () => {
    const selected = projects.features.find((p) => p.properties.industry === 'new-energy')!.properties.id;
    const { page } = await openPage(browser, new URL(`/?lang=en&industries=new-energy&selected=${selected}`, baseURL()).href);
    await waitForEvent(page, 'ready');
    const embed = page.locator('shanxi-zones-map szm-embed');
    await embed.locator('input[value="iframe"]').check();
    const snippet = await embed.locator('textarea').inputValue();
    const src = /<iframe src="([^"]+)"/.exec(snippet)![1]!.replace(/&amp;/g, '&');
    expect(new URL(src).origin).toBe(new URL(baseURL()).origin);
    expect(Object.fromEntries(new URL(src).searchParams)).toEqual({ lang: 'en', industries: 'new-energy', selected });
    const again = await openPage(browser, src);
    await waitForEvent(again.page, 'ready');
    const attrs = await again.page.evaluate(() => {
      const el = document.querySelector('shanxi-zones-map')!;
      return { lang: el.getAttribute('lang'), industries: el.getAttribute('industries'), selected: el.getAttribute('selected') };
    });
    expect(attrs).toEqual({ lang: 'en', industries: 'new-energy', selected });
    await again.page.close();
    await page.close();
  });
});

describe('examples', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('iframe.html: the explorer in an iframe takes its view from the URL', async () => {
    const { page } = await openPage(browser, new URL('iframe.html', examplesURL()).href);
    const frame = page.frameLocator('iframe');
    const el = frame.locator('shanxi-zones-map');
    await el.locator('.maplibregl-canvas').waitFor({ timeout: 30_000 });
    const inner = page.frames().find((f) => f !== page.mainFrame())!;
    await inner.waitForFunction(() => (window as unknown as { __events: { type: string }[] }).__events.some((e) => e.type === 'ready'), null, { timeout: 45_000 });
    expect(await el.getAttribute('lang')).toBe('en');
    expect(await el.getAttribute('industries')).toBe('new-energy');
    await page.close();
  });

  it('react/: the element through @lit/react, with props and on… events', async () => {
    const { page, errors } = await openPage(browser, new URL('react/', examplesURL()).href);
    await page.locator('#status', { hasText: 'ready:' }).waitFor({ timeout: 45_000 });
    expect(await page.locator('#status').textContent()).toContain(`ready: ${zones.features.length} zones`);
    expect(await page.evaluate(() => (document.querySelector('shanxi-zones-map') as unknown as { industries: string }).industries)).toBe('new-energy');
    await page.getByRole('button', { name: 'computing' }).click();
    await page.waitForFunction(() => document.querySelector('shanxi-zones-map')!.getAttribute('industries') === 'computing');
    const [last] = (await eventDetails<{ industries: string[] }>(page, 'filter-change')).slice(-1);
    expect(last!.industries).toEqual(['computing']);
    const id = projects.features.find((p) => p.properties.industry === 'computing')!.properties.id;
    await page.evaluate((pid) => ((document.querySelector('shanxi-zones-map') as unknown as { selected: string }).selected = pid), id);
    await page.locator('#status', { hasText: `selected ${id}` }).waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
