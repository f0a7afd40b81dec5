import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPlan, type Plan, defaultAnswers, toPlanInput, type DraftAnswers } from '@/rules';
import { WizardLayout } from '@/pages/wizard-layout';
import { WizardPlanPage } from '@/pages/wizard-plan-page';
import { openPlan, resetStore } from '@/test/wizard-test-router';
import { useWizardStore } from '@/store/wizard-store';

const debianAnswers: DraftAnswers = {
  ...defaultAnswers,
  install: 'deb',
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0', to: '' },
};

function planOf(answers: DraftAnswers): Plan {
  const result = buildPlan(toPlanInput(answers));
  if (!result.ok) throw new Error('the test answers should make a plan');
  return result.plan;
}

function renderPlanPage(path = '/wizard/plan') {
  const router = createMemoryRouter(
    [
      {
        path: '/wizard',
        element: <WizardLayout />,
        children: [
          { path: 'deployment', element: <h1>Deployment page</h1> },
          { path: 'versions', element: <h1>Versions page</h1> },
          { path: 'plan', element: <WizardPlanPage /> },
        ],
      },
      { path: '/guides/:slug', element: <h1>A guide</h1> },
    ],
    { initialEntries: [path] },
  );
  const user = userEvent.setup();
  render(<RouterProvider router={router} />);
  return { router, user };
}

function progress(): Record<string, string> {
  const { plans, activePlanId } = useWizardStore.getState();
  return plans[activePlanId ?? '']?.progress ?? {};
}

beforeEach(() => {
  resetStore();
  // jsdom lays nothing out, so it has no scrollIntoView.
  Element.prototype.scrollIntoView = () => undefined;
});

