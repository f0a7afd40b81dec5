import { isContingencyPhase, type Phase, type Plan, type StepRecord } from '@/rules';
import { RunbookStep } from '@/components/runbook-step';

/** A phase with the plan-wide number of its first step. */
export type NumberedPhase = {
  readonly phase: Phase;
  readonly firstNumber: number;
};

/** Numbers the steps of the plan from 1, running on across phases, as the plan page does. */
export function numberPhases(plan: Plan): readonly NumberedPhase[] {
  let next = 1;
  return plan.phases.map((phase) => {
    const firstNumber = next;
    next += phase.steps.length;
    return { phase, firstNumber };
  });
}

export type RunbookPhaseProps = {
  readonly numbered: NumberedPhase;
  /** Position of the phase in the plan, from 1. */
  readonly position: number;
  /** Step id → when it was ticked. */
  readonly ticks?: Readonly<Record<string, string>>;
  readonly records?: Readonly<Record<string, StepRecord>>;
};

export function RunbookPhase({ numbered, position, ticks = {}, records = {} }: RunbookPhaseProps) {
  const { phase, firstNumber } = numbered;
  const isContingency = isContingencyPhase(phase);
  const headingId = `runbook-phase-${phase.id}`;
  return (
    <section aria-labelledby={headingId} data-phase-id={phase.id} className="space-y-3">
      <div className="break-inside-avoid break-after-avoid space-y-1 border-b-2 border-black pb-1">
        <h2 id={headingId} className="text-[1.3em] font-bold">
          Phase {position}: {phase.title}
        </h2>
        {phase.detail.trim() === '' ? null : <p className="leading-snug">{phase.detail}</p>}
        {isContingency ? (
          <p className="leading-snug font-semibold">
            A contingency: carry out these steps only if you roll back. They are not needed to
            finish; tick “Used” for each one you carry out.
          </p>
        ) : null}
      </div>
      {phase.steps.length === 0 ? (
        <p>This phase has no steps for your deployment.</p>
      ) : (
        <ol start={firstNumber} aria-labelledby={headingId} className="list-none">
          {phase.steps.map((step, index) => (
            <li
              key={step.id}
              className="mt-4 border-t border-neutral-400 pt-3 first:mt-0 first:border-t-0 first:pt-0"
            >
              <RunbookStep
                step={step}
                number={firstNumber + index}
                isContingency={isContingency}
                tickedAt={ticks[step.id]}
                record={records[step.id]}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
