import {
  isContingencyPhase,
  type Phase,
  type ProgressCount,
  type StepChange,
  type StepRecord,
} from '@/rules';
import { CommandWrapContext } from '@/components/command-wrap';
import { ProgressBar } from '@/components/progress-bar';
import { StepCard } from '@/components/step-card';

export type PhaseSectionProps = {
  readonly phase: Phase;
  /** Plan-wide number of the phase's first step: numbering runs on across phases. */
  readonly firstNumber: number;
  /** Step id → ISO time it was ticked. */
  readonly progress: Readonly<Record<string, string>>;
  /** Step id → what was recorded besides the tick. */
  readonly records?: Readonly<Record<string, StepRecord>>;
  /** The phase's steps done (for the rollback phase: used), as the plan counts them. */
  readonly count: ProgressCount;
  readonly onDoneChange: (stepId: string, isDone: boolean) => void;
  readonly onRecord?: (stepId: string, change: StepChange) => void;
  readonly permalinkFor: (stepId: string) => string;
  readonly guideTitleFor: (slug: string) => string | undefined;
  /** The step a link pointed at, if it is in this phase. */
  readonly targetStepId?: string | undefined;
  /** Show only the heading and the progress: used for finished phases when the user hides them. */
  readonly isCollapsed?: boolean;
  /** The steps' command blocks wrap their long lines. */
  readonly wrapsCommands?: boolean;
};

/** The DOM id of a phase's heading, which takes the focus when the phase folds away. */
export function phaseHeadingId(phaseId: string): string {
  return `phase-${phaseId}-heading`;
}

export function PhaseSection({
  phase,
  firstNumber,
  progress,
  records = {},
  count,
  onDoneChange,
  onRecord,
  permalinkFor,
  guideTitleFor,
  targetStepId,
  isCollapsed = false,
  wrapsCommands = false,
}: PhaseSectionProps) {
  const headingId = phaseHeadingId(phase.id);
  const { done, total } = count;
  const isContingency = isContingencyPhase(phase);

  return (
    <section
      id={`phase-${phase.id}`}
      aria-labelledby={headingId}
      data-phase-id={phase.id}
      className="space-y-4"
    >
      <div className="space-y-2 border-b border-slate-300 pb-3 dark:border-slate-700">
        <h2 id={headingId} tabIndex={-1} className="text-xl font-semibold tracking-tight">
          {phase.title}
          {!isContingency && done === total && total > 0 ? (
            <span className="sr-only"> (finished)</span>
          ) : null}
        </h2>
        {isCollapsed ? null : (
          <p className="leading-relaxed text-slate-700 dark:text-slate-300">{phase.detail}</p>
        )}
        {isContingency ? (
          <p className="rounded-md border border-dashed border-slate-500 p-3 leading-relaxed dark:border-slate-400">
            <strong className="font-semibold">A contingency.</strong> These steps are needed only if
            you roll back, and never to finish the plan. Mark a step as used if you carry it out:{' '}
            {done} of {total} used.
          </p>
        ) : (
          <ProgressBar done={done} total={total} label={`Progress of ${phase.title}`} />
        )}
      </div>
      {isCollapsed ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          All {total} {total === 1 ? 'step is' : 'steps are'} done; the steps are hidden.
        </p>
      ) : (
        <CommandWrapContext value={wrapsCommands}>
          <ol start={firstNumber} aria-labelledby={headingId} className="list-none space-y-4">
            {phase.steps.map((step, index) => (
              <li key={step.id}>
                <StepCard
                  step={step}
                  number={firstNumber + index}
                  doneAt={progress[step.id]}
                  onDoneChange={onDoneChange}
                  permalink={permalinkFor(step.id)}
                  guideTitle={step.guide ? guideTitleFor(step.guide) : undefined}
                  isTarget={step.id === targetStepId}
                  record={records[step.id]}
                  isContingency={isContingency}
                  onRecord={onRecord}
                />
              </li>
            ))}
          </ol>
        </CommandWrapContext>
      )}
    </section>
  );
}
