import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  defaultAnswers,
  isContingencyPhase,
  planForDraft,
  stepFingerprint,
  type DraftAnswers,
  type Plan,
} from '@/rules';
import { WizardLayout } from '@/pages/wizard-layout';
import { WizardPlanPage } from '@/pages/wizard-plan-page';
import { openPlan, resetStore } from '@/test/wizard-test-router';
import { useWizardStore } from '@/store/wizard-store';

// Gateway only, in Docker: the smallest plan there is (19 steps of the change, 4 rollbacks).
const small: DraftAnswers = {
  ...defaultAnswers,
  model: 'oss',
  install: 'docker',
  components: ['gateway'],
  gateway: { from: '5.3.0', to: '5.3.2' },
  pump: { from: '', to: '' },
};

const t1 = '2026-09-01T10:00:00.000Z';

function planOf(answers: DraftAnswers): Plan {
  const result = planForDraft(answers);
  if (!result.ok) throw new Error('the test answers should make a plan');
  return result.plan;
}

function renderPlanPage() {
  const router = createMemoryRouter(
    [
      {
        path: '/wizard',
        element: <WizardLayout />,
        children: [{ path: 'plan', element: <WizardPlanPage /> }],
      },
    ],
    { initialEntries: ['/wizard/plan'] },
  );
  const user = userEvent.setup();
  render(<RouterProvider router={router} />);
  return { user };
}

function saved() {
  const { plans, activePlanId } = useWizardStore.getState();
  const plan = plans[activePlanId ?? ''];
  if (plan === undefined) throw new Error('no plan is open');
  return plan;
}

/** Ticks steps as the plan page would, with what each tick is for. */
function tickAll(plan: Plan, ids: readonly string[]): void {
  const steps = plan.phases.flatMap((phase) => phase.steps);
  for (const id of ids) {
    const step = steps.find((candidate) => candidate.id === id);
    if (step === undefined) throw new Error(`no step ${id}`);
    useWizardStore.getState().setProgress(id, true, t1, stepFingerprint(step));
  }
}

function cardOf(title: RegExp): HTMLElement {
  return screen.getByRole('article', { name: title });
}

beforeEach(() => {
  resetStore();
  Element.prototype.scrollIntoView = () => undefined;
});

describe('progress counts the change, not the rollbacks', () => {
  it('is complete once every step of the change is done, with no rollback used', async () => {
    const plan = planOf(small);
    const change = plan.phases.filter((phase) => !isContingencyPhase(phase));
    const ids = change.flatMap((phase) => phase.steps.map((step) => step.id));
    expect(ids).toHaveLength(19);
    openPlan(small);
    tickAll(plan, ids.slice(0, -1));
    const { user } = renderPlanPage();

    const bar = screen.getByRole('progressbar', { name: 'Overall progress' });
    expect(bar).toHaveAttribute('aria-valuetext', '18 of 19 done');
    expect(screen.queryByText(/^Complete: every step of the change is done/)).toBeNull();

    const lastCard = document.querySelector(`[data-step-id="${ids.at(-1) ?? ''}"]`);
    await user.click(within(lastCard as HTMLElement).getByRole('checkbox', { name: /^Done: / }));
    expect(bar).toHaveAttribute('aria-valuetext', '19 of 19 done');
    expect(screen.getAllByText(/^Complete: every step of the change is done/)[0]).toBeVisible();
    expect(screen.getByText(/The 4 rollback steps are a contingency/)).toBeVisible();
  });

  it('marks a rollback step as used, which is recorded and changes no count', async () => {
    openPlan(small);
    const { user } = renderPlanPage();
    const rollbacks = planOf(small).phases.find(isContingencyPhase);
    const stepId = rollbacks?.steps[0]?.id ?? '';
    const card = document.querySelector(`[data-step-id="${stepId}"]`) as HTMLElement;
    const used = within(card).getByRole('checkbox', { name: /^Used: step \d+, / });
    await user.click(used);
    expect(used).toBeChecked();
    expect(saved().steps[stepId]?.usedAt).toMatch(/^\d{4}-/);
    expect(saved().progress).toEqual({});
    expect(screen.getByRole('progressbar', { name: 'Overall progress' })).toHaveAttribute(
      'aria-valuetext',
      '0 of 19 done',
    );
    // The rollback phase says so; the plan navigator counts it again beside its link.
    const section = screen.getByRole('region', { name: rollbacks?.title ?? '' });
    expect(within(section).getByText(/1 of 4 used/)).toBeVisible();
  });
});

