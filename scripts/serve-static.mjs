// A plain static file server for dist/, mounted under a sub-path, with no rewrite rules.
// It behaves like the simplest static host: a path that is not a file is a 404. The end-to-end
// tests run against it to prove the build needs nothing more than that.
//
//   node scripts/serve-static.mjs            http://127.0.0.1:4173/tyk-upgrade-wizard/
//   PORT=8080 BASE_PATH=/tools/ node scripts/serve-static.mjs
//   DIST_DIR=bench-results/site/dist node scripts/serve-static.mjs   (another build than dist/)
//
// sirv serves the files and compression gzips text, as every mainstream static host does; this
// file only mounts them under the sub-path.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import compression from 'compression';
import sirv from 'sirv';

const host = '127.0.0.1';
const port = Number(process.env.PORT ?? 4173);
const basePath = withSlashes(process.env.BASE_PATH ?? '/tyk-upgrade-wizard/');
const root = resolve(process.env.DIST_DIR ?? fileURLToPath(new URL('../dist', import.meta.url)));

function withSlashes(path) {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function sendText(response, status, text, headers = {}) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(text);
}

const gzip = compression();
const files = sirv(root, {
  // Looked up on every request, so a rebuild of dist/ is served at once, never a stale list.
  dev: true,
  etag: true,
  // Only the path as given: no `about` for about.html, and no index.html for a missing path.
  extensions: [],
  single: false,
  setHeaders: (response) => {
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('X-Content-Type-Options', 'nosniff');
  },
  onNoMatch: (_request, response) => sendText(response, 404, 'Not found\n'),
});

function handle(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const url = new URL(request.url ?? '/', `http://${host}`);
  // Relative asset URLs need the trailing slash, as on any static host.
  if (basePath !== '/' && url.pathname === basePath.slice(0, -1)) {
    response.writeHead(301, { Location: `${basePath}${url.search}` });
    response.end();
    return;
  }
  if (!url.pathname.startsWith(basePath)) {
    sendText(response, 404, 'Not found\n');
    return;
  }
  // sirv sees the path below the sub-path (it resolves nothing outside root); a folder means its
  // index.html, the one name a static host adds.
  const path = url.pathname.slice(basePath.length);
  request.url = `/${path}${path === '' || path.endsWith('/') ? 'index.html' : ''}${url.search}`;
  gzip(request, response, () => files(request, response));
}

if (!existsSync(join(root, 'index.html'))) {
  process.stderr.write(
    `serve-static: ${join(root, 'index.html')} is missing; run \`npm run build\` first.\n`,
  );
  process.exit(1);
}

const server = createServer(handle);

server.listen(port, host, () => {
  process.stdout.write(`Serving ${root} at http://${host}:${port}${basePath}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
