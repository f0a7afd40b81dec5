import type { Page, Response } from '@playwright/test';
import {
  expect,
  expectNoA11yViolations,
  saveScreenshots,
  test,
  waitForAppLanding,
} from './fixtures';

// The foundation: the shell of the app, served from a sub-path by a host with no rewrite rules.
// The light and dark projects run each test once per theme unless it is tagged @light-only.

type CspWindow = Window & { cspViolations?: string[] };

function collectFailedResponses(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (response: Response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  return failed;
}

test('the landing page introduces the wizard and starts it', async ({ page }) => {
  await page.goto('./');

  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const start = page.getByRole('link', { name: 'Start planning' });
  await expect(start).toBeVisible();
  await expectNoA11yViolations(page);
  await saveScreenshots(page, 'landing');

  await start.click();
  await expect(page).toHaveURL(/#\/wizard\/deployment$/);
  await expect(page.getByRole('heading', { level: 1, name: /your deployment/i })).toBeVisible();
});

test('an unknown route shows the not-found page with a way back', async ({ page }) => {
  await page.goto('./#/no-such-page');

  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole('link', { name: 'Back to the start' }).click();
  await expect(page.getByRole('link', { name: 'Start planning' })).toBeVisible();
});

test('the About guide renders from MDX', async ({ page }) => {
  await page.goto('./#/guides/about');

  await expect(page.getByRole('heading', { level: 1, name: 'About this wizard' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'What you get' })).toBeVisible();
  await expectNoA11yViolations(page);
  await saveScreenshots(page, 'guide-about');
});

test('a deep link still works after a reload from the sub-path', async ({ page }) => {
  const failed = collectFailedResponses(page);
  const assets: string[] = [];
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (/\.(js|css)$/.test(pathname)) assets.push(pathname);
  });

  await page.goto('./#/guides/about');
  const heading = page.getByRole('heading', { level: 1, name: 'About this wizard' });
  await expect(heading).toBeVisible();

  await page.reload();
  await expect(heading).toBeVisible();
  await expect(page).toHaveURL(/\/tyk-upgrade-wizard\/#\/guides\/about$/);

  expect(failed).toEqual([]);
  expect(assets.some((path) => path.endsWith('.js'))).toBe(true);
  // The stylesheet is inside index.html; a page that loads one more (the print page) loads it
  // from the same folder.
  await expect(page.locator('head > style')).toHaveCount(1);
  for (const path of assets) expect(path).toMatch(/^\/tyk-upgrade-wizard\/assets\//);
});

test('the static server has no rewrite rules', { tag: '@light-only' }, async ({ request }) => {
  // Only hash routes can work on such a host: a path route is a plain 404.
  const pathRoute = await request.get('wizard/deployment');
  expect(pathRoute.status()).toBe(404);

  const bare = await request.get('/tyk-upgrade-wizard', { maxRedirects: 0 });
  expect(bare.status()).toBe(301);
  expect(bare.headers()['location']).toBe('/tyk-upgrade-wizard/');
});

test('the theme follows the colour scheme of the system', async ({ page }, testInfo) => {
  const scheme = testInfo.project.use.colorScheme;
  await page.goto('./');
  // The app's own landing page, not the prerendered copy it replaces when it starts.
  await waitForAppLanding(page);

  const shell = page.locator('#root > div').first();
  const background = () => shell.evaluate((element) => getComputedStyle(element).backgroundColor);
  const projectBackground = await background();
  await page.emulateMedia({ colorScheme: 'light' });
  const lightBackground = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  const darkBackground = await background();

  expect(darkBackground).not.toBe(lightBackground);
  expect(projectBackground).toBe(scheme === 'dark' ? darkBackground : lightBackground);
});

test('the favicon is served as SVG', { tag: '@light-only' }, async ({ page, request }) => {
  const favicon = await request.get('favicon.svg');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toBe('image/svg+xml');

  await page.goto('./');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('type', 'image/svg+xml');
});

test(
  'a Content-Security-Policy is set and nothing breaks it',
  { tag: '@light-only' },
  async ({ page, request }) => {
    const html = await (await request.get('./')).text();
    expect(html).toContain('http-equiv="Content-Security-Policy"');

    await page.addInitScript(() => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
      (window as CspWindow).cspViolations = seen;
    });
    const violations = () => page.evaluate(() => (window as CspWindow).cspViolations ?? []);

    await page.goto('./');
    const policy = page.locator('meta[http-equiv="Content-Security-Policy"]');
    await expect(policy).toHaveAttribute('content', /default-src 'self'/);
    await expect(policy).toHaveAttribute('content', /script-src 'self'/);
    await expect(page.getByRole('link', { name: 'Start planning' })).toBeVisible();

    // Client-side navigation keeps the same document, so the collected list covers every page.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'About' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'About this wizard' })).toBeVisible();
    await nav.getByRole('link', { name: 'Plan an upgrade' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /your deployment/i })).toBeVisible();

    expect(await violations()).toEqual([]);
  },
);
