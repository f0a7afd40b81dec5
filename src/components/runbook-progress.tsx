import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PlanProgress } from '@/rules';
import { ProgressBar } from '@/components/progress-bar';

export type ResetStep = {
  readonly id: string;
  /** "step 4" */
  readonly name: string;
  readonly title: string;
  /** Router path that opens the plan at the step. */
  readonly permalink: string;
};

export type RunbookProgressProps = {
  readonly progress: PlanProgress;
  /** Steps of the change skipped with a reason (counted as settled) and failed or rolled back. */
  readonly skipped: number;
  readonly failed: number;
  /** Steps whose tick was taken away because they changed with the answers. */
  readonly resetSteps: readonly ResetStep[];
  /** The "Hide finished phases" control, which the page owns. */
  readonly children?: ReactNode;
};

function stepsWord(count: number): string {
  return count === 1 ? '1 step' : `${count} steps`;
}

/** The overall count of the change (rollbacks apart), what was reset, and whether it is all done. */
export function RunbookProgress({
  progress,
  skipped,
  failed,
  resetSteps,
  children,
}: RunbookProgressProps) {
  const { contingency } = progress;
  return (
    <div className="space-y-3">
      <ProgressBar
        done={progress.overall.done}
        total={progress.overall.total}
        label="Overall progress"
        size="large"
      />
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Counts the {progress.overall.total} steps of the change
        {skipped > 0 ? `, ${stepsWord(skipped)} skipped with a reason among them` : ''}. The{' '}
        {contingency.total} rollback {contingency.total === 1 ? 'step is' : 'steps are'} a
        contingency and never needed to finish
        {contingency.done > 0 ? `; ${contingency.done} marked as used` : ''}.
      </p>
      {failed > 0 ? (
        <p className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 font-medium dark:border-red-400 dark:bg-red-950/40">
          {stepsWord(failed)} failed or {failed === 1 ? 'was' : 'were'} rolled back.
        </p>
      ) : null}
      {resetSteps.length > 0 ? (
        <div
          role="status"
          className="space-y-1 rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 dark:border-amber-400 dark:bg-amber-950/40"
        >
          <p className="font-medium">
            {resetSteps.length === 1 ? '1 tick was reset' : `${resetSteps.length} ticks were reset`}{' '}
            because the answers changed what{' '}
            {resetSteps.length === 1 ? 'its step says' : 'their steps say'}. Check{' '}
            {resetSteps.length === 1 ? 'it' : 'them'} again:
          </p>
          <ul className="list-disc space-y-0.5 pl-6">
            {resetSteps.map((step) => (
              <li key={step.id}>
                <Link
                  to={step.permalink}
                  className="text-blue-700 underline underline-offset-2 dark:text-sky-300"
                >
                  {step.name}: {step.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {children}
      {progress.isComplete ? <PlanCompleteMessage /> : null}
    </div>
  );
}

/** Said on screen once every step of the change is done, whatever the rollbacks. */
export function PlanCompleteMessage() {
  return (
    <p className="rounded-md border-l-4 border-green-700 bg-green-50 p-3 font-medium dark:border-green-400 dark:bg-green-950/40">
      Complete: every step of the change is done. Keep the backups until the new versions have run
      well for a while.
    </p>
  );
}
