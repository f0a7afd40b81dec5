import type { Page } from '@playwright/test';
import { defaultAnswers, type DraftAnswers } from '../src/rules/index';
import { expect, expectNoA11yViolations, test } from './fixtures';

// The change window planned end to end: the estimate's figures typed on the preparation page, the
// warning when a downtime window cannot hold the change and a rollback, the timeline, the
// announcement copied for the stakeholders, and the estimate on the printed cover.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Self-Managed on Docker Compose, downtime in 30 minutes: far less than the upgrade needs. */
const shortWindow: DraftAnswers = {
  ...defaultAnswers,
  components: ['gateway', 'dashboard', 'pump'],
  gateway: { from: '5.0.0', to: '5.3.0' },
  pump: { from: '1.8.0', to: '' },
  strategy: 'downtime',
  downtimeMinutes: '30',
};

async function seedPlan(page: Page, answers: DraftAnswers): Promise<void> {
  const id = 'estimate-test-plan';
  const at = '2026-01-01T09:00:00.000Z';
  const stored = {
    state: {
      plans: {
        [id]: { id, name: 'Short window', answers, progress: {}, createdAt: at, updatedAt: at },
      },
      order: [id],
      activePlanId: id,
    },
    version: 2,
  };
  await page.addInitScript((value) => {
    // Only on the first load: a reload must keep what the test typed.
    if (localStorage.getItem('estimate-test-seeded') !== null) return;
    localStorage.setItem('estimate-test-seeded', '1');
    localStorage.setItem('tyk-upgrade-wizard', value);
  }, JSON.stringify(stored));
}

test.describe('planning the change window', () => {
  test('a downtime plan whose estimate exceeds its window says so and what to change', async ({
    page,
  }) => {
    await seedPlan(page, shortWindow);
    await page.goto('./#/wizard/preparation');
    const gateways = page.getByRole('textbox', { name: 'Gateway instances' });
    await gateways.fill('many');
    await gateways.blur();
    await expect(page.getByText('Gateway instances "many" is not a whole number')).toBeVisible();
    await gateways.fill('3');
    await page.getByRole('textbox', { name: 'Dashboard database size, in GB' }).fill('20');
    await expectNoA11yViolations(page);

    await page.goto('./#/wizard/plan');
    const estimate = page.getByRole('region', { name: 'Time estimate' });
    const warning = estimate.getByRole('alert');
    await expect(warning).toContainText('The downtime window is too short');
    await expect(warning).toContainText('longer than the 30-minute window');
    await expect(warning.getByRole('listitem').first()).toHaveText(/^Ask for a window of at least/);
    await expect(warning.getByRole('listitem').nth(1)).toHaveText(/^Use blue-green instead/);
    await expect(estimate).toContainText('Gateway instances: 3;');
    await expect(estimate).toContainText('Dashboard database size: 20 GB');
    const timeline = estimate.getByRole('img', { name: 'Timeline of the change' });
    await expect(timeline).toBeVisible();
    await expectNoA11yViolations(page);

    if (process.env['SAVE_DOCS_SCREENSHOT'] === '1' && test.info().project.name === 'light') {
      await page.setViewportSize({ width: 760, height: 900 });
      await estimate.locator('figure').screenshot({ path: 'docs/estimate-timeline.png' });
    }
  });

  test('the announcement copied names the window and the impact of the strategy', async ({
    page,
  }) => {
    await seedPlan(page, shortWindow);
    await page.goto('./#/wizard/plan');
    // Beside the preparation phase, where the step that sends it is.
    const panel = page.locator('details', {
      hasText: 'The announcement to send before the change',
    });
    await panel.getByText('The announcement to send before the change').click();
    await panel.getByLabel('Window starts').fill('2026-03-07T22:00');
    await panel.getByLabel('Contact').fill('#platform-team');
    await panel.getByLabel('Carried out by').fill('Ana Ruiz');
    await expect(
      panel.getByRole('heading', { name: 'Planned Tyk upgrade: Saturday 7 March 2026, 22:00' }),
    ).toBeVisible();
    await expectNoA11yViolations(page);

    await panel
      .getByRole('button', {
        name: 'Copy text The announcement to send before the change as plain text',
      })
      .click();
    await expect(
      page.getByText(
        'Copied The announcement to send before the change as plain text to the clipboard.',
      ),
    ).toBeAttached();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^Planned Tyk upgrade: Saturday 7 March 2026, 22:00\n/);
    expect(copied).toContain('From Saturday 7 March 2026, 22:00 until about');
    expect(copied).toContain('later than the end of the 30-minute downtime window');
    expect(copied).toContain('An outage: the APIs are unavailable from about 22:');
    expect(copied).toContain('longer than the agreed 30-minute window');
    expect(copied).toContain('Questions or problems: #platform-team.');
    expect(copied).toContain('Carried out by Ana Ruiz.');
  });

  test('the printed cover carries the estimate and the timeline with its table', async ({
    page,
  }) => {
    await seedPlan(page, shortWindow);
    await page.goto('./#/print');
    const estimate = page.getByRole('region', { name: 'Time estimate' });
    await expect(estimate.getByRole('img', { name: 'Timeline of the change' })).toBeVisible();
    await expect(
      estimate.getByRole('table', { name: 'Timeline of the change: times from the start' }),
    ).toBeVisible();
    await expect(estimate).toContainText('The downtime window is too short. What to change:');
    await expectNoA11yViolations(page);

    // On a phone the picture fits the width: nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 700 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
  });
});
