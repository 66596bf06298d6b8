/**
 * Builds the React example: `npx vite build -c examples/react/vite.config.ts` (after
 * `npm run build:lib`). `shanxi-zones-map` resolves to the library build, as it would from
 * node_modules; Vite copies the library's assets (data, basemap, MapLibre's worker) beside it.
 */
import path from 'node:path';
import { defineConfig } from 'vite';

const here = path.dirname(new URL(import.meta.url).pathname);
const lib = path.resolve(process.env.SZM_LIB_DIR ?? path.join(here, '../../dist-lib'));

export default defineConfig({
  root: here,
  base: './',
  resolve: { alias: { 'shanxi-zones-map': path.join(lib, 'shanxi-zones-map.js') } },
  build: {
    outDir: process.env.SZM_REACT_OUT ?? path.join(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2500,
  },
});
