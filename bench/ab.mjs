/**
 * `node bench/ab.mjs name=DIR[:page] …`: time to ready of two or more builds of the bench pages,
 * interleaved (the order rotates each round), to tell apart changes smaller than one full run's
 * noise. Each DIR is a folder kept by `npx tsx bench/run.ts --keep …` (it holds `run/`); page is
 * `element` (default), `bare`, `bare-split` or a page's path with its query
 * (`element.html?controls=none`). REPS=8 rounds by default; prints each variant's median, its
 * ratio to the first `bare`, and the median of the per-round ratios.
 *
 * E.g. on two commits: `npx tsx bench/run.ts --sizes=shipped --variants=element,bare --repeats=1
 * --no-profile --keep` on each (note the folders it prints), then
 * `node bench/ab.mjs before=/tmp/szm-bench-AAA after=/tmp/szm-bench-BBB bare=/tmp/szm-bench-BBB:bare`.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/json' };
const PAGES = { element: 'element.html', bare: 'bare.html?w=939&h=800', 'bare-split': 'bare.html?w=939&h=800&split=industry&cluster=1' };
const ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const variants = process.argv.slice(2).map((arg) => {
  const [, name, rest = ''] = /^([^=]*)=?(.*)$/.exec(arg) ?? [];
  const [, dir, page = 'element'] = /^([^:]*):?(.*)$/.exec(rest) ?? [];
  // A page not named in PAGES is taken as a path with its query, e.g. `element.html?controls=none`.
  if (!name || !dir) throw new Error(`usage: name=DIR[:element|bare|bare-split|PATH?QUERY], got ${arg}`);
  return { name, dir: path.resolve(dir), page: page || 'element' };
});
if (variants.length < 2) throw new Error('give at least two variants');

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
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS });

const ready = Object.fromEntries(variants.map((v) => [v.name, []]));
const rounds = Number(process.env.REPS ?? 8);
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < variants.length; i++) {
    const v = variants[(i + round) % variants.length];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}${v.dir}/run/${PAGES[v.page] ?? v.page}`);
    ready[v.name].push(Math.round(await page.evaluate(() => window.__bench.ready)));
    await context.close();
  }
}
await browser.close();
server.close();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const bare = variants.find((v) => v.page === 'bare')?.name;
for (const v of variants) {
  const m = median(ready[v.name]);
  const vsBare = bare && v.name !== bare ? `  ×bare ${(m / median(ready[bare])).toFixed(3)}, per round ${median(ready[v.name].map((x, i) => x / ready[bare][i])).toFixed(3)}` : '';
  console.log(`${v.name.padEnd(12)} ready median ${m} ms${vsBare}  [${ready[v.name].join(', ')}]`);
}
