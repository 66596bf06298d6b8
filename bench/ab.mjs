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
import { launch, median, parseVariants, serve } from './probes/common.mjs';

const variants = parseVariants(process.argv.slice(2));
if (variants.length < 2) throw new Error('give at least two variants');
const { server, urlOf } = await serve(variants);
const browser = await launch();

const ready = Object.fromEntries(variants.map((v) => [v.name, []]));
const rounds = Number(process.env.REPS ?? 8);
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < variants.length; i++) {
    const v = variants[(i + round) % variants.length];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(urlOf(v));
    ready[v.name].push(Math.round(await page.evaluate(() => window.__bench.ready)));
    await context.close();
  }
}
await browser.close();
server.close();

const bare = variants.find((v) => v.page.startsWith('bare.html') && !v.page.includes('split'))?.name;
for (const v of variants) {
  const m = median(ready[v.name]);
  const vsBare = bare && v.name !== bare ? `  ×bare ${(m / median(ready[bare])).toFixed(3)}, per round ${median(ready[v.name].map((x, i) => x / ready[bare][i])).toFixed(3)}` : '';
  console.log(`${v.name.padEnd(12)} ready median ${m} ms${vsBare}  [${ready[v.name].join(', ')}]`);
}
