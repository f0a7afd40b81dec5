import type { Page, Route } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';

// Hostile and unlucky input in a real browser: answers and names longer than any real one, shared
// links damaged in every way a link can be, and parts of the app that do not arrive. None of it
// crashes, none of it shows the router's built-in screen, and none of it loses what was typed.
// Nothing here depends on the colour scheme, so each test runs once.

test.describe('maximum lengths @light-only', () => {
  test('a version stops at its maximum length and says so, naming the field', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('link', { name: 'Start planning' }).click();
    await page.getByRole('button', { name: 'Next: Versions' }).click();
    const current = page.getByRole('combobox', { name: 'Current Gateway and Dashboard version' });
    await current.fill('5'.repeat(100_000));
    await expect(current).toHaveValue('5'.repeat(64));
    await expect(
      page.getByText('Current Gateway and Dashboard version can be at most 64 characters long.'),
    ).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test('a plan name stops at its maximum length and says so', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('link', { name: 'Start planning' }).click();
    await page.getByRole('link', { name: 'Saved plans' }).click();
    await page.getByRole('button', { name: 'Rename Docker Compose' }).click();
    const name = page.getByRole('textbox', { name: 'New name for Docker Compose' });
    await name.fill('n'.repeat(2_000_000));
    await expect(name).toHaveValue('n'.repeat(120));
    await expect(page.getByText('A plan name can be at most 120 characters long.')).toBeVisible();
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'n'.repeat(120) })).toBeVisible();
  });
});

// Every address under #/s is a shared link, however damaged: the link page explains it.
const malformedLinks = [
  '#/s',
  '#/s/',
  '#/s/abc/def',
  '#/s//',
  '#/s/a%2Fb',
  '#/s/%E0%A4%A',
  '#/s/x?y=1',
  '#/s/🙂',
  `#/s/${'A'.repeat(20_000)}`,
] as const;

test.describe('malformed shared links @light-only', () => {
  for (const hash of malformedLinks) {
    test(`${hash.slice(0, 40)} reaches the link page`, async ({ page }) => {
      await page.goto(`./${hash}`);
      await expect(
        page.getByRole('heading', { level: 1, name: 'This link cannot be opened' }),
      ).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Page not found' })).toHaveCount(0);
    });
  }
});

const guideChunk = /\/assets\/guide-page-[\w-]+\.js(\?.*)?$/;

/** Opens the About guide in a page of its own: a file that does not arrive is logged as an error. */
async function openGuide(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('link', { name: 'Start planning' })).toBeVisible();
  await page.getByRole('link', { name: 'About' }).click();
}

test.describe('parts of the app that do not arrive @light-only', () => {
  // The service worker would answer from its cache; these tests need the network's answer.
  test.use({ serviceWorkers: 'block' });

  test('a lazy load that fails once is tried again and the page opens', async ({ context }) => {
    const page = await context.newPage();
    let failures = 0;
    await page.route(guideChunk, async (route: Route) => {
      if (failures === 0) {
        failures += 1;
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await openGuide(page);
    await expect(page.getByRole('heading', { level: 1, name: 'About this wizard' })).toBeVisible();
    expect(failures).toBe(1);
  });

  test('a lazy load that keeps failing shows the app’s own error page, and reload recovers', async ({
    context,
  }) => {
    const page = await context.newPage();
    await page.route(guideChunk, (route) => route.abort('connectionreset'));
    await openGuide(page);
    await expect(
      page.getByRole('heading', { level: 1, name: 'This page could not be loaded' }),
    ).toBeVisible();
    await expect(page.getByText(/Hey developer|Unexpected Application Error/)).toHaveCount(0);
    // The header stays, so the way back and the saving alerts are still there.
    await expect(page.getByRole('banner')).toBeVisible();
    await expectNoA11yViolations(page);

    await page.unroute(guideChunk);
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'About this wizard' })).toBeVisible();
  });
});
