/**
 * Builds the explorer (and the harness pages) once into a folder of this run's own, and serves
 * it on a free localhost port for the browser tests. A run of its own folder keeps parallel
 * runs from overwriting each other's assets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { productionBuild } from './production-build.js';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(path.join(tmpdir(), 'szm-browser-'));
  process.env.SZM_TEST_PAGES = '1'; // also build tests/browser/pages/*.html
  await productionBuild({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address');
  project.provide('baseURL', url);
  return async () => {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
