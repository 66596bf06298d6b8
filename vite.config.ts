import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { minifyCssLiterals } from './scripts/minify-css-literals.js';
import { plainDynamicImports } from './scripts/plain-dynamic-imports.js';

/**
 * Harness pages for browser tests of single components (tests/browser/pages/*.html), built
 * beside the explorer only when the browser tests build the app.
 */
function testPages(): Record<string, string> {
  if (!process.env.SZM_TEST_PAGES) return {};
  const dir = 'tests/browser/pages';
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [`test-${f.replace(/\.html$/, '')}`, `${dir}/${f}`]),
  );
}

export default defineConfig({
  // GeoJSON files (geo/ and data/) are fetched at run time as assets, not bundled into JS.
  assetsInclude: ['**/*.geojson'],
  plugins: [minifyCssLiterals(), plainDynamicImports()],
  build: {
    target: 'es2022',
    // The lazy chunks (search, export) import only what the element has loaded: nothing to preload.
    modulePreload: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: { main: 'index.html', ...testPages() },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts', 'tests/robustness/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts', 'tests/browser/embed-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
