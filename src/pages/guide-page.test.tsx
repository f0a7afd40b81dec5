import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { guides } from '@/content/guides';
import { GuidePage } from '@/pages/guide-page';

function renderGuide(slug: string) {
  const router = createMemoryRouter([{ path: '/guides/:slug', element: <GuidePage /> }], {
    initialEntries: [`/guides/${slug}`],
  });
  render(<RouterProvider router={router} />);
}

describe('GuidePage', () => {
  it.each(guides.map((guide) => [guide.slug, guide.title]))(
    'shows the %s guide under its title, with every guide listed',
    async (slug, title) => {
      renderGuide(slug);

      expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
      const nav = screen.getByRole('navigation', { name: 'All guides' });
      expect(
        within(nav)
          .getAllByRole('link')
          .map((link) => link.getAttribute('href')),
      ).toEqual([...guides.map((guide) => `/guides/${guide.slug}`), '/wizard/deployment']);
      expect(within(nav).getByRole('link', { current: 'page' })).toHaveAttribute(
        'href',
        `/guides/${slug}`,
      );
    },
  );

  it('shows the not-found page for an unknown guide', () => {
    renderGuide('no-such-guide');
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});
