import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  buildPlan,
  components,
  draftDataPlane,
  type Command,
  type Plan,
  toPlanInput,
  type DraftAnswers,
} from '../src/rules/index';
import { expect, expectNoA11yViolations, saveScreenshots, test } from './fixtures';

// The printable runbook of a large plan: what the screen shows around it, and what the PDF that
// Chromium prints from it contains, page by page.

/** Self-Managed with MDCB on Helm, with Go plugins and two data planes: the longest plans. */
const largeAnswers: DraftAnswers = {
  model: 'self-managed-mdcb',
  install: 'helm',
  components: ['gateway', 'dashboard', 'pump', 'mdcb'],
  usesGoPlugins: true,
  database: 'mongodb',
  dataPlanes: [draftDataPlane('eu-west'), draftDataPlane('us-east')],
  gateway: { from: '5.3.0', to: '5.8.0' },
  pump: { from: '1.9.0', to: '' },
  mdcb: { from: '2.5.0', to: '' },
  strategy: 'rolling',
  downtimeMinutes: '',
  names: {},
  images: { gateway: '', dashboard: '', pump: '', mdcb: '' },
  architecture: 'amd64',
  sharesDatabase: false,
  estimate: { instances: { gateway: '', dashboard: '', pump: '', mdcb: '' }, databaseGb: '' },
};

function planOf(answers: DraftAnswers): Plan {
  const result = buildPlan(toPlanInput(answers));
  if (!result.ok) throw new Error('the large answers should make a plan');
  return result.plan;
}

const largePlan = planOf(largeAnswers);

/** Puts the plan into storage in the store's persisted shape, open, before the app starts. */
async function seedPlan(page: Page, answers: DraftAnswers): Promise<void> {
  const id = 'print-test-plan';
  const at = '2026-01-01T09:00:00.000Z';
  const stored = {
    state: {
      plans: {
        [id]: { id, name: 'Large plan', answers, progress: {}, createdAt: at, updatedAt: at },
      },
      order: [id],
      activePlanId: id,
    },
    version: 2,
  };
  await page.addInitScript((value) => {
    localStorage.setItem('tyk-upgrade-wizard', value);
  }, JSON.stringify(stored));
}

async function openRunbook(page: Page, query = ''): Promise<void> {
  await page.goto(`./#/print${query}`);
  await expect(page.getByRole('heading', { level: 1, name: largePlan.title })).toBeVisible();
}

type PdfPage = {
  readonly text: string;
  /** [x0, y0, x1, y1] in points. */
  readonly view: readonly number[];
};

