/**
 * <shanxi-zones-map> in real headless Chromium, on the built explorer served from localhost.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ProjectCollection, ZoneCollection } from '../../src/data/schema.js';
import { formatMoney } from '../../src/data/format.js';
import { INDUSTRY_IDS } from '../../src/data/industries.js';
import { eventCount, isLocal, launch, openPage, renderedIds, renderedProjectIds, waitForEvent, waitForIdle } from './browser.js';

const zones = JSON.parse(readFileSync('data/zones.geojson', 'utf8')) as ZoneCollection;
const projects = JSON.parse(readFileSync('data/projects.geojson', 'utf8')) as ProjectCollection;
const cities = JSON.parse(readFileSync('geo/cities.geojson', 'utf8')) as {
  features: { properties: { name_zh: string; name_en: string } }[];
};

const ZONE_LAYERS = ['zone-points', 'zone-areas'];

/** The project with the largest disclosed investment: a figure that must appear in its popup. */
const bigProject = [...projects.features]
  .filter((p) => p.properties.investment_cny !== null)
  .sort((a, b) => b.properties.investment_cny! - a.properties.investment_cny!)[0]!;

/** Zooms in on a project, clicks it, and returns the popup's text. */
async function clickProject(page: Page, id: string): Promise<string> {
  const point = await page.evaluate(async (pid) => {
    const el = document.querySelector('shanxi-zones-map') as unknown as {
      map: {
        jumpTo(o: object): void;
        once(e: string, f: () => void): void;
        project(c: [number, number]): { x: number; y: number };
        getCanvas(): HTMLCanvasElement;
      };
      projects: ProjectCollection;
    };
    const f = el.projects.features.find((p) => p.properties.id === pid)!;
    const center = f.geometry.coordinates as [number, number];
    await new Promise<void>((resolve) => {
      el.map.once('idle', () => resolve());
      el.map.jumpTo({ center, zoom: 13 });
    });
    const rect = el.map.getCanvas().getBoundingClientRect();
    const p = el.map.project(center);
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, id);
  await page.mouse.click(point.x, point.y);
  const popup = page.locator('shanxi-zones-map .maplibregl-popup');
  await popup.waitFor({ timeout: 10_000 });
  return (await popup.textContent()) ?? '';
}

describe('<shanxi-zones-map> in the explorer', () => {
  let browser: Browser;
  let page: Page;
  let requests: string[];
  let errors: string[];

  beforeAll(async () => {
    browser = await launch();
    ({ page, requests, errors } = await openPage(browser, '/'));
    await waitForEvent(page, 'ready');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reaches ready with no request leaving localhost', async () => {
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((r) => !isLocal(r))).toEqual([]);
    expect(requests.some((r) => r.includes('zones') && r.includes('.geojson'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('draws every zone in data/zones.geojson', async () => {
    const rendered = await renderedIds(page, ZONE_LAYERS);
    expect(rendered).toEqual(zones.features.map((f) => f.properties.id).sort());
  });

  it('draws every project in data/projects.geojson, as a point or in a cluster', async () => {
    const rendered = await renderedProjectIds(page);
    expect(rendered).toEqual(projects.features.map((f) => f.properties.id).sort());
  });

  it('labels the basemap with every city name in Chinese', async () => {
    const names = await page.evaluate(() => {
      const el = document.querySelector('shanxi-zones-map') as unknown as {
        map: { queryRenderedFeatures(o: object): { properties: { name_zh: string } }[] };
      };
      return el.map.queryRenderedFeatures({ layers: ['city-labels'] }).map((f) => f.properties.name_zh);
    });
    expect(new Set(names)).toEqual(new Set(cities.features.map((c) => c.properties.name_zh)));
  });

  it('saves a screenshot', async () => {
    mkdirSync('test-results', { recursive: true });
    const png = await page.screenshot({ path: 'test-results/explorer-zh.png' });
    expect(png.byteLength).toBeGreaterThan(20_000);
  });

  it('opens a popup with the investment when a project is clicked', async () => {
    const text = await clickProject(page, bigProject.properties.id);
    expect(text).toContain(bigProject.properties.name_zh);
    expect(text).toContain(formatMoney(bigProject.properties.investment_cny, 'zh'));
    const selects = await page.evaluate(() =>
      (window as unknown as { __events: { type: string; detail: { id: string } }[] }).__events.filter((e) => e.type === 'select'),
    );
    expect(selects.at(-1)?.detail.id).toBe(bigProject.properties.id);
    expect(await page.locator('shanxi-zones-map').getAttribute('selected')).toBe(bigProject.properties.id);
    // The list jumped to the project's row: every row on screen is laid out (none skipped by content-visibility).
    const skipped = await page.evaluate(() => {
      const list = document.querySelector('shanxi-zones-map')!.shadowRoot!.querySelector('szm-list')!.shadowRoot!;
      const box = list.querySelector('.box')!.getBoundingClientRect();
      return [...list.querySelectorAll('[role="option"]')]
        .filter((row) => {
          const r = row.getBoundingClientRect();
          return r.bottom > box.top && r.top < box.bottom;
        })
        .filter((row) => !row.firstElementChild?.checkVisibility({ contentVisibilityAuto: true } as CheckVisibilityOptions)).length;
    });
    expect(skipped).toBe(0);
    await page.screenshot({ path: 'test-results/popup-zh.png' });
  });

  it('outlines a zone area under the pointer, and draws no outline layer while none is', async () => {
    type M = {
      jumpTo(o: object): void;
      once(e: string, f: () => void): void;
      project(c: [number, number]): { x: number; y: number };
      getCanvas(): HTMLCanvasElement;
      getPaintProperty(l: string, p: string): unknown;
      getFeatureState(f: object): Record<string, unknown>;
      queryRenderedFeatures(p: [number, number]): { layer: { id: string }; properties: { id?: string } }[];
    };
    const area = zones.features.find((z) => z.geometry.type !== 'Point')!;
    // A pixel over the area alone (no point of a zone or project on it).
    const target = await page.evaluate(async (id) => {
      const el = document.querySelector('shanxi-zones-map') as unknown as { map: M };
      const map = el.map;
      await new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.jumpTo({ center: [112.6, 38.4], zoom: 7.5 });
      });
      const { width, height } = map.getCanvas().getBoundingClientRect();
      for (let y = 20; y < height - 20; y += 17) {
        for (let x = 20; x < width - 20; x += 17) {
          const hits = map.queryRenderedFeatures([x, y]).filter((f) => !['land', 'city-fill', 'province-fill'].includes(f.layer.id));
          if (hits.length && hits.every((f) => f.layer.id.startsWith('zone-area') && f.properties.id === id)) {
            const rect = map.getCanvas().getBoundingClientRect();
            return { x: rect.left + x, y: rect.top + y };
          }
        }
      }
      return null;
    }, area.properties.id);
    expect(target).not.toBeNull();
    const state = () =>
      page.evaluate((id) => {
        const map = (document.querySelector('shanxi-zones-map') as unknown as { map: M }).map;
        return { opacity: map.getPaintProperty('zone-area-hover', 'line-opacity'), hover: map.getFeatureState({ source: 'zones', id }).hover ?? false };
      }, area.properties.id);
    expect(await state()).toEqual({ opacity: 0, hover: false });
    await page.mouse.move(target!.x, target!.y);
    await expect.poll(state).toEqual({ opacity: 1, hover: true });
    await page.mouse.move(1, 1); // off the map
    await expect.poll(state).toEqual({ opacity: 0, hover: false });
  });

  it('hides the other layers\' projects when `industries` is set', async () => {
    const layer = bigProject.properties.industry;
    const expected = projects.features.filter((p) => p.properties.industry === layer).map((p) => p.properties.id).sort();
    expect(expected.length).toBeLessThan(projects.features.length);
    const before = await eventCount(page, 'filter-change');
    await page.evaluate(() => {
      const el = document.querySelector('shanxi-zones-map') as unknown as { map: { fitBounds(b: number[], o: object): void } };
      el.map.fitBounds([110.1, 34.5, 114.6, 40.8], { animate: false });
    });
    await page.locator('shanxi-zones-map').evaluate((el, l) => el.setAttribute('industries', l), layer);
    await waitForEvent(page, 'filter-change', before + 1);
    await waitForIdle(page);
    expect(await renderedProjectIds(page)).toEqual(expected);
    // Zones stay when they list the layer or have one of its projects, or when no source ties
    // them to any layer (no industries listed, no project); the others leave.
    const withProjects = (layer?: string) =>
      new Set(projects.features.filter((p) => !layer || p.properties.industry === layer).map((p) => p.properties.zone_id));
    const zoneIds = zones.features
      .filter((z) => {
        const { id, industries } = z.properties;
        return industries.includes(layer) || withProjects(layer).has(id) || (industries.length === 0 && !withProjects().has(id));
      })
      .map((z) => z.properties.id)
      .sort();
    expect(zoneIds.length).toBeLessThan(zones.features.length);
    expect((await renderedIds(page, ZONE_LAYERS)).sort()).toEqual(zoneIds);
    await page.locator('shanxi-zones-map').evaluate((el) => el.removeAttribute('industries'));
    await waitForEvent(page, 'filter-change', before + 2);
    await waitForIdle(page);
    expect((await renderedProjectIds(page)).length).toBe(projects.features.length);
  });

  /**
   * On a settled map, sets `industries` and reports, in order, the map's next frame and the
   * moment the list no longer shows any of `gone`, with the ids it shows then.
   */
  async function mapAndList(industries: string, gone: string[]): Promise<{ seen: string[]; ids: string[] }> {
    await waitForIdle(page);
    const out = await page.evaluate(
      async ([value, goneIds]) => {
        const el = document.querySelector('shanxi-zones-map') as unknown as HTMLElement & {
          map: { once(e: string, f: () => void): void };
          shadowRoot: ShadowRoot;
        };
        const list = el.shadowRoot.querySelector('szm-list')!.shadowRoot!;
        const listed = () => [...list.querySelectorAll('[role=option][data-id]')].map((r) => r.getAttribute('data-id')!);
        const seen: string[] = [];
        el.map.once('render', () => seen.push('map drawn'));
        const followed = new Promise<void>((resolve) => {
          const watch = new MutationObserver(() => {
            if (listed().some((id) => goneIds.includes(id))) return;
            seen.push('list followed');
            watch.disconnect();
            resolve();
          });
          watch.observe(list, { childList: true, subtree: true, attributes: true, characterData: true });
        });
        el.setAttribute('industries', value);
        await followed;
        return { seen, ids: listed() };
      },
      [industries, gone] as const,
    );
    await page.locator('shanxi-zones-map').evaluate((el) => el.removeAttribute('industries'));
    await waitForIdle(page);
    return out;
  }

  /** The layers of each zone: those it lists and those of its projects. */
  const zoneLayers = new Map(zones.features.map((z) => [z.properties.id, new Set<string>(z.properties.industries)]));
  for (const p of projects.features) zoneLayers.get(p.properties.zone_id)?.add(p.properties.industry);
  const layersInData = [...new Set(projects.features.map((p) => p.properties.industry))];
  const idsOf = (keep: (industry: string) => boolean) => projects.features.filter((p) => keep(p.properties.industry)).map((p) => p.properties.id);

  // At this size the projects are drawn from one source (src/map/data-layers.ts), so an industry
  // toggle sends the map data, and the list renders while the worker lays them out. (A large
  // dataset's toggle is a paint change, drawn before the list: tests/browser/project-layouts.test.ts.)
  it('renders the list at once on an industry toggle, which sends the one source its features', async () => {
    // A layer no zone depends on alone: hiding it changes no zone.
    const hidden = layersInData.find((l) => ![...zoneLayers.values()].some((s) => s.size === 1 && s.has(l)))!;
    expect(hidden).toBeDefined();
    const { seen, ids } = await mapAndList(INDUSTRY_IDS.filter((l) => l !== hidden).join(','), idsOf((l) => l === hidden));
    expect(seen[0]).toBe('list followed');
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => idsOf((l) => l === hidden).includes(id))).toEqual([]);
  });

  it('renders the list at once when the map must lay data out again (zones leave)', async () => {
    const only = bigProject.properties.industry;
    const { seen, ids } = await mapAndList(only, idsOf((l) => l !== only));
    expect(seen[0]).toBe('list followed');
    expect(ids.filter((id) => idsOf((l) => l === only).includes(id)).length).toBeGreaterThan(0);
  });

  it('switches labels and popups to English with lang="en"', async () => {
    await page.locator('shanxi-zones-map').evaluate((el) => el.setAttribute('lang', 'en'));
    await waitForIdle(page);
    const field = await page.evaluate(() => {
      const el = document.querySelector('shanxi-zones-map') as unknown as { map: { getLayoutProperty(l: string, p: string): unknown } };
      return JSON.stringify(el.map.getLayoutProperty('city-labels', 'text-field'));
    });
    expect(field).toContain('name_en');
    const text = await clickProject(page, bigProject.properties.id);
    expect(text).toContain(bigProject.properties.name_en);
    expect(text).toContain(formatMoney(bigProject.properties.investment_cny, 'en'));
    await page.screenshot({ path: 'test-results/popup-en.png' });
  });

  it('an open popup says when the filters hide its feature, and stops saying it when they show it again', async () => {
    const el = page.locator('shanxi-zones-map');
    const note = page.locator('shanxi-zones-map .maplibregl-popup .hidden-note');
    const other = INDUSTRY_IDS.find((l) => l !== bigProject.properties.industry)!;
    // The project's popup is open from the test before (English).
    await expect.poll(() => page.locator('shanxi-zones-map .maplibregl-popup').count()).toBe(1);
    expect(await note.count()).toBe(0);
    await el.evaluate((e, l) => e.setAttribute('industries', l), other);
    await note.waitFor({ timeout: 10_000 });
    expect(await note.textContent()).toBe('Not shown on the map under the current filters');
    await el.evaluate((e) => e.removeAttribute('industries'));
    await expect.poll(() => note.count()).toBe(0);
    // A zone named by `selected` that a city filter hides: its popup opens, saying so (in Chinese).
    const zone = zones.features[0]!;
    const city = zones.features.find((z) => z.properties.city !== zone.properties.city)!.properties.city;
    await el.evaluate((e, [c, id]) => {
      e.setAttribute('lang', 'zh');
      e.setAttribute('cities', c!);
      e.setAttribute('selected', id!);
    }, [city, zone.properties.id]);
    await note.waitFor({ timeout: 10_000 });
    expect(await page.locator('shanxi-zones-map .maplibregl-popup article').getAttribute('data-id')).toBe(zone.properties.id);
    expect(await note.textContent()).toBe('当前筛选条件下，地图上不显示此项');
    await el.evaluate((e) => e.removeAttribute('cities'));
    await expect.poll(() => note.count()).toBe(0);
    await waitForIdle(page);
  });

  it('logged no page error in all of the above', () => {
    expect(errors).toEqual([]);
  });
});

describe('<shanxi-zones-map> when data cannot load', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a plain error naming the file', async () => {
    const page = await browser.newPage();
    await page.route(/projects.*\.geojson/, (route) => route.fulfill({ status: 404, body: 'missing' }));
    await page.goto(new URL('/', (await import('./browser.js')).baseURL()).href);
    const alert = page.locator('shanxi-zones-map [role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('数据加载失败');
    expect(text).toMatch(/projects.*404/);
  });
});
