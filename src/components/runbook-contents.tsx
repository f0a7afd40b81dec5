import type { NumberedPhase } from '@/components/runbook-phase';

export type RunbookContentsProps = {
  readonly phases: readonly NumberedPhase[];
};

function stepRange({ phase, firstNumber }: NumberedPhase): string {
  const count = phase.steps.length;
  if (count === 0) return 'no steps';
  if (count === 1) return `step ${firstNumber}`;
  return `steps ${firstNumber}–${firstNumber + count - 1}`;
}

/** The phases with their step numbers: page numbers depend on the paper, step numbers do not. */
export function RunbookContents({ phases }: RunbookContentsProps) {
  return (
    <section aria-labelledby="runbook-contents-heading" className="space-y-2">
      <h2 id="runbook-contents-heading" className="text-[1.3em] font-bold">
        Contents
      </h2>
      <ol className="space-y-0.5">
        {phases.map((numbered, index) => (
          <li key={numbered.phase.id} className="flex items-baseline gap-2">
            <span>
              Phase {index + 1}: {numbered.phase.title}
            </span>
            <span aria-hidden="true" className="flex-1 border-b border-dotted border-neutral-500" />
            <span className="tabular-nums">{stepRange(numbered)}</span>
          </li>
        ))}
        <li className="flex items-baseline gap-2">
          <span>Sign-off</span>
          <span aria-hidden="true" className="flex-1 border-b border-dotted border-neutral-500" />
          <span>at the end</span>
        </li>
      </ol>
    </section>
  );
}
