import { useMemo } from 'react';
import { ChangeTimeline } from '@/components/change-timeline';
import { estimateFacts, estimateOfPlan, type Plan } from '@/rules';

export type RunbookEstimateProps = { readonly plan: Plan };

/** The estimate on the runbook's cover: the figures, what to change if the window is short, the timeline. */
export function RunbookEstimate({ plan }: RunbookEstimateProps) {
  const estimate = useMemo(() => estimateOfPlan(plan), [plan]);
  const { window } = estimate;
  return (
    <section aria-labelledby="runbook-estimate-heading" className="space-y-2">
      <h2 id="runbook-estimate-heading" className="text-[1.1em] font-bold">
        Time estimate
      </h2>
      <p className="leading-snug">
        Planning figures from typical step times; a rehearsal gives better ones. Times on the
        timeline count from the start of the change (0:00).
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 leading-snug">
        {estimateFacts(estimate).map((fact) => (
          <div key={fact.id} className="contents">
            <dt className="font-semibold">{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {window.kind === 'too-short' ? (
        <div className="break-inside-avoid border-2 border-black p-2 leading-snug">
          <p className="font-bold">The downtime window is too short. What to change:</p>
          <ul className="list-disc pl-5">
            {window.suggestions.map((suggestion) => (
              <li key={suggestion.id}>{suggestion.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ChangeTimeline estimate={estimate} showTable />
    </section>
  );
}
