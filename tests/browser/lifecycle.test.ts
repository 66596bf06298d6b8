/**
 * Mounting and unmounting <shanxi-zones-map> 50 times frees each map, its WebGL context and
 * every window and document listener, and the JS heap does not keep growing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser.js';
import { examplesURL } from './embed-helpers.js';

const CYCLES = 50;

interface Counts {
  contexts: number;
  liveContexts: number;
  listeners: number;
  maps: number;
  elements: number;
}

/** Counts WebGL contexts (made, and not yet lost) and window/document listeners (added minus removed). */
function instrument(): void {
  const w = window as unknown as { __contexts: (WebGLRenderingContext | WebGL2RenderingContext)[]; __listeners: Map<string, number> };
  w.__contexts = [];
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    const ctx = (getContext as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    if (ctx && /webgl/.test(type) && !w.__contexts.includes(ctx as WebGLRenderingContext)) w.__contexts.push(ctx as WebGLRenderingContext);
    return ctx;
  } as typeof getContext;
  w.__listeners = new Map();
  const ids = new WeakMap<object, number>();
  let next = 0;
  const key = (target: string, type: string, listener: unknown, options: unknown) => {
    if (!listener || typeof listener !== 'object' && typeof listener !== 'function') return null;
    if (!ids.has(listener as object)) ids.set(listener as object, next++);
    const capture = typeof options === 'boolean' ? options : !!(options as { capture?: boolean } | undefined)?.capture;
    return `${target} ${type} ${ids.get(listener as object)} ${capture}`;
  };
  for (const [name, target] of [['window', window], ['document', document]] as const) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    target.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      const k = key(name, type, listener, options);
      if (k) w.__listeners.set(k, 1);
      return (add as (...a: unknown[]) => void).call(this, type, listener, options);
    } as typeof add;
    target.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      const k = key(name, type, listener, options);
      if (k) w.__listeners.delete(k);
      return (remove as (...a: unknown[]) => void).call(this, type, listener, options);
    } as typeof remove;
  }
}

async function counts(page: Page): Promise<Counts> {
  return page.evaluate(() => {
    const w = window as unknown as { __contexts: WebGLRenderingContext[]; __listeners: Map<string, number> };
    const els = [...document.querySelectorAll('shanxi-zones-map')];
    return {
      contexts: w.__contexts.length,
      liveContexts: w.__contexts.filter((c) => !c.isContextLost()).length,
      listeners: w.__listeners.size,
      maps: els.reduce((n, el) => n + (el.shadowRoot?.querySelectorAll('.maplibregl-map').length ?? 0), 0),
      elements: els.length,
    };
  });
}

/** One mount and unmount; waits for `ready` when asked, else only for the map to be made. */
async function cycle(page: Page, waitForReady: boolean): Promise<void> {
  await page.evaluate(async (full) => {
    const el = document.createElement('shanxi-zones-map') as HTMLElement & { map: unknown };
    el.setAttribute('lang', Math.random() < 0.5 ? 'en' : 'zh');
    const ready = new Promise<void>((resolve, reject) => {
      el.addEventListener('ready', () => resolve(), { once: true });
      el.addEventListener('load-error', (e) => reject(new Error(JSON.stringify((e as CustomEvent).detail))), { once: true });
    });
    document.body.append(el);
    if (full) await ready;
    else {
      const t0 = performance.now();
      while (!el.map && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 50));
    }
    el.remove();
  }, waitForReady);
}