describe('ticks that no longer hold', () => {
  it('takes away exactly the ticks of changed steps, says when they were ticked and how many', () => {
    const plan = planOf(small);
    openPlan(small);
    tickAll(plan, ['backup-folder', 'record-current-versions', 'upgrade-gateway']);
    useWizardStore.getState().updateAnswers({ gateway: { from: '5.3.0', to: '5.3.13' } });
    renderPlanPage();

    const upgrade = cardOf(/Upgrade the Gateway to 5\.3\.13/);
    expect(within(upgrade).getByRole('checkbox', { name: /^Done/ })).not.toBeChecked();
    expect(within(upgrade).getByText(/^Changed since you ticked it on/)).toHaveTextContent(
      /; check again\.$/,
    );
    const status = screen.getByText(/^1 tick was reset because the answers changed/);
    expect(status).toBeVisible();
    expect(
      within(status.parentElement as HTMLElement).getByRole('link', {
        name: /Upgrade the Gateway/,
      }),
    ).toBeVisible();
    expect(screen.getByRole('progressbar', { name: 'Overall progress' })).toHaveAttribute(
      'aria-valuenow',
      '2',
    );
    expect(Object.keys(saved().progress).sort()).toEqual([
      'backup-folder',
      'record-current-versions',
    ]);
    expect(saved().steps['upgrade-gateway']?.reset?.tickedAt).toBe(t1);
  });

  it('keeps a tick saved before fingerprints, and fingerprints it when the plan is shown', () => {
    openPlan(small);
    useWizardStore.getState().setProgress('upgrade-gateway', true, t1);
    renderPlanPage();
    expect(
      within(cardOf(/Upgrade the Gateway/)).getByRole('checkbox', { name: /^Done/ }),
    ).toBeChecked();
    expect(saved().steps['upgrade-gateway']?.tickedFor).toMatch(/^[0-9a-f]{16}$/);
    expect(screen.queryByText(/ticks? (was|were) reset/)).toBeNull();
  });
});

