import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DetectRunbookFindings } from '@/components/detect-findings';
import { DetectPlanFindings } from '@/components/detect-plan-findings';
import type { Finding } from '@/rules';

const hashKeys: Finding = {
  id: 'hash-keys-mismatch',
  severity: 'critical',
  title: 'Gateway and Dashboard hash keys differently',
  detail: 'hash_keys true (Gateway) and hash_keys false (Dashboard). Make them the same.',
  source: 'config-risks.md §2',
  evidence: [
    { value: 'hash_keys true (Gateway)', file: 'tyk.conf', where: 'key hash_keys' },
    { value: 'hash_keys false (Dashboard)', file: 'tyk_analytics.conf', where: 'key hash_keys' },
  ],
};
const sqlite: Finding = {
  id: 'sqlite-removed',
  severity: 'warning',
  title: 'SQLite storage, which the target removed',
  detail: 'The Pump stores analytics in SQLite.',
  source: 'facts §10.4',
  evidence: [],
};

function renderInRouter(element: React.ReactElement) {
  const router = createMemoryRouter([{ path: '/', element }], { initialEntries: ['/'] });
  render(<RouterProvider router={router} />);
}

describe('DetectPlanFindings', () => {
  it('lists the findings for the plan target with where they were read and their source', () => {
    renderInRouter(
      <DetectPlanFindings findings={[hashKeys, sqlite]} checkedTarget="5.8.0" planTarget="5.8.0" />,
    );
    const section = screen.getByRole('region', { name: 'Findings from your deployment’s files' });
    const items = within(section)
      .getAllByRole('listitem')
      .filter((item) => item.parentElement?.parentElement === section);
    expect(items.map((item) => item.querySelector('p')?.textContent)).toEqual([
      'Critical: Gateway and Dashboard hash keys differently',
      'Warning: SQLite storage, which the target removed',
    ]);
    expect(
      within(section).getByText('tyk.conf, key hash_keys: hash_keys true (Gateway)'),
    ).toBeVisible();
    expect(within(section).getByText('Source: config-risks.md §2')).toBeVisible();
    expect(within(section).queryByRole('link', { name: 'Read the files again' })).toBeNull();
  });

  it('leaves out rows for other targets and says the findings were read for none', () => {
    renderInRouter(
      <DetectPlanFindings findings={[hashKeys, sqlite]} checkedTarget="" planTarget="5.3.0" />,
    );
    expect(screen.queryByText('Warning: SQLite storage, which the target removed')).toBeNull();
    expect(
      screen.getByText(
        /^These were read before a target version was chosen, so risks that depend on the target were not checked\./,
      ),
    ).toHaveTextContent(
      'These were read before a target version was chosen, so risks that depend on the target were not checked. Read the files again to check them against 5.3.0.',
    );
    expect(screen.getByRole('link', { name: 'Read the files again' })).toHaveAttribute(
      'href',
      '/read',
    );
  });
});

describe('DetectRunbookFindings', () => {
  it('prints each finding with its severity in words, where it was read and its source', () => {
    render(<DetectRunbookFindings findings={[hashKeys]} />);
    expect(
      screen.getByRole('heading', { name: 'Findings from your deployment’s files (1)' }),
    ).toBeVisible();
    expect(screen.getByRole('listitem')).toHaveTextContent(
      '[Critical] Gateway and Dashboard hash keys differently. hash_keys true (Gateway) and hash_keys false (Dashboard). Make them the same. (Read from tyk.conf, key hash_keys: hash_keys true (Gateway); tyk_analytics.conf, key hash_keys: hash_keys false (Dashboard). Source: config-risks.md §2.)',
    );
  });
});
