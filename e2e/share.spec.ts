import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, saveScreenshots, test } from './fixtures';

// Sharing a plan with someone on another machine, and taking it away as files: the link opens the
// same plan in an empty browser as a plan of its own, a damaged or tampered link is explained, and
// the exports download what the command line prints.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const storageKey = 'tyk-upgrade-wizard';
const tickedAt = '2026-09-01T10:00:00.000Z';

/** The sender's plan as the store keeps it in localStorage (schema 2). */
const senderStorage = {
  version: 2,
  state: {
    plans: {
      'sender-plan': {
        id: 'sender-plan',
        name: 'Debian hosts in Frankfurt',
        answers: {
          model: 'self-managed',
          install: 'deb',
          components: ['dashboard', 'gateway', 'pump'],
          usesGoPlugins: false,
          database: 'mongodb',
          dataPlanes: [
            {
              name: 'data-plane-1',
              namespace: '',
              release: '',
              gatewayHost: '',
              context: '',
              redisHost: '',
              redisPort: '',
            },
          ],
          gateway: { from: '5.2.5', to: '5.3.0' },
          pump: { from: '1.8.0', to: '' },
          mdcb: { from: '', to: '' },
          strategy: 'rolling',
          downtimeMinutes: '',
          names: { gatewayHost: 'gw.fra.internal', backupDir: '/srv/backups/tyk' },
          // Every answer this version stores, so that the stored plan reads back unchanged.
          images: { gateway: '', dashboard: '', pump: '', mdcb: '' },
          architecture: 'amd64',
          sharesDatabase: false,
          estimate: {
            instances: { gateway: '', dashboard: '', pump: '', mdcb: '' },
            databaseGb: '',
          },
        },
        progress: { 'record-current-versions': tickedAt, 'backup-folder': tickedAt },
        createdAt: tickedAt,
        updatedAt: tickedAt,
        revision: 1,
      },
    },
    order: ['sender-plan'],
    activePlanId: 'sender-plan',
    deleted: {},
  },
};

type StoredPlan = { readonly name: string; readonly progress: Record<string, string> };
type Stored = {
  readonly state: {
    readonly plans: Record<string, StoredPlan>;
    readonly order: readonly string[];
    readonly activePlanId: string | null;
  };
};

async function storedState(page: Page): Promise<Stored['state'] | null> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), storageKey);
  return raw === null ? null : (JSON.parse(raw) as Stored).state;
}

/**
 * A stored state without the bookkeeping the plan page adds when it first shows a plan (each old
 * tick's fingerprint, the revision and time that go with it): what the user wrote and ticked.
 */
function contentOf(state: Stored['state'] | null | undefined): unknown {
  if (state === null || state === undefined) return state;
  const plans = Object.fromEntries(
    Object.entries(state.plans).map(([id, plan]) => {
      const bookkeeping = new Set(['steps', 'revision', 'updatedAt']);
      return [
        id,
        Object.fromEntries(Object.entries(plan).filter(([key]) => !bookkeeping.has(key))),
      ];
    }),
  );
  return { ...state, plans };
}

/**
 * The sender's plan as this version writes it back: saved before plans recorded whether the user
 * named them, it is read as named by the user, since its name is not one the wizard makes up.
 */
const senderPlan = { ...senderStorage.state.plans['sender-plan'], isNameCustom: true };
const senderContent = contentOf({ ...senderStorage.state, plans: { 'sender-plan': senderPlan } });

async function openSenderPlan(page: Page): Promise<void> {
  // Stored before any script of the app runs, once per tab: the app reads it as it starts.
  await page.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('e2e-seeded') !== null) return;
      localStorage.setItem(key, value);
      sessionStorage.setItem('e2e-seeded', 'yes');
    },
    [storageKey, JSON.stringify(senderStorage)] as const,
  );
  await page.goto('./#/wizard/plan');
  await expectPlanPage(page);
}

async function expectPlanPage(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Your upgrade plan' })).toBeVisible();
  await expect(page.locator('article[data-step-id]').first()).toBeVisible();
}

/** Every step as "id: title", in the order the page shows them. */
async function stepsOf(page: Page): Promise<string[]> {
  return page
    .locator('article[data-step-id]')
    .evaluateAll((cards) =>
      cards.map(
        (card) =>
          `${card.getAttribute('data-step-id') ?? ''}: ${card.querySelector('h3')?.textContent ?? ''}`,
      ),
    );
}

async function versionsOf(page: Page): Promise<string[]> {
  return page.getByRole('table', { name: 'Version changes' }).getByRole('row').allInnerTexts();
}

