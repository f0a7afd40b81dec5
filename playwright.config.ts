import { defineConfig, devices, type LaunchOptions } from '@playwright/test';

// Run through `npm run test:e2e`, which picks a Chromium and passes it in CHROMIUM_PATH.
// Without it, Playwright falls back to its own downloaded browser.
const isCI = Boolean(process.env.CI);
const port = Number(process.env.E2E_PORT ?? 4173);
const basePath = '/tyk-upgrade-wizard/';
const baseURL = `http://127.0.0.1:${port}${basePath}`;

const launchOptions: LaunchOptions = {
  // Keep the browser from calling home, so every request in a test comes from the app.
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
  ...(process.env.CHROMIUM_PATH ? { executablePath: process.env.CHROMIUM_PATH } : {}),
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: true,
  // On CI a failed test runs once more: the list then marks it flaky, and scripts/run-e2e.mjs prints
  // what the page showed when it failed, so a rare failure on a shared box is reported, not hidden.
  retries: isCI ? 1 : 0,
  workers: 2,
  // Explicit limits, sized for a loaded two-core machine: every test takes under a third of its
  // limit on an idle one (the journeys are split to keep it so), and every wait ends as soon as
  // what it waits for is on the screen, so a generous limit costs nothing when all is well.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: isCI
    ? 'list'
    : [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    baseURL,
    // The screenshot and the page snapshot of a failure are kept; a trace would only cost time.
    trace: 'off',
    screenshot: 'only-on-failure',
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    launchOptions,
  },
  projects: [
    {
      name: 'light',
      use: { ...devices['Desktop Chrome'], colorScheme: 'light' },
    },
    {
      // A test tagged @light-only checks something the theme cannot change, so it runs once.
      name: 'dark',
      grepInvert: /@light-only/,
      use: { ...devices['Desktop Chrome'], colorScheme: 'dark' },
    },
  ],
  webServer: {
    // The production build in dist/, under a sub-path, from a server with no rewrite rules.
    command: 'node scripts/serve-static.mjs',
    url: baseURL,
    env: { PORT: String(port), BASE_PATH: basePath },
    reuseExistingServer: !isCI,
    timeout: 30_000,
  },
});
