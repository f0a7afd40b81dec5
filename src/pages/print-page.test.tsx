import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPlan, decodePlanLink, defaultAnswers, toPlanInput, type DraftAnswers } from '@/rules';
import { PrintPage, paperOf } from '@/pages/print-page';
import { useWizardStore } from '@/store/wizard-store';
import { openPlan, resetStore } from '@/test/wizard-test-router';

const debianAnswers: DraftAnswers = {
  ...defaultAnswers,
  install: 'deb',
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0', to: '' },
};

function titleOf(answers: DraftAnswers): string {
  const result = buildPlan(toPlanInput(answers));
  if (!result.ok) throw new Error('the test answers should make a plan');
  return result.plan.title;
}

function renderPrintPage(path = '/print') {
  const router = createMemoryRouter(
    [
      { path: '/print', element: <PrintPage /> },
      { path: '/wizard/plan', element: <h1>The plan page</h1> },
      { path: '/wizard/deployment', element: <h1>The deployment page</h1> },
    ],
    { initialEntries: [path] },
  );
  const user = userEvent.setup();
  render(<RouterProvider router={router} />);
  return { router, user };
}

function sheet(): HTMLElement {
  const found = document.querySelector<HTMLElement>('.runbook-sheet');
  if (found === null) throw new Error('the runbook sheet is missing');
  return found;
}

beforeEach(() => {
  resetStore();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('PrintPage', () => {
  it('says there is nothing to print and links to the wizard when no plan is open', async () => {
    const { user, router } = renderPrintPage();

    expect(screen.getByRole('heading', { level: 1, name: 'Printable runbook' })).toBeVisible();
    expect(screen.getByText(/no plan open in this browser/)).toBeVisible();
    await user.click(screen.getByRole('link', { name: 'Start planning' }));
    expect(router.state.location.pathname).toBe('/wizard/deployment');
  });

  it('lists what stops the plan and links back to it when the answers make none', async () => {
    openPlan({ ...debianAnswers, gateway: { from: '', to: '' } });
    const { user, router } = renderPrintPage();

    expect(screen.getByRole('heading', { level: 1, name: 'Printable runbook' })).toBeVisible();
    expect(screen.getByText(/do not make a plan yet/)).toBeVisible();
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('link', { name: 'Back to the plan' }));
    expect(router.state.location.pathname).toBe('/wizard/plan');
  });

  it('shows the runbook of the open plan on A4, with a link that reopens the plan', () => {
    openPlan(debianAnswers);
    renderPrintPage();

    const title = titleOf(debianAnswers);
    expect(screen.getByRole('heading', { level: 1, name: title })).toBeVisible();
    expect(document.title).toBe(`Runbook: ${title}`);
    expect(sheet()).toHaveAttribute('data-paper', 'a4');
    expect(screen.getByRole('radio', { name: 'A4' })).toBeChecked();

    const link = screen.getByRole('link', { name: /#\/s\// });
    const decoded = decodePlanLink(link.getAttribute('href'));
    expect(decoded.ok && decoded.input['model']).toBe('self-managed');
    expect(screen.getByRole('img', { name: 'QR code of the plan link' })).toBeVisible();
  });

  it('prints the findings read from the deployment for the plan target', async () => {
    openPlan(debianAnswers);
    useWizardStore.getState().setFindings({
      target: '5.3.0',
      findings: [
        {
          id: 'hash-keys-mismatch',
          severity: 'critical',
          title: 'Gateway and Dashboard hash keys differently',
          detail: 'Make hash_keys the same everywhere.',
          source: 'config-risks.md §2',
          evidence: [{ value: 'hash_keys true', file: 'tyk.conf', where: 'key hash_keys' }],
        },
      ],
    });
    renderPrintPage();
    // The findings arrive lazily, after the runbook has rendered once.
    const section = await screen.findByRole(
      'region',
      { name: 'Findings from your deployment’s files (1)' },
      { timeout: 20_000 },
    );
    expect(section).toHaveTextContent(
      '[Critical] Gateway and Dashboard hash keys differently. Make hash_keys the same everywhere. (Read from tyk.conf, key hash_keys: hash_keys true. Source: config-risks.md §2.)',
    );
  }, 30_000);

  it('prints no findings section for a plan typed by hand', () => {
    openPlan(debianAnswers);
    renderPrintPage();
    expect(screen.queryByRole('heading', { name: /^Findings from your deployment/ })).toBeNull();
  });

  it('switches between A4 and US Letter, from the link and from the toolbar', async () => {
    openPlan(debianAnswers);
    const { user, router } = renderPrintPage('/print?paper=letter');

    expect(sheet()).toHaveAttribute('data-paper', 'letter');
    expect(screen.getByRole('radio', { name: 'US Letter' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'A4' }));
    expect(sheet()).toHaveAttribute('data-paper', 'a4');
    expect(router.state.location.search).toBe('?paper=a4');
  });

  it('opens the browser print dialog from the Print button', async () => {
    openPlan(debianAnswers);
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { user } = renderPrintPage();

    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('links back to the plan', async () => {
    openPlan(debianAnswers);
    const { user, router } = renderPrintPage();

    await user.click(screen.getByRole('link', { name: /Back to the plan/ }));
    expect(router.state.location.pathname).toBe('/wizard/plan');
  });
});

describe('paperOf', () => {
  it.each([
    ['letter', 'letter'],
    ['a4', 'a4'],
    [null, 'a4'],
    ['A3', 'a4'],
  ] as const)('reads %s as %s', (value, expected) => {
    expect(paperOf(value)).toBe(expected);
  });
});