describe(`${CYCLES} mounts and unmounts`, () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    const opened = await openPage(browser, 'about:blank');
    page = opened.page;
    await page.addInitScript(instrument);
    await page.goto(new URL('t/host.html', examplesURL()).href);
    await page.waitForFunction(() => !!customElements.get('shanxi-zones-map'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('leave no map, no live WebGL context, no listener and no heap growth behind', async () => {
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await new Promise((r) => setTimeout(r, 100));
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const before = await counts(page);
    const t0 = Date.now();
    let warm = 0;
    let baseline: Counts | null = null;
    for (let i = 1; i <= CYCLES; i++) {
      await cycle(page, i % 10 === 1);
      if (i === 10) {
        // After the first ten: pools, caches and lazy modules have been made once.
        await new Promise((r) => setTimeout(r, 300));
        baseline = await counts(page);
        warm = await heap();
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    const after = await counts(page);
    const end = await heap();
    const seconds = (Date.now() - t0) / 1000;
    console.log(`${CYCLES} cycles in ${seconds.toFixed(1)} s; heap ${(warm / 1e6).toFixed(1)} → ${(end / 1e6).toFixed(1)} MB; counts`, before, baseline, after);

    expect(after.elements).toBe(0);
    expect(after.maps).toBe(0);
    expect(after.contexts).toBeGreaterThanOrEqual(CYCLES); // one per map: the counter saw them
    expect(after.liveContexts).toBe(0); // map.remove() lost every one
    expect(after.listeners).toBeLessThanOrEqual(before.listeners + 2);
    expect(after.listeners).toBeLessThanOrEqual(baseline!.listeners);
    expect(end - warm).toBeLessThan(5e6);
    expect(seconds).toBeLessThan(90);
  });
});

/** The library's host example, opened once for the describe block that calls this. */
function hostPage(): () => Page {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = (await openPage(browser, new URL('t/host.html', examplesURL()).href)).page;
    await page.waitForFunction(() => !!customElements.get('shanxi-zones-map'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => page;
}

describe('settings changed while the map loads', () => {
  const page = hostPage();

  // Set after the map is made and before `ready`: the map must show them once drawn, as it would
  // had they been set before the element was added (the panel follows them either way).
  for (const when of ['as soon as the map is made', 'just before the first idle']) {
    it(`reach the map: lang, theme, center and zoom set ${when}`, async () => {
      const drawn = await page().evaluate(async (late) => {
        document.querySelectorAll('shanxi-zones-map').forEach((e) => e.remove());
        type Map = {
          getCenter(): { lng: number; lat: number };
          getZoom(): number;
          getCanvas(): HTMLCanvasElement;
          getLayoutProperty(l: string, p: string): unknown;
          getPaintProperty(l: string, p: string): unknown;
          getStyle(): { layers: { id: string; type: string }[] };
          once(e: string, f: () => void): void;
        };
        const el = document.createElement('shanxi-zones-map') as HTMLElement & { map: Map | null };
        el.style.cssText = 'display:block;width:800px;height:500px';
        const ready = new Promise<boolean>((resolve) => {
          el.addEventListener('ready', () => resolve(true), { once: true });
          el.addEventListener('load-error', () => resolve(false), { once: true });
        });
        let readyBeforeSet = false;
        void ready.then(() => (readyBeforeSet = true));
        document.body.append(el);
        while (!el.map) await new Promise((r) => setTimeout(r, 5));
        // 'late': once the data are on the map, while it draws them for the first time
        if (late) await new Promise<void>((resolve) => el.map!.once('sourcedata', () => resolve()));
        const setBeforeReady = !readyBeforeSet;
        el.setAttribute('lang', 'en');
        el.setAttribute('theme', 'dark');
        el.setAttribute('center', '113.1,36.2');
        el.setAttribute('zoom', '10');
        if (!(await ready)) return null;
        await new Promise((r) => setTimeout(r, 100));
        const map = el.map!;
        const background = map.getStyle().layers.find((l) => l.type === 'background')!.id;
        return {
          setBeforeReady,
          label: JSON.stringify(map.getLayoutProperty('city-labels', 'text-field')),
          aria: map.getCanvas().getAttribute('aria-label'),
          background: String(map.getPaintProperty(background, 'background-color')),
          center: [map.getCenter().lng, map.getCenter().lat],
          zoom: map.getZoom(),
        };
      }, when !== 'as soon as the map is made');
      expect(drawn).not.toBeNull();
      expect(drawn!.setBeforeReady).toBe(true);
      expect(drawn!.label.indexOf('name_en')).toBeLessThan(drawn!.label.indexOf('name_zh')); // English first
      expect(drawn!.aria).toMatch(/^Map of Shanxi/);
      expect(drawn!.center[0]).toBeCloseTo(113.1, 2);
      expect(drawn!.center[1]).toBeCloseTo(36.2, 2);
      expect(drawn!.zoom).toBeCloseTo(10, 2);
      // The dark palette's background, as a fresh dark element draws it
      const dark = await page().evaluate(async () => {
        const el = document.createElement('shanxi-zones-map') as HTMLElement & { map: { getStyle(): { layers: { id: string; type: string }[] }; getPaintProperty(l: string, p: string): unknown } };
        el.setAttribute('theme', 'dark');
        el.style.cssText = 'display:block;width:300px;height:200px';
        const ready = new Promise((r) => el.addEventListener('ready', r, { once: true }));
        document.body.append(el);
        await ready;
        const background = el.map.getStyle().layers.find((l) => l.type === 'background')!.id;
        const colour = String(el.map.getPaintProperty(background, 'background-color'));
        el.remove();
        return colour;
      });
      expect(drawn!.background).toBe(dark);
    });
  }
});

describe('the first render', () => {
  const page = hostPage();

  // The map is made in firstUpdated, before the panel's text and parts are laid out (its box
  // is there, so the map is made at its final size and is not resized when the panel fills in).
  for (const controls of ['', 'list,lang', 'none']) {
    it(`makes the map before the panel's contents, at its final size (controls="${controls}")`, async () => {
      const r = await page().evaluate(async (controls) => {
        document.querySelectorAll('shanxi-zones-map').forEach((e) => e.remove());
        const el = document.createElement('shanxi-zones-map');
        if (controls) el.setAttribute('controls', controls);
        el.style.cssText = 'display:block;width:1000px;height:500px';
        const root = () => el.shadowRoot!;
        const mapWidth = () => root().querySelector('.map')!.getBoundingClientRect().width;
        let made = null as { panelText: string; mapWidth: number } | null;
        const getContext = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
          if (!made && /webgl/.test(type) && root().contains(this)) made = { panelText: root().querySelector('.panel')?.textContent ?? '', mapWidth: mapWidth() };
          return (getContext as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
        } as typeof getContext;
        const ready = new Promise((resolve) => el.addEventListener('ready', resolve, { once: true }));
        document.body.append(el);
        await ready;
        HTMLCanvasElement.prototype.getContext = getContext;
        return { made, mapWidth: mapWidth(), panelText: (root().querySelector('.panel')?.textContent ?? '').trim().length };
      }, controls);
      expect(r.made).not.toBeNull();
      expect(r.made!.panelText.trim()).toBe('');
      expect(r.made!.mapWidth).toBe(r.mapWidth);
      if (controls === 'none') expect(r.mapWidth).toBe(1000);
      else {
        expect(r.mapWidth).toBeLessThan(1000);
        expect(r.panelText).toBeGreaterThan(0);
      }
    });
  }
});

describe('MapLibre\'s worker', () => {
  it('is started when the element is connected, before its map is made (its script loads while the element renders)', async () => {
    const browser = await launch();
    try {
      // A fresh page: no map has been made in it, so no worker is running yet.
      const { page } = await openPage(browser, new URL('t/host.html', examplesURL()).href);
      await page.waitForFunction(() => !!customElements.get('shanxi-zones-map'));
      const order = await page.evaluate(async () => {
        const seen: string[] = [];
        const NativeWorker = window.Worker;
        window.Worker = class extends NativeWorker {
          constructor(url: string | URL, options?: WorkerOptions) {
            super(url, options);
            seen.push('worker'); // the element makes no worker of its own (MapLibre's may come from a blob: URL)
          }
        };
        const getContext = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
          if (/webgl/.test(type) && !seen.includes('map')) seen.push('map');
          return (getContext as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
        } as typeof getContext;
        const el = document.createElement('shanxi-zones-map');
        const ready = new Promise((resolve) => el.addEventListener('ready', resolve, { once: true }));
        document.body.append(el);
        await ready;
        window.Worker = NativeWorker;
        HTMLCanvasElement.prototype.getContext = getContext;
        return seen;
      });
      expect(order).toEqual(['worker', 'map']);
    } finally {
      await browser.close();
    }
  });
});
