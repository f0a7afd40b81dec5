import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isLoadFailure, PageErrorBoundary } from '@/components/app-error-page';

function Broken({ fail }: { readonly fail: () => never }): ReactNode {
  return fail();
}

function Pages({ fail }: { readonly fail: () => never }) {
  const { pathname } = useLocation();
  return (
    <>
      <p>The header and the saving alerts</p>
      <PageErrorBoundary resetKey={pathname}>
        <Routes>
          <Route index element={<h1>Start page</h1>} />
          <Route path="broken" element={<Broken fail={fail} />} />
        </Routes>
      </PageErrorBoundary>
    </>
  );
}

function renderFailing(fail: () => never) {
  render(
    <MemoryRouter initialEntries={['/broken']}>
      <Pages fail={fail} />
    </MemoryRouter>,
  );
  return { user: userEvent.setup() };
}

describe('isLoadFailure', () => {
  it.each([
    ['Failed to fetch dynamically imported module: http://127.0.0.1/assets/a.js', true],
    ['error loading dynamically imported module: http://127.0.0.1/assets/a.js', true],
    ['Importing a module script failed.', true],
    ['Unable to preload CSS for /assets/a.css', true],
    ['Cannot read properties of undefined', false],
  ])('%s: %s', (message, expected) => {
    expect(isLoadFailure(new TypeError(message))).toBe(expected);
  });

  it('is false for what is not an error', () => {
    expect(isLoadFailure('Failed to fetch dynamically imported module')).toBe(false);
  });
});

describe('PageErrorBoundary', () => {
  // React reports every error a boundary catches on the console; the tests expect them.
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('explains a part of the app that did not arrive, inside the app, with a reload', async () => {
    const { user } = renderFailing(() => {
      throw new TypeError('Failed to fetch dynamically imported module: http://x/assets/a.js');
    });
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'This page could not be loaded',
    });
    expect(heading).toHaveFocus();
    // The page around it stays, and with it anything the user has not saved yet.
    expect(screen.getByText('The header and the saving alerts')).toBeVisible();
    expect(screen.getByText(/a new version may have been published/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeVisible();
    expect(screen.queryByText(/Hey developer/)).toBeNull();
    expect(screen.queryByText('Technical details')).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Back to the start page' }));
    // Another page clears the error: it is shown, not the error page again.
    expect(await screen.findByRole('heading', { name: 'Start page' })).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'This page could not be loaded' })).toBeNull();
  });

  it('names an unexpected error and keeps its message under the details', async () => {
    renderFailing(() => {
      throw new Error('The plan has no phases');
    });
    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    expect(screen.getByText('Technical details')).toBeVisible();
    expect(screen.getByText('The plan has no phases')).toBeInTheDocument();
  });

  it('shows nothing of its own while the page renders', () => {
    render(
      <MemoryRouter>
        <PageErrorBoundary resetKey="/">
          <h1>Start page</h1>
        </PageErrorBoundary>
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { name: 'Start page' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
  });
});
