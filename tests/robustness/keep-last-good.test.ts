/**
 * The last good data stays on the map: after a successful load, pointing `zones-src` or
 * `projects-src` at a broken or failing file shows the error (a banner over the map, dismissible)
 * while the previous zones and projects stay drawn, listed and searchable, on the same map.
 * A later good file replaces the data without rebuilding the map.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseURL } from '../browser/browser.js';
import { renderedCounts, robustnessSuite } from './support.js';

const ZONES_TEXT = readFileSync('data/zones.geojson', 'utf8');
const PROJECTS_TEXT = readFileSync('data/projects.geojson', 'utf8');
const ZONES = JSON.parse(ZONES_TEXT) as { features: { properties: { id: string } }[] };
const PROJECTS = JSON.parse(PROJECTS_TEXT) as { type: string; features: { properties: Record<string, unknown> }[] };
const P0 = PROJECTS.features[0]!.properties.id as string;
const EL = '#robust';

type El = HTMLElement & {
  updateComplete: Promise<boolean>;
  map: unknown;
  zones: { features: unknown[] } | null;
  projects: { features: unknown[] } | null;
};

/** Mounts one element with the panel on the given sources; resolves on its ready. */
async function mount(page: Page, zonesSrc: string, projectsSrc: string): Promise<void> {
  await page.evaluate(
    async ({ zonesSrc, projectsSrc }) => {
      document.querySelectorAll('shanxi-zones-map').forEach((e) => e.remove());
      const el = document.createElement('shanxi-zones-map');
      el.id = 'robust';
      el.setAttribute('zones-src', zonesSrc);
      el.setAttribute('projects-src', projectsSrc);
      el.style.cssText = 'display:block;width:1100px;height:700px';
      const w = window as unknown as { __errors: unknown[]; __readies: number };
      w.__errors = [];
      w.__readies = 0;
      el.addEventListener('load-error', (e) => w.__errors.push((e as CustomEvent).detail));
      el.addEventListener('ready', () => w.__readies++);
      const ready = new Promise<void>((resolve, reject) => {
        el.addEventListener('ready', () => resolve(), { once: true });
        el.addEventListener('load-error', (e) => reject(new Error(JSON.stringify((e as CustomEvent).detail))), { once: true });
      });
      document.body.append(el);
      await ready;
      (window as unknown as { __firstMap: unknown }).__firstMap = (el as unknown as El).map;
    },
    { zonesSrc, projectsSrc },
  );
}

/** Points the element at new sources and waits for the next load-error. */
async function reloadExpectingError(page: Page, attrs: Record<string, string>): Promise<{ message: string; problems: string[] }> {
  return page.evaluate(
    async ({ sel, attrs }) => {
      const w = window as unknown as { __errors: { message: string; problems: string[] }[] };
      const before = w.__errors.length;
      const el = document.querySelector(sel)!;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      const t0 = performance.now();
      while (w.__errors.length === before) {
        if (performance.now() - t0 > 15_000) throw new Error('no load-error within 15 s of changing the src');
        await new Promise((r) => setTimeout(r, 50));
      }
      await (el as unknown as El).updateComplete;
      return w.__errors.at(-1)!;
    },
    { sel: EL, attrs },
  );
}

/** What the element shows now: its data, its map, its alert, its list. */
async function state(page: Page) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel) as unknown as El;
    const root = el.shadowRoot!;
    const list = root.querySelector('szm-list')?.shadowRoot;
    return {
      sameMap: el.map !== null && el.map === (window as unknown as { __firstMap: unknown }).__firstMap,
      hasMap: el.map !== null,
      zones: el.zones?.features.length ?? -1,
      projects: el.projects?.features.length ?? -1,
      alert: (root.querySelector('[role=alert]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      alertVisible: (() => {
        const a = root.querySelector('[role=alert]') as HTMLElement | null;
        return !!a && a.getClientRects().length > 0 && getComputedStyle(a).visibility !== 'hidden';
      })(),
      listRows: list?.querySelectorAll('[role=option]').length ?? 0,
      loading: !!root.querySelector('.state.loading'),
    };
  }, EL);
}

