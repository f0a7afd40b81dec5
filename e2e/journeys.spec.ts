import type { Locator, Page } from '@playwright/test';
import { buildPlan, planLinkFor, type PlanInput } from '../src/rules/index';
import { expect, expectNoA11yViolations, saveScreenshots, test } from './fixtures';

// Whole paths a user takes, from the landing page to a plan they follow: the answers, the order of
// the upgrade steps, copying a command, ticking steps and finding everything again after a reload.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Checks the page as it is now (axe) and keeps screenshots of it at phone and desktop width. */
async function checkPage(page: Page, name: string): Promise<void> {
  await expectNoA11yViolations(page);
  await saveScreenshots(page, name);
}

async function expectWizardPage(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

// The wizard's steps as its Next button names them, and the heading of each page.
const pageTitles: Readonly<Record<string, string>> = { 'Your plan': 'Your upgrade plan' };

/** Presses the wizard's Next button and waits for the next page's heading. */
async function next(page: Page, step: string): Promise<void> {
  await page.getByRole('button', { name: `Next: ${step}` }).click();
  await expectWizardPage(page, pageTitles[step] ?? step);
}

async function startPlan(page: Page): Promise<void> {
  await page.goto('./');
  await page.getByRole('link', { name: 'Start planning' }).click();
  await expectWizardPage(page, 'Your deployment');
}

function stepCard(page: Page, stepId: string): Locator {
  return page.locator(`article[data-step-id="${stepId}"]`);
}

/** The ids of the steps that move a component to a new version, in the order the page shows them. */
async function upgradeStepIds(page: Page): Promise<string[]> {
  return page
    .locator('article[data-step-kind="upgrade"]')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-step-id') ?? ''));
}

async function allStepIds(page: Page): Promise<string[]> {
  return page
    .locator('article[data-step-id]')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-step-id') ?? ''));
}

/** The command block of a step whose code is exactly `code` (a one-line command). */
function commandBlock(card: Locator, code: string): Locator {
  const exactly = new RegExp(`^${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  // Visible only: the folded rollback of a step may repeat one of its commands.
  return card.locator('pre').filter({ hasText: exactly, visible: true }).locator('xpath=..');
}

/** Copies a command with its button and checks what reached the clipboard. */
async function copyCommand(page: Page, card: Locator, code: string): Promise<void> {
  const block = commandBlock(card, code);
  await expect(block.locator('pre')).toHaveText(code);
  await block.getByRole('button', { name: /^Copy / }).click();
  await expect(block.getByRole('button', { name: /^Copied / })).toBeVisible();
  await expect(block.getByRole('status')).toHaveText(/^Copied .* to the clipboard\.$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
}

async function tick(card: Locator): Promise<void> {
  const checkbox = card.getByRole('checkbox', { name: /^Done/ });
  await checkbox.check();
  await expect(checkbox).toBeChecked();
  await expect(card.getByText(/^Ticked /)).toBeVisible();
}

async function expectTicked(page: Page, stepIds: readonly string[]): Promise<void> {
  for (const id of stepIds) {
    await expect(stepCard(page, id).getByRole('checkbox', { name: /^Done/ })).toBeChecked();
  }
}

/** The overall count: the steps of the change, `ids` less the rollback phase's contingency steps. */
async function expectOverallProgress(
  page: Page,
  done: number,
  ids: readonly string[],
): Promise<void> {
  const rollbackIds = await page
    .locator('section[data-phase-id="rollback"] article[data-step-id]')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-step-id') ?? ''));
  expect(rollbackIds.length).toBeGreaterThan(0);
  const total = ids.filter((id) => !rollbackIds.includes(id)).length;
  const bar = page.getByRole('progressbar', { name: 'Overall progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', String(done));
  await expect(bar).toHaveAttribute('aria-valuemax', String(total));
  await expect(page.getByText(`${done} of ${total} done`, { exact: true }).first()).toBeVisible();
}

/** Passes the pages between the versions and the plan with their defaults. */
async function acceptPreparationToPlan(page: Page): Promise<void> {
  for (const step of ['Backups', 'Your names', 'Your plan']) await next(page, step);
  await expect(page.locator('article[data-step-id]').first()).toBeVisible();
}

// Each journey is four tests, so none of them runs long: the answers page by page up to the order
// of the plan; the backup and names pages; axe on the plan page; and what the user does with the
// plan. The last three start from a shared link with the answers the first one gives, and the
// first one checks that its plan shares as exactly that link.

/** The link a plan with these answers shares as, names left out, from the app at `baseURL`. */
function sharedLinkOf(baseURL: string | undefined, answers: PlanInput): string {
  const result = buildPlan(answers);
  if (!result.ok)
    throw new Error(`the journey's answers make no plan: ${JSON.stringify(result.errors)}`);
  return planLinkFor(baseURL ?? '', result.plan.input, { includeNames: false });
}

/** The plan page of a plan opened from its shared link, as a new plan in an empty browser. */
async function openSharedPlan(
  page: Page,
  baseURL: string | undefined,
  answers: PlanInput,
): Promise<void> {
  await page.goto(sharedLinkOf(baseURL, answers));
  await expect(
    page.getByText(/^This plan was opened from a shared link as a new plan/),
  ).toBeVisible();
  await expectWizardPage(page, 'Your upgrade plan');
  await expect(page.locator('article[data-step-id]').first()).toBeVisible();
}

/** The plan on the page shares as the link of these answers: the journeys start from the same plan. */
async function expectSharedAs(
  page: Page,
  baseURL: string | undefined,
  answers: PlanInput,
): Promise<void> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Link to this plan' })).toHaveValue(
    sharedLinkOf(baseURL, answers),
  );
}

