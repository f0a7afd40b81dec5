import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildPlan, type Plan } from '@/rules';
import { RunbookCover } from '@/components/runbook-cover';

function planOf(input: unknown): Plan {
  const result = buildPlan(input);
  if (!result.ok) throw new Error('the test answers should make a plan');
  return result.plan;
}

const mdcbPlan = planOf({
  model: 'self-managed-mdcb',
  install: 'helm',
  components: ['gateway', 'dashboard', 'pump', 'mdcb'],
  usesGoPlugins: true,
  database: 'postgres',
  dataPlanes: [{ name: 'eu-west' }, { name: 'us-east' }],
  gateway: { from: '5.3.0', to: '5.8.0' },
  pump: { from: '1.9.0' },
  mdcb: { from: '2.5.0' },
  strategy: 'rolling',
});

const link = 'https://example.test/tyk-upgrade-wizard/#/s/eyJ2IjoxfQ';
const generatedOn = new Date(2026, 2, 5, 14, 30);

function renderCover(plan = mdcbPlan) {
  render(<RunbookCover plan={plan} link={link} generatedOn={generatedOn} />);
}

describe('RunbookCover', () => {
  it('names the plan and the deployment, with the date it was generated', () => {
    renderCover();

    expect(screen.getByRole('heading', { level: 1, name: mdcbPlan.title })).toBeVisible();
    expect(screen.getByText(/Tyk Upgrade Wizard/)).toBeVisible();
    expect(screen.getByText('Tyk Self-Managed with MDCB')).toBeVisible();
    expect(screen.getByText('Helm')).toBeVisible();
    expect(screen.getByText('PostgreSQL')).toBeVisible();
    expect(screen.getByText('eu-west, us-east')).toBeVisible();
    expect(screen.getByText('Rolling')).toBeVisible();
    const date = screen.getByText('5 March 2026');
    expect(date).toHaveAttribute('dateTime', '2026-03-05');
    const steps = mdcbPlan.phases.reduce((total, phase) => total + phase.steps.length, 0);
    expect(screen.getByText(new RegExp(`^${steps} steps in ${mdcbPlan.phases.length} phases`)));
  });

  it('lists the current and target version of every component', () => {
    renderCover();

    const table = screen.getByRole('table', { name: 'Versions' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Gateway5.3.05.8.0',
      'Dashboard5.3.05.8.0',
      `Pump1.9.0${mdcbPlan.versions[2]?.to} (recommended by the compatibility matrix)`,
      `MDCB2.5.0${mdcbPlan.versions[3]?.to} (recommended by the compatibility matrix)`,
    ]);
    expect(within(table).getByRole('row', { name: /^Gateway 5\.3\.0 5\.8\.0$/ })).toBeVisible();
  });

  it('gives the plan link as text and as a QR code', () => {
    renderCover();

    expect(screen.getByRole('link', { name: link })).toHaveAttribute('href', link);
    expect(screen.getByRole('img', { name: 'QR code of the plan link' })).toBeVisible();
  });

  it('shows the window of a downtime plan and says Tyk runs a Cloud deployment', () => {
    renderCover(
      planOf({
        model: 'cloud',
        components: ['gateway', 'dashboard'],
        usesGoPlugins: false,
        gateway: { from: '5.3.0', to: '5.8.0' },
        strategy: 'downtime',
        downtimeMinutes: 45,
      }),
    );

    expect(screen.getByText('Run by Tyk')).toBeVisible();
    // The summary names the window; the estimate's timeline has a row of that name too.
    expect(screen.getAllByText('Downtime window')[0]).toBeVisible();
    expect(screen.getByText('45 minutes')).toBeVisible();
    expect(screen.getByRole('region', { name: 'Time estimate' })).toBeVisible();
    expect(screen.queryByText('Database')).not.toBeInTheDocument();
  });
});