describe('a failed reload keeps the last good data on the map', () => {
  const suite = robustnessSuite({ width: 1200, height: 800 });
  let before: { zones: number; projects: number };

  beforeAll(async () => {
    suite.url.zones = suite.server.put('/good/zones.geojson', ZONES_TEXT);
    suite.url.projects = suite.server.put('/good/projects.geojson', PROJECTS_TEXT);
    const broken = JSON.parse(PROJECTS_TEXT);
    delete broken.features[0].properties.name_en;
    suite.url.brokenProjects = suite.server.put('/broken/projects.geojson', broken);
    suite.url.notJsonZones = suite.server.put('/broken/zones.geojson', '{"type":"FeatureCollection",');
    suite.url.failing = suite.server.put('/failing/projects.geojson', 'boom', 500, 'text/plain');
    suite.url.fewerProjects = suite.server.put('/good/fewer-projects.geojson', { ...PROJECTS, features: PROJECTS.features.slice(0, 30) });
    await suite.page.goto(new URL('/', baseURL()).href);
    await mount(suite.page, suite.url.zones, suite.url.projects);
    before = await renderedCounts(suite.page, EL);
  });

  it('draws all the good data first (the baseline)', async () => {
    expect(before).toEqual({ zones: ZONES.features.length, projects: PROJECTS.features.length });
    const s = await state(suite.page);
    expect(s.listRows).toBe(ZONES.features.length + PROJECTS.features.length);
    expect(s.alert).toBe('');
  });

  it('an invalid projects file: the error shows, naming file, id and field, and the old data stays drawn', async () => {
    const err = await reloadExpectingError(suite.page, { 'projects-src': suite.url.brokenProjects });
    expect(err.problems.some((p) => p.startsWith(`${suite.url.brokenProjects}: ${P0}: name_en: missing required field`))).toBe(true);
    const s = await state(suite.page);
    expect(s.alertVisible).toBe(true);
    expect(s.alert).toContain(`${suite.url.brokenProjects}: ${P0}: name_en`);
    expect(s.sameMap, 'the map was not rebuilt').toBe(true);
    expect(s.loading).toBe(false);
    expect({ zones: s.zones, projects: s.projects }).toEqual({ zones: ZONES.features.length, projects: PROJECTS.features.length });
    expect(s.listRows, 'the list still lists the last good data').toBe(ZONES.features.length + PROJECTS.features.length);
    expect(await renderedCounts(suite.page, EL)).toEqual(before);
  });

  it('the error banner can be dismissed, and the map stays', async () => {
    const button = suite.page.locator(`${EL} [role=alert] button`);
    expect(await button.count()).toBeGreaterThan(0);
    await button.first().click();
    await suite.page.waitForTimeout(100);
    const s = await state(suite.page);
    expect(s.alertVisible).toBe(false);
    expect(s.sameMap).toBe(true);
    expect(await renderedCounts(suite.page, EL)).toEqual(before);
  });

  it('a zones file that is not JSON: same', async () => {
    const err = await reloadExpectingError(suite.page, { 'zones-src': suite.url.notJsonZones });
    expect(err.problems.join('\n')).toContain(`${suite.url.notJsonZones}: -: -: not valid JSON`);
    const s = await state(suite.page);
    expect(s.alertVisible).toBe(true);
    expect(s.sameMap).toBe(true);
    expect(await renderedCounts(suite.page, EL)).toEqual(before);
  });

  it('a server error: same', async () => {
    const err = await reloadExpectingError(suite.page, { 'zones-src': suite.url.zones, 'projects-src': suite.url.failing });
    expect(err.problems.join('\n')).toMatch(new RegExp(`${suite.url.failing.replace(/[.?]/g, '\\$&')}: the server answered 500`));
    const s = await state(suite.page);
    expect(s.alertVisible).toBe(true);
    expect(s.sameMap).toBe(true);
    expect(s.projects).toBe(PROJECTS.features.length);
    expect(await renderedCounts(suite.page, EL)).toEqual(before);
  });

  it('the search still finds the last good data while the error shows', async () => {
    const input = suite.page.locator(`${EL} szm-search input`);
    await input.fill(String(PROJECTS.features[0]!.properties.name_zh).slice(0, 4));
    // The search's module loads on first use: wait for its results, not a fixed time.
    await suite.page.locator(`${EL} szm-search [role=option]`).first().waitFor({ timeout: 10_000 });
    expect(await suite.page.locator(`${EL} szm-search [role=option]`).count()).toBeGreaterThan(0);
    await input.fill('');
  });

  it('a good file afterwards replaces the data on the same map and clears the error', async () => {
    await suite.page.locator(EL).evaluate((el, src) => el.setAttribute('projects-src', src), suite.url.fewerProjects);
    await suite.page.waitForFunction((sel) => (document.querySelector(sel) as unknown as El).projects?.features.length === 30, EL, { timeout: 15_000 });
    const s = await state(suite.page);
    expect(s.sameMap).toBe(true);
    expect(s.alert).toBe('');
    expect(await renderedCounts(suite.page, EL)).toEqual({ zones: ZONES.features.length, projects: 30 });
    expect(s.listRows).toBe(ZONES.features.length + 30);
  });

  it('after a first load that failed, pointing the srcs at good data recovers', async () => {
    const out = await suite.page.evaluate(
      async ({ bad, zones, projects }) => {
        document.querySelectorAll('shanxi-zones-map').forEach((e) => e.remove());
        const el = document.createElement('shanxi-zones-map') as unknown as El;
        el.setAttribute('zones-src', zones);
        el.setAttribute('projects-src', bad);
        el.style.cssText = 'display:block;width:800px;height:500px';
        const next = (type: string) =>
          new Promise<string>((resolve) => {
            el.addEventListener(type, () => resolve(type), { once: true });
            setTimeout(() => resolve('timeout'), 15_000);
          });
        const failed = next('load-error');
        document.body.append(el);
        const first = await failed;
        const ready = next('ready');
        el.setAttribute('projects-src', projects);
        const second = await ready;
        return { first, second, projects: el.projects?.features.length ?? -1 };
      },
      { bad: suite.url.brokenProjects, zones: suite.url.zones, projects: suite.url.projects },
    );
    expect(out.first).toBe('load-error');
    expect(out.second, 'ready after the src is fixed').toBe('ready');
    expect(out.projects).toBe(PROJECTS.features.length);
  });

  it('logged no page error', () => {
    expect(suite.g.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
