/**
 * The library build: `src/index.ts` as an ES module that defines `<shanxi-zones-map>`, for a
 * page that loads it with one script tag or for a bundler. Output in `dist-lib/`:
 *
 * - `shanxi-zones-map.js`: everything bundled (Lit, MapLibre GL JS and its CSS): one script tag.
 * - `external/shanxi-zones-map.js` (`--mode external`): `lit` and `maplibre-gl` left as imports,
 *   for an app that bundles them already.
 *
 * Both ship the default data, the basemap layers and MapLibre's worker as files in `assets/`
 * beside the module, found from `import.meta.url`, so they load from wherever the module is
 * served (another origin too, given CORS). This is Rolldown's library output rather than
 * Vite's `build.lib`, because `build.lib` inlines every asset as a data: URL (1.5 MB of
 * GeoJSON and the 0.5 MB worker would be base64 inside the script).
 */
import { defineConfig } from 'vite';
import { minifyCssLiterals } from './scripts/minify-css-literals.js';
import { plainDynamicImports } from './scripts/plain-dynamic-imports.js';

export default defineConfig(({ mode }) => {
  const external = mode === 'external';
  return {
    // Relative URLs: assets and chunks resolve against the module's own URL, not the page's.
    base: './',
    assetsInclude: ['**/*.geojson'],
    plugins: [minifyCssLiterals(), plainDynamicImports()],
    publicDir: false,
    // Read by the element: "Embed this view" then points at this module (see embedUrls()).
    define: { __SZM_LIBRARY__: 'true' },
    build: {
      target: 'es2022',
      // The lazy chunks (search, export) import only what the element has loaded: nothing to preload.
      modulePreload: false,
      outDir: external ? 'dist-lib/external' : 'dist-lib',
      // The external build goes into a folder of the bundled build: keep the bundled files.
      emptyOutDir: !external,
      assetsInlineLimit: 0,
      copyPublicDir: false,
      sourcemap: true,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        input: { 'shanxi-zones-map': 'src/index.ts' },
        preserveEntrySignatures: 'strict',
        external: external ? [/^lit($|\/)/, /^@lit\//, /^maplibre-gl$/] : [],
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
});
