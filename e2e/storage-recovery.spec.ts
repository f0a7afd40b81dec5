import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';

// Whatever is in localStorage under the wizard's key (damaged, cut short, written by something
// else, holding one plan of the wrong shape, or written by a newer version), the app opens
// without an error, tells the user what it did, keeps every plan it can read, and destroys
// nothing: what it cannot read is kept aside and offered for download, and a newer version's data
// is left as it is. The store's behaviour does not depend on the colour scheme, so each test
// runs once.

const storageKey = 'tyk-upgrade-wizard';

// The texts of src/store/persistence.ts, as the user reads them.
const keptAsideHint =
  'A copy of the data as it was is kept aside in this browser; you can download it from the start page.';
const resetNotice = `Your saved plans could not be read, so the wizard starts again with none. ${keptAsideHint}`;
const oneDroppedNotice = `One saved plan could not be read and was left out. Your other plans are kept. ${keptAsideHint}`;
const newerNotice =
  'Your saved plans were written by a newer version of the wizard, which this version cannot read. They are left as they are. Reload the page to get the newer version.';

const at = '2026-09-01T10:00:00.000Z';

function savedPlan(id: string, name: string, from: string, to: string) {
  return {
    id,
    name,
    answers: {
      model: 'self-managed',
      install: 'docker-compose',
      components: ['dashboard', 'gateway', 'pump'],
      usesGoPlugins: false,
      database: 'mongodb',
      dataPlanes: [],
      gateway: { from, to },
      pump: { from: '1.8.0', to: '' },
      mdcb: { from: '', to: '' },
      strategy: 'rolling',
      downtimeMinutes: '',
      names: {},
    },
    progress: {},
    createdAt: at,
    updatedAt: at,
  };
}

const goodPlans = [
  savedPlan('plan-staging', 'Staging cluster', '5.2.5', '5.3.0'),
  savedPlan('plan-production', 'Production cluster', '5.3.0', '5.8.2'),
] as const;

/** A real persisted state (schema 2) with the two good plans. */
const persistedGood = JSON.stringify({
  state: {
    plans: Object.fromEntries(goodPlans.map((plan) => [plan.id, plan])),
    order: goodPlans.map((plan) => plan.id),
    activePlanId: 'plan-staging',
  },
  version: 2,
});

/** The same state plus a third plan whose answers name no known deployment model. */
const persistedWithBadPlan = JSON.stringify({
  state: {
    plans: {
      ...Object.fromEntries(goodPlans.map((plan) => [plan.id, plan])),
      'plan-broken': {
        ...savedPlan('plan-broken', 'Broken plan', '5.0.0', '5.3.0'),
        answers: { model: 'mainframe', components: 'all of them' },
        progress: ['not', 'a', 'record'],
      },
    },
    order: ['plan-broken', ...goodPlans.map((plan) => plan.id)],
    activePlanId: 'plan-broken',
  },
  version: 2,
});

/**
 * Puts `raw` under the wizard's key before the app's first script runs, once per tab: a reload
 * must show what the app itself stored, not the seed again.
 */
async function seedStorage(page: Page, raw: string): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('storage-recovery-seeded') !== null) return;
      localStorage.setItem(key, value);
      sessionStorage.setItem('storage-recovery-seeded', 'yes');
    },
    [storageKey, raw] as const,
  );
}

async function openLanding(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 2, name: 'Your saved plans' })).toBeVisible();
}

function savedPlanNames(page: Page) {
  return page.getByRole('region', { name: 'Your saved plans' }).getByRole('heading', { level: 3 });
}

async function storedPlanIds(page: Page): Promise<string[]> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    if (raw === null) return [];
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || !('state' in parsed)) return [];
    const { state } = parsed;
    if (typeof state !== 'object' || state === null || !('plans' in state)) return [];
    const { plans } = state;
    return typeof plans === 'object' && plans !== null ? Object.keys(plans).sort() : [];
  }, storageKey);
}

