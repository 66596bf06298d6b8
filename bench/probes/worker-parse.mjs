/**
 * `node bench/probes/worker-parse.mjs DIR`: what parsing a projects file in a worker would save
 * the main thread. DIR is a bench build with `synthetic-100k.geojson` beside its pages. Prints,
 * three times: the main thread's `fetch` + `text()` and `JSON.parse`, and, for the same file
 * fetched and parsed in a worker and posted back, the worker's time, the whole round trip and
 * the main thread's time to deserialise the message (its first read of `event.data`).
 */
import { launch, parseVariants, serve } from './common.mjs';

const variants = parseVariants([`x=${process.argv[2]}`]);
const { server, urlOf } = await serve(variants);
const browser = await launch();
const page = await (await browser.newContext()).newPage();
await page.goto(urlOf(variants[0]).replace(/element\.html.*/, 'bare.html'));
for (let i = 0; i < 3; i++) {
  const r = await page.evaluate(async () => {
    const url = new URL('synthetic-100k.geojson', location.href).href;
    const worker = () =>
      new Worker(
        URL.createObjectURL(
          new Blob(
            [`self.onmessage = async (e) => { const t0 = performance.now(); const json = JSON.parse(await (await fetch(e.data, { cache: 'no-store' })).text()); self.postMessage({ json, ms: performance.now() - t0 }); };`],
            { type: 'text/javascript' },
          ),
        ),
      );
    let t0 = performance.now();
    const text = await (await fetch(url, { cache: 'no-store' })).text();
    const t1 = performance.now();
    JSON.parse(text);
    const out = { mainFetchTextMs: t1 - t0, mainParseMs: performance.now() - t1 };
    const w = worker();
    t0 = performance.now();
    const { ms, deserialiseMs } = await new Promise((resolve) => {
      w.onmessage = (e) => {
        const a = performance.now();
        const d = e.data;
        resolve({ ms: d.ms, deserialiseMs: performance.now() - a });
      };
      w.postMessage(url);
    });
    w.terminate();
    Object.assign(out, { workerMs: ms, roundTripMs: performance.now() - t0, mainDeserialiseMs: deserialiseMs });
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)]));
  });
  console.log(JSON.stringify(r));
}
await browser.close();
server.close();
