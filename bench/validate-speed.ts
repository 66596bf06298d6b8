/**
 * validateDataset timed in node at 1k, 10k and 100k synthetic projects (bench/synthetic.ts over
 * the shipped zones), median of 5, beside the validator as it was before its speed-up (read
 * from git at BASELINE into .tmp/, so no copy of it is kept in the tree) in the same run, so the ratio holds on a noisy machine. Every timed
 * dataset, and seeded random breakages of the shipped and synthetic data, must give the same
 * problems from both; a difference is printed and the exit code is 1.
 *
 *   npx tsx bench/validate-speed.ts              # timings and the comparison
 *   npx tsx bench/validate-speed.ts --fuzz 200   # and 200 more randomly broken datasets
 *
 * tsx (esbuild with keepNames) wraps every function a module creates in a naming helper, as
 * bench/run.ts's node timings did; the browser build does not. For figures without it:
 *   npx esbuild bench/validate-speed.ts --bundle --platform=node --format=esm \
 *     --outfile=.tmp/validate-speed.mjs && node .tmp/validate-speed.mjs
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FeatureCollection } from 'geojson';
// @ts-expect-error -- geojson-validation ships no type declarations.
import gjvModule from 'geojson-validation';
import { validateDataset as validateNow, type Problem } from '../src/data/validate.js';
import { breakRandomly } from '../tests/unit/validate-golden-cases.js';
import { mulberry32, syntheticProjects } from './synthetic.js';

/** The last commit with the validator as it was before the speed-up. */
const BASELINE = '33fd83c';

async function baselineValidator(): Promise<typeof validateNow> {
  const text = execFileSync('git', ['show', `${BASELINE}:src/data/validate.ts`], { encoding: 'utf8' });
  const src = resolve('src/data');
  const file = resolve('.tmp/validate-baseline.ts');
  mkdirSync(resolve('.tmp'), { recursive: true });
  writeFileSync(file, text.replace(/from '\.\/([\w-]+)\.js'/g, (_, name: string) => `from '${pathToFileURL(`${src}/${name}.ts`).href}'`));
  return ((await import(pathToFileURL(file).href)) as { validateDataset: typeof validateNow }).validateDataset;
}
const validateBefore = await baselineValidator();

const RUNS = 5;
const SIZES = [1_000, 10_000, 100_000];

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
const zones = read('data/zones.geojson');
const shippedProjects = read('data/projects.geojson');
const province = read('geo/province.geojson');
const isFeature = ((gjvModule as { default?: unknown }).default ?? gjvModule) as { isFeature: (f: unknown, trace: true) => unknown };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

let differences = 0;
/** Both validators on one dataset: the same problems, or a report of the first difference. */
function compare(name: string, z: unknown, p: unknown): Problem[] {
  const before = validateBefore(z, p);
  const now = validateNow(z, p);
  const a = JSON.stringify(before);
  const b = JSON.stringify(now);
  if (a !== b) {
    differences++;
    const i = before.findIndex((x, k) => JSON.stringify(x) !== JSON.stringify(now[k]));
    console.log(`DIFFERENT on ${name}: ${before.length} problems before, ${now.length} now; first at ${i}:`);
    console.log(`  before: ${JSON.stringify(before[i])}\n  now:    ${JSON.stringify(now[i])}`);
  }
  return now;
}

const all = syntheticProjects({ count: Math.max(...SIZES), zones, province });
const fmt = (ms: number) => ms.toFixed(1).padStart(8);
console.log(`validateDataset, ms, median of ${RUNS} (node ${process.version}, ${process.argv[1]?.endsWith('.mjs') ? 'bundled' : 'tsx'})`);
console.log('  projects    before       now   ratio   of which geojson-validation');
for (const size of SIZES) {
  const projects = { type: 'FeatureCollection' as const, features: all.features.slice(0, size) };
  if (compare(`${size} synthetic`, zones, projects).length) console.log(`  (${size} synthetic projects have problems)`);
  const before: number[] = [];
  const now: number[] = [];
  // One warm-up each, then alternate which goes first.
  validateBefore(zones, projects);
  validateNow(zones, projects);
  for (let i = 0; i < RUNS; i++) {
    if (i % 2) {
      now.push(time(() => validateNow(zones, projects)));
      before.push(time(() => validateBefore(zones, projects)));
    } else {
      before.push(time(() => validateBefore(zones, projects)));
      now.push(time(() => validateNow(zones, projects)));
    }
  }
  const gjv = median(Array.from({ length: RUNS }, () => time(() => projects.features.forEach((f) => isFeature.isFeature(f, true)))));
  console.log(`  ${String(size).padStart(8)}  ${fmt(median(before))}  ${fmt(median(now))}  ${(median(before) / median(now)).toFixed(1).padStart(5)}×  ${fmt(gjv)}`);
}

// The same at 100k with 1% of the data broken: the problem paths must not be slow either.
{
  const broken = { zones: structuredClone(zones), projects: structuredClone(all) };
  breakRandomly(broken, mulberry32(7), 1000);
  const problems = compare('100k synthetic, 1000 breakages', broken.zones, broken.projects).length;
  const before = median(Array.from({ length: 3 }, () => time(() => validateBefore(broken.zones, broken.projects))));
  const now = median(Array.from({ length: 3 }, () => time(() => validateNow(broken.zones, broken.projects))));
  console.log(`  100k with 1000 breakages (${problems} problems), median of 3: before ${before.toFixed(1)} ms, now ${now.toFixed(1)} ms`);
}

// JSON.parse of the 100k projects file, which the browser pays before validating.
{
  const text = JSON.stringify(all);
  const parse = median(Array.from({ length: RUNS }, () => time(() => JSON.parse(text))));
  console.log(`  JSON.parse of the 100k projects (${(text.length / 1e6).toFixed(1)} MB): ${parse.toFixed(1)} ms`);
}

// Seeded random breakage of the shipped data and of 1000 synthetic projects.
const fuzzArg = process.argv.indexOf('--fuzz');
const seeds = fuzzArg > 0 ? Number(process.argv[fuzzArg + 1] ?? 100) : 20;
const small = { type: 'FeatureCollection' as const, features: all.features.slice(0, 1000) };
for (let seed = 1; seed <= seeds; seed++) {
  const rand = mulberry32(seed * 7919);
  const shipped = { zones: structuredClone(zones), projects: structuredClone(shippedProjects) };
  breakRandomly(shipped, rand, 1 + Math.floor(rand() * 60));
  compare(`shipped data broken with seed ${seed}`, shipped.zones, shipped.projects);
  const synthetic = { zones: structuredClone(zones), projects: structuredClone(small) };
  breakRandomly(synthetic, rand, 1 + Math.floor(rand() * 200));
  compare(`1000 synthetic broken with seed ${seed}`, synthetic.zones, synthetic.projects);
}
console.log(differences ? `${differences} datasets gave different problems` : `same problems from both on every dataset (${3 + 1 + 2 * seeds} compared)`);
process.exitCode = differences ? 1 : 0;