describe('skipped, failed and noted steps', () => {
  it('skips a step only with a reason, shows it with its time and counts it as settled', async () => {
    openPlan(small);
    const { user } = renderPlanPage();
    const card = cardOf(/Upgrade the Gateway/);
    await user.click(within(card).getByRole('button', { name: /^Skip…/ }));
    const reason = within(card).getByRole('textbox', { name: /Why is this step skipped\?/ });
    expect(reason).toHaveFocus();
    await user.click(within(card).getByRole('button', { name: 'Skip the step' }));
    expect(within(card).getByText(/^Say why the step is skipped/)).toBeVisible();
    expect(reason).toHaveAttribute('aria-invalid', 'true');

    await user.type(reason, 'Done by the platform team');
    await user.click(within(card).getByRole('button', { name: 'Skip the step' }));
    expect(within(card).getByText('Done by the platform team')).toBeVisible();
    expect(within(card).getByText('Skipped', { selector: 'strong' })).toBeVisible();
    expect(within(card).getByRole('button', { name: /^Edit skip/ })).toHaveFocus();
    expect(saved().steps['upgrade-gateway']?.skipped?.reason).toBe('Done by the platform team');
    expect(screen.getByRole('progressbar', { name: 'Overall progress' })).toHaveAttribute(
      'aria-valuenow',
      '1',
    );
    expect(screen.getByText(/1 step skipped with a reason among them/)).toBeVisible();
  });

  it('records a failure with its note, and a free note next to a tick', async () => {
    openPlan(small);
    const { user } = renderPlanPage();
    const card = cardOf(/Upgrade the Gateway/);
    await user.click(within(card).getByRole('button', { name: /^Failed or rolled back…/ }));
    await user.type(
      within(card).getByRole('textbox', { name: /What went wrong/ }),
      'Health check failed; rolled back',
    );
    await user.click(within(card).getByRole('button', { name: 'Record the failure' }));
    expect(within(card).getByText('Health check failed; rolled back')).toBeVisible();
    expect(screen.getByText('1 step failed or was rolled back.')).toBeVisible();

    await user.click(within(card).getByRole('button', { name: /^Note…/ }));
    await user.type(within(card).getByRole('textbox', { name: /^Note/ }), 'Paged the on-call');
    await user.click(within(card).getByRole('button', { name: 'Save the note' }));
    await user.click(within(card).getByRole('checkbox', { name: /^Done/ }));

    expect(saved().steps['upgrade-gateway']).toMatchObject({
      note: { text: 'Paged the on-call' },
    });
    expect(saved().steps['upgrade-gateway']?.failed).toBeUndefined();
    expect(within(card).getByText('Paged the on-call')).toBeVisible();
    expect(screen.queryByText('1 step failed or was rolled back.')).toBeNull();
  });

  it('cancels with Escape and gives the focus back, keeping nothing', async () => {
    openPlan(small);
    const { user } = renderPlanPage();
    const card = cardOf(/Upgrade the Gateway/);
    await user.click(within(card).getByRole('button', { name: /^Note…/ }));
    await user.type(within(card).getByRole('textbox', { name: /^Note/ }), 'draft');
    await user.keyboard('{Escape}');
    expect(within(card).getByRole('button', { name: /^Note…/ })).toHaveFocus();
    expect(saved().steps).toEqual({});
  });
});

describe('the change record', () => {
  it('keeps the cover fields with the plan and offers the record for export', async () => {
    openPlan(small);
    const { user } = renderPlanPage();
    const form = screen.getByRole('region', { name: 'The change' });
    await user.type(within(form).getByRole('textbox', { name: 'Change ticket' }), 'CHG-7');
    await user.tab();
    expect(saved().cover?.ticket).toBe('CHG-7');

    await user.click(screen.getByRole('button', { name: 'Export' }));
    const record = screen.getByRole('group', { name: 'Change record' });
    expect(
      within(record).getByRole('button', { name: 'Download change record (Markdown)' }),
    ).toBeVisible();
    expect(
      within(record).getByRole('button', { name: 'Download change record (JSON)' }),
    ).toBeVisible();
  });
});

describe('the announcements and the change fields', () => {
  it('fill the announcement with the change fields the plan keeps, and keep what is typed there', async () => {
    openPlan(small);
    useWizardStore.getState().setCover(
      {
        ticket: 'CHG-1042',
        environment: 'Production EU',
        windowStart: '2026-03-05T21:00',
        windowEnd: '',
        operator: 'Ana',
        approver: '',
      },
      t1,
    );
    const { user } = renderPlanPage();
    // The announcement's own fields, not the change fields' form above the plan.
    const summary = screen.getByText('The announcement to send before the change');
    const before = summary.closest('details');
    if (before === null) throw new Error('the plan has an announcement');
    await user.click(summary);
    expect(within(before).getByRole('textbox', { name: /^Change ticket/ })).toHaveValue('CHG-1042');
    expect(within(before).getByRole('textbox', { name: /^Environment/ })).toHaveValue(
      'Production EU',
    );
    // A field left empty on the cover stays empty here, for the user to fill in.
    expect(within(before).getByRole('textbox', { name: /^Approved by/ })).toHaveValue('');
    await user.type(within(before).getByRole('textbox', { name: /^Approved by/ }), 'Bo');
    expect(within(before).getByRole('textbox', { name: /^Approved by/ })).toHaveValue('Bo');
    expect(saved().cover?.approver).toBe('');
  });
});
