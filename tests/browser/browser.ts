/**
 * Shared set-up of the browser tests: Debian's Chromium driven by playwright-core, with every
 * request recorded, and helpers that reach into the element's shadow root and map.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROME_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-sandbox',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS, headless: true });
}

export const baseURL = (): string => inject('baseURL');

export interface OpenedPage {
  page: Page;
  requests: string[];
  errors: string[];
}

/**
 * Opens a page with every request recorded and the element's events kept in
 * `window.__events` (they bubble and are composed, so the document hears them).
 */
export async function openPage(
  browser: Browser,
  path = '/',
  viewport = { width: 1280, height: 800 },
): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (process.env.SZM_DEBUG) console.log('page:', m.text()); // SZM_DEBUG=1: echo the page's console
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __events: { type: string; detail: unknown }[] };
    w.__events = [];
    for (const type of ['ready', 'select', 'filter-change', 'load-error']) {
      document.addEventListener(type, (e) => {
        const detail = (e as CustomEvent).detail;
        w.__events.push({ type, detail: type === 'select' ? { kind: detail?.kind, id: detail?.id } : detail });
      });
    }
  });
  await page.goto(new URL(path, baseURL()).href);
  return { page, requests, errors };
}

export async function waitForEvent(page: Page, type: string, count = 1, timeout = 45_000): Promise<void> {
  await page.waitForFunction(
    ([t, n]) =>
      (window as unknown as { __events: { type: string }[] }).__events.filter((e) => e.type === t).length >= (n as number),
    [type, count] as const,
    { timeout },
  );
}

export async function eventCount(page: Page, type: string): Promise<number> {
  return page.evaluate(
    (t) => (window as unknown as { __events: { type: string }[] }).__events.filter((e) => e.type === t).length,
    type,
  );
}

/** Resolves in the page once the element's map is idle. */
export async function waitForIdle(page: Page, selector = 'shanxi-zones-map'): Promise<void> {
  await page.evaluate(async (sel) => {
    const map = (document.querySelector(sel) as unknown as { map: { loaded(): boolean; once(e: string, f: () => void): void; triggerRepaint(): void } }).map;
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
  }, selector);
}

/** Ids of the features rendered on screen in the given layers. */
export async function renderedIds(page: Page, layers: string[], selector = 'shanxi-zones-map'): Promise<string[]> {
  return page.evaluate(
    ([sel, ls]) => {
      const map = (document.querySelector(sel as string) as unknown as {
        map: { queryRenderedFeatures(o: { layers: string[] }): { properties: { id: string } }[] };
      }).map;
      const ids = map.queryRenderedFeatures({ layers: ls as string[] }).map((f) => String(f.properties.id));
      return [...new Set(ids)].sort();
    },
    [selector, layers] as const,
  );
}

/** True when a URL stays on this machine (or is a data: or blob: URL). */
export function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/**
 * Ids of the projects on screen: unclustered points plus the leaves of the clusters drawn, in
 * the layers that are shown (a hidden industry's layers are drawn at opacity 0 in the
 * per-industry layout), in either of the projects' layouts (src/map/data-layers.ts).
 */
export async function renderedProjectIds(page: Page, selector = 'shanxi-zones-map'): Promise<string[]> {
  return page.evaluate(async (sel) => {
    type F = { source: string; properties: Record<string, unknown> };
    const map = (document.querySelector(sel) as unknown as {
      map: {
        getStyle(): { layers: { id: string }[] };
        getPaintProperty(layer: string, name: string): unknown;
        queryRenderedFeatures(o: { layers: string[] }): F[];
        getSource(id: string): { getClusterLeaves(id: number, limit: number, offset: number): Promise<F[]> };
      };
    }).map;
    const shown = (prefix: string) =>
      map
        .getStyle()
        .layers.map((l) => l.id)
        .filter((id) => id.startsWith(prefix) && Number(map.getPaintProperty(id, 'circle-opacity') ?? 1) > 0);
    const points = shown('project-points');
    const clusters = shown('project-clusters');
    const ids = new Set(points.length ? map.queryRenderedFeatures({ layers: points }).map((f) => String(f.properties.id)) : []);
    for (const c of clusters.length ? map.queryRenderedFeatures({ layers: clusters }) : []) {
      // A small dataset's clusters list their projects; MapLibre's clusters are asked for theirs.
      const leaves =
        typeof c.properties.ids === 'string'
          ? c.properties.ids.split(',')
          : (await map.getSource(c.source).getClusterLeaves(c.properties.cluster_id as number, Infinity, 0)).map((l) => String(l.properties.id));
      for (const leaf of leaves) ids.add(leaf);
    }
    return [...ids].sort();
  }, selector);
}
