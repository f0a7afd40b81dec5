import type { ReactNode } from 'react';
import { ChangeElapsed } from '@/components/change-elapsed';
import { ChangeTimeline } from '@/components/change-timeline';
import { estimateFacts, type ChangeEstimate } from '@/rules';

export type ChangeEstimatePanelProps = {
  readonly estimate: ChangeEstimate;
  /** Where the figures the estimate rests on are changed (a link to the preparation page). */
  readonly changeFigures?: ReactNode;
  /** The plan's ticks with their times, for elapsed against planned during the change. */
  readonly progress?: Readonly<Record<string, string>>;
};

/**
 * The estimate on the plan page: the total, the point of no return, a full rollback, and for a
 * downtime plan whether the window holds them, with what to change when it does not.
 */
export function ChangeEstimatePanel({
  estimate,
  changeFigures,
  progress = {},
}: ChangeEstimatePanelProps) {
  const { window } = estimate;
  const facts = estimateFacts(estimate).filter((fact) => fact.id !== 'window');
  return (
    <section
      aria-labelledby="estimate-heading"
      className="space-y-4 rounded-lg border border-slate-300 p-4 dark:border-slate-700"
    >
      <h2 id="estimate-heading" className="text-xl font-semibold tracking-tight">
        Time estimate
      </h2>
      <p className="text-slate-700 dark:text-slate-300">
        Planning figures from typical step times; a rehearsal in a lower environment gives better
        ones. {changeFigures}
      </p>
      {window.kind === 'too-short' ? (
        <div
          role="alert"
          className="space-y-2 rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-slate-900 dark:border-red-300 dark:bg-red-950/40 dark:text-slate-100"
        >
          <p className="font-semibold">The downtime window is too short</p>
          <p>{window.message}</p>
          <p>What to change:</p>
          <ul className="list-disc space-y-1 pl-6">
            {window.suggestions.map((suggestion) => (
              <li key={suggestion.id}>{suggestion.text}</li>
            ))}
          </ul>
        </div>
      ) : window.kind === 'fits' ? (
        <p className="rounded-md border-l-4 border-green-700 bg-green-50 p-3 dark:border-green-400 dark:bg-green-950/40">
          {window.message}
        </p>
      ) : null}
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {facts.map((fact) => (
          <div key={fact.id} className="contents">
            <dt className="font-semibold">{fact.label}</dt>
            <dd className="mb-2 sm:mb-0">{fact.value}</dd>
          </div>
        ))}
      </dl>
      <ChangeTimeline estimate={estimate} />
      <ChangeElapsed estimate={estimate} progress={progress} />
    </section>
  );
}
