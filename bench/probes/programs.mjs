/**
 * `node bench/probes/programs.mjs name=DIR[:page] …`: the WebGL programs each page links before
 * ready, in order: when (ms from navigation), how long the link and its status query took, a
 * hash of the shaders' source and which paint properties are uniforms. Pages load one after
 * another in one browser (the first is cold: list a throw-away variant first to compare warm ones).
 */
import { launch, parseVariants, serve } from './common.mjs';
const variants = parseVariants(process.argv.slice(2));
const { server, urlOf } = await serve(variants);
const browser = await launch();
for (const v of variants) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.__progs = [];
    const src = new WeakMap();
    for (const C of [WebGL2RenderingContext, WebGLRenderingContext]) {
      const ss = C.prototype.shaderSource;
      C.prototype.shaderSource = function (sh, s) { src.set(sh, s); return ss.call(this, sh, s); };
      const at = C.prototype.attachShader;
      C.prototype.attachShader = function (p, sh) { (p.__sh ??= []).push(src.get(sh)); return at.call(this, p, sh); };
      const link = C.prototype.linkProgram;
      C.prototype.linkProgram = function (p) {
        const t0 = performance.now();
        const r = link.call(this, p);
        this.getProgramParameter(p, this.LINK_STATUS);
        const dt = performance.now() - t0;
        const all = (p.__sh ?? []).join('\n');
        const defines = [...all.matchAll(/#define\s+(HAS_UNIFORM_u_\w+|\w+)/g)].map((m) => m[1]).filter((d) => !/^(HAS_UNIFORM|highp|lowp|mediump)/.test(d)).slice(0, 6).join(' ');
        const uniforms = [...all.matchAll(/#define HAS_UNIFORM_u_(\w+)/g)].map((m) => m[1]).join(',');
        let h = 0; for (let i = 0; i < all.length; i++) h = (h * 31 + all.charCodeAt(i)) | 0;
        const main = /uniform\s+\w+\s+\w+\s+(u_\w+)/.exec(all)?.[1];
        window.__progs.push({ t: Math.round(t0), ms: Math.round(dt), len: all.length, hash: (h >>> 0).toString(16), defines, uniforms });
        return r;
      };
    }
  });
  await page.goto(urlOf(v));
  const ready = await page.evaluate(() => window.__bench.ready);
  const progs = await page.evaluate(() => window.__progs);
  console.log(`${v.name}: ready ${Math.round(ready)}; ${progs.length} programs linked, link+status ${progs.reduce((a, p) => a + p.ms, 0)} ms`);
  for (const p of progs) console.log(`  t=${p.t} ${p.ms}ms len=${p.len} ${p.hash} | ${p.defines} | const: ${p.uniforms}`);
  await ctx.close();
}
await browser.close(); server.close();
