/**
 * `npm run examples` (after `npm run build`): the library on one origin and the example pages
 * on another, as an embedding site would have them.
 *
 * - http://127.0.0.1:4174/ : dist-lib/, with CORS (what a CDN or your static host must send)
 * - http://127.0.0.1:4175/ : examples/, with dist-lib/ also under /lib/ for the CSP page,
 *   which is served with a strict Content-Security-Policy
 * - examples/iframe.html shows the explorer from http://127.0.0.1:4173/ (`npm run serve`)
 * - examples/react/ is built with `npx vite build -c examples/react/vite.config.ts` and served
 *   under /react/dist/
 */
import { CORS_HEADERS, STRICT_CSP, serveStatic } from './static-server.js';

const lib = await serveStatic({ mounts: { '/': 'dist-lib' }, port: 4174, headers: CORS_HEADERS });
const pages = await serveStatic({
  mounts: { '/': 'examples', '/lib/': 'dist-lib' },
  port: 4175,
  headers: (pathname): Record<string, string> => (pathname.endsWith('/csp.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}),
});
console.log(`library:  ${lib.url}shanxi-zones-map.js`);
console.log(`examples: ${pages.url}plain.html  ${pages.url}csp.html  ${pages.url}iframe.html  ${pages.url}react/dist/`);
