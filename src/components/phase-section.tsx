import type { Phase } from '@/rules';
import { ProgressBar } from '@/components/progress-bar';
import { StepCard } from '@/components/step-card';

export type PhaseSectionProps = {
  readonly phase: Phase;
  /** Plan-wide number of the phase's first step: numbering runs on across phases. */
  readonly firstNumber: number;
  /** Step id → ISO time it was ticked. */
  readonly progress: Readonly<Record<string, string>>;
  readonly onDoneChange: (stepId: string, isDone: boolean) => void;
  readonly permalinkFor: (stepId: string) => string;
  readonly guideTitleFor: (slug: string) => string | undefined;
  /** The step a link pointed at, if it is in this phase. */
  readonly targetStepId?: string | undefined;
  /** Show only the heading and the progress: used for finished phases when the user hides them. */
  readonly isCollapsed?: boolean;
};

/** The DOM id of a phase's heading, which takes the focus when the phase folds away. */
export function phaseHeadingId(phaseId: string): string {
  return `phase-${phaseId}-heading`;
}

export function PhaseSection({
  phase,
  firstNumber,
  progress,
  onDoneChange,
  permalinkFor,
  guideTitleFor,
  targetStepId,
  isCollapsed = false,
}: PhaseSectionProps) {
  const headingId = phaseHeadingId(phase.id);
  const done = phase.steps.filter((step) => progress[step.id] !== undefined).length;
  const total = phase.steps.length;

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
          {done === total && total > 0 ? <span className="sr-only"> (finished)</span> : null}
        </h2>
        {isCollapsed ? null : (
          <p className="leading-relaxed text-slate-700 dark:text-slate-300">{phase.detail}</p>
        )}
        <ProgressBar done={done} total={total} label={`Progress of ${phase.title}`} />
      </div>
      {isCollapsed ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          All {total} {total === 1 ? 'step is' : 'steps are'} done; the steps are hidden.
        </p>
      ) : (
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
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
