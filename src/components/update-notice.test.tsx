import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { UpdateNotice } from '@/components/update-notice';

it('offers the new version and reloads only when asked', async () => {
  const onReload = vi.fn();
  const user = userEvent.setup();
  render(<UpdateNotice onReload={onReload} />);
  expect(screen.getByRole('status')).toHaveTextContent(
    'A new version of the wizard is available. Reload to use it; your saved plans stay as they are.',
  );
  expect(onReload).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: 'Reload' }));
  expect(onReload).toHaveBeenCalledTimes(1);
});
