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
  retries: 0,
  workers: 2,
  reporter: isCI
    ? 'list'
    : [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    baseURL,
    // With no retries a trace would only cost time; the screenshot of a failure is kept instead.
    trace: 'off',
    screenshot: 'only-on-failure',
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
