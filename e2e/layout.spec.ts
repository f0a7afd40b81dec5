import type { Page } from '@playwright/test';
import { planLinkFor } from '../src/rules/index';
import { expect, expectNoA11yViolations, test } from './fixtures';
import { largeAnswers, largePlan, seedPlan } from './large-plan';

// The plan of the largest deployment on a 320 px phone: nothing scrolls sideways, on the plan page,
// on a shared link's page or on the printable runbook, and the command blocks wrap when asked.

const phone = { width: 320, height: 720 };

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
const toggleName = 'Wrap long command lines';

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.scroll, 'the page is no wider than the screen').toBeLessThanOrEqual(widths.inner);
}

/** Opens every check and way back, whose commands are made only once they are opened. */
async function openEveryFold(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('article details')) {
      (details as HTMLDetailsElement).open = true;
    }
  });
  await expect(page.locator('article details pre').first()).toBeVisible();
}

async function openPlanPage(page: Page): Promise<void> {
  await page.goto('./#/wizard/plan');
  await expect(page.getByRole('heading', { level: 2, name: largePlan.title })).toBeVisible();
}

test.describe('the largest plan on a 320 px phone', () => {
  test.use({ viewport: phone });

  test('the plan page never scrolls sideways, wrapped or not, and remembers the wrapping', async ({
    page,
  }) => {
    await seedPlan(page, largeAnswers);
    await openPlanPage(page);
    await openEveryFold(page);
    await expectNoSidewaysScroll(page);

    const toggle = page.getByRole('button', { name: toggleName });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    // Unwrapped, a long command scrolls inside its own block.
    const longest = page.locator('article pre[role="group"]:not([data-wrapped])').first();
    await expect(longest).toBeVisible();

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('article pre[role="group"]:not([data-wrapped])')).toHaveCount(0);
    await openEveryFold(page);
    await expectNoSidewaysScroll(page);

    // A wrapped block scrolls no more, and a long line takes rows of its own; a short line one row.
    const sizes = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll<HTMLElement>('article pre[data-wrapped]')];
      const lines = blocks.flatMap((block) => [
        ...block.querySelectorAll<HTMLElement>('code > span'),
      ]);
      const rowHeight = parseFloat(getComputedStyle(lines[0] as HTMLElement).lineHeight);
      const rows = lines.map((line) => Math.round(line.getBoundingClientRect().height / rowHeight));
      return {
        overflowing: blocks.filter((block) => block.scrollWidth > block.clientWidth + 1).length,
        rowsOfShort: lines
          .filter((line) => (line.textContent ?? '').trim().length > 0)
          .filter((line) => (line.textContent ?? '').length < 20)
          .map((line) => Math.round(line.getBoundingClientRect().height / rowHeight)),
        mostRows: Math.max(...rows),
      };
    });
    expect(sizes.overflowing).toBe(0);
    expect(new Set(sizes.rowsOfShort)).toEqual(new Set([1]));
    expect(sizes.mostRows).toBeGreaterThan(2);
    await expectNoA11yViolations(page);

    // Copied with its button or selected by hand, a wrapped command is the exact command.
    const longCommand = largePlan.phases
      .flatMap((phase) => phase.steps)
      .flatMap((step) => step.commands.map((command, index) => ({ step, command, index })))
      .reduce((a, b) => (b.command.code.length > a.command.code.length ? b : a));
    const card = page.locator(`article[data-step-id="${longCommand.step.id}"]`);
    const block = card.locator('pre[data-wrapped]').nth(longCommand.index);
    await card
      .getByRole('button', { name: new RegExp(`^Copy .*command ${longCommand.index + 1}\\)$`) })
      .click();
    await expect(card.getByRole('button', { name: /^Copied/ })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      longCommand.command.code,
    );
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await block.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
    await page.keyboard.press('Control+C');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(longCommand.command.code);

    // The choice outlives a reload.
    await page.reload();
    await expect(page.getByRole('button', { name: toggleName })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.locator('article pre[data-wrapped]').first()).toBeVisible();
    await expect(page.locator('article pre[role="group"]:not([data-wrapped])')).toHaveCount(0);

    await page.getByRole('button', { name: toggleName }).click();
    await expect(page.getByRole('button', { name: toggleName })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await page.reload();
    await expect(page.getByRole('button', { name: toggleName })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  test('a shared link of the plan opens without scrolling sideways', async ({ page }) => {
    await page.goto('./');
    const link = planLinkFor(page.url(), largePlan.input, { includeNames: false });
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 2, name: largePlan.title })).toBeVisible();
    await expect(page.getByText(/from a shared link|came from a link/i).first()).toBeVisible();
    await openEveryFold(page);
    await expectNoSidewaysScroll(page);
    await expectNoA11yViolations(page);
  });

  test('the printable runbook never scrolls sideways', async ({ page }) => {
    await seedPlan(page, largeAnswers);
    await page.goto('./#/print');
    await expect(page.getByRole('heading', { level: 1, name: largePlan.title })).toBeVisible();
    await expect(page.locator('article[data-step-id]').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoA11yViolations(page);
  });
});
