import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';

// A new version published while a tab of the old one is open. The new service worker waits: the
// old tab keeps working from its own build's files, even once the server no longer has them, and
// offers the new version; it takes over when the user reloads through the notice.
// The test serves the build itself, so that it can publish "a new version" halfway through.
// Nothing here depends on the colour scheme, so the test runs once.

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const basePath = '/wizard/';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** What the host serves: the first build, or a new one; and whether the old files are still there. */
type Deployment = { isRebuilt: boolean; hasAssets: boolean };

async function answer(deployment: Deployment, path: string): Promise<[number, string, Buffer]> {
  if (!path.startsWith(basePath)) return [404, 'text/plain', Buffer.from('Not found')];
  const relative = path.slice(basePath.length) || 'index.html';
  const file = normalize(join(distDir, decodeURIComponent(relative)));
  if (!file.startsWith(distDir) || (relative.startsWith('assets/') && !deployment.hasAssets)) {
    return [404, 'text/plain', Buffer.from('Not found')];
  }
  try {
    let body = await readFile(file);
    if (relative === 'sw.js' && deployment.isRebuilt) {
      // Another build: the same files under a worker of another version.
      body = Buffer.from(
        body.toString('utf8').replace(/const version = "(\w+)";/, 'const version = "rebuilt-$1";'),
      );
    }
    return [200, contentTypes[extname(file)] ?? 'application/octet-stream', body];
  } catch {
    return [404, 'text/plain', Buffer.from('Not found')];
  }
}

async function serve(deployment: Deployment): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    void answer(deployment, path).then(([status, type, body]) => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}${basePath}` };
}

async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The builds whose files the browser keeps. */
async function cachedBuilds(page: Page): Promise<number> {
  return page.evaluate(
    async () => (await caches.keys()).filter((name) => !name.includes('ledger')).length,
  );
}

test('a tab opened before a new version keeps working and reloads into it when asked @light-only', async ({
  page,
}) => {
  const deployment: Deployment = { isRebuilt: false, hasAssets: true };
  const { server, url } = await serve(deployment);
  try {
    await page.goto(url);
    await expect(page.getByRole('link', { name: 'Start planning' })).toBeVisible();
    await waitForServiceWorkerControl(page);
    expect(await cachedBuilds(page)).toBe(1);

    deployment.isRebuilt = true;
    // The app looks for a new version whenever the tab is shown again; this asks at once.
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'A new version of the wizard is available.' });
    await expect(notice).toBeVisible();
    await expectNoA11yViolations(page);

    // The old build's files are gone from the server; the open tab still has its own.
    deployment.hasAssets = false;
    await page.getByRole('link', { name: 'About' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'About this wizard' })).toBeVisible();
    await expect(notice).toBeVisible();
    expect(await cachedBuilds(page)).toBe(2);

    await notice.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'About this wizard' })).toBeVisible();
    await expect(notice).toHaveCount(0);
    // The new version runs; once no tab runs the old one, its files go.
    await expect.poll(() => cachedBuilds(page)).toBe(1);
  } finally {
    server.close();
  }
});
