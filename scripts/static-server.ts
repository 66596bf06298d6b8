/**
 * A tiny static file server for the embedding examples and their tests: one folder (or
 * several, by URL prefix) on a localhost port, with extra headers (CORS, CSP) and an optional
 * rewrite of HTML and JSON text (the examples name fixed origins that a test replaces with
 * its own ports).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServerOptions {
  /** URL prefix → folder; `/` is the root. The longest matching prefix wins. */
  mounts: Record<string, string>;
  port?: number;
  /** Headers sent with every response (e.g. CORS), or per path (e.g. one page's Content-Security-Policy). */
  headers?: Record<string, string> | ((pathname: string) => Record<string, string>);
  /** Text replacements applied to .html, .json and .js responses, in order. */
  rewrite?: [from: string, to: string][];
}

export interface StaticServer {
  url: string;
  origin: string;
  server: Server;
  close(): Promise<void>;
}

async function respond(req: IncomingMessage, res: ServerResponse, options: StaticServerOptions): Promise<void> {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const extra = typeof options.headers === 'function' ? options.headers(pathname) : options.headers;
  const headers = { 'Cache-Control': 'no-store', ...extra };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, headers).end();
    return;
  }
  const prefix = Object.keys(options.mounts)
    .filter((p) => pathname.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) {
    res.writeHead(404, headers).end('not found');
    return;
  }
  const root = path.resolve(options.mounts[prefix]!);
  let file = path.resolve(root, `.${pathname.slice(prefix.length - (prefix.endsWith('/') ? 1 : 0))}`);
  if (file !== root && !file.startsWith(root + path.sep)) {
    res.writeHead(403, headers).end('forbidden');
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    let body: Buffer | string = await readFile(file);
    const ext = path.extname(file);
    if (options.rewrite?.length && ['.html', '.json', '.js'].includes(ext)) {
      let text = body.toString('utf8');
      for (const [from, to] of options.rewrite) text = text.split(from).join(to);
      body = text;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[ext] ?? 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, headers).end('not found');
  }
}

/** Starts a server on 127.0.0.1 (a free port unless one is given). */
export function serveStatic(options: StaticServerOptions): Promise<StaticServer> {
  const server = createServer((req, res) => {
    respond(req, res, options).catch(() => res.writeHead(500).end());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        url: `${origin}/`,
        origin,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** CORS headers that let any origin load the library, its chunks, worker and data. */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** The policy examples/csp.html is served with: no inline script or style, no eval, workers from this origin. */
export const STRICT_CSP = "script-src 'self'; worker-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
