import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from './fixtures';

// The one-file build for air-gapped sites: dist-single/tyk-upgrade-wizard.html opened straight from
// the disk, with no server, still renders under its strict Content-Security-Policy. The fixtures
// fail the test on any console error or policy violation.

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const singleFile = fileURLToPath(
  new URL('../dist-single/tyk-upgrade-wizard.html', import.meta.url),
);
const productionIndex = fileURLToPath(new URL('../dist/index.html', import.meta.url));

// A file older than the production build the other tests use may be from older sources.
function needsBuild(): boolean {
  if (!existsSync(singleFile)) return true;
  return (
    existsSync(productionIndex) && statSync(singleFile).mtimeMs < statSync(productionIndex).mtimeMs
  );
}

test.beforeAll(() => {
  test.setTimeout(180_000);
  if (!needsBuild()) return;
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const result = spawnSync(process.execPath, [tsxCli, 'scripts/build-single.ts'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(result.status, `build-single failed:\n${result.stdout}${result.stderr}`).toBe(0);
});

const singleFileUrl = () => pathToFileURL(singleFile).href;

test(
  'the single file has no outside references and a hash-only policy',
  {
    tag: '@light-only',
  },
  async () => {
    const html = await readFile(singleFile, 'utf8');
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(policy).not.toContain('unsafe-inline');
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/);
    expect(html).not.toMatch(/<link\b[^>]*\brel="(?:stylesheet|modulepreload)"/);
    expect(html).toMatch(/<link\b[^>]*\brel="icon"[^>]*\bhref="data:image\/svg\+xml;/);
    expect(html).not.toContain('sw.js');
  },
);

test('the single file opens from the disk and starts the wizard', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(request.url()));

  await page.goto(singleFileUrl());
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const start = page.getByRole('link', { name: 'Start planning' });
  await expect(start).toBeVisible();

  await start.click();
  await expect(page).toHaveURL(/#\/wizard\/deployment$/);
  await expect(page.getByRole('heading', { level: 1, name: /your deployment/i })).toBeVisible();

  // Styles came from the inlined sheet: Tailwind's reset removes the default body margin.
  const bodyMargin = await page.evaluate(() => getComputedStyle(document.body).margin);
  expect(bodyMargin).toBe('0px');

  // The page itself is the only file it ever asks for.
  expect(loaded.filter((url) => !url.startsWith('data:'))).toEqual([singleFileUrl()]);
});

test('deep links into the single file work on a fresh load', async ({ page }) => {
  await page.goto(`${singleFileUrl()}#/wizard/deployment`);
  await expect(page.getByRole('heading', { level: 1, name: /your deployment/i })).toBeVisible();

  // Guides are separate chunks in dist/; here they are part of the one script.
  await page.goto('about:blank');
  await page.goto(`${singleFileUrl()}#/guides/about`);
  await expect(page.getByRole('heading', { level: 1, name: 'About this wizard' })).toBeVisible();
});
