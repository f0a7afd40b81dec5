import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { openPlan, renderWizard, resetStore } from '@/test/wizard-test-router';
import { buildPlan, defaultAnswers, toPlanInput, type DraftAnswers } from '@/rules';
import { useWizardStore } from '@/store/wizard-store';

const complete: DraftAnswers = {
  ...defaultAnswers,
  gateway: { from: '5.3.0', to: '5.8.2' },
  pump: { from: '1.8.0', to: '' },
};

function planNamed(name: string) {
  return screen.getByRole('article', { name });
}

/**
 * The landing page once its saved plans are listed: their code loads on demand, so the first test
 * to open the page waits for it, and no test relies on an earlier one having loaded it.
 */
async function renderLanding() {
  const rendered = renderWizard('/');
  await waitFor(() =>
    expect(screen.getByRole('region', { name: 'Your saved plans' })).not.toHaveAttribute(
      'aria-busy',
      'true',
    ),
  );
  return rendered;
}

beforeEach(resetStore);

describe('Landing page', () => {
  it('keeps its heading and starts a new plan from the defaults', async () => {
    const first = openPlan(complete);
    const { user, router } = await renderLanding();
    expect(
      screen.getByRole('heading', { level: 1, name: /Upgrade Tyk with a runbook/ }),
    ).toBeVisible();
    await user.click(screen.getByRole('link', { name: 'Start planning' }));
    expect(router.state.location.pathname).toBe('/wizard/deployment');
    const { activePlanId, order } = useWizardStore.getState();
    expect(activePlanId).not.toBe(first);
    expect(order).toHaveLength(2);
    expect(await screen.findByRole('radio', { name: 'Tyk Self-Managed' })).toBeChecked();
  });

  it('says when there are no saved plans', async () => {
    await renderLanding();
    expect(screen.getByText(/No saved plans yet/)).toBeVisible();
  });

  it('lists saved plans with their model, versions, last change and progress', async () => {
    openPlan(complete);
    openPlan(defaultAnswers);
    await renderLanding();
    const list = screen.getByRole('region', { name: 'Your saved plans' });
    expect(within(list).getAllByRole('article')).toHaveLength(2);
    const first = planNamed('Docker Compose · Gateway 5.3.0 → 5.8.2');
    expect(within(first).getByText('Tyk Self-Managed')).toBeVisible();
    expect(within(first).getByText('Gateway 5.3.0 → 5.8.2')).toBeVisible();
    expect(within(first).getByText(/2026/)).toHaveAttribute('datetime', '2026-09-01T10:00:00.000Z');
    const second = planNamed('Docker Compose');
    expect(within(second).getByText('Not given yet')).toBeVisible();
    expect(within(second).getByText(/not complete yet/)).toBeVisible();
  });

  it('shows how far a complete plan has got, and resumes it at the plan', async () => {
    openPlan(complete);
    const built = buildPlan(toPlanInput(complete));
    // The steps of the change: the rollback phase is a contingency and never counts.
    const stepIds = built.ok
      ? built.plan.phases
          .filter((phase) => phase.kind !== 'rollback')
          .flatMap((phase) => phase.steps.map((s) => s.id))
      : [];
    useWizardStore.getState().setProgress(stepIds[0] ?? '', true, '2026-09-01T11:00:00.000Z');
    useWizardStore.getState().setProgress('check:not-a-step', true, '2026-09-01T11:00:00.000Z');
    const { user, router } = await renderLanding();
    const bar = screen.getByRole('progressbar', {
      name: 'Progress of Docker Compose · Gateway 5.3.0 → 5.8.2',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '1');
    expect(bar).toHaveAttribute('aria-valuemax', String(stepIds.length));
    await user.click(
      screen.getByRole('link', { name: 'Resume Docker Compose · Gateway 5.3.0 → 5.8.2' }),
    );
    expect(router.state.location.pathname).toBe('/wizard/plan');
  });

  it('resumes a plan where it needs an answer', async () => {
    const first = openPlan(defaultAnswers);
    openPlan(defaultAnswers);
    const { user, router } = await renderLanding();
    await user.click(screen.getByRole('link', { name: 'Resume Docker Compose' }));
    expect(useWizardStore.getState().activePlanId).toBe(first);
    expect(router.state.location.pathname).toBe('/wizard/versions');
  });

  it('renames a plan inline, and Escape cancels', async () => {
    const id = openPlan(defaultAnswers);
    const { user } = await renderLanding();
    await user.click(screen.getByRole('button', { name: 'Rename Docker Compose' }));
    const input = screen.getByRole('textbox', { name: 'New name for Docker Compose' });
    expect(input).toHaveFocus();
    await user.clear(input);
    expect(screen.getByText('Enter a name.')).toBeVisible();
    await user.type(input, 'Production EU{Enter}');
    expect(useWizardStore.getState().plans[id]?.name).toBe('Production EU');
    expect(screen.getByRole('button', { name: 'Rename Production EU' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Rename Production EU' }));
    await user.type(screen.getByRole('textbox', { name: /New name/ }), ' draft{Escape}');
    expect(useWizardStore.getState().plans[id]?.name).toBe('Production EU');
  });

  it('duplicates a plan', async () => {
    openPlan(complete);
    const { user } = await renderLanding();
    await user.click(
      screen.getByRole('button', { name: 'Duplicate Docker Compose · Gateway 5.3.0 → 5.8.2' }),
    );
    expect(planNamed('Docker Compose · Gateway 5.3.0 → 5.8.2 (copy)')).toBeVisible();
    expect(useWizardStore.getState().order).toHaveLength(2);
  });

  it('deletes a plan only after confirmation', async () => {
    openPlan(defaultAnswers);
    const { user } = await renderLanding();
    await user.click(screen.getByRole('button', { name: 'Delete Docker Compose' }));
    expect(screen.getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(useWizardStore.getState().order).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Delete Docker Compose' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Delete Docker Compose' }));
    expect(screen.getByText(/This cannot be undone/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Delete plan Docker Compose' }));
    expect(useWizardStore.getState().order).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'Your saved plans' })).toHaveFocus();
  });

  it('shows the notice about unreadable data until it is dismissed', async () => {
    useWizardStore.setState({ notice: 'Some saved data could not be read and was reset.' });
    const { user } = await renderLanding();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Some saved data could not be read');
    await user.click(within(status).getByRole('button', { name: 'Dismiss this message' }));
    expect(screen.queryByText(/could not be read/)).toBeNull();
    expect(useWizardStore.getState().notice).toBeNull();
  });
});
