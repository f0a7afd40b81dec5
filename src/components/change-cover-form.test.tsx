import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { emptyCover, type ChangeCover } from '@/rules';
import { ChangeCoverForm, RunbookChangeFields } from '@/components/change-cover-form';

describe('ChangeCoverForm', () => {
  it('saves the fields when one loses the focus', async () => {
    const onSave = vi.fn<(cover: ChangeCover) => void>();
    const user = userEvent.setup();
    render(<ChangeCoverForm cover={undefined} onSave={onSave} />);
    const form = screen.getByRole('region', { name: 'The change' });
    await user.type(within(form).getByRole('textbox', { name: 'Change ticket' }), 'CHG-1042');
    await user.type(within(form).getByRole('textbox', { name: 'Operator' }), 'Ana');
    await user.tab();
    expect(onSave).toHaveBeenLastCalledWith({ ...emptyCover, ticket: 'CHG-1042', operator: 'Ana' });
  });

  it('names the window end when it comes before the start', () => {
    render(
      <ChangeCoverForm
        cover={{ ...emptyCover, windowStart: '2026-03-05T21:00', windowEnd: '2026-03-05T20:00' }}
        onSave={() => undefined}
      />,
    );
    expect(screen.getByLabelText('Window end')).toHaveAccessibleDescription(
      'Window end is before the window start.',
    );
  });
});

describe('RunbookChangeFields', () => {
  it('prints every field with its label, and the window as date and time', () => {
    render(
      <RunbookChangeFields
        cover={{ ...emptyCover, ticket: 'CHG-T1', windowStart: '2026-03-05T21:00' }}
      />,
    );
    expect(screen.getByText('CHG-T1')).toBeInTheDocument();
    expect(screen.getByText('2026-03-05 21:00')).toBeInTheDocument();
    for (const label of [
      'Change ticket',
      'Environment',
      'Window start',
      'Window end',
      'Operator',
      'Approver',
    ])
      expect(screen.getByText(label)).toBeInTheDocument();
  });
});
