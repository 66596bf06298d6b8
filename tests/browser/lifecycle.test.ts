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
