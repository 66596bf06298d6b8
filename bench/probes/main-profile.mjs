/**
 * `node bench/probes/main-profile.mjs name=DIR[:page]`: a CPU profile of the main thread from
 * navigation to ready (use a profile build, `SZM_BENCH_BUILD=profile`, for readable names):
 * ms busy, the functions with most self time, and when chosen functions ran (first and last
 * sample, ms from the profile's start, and ms busy in them). FNS=a,b,c picks the functions.
 */
import { launch, parseVariants, serve } from './common.mjs';

const [variant] = parseVariants([process.argv[2]]);
const chosen = (process.env.FNS ?? 'parseDataText,validateDataset,applyFilters,addDataLayers,projectOrder,serialize,Program,_render').split(',');
const { server, urlOf } = await serve([variant]);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await cdp.send('Profiler.start');
await page.goto(urlOf(variant));
const ready = await page.evaluate(() => window.__bench.ready);
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
server.close();

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
const self = new Map();
const spans = new Map();
let busy = 0;
let t = profile.startTime;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  t += dt * 1000;
  const node = nodes.get(id);
  self.set(label(node), (self.get(label(node)) ?? 0) + dt);
  if (node.callFrame.functionName !== '(idle)') busy += dt;
  const names = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) names.add(nodes.get(n).callFrame.functionName);
  for (const name of chosen) {
    if (!names.has(name)) continue;
    const span = spans.get(name) ?? { first: t, last: t, ms: 0 };
    span.last = t;
    span.ms += dt;
    spans.set(name, span);
  }
});
console.log(`ready ${ready.toFixed(0)} ms; main thread busy ${busy.toFixed(0)} ms of the profile`);
for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${ms.toFixed(0).padStart(6)} ms self  ${key}`);
const at = (ts) => ((ts - profile.startTime) / 1000).toFixed(0).padStart(6);
for (const [name, s] of [...spans].sort((a, b) => a[1].first - b[1].first)) console.log(`${name.padEnd(18)} from ${at(s.first)} to ${at(s.last)} ms, busy ${s.ms.toFixed(0)} ms`);