async function printToPdf(page: Page, name: string): Promise<readonly PdfPage[]> {
  // The format is only the fallback: the runbook's @page rule decides the paper.
  const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
  const path = test.info().outputPath(`${name}.pdf`);
  await writeFile(path, pdf);
  await test.info().attach(name, { path, contentType: 'application/pdf' });

  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: PdfPage[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const pdfPage = await document.getPage(number);
    const content = await pdfPage.getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ' '}` : ''))
      .join('');
    pages.push({ text, view: pdfPage.view });
  }
  await document.destroy();
  return pages;
}

/** Text without any whitespace: extraction breaks wrapped lines wherever the layout did. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

function labelOf(component: string): string {
  return components.find((entry) => entry.id === component)?.label ?? component;
}

function everyCommand(plan: Plan): readonly Command[] {
  return plan.phases.flatMap((phase) =>
    phase.steps.flatMap((step) => [
      ...step.commands,
      ...(step.verify?.commands ?? []),
      ...(step.rollback?.commands ?? []),
    ]),
  );
}

test.describe('the printable runbook', () => {
  test('shows the runbook of the open plan on screen, with a toolbar to choose the paper', async ({
    page,
  }) => {
    await seedPlan(page, largeAnswers);
    await openRunbook(page);

    const steps = largePlan.phases.flatMap((phase) => phase.steps);
    await expect(page.locator('article[data-step-id]')).toHaveCount(steps.length);
    await expect(page.getByRole('img', { name: 'QR code of the plan link' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'A4' })).toBeChecked();
    await expectNoA11yViolations(page);
  });

  test('fits a phone’s screen, changes the paper and leads back to the plan', async ({ page }) => {
    await seedPlan(page, largeAnswers);
    await openRunbook(page);
    await saveScreenshots(page, 'print-view');

    // Long commands wrap: nothing runs off the side of a phone's screen.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      ),
    ).toBe(true);

    // The paper lives in the URL, so the radio turns on once the navigation has rendered: click,
    // then wait for the user-visible state rather than expecting it synchronously.
    const letter = page.getByRole('radio', { name: 'US Letter' });
    await letter.click();
    await expect(letter).toBeChecked();
    await expect(page).toHaveURL(/#\/print\?paper=letter$/);
    await expect(page.locator('.runbook-sheet')).toHaveAttribute('data-paper', 'letter');

    await page.getByRole('link', { name: 'Back to the plan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your upgrade plan' })).toBeVisible();
  });

  test('says there is nothing to print when no plan is open', async ({ page }) => {
    await page.goto('./#/print');
    await expect(page.getByRole('heading', { level: 1, name: 'Printable runbook' })).toBeVisible();
    await expect(page.getByText(/no plan open in this browser/)).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('link', { name: 'Start planning' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your deployment' })).toBeVisible();
  });

  test('prints a large plan on numbered A4 pages, every step in order and every command whole @light-only', async ({
    page,
  }) => {
    await seedPlan(page, largeAnswers);
    await openRunbook(page);
    const pages = await printToPdf(page, 'runbook-a4');

    expect(pages.length).toBeGreaterThan(1);
    for (const { view } of pages) {
      expect(view[2]).toBeCloseTo(595.28, 0);
      expect(view[3]).toBeCloseTo(841.89, 0);
    }
    pages.forEach(({ text }, index) => {
      expect(squeeze(text)).toContain(`Page${index + 1}of${pages.length}`);
    });

    // The cover: the plan, and each component's current and target version on one row.
    const cover = squeeze(pages[0]?.text ?? '');
    expect(cover).toContain(squeeze(largePlan.title));
    for (const version of largePlan.versions) {
      expect(cover).toContain(
        squeeze(`${labelOf(version.component)} ${version.from} ${version.to}`),
      );
    }
    // The link with its QR code ends the cover, which with the change fields and the estimate
    // may run onto a second page.
    expect(squeeze(`${pages[0]?.text ?? ''}${pages[1]?.text ?? ''}`)).toContain('/#/s/');

    // Every step, numbered, in the plan's order; the upgrade steps among them.
    const body = squeeze(
      pages
        .slice(1)
        .map((page_) => page_.text)
        .join('\n'),
    );
    const steps = largePlan.phases.flatMap((phase) => phase.steps);
    let from = 0;
    for (const [index, step] of steps.entries()) {
      const at = body.indexOf(squeeze(`${index + 1}. ${step.title}`), from);
      expect(at, `step ${index + 1} (${step.id}) after step ${index}`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    expect(steps.filter((step) => step.kind === 'upgrade').map((step) => step.id)).toEqual([
      'upgrade-mdcb',
      'upgrade-pump',
      'upgrade-dashboard',
      'upgrade-gateway',
      'eu-west-upgrade-pump',
      'eu-west-upgrade-gateway',
      'us-east-upgrade-pump',
      'us-east-upgrade-gateway',
    ]);

    // The longest command of the plan is printed whole, however its lines were wrapped.
    const longest = everyCommand(largePlan).reduce((a, b) =>
      b.code.length > a.code.length ? b : a,
    );
    expect(longest.code.length).toBeGreaterThan(300);
    expect(body.includes(squeeze(longest.code)), `printed whole: ${longest.code}`).toBe(true);
    expect(body).toContain('Sign-off');
  });

  test('prints on US Letter when the paper is chosen @light-only', async ({ page }) => {
    await seedPlan(page, largeAnswers);
    await openRunbook(page, '?paper=letter');
    const pages = await printToPdf(page, 'runbook-letter');

    expect(pages.length).toBeGreaterThan(1);
    for (const { view } of pages) expect(view).toEqual([0, 0, 612, 792]);
    expect(squeeze(pages.at(-1)?.text ?? '')).toContain(`Page${pages.length}of${pages.length}`);
  });
});
