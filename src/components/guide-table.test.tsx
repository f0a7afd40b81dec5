import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GuideTable } from '@/components/guide-table';

describe('GuideTable', () => {
  it('heads columns and rows, shows backticked text as code and never renders HTML', () => {
    render(
      <GuideTable
        caption="What to back up"
        head={['What', 'Why']}
        rows={[['Config: `tyk.conf`', '<b>not bold</b>']]}
      />,
    );

    const table = screen.getByRole('table', { name: 'What to back up' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['What', 'Why']);
    const rowHeader = within(table).getByRole('rowheader');
    expect(rowHeader).toHaveTextContent('Config: tyk.conf');
    expect(within(rowHeader).getByText('tyk.conf').tagName).toBe('CODE');
    expect(within(table).getByRole('cell')).toHaveTextContent('<b>not bold</b>');
    expect(table.querySelector('b')).toBeNull();
    expect(screen.getByRole('region', { name: 'What to back up' })).toHaveAttribute(
      'tabindex',
      '0',
    );
  });
});
