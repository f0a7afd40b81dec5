import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { components, type Command, type Plan } from '../src/rules/index';
import { expect, expectNoA11yViolations, saveScreenshots, test } from './fixtures';
import { largeAnswers, largePlan, seedPlan } from './large-plan';

// The printable runbook of a large plan: what the screen shows around it, and what the PDF that
// Chromium prints from it contains, page by page.

async function openRunbook(page: Page, query = ''): Promise<void> {
  await page.goto(`./#/print${query}`);
  await expect(page.getByRole('heading', { level: 1, name: largePlan.title })).toBeVisible();
}

type PdfPage = {
  readonly text: string;
  /** [x0, y0, x1, y1] in points. */
  readonly view: readonly number[];
  /** The page's lines of monospace text, top to bottom: the commands, among others. */
  readonly monoLines: readonly string[];
  /** How far down the page its lowest text reaches, between the margins: 0 to 1. */
  readonly fill: number;
};

/** The margins of the A4 runbook (src/print.css), in points. */
const a4Margins = { top: 16 * (72 / 25.4), bottom: 18 * (72 / 25.4) };
/** The page footer (src/print.css), which sits in the bottom margin. */
const footerText = /^(Page \d+ of \d+|Tyk upgrade runbook)$/;

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
    // Lines of monospace text: items on one baseline, left to right.
    const rows = new Map<number, { x: number; str: string }[]>();
    let lowest = Infinity;
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [x = 0, y = 0] = [item.transform[4] as number, item.transform[5] as number];
      if (!footerText.test(item.str.trim())) lowest = Math.min(lowest, y);
      if (content.styles[item.fontName]?.fontFamily !== 'monospace') continue;
      const row = rows.get(Math.round(y)) ?? [];
      row.push({ x, str: item.str });
      rows.set(Math.round(y), row);
    }
    const monoLines = [...rows.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, row]) =>
        row
          .sort((a, b) => a.x - b.x)
          .map((part) => part.str)
          .join(''),
      );
    const [, , , height = 0] = pdfPage.view;
    const fill = (height - a4Margins.top - lowest) / (height - a4Margins.top - a4Margins.bottom);
    pages.push({ text, view: pdfPage.view, monoLines, fill });
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
    // The same without the page footers, which a command running over a page break encloses.
    const bodyText = squeeze(
      pages
        .slice(1)
        .map((page_) => page_.text.replace(/Page \d+ of \d+|Tyk upgrade runbook/g, ''))
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
    // Its long lines are cut with marks (↩ at the end, ↪ at the start of the next), taken out here.
    expect(
      bodyText.replace(/[↩↪]/g, '').includes(squeeze(longest.code)),
      `printed whole: ${longest.code}`,
    ).toBe(true);
    expect(body).toContain('Sign-off');
  });

  test('prints long command lines cut with marks, never mid-line without one, and no page half blank @light-only', async ({
    page,
  }) => {
    await seedPlan(page, largeAnswers);
    await openRunbook(page);
    const pages = await printToPdf(page, 'runbook-a4-marks');

    const codes = everyCommand(largePlan).map((command) => squeeze(command.code));
    const lineEnds = everyCommand(largePlan)
      .flatMap((command) => command.code.split('\n'))
      .map(squeeze)
      .filter((line) => line !== '');
    // A step's links print in monospace too, wrapped anywhere: they are not commands.
    const links = largePlan.phases
      .flatMap((phase) => phase.steps)
      .flatMap((step) => step.links ?? [])
      .map((link) => squeeze(`${link.label}: ${link.url}`));
    let commandLines = 0;
    let cutLines = 0;
    pages.forEach(({ monoLines }, index) => {
      for (const line of monoLines) {
        const text = squeeze(line);
        const inner = text.replace(/^↪/, '').replace(/↩$/, '');
        // Monospace text that is no command's (the plan link, a step's links) is not checked.
        if (inner === '' || !codes.some((code) => code.includes(inner))) continue;
        if (links.some((link) => link.includes(inner))) continue;
        commandLines += 1;
        if (text.endsWith('↩')) {
          cutLines += 1;
          continue;
        }
        // A printed line without the mark ends where a line of the command ends.
        expect(
          lineEnds.some((end) => end.endsWith(inner)),
          `page ${index + 1}: "${line}" stops inside a command line without ↩`,
        ).toBe(true);
      }
    });
    expect(commandLines).toBeGreaterThan(200);
    expect(cutLines).toBeGreaterThan(5);
    // The line of the plan's that is longest is among those cut, and carried on with ↪.
    const longestLine = everyCommand(largePlan)
      .flatMap((command) => command.code.split('\n'))
      .reduce((a, b) => (b.length > a.length ? b : a));
    expect(longestLine.length).toBeGreaterThan(100);
    const allMono = pages.flatMap(({ monoLines }) => monoLines).map(squeeze);
    const start = allMono.findIndex(
      (line) => line.endsWith('↩') && squeeze(longestLine).startsWith(line.slice(0, -1)),
    );
    expect(start, `the start of ${longestLine}, cut`).toBeGreaterThanOrEqual(0);
    expect(allMono[start + 1]).toMatch(/^↪/);

    // A step's title is printed on the page where its first command begins.
    const steps = largePlan.phases.flatMap((phase) => phase.steps);
    for (const [index, step] of steps.entries()) {
      const first = step.commands[0];
      if (first === undefined) continue;
      const title = squeeze(`${index + 1}. ${step.title}`);
      const at = pages.findIndex(
        (page_, number) => number > 0 && squeeze(page_.text).includes(title),
      );
      expect(at, `step ${index + 1} is printed`).toBeGreaterThan(0);
      expect(
        squeeze(pages[at]?.text ?? ''),
        `step ${index + 1} (${step.id}) and its first command on page ${at + 1}`,
      ).toContain(squeeze(first.code).slice(0, 12));
    }

    // Only the last page may be mostly blank: no forced break leaves half a page empty.
    pages.slice(0, -1).forEach(({ fill }, index) => {
      expect(fill, `page ${index + 1} of ${pages.length} is filled`).toBeGreaterThan(0.5);
    });
  });

  test('prints the change fields on the cover, and no internal id or field name anywhere @light-only', async ({
    page,
  }) => {
    const cover = {
      ticket: 'CHG-20418',
      environment: 'Production EU',
      windowStart: '2026-03-05T21:00',
      windowEnd: '2026-03-05T23:30',
      operator: 'Ana Ortiz',
      approver: 'Sam Lee',
    };
    await seedPlan(page, largeAnswers, cover);
    await openRunbook(page);
    const pages = await printToPdf(page, 'runbook-a4-cover');

    // The change fields sit on the cover, before the plan's facts, each with its label.
    const front = squeeze(`${pages[0]?.text ?? ''}${pages[1]?.text ?? ''}`);
    for (const [label, value] of [
      ['Change ticket', 'CHG-20418'],
      ['Environment', 'Production EU'],
      ['Window start', '2026-03-05 21:00'],
      ['Window end', '2026-03-05 23:30'],
      ['Operator', 'Ana Ortiz'],
      ['Approver', 'Sam Lee'],
    ] as const) {
      expect(front, label).toContain(squeeze(`${label}${value}`));
    }

    // What a reader sees never shows the plan's internal words: no step id (they stay as link
    // anchors only) and no answer path such as gateway.from or names.namespace.
    const text = pages.map(({ text: pageText }) => pageText).join('\n');
    const commands = everyCommand(largePlan).map((command) => command.code);
    const steps = largePlan.phases.flatMap((phase) => phase.steps);
    for (const step of steps) {
      if (commands.some((code) => code.includes(step.id))) continue;
      expect(text, `step id ${step.id}`).not.toContain(step.id);
    }
    expect(steps.filter((step) => !commands.some((code) => code.includes(step.id))).length).toBe(
      steps.length,
    );
    expect(text).not.toMatch(
      /\b(gateway|dashboard|pump|mdcb)\.(from|to)\b|\bnames\.[a-z]|\bdataPlanes\[/,
    );
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
