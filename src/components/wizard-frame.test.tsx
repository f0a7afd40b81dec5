import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { TextField } from '@/components/field';
import {
  WizardFrame,
  WizardFrameContext,
  type WizardFrameContextValue,
} from '@/components/wizard-frame';

const context: WizardFrameContextValue = {
  reachable: ['deployment', 'versions', 'preparation'],
  summary: [
    { label: 'Model', value: 'Tyk Self-Managed', step: 'deployment' },
    { label: 'Gateway', value: '5.3.0 → 5.8.2', step: 'versions' },
  ],
};

function renderFrame(page: ReactNode, path = '/wizard/versions') {
  const router = createMemoryRouter(
    [
      { path: '/wizard/:step', element: page },
      { path: '/', element: <h1>Home</h1> },
    ],
    { initialEntries: [path] },
  );
  render(
    <WizardFrameContext value={context}>
      <RouterProvider router={router} />
    </WizardFrameContext>,
  );
  return { router, user: userEvent.setup() };
}

describe('WizardFrame', () => {
  it('shows the six steps in order, the current one marked', () => {
    renderFrame(
      <WizardFrame step="versions" title="Versions" canContinue>
        <p>Content</p>
      </WizardFrame>,
    );
    const nav = screen.getByRole('navigation', { name: 'Wizard steps' });
    const items = within(nav).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      '1Step 1: Your deployment',
      '2Step 2: Versions',
      '3Step 3: Preparation',
      '4Step 4: Backups (answer the steps before it first)',
      '5Step 5: Your names (answer the steps before it first)',
      '6Step 6: Your plan (answer the steps before it first)',
    ]);
    expect(
      within(items[1] as HTMLElement)
        .getByText('Versions')
        .closest('[aria-current]'),
    ).toHaveAttribute('aria-current', 'step');
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/wizard/deployment', '/wizard/preparation']);
    expect(screen.getByText('Step 2 of 6')).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'Versions' })).toHaveFocus();
  });

  it('summarises the answers, linking to the steps that ask for them', () => {
    renderFrame(
      <WizardFrame step="versions" title="Versions" canContinue>
        <p>Content</p>
      </WizardFrame>,
    );
    const summary = screen.getByRole('complementary', { name: 'Your answers so far' });
    expect(
      within(summary).getByRole('link', { name: 'Tyk Self-Managed (change)' }),
    ).toHaveAttribute('href', '/wizard/deployment');
    // The current step's answers are on the page already.
    expect(within(summary).queryByRole('link', { name: /5.3.0/ })).toBeNull();
    expect(within(summary).getByText('5.3.0 → 5.8.2')).toBeVisible();
  });

  it('moves on with Next and back with Back', async () => {
    const onNext = vi.fn();
    const { router, user } = renderFrame(
      <WizardFrame step="versions" title="Versions" canContinue onNext={onNext}>
        <p>Content</p>
      </WizardFrame>,
    );
    expect(screen.getByRole('link', { name: /Back: Your deployment/ })).toHaveAttribute(
      'href',
      '/wizard/deployment',
    );
    await user.click(screen.getByRole('button', { name: /Next: Preparation/ }));
    expect(onNext).toHaveBeenCalledOnce();
    expect(router.state.location.pathname).toBe('/wizard/preparation');
  });

  it('lists the problems instead of moving on, each leading to its field', async () => {
    const onBlocked = vi.fn();
    const problems = [{ field: 'gateway.from', message: 'Enter the version you run now.' }];
    const { router, user } = renderFrame(
      <WizardFrame
        step="versions"
        title="Versions"
        canContinue={false}
        problems={problems}
        onBlocked={onBlocked}
      >
        <TextField
          field="gateway.from"
          label="Current version"
          value=""
          onChange={() => undefined}
        />
      </WizardFrame>,
    );
    const next = screen.getByRole('button', { name: /Next: Preparation/ });
    expect(next).toHaveAttribute('aria-disabled', 'true');
    await user.click(next);
    expect(router.state.location.pathname).toBe('/wizard/versions');
    expect(onBlocked).toHaveBeenCalledOnce();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveFocus();
    expect(alert).toHaveTextContent('Some answers need attention');
    await user.click(within(alert).getByRole('button', { name: 'Enter the version you run now.' }));
    expect(screen.getByRole('textbox', { name: 'Current version' })).toHaveFocus();
  });

  it('leads back to the saved plans from the first step and has no Next on the last', () => {
    renderFrame(
      <>
        <WizardFrame step="deployment" title="Your deployment" canContinue>
          <p>First</p>
        </WizardFrame>
        <WizardFrame step="plan" title="Your plan" canContinue>
          <p>Last</p>
        </WizardFrame>
      </>,
    );
    expect(screen.getByRole('link', { name: 'Saved plans' })).toHaveAttribute('href', '/');
    expect(screen.getAllByRole('button', { name: /^Next/ })).toHaveLength(1);
  });
});
