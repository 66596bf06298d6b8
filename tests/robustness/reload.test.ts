/**
 * What a reload leaves behind: the selection's popup follows the new data (closed when its
 * feature is gone), an error shown follows a language switch, a source of only spaces means the
 * shipped data, `reload()` fetches a fixed file again at the same URL, and a `center` nowhere
 * near Shanxi gives the default view.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseURL } from '../browser/browser.js';
import { events, mountElements, robustnessSuite } from './support.js';

const ZONES_TEXT = readFileSync('data/zones.geojson', 'utf8');
const PROJECTS_TEXT = readFileSync('data/projects.geojson', 'utf8');
const ZONES = JSON.parse(ZONES_TEXT) as { features: unknown[] };
const PROJECTS = JSON.parse(PROJECTS_TEXT) as { features: { properties: Record<string, unknown> }[] };
const LOONGSON = 'cz-loongson-xinchuang-park';
const STYLE = 'display:block;width:1100px;height:700px';
const EL = 'shanxi-zones-map';

type El = HTMLElement & {
  updateComplete: Promise<boolean>;
  selected: string;
  projects: { features: unknown[] } | null;
  reload(): Promise<void>;
  map: { getCenter(): { lng: number; lat: number }; isMoving(): boolean };
};

/** The projects file with a change to every copy's feature, or without it. */
function projectsWith(edit: (features: { properties: Record<string, unknown> }[]) => unknown[]): string {
  const copy = JSON.parse(PROJECTS_TEXT);
  copy.features = edit(copy.features);
  return JSON.stringify(copy);
}

async function mount(page: Page, attrs: Record<string, string>) {
  const [out] = await mountElements(page, [attrs], { style: STYLE, timeout: 30_000 });
  return out!;
}

/** Sets attributes on the element and waits for its render. */
async function set(page: Page, attrs: Record<string, string | null>): Promise<void> {
  await page.evaluate(
    async ({ sel, attrs }) => {
      const el = document.querySelector(sel) as unknown as El;
      for (const [k, v] of Object.entries(attrs)) (v === null ? el.removeAttribute(k) : el.setAttribute(k, v));
      await el.updateComplete;
    },
    { sel: EL, attrs },
  );
}

/** The id and heading of the open popup, or null. */
async function popup(page: Page): Promise<{ id: string | null; title: string } | null> {
  return page.evaluate((sel) => {
    const content = document.querySelector(sel)!.shadowRoot!.querySelector('.maplibregl-popup [data-id]');
    return content ? { id: content.getAttribute('data-id'), title: content.querySelector('h3')?.textContent ?? '' } : null;
  }, EL);
}

async function alertText(page: Page): Promise<string> {
  return page.evaluate((sel) => {
    const alerts = document.querySelector(sel)!.shadowRoot!.querySelectorAll('[role=alert]');
    return [...alerts].map((a) => a.textContent).join(' ').replace(/\s+/g, ' ').trim();
  }, EL);
}

/** Waits until the element holds this many projects and has rendered them. */
async function projectsLoaded(page: Page, count: number): Promise<void> {
  await page.waitForFunction(([sel, n]) => (document.querySelector(sel as string) as unknown as El).projects?.features.length === n, [EL, count] as const, {
    timeout: 15_000,
  });
  await page.evaluate((sel) => (document.querySelector(sel) as unknown as El).updateComplete, EL);
}

