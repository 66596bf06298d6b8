/**
 * Shared set-up of the robustness tests: a page with tripwires (a `__pwned` recorder, CSP
 * violations, dialogs, page errors, the element's events), a tiny localhost server for
 * generated data files, and helpers that reach into the element.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, renderedProjectIds } from '../browser/browser.js';

export interface GuardedPage {
  page: Page;
  /** Page errors and console errors. */
  errors: string[];
  /** Dialogs (alert, confirm, prompt) the page tried to open. */
  dialogs: string[];
  requests: string[];
}

/** Init script: records `__pwned` calls, CSP violations and the element's events. */
export function tripwires(): void {
  const w = window as unknown as { __pwnedCalls: number[]; __pwned: (n: number) => void; __csp: string[]; __events: { type: string; detail: unknown }[] };
  w.__pwnedCalls = [];
  w.__pwned = (n: number) => {
    w.__pwnedCalls.push(n);
  };
  w.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  w.__events = [];
  for (const type of ['ready', 'select', 'filter-change', 'load-error']) {
    document.addEventListener(type, (e) => {
      const detail = (e as CustomEvent).detail;
      w.__events.push({ type, detail: type === 'select' ? { kind: detail?.kind, id: detail?.id } : detail });
    });
  }
}

/** A new page (in its own context) with the tripwires set; navigate it yourself. */
export async function guardedPage(browser: Browser | BrowserContext, viewport = { width: 1280, height: 800 }): Promise<GuardedPage> {
  const page = 'newContext' in browser ? await browser.newPage({ viewport }) : await browser.newPage();
  if (!('newContext' in browser)) await page.setViewportSize(viewport);
  const errors: string[] = [];
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(tripwires);
  return { page, errors, dialogs, requests };
}

export interface Tripped {
  pwned: number[];
  csp: string[];
}

export async function tripped(page: Page): Promise<Tripped> {
  return page.evaluate(() => {
    const w = window as unknown as { __pwnedCalls: number[]; __csp: string[] };
    return { pwned: [...w.__pwnedCalls], csp: [...w.__csp] };
  });
}

export type Events = { type: string; detail: any }[];

export async function events(page: Page, type?: string): Promise<Events> {
  const all = await page.evaluate(() => (window as unknown as { __events: Events }).__events);
  return type ? all.filter((e) => e.type === type) : all;
}

export async function waitForEvents(page: Page, type: string, count = 1, timeout = 45_000): Promise<void> {
  await page.waitForFunction(
    ([t, n]) => (window as unknown as { __events: { type: string }[] }).__events.filter((e) => e.type === t).length >= (n as number),
    [type, count] as const,
    { timeout },
  );
}

/** Counts of the zones and projects the map draws (clusters count their points). */
export async function renderedCounts(page: Page, selector = 'shanxi-zones-map'): Promise<{ zones: number; projects: number }> {
  const hasMap = await page.evaluate(async (sel) => {
    const el = document.querySelector(sel) as unknown as {
      map: { once(e: string, f: () => void): void; triggerRepaint(): void } | null;
    };
    const map = el.map;
    if (!map) return false;
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
    return true;
  }, selector);
  if (!hasMap) return { zones: -1, projects: -1 };
  const zones = await page.evaluate((sel) => {
    const map = (document.querySelector(sel) as unknown as {
      map: { getLayer(id: string): unknown; queryRenderedFeatures(o: { layers: string[] }): { properties: Record<string, unknown> }[] };
    }).map;
    const layers = ['zone-points', 'zone-areas'].filter((l) => map.getLayer(l));
    return new Set(map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id))).size;
  }, selector);
  return { zones, projects: (await renderedProjectIds(page, selector)).length };
}

