import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  PlanConflictAlert,
  planNamesText,
  SaveProblemAlert,
  type SaveProblemKind,
} from '@/components/storage-alerts';

describe('planNamesText', () => {
  it.each([
    [[], ''],
    [['Staging'], '“Staging”'],
    [['Staging', 'Production'], '“Staging” and “Production”'],
    [['A', 'B', 'C'], '“A”, “B” and “C”'],
    [['A', 'B', 'C', 'D'], '“A”, “B”, “C” and 1 more plan'],
    [['A', 'B', 'C', 'D', 'E'], '“A”, “B”, “C” and 2 more plans'],
  ])('%j reads %s', (names, expected) => {
    expect(planNamesText(names)).toBe(expected);
  });
});

describe('SaveProblemAlert', () => {
  it('says at once what is not saved, why, and offers every plan and another try', async () => {
    const onDownload = vi.fn();
    const onRetry = vi.fn();
    const user = userEvent.setup();
    render(
      <SaveProblemAlert
        kind="full"
        unsaved={['Staging', 'Production']}
        onDownload={onDownload}
        onRetry={onRetry}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Not saved: the storage of this browser is full');
    expect(alert).toHaveTextContent(
      'The latest changes to “Staging” and “Production” are kept in this tab only',
    );
    await user.click(screen.getByRole('button', { name: 'Download every plan (JSON)' }));
    expect(onDownload).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Try saving again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it.each<[SaveProblemKind, string, boolean]>([
    ['full', 'Not saved: the storage of this browser is full', true],
    ['unavailable', 'Not saved: this browser does not let the wizard store anything', true],
    ['newer-version', 'Not saved: a newer version of the wizard wrote your saved plans', false],
    [
      'no-room-to-keep-aside',
      'Not saved: there is no room to keep your unreadable data aside',
      false,
    ],
  ])('%s: titled “%s”, another try offered: %s', (kind, title, canRetry) => {
    render(<SaveProblemAlert kind={kind} unsaved={[]} onDownload={vi.fn()} onRetry={vi.fn()} />);
    expect(screen.getByRole('alert')).toHaveTextContent(title);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Plans you start or change are kept in this tab only',
    );
    expect(screen.queryAllByRole('button', { name: 'Try saving again' })).toHaveLength(
      canRetry ? 1 : 0,
    );
  });
});

describe('PlanConflictAlert: a plan changed in two tabs', () => {
  const mine = '2026-09-01T10:00:00.000Z';
  const theirs = '2026-09-01T10:05:00.000Z';

  it.each([
    ['Keep this tab’s version', 'mine'],
    ['Keep the other tab’s version', 'theirs'],
    ['Keep both', 'both'],
  ])('“%s” keeps %s', async (button, choice) => {
    const onChoose = vi.fn();
    const user = userEvent.setup();
    render(
      <PlanConflictAlert
        planName="Production"
        mineChangedAt={mine}
        theirsChangedAt={theirs}
        onChoose={onChoose}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Changed in two tabs at once');
    expect(alert).toHaveTextContent('“Production” was changed in another tab');
    expect(alert).toHaveTextContent('Nothing has been saved over either version.');
    await user.click(screen.getByRole('button', { name: button }));
    expect(onChoose).toHaveBeenCalledWith(choice);
  });

  it('offers to keep the plan or let it go when the other tab deleted it', async () => {
    const onChoose = vi.fn();
    const user = userEvent.setup();
    render(
      <PlanConflictAlert
        planName="Production"
        mineChangedAt={mine}
        theirsChangedAt={null}
        onChoose={onChoose}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      '“Production” was deleted in another tab while you were changing it here',
    );
    expect(screen.queryByRole('button', { name: 'Keep both' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Delete it' }));
    expect(onChoose).toHaveBeenLastCalledWith('theirs');
    await user.click(screen.getByRole('button', { name: 'Keep this tab’s version' }));
    expect(onChoose).toHaveBeenLastCalledWith('mine');
  });

  it('offers to bring the plan back or leave it deleted when this tab deleted it', async () => {
    const onChoose = vi.fn();
    const user = userEvent.setup();
    render(
      <PlanConflictAlert
        planName="Production"
        mineChangedAt={null}
        theirsChangedAt={theirs}
        onChoose={onChoose}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('after you deleted it here');
    await user.click(screen.getByRole('button', { name: 'Leave it deleted' }));
    expect(onChoose).toHaveBeenLastCalledWith('mine');
    await user.click(screen.getByRole('button', { name: 'Keep the other tab’s version' }));
    expect(onChoose).toHaveBeenLastCalledWith('theirs');
  });
});
