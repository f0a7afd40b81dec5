import { createContext, use, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { wizardSteps, type FieldMessage, type WizardStep, type WizardStepEntry } from '@/rules';
import { fieldDomId } from '@/components/field';

/** The route of a wizard page: every page lives under `wizard/`. */
export function wizardPath(step: WizardStep): string {
  return `/wizard/${step}`;
}

export type WizardSummaryItem = {
  /** What the answer is about: "Model", "Gateway and Dashboard". */
  readonly label: string;
  readonly value: string;
  /** The step that asks for it. */
  readonly step: WizardStep;
};

/** What every wizard page shows around its content; the wizard's route provides it. */
export type WizardFrameContextValue = {
  /** Steps the user may open again: answered ones and the first that still needs an answer. */
  readonly reachable: readonly WizardStep[];
  readonly summary: readonly WizardSummaryItem[];
};

export const WizardFrameContext = createContext<WizardFrameContextValue>({
  reachable: [],
  summary: [],
});

export type WizardFrameProps = {
  readonly step: WizardStep;
  readonly title: string;
  /** False while answers on this page need attention: Next then lists them instead of moving on. */
  readonly canContinue: boolean;
  /** Runs before the move to the next step. */
  readonly onNext?: () => void;
  /** Runs when Next is pressed while the page cannot continue, e.g. to show every field's message. */
  readonly onBlocked?: () => void;
  /** What stops the user, as `validate` names the fields; each links to its control. */
  readonly problems?: readonly FieldMessage[];
  readonly children: ReactNode;
};

function stepIndex(step: WizardStep): number {
  return wizardSteps.findIndex((entry) => entry.id === step);
}

/** Focuses the control of a field, or the first control inside a group of them. */
function focusField(field: string): void {
  const target = document.getElementById(fieldDomId(field));
  if (target === null) return;
  const control = target.matches('input, select, textarea, button')
    ? target
    : (target.querySelector<HTMLElement>('input:checked:not([disabled])') ??
      target.querySelector<HTMLElement>('input:not([disabled]), select, textarea, button'));
  (control ?? target).focus();
}

export function WizardFrame({
  step,
  title,
  canContinue,
  onNext,
  onBlocked,
  problems = [],
  children,
}: WizardFrameProps) {
  const { reachable, summary } = use(WizardFrameContext);
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  // Counts the presses of Next while blocked, so that every press moves focus to the list again.
  const [blockedPresses, setBlockedPresses] = useState(0);
  const index = stepIndex(step);
  const previous = wizardSteps[index - 1];
  const next = wizardSteps[index + 1];

  // A new step is a new page: start reading at its heading.
  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  useEffect(() => {
    if (blockedPresses > 0) problemsRef.current?.focus();
  }, [blockedPresses]);

  function handleNext(): void {
    if (!canContinue) {
      setBlockedPresses((count) => count + 1);
      onBlocked?.();
      return;
    }
    onNext?.();
    if (next !== undefined) void navigate(wizardPath(next.id));
  }

  const showProblems = blockedPresses > 0 && !canContinue;

  return (
    <div className="space-y-6">
      <nav aria-label="Wizard steps">
        <ol className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
          {wizardSteps.map((entry, position) => (
            <li key={entry.id}>
              <StepMarker
                entry={entry}
                number={position + 1}
                isCurrent={entry.id === step}
                isReachable={reachable.includes(entry.id)}
              />
            </li>
          ))}
        </ol>
      </nav>

      <header className="space-y-1">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Step {index + 1} of {wizardSteps.length}
        </p>
        <h1
          ref={headingRef}
          tabIndex={-1}
          className="text-2xl font-bold tracking-tight outline-none sm:text-3xl"
        >
          {title}
        </h1>
      </header>

      {summary.length > 0 ? <AnswerSummary items={summary} currentStep={step} /> : null}

      <div
        ref={problemsRef}
        tabIndex={-1}
        role="alert"
        className={
          showProblems
            ? 'space-y-2 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 outline-none dark:border-red-300 dark:bg-red-950/40'
            : 'sr-only'
        }
      >
        {showProblems ? (
          <>
            <h2 className="font-semibold">Some answers need attention before you go on</h2>
            {problems.length > 0 ? (
              <ul className="list-disc space-y-1 pl-5">
                {problems.map((problem) => (
                  <li key={`${problem.field}-${problem.message}`}>
                    <button
                      type="button"
                      onClick={() => focusField(problem.field)}
                      className="text-left text-red-800 underline underline-offset-2 dark:text-red-200"
                    >
                      {problem.message}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p>The messages next to the fields say what to change.</p>
            )}
          </>
        ) : null}
      </div>

      <div className="space-y-8">{children}</div>

      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-300 pt-4 dark:border-slate-700 print:hidden">
        {previous === undefined ? (
          <Link
            to="/"
            className="rounded-md px-4 py-2 font-semibold text-blue-700 underline underline-offset-4 dark:text-sky-300"
          >
            Saved plans
          </Link>
        ) : (
          <Link
            to={wizardPath(previous.id)}
            className="rounded-md border border-blue-700 px-4 py-2 font-semibold text-blue-700 dark:border-sky-300 dark:text-sky-300"
          >
            <span aria-hidden="true">← </span>Back: {previous.label}
          </Link>
        )}
        {next === undefined && onNext === undefined ? null : (
          <button
            type="button"
            onClick={handleNext}
            aria-disabled={canContinue ? undefined : true}
            className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 aria-disabled:bg-slate-600 dark:bg-sky-300 dark:text-slate-950 dark:hover:bg-sky-200 dark:aria-disabled:bg-slate-400"
          >
            {next === undefined ? 'Done' : `Next: ${next.label}`}
            {next === undefined ? null : <span aria-hidden="true"> →</span>}
          </button>
        )}
      </div>
    </div>
  );
}

type StepMarkerProps = {
  readonly entry: WizardStepEntry;
  readonly number: number;
  readonly isCurrent: boolean;
  readonly isReachable: boolean;
};

function StepMarker({ entry, number, isCurrent, isReachable }: StepMarkerProps) {
  const badge = (
    <span
      aria-hidden="true"
      className="inline-flex size-6 shrink-0 items-center justify-center rounded-full border border-current text-xs font-semibold"
    >
      {number}
    </span>
  );
  const base = 'flex items-center gap-2 rounded-md px-2 py-1.5';
  if (isCurrent) {
    return (
      <span
        aria-current="step"
        className={`${base} bg-blue-700 font-semibold text-white dark:bg-sky-300 dark:text-slate-950`}
      >
        {badge}
        <span>
          <span className="sr-only">Step {number}:</span> {entry.label}
        </span>
      </span>
    );
  }
  if (isReachable) {
    return (
      <Link
        to={wizardPath(entry.id)}
        className={`${base} text-blue-700 underline underline-offset-4 hover:bg-blue-50 dark:text-sky-300 dark:hover:bg-slate-900`}
      >
        {badge}
        <span>
          <span className="sr-only">Step {number}:</span> {entry.label}
        </span>
      </Link>
    );
  }
  return (
    <span className={`${base} text-slate-600 dark:text-slate-400`}>
      {badge}
      <span>
        <span className="sr-only">Step {number}:</span> {entry.label}{' '}
        <span className="sr-only">(answer the steps before it first)</span>
      </span>
    </span>
  );
}

type AnswerSummaryProps = {
  readonly items: readonly WizardSummaryItem[];
  readonly currentStep: WizardStep;
};

function AnswerSummary({ items, currentStep }: AnswerSummaryProps) {
  return (
    <aside
      aria-label="Your answers so far"
      className="rounded-lg border border-slate-300 bg-slate-50 px-4 py-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <dl className="flex flex-wrap gap-x-6 gap-y-2">
        {items.map((item) => {
          const path = wizardPath(item.step);
          return (
            <div key={item.label} className="flex flex-wrap gap-x-1">
              <dt className="text-slate-700 dark:text-slate-300">{item.label}:</dt>
              <dd className="font-medium">
                {item.step === currentStep ? (
                  item.value
                ) : (
                  <Link
                    to={path}
                    className="text-blue-700 underline underline-offset-2 dark:text-sky-300"
                  >
                    {item.value} <span className="sr-only">(change)</span>
                  </Link>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </aside>
  );
}
