import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from '@/components/progress-bar';

describe('ProgressBar', () => {
  it.each([
    ['none done', 0, 12, '0 of 12 done'],
    ['some done', 3, 12, '3 of 12 done'],
    ['all done', 12, 12, '12 of 12 done'],
    ['more ticked than there are steps', 14, 12, '12 of 12 done'],
    ['an empty phase', 0, 0, '0 of 0 done'],
  ])('%s', (_, done, total, text) => {
    render(<ProgressBar done={done} total={total} label="Overall progress" />);

    const bar = screen.getByRole('progressbar', { name: 'Overall progress' });
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', String(total));
    expect(bar).toHaveAttribute('aria-valuenow', String(Math.min(done, total)));
    expect(bar).toHaveAttribute('aria-valuetext', text);
    expect(screen.getByText(text)).toBeVisible();
  });
});
