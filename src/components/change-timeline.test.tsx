import { cleanup, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildPlan, estimatePlan, type ChangeEstimate, type PlanInput } from '@/rules';
import { ChangeTimeline } from '@/components/change-timeline';

function estimateOf(input: PlanInput): ChangeEstimate {
  const result = buildPlan(input);
  if (!result.ok) throw new Error('the test answers should make a plan');
  return estimatePlan(result.plan);
}

// The README's example plan: its estimate is worked out by hand in src/rules/estimate.
const mdcbRolling = estimateOf({
  model: 'self-managed-mdcb',
  install: 'helm',
  components: ['gateway', 'dashboard', 'mdcb'],
  usesGoPlugins: false,
  dataPlanes: [{ name: 'eu-west' }, { name: 'us-east' }],
  gateway: { from: '5.0.0', to: '5.3.0' },
  mdcb: { from: '2.4.0' },
  strategy: 'rolling',
});

const dockerDowntime = estimateOf({
  model: 'self-managed',
  install: 'docker',
  components: ['gateway', 'dashboard', 'pump'],
  usesGoPlugins: false,
  database: 'postgres',
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0' },
  strategy: 'downtime',
  downtimeMinutes: 60,
});

/** The text of each body row's cells, the row header first. */
function cellsOf(table: HTMLElement): readonly (readonly (string | null)[])[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.children, (cell) => cell.textContent));
}

describe('ChangeTimeline', () => {
  it('is a captioned figure whose picture has a title and a description', () => {
    render(<ChangeTimeline estimate={mdcbRolling} />);

    const figure = screen.getByRole('figure', { name: 'Timeline of the change' });
    const picture = within(figure).getByRole('img', { name: 'Timeline of the change' });
    expect(picture).toHaveAccessibleDescription(
      'The change takes about 2 h 43 min in 6 phases. The point of no return is at 1:48. A full rollback from the worst point, at 2:43, takes 1 h 21 min more.',
    );
  });

  it('lists every phase with its times in the text equivalent, with the point of no return and the way back', () => {
    render(<ChangeTimeline estimate={mdcbRolling} title="The change window" />);

    const table = screen.getByRole('table', { name: 'The change window: times from the start' });
    const rows = cellsOf(table);
    expect(rows.slice(0, 7)).toEqual([
      // No step of its own sets the variables any more (issue 16): 3 minutes earlier throughout.
      ['Prepare', '0:00', '0:30', '30 min'],
      ['Back up', '0:30', '1:19', '49 min'],
      ['Upgrade the control plane', '1:19', '1:59', '40 min'],
      ['Upgrade data plane eu-west', '1:59', '2:10', '11 min'],
      ['Upgrade data plane us-east', '2:10', '2:21', '11 min'],
      ['Verify', '2:21', '2:43', '22 min'],
      [
        'Point of no return: after “Upgrade the Dashboard on the control plane to 5.3.0”',
        '1:48',
        '',
        '',
      ],
    ]);
    expect(rows[7]).toEqual([
      'Out of service: MDCB instance 1 of 2 on the control plane',
      '1:24',
      '1:27',
      '3 min',
    ]);
    expect(rows.slice(-1)).toEqual([
      ['Full rollback from the worst point, if needed', '2:43', '4:04', '1 h 21 min'],
    ]);
  });

  it('draws a band per phase, the point of no return and the rollback path', () => {
    render(<ChangeTimeline estimate={mdcbRolling} />);

    const picture = screen.getByRole('img', { name: 'Timeline of the change' });
    const labels = Array.from(picture.querySelectorAll('text'), (text) => text.textContent);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Prepare · 30 min',
        'Upgrade data plane us-east · 11 min',
        'Out of service, one instance at a time',
        'Full rollback, if needed · 1 h 21 min',
        'Point of no return 1:48',
      ]),
    );
    expect(labels).toContain('0:00');
    // Six phases, ten instances on one line, the rollback.
    expect(picture.querySelectorAll('rect')).toHaveLength(17);
  });

  it('shows the downtime window and the outage of a downtime plan', () => {
    render(<ChangeTimeline estimate={dockerDowntime} showTable />);

    const table = screen.getByRole('table', { name: /times from the start/ });
    expect(table).toBeVisible();
    expect(cellsOf(table)).toEqual(
      expect.arrayContaining([
        // Traffic stops after the rehearsal backups and their restore test (issue 16).
        ['Downtime window', '0:40', '1:40', '1 h'],
        ['Out of service: Every API unavailable', '0:40', '1:32', '52 min'],
      ]),
    );
    const labels = Array.from(
      screen.getByRole('img').querySelectorAll('text'),
      (text) => text.textContent,
    );
    expect(labels).toEqual(
      expect.arrayContaining(['Downtime window · 1 h', 'Every API unavailable · 52 min']),
    );
  });

  it('keeps the table for screen readers only unless asked to show it', () => {
    render(<ChangeTimeline estimate={mdcbRolling} />);
    // The box around it is hidden, since a table itself does not shrink to one pixel.
    expect(screen.getByRole('table').parentElement).toHaveClass('sr-only');
    cleanup();
    render(<ChangeTimeline estimate={mdcbRolling} showTable />);
    expect(screen.getByRole('table').parentElement).not.toHaveClass('sr-only');
  });
});
