import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Advisory } from '@/rules';
import { AdvisoryList } from '@/components/advisory-list';

const advisories: readonly Advisory[] = [
  {
    id: 'python-not-bundled',
    severity: 'info',
    title: 'Python leaves the image',
    detail: 'Extend the image for Python plugins.',
    component: 'gateway',
    version: '5.3.0',
  },
  {
    id: 'oas-not-reversible',
    severity: 'critical',
    title: 'Tyk OAS cannot be downgraded',
    detail: 'Back up APIs and policies first.',
    version: '5.3.0',
  },
  {
    id: 'distroless',
    severity: 'warning',
    title: 'Images have no shell',
    detail: 'Use ephemeral debug containers.',
    component: 'dashboard',
  },
  {
    id: 'mdcb-first',
    severity: 'critical',
    title: 'MDCB 2.5 before Gateway 5.3',
    detail: 'Upgrade MDCB first.',
    component: 'mdcb',
  },
];

describe('AdvisoryList', () => {
  it('groups advisories by severity, the most severe first, with the severity written out', () => {
    render(<AdvisoryList advisories={advisories} />);

    const headings = screen
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(headings).toEqual(['Critical (2)', 'Warnings (1)', 'Good to know (1)']);

    const critical = screen.getByRole('list', { name: 'Critical (2)' });
    const items = within(critical).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('strong')?.textContent)).toEqual([
      'Tyk OAS cannot be downgraded',
      'MDCB 2.5 before Gateway 5.3',
    ]);
    expect(items[0]).toHaveTextContent('Critical');
    expect(items[0]).toHaveTextContent('from 5.3.0');
    expect(
      within(screen.getByRole('list', { name: 'Warnings (1)' })).getByRole('listitem'),
    ).toHaveTextContent('WarningImages have no shellUse ephemeral debug containers.Dashboard');
  });

  it('folds the information group until it is opened', async () => {
    const user = userEvent.setup();
    render(<AdvisoryList advisories={advisories} />);

    const info = screen.getByText('Python leaves the image');
    expect(info).not.toBeVisible();
    expect(screen.getByText('Tyk OAS cannot be downgraded')).toBeVisible();
    await user.click(screen.getByRole('heading', { name: 'Good to know (1)' }));
    expect(info).toBeVisible();
  });

  it('renders advisory text as text, never as markup', () => {
    render(
      <AdvisoryList
        advisories={[
          {
            id: 'x',
            severity: 'warning',
            title: '<img src=x onerror=alert(1)>',
            detail: '<b>bold</b>',
          },
        ]}
      />,
    );

    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(screen.getByText('<b>bold</b>')).toBeInTheDocument();
    expect(document.querySelector('img, b')).toBeNull();
  });

  it('says when nothing applies', () => {
    render(<AdvisoryList advisories={[]} />);
    expect(screen.getByText('No advisories apply to the versions you cross.')).toBeInTheDocument();
  });
});
