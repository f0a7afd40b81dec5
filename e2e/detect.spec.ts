import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, saveScreenshots, test } from './fixtures';

// Reading the deployment: paste a compose file, its .env and a tyk.conf, change one proposed
// answer, apply them with the keyboard only, and get a plan (and its Markdown export) that shows
// the changed answer and the findings from those files.

const compose = `services:
  tyk-dashboard:
    image: tykio/tyk-dashboard:\${DASHBOARD_VERSION:-v5.6.1}
    environment:
      - TYK_DB_STORAGE_MAIN_TYPE=postgres
      - TYK_DB_HASHKEYS=false
    ports:
      - "3000:3000"
  tyk-gateway:
    image: tykio/tyk-gateway:\${GATEWAY_VERSION:-v5.6.1}
    ports:
      - "8080:8080"
    volumes:
      - ./tyk.conf:/opt/tyk-gateway/tyk.conf
  tyk-redis:
    image: redis:7.2.4
`;
const dotEnv = 'GATEWAY_VERSION="v5.8.0"\nDASHBOARD_VERSION="v5.8.0"\n';
const tykConf = `{
  "listen_port": 8080,
  "secret": "gw-Secret-1",
  "template_path": "/opt/tyk-gateway/templates",
  "storage": {"type": "redis", "host": "tyk-redis", "port": 6379},
  "hash_keys": true
}
`;

async function giveFile(page: Page, number: number, name: string, text: string): Promise<void> {
  if (number > 1) await page.getByRole('button', { name: 'Add another file' }).click();
  await page.getByRole('textbox', { name: `Name of file ${number}` }).fill(name);
  await page.getByRole('textbox', { name: `Contents of file ${number}` }).fill(text);
}

