import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Whatever is in localStorage under the wizard's key (damaged, cut short, written by something
// else, or holding one plan of the wrong shape), the app opens without an error, tells the user
// what it did, keeps every plan it can read, and does not repeat the message after a reload.
// The store's behaviour does not depend on the colour scheme, so each test runs once.

const storageKey = 'tyk-upgrade-wizard';

// The texts of src/store/wizard-store.ts, as the user reads them.
const resetNotice =
  'Your saved plans could not be read, so they were reset. Start a new plan to continue.';
const oneDroppedNotice =
  'One saved plan could not be read and was removed. Your other plans are kept.';

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
] as const;

test.describe('stored data that cannot be read @light-only', () => {
  for (const { name, raw } of unreadable) {
    test(`${name}: the app resets it, says so once, and starts afresh`, async ({ page }) => {
      await seedStorage(page, raw);
      await openLanding(page);
      await expect(page.getByRole('status').filter({ hasText: resetNotice })).toBeVisible();
      await expect(page.getByText('No saved plans yet.')).toBeVisible();
      // The repaired (empty) state is written back at once, so the damage does not come back.
      expect(await storedPlanIds(page)).toEqual([]);

      await page.reload();
      await expect(page.getByText('No saved plans yet.')).toBeVisible();
      await expect(page.getByText(resetNotice)).toHaveCount(0);
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
