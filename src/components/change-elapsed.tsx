import { changeElapsed, formatMinutes, type ChangeEstimate } from '@/rules';

export type ChangeElapsedProps = {
  readonly estimate: ChangeEstimate;
  /** The plan's ticks: step id to the time it was ticked. */
  readonly progress: Readonly<Record<string, string>>;
};

const statusText = { done: 'done', 'under-way': 'under way', 'to-do': 'to do' } as const;

/** `22:40`, in the reader's own time zone; empty when the time does not read. */
function clockTime(iso: string, minutesLater: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  return new Date(at + minutesLater * 60_000).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });
}

function behindText(minutes: number): string {
  if (minutes === 0) return 'on plan';
  return minutes > 0
    ? `${formatMinutes(minutes)} behind the plan`
    : `${formatMinutes(-minutes)} ahead of the plan`;
}

/** During the change: each phase's time so far against its estimate, and the projected end. */
export function ChangeElapsed({ estimate, progress }: ChangeElapsedProps) {
  const elapsed = changeElapsed(estimate, progress);
  if (elapsed === null) return null;
  const clock = clockTime(elapsed.startedAt, elapsed.endsAfterStartedAt);
  return (
    <section aria-labelledby="change-elapsed-heading" className="space-y-2">
      <h3 id="change-elapsed-heading" className="font-semibold">
        So far, from the times you ticked
      </h3>
      <p aria-live="polite">
        {`Projected end: ${clock === '' ? '' : `about ${clock}, `}${formatMinutes(elapsed.projectedMinutes)} after the start (${behindText(elapsed.behindMinutes)}).`}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Elapsed against planned, per phase</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-1 pr-3 font-semibold">
                Phase
              </th>
              <th scope="col" className="py-1 pr-3 font-semibold">
                Planned
              </th>
              <th scope="col" className="py-1 pr-3 font-semibold">
                So far
              </th>
              <th scope="col" className="py-1 font-semibold">
                State
              </th>
            </tr>
          </thead>
          <tbody>
            {elapsed.phases.map((phase) => (
              <tr key={phase.phaseId} className="border-b border-slate-300 dark:border-slate-700">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {phase.title}
                </th>
                <td className="py-1 pr-3 tabular-nums">{formatMinutes(phase.plannedMinutes)}</td>
                <td className="py-1 pr-3 tabular-nums">
                  {phase.elapsedMinutes === null ? '–' : formatMinutes(phase.elapsedMinutes)}
                </td>
                <td className="py-1">{statusText[phase.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
