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
 *
 * TOGGLES=N also runs the bench's industry toggles after each load (a forced GC, then N hide/show
 * pairs back to back, hiding every layer but the legend's first) and prints the medians of each
 * load's median hide and show, in ms to `idle` and to the drawn frame, and the heap after ready.
 */
import { launch, median, parseVariants, serve } from './probes/common.mjs';

const variants = parseVariants(process.argv.slice(2));
if (variants.length < 2) throw new Error('give at least two variants');
const { server, urlOf } = await serve(variants);
const browser = await launch();

const ready = Object.fromEntries(variants.map((v) => [v.name, []]));
const toggles = Object.fromEntries(variants.map((v) => [v.name, { hide: [], show: [], hideDrawn: [], showDrawn: [], heap: [] }]));
const rounds = Number(process.env.REPS ?? 8);
const pairs = Number(process.env.TOGGLES ?? 0);
const OTHERS = ['semiconductors', 'information-technology', 'computing', 'equipment', 'new-materials', 'chemicals', 'biomedicine', 'services-logistics', 'consumer-agrifood'];
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < variants.length; i++) {
    const v = variants[(i + round) % variants.length];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(urlOf(v));
    ready[v.name].push(Math.round(await page.evaluate(() => window.__bench.ready)));
    if (pairs > 0) {
      await page.evaluate(() => window.__bench.settled);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      toggles[v.name].heap.push((await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6);
      const done = await page.evaluate(async ([n, others]) => {
        const out = [];
        for (let i = 0; i < 2 * n; i++) out.push(await window.__bench.toggle(i % 2 === 0 ? others : []));
        return out;
      }, [pairs, OTHERS]);
      const t = toggles[v.name];
      const of = (key, parity) => median(done.filter((_, i) => i % 2 === parity).map((d) => d[key]));
      t.hide.push(of('idle', 0));
      t.show.push(of('idle', 1));
      t.hideDrawn.push(of('drawn', 0));
      t.showDrawn.push(of('drawn', 1));
    }
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
  if (pairs > 0) {
    const t = toggles[v.name];
    const list = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
    console.log(`${''.padEnd(12)} hide ${median(t.hide).toFixed(0)} / show ${median(t.show).toFixed(0)} ms to idle, ${median(t.hideDrawn).toFixed(0)} / ${median(t.showDrawn).toFixed(0)} ms to the drawn frame, heap ${median(t.heap).toFixed(1)} MB  hide [${list(t.hide)}] show [${list(t.show)}]`);
  }
}
