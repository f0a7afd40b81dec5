import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { AnnouncementPanel } from '@/components/announcement-panel';
import {
  buildPlan,
  estimateOfPlan,
  type AnnouncementStepId,
  type ChangeDetails,
  type PlanInput,
} from '@/rules';

const input: PlanInput = {
  model: 'self-managed',
  install: 'docker',
  components: ['gateway', 'dashboard'],
  usesGoPlugins: false,
  database: 'postgres',
  gateway: { from: '5.2.5', to: '5.3.0' },
  strategy: 'downtime',
  downtimeMinutes: 240,
};

function Harness({ stepId }: { readonly stepId: AnnouncementStepId }) {
  const result = buildPlan(input);
  const [details, setDetails] = useState<ChangeDetails>({});
  if (!result.ok) throw new Error('the test answers should make a plan');
  return (
    <AnnouncementPanel
      plan={result.plan}
      estimate={estimateOfPlan(result.plan)}
      stepId={stepId}
      details={details}
      onDetailsChange={setDetails}
    />
  );
}

describe('AnnouncementPanel', () => {
  it('fills in the window and the people as they are typed, and copies the text', async () => {
    const user = userEvent.setup();
    render(<Harness stepId="announce-upgrade" />);
    await user.click(screen.getByText('The announcement to send before the change'));
    await user.type(screen.getByLabelText('Window starts'), '2026-03-07T22:00');
    await user.type(screen.getByLabelText('Contact'), '#platform-team');
    await user.type(screen.getByLabelText('Carried out by'), 'Ana Ruiz');
    expect(
      screen.getByRole('heading', { name: 'Planned Tyk upgrade: Saturday 7 March 2026, 22:00' }),
    ).toBeVisible();

    await user.click(
      screen.getByRole('button', {
        name: 'Copy text The announcement to send before the change as plain text',
      }),
    );
    const copied = await navigator.clipboard.readText();
    expect(copied).toMatch(/^Planned Tyk upgrade: Saturday 7 March 2026, 22:00\n/);
    expect(copied).toContain('An outage: the APIs are unavailable from about 22:');
    expect(copied).toContain('for up to 240 minutes');
    expect(copied).toContain('Questions or problems: #platform-team.');
    expect(copied).toContain('Carried out by Ana Ruiz.');
    expect(
      await screen.findByText(/^Copied .* as plain text to the clipboard\.$/),
    ).toBeInTheDocument();
  });

  it('copies the Markdown for the message after the change', async () => {
    const user = userEvent.setup();
    render(<Harness stepId="announce-complete" />);
    await user.click(screen.getByText('The message to send when it is done'));
    await user.type(screen.getByLabelText('Environment'), 'production');
    await user.click(
      screen.getByRole('button', {
        name: 'Copy Markdown The message to send when it is done as Markdown',
      }),
    );
    const copied = await navigator.clipboard.readText();
    expect(copied).toMatch(/^\*\*Tyk upgrade complete on production\*\*\n/);
    expect(copied).toContain('The APIs are available again.');
  });
});
