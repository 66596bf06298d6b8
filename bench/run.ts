/**
 * `npm run bench [-- --quick]`: the performance benchmark of <shanxi-zones-map>.
 *
 * Builds the bench pages (bench/vite.config.ts) into a temporary folder, writes the synthetic
 * project sets beside them, serves the folder on 127.0.0.1 (no compression) and drives Debian's
 * Chromium with playwright-core: every variant × size × repeat in a fresh browser context, the
 * variants interleaved (their order rotates each repeat) so drift hits all alike. Then CPU
 * profiles of the slow phases (from an unminified build), the JS bytes of the library entry
 * beyond maplibre-gl, and node timings of the data functions the element runs on load and on
 * every filter change. Prints a table, writes bench/results.json and bench/RESULTS.md
 * (narrower runs: bench/partial/, see OUT_DIR).
 *
 * What is measured is the last commit (HEAD): src/, data/, geo/ are taken from `git archive HEAD`
 * into the temporary folder (with this bench/ beside them), so edits in progress elsewhere in
 * the tree cannot break or skew a run; `--worktree` measures the working tree instead.
 *
 * Options: --quick (3 repeats, sizes up to 10k), --repeats=N, --shipped-repeats=N (default 2× the
 * repeats: the shipped size's ratio is the one within the noise), --sizes=shipped,1k,10k,100k,
 * --variants=element,element-map-only,bare,bare-split,leaflet, --no-profile, --worktree, --keep
 * (keep the temporary folder); --render (only write RESULTS.md again from results.json and
 * analysis.md), --suspects (only time the data functions in node again, then --render),
 * --out=DIR (where to write; narrower runs than the full one default to bench/partial/),
 * --toggle-gap=MS (wait before each toggle, as a user clicks; default back to back), --no-quiet
 * (start each load at once, without waiting for the machine to be quiet: see waitForQuiet).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';
import type { FeatureCollection } from 'geojson';
import { INDUSTRY_IDS } from '../src/data/industries.js';
import type { ProjectCollection, ZoneCollection } from '../src/data/schema.js';
import type { BenchApi } from './pages/harness.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(benchDir, '..');

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const QUICK = flag('quick');
const REPEATS = Number(option('repeats') ?? (QUICK ? 3 : 5));
/**
 * The shipped size is repeated twice as often: its loads take seconds, and its target (≤ 1.15×
 * bare) is within this machine's noise, whose per-repeat ratios spread over ±25%.
 */
const SHIPPED_REPEATS = Number(option('shipped-repeats') ?? REPEATS * 2);
const repeatsOf = (size: Size): number => (size === 'shipped' ? SHIPPED_REPEATS : REPEATS);
const ALL_SIZES = ['shipped', '1k', '10k', '100k'] as const;
type Size = (typeof ALL_SIZES)[number];
const SIZES = (option('sizes')?.split(',') ?? (QUICK ? ['shipped', '1k', '10k'] : [...ALL_SIZES])) as Size[];
const ALL_VARIANTS = ['element', 'element-map-only', 'bare', 'bare-split', 'leaflet'] as const;
type Variant = (typeof ALL_VARIANTS)[number];
const VARIANTS = (option('variants')?.split(',') ?? [...ALL_VARIANTS]) as Variant[];
const PROFILE = !flag('no-profile');
/**
 * The diagnostic variants run at fewer sizes unless --variants names them: the map-only element
 * at the shipped and the largest size, the split-by-industry bare page at the largest.
 */
const DIAGNOSTIC_ONLY = !option('variants');
const KEEP = flag('keep');
/** Ms to wait before each toggle (default 0: back to back, the first right after ready), e.g. 1000 as a user clicks. */
const TOGGLE_GAP = Number(option('toggle-gap') ?? 0);
/** Before each load, wait for the CPUs to be under this busy share (see waitForQuiet); --no-quiet skips the wait. */
const QUIET_BUSY = 0.35;
const QUIET_MAX_MS = flag('no-quiet') ? 0 : 10_000;
const WORKTREE = flag('worktree');
/** Only re-render RESULTS.md from results.json (and analysis.md). */
const RENDER_ONLY = flag('render');
/** Only re-time the data functions in node, then re-render. */
const SUSPECTS_ONLY = flag('suspects');
/**
 * Where the results go: bench/ for the full run (every size, every variant, the default repeats);
 * any narrower run (--quick, --sizes, --variants, --repeats, --shipped-repeats, --no-profile, --worktree) writes to
 * bench/partial/ (not committed) so an A/B probe never overwrites the reported figures.
 * --out=DIR names the folder.
 */
const FULL_RUN = !QUICK && !option('sizes') && !option('variants') && !option('repeats') && !option('shipped-repeats') && PROFILE && !WORKTREE && !TOGGLE_GAP;
const OUT_DIR = path.resolve(option('out') ?? (FULL_RUN ? benchDir : path.join(benchDir, 'partial')));
const COUNTS: Record<Exclude<Size, 'shipped'>, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };

for (const s of SIZES) if (!ALL_SIZES.includes(s)) throw new Error(`unknown size ${s} (${ALL_SIZES.join(', ')})`);
for (const v of VARIANTS) if (!ALL_VARIANTS.includes(v)) throw new Error(`unknown variant ${v} (${ALL_VARIANTS.join(', ')})`);
if (!(REPEATS >= 1)) throw new Error('--repeats must be at least 1');
if (!(SHIPPED_REPEATS >= 1)) throw new Error('--shipped-repeats must be at least 1');

const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-sandbox',
];
const VIEWPORT = { width: 1280, height: 800 };
const PAN_STEPS = 12;
const PAN_DELTA: [number, number] = [12, 6];
/** The layer a toggle hides (then shows again): the legend's first. */
const TOGGLED = INDUSTRY_IDS[0]!;
/** Hide/show pairs per run: the first comes right after ready, the others a settled page's. */
const TOGGLES = 3;
const TIMEOUT = { goto: 60_000, ready: 240_000, step: 120_000 };

// ---------------------------------------------------------------------------------------------
// Small helpers

const median = (xs: number[]): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** Nearest-rank percentile. */
const percentile = (xs: number[], p: number): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const fmt = (x: number | null | undefined, d = 0) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d));
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const log = (...parts: unknown[]) => console.log(...parts);

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Busy share of all cores since the previous reading (/proc/stat; null where there is none). */
function cpuSampler(): () => number | null {
  const read = (): [number, number] | null => {
    try {
      const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      const idle = f[3]! + (f[4] ?? 0); // idle + iowait
      return [f.reduce((a, b) => a + b, 0), idle];
    } catch {
      return null;
    }
  };
  let last = read();
  return () => {
    const now = read();
    if (!now || !last) return null;
    const [total, idle] = [now[0] - last[0], now[1] - last[1]];
    last = now;
    return total > 0 ? 1 - idle / total : 0;
  };
}