async function openSharePanel(page: Page): Promise<string> {
  const share = page.getByRole('button', { name: 'Share', exact: true });
  await share.click();
  await expect(share).toHaveAttribute('aria-expanded', 'true');
  const field = page.getByRole('textbox', { name: 'Link to this plan' });
  await expect(field).toBeVisible();
  return field.inputValue();
}

/**
 * Another machine: a browser context with empty storage. It gets the same guards as the test's own
 * page: no console errors, no uncaught errors, nothing fetched from another host.
 */
async function otherMachine(
  browser: Browser,
  options: {
    readonly baseURL: string | undefined;
    readonly colorScheme: NonNullable<BrowserContextOptions['colorScheme']> | null;
  },
): Promise<{ readonly context: BrowserContext; readonly page: Page; readonly problems: string[] }> {
  const context = await browser.newContext({
    ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
    colorScheme: options.colorScheme,
  });
  const problems: string[] = [];
  await context.route(
    (url) => !['data:', 'blob:', 'about:'].includes(url.protocol) && url.hostname !== '127.0.0.1',
    async (route) => {
      problems.push(`external request: ${route.request().url()}`);
      await route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
  return { context, page, problems };
}

/** The link with its payload changed as `edit` says: a hand-edited link. */
function tamperedLink(link: string, edit: (payload: Record<string, unknown>) => void): string {
  const at = link.indexOf('#/s/') + '#/s/'.length;
  const payload = JSON.parse(Buffer.from(link.slice(at), 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  edit(payload);
  return `${link.slice(0, at)}${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
}

/** The links of the plan on the page, from its share panel: without the names, and with them. */
async function sharedLinks(
  page: Page,
): Promise<{ readonly link: string; readonly linkWithNames: string }> {
  const link = await openSharePanel(page);
  await page.getByRole('checkbox', { name: /^Include my names/ }).check();
  const field = page.getByRole('textbox', { name: 'Link to this plan' });
  await expect(field).not.toHaveValue(link);
  return { link, linkWithNames: await field.inputValue() };
}

test.describe('sharing a plan', () => {
  // Axe takes long on a whole plan page: the checks of the pages below are tests of their own.
  test('the share panel passes axe, with its link copied', async ({ page }) => {
    await openSenderPlan(page);
    await openSharePanel(page);
    await page.getByRole('button', { name: 'Copy the link to this plan' }).click();
    await expect(page.getByText('Copied the link to this plan to the clipboard.')).toBeAttached();
    await expectNoA11yViolations(page);
  });

  test('a plan opened from a link passes axe, with the note that says so', async ({ page }) => {
    await openSenderPlan(page);
    const { linkWithNames } = await sharedLinks(page);
    await page.goto(linkWithNames);
    await expect(
      page.getByText(/^This plan was opened from a shared link as a new plan/),
    ).toBeVisible();
    await expectPlanPage(page);
    await expectNoA11yViolations(page);
  });

  test('the share panel gives a link, with the names only when asked for', async ({ page }) => {
    await openSenderPlan(page);
    expect(await versionsOf(page)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Gateway\s+5\.2\.5\s+5\.3\.0$/),
        // The Pump target comes from the compatibility matrix, and the table says so.
        expect.stringMatching(
          /^Pump\s+1\.8\.0\s+1\.9\.0 \(recommended by the compatibility matrix\)$/,
        ),
      ]),
    );

    const link = await openSharePanel(page);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tyk-upgrade-wizard\/#\/s\/[\w-]+$/);
    await expect(page.getByRole('checkbox', { name: /^Include my names/ })).not.toBeChecked();
    await page.getByRole('button', { name: 'Copy the link to this plan' }).click();
    await expect(page.getByText('Copied the link to this plan to the clipboard.')).toBeAttached();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await saveScreenshots(page, 'share-panel');

    // The names travel only when asked for.
    await page.getByRole('checkbox', { name: /^Include my names/ }).check();
    await expect(page.getByRole('textbox', { name: 'Link to this plan' })).not.toHaveValue(link);
    expect(contentOf(await storedState(page))).toEqual(senderContent);
  });

  test('a link opens the same plan on another machine, as a plan of its own, once', async ({
    page,
    browser,
    baseURL,
    colorScheme,
  }) => {
    await openSenderPlan(page);
    const senderSteps = await stepsOf(page);
    const senderVersions = await versionsOf(page);
    const { linkWithNames } = await sharedLinks(page);

    const receiver = await otherMachine(browser, { baseURL, colorScheme });
    try {
      await receiver.page.goto(linkWithNames);
      await expectPlanPage(receiver.page);
      await expect(receiver.page).toHaveURL(/#\/wizard\/plan$/);
      await expect(
        receiver.page.getByText(/^This plan was opened from a shared link as a new plan/),
      ).toBeVisible();
      expect(await stepsOf(receiver.page)).toEqual(senderSteps);
      expect(await versionsOf(receiver.page)).toEqual(senderVersions);
      // The link carries the answers, never the ticks.
      await expect(
        receiver.page.getByRole('progressbar', { name: 'Overall progress' }),
      ).toHaveAttribute('aria-valuenow', '0');
      await saveScreenshots(receiver.page, 'shared-plan-opened');

      const received = await storedState(receiver.page);
      expect(Object.values(received?.plans ?? {}).map((plan) => plan.name)).toEqual([
        expect.stringMatching(/^Shared plan: Tyk Self-Managed on Debian/),
      ]);

      // A reload opens the plan page again, not the link: still one plan, and no claim of a new one.
      await receiver.page.reload();
      await expectPlanPage(receiver.page);
      await expect(receiver.page.getByText(/opened from a shared link/)).toHaveCount(0);
      expect(Object.keys((await storedState(receiver.page))?.plans ?? {})).toHaveLength(1);
    } finally {
      await receiver.context.close();
    }
    expect(receiver.problems, 'the receiving browser stays quiet and local').toEqual([]);

    // The sender's own plan, ticks and all, is as it was.
    expect(contentOf(await storedState(page))).toEqual(senderContent);
  });

  test('a link opens its plan without moving anything on screen (no layout shift)', async ({
    page,
    browser,
    baseURL,
    colorScheme,
  }) => {
    await openSenderPlan(page);
    const { linkWithNames } = await sharedLinks(page);

    const receiver = await otherMachine(browser, { baseURL, colorScheme });
    try {
      // Recorded from the very start: the prerendered start page, the "Opening" message, the plan.
      await receiver.page.addInitScript(() => {
        const shifts: string[] = [];
        Object.assign(window, { e2eShifts: shifts });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value?: number })[])
            shifts.push(`${Math.round(entry.startTime)} ms: ${entry.value ?? 0}`);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await receiver.page.goto(linkWithNames);
      await expectPlanPage(receiver.page);
      await expect(
        receiver.page.getByText(/^This plan was opened from a shared link as a new plan/),
      ).toBeVisible();
      await expect(receiver.page.locator('article[data-step-id]').last()).toBeVisible();
      // Layout shifts are reported after the frame they happen in: let two more frames pass.
      const shifts = await receiver.page.evaluate(
        () =>
          new Promise<unknown>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => resolve((window as { e2eShifts?: unknown }).e2eShifts)),
            ),
          ),
      );
      expect(shifts).toEqual([]);
    } finally {
      await receiver.context.close();
    }
    expect(receiver.problems, 'the receiving browser stays quiet and local').toEqual([]);
  });

  test('the link without names opens the same steps, as a second plan next to the first', async ({
    page,
    browser,
    baseURL,
    colorScheme,
  }) => {
    await openSenderPlan(page);
    const senderSteps = await stepsOf(page);
    const { link, linkWithNames } = await sharedLinks(page);

    const receiver = await otherMachine(browser, { baseURL, colorScheme });
    try {
      await receiver.page.goto(linkWithNames);
      await expectPlanPage(receiver.page);
      await expect
        .poll(async () => Object.keys((await storedState(receiver.page))?.plans ?? {}).length)
        .toBe(1);

      // Tyk's default names in the commands, the same steps.
      await receiver.page.goto(link);
      await expect(
        receiver.page.getByText(/^This plan was opened from a shared link as a new plan/),
      ).toBeVisible();
      await expectPlanPage(receiver.page);
      expect(await stepsOf(receiver.page)).toEqual(senderSteps);
      await expect
        .poll(async () => Object.keys((await storedState(receiver.page))?.plans ?? {}).length)
        .toBe(2);
    } finally {
      await receiver.context.close();
    }
    expect(receiver.problems, 'the receiving browser stays quiet and local').toEqual([]);
    expect(contentOf(await storedState(page))).toEqual(senderContent);
  });

  test('opening a link in the browser that made it adds a plan and keeps the original', async ({
    page,
  }) => {
    await openSenderPlan(page);
    const link = await openSharePanel(page);
    await page.goto(link);
    // The plan page is on screen already: wait for the sign that the shared plan was opened.
    await expect(
      page.getByText(/^This plan was opened from a shared link as a new plan/),
    ).toBeVisible();
    await expectPlanPage(page);
    await expect.poll(async () => (await storedState(page))?.order.length).toBe(2);

    const state = await storedState(page);
    expect(state?.order).toHaveLength(2);
    expect(state?.order[1]).toBe('sender-plan');
    expect(contentOf(state)).toMatchObject({
      plans: {
        'sender-plan': (senderContent as Stored['state']).plans['sender-plan'],
      },
    });
    expect(state?.activePlanId).toBe(state?.order[0]);
  });

  test('a tampered link lists what it replaced, and opens only when asked', async ({ page }) => {
    await openSenderPlan(page);
    const link = await openSharePanel(page);

    await page.goto(
      tamperedLink(link, (payload) => {
        payload['m'] = 'mainframe';
      }),
    );
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'This shared plan needs a look before it opens',
      }),
    ).toBeVisible();
    const replaced = page.getByRole('region', { name: 'Replaced while reading the link' });
    await expect(replaced.getByRole('listitem')).toHaveText([
      'model: Deployment model "mainframe" is unknown; self-managed was used instead.',
    ]);
    expect((await storedState(page))?.order).toEqual(['sender-plan']);
    await checkAndKeep(page, 'shared-link-problems');

    await page.getByRole('button', { name: 'Open as a new plan anyway' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your deployment' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Tyk Self-Managed', exact: true })).toBeChecked();
    expect((await storedState(page))?.order).toHaveLength(2);
  });

  test('a cut link says it was cut short, and saves nothing', async ({ page }) => {
    await openSenderPlan(page);
    const link = await openSharePanel(page);

    await page.goto(link.slice(0, -20));
    await expect(
      page.getByRole('heading', { level: 1, name: 'This link cannot be opened' }),
    ).toBeVisible();
    await expect(page.getByText(/cut short/)).toBeVisible();
    await expect(page.getByRole('button', { name: /anyway/ })).toHaveCount(0);
    await checkAndKeep(page, 'shared-link-unreadable');
    await page.getByRole('link', { name: 'Back to the start page' }).click();
    await expect(page.getByRole('link', { name: 'Start planning' })).toBeVisible();
    expect((await storedState(page))?.order).toEqual(['sender-plan']);
  });
});

test.describe('exporting a plan', () => {
  async function openExportPanel(page: Page): Promise<void> {
    await openSenderPlan(page);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Export this plan' })).toBeVisible();
  }

  test('downloads the Markdown runbook and the JSON plan', async ({ page }) => {
    await openExportPanel(page);

    const markdownDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Markdown' }).click();
    const markdown = await markdownDownload;
    expect(markdown.suggestedFilename()).toBe(
      'tyk-self-managed-on-debian-ubuntu-packages-gateway-5-2-5-to-5-3-0.md',
    );
    const markdownText = await readFile(await markdown.path(), 'utf8');
    expect(markdownText.startsWith('# ')).toBe(true);
    expect(markdownText).toContain('```bash\n');
    expect(markdownText).toContain('- [ ] **1. ');
    await expect(page.getByText(/^Your browser is saving .*\.md\.$/)).toBeAttached();

    const jsonDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download JSON' }).click();
    const json = await jsonDownload;
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const plan = JSON.parse(await readFile(await json.path(), 'utf8')) as {
      readonly title: string;
      readonly phases: readonly { readonly steps: readonly { readonly id: string }[] }[];
    };
    const ids = plan.phases.flatMap((phase) => phase.steps.map((step) => step.id));
    expect((await stepsOf(page)).map((step) => step.split(':')[0])).toEqual(ids);
  });

  test('the panel passes axe', async ({ page }) => {
    await openExportPanel(page);
    await expectNoA11yViolations(page);
  });

  test('Escape closes the panel and gives the keyboard back to its button', async ({ page }) => {
    await openExportPanel(page);
    await saveScreenshots(page, 'export-panel');

    // Escape closes the panel and gives the keyboard back to its button.
    const exportButton = page.getByRole('button', { name: 'Export', exact: true });
    await page.getByRole('button', { name: 'Download JSON' }).focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('region', { name: 'Export this plan' })).toHaveCount(0);
    await expect(exportButton).toBeFocused();
    await expect(exportButton).toHaveAttribute('aria-expanded', 'false');
  });
});

/** Checks the page as it is now (axe) and keeps screenshots of it at phone and desktop width. */
async function checkAndKeep(page: Page, name: string): Promise<void> {
  await expectNoA11yViolations(page);
  await saveScreenshots(page, name);
}