/** The backup and names pages of the plan, checked, then on to the plan. */
async function checkBackupsAndNames(page: Page, journey: string): Promise<void> {
  await page.goto('./#/wizard/backups');
  await expectWizardPage(page, 'Backups');
  await checkPage(page, `${journey}-4-backups`);
  await next(page, 'Your names');
  await checkPage(page, `${journey}-5-names`);
  await next(page, 'Your plan');
  await expect(page.locator('article[data-step-id]').first()).toBeVisible();
}

const debian: PlanInput = {
  model: 'self-managed',
  install: 'deb',
  components: ['dashboard', 'gateway', 'pump'],
  usesGoPlugins: false,
  database: 'mongodb',
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0' },
  strategy: 'rolling',
};

const mdcbOnHelm: PlanInput = {
  model: 'self-managed-mdcb',
  install: 'helm',
  components: ['mdcb', 'dashboard', 'gateway', 'pump'],
  usesGoPlugins: true,
  database: 'mongodb',
  dataPlanes: [{ name: 'eu-west' }, { name: 'us-east' }],
  gateway: { from: '5.3.0', to: '5.8.0' },
  pump: { from: '1.9.0' },
  mdcb: { from: '2.5.0' },
  strategy: 'rolling',
};

const openSourceCompose: PlanInput = {
  model: 'oss',
  install: 'docker-compose',
  components: ['gateway', 'pump'],
  usesGoPlugins: false,
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0' },
  strategy: 'downtime',
  downtimeMinutes: 30,
};

const tykCloud: PlanInput = {
  model: 'cloud',
  components: ['dashboard', 'gateway'],
  usesGoPlugins: false,
  gateway: { from: '5.3.0', to: '5.8.0' },
  strategy: 'rolling',
};

