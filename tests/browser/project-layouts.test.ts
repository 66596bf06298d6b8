/**
 * The projects' two layouts on the map (src/map/data-layers.ts): a small dataset is drawn from
 * one source, clustered on the main thread; a large one from a clustered source per industry,
 * clustered by MapLibre. Both draw every project, hide a layer by paint, and zoom into a clicked
 * cluster; a new dataset of the other size is laid out again.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import type { ProjectCollection } from '../../src/data/schema.js';
import { syntheticProjects } from '../../bench/synthetic.js';
import { CLUSTER_MAX_ZOOM, ONE_SOURCE_MAX } from '../../src/map/data-layers.js';
import { INDUSTRIES, INDUSTRY_IDS } from '../../src/data/industries.js';
import { launch, openPage, renderedProjectIds, waitForEvent, waitForIdle } from './browser.js';
import { addElement, eventDetails, examplesURL } from './embed-helpers.js';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
const shipped = read('data/projects.geojson') as ProjectCollection;
const large = syntheticProjects({ count: ONE_SOURCE_MAX + 500, zones: read('data/zones.geojson'), province: read('geo/province.geojson') });
const LARGE_URL = '/fixtures/generated-large-projects.geojson';
const host = () => new URL('t/host.html', examplesURL()).href;
const ids = (c: ProjectCollection) => c.features.map((f) => f.properties.id).sort();

type MapLike = {
  getSource(id: string): unknown;
  getZoom(): number;
  jumpTo(o: object): void;
  project(lngLat: [number, number]): { x: number; y: number };
  getCanvas(): HTMLCanvasElement;
  getLayersOrder(): string[];
  getPaintProperty(layer: string, name: string): unknown;
  queryRenderedFeatures(o: object): { layer: { id: string }; properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[];
};

/** Which project sources the map has: the one source, and how many per-industry ones. */
async function projectSources(page: Page): Promise<{ one: boolean; perIndustry: number }> {
  return page.evaluate(() => {
    const map = (document.querySelector('shanxi-zones-map') as unknown as { map: MapLike }).map;
    const perIndustry = new Set(
      map
        .getLayersOrder()
        .map((id) => (map as unknown as { getLayer(id: string): { source?: string } }).getLayer(id).source ?? '')
        .filter((s) => s.startsWith('projects-')),
    ).size;
    return { one: Boolean(map.getSource('projects')), perIndustry };
  });
}

/** Clicks the biggest cluster on screen; its zoom before, the zoom after the map settles, and its count. */
async function clickBiggestCluster(page: Page): Promise<{ before: number; after: number; count: number; place: [number, number]; centre: [number, number] }> {
  const target = await page.evaluate(() => {
    const el = document.querySelector('shanxi-zones-map') as unknown as { map: MapLike };
    const map = el.map;
    const layers = map.getLayersOrder().filter((id) => id.startsWith('project-clusters'));
    const [biggest] = map
      .queryRenderedFeatures({ layers })
      .sort((a, b) => Number(b.properties.point_count) - Number(a.properties.point_count));
    if (!biggest) return null;
    const { x, y } = map.project(biggest.geometry.coordinates);
    // Clusters of several industries at one place are fanned out around it (in one source, by their data).
    const [dx, dy] = (map.getPaintProperty(biggest.layer.id, 'circle-translate') as [number, number] | undefined) ?? [0, 0];
    const box = map.getCanvas().getBoundingClientRect();
    // Where it is (a fanned cluster of the one source is drawn off its place, which it carries).
    const { lng, lat } = biggest.properties as { lng?: number; lat?: number };
    const place: [number, number] = lng !== undefined && lat !== undefined ? [lng, lat] : biggest.geometry.coordinates;
    return { x: box.left + x + dx, y: box.top + y + dy, zoom: map.getZoom(), count: Number(biggest.properties.point_count), place };
  });
  expect(target).not.toBeNull();
  await page.mouse.click(target!.x, target!.y);
  await page.waitForFunction((z) => {
    const map = (document.querySelector('shanxi-zones-map') as unknown as { map: MapLike & { isMoving(): boolean } }).map;
    return map.getZoom() > z + 0.1 && !map.isMoving();
  }, target!.zoom);
  await waitForIdle(page);
  const { after, centre } = await page.evaluate(() => {
    const map = (document.querySelector('shanxi-zones-map') as unknown as { map: MapLike & { getCenter(): { lng: number; lat: number } } }).map;
    const { lng, lat } = map.getCenter();
    return { after: map.getZoom(), centre: [lng, lat] as [number, number] };
  });
  return { before: target!.zoom, after, count: target!.count, place: target!.place, centre };
}

