import type { Locator, Page } from '@playwright/test';
import {
  buildPlan,
  defaultAnswers,
  draftDataPlane,
  toPlanInput,
  type DraftAnswers,
} from '../src/rules/index';
import { expect, expectNoA11yViolations, test } from './fixtures';

// Finding one's place in a long plan: the navigator stays on screen while the plan scrolls (a bar
// at the top of a phone, a rail beside the steps on a wide screen), its "Next step to do" puts the
// keyboard on the first step still open and follows the ticks, its phases are a jump away, and
// Resume on the saved plans list opens the plan at the next step to do.

/** A long plan: Self-Managed with MDCB on Helm, Go plugins, two data planes. */
const longPlan: DraftAnswers = {
  ...defaultAnswers,
  model: 'self-managed-mdcb',
  install: 'helm',
  components: ['gateway', 'dashboard', 'pump', 'mdcb'],
  usesGoPlugins: true,
  dataPlanes: [draftDataPlane('eu-west'), draftDataPlane('us-east')],
  gateway: { from: '5.3.0', to: '5.8.0' },
  pump: { from: '1.9.0', to: '' },
  mdcb: { from: '2.5.0', to: '' },
};

const built = buildPlan(toPlanInput(longPlan));
if (!built.ok) throw new Error('the long plan should build');
const { plan } = built;
/** The steps of the change in plan order, with their plan-wide numbers: rollbacks apart. */
const changeSteps = plan.phases.flatMap((phase, phaseIndex) => {
  const before = plan.phases.slice(0, phaseIndex).reduce((sum, p) => sum + p.steps.length, 0);
  return phase.kind === 'rollback'
    ? []
    : phase.steps.map((step, index) => ({ ...step, number: before + index + 1 }));
});
const total = changeSteps.length;
const planName = 'Navigator sample';

function changeStep(index: number): (typeof changeSteps)[number] {
  const found = changeSteps[index];
  if (found === undefined) throw new Error(`the long plan has no change step ${index}`);
  return found;
}

/** Stores the long plan, open, with the first `ticked` steps of the change done. */
async function seedPlan(page: Page, ticked: number): Promise<void> {
  const id = 'navigator-test-plan';
  const at = '2026-01-01T09:00:00.000Z';
  const progress = Object.fromEntries(changeSteps.slice(0, ticked).map((step) => [step.id, at]));
  const stored = {
    state: {
      plans: {
        [id]: { id, name: planName, answers: longPlan, progress, createdAt: at, updatedAt: at },
      },
      order: [id],
      activePlanId: id,
    },
    version: 2,
  };
  await page.addInitScript((value) => {
    // Only on the first load: the ticks made in the test must survive a reload.
    if (localStorage.getItem('navigator-test-seeded') !== null) return;
    localStorage.setItem('navigator-test-seeded', '1');
    localStorage.setItem('tyk-upgrade-wizard', value);
  }, JSON.stringify(stored));
}

function navigator(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Plan navigation' });
}

function card(page: Page, stepId: string): Locator {
  return page.locator(`article[data-step-id="${stepId}"]`);
}

/** On screen, and (on a phone) not hidden under the bar stuck to the top of the screen. */
async function expectClearOfNavigator(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeInViewport();
  const [bar, box] = await Promise.all([navigator(page).boundingBox(), target.boundingBox()]);
  if (bar === null || box === null)
    throw new Error('the navigator and the target should be laid out');
  const isBarAbove = bar.x < box.x + box.width && box.x < bar.x + bar.width;
  if (isBarAbove) expect(box.y).toBeGreaterThanOrEqual(bar.y + bar.height);
}

async function openPlanPage(page: Page, ticked: number): Promise<void> {
  await seedPlan(page, ticked);
  await page.goto('./#/wizard/plan');
  await expect(page.getByRole('heading', { level: 1, name: 'Your upgrade plan' })).toBeVisible();
  await expect(navigator(page)).toBeVisible();
}

const viewports = [
  { label: 'phone', width: 390, height: 844 },
  { label: 'wide screen', width: 1366, height: 900 },
] as const;