const unreadable = [
  { name: 'corrupt JSON', raw: '{"state":{"plans":{"plan-1":{"id":"plan-1",]]}' },
  {
    name: 'a real persisted state cut short',
    raw: persistedGood.slice(0, persistedGood.length / 2),
  },
  { name: 'a foreign object', raw: '{"hello":"world"}' },
  { name: 'a foreign string', raw: '"remember me"' },
  { name: 'not JSON at all', raw: 'tyk=wizard; expires=never' },
  {
    name: 'a version given as a string',
    raw: persistedGood.replace('"version":2', '"version":"2"'),
  },
] as const;

function keptAside(page: Page) {
  return page.getByRole('region', { name: 'Saved data kept aside' });
}

/** Downloads the one copy kept aside and returns its text. */
async function downloadKeptAside(page: Page): Promise<string> {
  const downloading = page.waitForEvent('download');
  await keptAside(page)
    .getByRole('button', { name: /^Download the data kept aside/ })
    .click();
  return readFile(await (await downloading).path(), 'utf8');
}

test.describe('stored data that cannot be read @light-only', () => {
  for (const { name, raw } of unreadable) {
    test(`${name}: kept aside, offered for download, said once, and the app starts afresh`, async ({
      page,
    }) => {
      await seedStorage(page, raw);
      await openLanding(page);
      await expect(page.getByRole('status').filter({ hasText: resetNotice })).toBeVisible();
      await expect(page.getByText('No saved plans yet.')).toBeVisible();
      // The fresh (empty) state is written at once, so the message does not come back.
      expect(await storedPlanIds(page)).toEqual([]);
      expect(await downloadKeptAside(page)).toBe(raw);

      await page.reload();
      await expect(page.getByText('No saved plans yet.')).toBeVisible();
      await expect(page.getByText(resetNotice)).toHaveCount(0);
      // The copy stays until the user deletes it.
      expect(await downloadKeptAside(page)).toBe(raw);
      await keptAside(page)
        .getByRole('button', { name: /^Delete the data kept aside/ })
        .click();
      await keptAside(page).getByRole('button', { name: 'Delete the copy' }).click();
      await expect(keptAside(page)).toHaveCount(0);
    });
  }
});

test.describe('one plan of the wrong shape among good ones @light-only', () => {
  test('the bad plan is dropped with a notice and both good plans stay', async ({ page }) => {
    await seedStorage(page, persistedWithBadPlan);
    await openLanding(page);
    await expect(page.getByRole('status').filter({ hasText: oneDroppedNotice })).toBeVisible();
    await expect(savedPlanNames(page)).toHaveText(['Staging cluster', 'Production cluster'], {
      useInnerText: true,
    });
    expect(await storedPlanIds(page)).toEqual(['plan-production', 'plan-staging']);
    expect(await downloadKeptAside(page)).toBe(persistedWithBadPlan);
    await expectNoA11yViolations(page);

    await page.reload();
    await expect(savedPlanNames(page)).toHaveText(['Staging cluster', 'Production cluster']);
    await expect(page.getByText(oneDroppedNotice)).toHaveCount(0);
    expect(await storedPlanIds(page)).toEqual(['plan-production', 'plan-staging']);
  });

  test('a good plan can be resumed after the repair', async ({ page }) => {
    await seedStorage(page, persistedWithBadPlan);
    await openLanding(page);
    await page.getByRole('link', { name: 'Resume Production cluster' }).click();
    await expect(page.locator('article[data-step-id]').first()).toBeVisible();
  });
});

test.describe('data written by a newer version @light-only', () => {
  // A schema number no version of the app has reached yet.
  const newer = persistedGood.replace('"version":2', '"version":99');

  test('is left untouched, and the app says a newer version wrote it', async ({ page }) => {
    await seedStorage(page, newer);
    await openLanding(page);
    await expect(page.getByRole('status').filter({ hasText: newerNotice })).toBeVisible();
    await expectNoA11yViolations(page);

    // A plan started here stays in this tab; the newer data is not written over.
    await page.getByRole('link', { name: 'Start planning' }).click();
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: 'Not saved: a newer version of the wizard wrote your saved plans' }),
    ).toBeVisible();
    await page.getByRole('radio', { name: 'Helm' }).check();
    expect(await page.evaluate((key) => localStorage.getItem(key), storageKey)).toBe(newer);
  });
});
