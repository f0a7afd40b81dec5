// A plain static file server for dist/, mounted under a sub-path, with no rewrite rules.
// It behaves like the simplest static host: a path that is not a file is a 404. The end-to-end
// tests run against it to prove the build needs nothing more than that.
//
//   node scripts/serve-static.mjs            http://127.0.0.1:4173/tyk-upgrade-wizard/
//   PORT=8080 BASE_PATH=/tools/ node scripts/serve-static.mjs
//   DIST_DIR=bench-results/site/dist node scripts/serve-static.mjs   (another build than dist/)
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createGzip } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const host = '127.0.0.1';
const port = Number(process.env.PORT ?? 4173);
const basePath = withSlashes(process.env.BASE_PATH ?? '/tyk-upgrade-wizard/');
const root = resolve(process.env.DIST_DIR ?? fileURLToPath(new URL('../dist', import.meta.url)));

const contentTypes = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.json', 'application/json; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.webmanifest', 'application/manifest+json'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.pdf', 'application/pdf'],
  ['.woff2', 'font/woff2'],
]);

const compressible = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.svg',
  '.json',
  '.map',
  '.webmanifest',
  '.txt',
]);

function withSlashes(path) {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function sendText(response, status, text, headers = {}) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(text);
}

async function fileStats(path) {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

async function handle(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }

  const url = new URL(request.url ?? '/', `http://${host}`);
  if (basePath !== '/' && url.pathname === basePath.slice(0, -1)) {
    response.writeHead(301, { Location: `${basePath}${url.search}` });
    response.end();
    return;
  }
  if (!url.pathname.startsWith(basePath)) {
    sendText(response, 404, 'Not found\n');
    return;
  }

  let relativePath;
  try {
    relativePath = decodeURIComponent(url.pathname.slice(basePath.length));
  } catch {
    sendText(response, 400, 'Bad request\n');
    return;
  }
  // Anything that would resolve outside dist/ is treated as missing, never read.
  const filePath = resolve(join(root, relativePath));
  if (relativePath.includes('\0') || (filePath !== root && !filePath.startsWith(root + sep))) {
    sendText(response, 404, 'Not found\n');
    return;
  }

  let target = filePath;
  let stats = await fileStats(target);
  if (stats?.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      response.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      response.end();
      return;
    }
    target = join(target, 'index.html');
    stats = await fileStats(target);
  }
  if (!stats?.isFile()) {
    sendText(response, 404, 'Not found\n');
    return;
  }

  const extension = extname(target).toLowerCase();
  // Text is gzipped when the client accepts it, as every mainstream static host does.
  const isGzipped =
    compressible.has(extension) &&
    /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  response.writeHead(200, {
    'Content-Type': contentTypes.get(extension) ?? 'application/octet-stream',
    ...(isGzipped ? { 'Content-Encoding': 'gzip' } : { 'Content-Length': stats.size }),
    Vary: 'Accept-Encoding',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const file = createReadStream(target).on('error', () => response.destroy());
  if (isGzipped) file.pipe(createGzip()).pipe(response);
  else file.pipe(response);
}

if (!existsSync(join(root, 'index.html'))) {
  process.stderr.write(
    `serve-static: ${join(root, 'index.html')} is missing; run \`npm run build\` first.\n`,
  );
  process.exit(1);
}

const server = createServer((request, response) => {
  handle(request, response).catch(() => {
    if (!response.headersSent) sendText(response, 500, 'Internal server error\n');
    else response.destroy();
  });
});

server.listen(port, host, () => {
  process.stdout.write(`Serving ${root} at http://${host}:${port}${basePath}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
