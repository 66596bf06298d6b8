/**
 * `node bench/probes/toggle-gc.mjs name=DIR[:page] [pairs=3]`: the bench's industry toggles at
 * 100k (hide `new-energy`, show all, back to back, after a forced GC as the bench does), with a
 * trace of the main thread: per toggle its ms to `idle` and to the drawn frame, and the ms of
 * garbage collection (scavenges, incremental marking, mark-compact) inside each. HEAP=1 instead
 * samples the heap over the toggles and lists the functions that allocated most.
 * The page defaults to `element.html?projects=synthetic-100k.geojson`.
 */
import { openSettled, parseVariants } from './common.mjs';

// Without a page, the element with the 100k set.
const arg = process.argv[2] ?? '';
const [variant] = parseVariants([arg.slice(arg.indexOf('=') + 1).includes(':') ? arg : `${arg}:element.html?projects=synthetic-100k.geojson`]);
const pairs = Number(process.argv[3] ?? 3);
const { page, cdp, close } = await openSettled(variant);

const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
if (process.env.HEAP) await cdp.send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
else await cdp.send('Tracing.start', { categories: 'disabled-by-default-v8.gc,v8,devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });

const toggles = await page.evaluate(async (n) => {
  const others = ['semiconductors', 'information-technology', 'computing', 'equipment', 'new-materials', 'chemicals', 'biomedicine', 'services-logistics', 'consumer-agrifood'];
  const out = [];
  for (let i = 0; i < 2 * n; i++) {
    performance.mark(`start ${i}`);
    out.push(await window.__bench.toggle(i % 2 === 0 ? others : []));
    performance.mark(`end ${i}`);
  }
  return out;
}, pairs);

if (process.env.HEAP) {
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  const bytes = new Map();
  const walk = (node) => {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    if (node.selfSize) bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    node.children.forEach(walk);
  };
  walk(profile.head);
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  console.log(`allocated ${(total / 1e6).toFixed(1)} MB over ${2 * pairs} toggles; by function:`);
  for (const [key, b] of [...bytes].sort((x, y) => y[1] - x[1]).slice(0, 20)) console.log(`${(b / 1e6).toFixed(2).padStart(7)} MB  ${key}`);
} else {
  await cdp.send('Tracing.end');
  await traced;
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'))?.ts;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const gc = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && /^(MinorGC|MajorGC|V8\.GCIncrementalMarking\w*)$/.test(e.name));
  const gcIn = (from, to) => gc.filter((e) => e.ts >= from && e.ts < to);
  toggles.forEach((t, i) => {
    const start = mark(`start ${i}`);
    const toIdle = gcIn(start, start + t.idle * 1000);
    const toDrawn = gcIn(start, mark(`end ${i}`));
    // GC events nest (a major GC's phases inside it): the ms of their union.
    const ms = (list) => {
      let sum = 0;
      let [from, to] = [-1, -1];
      for (const e of [...list].sort((a, b) => a.ts - b.ts)) {
        if (e.ts > to) {
          sum += to - from;
          [from, to] = [e.ts, e.ts + e.dur];
        } else to = Math.max(to, e.ts + e.dur);
      }
      return ((sum + to - from) / 1000).toFixed(1);
    };
    console.log(`${i % 2 ? 'show' : 'hide'}: idle ${t.idle.toFixed(0)} ms, drawn ${t.drawn.toFixed(0)} ms; GC before idle ${ms(toIdle)} ms, before drawn ${ms(toDrawn)} ms ${[...new Set(toDrawn.map((e) => e.name).filter((n) => /^(MinorGC|MajorGC)$/.test(n)))].join(', ')}${toDrawn.some((e) => /Incremental/.test(e.name)) ? ', incremental marking' : ''}`);
  });
}
await close();
