import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

// Import `test` and `expect` from this file, not from @playwright/test, in every spec:
//
//   import { expect, expectNoA11yViolations, saveScreenshots, test } from './fixtures';
//
// Each test is then guarded without asking: it fails when the page logs a console error, throws an
// uncaught error, reports a Content-Security-Policy violation, or requests anything from a host
// other than 127.0.0.1 (such requests are aborted, so nothing leaves the machine).

type Guards = { guardPage: undefined };

const localHost = '127.0.0.1';
const inlineSchemes = new Set(['data:', 'blob:', 'about:', 'file:']);

function isExternal(url: URL): boolean {
  return !inlineSchemes.has(url.protocol) && url.hostname !== localHost;
}

export const test = base.extend<Guards>({
  guardPage: [
    async ({ page }, use) => {
      const problems: string[] = [];

      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const { url, lineNumber } = message.location();
        problems.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
      });
      page.on('pageerror', (error) => {
        problems.push(`uncaught error: ${error.message}`);
      });
      // Chromium logs most violations itself; the listener also catches any it keeps quiet about.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(
            `Content-Security-Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`,
          );
        });
      });
      await page.context().route(isExternal, async (route) => {
        problems.push(`external request: ${route.request().url()}`);
        await route.abort('blockedbyclient');
      });

      await use(undefined);

      expect(problems, 'the page must stay quiet and local').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Runs axe on the page as it is now and fails on any WCAG 2.1 A or AA violation. Wait for the
// content you care about to be visible before calling it.
export async function expectNoA11yViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const found = violations.map((violation) => {
    const targets = violation.nodes.map((node) => node.target.join(' ')).join(' | ');
    return `${violation.id}: ${violation.help} [${targets}]`;
  });
  expect(found, `axe found WCAG 2.1 AA violations on ${page.url()}`).toEqual([]);
}

const screenshotWidths = [
  { label: 'phone', width: 360, height: 740 },
  { label: 'desktop', width: 1280, height: 800 },
] as const;

// Saves full-page screenshots of the page at phone (360 px) and desktop (1280 px) width into the
// test's output folder under test-results/, attaches them to the report, then restores the
// viewport the test had.
export async function saveScreenshots(page: Page, name: string): Promise<void> {
  const testInfo = test.info();
  const original = page.viewportSize();
  for (const { label, width, height } of screenshotWidths) {
    await page.setViewportSize({ width, height });
    const path = testInfo.outputPath(`${name}-${label}.png`);
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    await testInfo.attach(`${name}-${label}`, { path, contentType: 'image/png' });
  }
  if (original) await page.setViewportSize(original);
}

/**
 * Waits for the app's own landing page. The prerendered copy in index.html looks the same and is
 * replaced when the app starts; only the app's saved-plans list is no longer busy.
 */
export async function waitForAppLanding(page: Page): Promise<void> {
  await expect(
    page.locator('section[aria-labelledby="saved-plans-heading"]:not([aria-busy="true"])'),
  ).toBeVisible();
}
