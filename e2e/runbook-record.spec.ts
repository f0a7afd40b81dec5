import type { Page } from '@playwright/test';
import { buildPlan, planLinkFor, type PlanInput } from '../src/rules/index';
import { expect, expectNoA11yViolations, test } from './fixtures';

// A whole small plan carried out on a phone: every step of the change ticked, the rollbacks left
// as the contingency they are, and the plan says it is complete, with no sideways scrolling.

test.use({ viewport: { width: 390, height: 844 } });

const gatewayOnly: PlanInput = {
  model: 'oss',
  install: 'docker',
  components: ['gateway'],
  usesGoPlugins: false,
  gateway: { from: '5.3.0', to: '5.3.2' },
  strategy: 'rolling',
};

function linkOf(baseURL: string | undefined): string {
  const result = buildPlan(gatewayOnly);
  if (!result.ok) throw new Error('the answers should make a plan');
  return planLinkFor(baseURL ?? '', result.plan.input, { includeNames: false });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

test('ticks a whole plan to complete on a phone, rollbacks untouched', async ({
  page,
  baseURL,
}) => {
  await page.goto(linkOf(baseURL));
  await expect(page.getByRole('heading', { level: 1, name: 'Your upgrade plan' })).toBeVisible();
  const bar = page.getByRole('progressbar', { name: 'Overall progress' });
  await expect(bar).toHaveAttribute('aria-valuetext', '0 of 19 done');
  await expectNoSidewaysScroll(page);

  const changeIds = await page
    .locator('section[data-phase-id]:not([data-phase-id="rollback"]) article[data-step-id]')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-step-id') ?? ''));
  expect(changeIds).toHaveLength(19);
  for (const [index, id] of changeIds.entries()) {
    const checkbox = page
      .locator(`article[data-step-id="${id}"]`)
      .getByRole('checkbox', { name: /^Done\s?: step \d+, / });
    await checkbox.check();
    await expect(bar).toHaveAttribute('aria-valuenow', String(index + 1));
  }

  await expect(bar).toHaveAttribute('aria-valuetext', '19 of 19 done');
  await expect(page.getByText(/^Complete: every step of the change is done/).first()).toBeVisible();
  const rollbacks = page.locator('section[data-phase-id="rollback"]');
  await expect(rollbacks.getByText(/0 of 4 used/)).toBeVisible();
  for (const used of await rollbacks.getByRole('checkbox', { name: /^Used\s?: / }).all())
    await expect(used).not.toBeChecked();

  // A note on a done step is kept with it and survives a reload.
  const card = page.locator(`article[data-step-id="${changeIds[0] ?? ''}"]`);
  await card.getByRole('button', { name: /^Note…/ }).click();
  await card.getByRole('textbox', { name: /^Note/ }).fill('Variables set from the vault');
  await card.getByRole('button', { name: 'Save the note' }).click();
  await expect(card.getByText('Variables set from the vault')).toBeVisible();

  await expectNoSidewaysScroll(page);
  await expectNoA11yViolations(page);

  await page.reload();
  await expect(bar).toHaveAttribute('aria-valuetext', '19 of 19 done');
  await expect(card.getByText('Variables set from the vault')).toBeVisible();
});
