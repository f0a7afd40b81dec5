import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { PlanNavigator } from '@/components/plan-navigator';
import {
  nextStepToDo,
  planProgress,
  type Phase,
  type PlanProgress,
  type Step,
  type StepRecord,
} from '@/rules';

function step(id: string): Step {
  return { id, title: `Title of ${id}`, detail: '', kind: 'prepare', commands: [] };
}

function phase(id: string, kind: Phase['kind'], title: string, ids: readonly string[]): Phase {
  return { id, kind, title, detail: '', steps: ids.map(step) };
}

// Three phases of the change and the rollbacks between them, as a plan orders them.
const plan = {
  phases: [
    phase('prepare', 'prepare', 'Prepare', ['a', 'b']),
    phase('backup', 'backup', 'Back up', ['c', 'd', 'e']),
    phase('rollback', 'rollback', 'If you need to roll back', ['r1', 'r2']),
    phase('after', 'after', 'After the upgrade', ['f']),
  ],
};

const at = '2026-09-01T10:00:00.000Z';

function renderNavigator(ticked: readonly string[], records: Record<string, StepRecord> = {}) {
  const ticks = Object.fromEntries(ticked.map((id) => [id, at]));
  const progress: PlanProgress = planProgress(
    plan,
    (id) => ticks[id] !== undefined || records[id]?.skipped !== undefined,
    (id) => records[id]?.usedAt !== undefined,
  );
  const onJumpToStep = vi.fn();
  const onJumpToPhase = vi.fn();
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <PlanNavigator
        phases={plan.phases}
        progress={progress}
        nextStep={nextStepToDo(plan, ticks, records)}
        stepPath={(id) => `/wizard/plan?step=${id}`}
        phasePath={(id) => `/wizard/plan?phase=${id}`}
        onJumpToStep={onJumpToStep}
        onJumpToPhase={onJumpToPhase}
      />
    </MemoryRouter>,
  );
  const nav = screen.getByRole('navigation', { name: 'Plan navigation' });
  return { nav, user, onJumpToStep, onJumpToPhase };
}

function phaseLinks(nav: HTMLElement): string[] {
  return within(within(nav).getByRole('list', { name: 'Phases' }))
    .getAllByRole('link')
    .map((link) => `${link.getAttribute('aria-label') ?? ''} | ${link.textContent}`);
}

describe('PlanNavigator', () => {
  it('counts the change, each phase and the rollbacks used, with no second progress bar', () => {
    const { nav } = renderNavigator(['a', 'b', 'c'], { r2: { usedAt: at } });

    expect(within(nav).getByText('3 of 6 done')).toBeVisible();
    // The name a screen reader gives each link | what the screen shows in it.
    expect(phaseLinks(nav)).toEqual([
      'Prepare, 2 of 2 done | Prepare✓ 2 of 2',
      'Back up, 1 of 3 done | Back up1 of 3',
      'If you need to roll back, 1 of 2 used | If you need to roll back1 of 2 used',
      'After the upgrade, 0 of 1 done | After the upgrade0 of 1',
    ]);
    expect(within(nav).queryByRole('progressbar')).toBeNull();
  });

  // [name, ticked, records, the next step link's description, its address]
  const targets: readonly [
    string,
    readonly string[],
    Record<string, StepRecord>,
    string,
    string,
  ][] = [
    ['nothing done: the first step', [], {}, 'Step 1: Title of a', '/wizard/plan?step=a'],
    [
      'a skipped step is passed over',
      ['a'],
      { b: { skipped: { at, reason: 'Not needed here' } } },
      'Step 3: Title of c',
      '/wizard/plan?step=c',
    ],
    [
      'the rollbacks are passed over, their numbers counted',
      ['a', 'b', 'c', 'd', 'e'],
      {},
      'Step 8: Title of f',
      '/wizard/plan?step=f',
    ],
  ];
  it.each(targets)('points at the next step to do: %s', (_name, ticked, records, step, href) => {
    const { nav } = renderNavigator(ticked, records);
    const link = within(nav).getByRole('link', { name: 'Next step to do' });
    expect(link).toHaveAccessibleDescription(step);
    expect(link).toHaveAttribute('href', href);
  });

  it('marks the phase of the next step as the current one', () => {
    const { nav } = renderNavigator(['a', 'b']);
    const current = within(nav).getByRole('link', { current: 'step' });
    expect(current).toHaveTextContent(/^Back up/);
    expect(nav).toHaveTextContent('now in Back up (0 of 3)');
  });

  it('says the plan is complete instead of pointing at a step, whatever the rollbacks', () => {
    const { nav } = renderNavigator(['a', 'b', 'c', 'd', 'e', 'f']);

    expect(within(nav).getByText('6 of 6 done')).toBeVisible();
    expect(within(nav).getByText('The plan is complete.')).toBeVisible();
    expect(within(nav).queryByRole('link', { name: /^Next step to do/ })).toBeNull();
    expect(within(nav).queryByRole('link', { current: 'step' })).toBeNull();
  });

  it('jumps in the page when a link is followed with a plain click or the keyboard', async () => {
    const { nav, user, onJumpToStep, onJumpToPhase } = renderNavigator(['a']);
    const next = within(nav).getByRole('link', { name: /^Next step to do/ });

    // With Control held the browser opens the address in a new tab: no jump in this page.
    await user.keyboard('{Control>}');
    await user.click(next);
    await user.keyboard('{/Control}');
    expect(onJumpToStep).not.toHaveBeenCalled();

    await user.click(next);
    expect(onJumpToStep).toHaveBeenCalledWith('b');

    within(nav)
      .getByRole('link', { name: /^After the upgrade/ })
      .focus();
    await user.keyboard('{Enter}');
    expect(onJumpToPhase).toHaveBeenCalledWith('after');
  });

  it('opens and folds the list of phases from the keyboard, Escape giving the focus back', async () => {
    const { nav, user, onJumpToPhase } = renderNavigator([]);
    const toggle = within(nav).getByRole('button', { name: 'Phases' });
    const list = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(list?.className).toMatch(/(^| )hidden( |$)/);

    // The count, the toggle, the next step, then the phases: one Tab each, in reading order.
    await user.tab();
    expect(toggle).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(list?.className).not.toMatch(/(^| )hidden( |$)/);
    await user.tab();
    expect(within(nav).getByRole('link', { name: /^Next step to do/ })).toHaveFocus();
    await user.tab();
    expect(within(nav).getByRole('link', { name: /^Prepare/ })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();

    await user.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.tab();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(onJumpToPhase).toHaveBeenCalledWith('prepare');
    // Following a phase folds the list, which lies over the plan on a phone.
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('folds the list once the keyboard leaves the navigator', async () => {
    render(<button type="button">After the navigator</button>);
    const { nav, user } = renderNavigator([]);
    const toggle = within(nav).getByRole('button', { name: 'Phases' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    await user.click(screen.getByRole('button', { name: 'After the navigator' }));
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });
});