/**
 * Waits until the machine is quiet before the next load: the browser tears a closed context's
 * renderer down in the background (after a 100k load, seconds of it), and a load started
 * meanwhile shares the two cores with it. Quiet = two 250 ms windows in a row with the CPUs
 * under QUIET_BUSY busy, at most QUIET_MAX_MS; a fixed second where /proc/stat is missing.
 * Resolves with the ms waited.
 */
async function waitForQuiet(): Promise<number> {
  const t0 = performance.now();
  const sample = cpuSampler();
  let calm = 0;
  while (performance.now() - t0 < QUIET_MAX_MS) {
    await new Promise((r) => setTimeout(r, 250));
    const busy = sample();
    if (busy === null) {
      await new Promise((r) => setTimeout(r, 750));
      break;
    }
    calm = busy < QUIET_BUSY ? calm + 1 : 0;
    if (calm >= 2) break;
  }
  return performance.now() - t0;
}

// ---------------------------------------------------------------------------------------------
// Build, data and server

/** The source tree measured: the repo itself (--worktree), or HEAD exported into `dir`. */
function prepareTree(dir: string): { tree: string; commit: string; dirty: boolean } {
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
  const commit = git('rev-parse', 'HEAD');
  if (WORKTREE) return { tree: repo, commit, dirty: git('status', '--porcelain', '--', 'src', 'data', 'geo', 'scripts') !== '' };
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['-C', repo, 'archive', '--format=tar', 'HEAD', 'src', 'data', 'geo', 'scripts', 'package.json', 'tsconfig.json'], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  for (const f of ['pages', 'synthetic.ts', 'vite.config.ts']) cpSync(path.join(benchDir, f), path.join(dir, 'bench', f), { recursive: true });
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return { tree: dir, commit, dirty: false };
}

