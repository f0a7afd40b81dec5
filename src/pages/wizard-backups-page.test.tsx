import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildPlan, defaultAnswers, toPlanInput, type DraftAnswers } from '@/rules';
import { openPlan, renderWizard, resetStore } from '@/test/wizard-test-router';
import { useWizardStore } from '@/store/wizard-store';

const withVersions: DraftAnswers = {
  ...defaultAnswers,
  gateway: { from: '5.3.0', to: '5.8.2' },
  pump: { from: '1.8.0', to: '' },
};

function backupStepIds(answers: DraftAnswers): readonly string[] {
  const result = buildPlan(toPlanInput(answers));
  if (!result.ok) throw new Error('the test answers should make a plan');
  return result.plan.phases
    .filter((phase) => phase.kind === 'backup')
    .flatMap((phase) => phase.steps.map((step) => step.id));
}

beforeEach(resetStore);

describe('Backups', () => {
  it('shows the backup steps of the plan with their commands', async () => {
    openPlan(withVersions);
    renderWizard('/wizard/backups');
    const ids = backupStepIds(withVersions);
    expect(ids.length).toBeGreaterThan(0);
    const steps = await screen.findAllByRole('article');
    expect(steps.map((step) => step.dataset['stepId'])).toEqual(ids);
    expect(within(steps[0] as HTMLElement).getAllByRole('group').length).toBeGreaterThan(0);
    expect(screen.getByText(`0 of ${ids.length} backups done.`)).toBeVisible();
  });

  it('ticks a backup under the same key the plan uses', async () => {
    openPlan(withVersions);
    const { user } = renderWizard('/wizard/backups');
    const [firstId] = backupStepIds(withVersions);
    const [first] = await screen.findAllByRole('article');
    await user.click(within(first as HTMLElement).getByRole('checkbox', { name: /^Done/ }));
    const { plans, activePlanId } = useWizardStore.getState();
    expect(Object.keys(plans[activePlanId ?? '']?.progress ?? {})).toEqual([firstId]);
    expect(screen.getByText(/^1 of \d+ backups done/)).toBeVisible();
  });

  it('uses the default names while the user’s names are not valid yet', async () => {
    openPlan({ ...withVersions, names: { composeDir: 'bad;dir' } });
    renderWizard('/wizard/backups');
    expect(await screen.findByText(/These commands use Tyk's default names/)).toBeVisible();
    expect(screen.getAllByRole('article').length).toBeGreaterThan(0);
  });

  it('waits for the versions', async () => {
    openPlan(defaultAnswers);
    renderWizard('/wizard/backups');
    expect(await screen.findByText(/backups appear once/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to the versions' })).toHaveAttribute(
      'href',
      '/wizard/versions',
    );
  });
});
