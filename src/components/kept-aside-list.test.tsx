import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { KeptAsideList, type KeptAsideEntry } from '@/components/kept-aside-list';

const entries: readonly KeptAsideEntry[] = [
  {
    key: 'tyk-upgrade-wizard.kept-aside.2026-09-01T10:00:00.000Z',
    keptAt: '2026-09-01T10:00:00.000Z',
    characters: 1234,
  },
  { key: 'tyk-upgrade-wizard.kept-aside.bad', keptAt: 'not a time', characters: 7 },
];

describe('KeptAsideList', () => {
  it('shows nothing when nothing was kept aside', () => {
    const { container } = render(
      <KeptAsideList entries={[]} onDownload={vi.fn()} onDelete={vi.fn()} />,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('lists each copy with its size and downloads the one asked for', async () => {
    const onDownload = vi.fn();
    const user = userEvent.setup();
    render(<KeptAsideList entries={entries} onDownload={onDownload} onDelete={vi.fn()} />);
    const region = screen.getByRole('region', { name: 'Saved data kept aside' });
    expect(region).toHaveTextContent('could not read this data, so it was kept as it was');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText(/Kept aside on .*2026.* \(1,234 characters\)/)).toBeVisible();
    expect(screen.getByText('Kept aside (7 characters)')).toBeVisible();
    await user.click(
      screen.getByRole('button', { name: 'Download the data kept aside (Kept aside)' }),
    );
    expect(onDownload).toHaveBeenCalledWith('tyk-upgrade-wizard.kept-aside.bad');
  });

  it('deletes a copy only once the user confirms', async () => {
    const onDelete = vi.fn();
    const user = userEvent.setup();
    render(<KeptAsideList entries={entries.slice(1)} onDownload={vi.fn()} onDelete={onDelete} />);
    await user.click(
      screen.getByRole('button', { name: 'Delete the data kept aside (Kept aside)' }),
    );
    expect(screen.getByText('Delete this copy for good?')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(onDelete).not.toHaveBeenCalled();
    await user.click(
      screen.getByRole('button', { name: 'Delete the data kept aside (Kept aside)' }),
    );
    await user.click(screen.getByRole('button', { name: 'Delete the copy' }));
    expect(onDelete).toHaveBeenCalledWith('tyk-upgrade-wizard.kept-aside.bad');
  });
});