describe('WizardPlanPage', () => {
  it('shows every step of the plan in order, numbered across phases', () => {
    openPlan(debianAnswers);
    renderPlanPage();
    const plan = planOf(debianAnswers);
    const ids = plan.phases.flatMap((phase) => phase.steps.map((step) => step.id));

    expect(screen.getByRole('heading', { level: 1, name: 'Your upgrade plan' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 2, name: plan.title })).toBeVisible();
    const cards = screen.getAllByRole('article');
    expect(cards.map((card) => card.dataset['stepId'])).toEqual(ids);
    expect(
      within(cards[ids.indexOf('upgrade-gateway')] as HTMLElement).getByRole('heading', {
        level: 3,
      }),
    ).toHaveTextContent(`${ids.indexOf('upgrade-gateway') + 1}. Upgrade the Gateway to 5.3.0`);
    const rollbacks = plan.phases.find((phase) => phase.kind === 'rollback');
    if (rollbacks === undefined) throw new Error('the plan should have a rollback phase');
    // The rollback steps are a contingency: they never count towards the progress.
    expect(screen.getByRole('progressbar', { name: 'Overall progress' })).toHaveAttribute(
      'aria-valuemax',
      String(ids.length - rollbacks.steps.length),
    );
    for (const phase of plan.phases.filter((candidate) => candidate !== rollbacks)) {
      expect(
        screen.getByRole('progressbar', { name: `Progress of ${phase.title}` }),
      ).toHaveAttribute('aria-valuetext', `0 of ${phase.steps.length} done`);
    }
    const rollbackSection = screen.getByRole('region', { name: rollbacks.title });
    expect(within(rollbackSection).queryByRole('progressbar')).toBeNull();
    expect(
      within(rollbackSection).getByText(/needed only if you roll back, and never to finish/),
    ).toBeVisible();
  });

  it('puts the advisories above the steps, the critical ones first', () => {
    openPlan(debianAnswers);
    renderPlanPage();

    const advisories = screen.getByRole('region', { name: 'Before you start: advisories' });
    const groups = within(advisories)
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(groups[0]).toMatch(/^Critical/);
    expect(
      advisories.compareDocumentPosition(screen.getByRole('region', { name: 'Steps' })) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('records when a step is ticked, and forgets it when unticked', async () => {
    openPlan(debianAnswers);
    const { user } = renderPlanPage();

    const card = screen.getByRole('article', { name: /Upgrade the Dashboard/ });
    const checkbox = within(card).getByRole('checkbox', { name: /^Done/ });
    await user.click(checkbox);
    expect(Object.keys(progress())).toEqual(['upgrade-dashboard']);
    expect(Number.isNaN(Date.parse(progress()['upgrade-dashboard'] ?? ''))).toBe(false);
    expect(within(card).getByText(/^Ticked/)).toBeVisible();
    expect(screen.getByRole('progressbar', { name: 'Overall progress' })).toHaveAttribute(
      'aria-valuenow',
      '1',
    );

    await user.click(checkbox);
    expect(progress()).toEqual({});
  });

  it('folds finished phases away when asked, and moves the focus to the folded phase', async () => {
    openPlan(debianAnswers);
    const plan = planOf(debianAnswers);
    const upgrade = plan.phases.find((phase) => phase.id === 'upgrade');
    if (upgrade === undefined) throw new Error('the plan should have an upgrade phase');
    const { user } = renderPlanPage();

    await user.click(screen.getByRole('checkbox', { name: 'Hide finished phases' }));
    const section = screen.getByRole('region', { name: upgrade.title });
    for (const step of upgrade.steps) {
      const card = within(section).getByRole('article', { name: new RegExp(step.title) });
      await user.click(within(card).getByRole('checkbox', { name: /^Done/ }));
    }

    expect(within(section).queryAllByRole('article')).toEqual([]);
    expect(within(section).getByText(/steps are hidden/)).toBeVisible();
    expect(within(section).getByRole('heading', { level: 2 })).toHaveFocus();

    await user.click(screen.getByRole('checkbox', { name: 'Hide finished phases' }));
    expect(within(section).getAllByRole('article')).toHaveLength(upgrade.steps.length);
    // A dozen clicks, each rendering the whole plan again: twice the limit of a test.
  }, 60_000);

  it('opens at the step a link names and gives it the focus', async () => {
    openPlan(debianAnswers);
    renderPlanPage('/wizard/plan?step=upgrade-pump');

    const card = screen.getByRole('article', { name: /Upgrade the Pump/ });
    await expect.poll(() => document.activeElement).toBe(card);
    expect(within(card).getByRole('link', { name: /^Link to step/ })).toHaveAttribute(
      'href',
      '/wizard/plan?step=upgrade-pump',
    );
  });

  it('opens at the phase a link names and gives its heading the focus', async () => {
    openPlan(debianAnswers);
    renderPlanPage('/wizard/plan?phase=verify');

    const heading = screen.getByRole('heading', { level: 2, name: 'Verify' });
    await expect.poll(() => document.activeElement).toBe(heading);
  });

  it('jumps from the navigator to the next step to do, which follows the ticks', async () => {
    openPlan(debianAnswers);
    const { router, user } = renderPlanPage();
    const nav = screen.getByRole('navigation', { name: 'Plan navigation' });
    const next = within(nav).getByRole('link', { name: 'Next step to do' });

    const first = screen.getByRole('article', { name: /Record the versions you run/ });
    await user.click(within(first).getByRole('checkbox', { name: /^Done/ }));
    expect(within(nav).getByText('1 of 26 done')).toBeInTheDocument();
    expect(next).toHaveAccessibleDescription(/^Step 2: /);

    await user.click(next);
    const second = screen.getAllByRole('article')[1];
    expect(second).toHaveFocus();
    expect(router.state.location.search).toBe('?step=strategy-prerequisites');

    // A second press, the address unchanged, still brings the step back.
    (screen.getAllByRole('article')[0] as HTMLElement).focus();
    await user.click(next);
    expect(second).toHaveFocus();

    await user.click(within(nav).getByRole('link', { name: /^After the upgrade, 0 of 4 done$/ }));
    expect(screen.getByRole('heading', { level: 2, name: 'After the upgrade' })).toHaveFocus();
    expect(router.state.location.search).toBe('?phase=after');
  });

  it('says so when a linked step is not in the plan', () => {
    openPlan(debianAnswers);
    renderPlanPage('/wizard/plan?step=no-such-step');
    expect(screen.getByText(/The linked step is not part of this plan/)).toBeVisible();
  });

  it('lists what stops the plan with links to the pages that fix it', () => {
    openPlan({ ...debianAnswers, gateway: { from: '5.3.0', to: '5.2.0' } });
    renderPlanPage();

    const errors = screen.getByRole('region', { name: /The plan cannot be built yet/ });
    const link = within(errors).getAllByRole('link')[0];
    expect(link).toHaveAttribute('href', '/wizard/versions');
    expect(within(errors).getAllByRole('listitem')[0]).toHaveTextContent(
      /^(Current|Target) Gateway version:/,
    );
    expect(screen.queryAllByRole('article')).toEqual([]);
  });
});

describe('the exports of a plan read from the deployment', () => {
  const { createObjectURL } = URL;
  let blobs: Blob[];

  beforeEach(() => {
    resetStore();
    blobs = [];
    // jsdom has no object URLs and cannot download: keep what would be saved.
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:test/${blobs.length}`;
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    URL.createObjectURL = createObjectURL;
  });

  it('puts the findings for the plan target in the JSON', async () => {
    openPlan(debianAnswers);
    useWizardStore.getState().setFindings({
      target: '5.3.0',
      findings: [
        {
          id: 'hash-keys-mismatch',
          severity: 'critical',
          title: 'Gateway and Dashboard hash keys differently',
          detail: 'Make hash_keys the same everywhere.',
          source: 'config-risks.md §2',
          evidence: [{ value: 'hash_keys true', file: 'tyk.conf', where: 'key hash_keys' }],
        },
        {
          id: 'sqlite-removed',
          severity: 'critical',
          title: 'SQLite storage, which the target removed',
          detail: 'Move the data.',
          source: 'Dashboard 5.7.0 release notes',
          evidence: [],
        },
      ],
    });
    const { user } = renderPlanPage();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    // The filter arrives lazily with the findings' own code. Text queries: the page is large.
    const note = await screen.findByText(
      /The findings from your deployment’s files follow the advisories\./,
      {},
      { timeout: 50_000 },
    );
    const panel = note.closest('section');
    if (panel === null) throw new Error('the note should be in the export panel');
    const download = within(panel).getByRole('button', { name: 'Download JSON' });
    await user.click(download);
    const body = JSON.parse(await (blobs[0] ?? new Blob()).text()) as {
      readonly title: string;
      readonly findingsCheckedFor: string;
      readonly findings: readonly { readonly id: string }[];
    };
    // sqlite-removed concerns targets from 5.7.0 only: the plan goes to 5.3.0.
    expect([body.title, body.findingsCheckedFor, body.findings.map((item) => item.id)]).toEqual([
      planOf(debianAnswers).title,
      '5.3.0',
      ['hash-keys-mismatch'],
    ]);
    // The whole suite shares two cores: loading the findings' code can take long.
  }, 60_000);
});
