import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Offline after the first visit: the service worker written by the build precaches every file, so
// once it controls the page the wizard opens with no network, lazily loaded guides included.
// Nothing here depends on the colour scheme, so each test runs once.

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));

// A shared plan as the app's links carry it: base64url of the short-keyed answers.
const sharedPayload = Buffer.from(
  JSON.stringify({
    v: 1,
    m: 'self-managed',
    i: 'docker',
    c: ['gateway', 'dashboard', 'pump'],
    g: ['5.0.0', '5.3.0'],
    s: 'rolling',
  }),
).toString('base64url');

type OfflineRoute = {
  readonly name: string;
  readonly path: string;
  readonly shows: (page: Page) => Locator;
};

const offlineRoutes: readonly OfflineRoute[] = [
  {
    name: 'the landing page',
    path: './',
    shows: (page) => page.getByRole('link', { name: 'Start planning' }),
  },
  {
    name: 'the first step of the wizard',
    path: './#/wizard/deployment',
    shows: (page) => page.getByRole('heading', { level: 1, name: /your deployment/i }),
  },
  {
    name: 'a guide from a lazily loaded chunk',
    path: './#/guides/about',
    shows: (page) => page.getByRole('heading', { level: 1, name: 'About this wizard' }),
  },
  {
    // Whatever the shared-plan page shows for this link, the app itself must be there to show it.
    name: 'a shared link',
    path: `./#/s/${sharedPayload}`,
    shows: (page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link').first(),
  },
];

async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The worker calls clients.claim() when it activates, so the open page is handed over to it.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test(
  'after the first visit every route opens offline',
  { tag: '@light-only' },
  async ({ page, context }) => {
    await page.goto('./');
    await expect(page.getByRole('link', { name: 'Start planning' })).toBeVisible();
    await waitForServiceWorkerControl(page);

    const notFromWorker: string[] = [];
    page.on('response', (response) => {
      if (!response.fromServiceWorker()) notFromWorker.push(response.url());
    });
    await context.setOffline(true);

    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker(), 'the reloaded page comes from the cache').toBe(true);
    await expect(page.getByRole('link', { name: 'Start planning' })).toBeVisible();

    for (const route of offlineRoutes) {
      // Leave the app first, so every route is a fresh load of the document and its scripts.
      await page.goto('about:blank');
      const response = await page.goto(route.path);
      expect(response?.fromServiceWorker(), `${route.name}: index.html from the cache`).toBe(true);
      await expect(route.shows(page), route.name).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 }), route.name).toBeVisible();
    }

    expect(notFromWorker, 'offline, every response comes from the service worker').toEqual([]);
  },
);

test(
  'the service worker is a plain script listing every file of the build',
  {
    tag: '@light-only',
  },
  async ({ request }) => {
    const response = await request.get('sw.js');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/javascript/);
    const source = await response.text();
    expect(source).not.toMatch(/^\s*import\b|\bimportScripts\s*\(/m);

    const listed = /const precachePaths = (\[[^\]]*\]);/.exec(source)?.[1];
    expect(listed, 'sw.js names its precached files').toBeDefined();
    const precached: unknown = JSON.parse(listed ?? '[]');

    const entries = await readdir(distDir, { withFileTypes: true, recursive: true });
    const built = entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(distDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .filter((path) => path !== 'sw.js')
      .sort();
    expect(precached).toEqual(built);
    expect(built).toEqual(expect.arrayContaining(['index.html', 'favicon.svg', 'robots.txt']));

    // Every precached file is there to be fetched from the sub-path the worker was registered on.
    const index = await readFile(join(distDir, 'index.html'), 'utf8');
    for (const [, asset] of index.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) {
      expect(built).toContain(asset);
    }
  },
);
