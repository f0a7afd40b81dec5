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

describe('ChangeEstimatePanel during the change', () => {
  const estimate = estimateOfPlan(planOf(downtime(240)));
  const first = estimate.steps.find((step) => step.timing === 'change');

  it('shows nothing of the kind before a step of the change is ticked', () => {
    render(<ChangeEstimatePanel estimate={estimate} progress={{ 'announce-upgrade': 'x' }} />);
    expect(screen.queryByRole('table', { name: 'Elapsed against planned, per phase' })).toBeNull();
  });

  it('compares each phase with its estimate and projects the end from the ticks', () => {
    if (first === undefined) throw new Error('the plan has a step of the change');
    render(
      <ChangeEstimatePanel
        estimate={estimate}
        progress={{ [first.stepId]: '2026-03-07T22:00:00.000Z' }}
      />,
    );
    expect(
      screen.getByText(/^Projected end: about \d\d:\d\d, .* after the start \(on plan\)\.$/),
    ).toBeVisible();
    const table = screen.getByRole('table', { name: 'Elapsed against planned, per phase' });
    const rows = within(table).getAllByRole('row').slice(1);
    // The first phase has one step of the change, the one ticked: it is done.
    expect(rows[0]).toHaveTextContent(/^Prepare3 min3 mindone$/);
    expect(rows.at(-1)).toHaveTextContent(/–to do$/);
  });

  it('says how far behind the plan a slow step puts the end', () => {
    const [one, two] = estimate.steps.filter((step) => step.timing === 'change');
    if (one === undefined || two === undefined) throw new Error('the plan has steps of the change');
    // The second step ticked 30 minutes after the first, whatever its estimate: late by 30 less it.
    render(
      <ChangeEstimatePanel
        estimate={estimate}
        progress={{
          [one.stepId]: '2026-03-07T22:00:00.000Z',
          [two.stepId]: '2026-03-07T22:30:00.000Z',
        }}
      />,
    );
    expect(two.minutes).toBe(1);
    expect(screen.getByText(/\(29 min behind the plan\)\.$/)).toBeVisible();
  });
});
