/**
 * Builds the bench pages (bench/pages/*.html) into the folder the runner gives (`--outDir`),
 * never into dist/. Three flavours, by SZM_BENCH_BUILD:
 *
 * - `run` (default): the production build the timings use, minified, with maplibre-gl in a
 *   chunk of its own (the bare page and the element share it, as a site with both would).
 * - `profile`: the same pages unminified, with maplibre-gl's unminified build, so a CPU
 *   profile's frames name their function, and with source maps, through which the runner
 *   names each frame's module.
 * - `size`: the library entry src/index.ts alone, minified, maplibre-gl in its own chunk; the
 *   runner gzips every chunk but that one. `SZM_BENCH_STUB` (comma-separated package names)
 *   swaps packages for empty stubs, to price them.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { minifyCssLiterals } from '../scripts/minify-css-literals.js';
import { plainDynamicImports } from '../scripts/plain-dynamic-imports.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const flavour = process.env.SZM_BENCH_BUILD ?? 'run';
const stubs = (process.env.SZM_BENCH_STUB ?? '').split(',').filter(Boolean);

/** Which package a module id belongs to ('src/…' for the repo's own files). */
export function packageOf(id: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const rel = path.relative(repo, clean);
  return rel.startsWith('..') ? clean : rel;
}

/** Writes `modules.json`: every chunk's modules with their rendered code, for the size report. */
function moduleReport(): Plugin {
  return {
    name: 'szm-bench-modules',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle)
        .filter((c) => c.type === 'chunk')
        .map((c) => ({
          fileName: c.fileName,
          isEntry: c.isEntry,
          imports: c.imports,
          dynamicImports: c.dynamicImports,
          modules: Object.entries(c.modules).map(([id, m]) => ({ id, package: packageOf(id), code: m.code ?? '' })),
        }));
      this.emitFile({ type: 'asset', fileName: 'modules.json', source: JSON.stringify(chunks) });
    },
  };
}

/** Replaces the named packages by an empty module (default export: an empty object). */
function stubPackages(names: string[]): Plugin {
  return {
    name: 'szm-bench-stub',
    enforce: 'pre',
    resolveId(source) {
      return names.includes(source) ? `\0stub:${source}` : null;
    },
    load(id) {
      if (!id.startsWith('\0stub:')) return null;
      return 'export default {}; export const pinyin = () => [];';
    },
  };
}

const pages = {
  element: path.join(here, 'pages/element.html'),
  bare: path.join(here, 'pages/bare.html'),
  leaflet: path.join(here, 'pages/leaflet.html'),
};

const maplibreGroup = { name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl[\\/]/, priority: 10 };

export default defineConfig({
  root: path.join(here, 'pages'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  assetsInclude: ['**/*.geojson'],
  plugins: [minifyCssLiterals(), plainDynamicImports(), moduleReport(), ...(stubs.length ? [stubPackages(stubs)] : [])],
  // The profile build draws with maplibre-gl's unminified build, so its frames have names.
  resolve: flavour === 'profile' ? { alias: [{ find: /^maplibre-gl$/, replacement: path.join(repo, 'node_modules/maplibre-gl/dist/maplibre-gl-dev.mjs') }] } : {},
  build: {
    target: 'es2022',
    modulePreload: false, // as the library and the app
    emptyOutDir: true,
    chunkSizeWarningLimit: 100_000,
    reportCompressedSize: false,
    minify: flavour !== 'profile',
    sourcemap: flavour === 'profile',
    rolldownOptions: {
      input: flavour === 'size' ? { element: path.join(repo, 'src/index.ts') } : pages,
      ...(flavour === 'size' ? { preserveEntrySignatures: 'strict' as const } : {}),
      output: {
        codeSplitting: { groups: [maplibreGroup] },
      },
    },
  },
});
