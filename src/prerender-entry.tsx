import { renderToStaticMarkup } from 'react-dom/server';
import { createPath, Route, Router, Routes, type Navigator, type To } from 'react-router';
import { Layout } from '@/components/layout';
import { SavedPlansPlaceholder } from '@/components/saved-plans-placeholder';
import { LandingPage } from '@/pages/landing-page';

// Rendered once at build time (scripts/vite-plugin-prerender.ts) into <div id="root"> of
// index.html, so the first paint needs only the HTML and the stylesheet. The browser app then
// renders into the same element with createRoot, which replaces this markup in its first commit:
// the landing page must therefore come out exactly as the app renders it at `#/` before its
// late-loading parts arrive: the stored-data notice, and the saved plans in place of their
// placeholder.

function refuseNavigation(): never {
  throw new Error('the prerendered landing page cannot navigate');
}

// Links get the hrefs of createHashRouter (`#/wizard/new`), not the paths a memory or static
// router would give them.
const hashNavigator: Navigator = {
  createHref: (to: To) => `#${typeof to === 'string' ? to : createPath(to)}`,
  go: refuseNavigation,
  push: refuseNavigation,
  replace: refuseNavigation,
};

/** The markup of the app shell with the landing page, as the app first renders it at `#/`. */
export function render(): string {
  const markup = renderToStaticMarkup(
    <Router location="/" navigator={hashNavigator} static>
      <Routes>
        <Route element={<Layout />}>
          <Route
            index
            element={<LandingPage notice={null} savedPlans={<SavedPlansPlaceholder />} />}
          />
        </Route>
      </Routes>
    </Router>,
  );
  // React writes resource hints ahead of the markup (a preload of the logo). The app's own render
  // has no such elements, and the browser finds the <img> just as early without one.
  return markup.replace(/^(?:<link\b[^>]*>)+/, '');
}
