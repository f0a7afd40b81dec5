import { memo } from 'react';
import { planSummary, type Plan } from '@/rules';

export type PlanSummaryProps = { readonly plan: Plan };

/** The deployment's facts and each component's move, as the plan page shows them. */
// Memoised: ticking a step re-renders the progress, not this.
export const PlanSummary = memo(function PlanSummary({ plan }: PlanSummaryProps) {
  const summary = planSummary(plan);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {summary.facts.map((fact) => (
          <div key={fact.label} className="contents">
            <dt className="font-medium text-slate-700 dark:text-slate-300">{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <table className="w-full border-collapse text-left text-sm sm:text-base">
        <caption className="sr-only">Version changes</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-1 pr-3 font-medium">
              Component
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              From
            </th>
            <th scope="col" className="py-1 font-medium">
              To
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.versions.map((version) => (
            <tr key={version.component} className="border-b border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-1 pr-3 font-normal">
                {version.label}
              </th>
              <td className="py-1 pr-3 font-mono">{version.from}</td>
              <td className="py-1 font-mono">
                {version.to}
                {version.note === null ? null : (
                  <span className="font-sans text-sm text-slate-700 dark:text-slate-300">
                    {' '}
                    ({version.note})
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="plan-stops-heading" className="space-y-1 sm:col-span-2">
        <h3 id="plan-stops-heading" className="font-semibold">
          Required stops
        </h3>
        <ul className="list-disc space-y-1 pl-5">
          {summary.stops.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      </section>
    </div>
  );
});
