/**
 * `node bench/probes/threads.mjs name=DIR[:page] …`: which thread is busy when, from navigation to
 * ready, for each variant (one load each, a fresh browser): a Chromium trace's top-level tasks
 * summed per thread in 250 ms buckets — the page's main thread, MapLibre's worker(s), the GPU
 * process's main thread — so the critical path of a load can be read (e.g. is the worker still
 * busy after the main thread has gone idle?). BUCKET=ms changes the bucket. TOP=n also prints each
 * thread's n functions with most self time (V8's sampling profiler, all threads; use a profile
 * build, `SZM_BENCH_BUILD=profile`, for readable names).
 */
import { launch, parseVariants, serve } from './common.mjs';

const BUCKET = Number(process.env.BUCKET ?? 250);
const TOP = Number(process.env.TOP ?? 0);
const variants = parseVariants(process.argv.slice(2));
const { server, urlOf } = await serve(variants);
for (const variant of variants) {
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const categories = ['toplevel', 'disabled-by-default-devtools.timeline', '__metadata', 'blink.user_timing'];
  if (TOP) categories.push('disabled-by-default-v8.cpu_profiler');
  await browser.startTracing(page, { categories });
  const t0 = Date.now();
  await page.goto(urlOf(variant));
  const ready = await page.evaluate(() => window.__bench.ready);
  await page.waitForTimeout(200);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await browser.close();
  const events = trace.traceEvents ?? trace;
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationTiming' )?.ts;
  const start = nav ?? Math.min(...events.filter((e) => e.ts).map((e) => e.ts));
  // Top-level tasks per thread, nested ones merged: the union of their intervals.
  const spans = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || !/RunTask/.test(e.name)) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
    if (!/CrRendererMain|DedicatedWorker|CrGpuMain|Compositor/.test(thread)) continue;
    const key = `${thread} (${e.pid}:${e.tid})`;
    const list = spans.get(key) ?? [];
    list.push([(e.ts - start) / 1000, (e.ts - start + e.dur) / 1000]);
    spans.set(key, list);
  }
  const busy = new Map();
  for (const [key, list] of spans) {
    list.sort((x, y) => x[0] - y[0]);
    const merged = [];
    for (const [a, b] of list) {
      const last = merged[merged.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    const row = [];
    for (let [a, b] of merged) {
    while (a < b) {
      const k = Math.floor(a / BUCKET);
      const end = Math.min(b, (k + 1) * BUCKET);
      row[k] = (row[k] ?? 0) + (end - a);
      a = end;
    }
    }
    busy.set(key, row);
  }
  console.log(`\n${variant.name}: ready ${ready.toFixed(0)} ms (from navigation); busy % per ${BUCKET} ms`);
  const width = Math.ceil(ready / BUCKET) + 1;
  console.log(`${'thread'.padEnd(34)} ${Array.from({ length: width }, (_, k) => String((k * BUCKET) / 1000).padStart(4)).join('')}  total ms`);
  for (const [key, row] of [...busy].sort()) {
    const total = row.slice(0, width).reduce((s, v) => s + (v ?? 0), 0);
    if (total < 20) continue;
    console.log(`${key.slice(0, 34).padEnd(34)} ${Array.from({ length: width }, (_, k) => String(Math.round(((row[k] ?? 0) / BUCKET) * 100)).padStart(4)).join('')}  ${total.toFixed(0)}`);
  }
  void t0;
  // performance.mark()s the page made (e.g. in a build patched for a probe), ms from navigation.
  const marks = events.filter((e) => e.cat?.includes('blink.user_timing') && e.ph !== 'M' && e.ts && !/^(navigationStart|fetchStart|responseEnd|domLoading|domInteractive|domContentLoaded|domComplete|loadEvent|unloadEvent|requestStart|responseStart|connect|domain|redirect)/.test(e.name));
  for (const e of marks) console.log(`  mark ${e.name} at ${((e.ts - start) / 1000).toFixed(0)} ms`);
  if (TOP) printTopFunctions(events, names);
}

/** Self time per function and thread, from the trace's sampled CPU profiles (ProfileChunk events). */
function printTopFunctions(events, names) {
  const profiles = new Map(); // id → { thread, nodes: Map, self: Map }
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const id = `${e.pid}:${e.id}`;
    let p = profiles.get(id);
    if (!p) profiles.set(id, (p = { thread: names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`, nodes: new Map(), self: new Map() }));
    const data = e.args?.data ?? {};
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n.callFrame);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((id, i) => {
      const f = p.nodes.get(id);
      const label = f ? `${f.functionName || '(anonymous)'} ${String(f.url ?? '').split('/').pop()}:${f.lineNumber ?? ''}` : '?';
      p.self.set(label, (p.self.get(label) ?? 0) + (deltas[i] ?? 0) / 1000);
    });
  }
  for (const p of profiles.values()) {
    const rows = [...p.self].filter(([l]) => !l.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
    const total = rows.reduce((s, [, v]) => s + v, 0);
    if (total < 50) continue;
    console.log(`  ${p.thread}: ${total.toFixed(0)} ms sampled, not idle`);
    for (const [label, ms] of rows.slice(0, TOP)) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${label}`);
  }
}
server.close();
