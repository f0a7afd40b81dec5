import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SavedPlansList, type SavedPlanRow } from '@/components/saved-plans-list';

function rows(count: number): SavedPlanRow[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `plan-${index + 1}`,
    name: `Plan ${index + 1}`,
    model: 'Tyk Self-Managed',
    versions: 'Gateway 5.3.0 → 5.8.2',
    updatedAt: '2026-09-01T10:00:00.000Z',
    progress: null,
    resumePath: '/wizard/deployment',
  }));
}

const ignore = () => undefined;

function renderList(count: number): void {
  render(
    <MemoryRouter>
      <SavedPlansList
        plans={rows(count)}
        onOpen={ignore}
        onDuplicate={ignore}
        onRename={ignore}
        onDelete={ignore}
      />
    </MemoryRouter>,
  );
}

describe('SavedPlansList', () => {
  it('shows 20 plans at first and the rest 20 at a time, the focus on the first plan added', async () => {
    const user = userEvent.setup();
    renderList(45);
    expect(screen.getAllByRole('article')).toHaveLength(20);
    await user.click(screen.getByRole('button', { name: 'Show 20 more of 45 saved plans' }));
    expect(screen.getAllByRole('article')).toHaveLength(40);
    expect(screen.getByRole('article', { name: 'Plan 21' }).parentElement).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Show 5 more of 45 saved plans' }));
    expect(screen.getAllByRole('article')).toHaveLength(45);
    expect(screen.queryByRole('button', { name: /more of 45 saved plans/ })).toBeNull();
    // The button is gone with the last plans: the focus is on the first of them, not lost.
    expect(screen.getByRole('article', { name: 'Plan 41' }).parentElement).toHaveFocus();
  });

  it('offers no more button for 20 plans', () => {
    renderList(20);
    expect(screen.getAllByRole('article')).toHaveLength(20);
    expect(screen.queryByRole('button', { name: /more of/ })).toBeNull();
  });
});
