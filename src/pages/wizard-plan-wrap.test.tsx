import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPlan, defaultAnswers, toPlanInput, type DraftAnswers } from '@/rules';
import { WizardLayout } from '@/pages/wizard-layout';
import { WizardPlanPage } from '@/pages/wizard-plan-page';
import { openPlan, resetStore } from '@/test/wizard-test-router';
import { usePreferences } from '@/store/preferences';

const debianAnswers: DraftAnswers = {
  ...defaultAnswers,
  install: 'deb',
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0', to: '' },
};

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
  return render(<RouterProvider router={router} />);
}

/** The command blocks of the steps (a role query over all of them is slow in jsdom). */
/** The toggle, found by its text: a role query over the whole plan page is slow in jsdom. */
function wrapToggle(): HTMLElement {
  const toggle = screen.getByText(/Wrap long command lines$/, { selector: 'button' });
  expect(toggle).toHaveAccessibleName('Wrap long command lines');
  return toggle;
}

function commandGroups(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('article pre[role="group"]')];
}

beforeEach(() => {
  resetStore();
  usePreferences.setState({ wrapsCommands: false });
  Element.prototype.scrollIntoView = () => undefined;
});

describe('the wrap toggle of the plan page', () => {
  it('wraps every command of the steps and remembers it', async () => {
    const user = userEvent.setup();
    openPlan(debianAnswers);
    const { unmount } = renderPlanPage();

    const toggle = wrapToggle();
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(commandGroups().length).toBeGreaterThan(5);
    for (const group of commandGroups()) expect(group).not.toHaveAttribute('data-wrapped');

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    for (const group of commandGroups()) expect(group).toHaveAttribute('data-wrapped');
    expect(localStorage.getItem('tyk-upgrade-wizard.preferences')).toBe(
      '{"version":1,"wrapsCommands":true}',
    );

    // Opened again, the page keeps the choice.
    unmount();
    renderPlanPage();
    expect(wrapToggle()).toHaveAttribute('aria-pressed', 'true');
    for (const group of commandGroups()) expect(group).toHaveAttribute('data-wrapped');
  });

  it('copies the exact command while the lines are wrapped', async () => {
    const user = userEvent.setup();
    usePreferences.setState({ wrapsCommands: true });
    openPlan(debianAnswers);
    renderPlanPage();

    const result = buildPlan(toPlanInput(debianAnswers));
    const step = result.ok
      ? result.plan.phases
          .flatMap((phase) => phase.steps)
          .find(({ id }) => id === 'upgrade-gateway')
      : undefined;
    const commands = step?.commands ?? [];
    const index = commands.findIndex(({ code }) => code.includes('tyk-gateway=5.3.0'));
    expect(index).toBeGreaterThanOrEqual(0);
    const card = document.querySelector<HTMLElement>('[data-step-id="upgrade-gateway"]');
    if (card === null) throw new Error('the plan has the Gateway upgrade step');
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(
      within(card).getByRole('button', { name: new RegExp(`^Copy .*command ${index + 1}\\)$`) }),
    );
    expect(writeText).toHaveBeenCalledWith(commands[index]?.code);
  });
});