/** Presses Tab until `target` has the focus, as a keyboard user would; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

async function next(page: Page, step: string, title = step): Promise<void> {
  await page.getByRole('button', { name: `Next: ${step}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test.describe('Read my deployment', () => {
  // The journey checks five pages with axe and screenshots two of them; leave room for a busy machine.
  test.describe.configure({ timeout: 150_000 });

  test('from pasted files to a plan with findings, applied with the keyboard', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('link', { name: 'Read my deployment' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Read my deployment' })).toBeVisible();
    await expectNoA11yViolations(page);

    await giveFile(page, 1, 'docker-compose.yml', compose);
    await giveFile(page, 2, '.env', dotEnv);
    await giveFile(page, 3, 'tyk.conf', tykConf);
    await page.getByRole('button', { name: 'Read the files' }).click();

    const results = page.getByRole('region', { name: 'What the files show' });
    await expect(page.getByRole('heading', { name: 'What the files show' })).toBeFocused();
    const gateway = page.getByRole('checkbox', {
      name: 'Current Gateway and Dashboard version: 5.8.0',
    });
    await expect(gateway).toBeChecked();
    await expect(gateway).toHaveAccessibleDescription(
      'Not answered yet. Read from: .env, line 1 (GATEWAY_VERSION): 5.8.0; image tag v5.8.0; GATEWAY_VERSION sets the tag of tyk-gateway in docker-compose.yml',
    );
    await expect(
      results.getByText('Critical: Gateway and Dashboard hash keys differently'),
    ).toBeVisible();
    await expect(results).not.toContainText('gw-Secret-1');
    await expectNoA11yViolations(page);
    await saveScreenshots(page, 'detect-1-proposals');

    // Change one proposal: a value the wizard refuses blocks Apply, the typed value stays.
    const redisHost = page.getByRole('textbox', { name: 'Redis host to apply' });
    await expect(redisHost).toHaveValue('tyk-redis');
    await redisHost.fill('tyk redis');
    await expect(redisHost).toHaveAccessibleDescription(
      'Redis host: "tyk redis" contains a space, which cannot go into a shell command.',
    );
    await page.getByRole('button', { name: /^Apply \d+ chosen answers$/ }).click();
    await expect(page.getByRole('alert')).toContainText('Nothing was applied');
    await expect(redisHost).toBeFocused();
    await expect(redisHost).toHaveValue('tyk redis');
    await expectNoA11yViolations(page);
    await redisHost.fill('tyk-redis-main');
    await expect(redisHost).not.toHaveAttribute('aria-invalid', 'true');

    // Keyboard only: leave one proposal out with Space, then apply with Enter.
    await page.getByRole('heading', { name: 'What the files show' }).focus();
    const dashboardPort = page.getByRole('checkbox', {
      name: 'Dashboard port: 3000',
    });
    await tabTo(page, dashboardPort);
    await page.keyboard.press('Space');
    await expect(dashboardPort).not.toBeChecked();
    const apply = page.getByRole('button', { name: /^Apply \d+ chosen answers$/ });
    await tabTo(page, apply);
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', { name: 'Applied to “Docker Compose · Gateway 5.8.0 → …”' }),
    ).toBeFocused();
    await expect(gateway).toBeDisabled();
    await expect(dashboardPort).not.toBeChecked();
    await expectNoA11yViolations(page);

    await tabTo(page, page.getByRole('link', { name: 'Continue with the wizard' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Your deployment' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Docker Compose' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'PostgreSQL' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Pump' })).not.toBeChecked();

    await next(page, 'Versions');
    await expect(
      page.getByRole('combobox', { name: 'Current Gateway and Dashboard version' }),
    ).toHaveValue('5.8.0');
    await page
      .getByRole('combobox', { name: 'Target Gateway and Dashboard version' })
      .fill('5.8.2');
    await next(page, 'Preparation');
    await next(page, 'Backups');
    await next(page, 'Your names');
    await expect(page.getByRole('textbox', { name: 'Redis host' })).toHaveValue('tyk-redis-main');
    await next(page, 'Your plan', 'Your upgrade plan');

    await expect(
      page.getByRole('heading', {
        name: 'Tyk Self-Managed on Docker Compose: Gateway 5.8.0 to 5.8.2',
      }),
    ).toBeVisible();
    const findings = page.getByRole('region', { name: 'Findings from your deployment’s files' });
    await expect(
      findings.getByText('Critical: Gateway and Dashboard hash keys differently'),
    ).toBeVisible();
    await expect(findings).toContainText(
      'These were read before a target version was chosen, so risks that depend on the target were not checked. Read the files again to check them against 5.8.2.',
    );
    await expect(page.getByRole('main')).toContainText('tyk-redis-main');
    await expectNoA11yViolations(page);
    await saveScreenshots(page, 'detect-2-plan');

    // The Markdown export carries the findings after the advisories, and the changed answer.
    await page.getByRole('button', { name: 'Export' }).click();
    const saving = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Markdown' }).click();
    const markdown = await readFile((await (await saving).path()) ?? '', 'utf8');
    expect(markdown.indexOf('## Findings from your deployment’s files')).toBeGreaterThan(
      markdown.indexOf('## Advisories'),
    );
    expect(markdown).toContain('- **Gateway and Dashboard hash keys differently**');
    expect(markdown).toContain('tyk-redis-main');
    expect(markdown).not.toContain('gw-Secret-1');
    await expectNoA11yViolations(page);

    await page.goto('./#/print');
    await expect(
      page.getByRole('heading', { name: 'Findings from your deployment’s files (1)' }),
    ).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test('names a file it cannot read and offers the collector', async ({ page }) => {
    await page.goto('./#/wizard/deployment');
    await page.getByRole('link', { name: 'Read my deployment' }).click();
    await giveFile(page, 1, 'values.yaml', 'global:\n  image: [unclosed\n');
    await page.getByRole('button', { name: 'Read the files' }).click();
    await expect(page.getByRole('alert')).toContainText(/values\.yaml line \d is not valid YAML/);

    await page
      .getByRole('combobox', { name: 'Installation type of the collector' })
      .selectOption('helm');
    await expect(page.getByRole('group', { name: 'the collector script for Helm' })).toContainText(
      '# Tyk Upgrade Wizard: read-only fact collector (helm).',
    );
    await expect(
      page.getByRole('button', { name: 'Copy the collector script for Helm' }),
    ).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