for (const viewport of viewports) {
  test.describe(`the plan navigator on a ${viewport.label}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });
    const isPhone = viewport.label === 'phone';

    test('stays on screen, jumps to the next step to do and follows the ticks', async ({
      page,
    }) => {
      await openPlanPage(page, 5);
      const nav = navigator(page);
      await expect(nav.getByText(`5 of ${total} done`, { exact: true })).toBeVisible();

      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      // Scrolled to the end of the plan, far past the page's own progress bar.
      await expect(page.getByRole('link', { name: /^Back: / })).toBeInViewport();
      await expect(
        page.getByRole('progressbar', { name: 'Overall progress' }),
      ).not.toBeInViewport();
      await expect(nav).toBeInViewport();

      const sixth = changeStep(5);
      const next = nav.getByRole('link', { name: /^Next step to do/ });
      await expect(next).toHaveAccessibleDescription(`Step ${sixth.number}: ${sixth.title}`);
      await next.click();
      await expect(card(page, sixth.id)).toBeFocused();
      await expectClearOfNavigator(page, card(page, sixth.id));
      await expect(page).toHaveURL(new RegExp(`\\?step=${sixth.id}$`));

      await card(page, sixth.id).getByRole('checkbox', { name: /^Done/ }).check();
      const seventh = changeStep(6);
      await expect(nav.getByText(`6 of ${total} done`, { exact: true })).toBeVisible();
      await expect(next).toHaveAccessibleDescription(`Step ${seventh.number}: ${seventh.title}`);
      await next.click();
      await expect(card(page, seventh.id)).toBeFocused();
      await expectClearOfNavigator(page, card(page, seventh.id));

      // A phase: on a phone its link is behind the Phases button, on a wide screen always listed.
      const phases = nav.getByRole('list', { name: 'Phases' });
      if (isPhone) {
        await expect(phases).toBeHidden();
        await nav.getByRole('button', { name: 'Phases' }).click();
      }
      const after = phases.getByRole('link', { name: /^After the upgrade, 0 of \d+ done$/ });
      await after.click();
      const heading = page.getByRole('heading', {
        level: 2,
        name: 'After the upgrade',
        exact: true,
      });
      await expect(heading).toBeFocused();
      await expectClearOfNavigator(page, heading);
      if (isPhone) await expect(phases).toBeHidden();
      else await expect(phases).toBeVisible();

      await expectNoA11yViolations(page);
    });

    test('is reached with the keyboard, and Escape folds the phases on a phone', async ({
      page,
    }) => {
      await openPlanPage(page, 2);
      const nav = navigator(page);
      const next = nav.getByRole('link', { name: /^Next step to do/ });
      // The wizard's steps come first; Tab goes on until the navigator's first control.
      const first = isPhone ? nav.getByRole('button', { name: 'Phases' }) : next;
      await page.getByRole('heading', { level: 1, name: 'Your upgrade plan' }).focus();
      for (let presses = 0; presses < 40; presses += 1) {
        await page.keyboard.press('Tab');
        if (await first.evaluate((element) => element === document.activeElement)) break;
      }
      await expect(first).toBeFocused();
      if (isPhone) {
        await page.keyboard.press('Enter');
        await expect(first).toHaveAttribute('aria-expanded', 'true');
        await page.keyboard.press('Tab');
        await expect(next).toBeFocused();
        await page.keyboard.press('Tab');
        await expect(nav.getByRole('link', { name: /^Prepare/ })).toBeFocused();
        await page.keyboard.press('Escape');
        await expect(first).toBeFocused();
        await expect(first).toHaveAttribute('aria-expanded', 'false');
        await page.keyboard.press('Tab');
      }
      await expect(next).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(card(page, changeStep(2).id)).toBeFocused();
    });

    test('says the plan is complete once every step of the change is done', async ({ page }) => {
      await openPlanPage(page, total);
      const nav = navigator(page);
      await expect(nav.getByText(`${total} of ${total} done`, { exact: true })).toBeVisible();
      await expect(nav.getByText('The plan is complete.')).toBeVisible();
      await expect(nav.getByRole('link', { name: /^Next step to do/ })).toHaveCount(0);
    });

    test('Resume on the saved plans list opens the plan at the next step to do', async ({
      page,
    }) => {
      await seedPlan(page, 9);
      await page.goto('./');
      await page.getByRole('link', { name: `Resume ${planName}` }).click();
      const tenth = changeStep(9);
      await expect(page).toHaveURL(new RegExp(`#/wizard/plan\\?step=${tenth.id}$`));
      await expect(card(page, tenth.id)).toBeFocused();
      await expectClearOfNavigator(page, card(page, tenth.id));
      await expect(navigator(page).getByText(`9 of ${total} done`, { exact: true })).toBeVisible();
      await expectNoA11yViolations(page);

      // `SAVE_DOCS_SCREENSHOT=1` takes the README's picture again, in the light theme.
      const isDocsRun = process.env['SAVE_DOCS_SCREENSHOT'] === '1';
      if (isPhone && isDocsRun && test.info().project.name === 'light') {
        await page.screenshot({ path: 'docs/navigator-phone.png', animations: 'disabled' });
      }
    });
  });
}