describe('after a reload', () => {
  const suite = robustnessSuite({ width: 1200, height: 800 });

  beforeAll(async () => {
    suite.url.zones = suite.server.put('/good/zones.geojson', ZONES_TEXT);
    suite.url.projects = suite.server.put('/good/projects.geojson', PROJECTS_TEXT);
    suite.url.withoutLoongson = suite.server.put('/good/without.geojson', projectsWith((fs) => fs.filter((f) => f.properties.id !== LOONGSON)));
    suite.url.renamed = suite.server.put(
      '/good/renamed.geojson',
      projectsWith((fs) => fs.map((f) => (f.properties.id === LOONGSON ? { ...f, properties: { ...f.properties, name_en: 'Renamed by the reload' } } : f))),
    );
    suite.url.broken = suite.server.put('/broken/projects.geojson', projectsWith((fs) => fs.map((f, i) => (i === 0 ? { ...f, properties: { ...f.properties, name_en: undefined } } : f))));
    await suite.page.goto(new URL('/', baseURL()).href);
  });

  it('a selected project the new data no longer hold: its popup closes, `selected` clears and `select` says null', async () => {
    expect((await mount(suite.page, { 'zones-src': suite.url.zones, 'projects-src': suite.url.projects })).type).toBe('ready');
    await set(suite.page, { selected: LOONGSON });
    await suite.page.waitForFunction((sel) => !!document.querySelector(sel)!.shadowRoot!.querySelector('.maplibregl-popup [data-id]'), EL);
    expect((await popup(suite.page))?.id).toBe(LOONGSON);
    // Focus in the popup (on its close button) goes to the map when the popup goes.
    await suite.page.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.querySelector<HTMLElement>('.maplibregl-popup-close-button')!.focus(), EL);
    await set(suite.page, { 'projects-src': suite.url.withoutLoongson });
    await projectsLoaded(suite.page, PROJECTS.features.length - 1);
    expect(await popup(suite.page), 'the popup of the removed project').toBeNull();
    expect(await suite.page.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.activeElement?.className ?? document.activeElement?.tagName, EL)).toContain('maplibregl-canvas');
    expect(await suite.page.evaluate((sel) => (document.querySelector(sel) as unknown as El).selected, EL)).toBe('');
    expect(await suite.page.evaluate((sel) => document.querySelector(sel)!.getAttribute('selected') ?? '', EL)).toBe('');
    expect((await events(suite.page, 'select')).at(-1)?.detail).toEqual({ kind: null, id: null });
  });

  it('a selected project the new data still hold: its popup shows the new record', async () => {
    expect((await mount(suite.page, { 'zones-src': suite.url.zones, 'projects-src': suite.url.projects, lang: 'en' })).type).toBe('ready');
    await set(suite.page, { selected: LOONGSON });
    await suite.page.waitForFunction((sel) => !!document.querySelector(sel)!.shadowRoot!.querySelector('.maplibregl-popup [data-id]'), EL);
    expect((await popup(suite.page))?.title).not.toContain('Renamed by the reload');
    const selects = (await events(suite.page, 'select')).length;
    await set(suite.page, { 'projects-src': suite.url.renamed });
    await suite.page.waitForFunction((sel) => document.querySelector(sel)!.shadowRoot!.querySelector('.maplibregl-popup h3')?.textContent?.includes('Renamed by the reload'), EL, {
      timeout: 15_000,
    });
    expect((await popup(suite.page))?.id).toBe(LOONGSON);
    expect(await suite.page.evaluate((sel) => (document.querySelector(sel) as unknown as El).selected, EL)).toBe(LOONGSON);
    expect((await events(suite.page, 'select')).slice(selects).filter((e) => e.detail.id === null)).toEqual([]);
  });

  it('Escape closes the open popup, from the popup or the list (found by hand), and not while the search uses it', async () => {
    expect((await mount(suite.page, { 'zones-src': suite.url.zones, 'projects-src': suite.url.projects })).type).toBe('ready');
    const popupOpen = () => suite.page.evaluate((sel) => !!document.querySelector(sel)!.shadowRoot!.querySelector('.maplibregl-popup'), EL);
    for (const from of ['.maplibregl-popup-close-button', 'szm-list']) {
      await set(suite.page, { selected: LOONGSON });
      await suite.page.waitForFunction((sel) => !!document.querySelector(sel)!.shadowRoot!.querySelector('.maplibregl-popup [data-id]'), EL);
      await suite.page.evaluate(([sel, f]) => document.querySelector(sel!)!.shadowRoot!.querySelector<HTMLElement>(f!)!.focus(), [EL, from]);
      await suite.page.keyboard.press('Escape');
      expect(await popupOpen(), from).toBe(false);
      expect(await suite.page.evaluate((sel) => (document.querySelector(sel) as unknown as El).selected, EL), from).toBe('');
    }
    // The search's own Escape (closing its list) leaves the popup open.
    await set(suite.page, { selected: LOONGSON });
    await suite.page.waitForFunction((sel) => !!document.querySelector(sel)!.shadowRoot!.querySelector('.maplibregl-popup [data-id]'), EL);
    await suite.page.locator(`${EL} szm-search input`).fill('长治');
    await suite.page.waitForFunction((sel) => document.querySelector(sel)!.shadowRoot!.querySelector('szm-search')!.shadowRoot!.querySelectorAll('[role=option]').length > 0, EL);
    await suite.page.keyboard.press('Escape');
    expect(await popupOpen()).toBe(true);
  });

  it('a failed reload while a popup is open: the banner leaves the popup\'s close button clickable (found by hand)', async () => {
    expect((await mount(suite.page, { 'zones-src': suite.url.zones, 'projects-src': suite.url.projects, lang: 'en' })).type).toBe('ready');
    await set(suite.page, { selected: LOONGSON });
    await suite.page.waitForFunction((sel) => !!document.querySelector(sel)!.shadowRoot!.querySelector('.maplibregl-popup [data-id]'), EL);
    await suite.page.waitForFunction((sel) => !(document.querySelector(sel) as unknown as { map: { isMoving(): boolean } }).map.isMoving(), EL);
    await set(suite.page, { 'projects-src': suite.url.broken });
    await suite.page.waitForFunction((sel) => !!document.querySelector(sel)!.shadowRoot!.querySelector('.banner'), EL);
    const hit = await suite.page.evaluate((sel) => {
      const root = document.querySelector(sel)!.shadowRoot!;
      const close = root.querySelector('.maplibregl-popup-close-button')!.getBoundingClientRect();
      const at = root.elementFromPoint(close.x + close.width / 2, close.y + close.height / 2);
      return at?.className ?? at?.tagName;
    }, EL);
    expect(hit).toContain('maplibregl-popup-close-button');
  });

  it('a failed first load shown in zh reads in English after lang=en, and in zh again after lang=zh', async () => {
    const out = await mount(suite.page, { 'zones-src': suite.url.zones, 'projects-src': suite.url.broken, lang: 'zh' });
    expect(out.type).toBe('load-error');
    let text = await alertText(suite.page);
    expect(text).toContain('数据加载失败');
    expect(text).toContain('以下详情为英文');
    expect(text).toContain(`${suite.url.broken}: ${PROJECTS.features[0]!.properties.id}: name_en`);
    await set(suite.page, { lang: 'en' });
    text = await alertText(suite.page);
    expect(text).toContain('The data could not be loaded');
    expect(text).not.toMatch(/[\u4e00-\u9fff]/); // nothing left in Chinese
    expect(text).toContain(`${suite.url.broken}: ${PROJECTS.features[0]!.properties.id}: name_en`);
    await set(suite.page, { lang: 'zh' });
    expect(await alertText(suite.page)).toContain('数据加载失败');
  });

  it('a failed reload over good data: its banner follows the language too', async () => {
    expect((await mount(suite.page, { 'zones-src': suite.url.zones, 'projects-src': suite.url.projects, lang: 'zh' })).type).toBe('ready');
    const before = (await events(suite.page, 'load-error')).length;
    await set(suite.page, { 'projects-src': suite.url.broken });
    await suite.page.waitForFunction(([n]) => (window as unknown as { __events: { type: string }[] }).__events.filter((e) => e.type === 'load-error').length > n!, [before]);
    await suite.page.evaluate((sel) => (document.querySelector(sel) as unknown as El).updateComplete, EL);
    expect(await alertText(suite.page)).toContain('数据加载失败');
    await set(suite.page, { lang: 'en' });
    const text = await alertText(suite.page);
    expect(text).toContain('The data could not be loaded');
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    // The event keeps its shape: the message in the language of the moment, the lines in English.
    const detail = (await events(suite.page, 'load-error')).at(-1)!.detail;
    expect(Object.keys(detail).sort()).toEqual(['message', 'problems']);
    expect(detail.message).toBe('数据加载失败');
  });

  it('zones-src and projects-src of only spaces load the shipped data', async () => {
    const out = await mount(suite.page, { 'zones-src': '   ', 'projects-src': ' \t ' });
    expect(out.type, JSON.stringify(out.detail)).toBe('ready');
    expect(out.detail).toEqual({ zoneCount: ZONES.features.length, projectCount: PROJECTS.features.length });
    // And set to spaces after a load from elsewhere: back to the shipped data.
    await set(suite.page, { 'projects-src': suite.url.withoutLoongson });
    await projectsLoaded(suite.page, PROJECTS.features.length - 1);
    await set(suite.page, { 'projects-src': '  ' });
    await projectsLoaded(suite.page, PROJECTS.features.length);
    expect(await alertText(suite.page)).toBe('');
  });

  it('reload() fetches a file that failed again at the same URL, and draws it once it is fixed', async () => {
    const flaky = suite.server.put('/flaky/projects.geojson', 'boom', 500, 'text/plain');
    const out = await mount(suite.page, { 'zones-src': suite.url.zones, 'projects-src': flaky, lang: 'en' });
    expect(out.type).toBe('load-error');
    expect(out.alert).toContain(`${flaky}: the server answered 500`);
    suite.server.put('/flaky/projects.geojson', PROJECTS_TEXT);
    const readies = (await events(suite.page, 'ready')).length;
    await suite.page.evaluate((sel) => (document.querySelector(sel) as unknown as El).reload(), EL);
    await suite.page.waitForFunction(([n]) => (window as unknown as { __events: { type: string }[] }).__events.filter((e) => e.type === 'ready').length > n!, [readies], {
      timeout: 20_000,
    });
    await projectsLoaded(suite.page, PROJECTS.features.length);
    expect(await alertText(suite.page)).toBe('');
  });

  it('reload() that fails keeps the last good data, and a later reload() picks up the changed file', async () => {
    const errors = (await events(suite.page, 'load-error')).length;
    suite.server.put('/flaky/projects.geojson', 'boom', 503, 'text/plain');
    await suite.page.evaluate((sel) => (document.querySelector(sel) as unknown as El).reload(), EL);
    expect((await events(suite.page, 'load-error')).length).toBe(errors + 1);
    await suite.page.evaluate((sel) => (document.querySelector(sel) as unknown as El).updateComplete, EL);
    expect(await alertText(suite.page)).toContain('the server answered 503');
    expect(await suite.page.evaluate((sel) => (document.querySelector(sel) as unknown as El).projects?.features.length, EL)).toBe(PROJECTS.features.length);
    suite.server.put('/flaky/projects.geojson', projectsWith((fs) => fs.slice(0, 10)));
    await suite.page.evaluate((sel) => (document.querySelector(sel) as unknown as El).reload(), EL);
    await projectsLoaded(suite.page, 10);
    expect(await alertText(suite.page)).toBe('');
  });

  it('a centre that is empty or far from Shanxi gives the default view, as NaN,NaN does', async () => {
    expect((await mount(suite.page, { 'zones-src': suite.url.zones, 'projects-src': suite.url.projects })).type).toBe('ready');
    const centre = () => suite.page.evaluate((sel) => (document.querySelector(sel) as unknown as El).map.getCenter(), EL);
    await set(suite.page, { center: 'NaN,NaN', zoom: '8' });
    const fallback = await centre();
    for (const bad of [',', '0,0', '1e2,37', '112.5,', ',37.8', '-180,85']) {
      await set(suite.page, { center: '113.0,36.2', zoom: '8' });
      expect((await centre()).lng, 'a good centre moves the map').toBeCloseTo(113.0, 1);
      await set(suite.page, { center: bad });
      const c = await centre();
      expect([c.lng, c.lat], `center="${bad}"`).toEqual([expect.closeTo(fallback.lng, 3), expect.closeTo(fallback.lat, 3)]);
    }
    // A centre at the edge of the province, or a little beyond it, still counts.
    await set(suite.page, { center: '110.3,34.6', zoom: '8' });
    expect((await centre()).lng).toBeCloseTo(110.3, 1);
  });

  it('logged no page error beyond the failed requests', () => {
    expect(suite.g.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
