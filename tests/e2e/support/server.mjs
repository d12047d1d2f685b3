// Static file server for the e2e tests: serves a Trunk dist/ directory on 127.0.0.1 (a random
// free port), with correct MIME types (application/wasm for streaming compilation) and an SPA
// fallback to index.html for extension-less paths. Files can be served under a sub-path
// (`base`), to check that the build only uses relative asset URLs.
import { createServer, request as forward } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Start serving `root`.
 * @param {{root: string, base?: string, proxy?: {prefix: string, target: string}}} opts
 *   base: URL prefix such as '/deploy/under/here/' (default '/').
 *   proxy: requests under `prefix` (e.g. '/graph/') go to `target` with the prefix removed, as a host
 *   portal's same-origin API proxy would send them (REST mode with `apiBaseUrl: "/graph"`).
 * @returns {Promise<{url: string, origin: string, close: () => Promise<void>}>}  url includes the base.
 */
export async function startServer({ root, base = '/', proxy = null } = {}) {
  if (!root) throw new Error('startServer: root is required');
  const rootDir = resolve(root);
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;

  const server = createServer(async (req, res) => {
    if (proxy && req.url.startsWith(proxy.prefix)) return relay(req, res, proxy);
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (pathname === base.slice(0, -1)) {
        // /sub/path -> /sub/path/ (relative asset URLs need the trailing slash)
        res.writeHead(301, { Location: base + (req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '') }).end();
        return;
      }
      if (!pathname.startsWith(base)) return notFound(res);
      const rel = normalize(pathname.slice(base.length));
      let file = join(rootDir, rel);
      if (file !== rootDir && !file.startsWith(rootDir + sep)) return notFound(res);

      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) {
        // SPA fallback: routes (no extension) get index.html; missing assets stay 404.
        if (extname(rel) !== '') return notFound(res);
        file = join(rootDir, 'index.html');
        info = await stat(file).catch(() => null);
        if (!info?.isFile()) return notFound(res);
      }
      res.writeHead(200, {
        'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(err));
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + base,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

function relay(req, res, { prefix, target }) {
  const url = new URL(req.url.slice(prefix.length - 1), target);
  const upstream = forward(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (err) => res.writeHead(502, { 'Content-Type': 'text/plain' }).end(String(err)));
  req.pipe(upstream);
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
}
