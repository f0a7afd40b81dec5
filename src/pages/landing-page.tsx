import type { ReactNode } from 'react';
import { Link } from 'react-router';

export type LandingPageProps = {
  /** The saved plans, which need the store and the rules: the app loads them after first paint. */
  readonly savedPlans: ReactNode;
  /** A notice about stored data that could not be read, if any. */
  readonly notice: ReactNode;
};

export function LandingPage({ savedPlans, notice }: LandingPageProps) {
  return (
    <div className="space-y-8">
      {notice}
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">
          Upgrade Tyk with a runbook written for your deployment
        </h1>
        <p className="max-w-2xl text-lg text-slate-700 dark:text-slate-300">
          For platform and SRE engineers who run Tyk Gateway, Dashboard, Pump or MDCB. Tell the
          wizard what you run and which version you need; it hands you an ordered plan with backups,
          commands you can paste, a check after every change and a way back from each one.
        </p>
        <div className="flex flex-wrap items-center gap-4">
          <Link
            to="/wizard/new"
            className="inline-block rounded-md bg-blue-700 px-5 py-3 font-semibold text-white hover:bg-blue-800"
          >
            Start planning
          </Link>
          <Link
            to="/read"
            className="inline-block rounded-md border border-blue-700 px-5 py-3 font-semibold text-blue-800 hover:bg-blue-50 dark:border-sky-300 dark:text-sky-200 dark:hover:bg-slate-900"
          >
            Read my deployment
          </Link>
        </div>
        <p className="max-w-2xl text-slate-700 dark:text-slate-300">
          Have your compose file, configs or Helm values at hand? Read my deployment proposes the
          answers from them, in this browser.
        </p>
      </section>
      <section aria-labelledby="how-heading" className="space-y-3">
        <h2 id="how-heading" className="text-xl font-semibold">
          How it works
        </h2>
        <ol className="grid gap-3 sm:grid-cols-3">
          <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <strong className="block">1. Describe</strong>
            Deployment model, installation type, components and versions.
          </li>
          <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <strong className="block">2. Review</strong>
            Advisories for every release you cross, then the steps in the right order.
          </li>
          <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <strong className="block">3. Follow</strong>
            Tick steps as you go; progress stays in this browser.
          </li>
        </ol>
      </section>
      {/* Last, so that the plans arriving after the first paint push nothing down. */}
      {savedPlans}
    </div>
  );
}
