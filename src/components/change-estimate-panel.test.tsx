import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChangeEstimatePanel } from '@/components/change-estimate-panel';
import { RunbookEstimate } from '@/components/runbook-estimate';
import { buildPlan, estimateOfPlan, type Plan, type PlanInput } from '@/rules';

function planOf(input: PlanInput): Plan {
  const result = buildPlan(input);
  if (!result.ok) throw new Error('the test answers should make a plan');
  return result.plan;
}

const downtime = (minutes: number): PlanInput => ({
  model: 'self-managed',
  install: 'docker',
  components: ['gateway', 'dashboard'],
  usesGoPlugins: false,
  database: 'postgres',
  gateway: { from: '5.2.5', to: '5.3.0' },
  strategy: 'downtime',
  downtimeMinutes: minutes,
});

describe('ChangeEstimatePanel', () => {
  it('warns when the downtime window cannot hold the change and a rollback, and says what to change', () => {
    render(<ChangeEstimatePanel estimate={estimateOfPlan(planOf(downtime(30)))} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The downtime window is too short');
    expect(alert).toHaveTextContent(/longer than the 30-minute window/);
    const fixes = within(alert)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(fixes[0]).toMatch(/^Ask for a window of at least /);
    expect(fixes[1]).toMatch(/^Use blue-green instead/);
  });

  it('says the window holds everything when it does, with no warning', () => {
    render(<ChangeEstimatePanel estimate={estimateOfPlan(planOf(downtime(24 * 60)))} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/^The 1440-minute window holds the upgrade/)).toBeVisible();
  });

  it('shows the total, the point of no return, the rollback and the figures it assumes', () => {
    const input: PlanInput = {
      ...downtime(60),
      strategy: 'rolling',
      estimate: { instances: { gateway: 3 } },
    };
    const { downtimeMinutes: _ignored, ...rolling } = input;
    void _ignored;
    render(<ChangeEstimatePanel estimate={estimateOfPlan(planOf(rolling))} />);
    const region = screen.getByRole('region', { name: 'Time estimate' });
    const terms = within(region)
      .getAllByRole('term')
      .map((term) => term.textContent);
    expect(terms).toEqual([
      'The change',
      'Point of no return',
      'Full rollback from the worst point',
      'Before the day',
      'Assumes',
    ]);
    expect(
      within(region).getByText(
        /^Gateway instances: 3; Dashboard instances: 2 \(default estimate\)/,
      ),
    ).toBeVisible();
    expect(within(region).getByRole('img', { name: 'Timeline of the change' })).toBeVisible();
  });
});

describe('RunbookEstimate', () => {
  it('prints the figures, the fixes for a short window and the timeline with its table', () => {
    render(<RunbookEstimate plan={planOf(downtime(30))} />);
    const region = screen.getByRole('region', { name: 'Time estimate' });
    expect(within(region).getByText('Downtime window too short')).toBeVisible();
    expect(region).toHaveTextContent('The downtime window is too short. What to change:');
    expect(within(region).getByRole('img', { name: 'Timeline of the change' })).toBeVisible();
    expect(
      within(region).getByRole('table', { name: 'Timeline of the change: times from the start' }),
    ).toBeVisible();
  });
});
