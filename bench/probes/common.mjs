/**
 * What the bench's node scripts share (bench/ab.mjs and the probes here): the `name=DIR[:page]`
 * arguments, a static server for the kept bench builds, and Debian's Chromium with software WebGL.
 *
 * A DIR is a folder that holds `run/` (a bench build: `npx tsx bench/run.ts … --keep`, or
 * `SZM_BENCH_BUILD=run npx vite build -c bench/vite.config.ts --outDir DIR/run`; for 100k, put
 * `synthetic-100k.geojson` beside the pages). A page is `element` (default), `bare`, `bare-split`
 * or a page's path with its query, e.g. `element.html?projects=synthetic-100k.geojson`.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/json' };
export const PAGES = { element: 'element.html', bare: 'bare.html?w=939&h=800', 'bare-split': 'bare.html?w=939&h=800&split=industry&cluster=1' };
const ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** `name=DIR[:page]` arguments, each with the absolute DIR and the page's path. */
export function parseVariants(args) {
  return args.map((arg) => {
    const [, name, rest = ''] = /^([^=]*)=?(.*)$/.exec(arg) ?? [];
    const [, dir, page = 'element'] = /^([^:]*):?(.*)$/.exec(rest) ?? [];
    if (!name || !dir) throw new Error(`usage: name=DIR[:element|bare|bare-split|PATH?QUERY], got ${arg}`);
    return { name, dir: path.resolve(dir), page: PAGES[page || 'element'] ?? page };
  });
}

/** Serves the variants' folders on 127.0.0.1 (no caching); resolves with each variant's page URL. */
export async function serve(variants) {
  const server = createServer((req, res) => {
    const file = path.join('/', decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!variants.some((v) => file.startsWith(v.dir + path.sep))) return res.writeHead(403).end();
    try {
      statSync(file);
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  return { server, urlOf: (v) => `http://127.0.0.1:${port}${v.dir}/run/${v.page}` };
}

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS });
}

/**
 * Serves one variant and opens its page in a fresh browser, settled (ready and one frame) and
 * after a forced garbage collection, as the bench measures from; `close()` ends it all.
 */
export async function openSettled(variant) {
  const { server, urlOf } = await serve([variant]);
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(urlOf(variant));
  await page.evaluate(() => window.__bench.settled);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const close = async () => {
    await browser.close();
    server.close();
  };
  return { page, cdp, close };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