/** A localhost server for generated files: `put(path, body)` then fetch `url(path)`. CORS open. */
export class DataServer {
  private readonly files = new Map<string, { body: string | Buffer; status: number; type: string }>();
  private server: Server | null = null;
  private base = '';
  /** Paths whose requests are held open and never answered. */
  readonly hang = new Set<string>();
  /** Paths answered with headers and the start of a body, then held open (a stalled transfer). */
  readonly stall = new Set<string>();
  /** Paths answered with headers and the start of a body, then cut off (connection reset). */
  readonly cut = new Set<string>();
  /** Paths whose file is sent in 12 pieces, 300 ms apart (a slow but steady transfer). */
  readonly trickle = new Set<string>();

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (this.hang.has(path)) return; // never answers
      const f = this.files.get(path);
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Cache-Control', 'no-store');
      if (this.stall.has(path) || this.cut.has(path)) {
        res.writeHead(200, { 'Content-Type': 'application/geo+json', 'Content-Length': '100000' });
        res.write('{"type":"FeatureCollection","features":[');
        if (this.cut.has(path)) setTimeout(() => res.destroy(), 100);
        return;
      }
      if (!f) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(f.status, { 'Content-Type': f.type });
      if (!this.trickle.has(path)) return void res.end(f.body);
      const body = Buffer.from(f.body);
      const size = Math.ceil(body.length / 12);
      const send = (i: number): void => {
        if (i === 12) return void res.end();
        res.write(body.subarray(i * size, (i + 1) * size));
        setTimeout(() => send(i + 1), 300);
      };
      send(0);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  put(path: string, body: string | Buffer | object, status = 200, type = 'application/geo+json'): string {
    const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    this.files.set(path, { body: text, status, type });
    return this.url(path);
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** How a mounted element's load ended, and what its alert said. */
export interface MountOutcome {
  type: 'ready' | 'load-error' | 'timeout';
  detail: { message?: string; problems?: string[]; zoneCount?: number };
  alert: string;
  /** From the start of the mount to the outcome. */
  ms: number;
}

/**
 * Removes every element on the page, mounts one fresh element per set of attributes (side by
 * side: a batch shares the wait for the basemap) and resolves with each one's first `ready` or
 * `load-error`, or `timeout`.
 */
export async function mountElements(
  page: Page,
  mounts: Record<string, string>[],
  { style, timeout }: { style: string; timeout: number },
): Promise<MountOutcome[]> {
  return page.evaluate(
    async ({ mounts, style, timeout }) => {
      document.querySelectorAll('shanxi-zones-map').forEach((e) => e.remove());
      const t0 = performance.now();
      return Promise.all(
        mounts.map(async (attrs) => {
          const el = document.createElement('shanxi-zones-map') as HTMLElement & { updateComplete: Promise<boolean> };
          for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
          el.style.cssText = style;
          const outcome = new Promise<{ type: MountOutcome['type']; detail: any }>((resolve) => {
            el.addEventListener('ready', (e) => resolve({ type: 'ready', detail: (e as CustomEvent).detail }), { once: true });
            el.addEventListener('load-error', (e) => resolve({ type: 'load-error', detail: (e as CustomEvent).detail }), { once: true });
            setTimeout(() => resolve({ type: 'timeout', detail: {} }), timeout);
          });
          document.body.append(el);
          const { type, detail } = await outcome;
          await el.updateComplete;
          const alert = el.shadowRoot!.querySelector('[role=alert]')?.textContent ?? '';
          return { type, detail, alert: alert.replace(/\s+/g, ' '), ms: performance.now() - t0 };
        }),
      );
    },
    { mounts, style, timeout },
  );
}

/** What a robustness suite works with: its data server, Chromium and a guarded page. */
export interface Suite {
  server: DataServer;
  /** The URLs of the files the suite puts on its server, by the name it gives them. */
  url: Record<string, string>;
  browser: Browser;
  g: GuardedPage;
  page: Page;
}

/**
 * Starts a suite's data server, Chromium and a guarded page (not navigated) before its tests,
 * and closes them after. Call in a `describe`: the fields are set once its hooks run, so the
 * suite's own `beforeAll` (putting files, navigating) comes after and can use them.
 */
export function robustnessSuite(viewport?: { width: number; height: number }): Suite {
  const suite = { server: new DataServer(), url: {} } as Suite;
  beforeAll(async () => {
    await suite.server.start();
    suite.browser = await launch();
    suite.g = await guardedPage(suite.browser, viewport);
    suite.page = suite.g.page;
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server.stop();
  });
  return suite;
}
