import { Component, useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';

/** True for a module or stylesheet of the app that did not arrive, e.g. after a new deployment. */
export function isLoadFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Chromium, Firefox and Safari word it differently; Vite's preload helper adds its own.
  return /dynamically imported module|module script failed|Unable to preload CSS/i.test(
    error.message,
  );
}

function describe(error: unknown): { title: string; text: string; detail: string | null } {
  if (isLoadFailure(error)) {
    return {
      title: 'This page could not be loaded',
      text: 'Part of the wizard did not arrive: a new version may have been published since this tab was opened, or the connection dropped.',
      detail: null,
    };
  }
  return {
    title: 'Something went wrong',
    text: 'The wizard ran into an error it did not expect.',
    detail: error instanceof Error ? error.message : null,
  };
}

/**
 * The app's own error page, for every route: what happened in plain words and a way on. It
 * stands in for the router's built-in screen, which is meant for developers.
 */
export function AppErrorPage({ error }: { readonly error: unknown }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { title, text, detail } = describe(error);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-8 text-slate-900 dark:text-slate-100">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold tracking-tight outline-none">
        {title}
      </h1>
      <p>{text} Reload to continue. Your saved plans are kept in this browser.</p>
      {detail === null ? null : (
        <details>
          <summary className="cursor-pointer">Technical details</summary>
          <p className="mt-2 font-mono text-sm break-words">{detail}</p>
        </details>
      )}
      <p className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 dark:bg-sky-300 dark:text-slate-950 dark:hover:bg-sky-200"
        >
          Reload
        </button>
        {/* Within the app, not a new page load: answers not yet saved stay in memory. */}
        <Link
          to="/"
          className="font-semibold text-blue-700 underline underline-offset-4 dark:text-sky-300"
        >
          Back to the start page
        </Link>
      </p>
    </div>
  );
}

type PageErrorBoundaryProps = {
  /** The page's address: moving to another page clears the error, and that page gets its turn. */
  readonly resetKey: string;
  readonly children: ReactNode;
};

type PageErrorBoundaryState = {
  readonly error: unknown;
  readonly hasError: boolean;
  readonly resetKey: string;
};

/** Shows the app's error page instead of a page that failed to load or to render. */
export class PageErrorBoundary extends Component<PageErrorBoundaryProps, PageErrorBoundaryState> {
  override state: PageErrorBoundaryState = {
    error: null,
    hasError: false,
    resetKey: this.props.resetKey,
  };

  static getDerivedStateFromError(error: unknown): Partial<PageErrorBoundaryState> {
    return { error, hasError: true };
  }

  static getDerivedStateFromProps(
    props: PageErrorBoundaryProps,
    state: PageErrorBoundaryState,
  ): Partial<PageErrorBoundaryState> | null {
    return props.resetKey === state.resetKey
      ? null
      : { error: null, hasError: false, resetKey: props.resetKey };
  }

  override render(): ReactNode {
    return this.state.hasError ? <AppErrorPage error={this.state.error} /> : this.props.children;
  }
}

/** What a route shows while its code arrives on the first load. */
export function PageLoading() {
  // A screen high, so that the footer is out of sight until the page comes and is not pushed
  // down the screen when it does (a layout shift).
  return (
    <p role="status" className="min-h-screen">
      Loading…
    </p>
  );
}
