import type { ReactNode } from 'react';
import { Link, Outlet } from 'react-router';

export type LayoutProps = {
  /** Messages that concern the whole app (saving, a new version), above every page. */
  readonly alerts?: ReactNode;
};

export function Layout({ alerts = null }: LayoutProps) {
  return (
    <div className="flex min-h-screen flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-blue-800 dark:focus:bg-slate-900 dark:focus:text-sky-200"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 dark:border-slate-800 print:hidden">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          <Link to="/" className="flex items-center gap-2 font-semibold tracking-tight">
            <img src="./favicon.svg" alt="" width="24" height="24" />
            <span>Tyk Upgrade Wizard</span>
          </Link>
          <nav aria-label="Main">
            <ul className="flex gap-4 text-sm">
              <li>
                <Link className="underline-offset-4 hover:underline" to="/wizard/deployment">
                  Plan an upgrade
                </Link>
              </li>
              <li>
                <Link className="underline-offset-4 hover:underline" to="/guides/about">
                  About
                </Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none"
      >
        {alerts}
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400 print:hidden">
        <div className="mx-auto max-w-5xl px-4 py-4">
          Runs entirely in your browser: your answers never leave this device. Not an official Tyk
          product; check each step against your own environment.
        </div>
      </footer>
    </div>
  );
}
