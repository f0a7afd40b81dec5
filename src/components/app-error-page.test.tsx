import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, data, Outlet, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppErrorPage, isLoadFailure } from '@/components/app-error-page';

function Shell() {
  return (
    <>
      <p>The header and the saving alerts</p>
      <Outlet />
    </>
  );
}

function renderFailing(fail: () => never) {
  const router = createMemoryRouter(
    [
      {
        element: <Shell />,
        hydrateFallbackElement: <p>Loading</p>,
        children: [
          {
            errorElement: <AppErrorPage />,
            children: [
              { index: true, element: <h1>Start page</h1> },
              { path: 'broken', loader: fail, element: <h1>Never shown</h1> },
            ],
          },
        ],
      },
    ],
    { initialEntries: ['/broken'] },
  );
  render(<RouterProvider router={router} />);
  return { router, user: userEvent.setup() };
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

describe('AppErrorPage', () => {
  it('explains a part of the app that did not arrive, inside the app, with a reload', async () => {
    const { router, user } = renderFailing(() => {
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
    expect(await screen.findByRole('heading', { name: 'Start page' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/');
  });

  it('names an unexpected error and keeps its message under the details', async () => {
    renderFailing(() => {
      throw new Error('The plan has no phases');
    });
    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    expect(screen.getByText('Technical details')).toBeVisible();
    expect(screen.getByText('The plan has no phases')).toBeInTheDocument();
  });

  it('says "Page not found" for a 404 response', async () => {
    renderFailing(() => {
      throw data(null, { status: 404 });
    });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});
