/**
 * The embedding tests' set-up: builds the library (vite.lib.config.ts) and the React example
 * into folders of this run's own, and serves them as an embedding site would have them: the
 * library on one origin with CORS, the pages (examples/, tests/browser/embed-pages/) on
 * another. Runs after global-setup.ts, whose explorer URL the iframe example is pointed at.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { productionBuild } from './production-build.js';
import type { TestProject } from 'vitest/node';
import { CORS_HEADERS, STRICT_CSP, serveStatic, type StaticServer } from '../../scripts/static-server.js';

/**
 * What the cross-origin CSP page allows: the library's origin for scripts, and for the worker
 * both blob: (MapLibre wraps a cross-origin worker in a blob: module) and the library's origin
 * (the module that blob: imports is fetched as a worker script).
 */
export const crossOriginCsp = (libOrigin: string, blob = true): string =>
  `script-src 'self' ${libOrigin}; worker-src 'self'${blob ? ' blob:' : ''} ${libOrigin}; style-src 'self'; object-src 'none'`;

export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(tmpdir(), 'szm-embed-'));
  const libDir = path.join(root, 'lib');
  const reactDir = path.join(root, 'react');
  await productionBuild({ configFile: 'vite.lib.config.ts', logLevel: 'warn', build: { outDir: libDir, emptyOutDir: true } });
  process.env.SZM_LIB_DIR = libDir;
  process.env.SZM_REACT_OUT = reactDir;
  await productionBuild({ configFile: 'examples/react/vite.config.ts', logLevel: 'warn' });

  const servers: StaticServer[] = [];
  const lib = await serveStatic({ mounts: { '/': libDir }, headers: CORS_HEADERS });
  servers.push(lib);
  const explorer = project.getProvidedContext().baseURL;
  const pages = await serveStatic({
    mounts: {
      '/': 'examples',
      '/lib/': libDir,
      '/react/': reactDir,
      '/t/': 'tests/browser/embed-pages',
      '/fixtures/': 'tests/fixtures',
    },
    headers: (pathname): Record<string, string> =>
      pathname.endsWith('/csp.html')
        ? { 'Content-Security-Policy': STRICT_CSP }
        : pathname.endsWith('/csp-cross.html')
          ? { 'Content-Security-Policy': crossOriginCsp(lib.origin) }
          : pathname.endsWith('/csp-cross-noblob.html')
            ? { 'Content-Security-Policy': crossOriginCsp(lib.origin, false) }
            : {},
    // The examples name the ports of `npm run examples` and `npm run serve`.
    rewrite: [
      ['http://127.0.0.1:4174/', `${lib.origin}/`],
      ['http://127.0.0.1:4173/', explorer],
    ],
  });
  servers.push(pages);
  project.provide('libURL', lib.url);
  project.provide('examplesURL', pages.url);
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(root, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    libURL: string;
    examplesURL: string;
  }
}