describe('the projects’ layouts', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(projectsSrc?: string, controls = 'none'): Promise<Page> {
    const { page } = await openPage(browser, host());
    await page.route(new URL(LARGE_URL, host()).href, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(large) }));
    await addElement(page, { controls, ...(projectsSrc ? { 'projects-src': projectsSrc } : {}) });
    await waitForEvent(page, 'ready');
    return page;
  }

  /**
   * The element with `projectsUrl` answered by `body` once the test listens to its map: which
   * sources were given data, in order, as `window.__loading` (source ids).
   */
  async function openListening(projectsUrl: string, body: unknown, attributes: Record<string, string> = {}): Promise<Page> {
    const { page } = await openPage(browser, host());
    let release!: () => void;
    const listening = new Promise<void>((resolve) => (release = resolve));
    await page.route(new URL(projectsUrl, host()).href, async (route) => {
      await listening;
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
    });
    await addElement(page, { controls: 'none', 'projects-src': projectsUrl, ...attributes });
    await page.waitForFunction(() => Boolean((document.querySelector('shanxi-zones-map') as unknown as { map?: object }).map));
    await page.evaluate(() => {
      type M = { on(e: string, f: (e: { sourceId?: string; tile?: unknown }) => void): void };
      const loading: string[] = ((window as unknown as { __loading: string[] }).__loading = []);
      const map = (document.querySelector('shanxi-zones-map') as unknown as { map: M }).map;
      map.on('dataloading', (e) => {
        if (e.sourceId && !e.tile) loading.push(e.sourceId); // a source's data, not one of its tiles
      });
    });
    release();
    return page;
  }

  const loadingOrder = (page: Page) => page.evaluate(() => (window as unknown as { __loading: string[] }).__loading);
  const projectSourceIds = (ids: string[]) => ids.filter((id) => id.startsWith('projects-'));

  /** All of Shanxi in the host page's map (which is not as tall as the province at zoom 5). */
  const wholeProvince = (page: Page) =>
    page.evaluate(() => (document.querySelector('shanxi-zones-map') as unknown as { map: MapLike }).map.jumpTo({ center: [112.3, 37.6], zoom: 4.6 }));

  it('draws a small dataset from one source, every project once, clustered as MapLibre would', async () => {
    const page = await open();
    expect(await projectSources(page)).toEqual({ one: true, perIndustry: 0 });
    await wholeProvince(page);
    await waitForIdle(page);
    expect(await renderedProjectIds(page)).toEqual(ids(shipped));
    // A cluster click zooms to where it splits (one zoom past the one it was formed at).
    const { before, after, count, place, centre } = await clickBiggestCluster(page);
    expect(count).toBeGreaterThan(2);
    // It zooms in on the cluster's place, not on where it was drawn fanned out.
    expect(Math.abs(centre[0] - place[0])).toBeLessThan(1e-6);
    expect(Math.abs(centre[1] - place[1])).toBeLessThan(1e-6);
    expect(after).toBeGreaterThan(before);
    expect(after).toBeLessThanOrEqual(CLUSTER_MAX_ZOOM + 1);
    expect(Number.isInteger(after)).toBe(true);
    await page.close();
  });

  it(`draws a dataset of more than ${ONE_SOURCE_MAX} projects from a clustered source per industry, every project once`, async () => {
    const page = await open(LARGE_URL);
    const { one, perIndustry } = await projectSources(page);
    expect(one).toBe(false);
    expect(perIndustry).toBeGreaterThan(5);
    await wholeProvince(page);
    await waitForIdle(page);
    expect(await renderedProjectIds(page)).toEqual(ids(large));
    // Each industry's clusters and points are drawn in its colour (its source's features do not
    // carry the industry: the layers know it).
    const colours = await page.evaluate(() => {
      const map = (document.querySelector('shanxi-zones-map') as unknown as { map: MapLike }).map;
      const layers = map.getLayersOrder().filter((id) => /^project-(clusters|points)-/.test(id));
      return map
        .queryRenderedFeatures({ layers })
        .map((f) => [f.layer.id, String((f.layer as unknown as { paint: Record<string, unknown> }).paint['circle-color'])]);
    });
    const rgba = (hex: string) => `rgba(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')},1)`;
    const industryOf = (layer: string) => INDUSTRIES.find((i) => layer.endsWith(`-${i.id}`))!;
    expect(new Set(colours.map(([layer]) => industryOf(layer!).id)).size).toBeGreaterThan(5);
    for (const [layer, colour] of colours) expect(colour, layer).toBe(rgba(industryOf(layer!).color));
    // An industry toggle hides the others' clusters and points alike.
    await page.evaluate(() => document.querySelector('shanxi-zones-map')!.setAttribute('industries', 'new-energy'));
    await waitForIdle(page);
    const newEnergy = large.features.filter((f) => f.properties.industry === 'new-energy').map((f) => f.properties.id).sort();
    expect(await renderedProjectIds(page)).toEqual(newEnergy);
    const { after, before } = await clickBiggestCluster(page);
    expect(after).toBeGreaterThan(before);
    await page.close();
  });

  it('gives a large dataset\'s projects to the worker while they are checked, and draws them from those sources', async () => {
    const page = await openListening(LARGE_URL, large);
    await waitForEvent(page, 'ready');
    const order = await loadingOrder(page);
    // Each industry's source was given its projects once, before the zones (added once the data had passed).
    const projectSources = projectSourceIds(order);
    expect(projectSources.length).toBe(new Set(projectSources).size);
    expect(projectSources.length).toBeGreaterThan(5);
    expect(order.indexOf('zones')).toBeGreaterThan(order.indexOf(projectSources.at(-1)!));
    await wholeProvince(page);
    await waitForIdle(page);
    expect(await renderedProjectIds(page)).toEqual(ids(large));
    await page.close();
  });

  it('never draws a large dataset the validator refuses, though the worker had its projects; the next good one is drawn', async () => {
    // Points the map could take, with one project in a zone that does not exist.
    const bad = structuredClone(large);
    bad.features[7]!.properties.zone_id = 'no-such-zone';
    const page = await openListening('/fixtures/generated-large-bad.geojson', bad);
    await waitForEvent(page, 'load-error');
    const [detail] = await eventDetails<{ problems: string[] }>(page, 'load-error');
    expect(detail!.problems.join('\n')).toContain('no-such-zone');
    expect(projectSourceIds(await loadingOrder(page)).length).toBeGreaterThan(5); // it was given to the worker
    const left = await page.evaluate(() => {
      const map = (document.querySelector('shanxi-zones-map') as unknown as { map: MapLike & { getStyle(): { sources: Record<string, unknown> } } }).map;
      return { sources: Object.keys(map.getStyle().sources).filter((id) => id.startsWith('projects')), layers: map.getLayersOrder().filter((id) => id.startsWith('project')) };
    });
    expect(left).toEqual({ sources: [], layers: [] });
    await page.route(new URL(LARGE_URL, host()).href, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(large) }));
    await page.evaluate((url) => document.querySelector('shanxi-zones-map')!.setAttribute('projects-src', url), LARGE_URL);
    await waitForEvent(page, 'ready');
    await wholeProvince(page);
    await waitForIdle(page);
    expect(await renderedProjectIds(page)).toEqual(ids(large));
    await page.close();
  });

  it('draws only the projects a filter set before the load lets through, though the worker was given them all', async () => {
    const status = large.features[0]!.properties.status;
    const page = await openListening(LARGE_URL, large, { statuses: status });
    await waitForEvent(page, 'ready');
    // The industries' sources were given all their projects first, then the ones to draw.
    const given = projectSourceIds(await loadingOrder(page));
    expect(given.length).toBeGreaterThan(new Set(given).size);
    await wholeProvince(page);
    await waitForIdle(page);
    const shown = large.features.filter((f) => f.properties.status === status);
    expect(shown.length).toBeLessThan(large.features.length);
    expect(await renderedProjectIds(page)).toEqual(ids({ ...large, features: shown }));
    await page.close();
  });

  it('lays the sources out again when a dataset of the other size replaces the drawn one, and back', async () => {
    const page = await open();
    await page.evaluate((url) => document.querySelector('shanxi-zones-map')!.setAttribute('projects-src', url), LARGE_URL);
    await page.waitForFunction(
      (n) => (window as unknown as { __events: { type: string; detail: { visibleProjects: number } }[] }).__events.some((e) => e.type === 'filter-change' && e.detail.visibleProjects === n),
      large.features.length,
    );
    await wholeProvince(page);
    await waitForIdle(page);
    expect((await projectSources(page)).one).toBe(false);
    expect(await renderedProjectIds(page)).toEqual(ids(large));
    await page.evaluate(() => document.querySelector('shanxi-zones-map')!.removeAttribute('projects-src'));
    await page.waitForFunction(
      (n) => {
        const events = (window as unknown as { __events: { type: string; detail: { visibleProjects: number } }[] }).__events.filter((e) => e.type === 'filter-change');
        return events.at(-1)?.detail.visibleProjects === n;
      },
      shipped.features.length,
    );
    await waitForIdle(page);
    expect(await projectSources(page)).toEqual({ one: true, perIndustry: 0 });
    expect(await renderedProjectIds(page)).toEqual(ids(shipped));
    await page.close();
  });

  it('draws a large dataset\'s industry toggle, a paint change, on the map first; the list follows after its frame', async () => {
    const page = await open(LARGE_URL, 'list');
    await waitForIdle(page);
    const seen = await page.evaluate(async (all) => {
      type List = HTMLElement & { projects: { properties: { industry: string } }[]; updated(changed: Map<string, unknown>): void };
      const el = document.querySelector('shanxi-zones-map') as unknown as HTMLElement & { map: { once(e: string, f: () => void): void } };
      const list = el.shadowRoot!.querySelector('szm-list') as unknown as List;
      const hidden = list.projects[0]!.properties.industry;
      const seen: string[] = [];
      el.map.once('render', () => seen.push('map drawn'));
      // The list has followed when it is given projects without the hidden industry's.
      const followed = new Promise<void>((resolve) => {
        const updated = list.updated.bind(list);
        list.updated = (changed) => {
          updated(changed);
          if (!changed.has('projects') || list.projects.some((p) => p.properties.industry === hidden)) return;
          seen.push('list followed');
          resolve();
        };
      });
      el.setAttribute('industries', all.filter((i) => i !== hidden).join(','));
      await followed;
      return seen;
    }, INDUSTRY_IDS);
    expect(seen).toEqual(['map drawn', 'list followed']);
    await page.close();
  });

  it('draws a large dataset\'s industry toggle in one frame, and a camera move under way still ends where it was going', async () => {
    const page = await open(LARGE_URL);
    await waitForIdle(page);
    const frames = await page.evaluate(async (all) => {
      type M = { on(e: string, f: () => void): void; off(e: string, f: () => void): void; once(e: string, f: () => void): void };
      const el = document.querySelector('shanxi-zones-map') as unknown as HTMLElement & { map: M };
      const counts: number[] = [];
      for (const industries of [all.slice(1).join(','), '']) {
        let frames = 0;
        const count = () => void frames++;
        el.map.on('render', count);
        const idle = new Promise<void>((resolve) => el.map.once('idle', resolve));
        el.setAttribute('industries', industries);
        await idle;
        el.map.off('render', count);
        counts.push(frames);
      }
      return counts;
    }, INDUSTRY_IDS);
    // Hide all but one layer, then show all: a paint change each, drawn once (MapLibre alone draws twice).
    expect(frames).toEqual([1, 1]);
    const moved = await page.evaluate(async (all) => {
      type M = { easeTo(o: object): void; getZoom(): number; once(e: string, f: () => void): void };
      const el = document.querySelector('shanxi-zones-map') as unknown as HTMLElement & { map: M };
      const target = el.map.getZoom() + 1;
      const ended = new Promise<void>((resolve) => el.map.once('moveend', resolve));
      el.map.easeTo({ zoom: target, duration: 400 });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      el.setAttribute('industries', all[0]);
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 5000))]);
      return { target, zoom: el.map.getZoom() };
    }, INDUSTRY_IDS);
    expect(moved.zoom).toBeCloseTo(moved.target, 5);
    await page.close();
  });
});