test.describe('self-managed on Debian packages', () => {
  test('the answers, page by page, make a plan in the order Tyk gives', async ({
    page,
    baseURL,
  }) => {
    await startPlan(page);
    await page.getByRole('radio', { name: 'Tyk Self-Managed', exact: true }).check();
    await page.getByRole('radio', { name: 'Debian / Ubuntu packages' }).check();
    await checkPage(page, 'deb-1-deployment');

    await next(page, 'Versions');
    await page
      .getByRole('combobox', { name: 'Current Gateway and Dashboard version' })
      .fill('5.2.5');
    await page
      .getByRole('combobox', { name: 'Target Gateway and Dashboard version' })
      .fill('5.3.0');
    await page.getByRole('combobox', { name: 'Current Pump version' }).fill('1.8.0');
    await checkPage(page, 'deb-2-versions');

    await next(page, 'Preparation');
    await expect(page.getByRole('radio', { name: 'Rolling' })).toBeChecked();
    await checkPage(page, 'deb-3-preparation');
    await acceptPreparationToPlan(page);

    // Dashboard, then Gateway, then Pump.
    expect(await upgradeStepIds(page)).toEqual([
      'upgrade-dashboard',
      'upgrade-gateway',
      'upgrade-pump',
    ]);
    await expectSharedAs(page, baseURL, debian);
  });

  test('the backup and names pages', async ({ page, baseURL }) => {
    await openSharedPlan(page, baseURL, debian);
    await checkBackupsAndNames(page, 'deb');
  });

  // Axe takes long on a page this size: the plan's check has a test of its own.
  test('the plan passes axe, with a command copied and its check and rollback unfolded', async ({
    page,
    baseURL,
  }) => {
    await openSharedPlan(page, baseURL, debian);
    const gateway = stepCard(page, 'upgrade-gateway');
    await copyCommand(page, gateway, 'sudo apt-get install -y tyk-gateway=5.3.0');
    await gateway.getByText('Check that it worked').click();
    await gateway.getByText('How to roll back').click();
    await expect(gateway.getByText('What good looks like:')).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test('the plan: copy, fold, tick, reload and link to a step', async ({ page, baseURL }) => {
    await openSharedPlan(page, baseURL, debian);
    const ids = await allStepIds(page);
    const gateway = stepCard(page, 'upgrade-gateway');
    await expect(gateway.getByRole('heading', { level: 3 })).toHaveText(
      `${ids.indexOf('upgrade-gateway') + 1}. Upgrade the Gateway to 5.3.0`,
    );
    await expect(page.getByRole('heading', { level: 3, name: /^Critical/ })).toBeVisible();
    await copyCommand(page, gateway, 'sudo apt-get install -y tyk-gateway=5.3.0');

    // The check and the rollback are folded until asked for.
    const check = gateway.getByText('What good looks like:');
    await expect(check).toBeHidden();
    await gateway.getByText('Check that it worked').click();
    await expect(check).toBeVisible();
    await gateway.getByText('How to roll back').click();
    await saveScreenshots(page, 'deb-6-plan');

    const ticked = ['record-current-versions', 'backup-folder', 'upgrade-dashboard'];
    for (const id of ticked) await tick(stepCard(page, id));
    await expectOverallProgress(page, ticked.length, ids);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Your upgrade plan' })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: /Debian \/ Ubuntu packages/ }),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: /Gateway 5\.2\.5 5\.3\.0/ })).toBeVisible();
    await expectTicked(page, ticked);
    await expectOverallProgress(page, ticked.length, ids);

    // A link to one step opens the plan there, with the keyboard on it.
    await gateway.getByRole('link', { name: /^Link to step/ }).click();
    await expect(page).toHaveURL(/#\/wizard\/plan\?step=upgrade-gateway$/);
    await expect(gateway).toBeFocused();
    await page.reload();
    await expect(stepCard(page, 'upgrade-gateway')).toBeFocused();
  });
});

test.describe('self-managed with MDCB on Helm, with Go plugins and two data planes', () => {
  test('the answers, page by page, make a plan in the order Tyk gives', async ({
    page,
    baseURL,
  }) => {
    await startPlan(page);
    await page.getByRole('radio', { name: 'Tyk Self-Managed with MDCB' }).check();
    await page.getByRole('radio', { name: 'Helm' }).check();
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('textbox', { name: 'Data plane 1 name' }).fill('eu-west');
    await page.getByRole('button', { name: 'Add a data plane' }).click();
    await page.getByRole('textbox', { name: 'Data plane 2 name' }).fill('us-east');
    await checkPage(page, 'mdcb-1-deployment');

    await next(page, 'Versions');
    await page
      .getByRole('combobox', { name: 'Current Gateway and Dashboard version' })
      .fill('5.3.0');
    await page
      .getByRole('combobox', { name: 'Target Gateway and Dashboard version' })
      .fill('5.8.0');
    await page.getByRole('combobox', { name: 'Current Pump version' }).fill('1.9.0');
    await page.getByRole('combobox', { name: 'Current MDCB version' }).fill('2.5.0');
    await checkPage(page, 'mdcb-2-versions');

    await next(page, 'Preparation');
    await checkPage(page, 'mdcb-3-preparation');
    await acceptPreparationToPlan(page);

    // The control plane first (MDCB, Pump, Dashboard, Gateway), then each data plane.
    expect(await upgradeStepIds(page)).toEqual([
      'upgrade-mdcb',
      'upgrade-pump',
      'upgrade-dashboard',
      'upgrade-gateway',
      'eu-west-upgrade-pump',
      'eu-west-upgrade-gateway',
      'us-east-upgrade-pump',
      'us-east-upgrade-gateway',
    ]);
    // The plugins are rebuilt and the bundle with both builds is switched to before any Gateway
    // moves; each data plane checks that its Gateways load it before its own Gateway is upgraded.
    const ids = await allStepIds(page);
    expect(ids.indexOf('go-plugins-compile')).toBeLessThan(ids.indexOf('go-plugins-bundle'));
    expect(ids.indexOf('go-plugins-bundle')).toBeLessThan(ids.indexOf('go-plugins-switch-bundle'));
    expect(ids.indexOf('go-plugins-switch-bundle')).toBeGreaterThan(-1);
    expect(ids.indexOf('go-plugins-switch-bundle')).toBeLessThan(ids.indexOf('upgrade-gateway'));
    for (const plane of ['eu-west', 'us-east']) {
      expect(ids.indexOf(`${plane}-go-plugins-check-bundle`)).toBeGreaterThan(-1);
      expect(ids.indexOf(`${plane}-go-plugins-check-bundle`)).toBeLessThan(
        ids.indexOf(`${plane}-upgrade-gateway`),
      );
    }
    await expectSharedAs(page, baseURL, mdcbOnHelm);
  });

  test('the backup and names pages', async ({ page, baseURL }) => {
    await openSharedPlan(page, baseURL, mdcbOnHelm);
    await checkBackupsAndNames(page, 'mdcb');
  });

  test('the plan passes axe, with commands copied', async ({ page, baseURL }) => {
    await openSharedPlan(page, baseURL, mdcbOnHelm);
    await copyCommand(
      page,
      stepCard(page, 'eu-west-upgrade-gateway'),
      'helm upgrade tyk-dp-eu-west tyk-helm/tyk-data-plane -n tyk-dp-eu-west -f values-tyk-dp-eu-west.yaml',
    );
    await expectNoA11yViolations(page);
  });

  test('the plan: commands per site, ticks kept, and the answers still there', async ({
    page,
    baseURL,
  }) => {
    await openSharedPlan(page, baseURL, mdcbOnHelm);
    const ids = await allStepIds(page);
    await expect(
      page.getByRole('heading', { level: 2, name: /data plane eu-west/i }),
    ).toBeVisible();

    await expect(
      commandBlock(
        stepCard(page, 'upgrade-mdcb'),
        'helm upgrade tyk-cp tyk-helm/tyk-control-plane -n tyk -f values.yaml',
      ).locator('pre'),
    ).toBeVisible();
    await copyCommand(
      page,
      stepCard(page, 'eu-west-upgrade-gateway'),
      'helm upgrade tyk-dp-eu-west tyk-helm/tyk-data-plane -n tyk-dp-eu-west -f values-tyk-dp-eu-west.yaml',
    );
    await copyCommand(
      page,
      stepCard(page, 'go-plugins-compile'),
      'docker run --rm -v "$(pwd)":/plugin-source --platform=linux/amd64 tykio/tyk-plugin-compiler:v5.8.0 CustomGoPlugin.so',
    );
    await saveScreenshots(page, 'mdcb-6-plan');

    const ticked = ['upgrade-mdcb', 'go-plugins-compile', 'eu-west-upgrade-pump'];
    for (const id of ticked) await tick(stepCard(page, id));

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Your upgrade plan' })).toBeVisible();
    expect(await upgradeStepIds(page)).toHaveLength(8);
    await expectTicked(page, ticked);
    await expectOverallProgress(page, ticked.length, ids);
    await page.getByRole('link', { name: /Step 1: Your deployment/ }).click();
    await expectWizardPage(page, 'Your deployment');
    await expect(page.getByRole('radio', { name: 'Helm' })).toBeChecked();
    await expect(page.getByRole('textbox', { name: 'Data plane 2 name' })).toHaveValue('us-east');
  });
});

test.describe('self-managed with MDCB on Helm, two data planes in clusters of their own', () => {
  test('each plane is named on the names page and reached through its own context and Redis', async ({
    page,
    baseURL,
  }) => {
    await openSharedPlan(page, baseURL, mdcbOnHelm);
    await page.goto('./#/wizard/names');
    await expectWizardPage(page, 'Your names');
    const euContext = page.getByRole('textbox', { name: 'Kube context of data plane eu-west' });
    const usContext = page.getByRole('textbox', { name: 'Kube context of data plane us-east' });
    const usRedis = page.getByRole('textbox', { name: 'Redis host of data plane us-east' });

    // A context with a space cannot go into a command: the field says why, and keeps the text.
    await euContext.fill('eu prod');
    await expect(
      page
        .getByText(
          'Data plane "eu-west" Kube context: "eu prod" contains a space, which cannot go into a shell command.',
        )
        .first(),
    ).toBeVisible();
    await expect(euContext).toHaveValue('eu prod');
    await euContext.fill('eu-prod');
    await usContext.fill('arn:aws:eks:us-east-1:111122223333:cluster/edge-us');
    await usRedis.fill('tyk-redis-master.tyk-dp-us-east.svc');
    await checkPage(page, 'mdcb-planes-5-names');
    await next(page, 'Your plan');

    await copyCommand(
      page,
      stepCard(page, 'eu-west-upgrade-gateway'),
      'helm upgrade tyk-dp-eu-west tyk-helm/tyk-data-plane -n tyk-dp-eu-west --kube-context eu-prod -f values-tyk-dp-eu-west.yaml',
    );
    await copyCommand(
      page,
      stepCard(page, 'us-east-upgrade-gateway'),
      'helm upgrade tyk-dp-us-east tyk-helm/tyk-data-plane -n tyk-dp-us-east --kube-context arn:aws:eks:us-east-1:111122223333:cluster/edge-us -f values-tyk-dp-us-east.yaml',
    );
    // The control plane stays in the current context.
    await expect(
      commandBlock(
        stepCard(page, 'upgrade-mdcb'),
        'helm upgrade tyk-cp tyk-helm/tyk-control-plane -n tyk -f values.yaml',
      ).locator('pre'),
    ).toBeVisible();
    // Every Redis is backed up where it runs.
    await expect(stepCard(page, 'backup-redis').locator('pre').first()).toContainText(
      'kubectl -n tyk port-forward svc/redis 6379:6379',
    );
    await expect(stepCard(page, 'eu-west-backup-redis').locator('pre').first()).toContainText(
      'kubectl --context eu-prod -n tyk-dp-eu-west port-forward svc/redis 6379:6379',
    );
    await expect(stepCard(page, 'us-east-backup-redis').locator('pre').first()).toContainText(
      'kubectl --context arn:aws:eks:us-east-1:111122223333:cluster/edge-us -n tyk-dp-us-east port-forward svc/tyk-redis-master 6379:6379',
    );
    await expect(
      stepCard(page, 'us-east-backup-redis').getByRole('heading', {
        name: /Back up the Redis of data plane us-east/,
      }),
    ).toBeVisible();
    await expectNoA11yViolations(page);
  });
});

test.describe('open source on Docker Compose, in a downtime window', () => {
  test('the answers, page by page, make a plan in the order Tyk gives', async ({
    page,
    baseURL,
  }) => {
    await startPlan(page);
    await page.getByRole('radio', { name: 'Tyk Open Source' }).check();
    await page.getByRole('radio', { name: 'Docker Compose' }).check();
    await checkPage(page, 'oss-1-deployment');

    await next(page, 'Versions');
    await page.getByRole('combobox', { name: 'Current Gateway version' }).fill('v5.2.5');
    await page.getByRole('combobox', { name: 'Target Gateway version' }).fill('5.3.0');
    await page.getByRole('combobox', { name: 'Current Pump version' }).fill('1.8.0');
    await checkPage(page, 'oss-2-versions');

    await next(page, 'Preparation');
    await page.getByRole('radio', { name: 'Downtime window' }).check();
    await page.getByRole('textbox', { name: 'Downtime window, in minutes' }).fill('30');
    await checkPage(page, 'oss-3-preparation');
    await acceptPreparationToPlan(page);

    // Gateway, then Pump; the window opens before and closes after.
    expect(await upgradeStepIds(page)).toEqual(['upgrade-gateway', 'upgrade-pump']);
    const ids = await allStepIds(page);
    expect(ids.indexOf('open-maintenance-window')).toBeLessThan(ids.indexOf('upgrade-gateway'));
    expect(ids.indexOf('close-maintenance-window')).toBeGreaterThan(ids.indexOf('upgrade-pump'));
    // The summary names the window's length beside the strategy.
    const windowFact = page.locator('dt', { hasText: /^Window$/ });
    await expect(windowFact.locator('xpath=following-sibling::dd[1]')).toHaveText('30 minutes');
    await expectSharedAs(page, baseURL, openSourceCompose);
  });

  test('the backup and names pages', async ({ page, baseURL }) => {
    await openSharedPlan(page, baseURL, openSourceCompose);
    await checkBackupsAndNames(page, 'oss');
  });

  test('the plan passes axe, with a step’s commands copied', async ({ page, baseURL }) => {
    await openSharedPlan(page, baseURL, openSourceCompose);
    const exportStep = stepCard(page, 'backup-apis-policies');
    await exportStep.getByRole('button', { name: /^Copy all/ }).click();
    await expect(
      exportStep.getByRole('button', { name: /^Copied 2 commands of step/ }),
    ).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test('the plan: copy one and copy all, and fold a finished phase away', async ({
    page,
    baseURL,
  }) => {
    await openSharedPlan(page, baseURL, openSourceCompose);
    const ids = await allStepIds(page);
    const gateway = stepCard(page, 'upgrade-gateway');
    await copyCommand(
      page,
      gateway,
      'docker compose pull tyk-gateway && docker compose up -d --no-deps tyk-gateway',
    );
    // One shell command beside the compose snippet: nothing to copy all at once.
    await expect(gateway.getByRole('button', { name: /^Copy all/ })).toHaveCount(0);
    // Copy all puts the step's commands on the clipboard as one block to paste whole: the
    // secret is asked for before anything runs, and a failing command stops the rest.
    const exportStep = stepCard(page, 'backup-apis-policies');
    await expect(
      exportStep.getByText(
        'Copy all: one block that stops at the first failing command; paste it whole.',
      ),
    ).toBeVisible();
    await exportStep.getByRole('button', { name: /^Copy all/ }).click();
    await expect(
      exportStep.getByRole('button', { name: /^Copied 2 commands of step/ }),
    ).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      [
        '{',
        "read -rsp 'Gateway API secret (secret in tyk.conf): ' TYK_GW_SECRET && echo && export TYK_GW_SECRET &&",
        'curl -fsS -H "x-tyk-authorization: $TYK_GW_SECRET" "http://localhost:8080/tyk/apis" > /var/backups/tyk-upgrade/apis.json &&',
        'curl -fsS -H "x-tyk-authorization: $TYK_GW_SECRET" "http://localhost:8080/tyk/policies" > /var/backups/tyk-upgrade/policies.json &&',
        `echo 'All 2 commands of step "Export the API definitions and policies" finished.'`,
        `} || echo 'Step "Export the API definitions and policies" stopped at a failing command; the commands after it did not run.' >&2`,
      ].join('\n'),
    );
    await saveScreenshots(page, 'oss-6-plan');

    // Every step of the Back up phase done: it can fold away.
    const backupSection = page.getByRole('region', { name: 'Back up' });
    const backupIds = await backupSection
      .locator('article[data-step-id]')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-step-id') ?? ''));
    for (const id of backupIds) await tick(stepCard(page, id));
    await expect(backupSection.getByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      `${backupIds.length} of ${backupIds.length} done`,
    );

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Your upgrade plan' })).toBeVisible();
    await expectTicked(page, backupIds);
    await expectOverallProgress(page, backupIds.length, ids);
    await page.getByRole('checkbox', { name: 'Hide finished phases' }).check();
    await expect(backupSection.locator('article')).toHaveCount(0);
    await expect(backupSection.getByText(/steps are hidden/)).toBeVisible();
    await expect(stepCard(page, 'upgrade-gateway')).toBeVisible();
  });
});

test.describe('Tyk Cloud', () => {
  test('the answers, page by page, make a plan in the order Tyk gives', async ({
    page,
    baseURL,
  }) => {
    await startPlan(page);
    await page.getByRole('radio', { name: 'Tyk Cloud', exact: true }).check();
    await checkPage(page, 'cloud-1-deployment');

    await next(page, 'Versions');
    await page
      .getByRole('combobox', { name: 'Current Gateway and Dashboard version' })
      .fill('5.3.0');
    await page
      .getByRole('combobox', { name: 'Target Gateway and Dashboard version' })
      .fill('5.8.0');
    await checkPage(page, 'cloud-2-versions');

    await next(page, 'Preparation');
    await checkPage(page, 'cloud-3-preparation');
    await acceptPreparationToPlan(page);

    // The control plane in the Cloud console first, then the Cloud data planes.
    expect(await upgradeStepIds(page)).toEqual(['upgrade-control-plane', 'cloud-upgrade-gateway']);
    await expectSharedAs(page, baseURL, tykCloud);
  });

  test('the backup and names pages', async ({ page, baseURL }) => {
    await openSharedPlan(page, baseURL, tykCloud);
    await checkBackupsAndNames(page, 'cloud');
  });

  test('the plan passes axe, with a command copied', async ({ page, baseURL }) => {
    await openSharedPlan(page, baseURL, tykCloud);
    await copyCommand(
      page,
      stepCard(page, 'backup-apis-policies'),
      './backup.sh export --url "$TYK_DASHBOARD_URL" --secret "$TYK_DASHBOARD_API_KEY" --api-output /var/backups/tyk-upgrade/apis.json --policy-output /var/backups/tyk-upgrade/policies.json',
    );
    await expectNoA11yViolations(page);
  });

  test('the plan: the console runs the control plane, and ticks and unticks are kept', async ({
    page,
    baseURL,
  }) => {
    await openSharedPlan(page, baseURL, tykCloud);
    const ids = await allStepIds(page);
    await expect(page.getByText('Run by Tyk', { exact: true })).toBeVisible();
    await copyCommand(
      page,
      stepCard(page, 'backup-apis-policies'),
      './backup.sh export --url "$TYK_DASHBOARD_URL" --secret "$TYK_DASHBOARD_API_KEY" --api-output /var/backups/tyk-upgrade/apis.json --policy-output /var/backups/tyk-upgrade/policies.json',
    );
    await saveScreenshots(page, 'cloud-6-plan');

    const ticked = ['backup-apis-policies', 'upgrade-control-plane'];
    for (const id of ticked) await tick(stepCard(page, id));

    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: /^Tyk Cloud/ })).toBeVisible();
    await expectTicked(page, ticked);
    await expectOverallProgress(page, ticked.length, ids);
    // Unticking is kept as well.
    await stepCard(page, 'upgrade-control-plane')
      .getByRole('checkbox', { name: /^Done/ })
      .uncheck();
    await page.reload();
    await expectTicked(page, ['backup-apis-policies']);
    await expect(
      stepCard(page, 'upgrade-control-plane').getByRole('checkbox', { name: /^Done/ }),
    ).not.toBeChecked();
    await expectOverallProgress(page, 1, ids);
  });
});

test.describe('accepting the defaults', () => {
  test('reaches a complete plan in at most ten clicks @light-only', async ({ page }) => {
    let clicks = 0;
    async function click(target: Locator): Promise<void> {
      clicks += 1;
      await target.click();
    }

    await page.goto('./');
    await click(page.getByRole('link', { name: 'Start planning' }));
    await expectWizardPage(page, 'Your deployment');
    await click(page.getByRole('button', { name: 'Next: Versions' }));
    await expectWizardPage(page, 'Versions');
    await page
      .getByRole('combobox', { name: 'Current Gateway and Dashboard version' })
      .fill('5.3.0');
    await page
      .getByRole('combobox', { name: 'Target Gateway and Dashboard version' })
      .fill('5.8.0');
    for (const step of ['Preparation', 'Backups', 'Your names', 'Your plan']) {
      await click(page.getByRole('button', { name: `Next: ${step}` }));
      await expectWizardPage(page, pageTitles[step] ?? step);
    }

    expect(clicks).toBeLessThanOrEqual(10);
    await expect(
      page.getByRole('heading', { level: 2, name: /Gateway 5\.3\.0 to 5\.8\.0/ }),
    ).toBeVisible();
    expect(await upgradeStepIds(page)).toEqual([
      'upgrade-dashboard',
      'upgrade-gateway',
      'upgrade-pump',
    ]);
    await expect(page.getByRole('region', { name: 'Before you start: advisories' })).toBeVisible();
    const ids = await allStepIds(page);
    expect(ids.length).toBeGreaterThan(10);
    await expectOverallProgress(page, 0, ids);
  });
});

test.describe('guides', () => {
  const guideTitles = [
    'Upgrade strategies',
    'Upgrade order',
    'Go plugins and upgrades',
    'Backups before an upgrade',
    'Glossary',
    'About this wizard',
  ];

  test('a step links to its guide, which lists every guide', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('link', { name: 'Start planning' }).click();
    await expectWizardPage(page, 'Your deployment');
    await next(page, 'Versions');
    await page
      .getByRole('combobox', { name: 'Current Gateway and Dashboard version' })
      .fill('5.3.0');
    await page
      .getByRole('combobox', { name: 'Target Gateway and Dashboard version' })
      .fill('5.8.0');
    for (const step of ['Preparation', 'Backups', 'Your names', 'Your plan'])
      await next(page, step);

    await stepCard(page, 'upgrade-gateway')
      .getByRole('link', { name: /^Guide: / })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const list = page.getByRole('navigation', { name: 'All guides' });
    await expect(list.getByRole('link')).toHaveText([...guideTitles, 'Plan an upgrade']);
  });

  // One test per guide, each opened from the list on the page of the guide before it.
  guideTitles.forEach((title, index) => {
    const previous = guideTitles.at(index - 1) ?? title;
    test(`${title}: opens from the list of guides and is accessible`, async ({ page }) => {
      await page.goto('./#/guides/about');
      // The guide a link leads from is read first, as a user would before choosing the next.
      await expect(
        page.getByRole('heading', { level: 1, name: 'About this wizard' }),
      ).toBeVisible();
      const list = page.getByRole('navigation', { name: 'All guides' });
      if (previous !== 'About this wizard')
        await list.getByRole('link', { name: previous }).click();
      await expect(page.getByRole('heading', { level: 1, name: previous })).toBeVisible();

      await list.getByRole('link', { name: title }).click();
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByRole('article', { name: title })).toBeFocused();
      await expect(list.getByRole('link', { name: title })).toHaveAttribute('aria-current', 'page');
      await checkPage(page, `guide-${title.toLowerCase().replaceAll(' ', '-')}`);
    });
  });
});