async function buildFlavour(tree: string, flavour: 'run' | 'profile' | 'size', outDir: string, stub = ''): Promise<void> {
  const { build } = await import('vite');
  process.env.SZM_BENCH_BUILD = flavour;
  process.env.SZM_BENCH_STUB = stub;
  await build({ configFile: path.join(tree, 'bench/vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
}

/** The data functions the element runs, from the measured tree. */
interface DataModules {
  validateDataset: typeof import('../src/data/validate.js').validateDataset;
  filterProjects: typeof import('../src/data/filter.js').filterProjects;
  filtersFromParams: typeof import('../src/data/filter.js').filtersFromParams;
  indexZones: typeof import('../src/data/filter.js').indexZones;
  summarize: typeof import('../src/data/stats.js').summarize;
  FilteredDataset: typeof import('../src/data/filtered-dataset.js').FilteredDataset;
  /** geojson-validation's `isFeature`, which validate.ts runs on every feature. */
  isFeature: (f: unknown, trace: true) => unknown;
  syntheticProjects: typeof import('./synthetic.js').syntheticProjects;
}

async function loadDataModules(tree: string): Promise<DataModules> {
  const load = (f: string) => import(path.join(tree, f));
  const [validate, filter, stats, filtered, synthetic, gjv] = await Promise.all([
    load('src/data/validate.ts'),
    load('src/data/filter.ts'),
    load('src/data/stats.ts'),
    load('src/data/filtered-dataset.ts'),
    load('bench/synthetic.ts'),
    // @ts-expect-error -- geojson-validation ships no type declarations (validate.ts types the one function it uses).
    import('geojson-validation'),
  ]);
  type Gjv = { isFeature: DataModules['isFeature'] };
  const lib = ((gjv as { default?: Gjv }).default ?? gjv) as Gjv;
  return { ...validate, ...filter, ...stats, ...filtered, ...synthetic, isFeature: lib.isFeature } as DataModules;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A static file server on 127.0.0.1, no compression, no caching. */
function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address === 'string') return reject(new Error('no address'));
      resolve({ server, url: `http://127.0.0.1:${address.port}` });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// One measured page

interface RunResult {
  variant: Variant;
  size: Size;
  repeat: number;
  ok: boolean;
  error?: string;
  readyMs?: number;
  settledMs?: number;
  heapUsedMB?: number;
  /** Median of the TOGGLES hides (every layer but TOGGLED) until drawn; the first comes right after ready. */
  toggleOffMs?: number;
  /** Median of the TOGGLES shows (back to every layer) until drawn. */
  toggleOnMs?: number;
  /** The same hides until the map's next `idle` (Leaflet: the next frame, as drawn). */
  toggleOffIdleMs?: number;
  /** The same shows until the map's next `idle`. */
  toggleOnIdleMs?: number;
  /** Each hide and show in turn until drawn (and until idle), the first pair included. */
  toggles?: { hide: number[]; show: number[]; hideIdle: number[]; showIdle: number[] };
  /** A redraw with nothing changed (repaint → idle; Leaflet: a frame): the floor of a toggle. */
  repaintMs?: number;
  panMedianMs?: number;
  panP95Ms?: number;
  frames?: number[];
  projectCount?: number;
  info?: Record<string, unknown>;
  /** The machine's 1-minute load average when the run started (others' work shows here). */
  load?: number;
}

type BenchWindow = Window & { __bench: BenchApi };

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

interface ProfileOptions {
  /** Profile from navigation to ready, or the hide-a-layer toggle. */
  phase: 'load' | 'toggle';
  onProfile: (profile: CpuProfile) => void;
}

function pageUrl(base: string, build: 'run' | 'profile', variant: Variant, size: Size, mapSize: { w: number; h: number } | null): string {
  const page = variant.startsWith('element') ? 'element' : variant.startsWith('bare') ? 'bare' : variant;
  const q = new URLSearchParams();
  if (size !== 'shipped') q.set('projects', `synthetic-${size}.geojson`);
  if (variant === 'element-map-only') q.set('controls', 'none');
  if (variant === 'bare-split') q.set('split', 'industry');
  if (!variant.startsWith('element') && mapSize) {
    q.set('w', String(mapSize.w));
    q.set('h', String(mapSize.h));
  }
  const query = q.toString();
  return `${base}/${build}/${page}.html${query ? `?${query}` : ''}`;
}

async function measure(browser: Browser, url: string, base: Omit<RunResult, 'ok'>, profile?: ProfileOptions): Promise<RunResult> {
  const run = { ...base, load: Math.round(os.loadavg()[0]! * 100) / 100 };
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const pageErrors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const cdp: CDPSession = await context.newCDPSession(page);
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    }
    if (profile?.phase === 'load') await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT.goto });
    const [readyMs, settledMs] = await withTimeout(
      page.evaluate(async () => {
        const b = (window as unknown as BenchWindow).__bench;
        return [await b.ready, await b.settled] as const;
      }),
      TIMEOUT.ready,
      'ready',
    );
    if (profile?.phase === 'load') {
      profile.onProfile((await cdp.send('Profiler.stop')).profile as CpuProfile);
      return { ...run, ok: true, readyMs, settledMs };
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const others = INDUSTRY_IDS.filter((i) => i !== TOGGLED);
    if (profile?.phase === 'toggle') await cdp.send('Profiler.start');
    const toggles = { hide: [] as number[], show: [] as number[], hideIdle: [] as number[], showIdle: [] as number[] };
    for (let i = 0; i < TOGGLES; i++) {
      if (TOGGLE_GAP > 0) await page.waitForTimeout(TOGGLE_GAP);
      const hide = await withTimeout(page.evaluate((list) => (window as unknown as BenchWindow).__bench.toggle(list), others), TIMEOUT.step, 'toggle off');
      toggles.hide.push(hide.drawn);
      toggles.hideIdle.push(hide.idle);
      if (TOGGLE_GAP > 0 && profile?.phase !== 'toggle') await page.waitForTimeout(TOGGLE_GAP);
      if (profile?.phase === 'toggle') {
        profile.onProfile((await cdp.send('Profiler.stop')).profile as CpuProfile);
        return { ...run, ok: true, readyMs, settledMs, toggleOffMs: hide.drawn, toggleOffIdleMs: hide.idle };
      }
      const show = await withTimeout(page.evaluate(() => (window as unknown as BenchWindow).__bench.toggle([])), TIMEOUT.step, 'toggle on');
      toggles.show.push(show.drawn);
      toggles.showIdle.push(show.idle);
    }
    const toggleOffMs = median(toggles.hide);
    const toggleOnMs = median(toggles.show);
    const toggleOffIdleMs = median(toggles.hideIdle);
    const toggleOnIdleMs = median(toggles.showIdle);
    const repaints: number[] = [];
    for (let i = 0; i < 3; i++)
      repaints.push(await withTimeout(page.evaluate(() => (window as unknown as BenchWindow).__bench.repaint()), TIMEOUT.step, 'repaint'));
    const frames = await withTimeout(
      page.evaluate(([n, dx, dy]) => (window as unknown as BenchWindow).__bench.pan(n, dx, dy), [PAN_STEPS, ...PAN_DELTA] as const),
      TIMEOUT.step,
      'pan',
    );
    const [projectCount, info] = await page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      return [b.projectCount(), b.info()] as const;
    });
    const steady = frames.slice(1);
    return {
      ...run,
      ok: true,
      readyMs,
      settledMs,
      heapUsedMB: heap.usedSize / 2 ** 20,
      toggleOffMs,
      toggleOnMs,
      toggleOffIdleMs,
      toggleOnIdleMs,
      toggles,
      repaintMs: median(repaints),
      panMedianMs: median(steady),
      panP95Ms: percentile(steady, 95),
      frames: frames.map((f) => Math.round(f * 10) / 10),
      projectCount,
      info,
    };
  } catch (error) {
    const message = [(error as Error).message?.split('\n')[0], ...pageErrors.slice(0, 2)].filter(Boolean).join(' | ');
    return { ...run, ok: false, error: message };
  } finally {
    await withTimeout(context.close(), 30_000, 'closing the context').catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Profiles

interface ProfileSummary {
  label: string;
  busyMs: number;
  /** By package, or src/ folder. */
  byGroup: { module: string; ms: number; share: number }[];
  /** By module (src file, package, maplibre-gl source file). */
  byModule: { module: string; ms: number; share: number }[];
  topFunctions: { fn: string; module: string; line: number; ms: number; share: number }[];
}

/** A chunk's name without its hash: `assets/element-AbC123_x.js` → `element`. */
function chunkOfUrl(url: string): string {
  const base = url.split('?')[0]!.split('/').pop() ?? url;
  return base.replace(/-[A-Za-z0-9_-]{8}\.(m?js)$/, '').replace(/\.(m?js|html)$/, '');
}

/**
 * Maps a profile frame (chunk URL, line, column) back to its module through the profile build's
 * source maps, and through maplibre-gl's own map for its frames (to its src/ file).
 */
class Symbolizer {
  private consumers = new Map<string, SourceMapConsumer | null>();
  constructor(
    private readonly assetsDir: string,
    private readonly tree: string,
  ) {}

  private consumer(file: string): SourceMapConsumer | null {
    if (!this.consumers.has(file)) {
      let c: SourceMapConsumer | null = null;
      try {
        c = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
      } catch {
        c = null;
      }
      this.consumers.set(file, c);
    }
    return this.consumers.get(file)!;
  }

  /** `src/data/stats.ts`, `lit-html`, `maplibre-gl/src/render/draw_symbol.ts`… and the line there. */
  locate(url: string, line0: number, col0: number): { module: string; line: number } {
    if (!url) return { module: '(VM / native)', line: 0 };
    const file = path.join(this.assetsDir, new URL(url).pathname.split('/').pop() ?? '');
    const pos = this.consumer(file)?.originalPositionFor({ line: line0 + 1, column: col0 });
    if (!pos?.source) return { module: chunkOfUrl(url), line: line0 + 1 };
    const abs = path.resolve(path.dirname(file), pos.source.replace(/\?.*$/, ''));
    if (abs.endsWith('maplibre-gl-dev.mjs')) {
      const inner = this.consumer(abs)?.originalPositionFor({ line: pos.line, column: pos.column });
      if (inner?.source) return { module: `maplibre-gl/${inner.source.replace(/^(\.\.\/)+/, '')}`, line: inner.line };
    }
    const nm = abs.lastIndexOf('node_modules/');
    if (nm >= 0) {
      const parts = abs.slice(nm + 'node_modules/'.length).split('/');
      return { module: parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!, line: pos.line };
    }
    const rel = path.relative(this.tree, abs);
    return { module: rel.startsWith('..') ? chunkOfUrl(url) : rel, line: pos.line };
  }
}

/** The package or src/ folder of a module: `maplibre-gl/src/…` → `maplibre-gl`, `src/data/stats.ts` → `src/data`. */
const groupOf = (module: string) =>
  module.startsWith('maplibre-gl/') ? 'maplibre-gl' : module.startsWith('src/') ? module.split('/').slice(0, 2).join('/') : module;

function summarizeProfile(label: string, profile: CpuProfile, sym: Symbolizer, top = 15): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const dt = deltas[i + 1] ?? 0; // the time until the next sample belongs to this one
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + dt);
  }
  const byGroup = new Map<string, number>();
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, { fn: string; module: string; line: number; us: number }>();
  let busy = 0;
  for (const [id, us] of self) {
    const cf = nodes.get(id)!.callFrame;
    if (cf.functionName === '(idle)') continue;
    busy += us;
    const special = cf.functionName.startsWith('(') && !cf.url;
    const where = special ? { module: cf.functionName, line: 0 } : sym.locate(cf.url, cf.lineNumber, cf.columnNumber);
    byModule.set(where.module, (byModule.get(where.module) ?? 0) + us);
    byGroup.set(groupOf(where.module), (byGroup.get(groupOf(where.module)) ?? 0) + us);
    const fn = cf.functionName || '(anonymous)';
    const key = `${fn}@${where.module}:${where.line}`;
    const entry = byFunction.get(key) ?? { fn, module: where.module, line: where.line, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const share = (us: number) => Math.round((1000 * us) / Math.max(1, busy)) / 10;
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([module, us]) => ({ module, ms: Math.round(us / 1000), share: share(us) }));
  return {
    label,
    busyMs: Math.round(busy / 1000),
    byGroup: list(byGroup, 12),
    byModule: list(byModule, top),
    topFunctions: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ fn: f.fn, module: f.module, line: f.line, ms: Math.round(f.us / 1000), share: share(f.us) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Bytes

interface ChunkInfo {
  fileName: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  modules: { id: string; package: string; code: string }[];
}

interface BytesReport {
  /** gzip -9 of every chunk the entry loads up front, maplibre-gl's excluded. */
  beyondMaplibreGzip: number;
  beyondMaplibreRaw: number;
  /** Chunks only reached by dynamic import (loaded later), gzip. */
  lazyGzip: number;
  maplibreGzip: number;
  chunks: { file: string; raw: number; gzip: number; kind: 'entry' | 'static' | 'lazy' | 'maplibre-gl' }[];
  /** Each package's share of the bytes beyond maplibre-gl (its code gzipped alone, and raw). */
  packages: { package: string; raw: number; gzipAlone: number }[];
}

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

function bytesReport(dir: string): BytesReport {
  const chunks = readJson<ChunkInfo[]>(path.join(dir, 'modules.json'));
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry)!;
  const isMaplibre = (c: ChunkInfo) => c.modules.length > 0 && c.modules.every((m) => m.package === 'maplibre-gl');
  const staticSet = new Set<string>();
  const visit = (f: string) => {
    if (staticSet.has(f)) return;
    staticSet.add(f);
    byFile.get(f)?.imports.forEach(visit);
  };
  visit(entry.fileName);
  const out: BytesReport = { beyondMaplibreGzip: 0, beyondMaplibreRaw: 0, lazyGzip: 0, maplibreGzip: 0, chunks: [], packages: [] };
  const packages = new Map<string, string[]>();
  for (const c of chunks) {
    const buf = readFileSync(path.join(dir, c.fileName));
    const size = { raw: buf.length, gzip: gz(buf) };
    const kind = isMaplibre(c) ? 'maplibre-gl' : c === entry ? 'entry' : staticSet.has(c.fileName) ? 'static' : 'lazy';
    out.chunks.push({ file: c.fileName, ...size, kind });
    if (kind === 'maplibre-gl') out.maplibreGzip += size.gzip;
    else if (kind === 'lazy') out.lazyGzip += size.gzip;
    else {
      out.beyondMaplibreGzip += size.gzip;
      out.beyondMaplibreRaw += size.raw;
      for (const m of c.modules) {
        const key = m.package.startsWith('src/') ? `src/${m.package.split('/')[1]}` : m.package;
        packages.set(key, [...(packages.get(key) ?? []), m.code]);
      }
    }
  }
  out.packages = [...packages]
    .map(([pkg, codes]) => ({ package: pkg, raw: Buffer.byteLength(codes.join('\n')), gzipAlone: gz(codes.join('\n')) }))
    .sort((a, b) => b.gzipAlone - a.gzipAlone);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The data functions the element runs, timed in node (the same V8)

interface SuspectTimes {
  size: Size;
  projects: number;
  validateMs: number;
  /** Of which geojson-validation's isFeature over every feature. */
  geojsonValidationMs: number;
  /** `FilteredDataset.apply` when only the industry layers change (the other filters' work is cached). */
  industryToggleMs: number;
  /** `FilteredDataset.apply` when another filter (status) changes: every project filtered and summarised again. */
  otherFilterMs: number;
  /** Of which one filterProjects over every project. */
  filterProjectsMs: number;
  /** One summarize over the visible projects. */
  summarizeMs: number;
}

function timeIt(f: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function suspectTimes(d: DataModules, size: Size, zones: ZoneCollection, projects: ProjectCollection): SuspectTimes {
  const { validateDataset, filterProjects, filtersFromParams, indexZones, summarize, isFeature, FilteredDataset } = d;
  const runs = projects.features.length >= 100_000 ? 3 : 7;
  const zonesById = indexZones(zones.features);
  const filters = (params: Record<string, string>) => filtersFromParams(new URLSearchParams(params));
  const allButOne = INDUSTRY_IDS.filter((i) => i !== TOGGLED).join(',');
  const validateMs = timeIt(() => {
    const problems = validateDataset(zones, projects);
    if (problems.length) throw new Error(`synthetic data invalid: ${problems.length} problems`);
  }, runs);
  const geojsonValidationMs = timeIt(() => {
    for (const f of zones.features) isFeature(f, true);
    for (const f of projects.features) isFeature(f, true);
  }, runs);
  const dataset = new FilteredDataset(zones.features, projects.features);
  dataset.apply(filters({}));
  // Alternate between two states so that each timed call is a real change.
  let flip = false;
  const industryToggleMs = timeIt(() => dataset.apply(filters((flip = !flip) ? { industries: allButOne } : {})), runs);
  const otherFilterMs = timeIt(() => dataset.apply(filters((flip = !flip) ? { statuses: 'operating' } : {})), runs);
  const filterProjectsMs = timeIt(() => filterProjects(projects.features, zonesById, filters({})), runs);
  const summarizeMs = timeIt(() => summarize(projects.features, zonesById), runs);
  return { size, projects: projects.features.length, validateMs, geojsonValidationMs, industryToggleMs, otherFilterMs, filterProjectsMs, summarizeMs };
}

// ---------------------------------------------------------------------------------------------
// Report

type Metric = 'readyMs' | 'settledMs' | 'toggleOffIdleMs' | 'toggleOnIdleMs' | 'toggleOffMs' | 'toggleOnMs' | 'repaintMs' | 'panMedianMs' | 'panP95Ms' | 'heapUsedMB';
const METRICS: Metric[] = ['readyMs', 'settledMs', 'toggleOffIdleMs', 'toggleOnIdleMs', 'toggleOffMs', 'toggleOnMs', 'repaintMs', 'panMedianMs', 'panP95Ms', 'heapUsedMB'];
type Summary = Partial<Record<Size, Partial<Record<Variant, Record<Metric, number> & { n: number; failures: number; info?: Record<string, unknown> }>>>>;

function summarizeRuns(runs: RunResult[]): Summary {
  const out: Summary = {};
  for (const size of SIZES)
    for (const variant of VARIANTS) {
      const mine = runs.filter((r) => r.size === size && r.variant === variant);
      const ok = mine.filter((r) => r.ok);
      const m = Object.fromEntries(METRICS.map((k) => [k, median(ok.map((r) => r[k] as number))])) as Record<Metric, number>;
      // Frame times pooled over the repeats (the first frame of each pan left out).
      const frames = ok.flatMap((r) => r.frames?.slice(1) ?? []);
      m.panMedianMs = median(frames);
      m.panP95Ms = percentile(frames, 95);
      (out[size] ??= {})[variant] = { ...m, n: ok.length, failures: mine.length - ok.length, info: ok.at(-1)?.info };
    }
  return out;
}

interface Target {
  id: string;
  text: string;
  value: string;
  met: boolean | null;
}

function targets(summary: Summary, bytes: BytesReport | null): Target[] {
  const get = (size: Size, v: Variant, k: Metric) => summary[size]?.[v]?.[k] ?? NaN;
  const out: Target[] = [];
  const r1 = ratio(get('shipped', 'element', 'readyMs'), get('shipped', 'bare', 'readyMs'));
  out.push({ id: 'ready-shipped', text: 'ready ≤ 1.15× bare MapLibre, shipped data', value: `${fmt(r1, 2)}×`, met: Number.isFinite(r1) ? r1 <= 1.15 : null });
  const r2 = ratio(get('100k', 'element', 'readyMs'), get('100k', 'bare', 'readyMs'));
  out.push({ id: 'ready-100k-bare', text: 'ready ≤ 1.5× bare MapLibre (clustered), 100k projects', value: `${fmt(r2, 2)}×`, met: Number.isFinite(r2) ? r2 <= 1.5 : null });
  const r3 = ratio(get('100k', 'element', 'readyMs'), get('100k', 'leaflet', 'readyMs'));
  out.push({
    id: 'ready-100k-leaflet',
    text: 'ready well ahead of Leaflet + markercluster, 100k projects (taken as ≤ 0.67×)',
    value: `${fmt(r3, 2)}×`,
    met: Number.isFinite(r3) ? r3 <= 0.67 : null,
  });
  const t = Math.max(get('100k', 'element', 'toggleOffIdleMs'), get('100k', 'element', 'toggleOnIdleMs'));
  const drawn = Math.max(get('100k', 'element', 'toggleOffMs'), get('100k', 'element', 'toggleOnMs'));
  out.push({
    id: 'toggle-100k',
    text: 'industry toggle ≤ 50 ms to idle, 100k projects (worse of hide and show)',
    value: `${fmt(t)} ms (frame drawn: ${fmt(drawn)} ms)`,
    met: Number.isFinite(t) ? t <= 50 : null,
  });
  const b = bytes ? bytes.beyondMaplibreGzip / 1000 : NaN;
  out.push({ id: 'bytes', text: 'JS beyond maplibre-gl ≤ 60 kB gzip', value: `${fmt(b, 1)} kB`, met: Number.isFinite(b) ? b <= 60 : null });
  return out;
}

const VARIANT_LABEL: Record<Variant, string> = {
  element: '(a) element',
  'element-map-only': "(a') element, controls=none",
  bare: '(b) bare MapLibre',
  'bare-split': "(b') bare MapLibre, a source per industry (toggle = opacity)",
  leaflet: '(c) Leaflet + markercluster',
};

const sizesIn = (summary: Summary): Size[] => ALL_SIZES.filter((size) => summary[size]);

function resultsTable(summary: Summary, md: boolean): string {
  const head = ['size', 'variant', 'n', 'ready ms', '×bare', '×leaflet', 'settled ms', 'hide → idle ms', 'show → idle ms', 'hide → drawn ms', 'show → drawn ms', 'redraw ms', 'pan median ms', 'pan p95 ms', 'heap MB'];
  const rows: string[][] = [];
  for (const size of sizesIn(summary))
    for (const variant of ALL_VARIANTS) {
      const s = summary[size]?.[variant];
      if (!s || s.n + s.failures === 0) continue;
      const bare = summary[size]?.bare?.readyMs ?? NaN;
      const leaflet = summary[size]?.leaflet?.readyMs ?? NaN;
      rows.push([
        size,
        md ? VARIANT_LABEL[variant] : variant,
        `${s.n}${s.failures ? ` (${s.failures} failed)` : ''}`,
        fmt(s.readyMs),
        variant === 'bare' ? '1' : fmt(ratio(s.readyMs, bare), 2),
        variant === 'leaflet' ? '1' : fmt(ratio(s.readyMs, leaflet), 2),
        fmt(s.settledMs),
        fmt(s.toggleOffIdleMs),
        fmt(s.toggleOnIdleMs),
        fmt(s.toggleOffMs),
        fmt(s.toggleOnMs),
        fmt(s.repaintMs),
        fmt(s.panMedianMs, 1),
        fmt(s.panP95Ms, 1),
        fmt(s.heapUsedMB, 1),
      ]);
    }
  if (md) return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function ratioTable(summary: Summary): string {
  const head = ['size', 'metric', 'element ÷ bare', 'element ÷ Leaflet', "map-only ÷ bare", 'element ÷ map-only'];
  const rows: string[][] = [];
  const pairs: [string, Metric][] = [
    ['ready', 'readyMs'],
    ['hide layer → idle', 'toggleOffIdleMs'],
    ['show layer → idle', 'toggleOnIdleMs'],
    ['hide layer → drawn', 'toggleOffMs'],
    ['show layer → drawn', 'toggleOnMs'],
    ['redraw', 'repaintMs'],
    ['pan median frame', 'panMedianMs'],
    ['pan p95 frame', 'panP95Ms'],
    ['heap', 'heapUsedMB'],
  ];
  for (const size of sizesIn(summary))
    for (const [label, k] of pairs) {
      const g = (v: Variant) => summary[size]?.[v]?.[k] ?? NaN;
      rows.push([size, label, fmt(ratio(g('element'), g('bare')), 2), fmt(ratio(g('element'), g('leaflet')), 2), fmt(ratio(g('element-map-only'), g('bare')), 2), fmt(ratio(g('element'), g('element-map-only')), 2)]);
    }
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function profileMd(p: ProfileSummary): string {
  const group = p.byGroup.slice(0, 8).map((m) => `| ${m.module} | ${m.ms} | ${m.share}% |`);
  const mod = p.byModule.slice(0, 10).map((m) => `| ${m.module} | ${m.ms} | ${m.share}% |`);
  const fns = p.topFunctions.map((f) => `| \`${f.fn}\` | ${f.module}:${f.line} | ${f.ms} | ${f.share}% |`);
  return [
    `**${p.label}** — ${p.busyMs} ms of main-thread CPU sampled (idle excluded; the MapLibre worker is another thread and is not in it).`,
    '',
    '<details><summary>by package / src folder, by module, top functions</summary>',
    '',
    '| package or src/ folder | self ms | share |',
    '| --- | --- | --- |',
    ...group,
    '',
    '| module | self ms | share |',
    '| --- | --- | --- |',
    ...mod,
    '',
    '| function (top self time) | module:line | self ms | share |',
    '| --- | --- | --- | --- |',
    ...fns,
    '',
    '</details>',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  if (RENDER_ONLY || SUSPECTS_ONLY) return rerender();
  const started = Date.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'szm-bench-'));
  let browser: Browser | undefined;
  let server: Server | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    if (!KEEP) rmSync(tmp, { recursive: true, force: true });
  };
  let stopping = false;
  const onSignal = (sig: string) => {
    if (stopping) return;
    stopping = true;
    log(`\n${sig}: stopping`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  try {
    log(`bench: ${REPEATS} repeats (shipped ${SHIPPED_REPEATS}) × sizes ${SIZES.join(', ')} × variants ${VARIANTS.join(', ')}${KEEP ? ` (build kept in ${tmp})` : ''}`);
    // 1. Source and builds.
    const { tree, commit, dirty } = prepareTree(path.join(tmp, 'tree'));
    log(`measuring ${WORKTREE ? `the working tree${dirty ? ' (with uncommitted changes)' : ''}` : 'HEAD'} (${commit.slice(0, 10)})`);
    log('building the bench pages (run, profile) and the library entry (size)…');
    await buildFlavour(tree, 'run', path.join(tmp, 'run'));
    if (PROFILE) await buildFlavour(tree, 'profile', path.join(tmp, 'profile'));
    await buildFlavour(tree, 'size', path.join(tmp, 'size'));
    await buildFlavour(tree, 'size', path.join(tmp, 'size-no-pinyin'), 'pinyin-pro');
    await buildFlavour(tree, 'size', path.join(tmp, 'size-no-gjv'), 'geojson-validation');
    await buildFlavour(tree, 'size', path.join(tmp, 'size-no-both'), 'pinyin-pro,geojson-validation');
    const dataModules = await loadDataModules(tree);
    const bytes = bytesReport(path.join(tmp, 'size'));
    const whatIf = {
      withoutPinyinPro: bytesReport(path.join(tmp, 'size-no-pinyin')).beyondMaplibreGzip,
      withoutGeojsonValidation: bytesReport(path.join(tmp, 'size-no-gjv')).beyondMaplibreGzip,
      withoutBoth: bytesReport(path.join(tmp, 'size-no-both')).beyondMaplibreGzip,
    };
    log(`JS beyond maplibre-gl: ${(bytes.beyondMaplibreGzip / 1000).toFixed(1)} kB gzip (without pinyin-pro ${(whatIf.withoutPinyinPro / 1000).toFixed(1)}, without geojson-validation ${(whatIf.withoutGeojsonValidation / 1000).toFixed(1)}, without both ${(whatIf.withoutBoth / 1000).toFixed(1)})`);

    // 2. Data: shipped and synthetic.
    const zones = readJson<ZoneCollection>(path.join(tree, 'data/zones.geojson'));
    const province = readJson<FeatureCollection>(path.join(tree, 'geo/province.geojson'));
    const datasets = new Map<Size, ProjectCollection>([['shipped', readJson<ProjectCollection>(path.join(tree, 'data/projects.geojson'))]]);
    for (const size of SIZES) {
      if (size === 'shipped') continue;
      const t0 = performance.now();
      const fc = dataModules.syntheticProjects({ count: COUNTS[size], zones: zones as unknown as FeatureCollection, province });
      datasets.set(size, fc);
      const text = JSON.stringify(fc);
      for (const flavour of PROFILE ? ['run', 'profile'] : ['run']) writeFileSync(path.join(tmp, flavour, `synthetic-${size}.geojson`), text);
      log(`synthetic ${size}: ${fc.features.length} projects, ${(text.length / 1e6).toFixed(1)} MB, ${(performance.now() - t0).toFixed(0)} ms`);
    }

    // 3. Node timings of the data functions.
    log('timing the data functions in node…');
    const suspects = [...datasets].map(([size, fc]) => suspectTimes(dataModules, size, zones, fc));

    // 4. Serve and measure.
    const served = await serve(tmp);
    server = served.server;
    browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS, headless: true });
    const chromiumVersion = browser.version();

    // Warm-up: one unrecorded load of each variant; the element's tells the map's size.
    let mapSize: { w: number; h: number } | null = null;
    for (const variant of VARIANTS) {
      const r = await measure(browser, pageUrl(served.url, 'run', variant, 'shipped', mapSize), { variant, size: 'shipped', repeat: 0 });
      if (!r.ok) throw new Error(`warm-up of ${variant} failed: ${r.error}`);
      if (variant === 'element' && r.info?.mapWidth) mapSize = { w: Number(r.info.mapWidth), h: Number(r.info.mapHeight) };
    }
    if (!mapSize) mapSize = { w: VIEWPORT.width - 340, h: VIEWPORT.height };
    log(`element's map area ${mapSize.w}×${mapSize.h}: bare and Leaflet get the same`);

    const runs: RunResult[] = [];
    const quietWaits: number[] = [];
    const largestSize = SIZES.at(-1);
    const variantsAt = (size: Size) =>
      VARIANTS.filter(
        (v) =>
          !DIAGNOSTIC_ONLY ||
          (v === 'element-map-only' ? size === 'shipped' || size === largestSize : v === 'bare-split' ? size === largestSize && size !== 'shipped' : true),
      );
    const total = SIZES.reduce((n, size) => n + repeatsOf(size) * variantsAt(size).length, 0);
    const rounds = Math.max(...SIZES.map(repeatsOf));
    for (let repeat = 1; repeat <= rounds; repeat++) {
      for (const size of SIZES) {
        if (repeat > repeatsOf(size)) continue;
        const here = variantsAt(size);
        const order = here.map((_, i) => here[(i + repeat + SIZES.indexOf(size)) % here.length]!);
        for (const variant of order) {
          if (stopping) return;
          quietWaits.push(await waitForQuiet());
          const r = await measure(browser, pageUrl(served.url, 'run', variant, size, mapSize), { variant, size, repeat });
          runs.push(r);
          log(
            `[${String(runs.length).padStart(3)}/${total}] ${size.padEnd(7)} ${variant.padEnd(16)} ` +
              (r.ok
                ? `ready ${fmt(r.readyMs).padStart(6)} settled ${fmt(r.settledMs).padStart(6)} hide ${fmt(r.toggleOffMs).padStart(5)} show ${fmt(r.toggleOnMs).padStart(5)} pan ${fmt(r.panMedianMs, 1)}/${fmt(r.panP95Ms, 1)} heap ${fmt(r.heapUsedMB, 1)} MB`
                : `FAILED: ${r.error}`),
          );
        }
      }
    }
    const summary = summarizeRuns(runs);

    // 5. Profiles of the slow phases (unminified build; profiling slows pages, so shares matter, not totals).
    const profiles: ProfileSummary[] = [];
    if (PROFILE && !stopping) {
      const largest = SIZES.filter((s) => s !== 'shipped').at(-1);
      const symbolizer = new Symbolizer(path.join(tmp, 'profile', 'assets'), tree);
      const plan: [Variant, Size, 'load' | 'toggle'][] = [];
      if (SIZES.includes('shipped')) plan.push(['element', 'shipped', 'load'], ['bare', 'shipped', 'load']);
      if (largest) plan.push(['element', largest, 'load'], ['element', largest, 'toggle'], ['element-map-only', largest, 'toggle']);
      for (const [variant, size, phase] of plan) {
        if (!VARIANTS.includes(variant)) continue;
        const holder: { profile: CpuProfile | null } = { profile: null };
        const r = await measure(browser, pageUrl(served.url, 'profile', variant, size, mapSize), { variant, size, repeat: 0 }, { phase, onProfile: (p) => (holder.profile = p) });
        const captured = holder.profile;
        const label = `${VARIANT_LABEL[variant]}, ${size}, ${phase === 'load' ? 'navigation → ready' : 'hide one layer → idle'}`;
        if (!r.ok || !captured) {
          log(`profile ${label} failed: ${r.error}`);
          continue;
        }
        const p = summarizeProfile(label, captured, symbolizer);
        profiles.push(p);
        log(`profile ${label}: ${p.busyMs} ms busy; top: ${p.topFunctions.slice(0, 3).map((f) => `${f.fn} (${f.module}) ${f.ms} ms`).join(', ')}`);
      }
    }

    // 6. Report.
    const machine = {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      chromium: chromiumVersion,
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      webgl: 'SwiftShader (software), --use-angle=swiftshader',
    };
    const date = new Date().toISOString();
    const results = {
      date,
      source: { commit, worktree: WORKTREE, dirty },
      machine,
      config: { quick: QUICK, toggleGapMs: TOGGLE_GAP, repeats: REPEATS, shippedRepeats: SHIPPED_REPEATS, sizes: SIZES, variants: VARIANTS, viewport: VIEWPORT, mapSize, panSteps: PAN_STEPS, panDelta: PAN_DELTA, toggled: TOGGLED, toggles: TOGGLES, gzipLevel: 9, quiet: QUIET_MAX_MS > 0 ? { busyBelow: QUIET_BUSY, maxMs: QUIET_MAX_MS, waitedMedianMs: Math.round(median(quietWaits)), waitedMaxMs: Math.round(Math.max(0, ...quietWaits)) } : null },
      durationS: Math.round((Date.now() - started) / 1000),
      summary,
      targets: targets(summary, bytes),
      bytes: { ...bytes, whatIf },
      suspects,
      profiles,
      runs,
    };
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(path.join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
    writeFileSync(path.join(OUT_DIR, 'RESULTS.md'), renderMarkdown(results));
    log(`\n${resultsTable(summary, false)}\n`);
    for (const t of results.targets) log(`${t.met === null ? '  ?' : t.met ? ' ok' : 'MISS'}  ${t.text}: ${t.value}`);
    log(`\nwrote ${path.relative(repo, OUT_DIR)}/results.json and RESULTS.md in ${results.durationS} s`);
  } finally {
    if (!stopping) await cleanup();
  }
}

/** --render and --suspects: results.json → RESULTS.md, with the node timings redone for --suspects. */
async function rerender(): Promise<void> {
  const file = path.join(benchDir, 'results.json');
  const results = readJson<Results>(file);
  if (SUSPECTS_ONLY) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'szm-bench-'));
    try {
      const { tree, commit } = prepareTree(path.join(tmp, 'tree'));
      if (commit !== results.source.commit) log(`note: results.json measured ${results.source.commit.slice(0, 10)}, the node timings now come from ${commit.slice(0, 10)}`);
      results.suspectsCommit = commit;
      const d = await loadDataModules(tree);
      const zones = readJson<ZoneCollection>(path.join(tree, 'data/zones.geojson'));
      const province = readJson<FeatureCollection>(path.join(tree, 'geo/province.geojson'));
      const sizes = sizesIn(results.summary);
      results.suspects = sizes.map((size) => {
        const fc =
          size === 'shipped'
            ? readJson<ProjectCollection>(path.join(tree, 'data/projects.geojson'))
            : d.syntheticProjects({ count: COUNTS[size], zones: zones as unknown as FeatureCollection, province });
        return suspectTimes(d, size, zones, fc);
      });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`);
  }
  writeFileSync(path.join(benchDir, 'RESULTS.md'), renderMarkdown(results));
  log(`wrote ${SUSPECTS_ONLY ? 'bench/results.json and ' : ''}bench/RESULTS.md`);
}

type Results = {
  date: string;
  source: { commit: string; worktree: boolean; dirty: boolean };
  /** Set when the node timings were redone (--suspects) at another commit. */
  suspectsCommit?: string;
  machine: Record<string, string | number>;
  config: Record<string, unknown> & {
    mapSize: { w: number; h: number } | null;
    quiet?: { busyBelow: number; maxMs: number; waitedMedianMs: number; waitedMaxMs: number } | null;
  };
  durationS: number;
  summary: Summary;
  targets: Target[];
  bytes: BytesReport & { whatIf: Record<string, number> };
  suspects: SuspectTimes[];
  profiles: ProfileSummary[];
  runs: RunResult[];
};

/** The hand-written diagnosis, kept beside the runner so a rerun keeps it (its numbers are from the run it names). */
function analysis(): string {
  try {
    return readFileSync(path.join(benchDir, 'analysis.md'), 'utf8').trim();
  } catch {
    return '_No bench/analysis.md yet._';
  }
}

/** The machine's load while the runs ran: others' work on a shared machine shows here. */
function loadNote(r: Results): string {
  const loads = r.runs.map((x) => x.load).filter((x): x is number => typeof x === 'number');
  if (!loads.length) return '';
  const cores = Number(r.machine.cores);
  const med = median(loads);
  const max = Math.max(...loads);
  const busy = med > cores * 0.75;
  return `**Load:** 1-minute load average at the start of each run: median ${med.toFixed(1)}, max ${max.toFixed(1)} on ${cores} cores.${busy ? ' The machine was shared with other work during the run, so absolute times are inflated and noisy; the variants were interleaved, so the ratios are the figures to read.' : ''}`;
}

function renderMarkdown(r: Results): string {
  const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;
  const m = r.machine;
  const lines = [
    '# Benchmark: `<shanxi-zones-map>` against bare MapLibre and Leaflet + markercluster',
    '',
    `Generated by \`npm run bench${r.config.quick ? ' -- --quick' : ''}\` on ${r.date.slice(0, 10)} (${r.date}), in ${r.durationS} s. Raw data: [results.json](results.json).`,
    '',
    `**Measured:** ${r.source.worktree ? `the working tree at ${r.source.commit.slice(0, 10)}${r.source.dirty ? ' with uncommitted changes' : ''}` : `commit ${r.source.commit.slice(0, 10)} (HEAD, exported with \`git archive\`)`}.`,
    '',
    `**Machine:** ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM; ${m.platform}; Chromium ${m.chromium} headless, WebGL by ${m.webgl}; Node ${m.node}.`,
    '',
    loadNote(r),
    '',
    `**Method.** Each variant × size × repeat (${r.config.repeats} repeats${r.config.shippedRepeats && r.config.shippedRepeats !== r.config.repeats ? `, ${r.config.shippedRepeats} for the shipped data, whose target is within the machine's noise` : ''}) loads in a fresh browser context at ${VIEWPORT.width}×${VIEWPORT.height}${r.config.quiet ? `, once the machine is quiet (the CPUs under ${r.config.quiet.busyBelow * 100}% busy for two 250 ms windows in a row, at most ${r.config.quiet.maxMs / 1000} s: the browser tears the previous context down in the background, seconds of work after a 100k load; waited ${r.config.quiet.waitedMedianMs} ms median, ${r.config.quiet.waitedMaxMs} ms at most)` : ''}; the variants' order rotates every repeat so drift hits all alike; figures are medians over the repeats. ` +
      `The element fills the viewport with its default panel; its map area (${r.config.mapSize?.w}×${r.config.mapSize?.h}) is the size given to the bare and Leaflet maps, since software WebGL cost grows with pixels. ` +
      'Production (minified) builds served from 127.0.0.1 without compression. Synthetic sets: `bench/synthetic.ts` (seeded, inside Shanxi, valid against the schema), loaded through `projects-src`.',
    '',
    '- **ready**: navigation start → (a) the element\'s `ready` event; (b) the first `idle` after the data were added (on `style.load`, as the element adds them); (c) clusters added and a frame drawn (rAF, then a task after its paint).',
    '- **settled**: navigation start → the first frame after ready (the work ready queued, e.g. the panel\'s re-render, included).',
    `- **hide / show layer**: (a) \`industries\` set to every layer but \`${TOGGLED}\` → the next map \`idle\` (the issue's measure: MapLibre has issued its draw calls) and → its frame drawn (read back), then back to all; (b) \`setData\` of the filtered features → the same; (c) \`clearLayers\` + \`addLayers\` of the filtered markers → next frame. ${r.config.toggles ?? 1} hide/show pairs per run, ${r.config.toggleGapMs ? `each toggle after a wait of ${r.config.toggleGapMs} ms (\`--toggle-gap\`)` : 'back to back, the first right after ready (while the page may still be finishing work ready queued)'}; the figure is the median of a run's hides (shows), then the median over runs.`,
    `- **pan**: ${r.config.panSteps} steps of ${PAN_DELTA.join('×')} px (out and back), one \`panBy\` per animation frame; frame time = rAF-to-rAF interval; median and p95 over the frames of all repeats pooled.`,
    '- **heap**: CDP `Runtime.getHeapUsage().usedSize` after `HeapProfiler.collectGarbage`, right after ready (main thread only).',
    "- **redraw**: one repaint with nothing changed → idle and drawn (Leaflet: a frame), median of 3: the floor under any toggle on this renderer.",
    "- **drawn**: MapLibre's `idle` says its draw calls are issued; with software WebGL the GPU process executes them later (idle came ~50–100 ms after a toggle, the frame was drawn ~350–550 ms after it), so after `idle` the MapLibre pages read one pixel back (`readPixels`), which waits for the frame to be finished. `ready` is the first `idle`, as before, for every MapLibre page alike.",
    "- (b') is the element's own map design (src/map/data-layers.ts) on the bare page, at the largest size: a clustered source per industry, so a toggle is a paint change (opacity 0/1: layers at opacity 0 are skipped when drawing, nothing is re-clustered or laid out again) instead of `setData`; clusters hold one industry each. Beside (b), it shows what the design costs the map itself; beside (a), what the element adds to it.",
    "- (a') is the element with `controls=\"none\"` (map only, no panel), measured at the shipped and the largest size. Its map fills the whole 1280×800 viewport, 36% more pixels than the 939×800 of (a) and (b), which software WebGL pays for in every frame: beside (a) and (b) it bounds the panel's cost and the element's map-side overhead, it does not measure them.",
    `- Bare MapLibre clusters the synthetic sets (same radius and max zoom as the element), not the 59 shipped projects.`,
    '',
    '## Results (medians)',
    '',
    resultsTable(r.summary, true),
    '',
    '**The element\'s DOM after ready** (the panel\'s list renders only the rows in view, about 40, however many projects are visible):',
    '',
    '| size | list rows (role=option) | elements in the document, shadow roots included |',
    '| --- | --- | --- |',
    ...sizesIn(r.summary).map((size) => {
      const info = r.summary[size]?.element?.info;
      return `| ${size} | ${info?.listRows ?? '–'} | ${info?.domElements ?? '–'} |`;
    }),
    '',
    '## Ratios',
    '',
    ratioTable(r.summary),
    '',
    '## Targets',
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    ...r.targets.map((t) => `| ${t.text} | ${t.value} | ${t.met === null ? 'not measured' : t.met ? '**met**' : '**missed**'} |`),
    '',
    '## JS bytes beyond maplibre-gl',
    '',
    `Library entry \`src/index.ts\` built alone (minified, maplibre-gl in a chunk of its own; its worker is a separate asset and not counted), gzip -9: **${kB(r.bytes.beyondMaplibreGzip)}** (${kB(r.bytes.beyondMaplibreRaw)} minified) beyond maplibre-gl (${kB(r.bytes.maplibreGzip)} gzip itself)${r.bytes.lazyGzip ? `, plus ${kB(r.bytes.lazyGzip)} loaded lazily` : '; nothing is split off lazily'}.`,
    `Priced by building with the package replaced by an empty stub: without pinyin-pro ${kB(r.bytes.whatIf.withoutPinyinPro!)}, without geojson-validation ${kB(r.bytes.whatIf.withoutGeojsonValidation!)}, without both ${kB(r.bytes.whatIf.withoutBoth!)}.`,
    '',
    '| package or src/ folder | minified | gzip (alone) |',
    '| --- | --- | --- |',
    ...r.bytes.packages.slice(0, 14).map((p) => `| ${p.package} | ${kB(p.raw)} | ${kB(p.gzipAlone)} |`),
    '',
    '## The data functions, timed in node (same V8), per load or filter change',
    '',
    ...(r.suspectsCommit && r.suspectsCommit !== r.source.commit ? [`Timed again with \`--suspects\` at commit ${r.suspectsCommit.slice(0, 10)} (src/data unchanged in substance unless its log says otherwise).`, ''] : []),
    '`FilteredDataset.apply` is the data work of every filter change. An industry toggle reuses the other filters\' result and per-industry summaries; a change of status, city, level, investment or query filters and summarises every project again.',
    '',
    '| size | projects | validateDataset ms (every load) | of which geojson-validation ms | industry toggle ms | other filter change ms | one filterProjects ms | one summarize ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.suspects.map((s) => `| ${s.size} | ${s.projects} | ${fmt(s.validateMs, 1)} | ${fmt(s.geojsonValidationMs, 1)} | ${fmt(s.industryToggleMs, 1)} | ${fmt(s.otherFilterMs, 1)} | ${fmt(s.filterProjectsMs, 1)} | ${fmt(s.summarizeMs, 1)} |`),
    '',
    '## CPU profiles of the slow phases',
    '',
    'CDP `Profiler.start/stop` (250 µs sampling) around the phase, on an unminified build (maplibre-gl\'s unminified build too) whose source maps name each frame\'s module. Profiling slows the page; read the shares, not the totals. `(program)` is the browser\'s own work outside JS (style, layout, parsing HTML and JSON, GC of the DOM…).',
    '',
    ...r.profiles.flatMap((p) => [profileMd(p), '']),
    '## Diagnosis and the changes made',
    '',
    analysis(),
    '',
  ];
  return lines.join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
