/**
 * `node bench/probes/gl-calls.mjs name=DIR[:page] …` (REPS=2): WebGL work until ready, per load.
 * An init script wraps the WebGL2 calls: program links (with the first attributes of the vertex
 * shader, to tell programs apart), draw calls, and the ms spent in the synchronous calls that
 * wait for the GPU process (`getProgramParameter` after a link, `getUniformBlockIndex`, …), each
 * wait over 5 ms listed with when it came and after how many draw calls. One unreported load of
 * the first variant warms the browser up first (a fresh browser's first load pays for its GPU
 * process's start), and the variants' order rotates each round.
 */
import { launch, parseVariants, serve } from './common.mjs';

const variants = parseVariants(process.argv.slice(2));
const { server, urlOf } = await serve(variants);
const browser = await launch();

function instrument() {
  const gl = WebGL2RenderingContext.prototype;
  const s = (window.__gl = { links: [], draws: 0, syncMs: {}, waits: [], vertexShader: '' });
  for (const name of ['getProgramParameter', 'getShaderParameter', 'getError', 'getParameter', 'getUniformLocation', 'getAttribLocation', 'getUniformBlockIndex']) {
    const call = gl[name];
    gl[name] = function (...args) {
      const t = performance.now();
      try {
        return call.apply(this, args);
      } finally {
        const ms = performance.now() - t;
        s.syncMs[name] = (s.syncMs[name] ?? 0) + ms;
        if (ms > 5) s.waits.push(`${name} at ${t.toFixed(0)} ms: ${ms.toFixed(0)} ms after ${s.draws} draws`);
      }
    };
  }
  const shaderSource = gl.shaderSource;
  gl.shaderSource = function (shader, text) {
    if (/gl_Position/.test(text)) s.vertexShader = [...text.matchAll(/\bin\s+\w+\s+a_(\w+)/g)].map((m) => m[1]).slice(0, 3).join('+');
    return shaderSource.call(this, shader, text);
  };
  const linkProgram = gl.linkProgram;
  gl.linkProgram = function (...args) {
    s.links.push(`${s.vertexShader} at ${performance.now().toFixed(0)} ms after ${s.draws} draws`);
    return linkProgram.apply(this, args);
  };
  for (const name of ['drawElements', 'drawArrays']) {
    const draw = gl[name];
    gl[name] = function (...args) {
      s.draws++;
      return draw.apply(this, args);
    };
  }
}

const rounds = Number(process.env.REPS ?? 2);
for (let round = -1; round < rounds; round++) {
  for (let i = 0; i < variants.length; i++) {
    if (round < 0 && i > 0) break;
    const v = variants[(i + Math.max(round, 0)) % variants.length];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(instrument);
    const page = await context.newPage();
    await page.goto(urlOf(v));
    const r = await page.evaluate(async () => ({ ready: await window.__bench.ready, ...window.__gl }));
    await context.close();
    if (round < 0) continue;
    const sync = Object.values(r.syncMs).reduce((a, b) => a + b, 0);
    console.log(`${v.name}: ready ${r.ready.toFixed(0)} ms, ${r.links.length} program links, ${r.draws} draw calls, ${sync.toFixed(0)} ms in synchronous GL calls`);
    console.log(`  ${Object.entries(r.syncMs).filter(([, ms]) => ms >= 1).map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join(', ')}`);
    if (process.env.VERBOSE) console.log(`  links: ${r.links.join('; ')}`);
    if (process.env.VERBOSE) console.log(`  waits: ${r.waits.join('; ')}`);
  }
}
await browser.close();
server.close();
