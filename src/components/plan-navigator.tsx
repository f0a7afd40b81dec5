import {
  useId,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { Link } from 'react-router';
import {
  isContingencyPhase,
  type NextStep,
  type Phase,
  type PlanProgress,
  type ProgressCount,
} from '@/rules';

export type PlanNavigatorProps = {
  readonly phases: readonly Pick<Phase, 'id' | 'kind' | 'title'>[];
  readonly progress: PlanProgress;
  /** The first step of the change still to do; null once the plan is complete. */
  readonly nextStep: NextStep | null;
  /** Router paths that open the plan at a step, and at a phase. */
  readonly stepPath: (stepId: string) => string;
  readonly phasePath: (phaseId: string) => string;
  /** Bring a step's card, or a phase's heading, into view and give it the keyboard. */
  readonly onJumpToStep: (stepId: string) => void;
  readonly onJumpToPhase: (phaseId: string) => void;
  /** Where the page places the rail in its grid on wide screens. */
  readonly className?: string;
};

/** The DOM id of the navigator: the stylesheet keeps jump targets clear of it on narrow screens. */
export const planNavigatorId = 'plan-navigator';

const emptyCount: ProgressCount = { done: 0, total: 0 };

/** "3 of 5" for a phase of the change, "0 of 4 used" for the rollbacks. */
function phaseCountText(count: ProgressCount, isContingency: boolean): string {
  return `${count.done} of ${count.total}${isContingency ? ' used' : ''}`;
}

/** A click with no modifier key: one with a modifier opens a new tab or window instead. */
function isPlainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * Where the user is in the plan, always on screen: a compact bar stuck to the top of a phone's
 * screen (the count, the phase at hand, the phases behind a button, the next step to do), and a
 * rail beside the steps from the `lg` width up, with every phase listed. Text counts only: the
 * page's "Overall progress" bar stays the one progress bar of the whole plan.
 */
export function PlanNavigator({
  phases,
  progress,
  nextStep,
  stepPath,
  phasePath,
  onJumpToStep,
  onJumpToPhase,
  className = '',
}: PlanNavigatorProps) {
  const [isListOpen, setListOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const { overall } = progress;
  const currentPhase =
    nextStep === null ? undefined : phases.find((phase) => phase.id === nextStep.phaseId);
  const currentCount =
    currentPhase === undefined ? emptyCount : (progress.byPhase[currentPhase.id] ?? emptyCount);

  function closeList(returnFocus: boolean): void {
    setListOpen(false);
    if (returnFocus) toggleRef.current?.focus();
  }

  // Escape folds the phone's list of phases and gives the keyboard back to its button.
  function closeOnEscape(event: KeyboardEvent<HTMLElement>): void {
    if (event.key !== 'Escape' || !isListOpen) return;
    event.preventDefault();
    closeList(true);
  }

  // The list lies over the plan on a phone: once the keyboard leaves the navigator, it folds.
  function closeWhenFocusLeaves(event: FocusEvent<HTMLElement>): void {
    const next = event.relatedTarget;
    if (isListOpen && (next === null || !event.currentTarget.contains(next))) closeList(false);
  }

  // A plain click jumps in the page; the link's address stays for a new tab or window.
  function follow(event: MouseEvent<HTMLAnchorElement>, jump: () => void): void {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    setListOpen(false);
    jump();
  }

  return (
    <nav
      id={planNavigatorId}
      aria-label="Plan navigation"
      onKeyDown={closeOnEscape}
      onBlur={closeWhenFocusLeaves}
      className={`sticky top-0 z-20 -mx-4 mb-6 border-b border-slate-300 bg-white px-4 py-2 dark:border-slate-700 dark:bg-slate-950 print:hidden lg:top-4 lg:mx-0 lg:mb-0 lg:max-h-[calc(100vh-2rem)] lg:space-y-4 lg:overflow-y-auto lg:rounded-lg lg:border lg:p-4 ${className}`}
    >
      <p className="flex min-w-0 items-baseline gap-2 text-sm lg:block lg:text-base">
        <span className="shrink-0 font-semibold tabular-nums">
          {overall.done} of {overall.total} done
        </span>
        {currentPhase === undefined ? null : (
          <span className="min-w-0 truncate text-slate-700 dark:text-slate-300 lg:hidden">
            <span aria-hidden="true">· </span>
            <span className="sr-only">, now in</span> {currentPhase.title} (
            {phaseCountText(currentCount, false)})
          </span>
        )}
      </p>

      <div className="mt-1.5 flex flex-wrap items-center gap-2 lg:mt-0 lg:block">
        <button
          ref={toggleRef}
          type="button"
          aria-expanded={isListOpen}
          aria-controls={listId}
          onClick={() => setListOpen((isOpen) => !isOpen)}
          className="inline-flex items-center gap-1 rounded-md border border-slate-600 px-3 py-1.5 text-sm font-semibold aria-expanded:bg-slate-800 aria-expanded:text-white dark:border-slate-300 dark:aria-expanded:bg-slate-200 dark:aria-expanded:text-slate-950 lg:hidden"
        >
          Phases
          <span aria-hidden="true">{isListOpen ? '▴' : '▾'}</span>
        </button>
        {nextStep === null ? (
          <p className="text-sm font-semibold text-green-800 dark:text-green-300">
            The plan is complete.
          </p>
        ) : (
          <>
            <Link
              to={stepPath(nextStep.id)}
              replace
              onClick={(event) => follow(event, () => onJumpToStep(nextStep.id))}
              aria-describedby={`${listId}-next`}
              className="inline-block rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 dark:bg-sky-300 dark:text-slate-950 dark:hover:bg-sky-200 lg:block"
            >
              Next step to do
            </Link>
            <p id={`${listId}-next`} className="sr-only lg:not-sr-only lg:mt-1 lg:text-sm">
              Step {nextStep.number}: {nextStep.title}
            </p>
          </>
        )}
      </div>

      <div
        id={listId}
        className={
          isListOpen
            ? 'absolute inset-x-0 top-full max-h-[60vh] overflow-y-auto border-b border-slate-300 bg-white px-4 py-3 shadow-lg dark:border-slate-700 dark:bg-slate-950 lg:static lg:max-h-none lg:border-0 lg:p-0 lg:shadow-none'
            : 'hidden lg:block'
        }
      >
        <p id={`${listId}-label`} className="mb-1 text-sm font-semibold">
          Phases
        </p>
        <ol aria-labelledby={`${listId}-label`} className="space-y-1">
          {phases.map((phase) => {
            const isContingency = isContingencyPhase(phase);
            const count = progress.byPhase[phase.id] ?? emptyCount;
            const isFinished = progress.finishedPhaseIds.includes(phase.id);
            const isCurrent = phase.id === currentPhase?.id;
            return (
              <li key={phase.id}>
                <Link
                  to={phasePath(phase.id)}
                  replace
                  onClick={(event) => follow(event, () => onJumpToPhase(phase.id))}
                  aria-label={`${phase.title}, ${count.done} of ${count.total} ${isContingency ? 'used' : 'done'}`}
                  aria-current={isCurrent ? 'step' : undefined}
                  className={`flex items-baseline justify-between gap-2 rounded-md px-2 py-1.5 text-sm text-blue-800 underline-offset-2 hover:underline dark:text-sky-200 ${
                    isCurrent
                      ? 'bg-blue-50 font-semibold dark:bg-slate-900'
                      : 'hover:bg-blue-50 dark:hover:bg-slate-900'
                  }`}
                >
                  <span className="min-w-0">{phase.title}</span>
                  <span className="shrink-0 text-slate-700 tabular-nums dark:text-slate-300">
                    {isFinished ? <span aria-hidden="true">✓ </span> : null}
                    {phaseCountText(count, isContingency)}
                  </span>
                </Link>
              </li>
            );
          })}
        </ol>
      </div>
    </nav>
  );
}
