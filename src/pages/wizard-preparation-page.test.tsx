import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { activeAnswers, openPlan, renderWizard, resetStore } from '@/test/wizard-test-router';
import { useWizardStore } from '@/store/wizard-store';
import { defaultAnswers, type DraftAnswers } from '@/rules';

const withVersions: DraftAnswers = {
  ...defaultAnswers,
  gateway: { from: '5.3.0', to: '5.8.2' },
  pump: { from: '1.8.0', to: '' },
};

beforeEach(resetStore);

describe('Preparation', () => {
  it('offers the strategies with what each needs and risks', async () => {
    openPlan(withVersions);
    renderWizard('/wizard/preparation');
    const group = await screen.findByRole('group', { name: 'Upgrade strategy' });
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    expect(within(group).getByRole('radio', { name: 'Rolling' })).toBeChecked();
    expect(within(group).getAllByText('Needs')).toHaveLength(3);
    expect(within(group).getAllByText('Risks')).toHaveLength(3);
    expect(screen.queryByRole('textbox', { name: /Downtime window/ })).toBeNull();
  });

  it.each([
    // Self-Managed runs its own Dashboards; a Hybrid data plane and an open-source Gateway have none.
    ['self-managed', ['dashboard', 'gateway'], true],
    ['cloud-hybrid', ['gateway'], false],
    ['oss', ['gateway', 'pump'], false],
  ] as const)(
    'asks a %s rolling upgrade for one Dashboard licence: %s',
    async (model, components, asks) => {
      openPlan({ ...withVersions, model, components: [...components] });
      renderWizard('/wizard/preparation');
      const rolling = await screen.findByRole('radio', { name: 'Rolling' });
      const card = rolling.closest('label') ?? rolling.parentElement?.parentElement;
      expect(card).toHaveTextContent(
        'At least two instances of each component behind a load balancer.',
      );
      if (asks) expect(card).toHaveTextContent('The same Dashboard licence on every Dashboard.');
      else expect(card).not.toHaveTextContent('Dashboard licence');
    },
  );

  it.each([
    ['0', true],
    ['-5', true],
    ['soon', true],
    ['1.5', true],
    ['90', false],
  ])('checks downtime minutes %j (error: %s)', async (typed, isError) => {
    openPlan(withVersions);
    const { user } = renderWizard('/wizard/preparation');
    await user.click(await screen.findByRole('radio', { name: 'Downtime window' }));
    const minutes = screen.getByRole('textbox', { name: 'Downtime window, in minutes' });
    await user.type(minutes, typed);
    expect(activeAnswers()?.downtimeMinutes).toBe(typed);
    if (isError) {
      expect(minutes).toBeInvalid();
      expect(minutes).toHaveAccessibleDescription(/is not a number of minutes/);
    } else {
      expect(minutes).toBeValid();
    }
  });

  it('ticks checklist items into the plan progress and links their guides', async () => {
    openPlan(withVersions);
    const { user } = renderWizard('/wizard/preparation');
    const checklist = await screen.findByRole('region', { name: 'Before the change window' });
    const boxes = within(checklist).getAllByRole('checkbox');
    expect(boxes.length).toBeGreaterThan(2);
    await user.click(boxes[0] as HTMLElement);
    const { plans, activePlanId } = useWizardStore.getState();
    const progress = plans[activePlanId ?? '']?.progress ?? {};
    expect(Object.keys(progress)).toHaveLength(1);
    expect(Object.keys(progress)[0]).toMatch(/^check:[a-z0-9-]+$/);
    expect(within(checklist).getByText(/^1 of \d+ checked/)).toBeVisible();
    const guide = within(checklist).getAllByRole('link', { name: /^Guide: / })[0];
    expect(guide).toHaveAttribute('href', expect.stringMatching(/^\/guides\/[a-z-]+$/));
  });

  it('waits for valid versions before showing the checklist', async () => {
    openPlan(defaultAnswers);
    renderWizard('/wizard/preparation');
    expect(await screen.findByText(/checklist appears once/)).toBeVisible();
  });
});

// Issue 9, item 10 (docs/sources.md: upgrade guide "Upgrade strategies", release notes 5.3.0):
// the green Dashboard migrates the data it reads, so blue-green asks whether green has a copy.
describe('Preparation: blue-green and the Dashboard database', () => {
  it('asks whether green gets its own copy, and keeps the answer', async () => {
    openPlan(withVersions);
    const { user } = renderWizard('/wizard/preparation');
    await user.click(await screen.findByRole('radio', { name: 'Blue-green' }));
    const group = screen.getByRole('group', {
      name: 'Does green get its own copy of the Dashboard database?',
    });
    expect(within(group).getByRole('radio', { name: 'Yes, a copy' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'No, both share one database' }));
    expect(activeAnswers()?.sharesDatabase).toBe(true);
  });
});
