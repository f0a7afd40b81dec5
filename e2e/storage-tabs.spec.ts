import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';

// Saving in a real browser: two tabs of one browser that work on different plans and on the same
// plan, and a storage that is full before the app writes anything. No plan may be lost, and a plan
// changed in two tabs at once is never written over without asking. The store does not depend on
// the colour scheme, so each test runs once.

const storageKey = 'tyk-upgrade-wizard';

function savedPlanNames(page: Page) {
  return page.getByRole('region', { name: 'Your saved plans' }).getByRole('heading', { level: 3 });
}

async function openLanding(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 2, name: 'Your saved plans' })).toBeVisible();
}

async function startPlan(page: Page): Promise<void> {
  await openLanding(page);
  await page.getByRole('link', { name: 'Start planning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your deployment' })).toBeVisible();
}

async function storedPlanNames(page: Page): Promise<string[]> {
  return page.evaluate((key) => {
    const parsed = JSON.parse(localStorage.getItem(key) ?? '{}') as {
      state?: { plans?: Record<string, { name: string }> };
    };
    return Object.values(parsed.state?.plans ?? {})
      .map((plan) => plan.name)
      .sort();
  }, storageKey);
}

type HeldTab = { isHoldingOtherTabs?: boolean };

/**
 * Lets a test make this tab deaf to the others, as when both change a plan at the same moment.
 * The listener goes in before the app's own, so it runs first and can stop the event.
 */
async function canStopHearingOtherTabs(page: Page): Promise<void> {
  await page.addInitScript(() => {
    // The store also reads storage again when the tab is shown; that is held back too.
    for (const type of ['storage', 'visibilitychange', 'pageshow']) {
      window.addEventListener(
        type,
        (event) => {
          if ((window as HeldTab).isHoldingOtherTabs === true) event.stopImmediatePropagation();
        },
        true,
      );
    }
  });
}

async function stopHearingOtherTabs(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as HeldTab).isHoldingOtherTabs = true;
  });
}

test.describe('two tabs of one browser @light-only', () => {
  // Two pages at once on a busy machine.
  test.slow();

  test('plans created, changed, renamed and deleted in one tab show in the other', async ({
    page,
    context,
  }) => {
    await startPlan(page);
    const other = await context.newPage();
    await startPlan(other);
    await other.getByRole('radio', { name: 'Tyk Open Source' }).check();
    await page.getByRole('radio', { name: 'Helm' }).check();

    await openLanding(page);
    // Each plan is named after its deployment, and follows it: the Helm plan says so.
    await expect(savedPlanNames(page)).toHaveText(['Docker Compose (2)', 'Helm']);
    await openLanding(other);
    await expect(savedPlanNames(other)).toHaveText(['Docker Compose (2)', 'Helm']);

    await page.getByRole('button', { name: 'Rename Docker Compose (2)' }).click();
    await page.getByRole('textbox', { name: 'New name for Docker Compose (2)' }).fill('Production');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(savedPlanNames(other)).toHaveText(['Production', 'Helm']);

    await other.getByRole('button', { name: 'Delete Helm' }).click();
    await other.getByRole('button', { name: 'Delete plan Helm' }).click();
    await expect(savedPlanNames(page)).toHaveText(['Production']);
    await expect(page.getByRole('alert')).toHaveCount(0);

    // Both changes to the answers are kept: the open-source plan is the renamed one.
    await page.getByRole('link', { name: 'Resume Production' }).click();
    await page.getByRole('link', { name: 'Step 1: Your deployment' }).click();
    await expect(page.getByRole('radio', { name: 'Tyk Open Source' })).toBeChecked();
    expect(await storedPlanNames(page)).toEqual(['Production']);
  });

  test('the same plan changed in both at once: the later tab asks, and can keep both', async ({
    page,
    context,
  }) => {
    await startPlan(page);
    const other = await context.newPage();
    await canStopHearingOtherTabs(other);
    await openLanding(other);
    await other.getByRole('link', { name: 'Resume Docker Compose' }).click();
    await other.getByRole('link', { name: 'Step 1: Your deployment' }).click();
    await expect(other.getByRole('heading', { level: 1, name: 'Your deployment' })).toBeVisible();

    await stopHearingOtherTabs(other);
    await page.getByRole('radio', { name: 'Tyk Open Source' }).check();
    await other.getByRole('radio', { name: 'Helm' }).check();

    const question = other.getByRole('alert').filter({ hasText: 'Changed in two tabs at once' });
    // The name this tab's answer gave the plan is part of the change, never a conflict of its own.
    await expect(question).toContainText('“Helm” was changed in another tab');
    await expect(question).toContainText('Nothing has been saved over either version.');
    // Neither version is written over while the user decides.
    await expect(other.getByRole('radio', { name: 'Helm' })).toBeChecked();
    await expectNoA11yViolations(other);

    await question.getByRole('button', { name: 'Keep both' }).click();
    await expect(question).toHaveCount(0);
    const both = ['Docker Compose', "Helm (this tab's copy)"];
    expect(await storedPlanNames(other)).toEqual(both);
    await openLanding(page);
    await expect(savedPlanNames(page)).toHaveText([both[1] ?? '', both[0] ?? '']);
    await page.getByRole('link', { name: 'Resume Docker Compose', exact: true }).click();
    await page.getByRole('link', { name: 'Step 1: Your deployment' }).click();
    await expect(page.getByRole('radio', { name: 'Tyk Open Source' })).toBeChecked();
  });
});

/** Fills localStorage before the app's first script runs, once per tab, so that no write fits. */
async function fillStorage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (localStorage.getItem('filler-0') !== null) return;
    let size = 1 << 20;
    for (let index = 0; size > 0; index += 1) {
      try {
        localStorage.setItem(`filler-${index}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

test.describe('a storage that is full before the app writes @light-only', () => {
  test('says so at once, keeps the typed answers, exports them, and saves once there is room', async ({
    page,
  }) => {
    await fillStorage(page);
    await startPlan(page);
    const alert = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await expect(alert).toContainText('Not saved: the storage of this browser is full');

    await page.getByRole('radio', { name: 'Helm' }).check();
    await page.getByRole('button', { name: 'Next: Versions' }).click();
    const current = page.getByRole('combobox', { name: 'Current Gateway and Dashboard version' });
    await current.fill('5.3.0');
    await expect(alert).toContainText(
      'The latest changes to “Helm · Gateway 5.3.0 → …” are kept in this tab',
    );
    await expectNoA11yViolations(page);

    // The answers stay in memory from page to page.
    await page.getByRole('link', { name: /^Back:/ }).click();
    await expect(page.getByRole('radio', { name: 'Helm' })).toBeChecked();
    await page.getByRole('button', { name: 'Next: Versions' }).click();
    await expect(current).toHaveValue('5.3.0');

    const downloading = page.waitForEvent('download');
    await alert.getByRole('button', { name: 'Download every plan (JSON)' }).click();
    const download = await downloading;
    const exported = await readFile(await download.path(), 'utf8');
    expect(exported).toContain('"from": "5.3.0"');
    expect(exported).toContain('"install": "helm"');

    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith('filler-')) localStorage.removeItem(key);
      }
      localStorage.setItem('filler-0', 'kept so the page does not fill storage again');
    });
    await alert.getByRole('button', { name: 'Try saving again' }).click();
    await expect(alert).toHaveCount(0);
    await page.reload();
    await expect(current).toHaveValue('5.3.0');
    expect(await storedPlanNames(page)).toEqual(['Helm · Gateway 5.3.0 → …']);
  });
});
