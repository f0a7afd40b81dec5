import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { ProgressBar } from '@/components/progress-bar';
import { answerLimits } from '@/rules/limits';

/** One saved plan as the list shows it; the saved plans' index (src/store/plan-index.ts) keeps these. */
export type SavedPlanRow = {
  readonly id: string;
  readonly name: string;
  /** The deployment model's label. */
  readonly model: string;
  /** "Gateway 5.3.0 → 5.8.2", or a note that the versions are not given yet. */
  readonly versions: string;
  /** ISO time of the last change. */
  readonly updatedAt: string;
  /** Steps ticked of the plan's steps; null while the answers do not make a plan yet. */
  readonly progress: { readonly done: number; readonly total: number } | null;
  /** Where "Resume" leads: the plan, or the first step that still needs an answer. */
  readonly resumePath: string;
};

/** Plans shown at first, and added by each "Show more": a long list stays quick to open. */
export const savedPlansPageSize = 20;

export type SavedPlansListProps = {
  readonly plans: readonly SavedPlanRow[];
  readonly onOpen: (id: string) => void;
  readonly onDuplicate: (id: string) => void;
  readonly onRename: (id: string, name: string) => void;
  readonly onDelete: (id: string) => void;
};

function formatTime(iso: string): string {
  const date = new Date(iso);
  if (iso === '' || Number.isNaN(date.getTime())) return 'unknown';
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const secondaryButton =
  'rounded-md border border-slate-600 px-3 py-1.5 text-sm font-semibold dark:border-slate-300';

export function SavedPlansList({
  plans,
  onOpen,
  onDuplicate,
  onRename,
  onDelete,
}: SavedPlansListProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [shownCount, setShownCount] = useState(savedPlansPageSize);
  const firstNewRow = useRef<HTMLLIElement>(null);
  const [focusNewRow, setFocusNewRow] = useState(false);
  const shown = plans.slice(0, shownCount);
  const hiddenCount = plans.length - shown.length;
  const previousCount = shownCount - savedPlansPageSize;

  useEffect(() => {
    if (!focusNewRow) return;
    firstNewRow.current?.focus();
    setFocusNewRow(false);
  }, [focusNewRow]);

  function showMore(): void {
    setShownCount((count) => count + savedPlansPageSize);
    // The button may go with the last plans: the first plan it brought takes the focus.
    setFocusNewRow(true);
  }

  function handleDelete(id: string): void {
    onDelete(id);
    // The row and its buttons are gone: continue from the list's heading.
    headingRef.current?.focus();
  }

  return (
    <section aria-labelledby="saved-plans-heading" className="space-y-3">
      <h2
        id="saved-plans-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-xl font-semibold outline-none"
      >
        Your saved plans
      </h2>
      {plans.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">
          No saved plans yet. Plans you start are kept in this browser.
        </p>
      ) : (
        <ul className="space-y-3">
          {shown.map((plan, index) => (
            <li
              key={plan.id}
              ref={index === previousCount && previousCount > 0 ? firstNewRow : undefined}
              tabIndex={index === previousCount && previousCount > 0 ? -1 : undefined}
              className="rounded-lg focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 dark:focus:outline-sky-300"
            >
              <PlanRow
                plan={plan}
                onOpen={onOpen}
                onDuplicate={onDuplicate}
                onRename={onRename}
                onDelete={handleDelete}
              />
            </li>
          ))}
        </ul>
      )}
      {hiddenCount > 0 ? (
        <button type="button" onClick={showMore} className={secondaryButton}>
          Show {Math.min(hiddenCount, savedPlansPageSize)} more of {plans.length} saved plans
        </button>
      ) : null}
    </section>
  );
}

type PlanRowProps = {
  readonly plan: SavedPlanRow;
  readonly onOpen: (id: string) => void;
  readonly onDuplicate: (id: string) => void;
  readonly onRename: (id: string, name: string) => void;
  readonly onDelete: (id: string) => void;
};

type Mode = 'view' | 'rename' | 'confirm-delete';

function PlanRow({ plan, onOpen, onDuplicate, onRename, onDelete }: PlanRowProps) {
  const base = useId();
  const [mode, setMode] = useState<Mode>('view');
  const [draftName, setDraftName] = useState(plan.name);
  const renameInputRef = useRef<HTMLInputElement>(null);
  const keepButtonRef = useRef<HTMLButtonElement>(null);
  const renameButtonRef = useRef<HTMLButtonElement>(null);
  const deleteButtonRef = useRef<HTMLButtonElement>(null);
  const returnFocusTo = useRef<'rename' | 'delete' | null>(null);
  const headingId = `${base}-name`;
  const isNameBlank = draftName.trim() === '';
  const maxNameLength = answerLimits.maxPlanNameLength;
  const nameMessage = isNameBlank
    ? 'Enter a name.'
    : draftName.length >= maxNameLength
      ? `A plan name can be at most ${maxNameLength} characters long.`
      : '';

  useEffect(() => {
    if (mode === 'rename') {
      renameInputRef.current?.focus();
      renameInputRef.current?.select();
    }
    if (mode === 'confirm-delete') keepButtonRef.current?.focus();
    if (mode === 'view' && returnFocusTo.current !== null) {
      (returnFocusTo.current === 'rename' ? renameButtonRef : deleteButtonRef).current?.focus();
      returnFocusTo.current = null;
    }
  }, [mode]);

  function backToView(from: 'rename' | 'delete'): void {
    returnFocusTo.current = from;
    setMode('view');
  }

  function saveName(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isNameBlank) return;
    onRename(plan.id, draftName);
    backToView('rename');
  }

  function cancelOnEscape(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      backToView('rename');
    }
  }

  return (
    <article
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-300 p-4 dark:border-slate-700"
    >
      <h3 id={headingId} className="text-lg font-semibold break-words">
        {plan.name}
      </h3>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700 dark:text-slate-300">Model</dt>
        <dd>{plan.model}</dd>
        <dt className="text-slate-700 dark:text-slate-300">Versions</dt>
        <dd>{plan.versions}</dd>
        <dt className="text-slate-700 dark:text-slate-300">Last change</dt>
        <dd>
          <time dateTime={plan.updatedAt}>{formatTime(plan.updatedAt)}</time>
        </dd>
        <dt className="text-slate-700 dark:text-slate-300">Progress</dt>
        <dd>
          {plan.progress === null ? (
            'The answers are not complete yet.'
          ) : (
            <ProgressBar
              done={plan.progress.done}
              total={plan.progress.total}
              label={`Progress of ${plan.name}`}
            />
          )}
        </dd>
      </dl>

      {mode === 'rename' ? (
        <form onSubmit={saveName} className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 basis-56 space-y-1">
            <label htmlFor={`${base}-rename`} className="block text-sm font-medium">
              New name for {plan.name}
            </label>
            <input
              id={`${base}-rename`}
              ref={renameInputRef}
              type="text"
              value={draftName}
              maxLength={maxNameLength}
              onChange={(event) => setDraftName(event.target.value)}
              onKeyDown={cancelOnEscape}
              aria-invalid={isNameBlank ? true : undefined}
              aria-describedby={`${base}-rename-error`}
              className="block w-full rounded-md border border-slate-500 bg-white px-3 py-1.5 dark:border-slate-400 dark:bg-slate-900"
            />
            <p
              id={`${base}-rename-error`}
              aria-live="polite"
              className="text-sm font-medium text-red-700 dark:text-red-300"
            >
              {nameMessage}
            </p>
          </div>
          <div className="mb-7 flex gap-2">
            <button
              type="submit"
              className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white dark:bg-sky-300 dark:text-slate-950"
            >
              Save name
            </button>
            <button type="button" onClick={() => backToView('rename')} className={secondaryButton}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}

      {mode === 'confirm-delete' ? (
        <div
          role="group"
          aria-labelledby={`${base}-confirm`}
          className="space-y-2 rounded-md border-l-4 border-red-700 bg-red-50 p-3 dark:border-red-300 dark:bg-red-950/40"
        >
          <p id={`${base}-confirm`}>
            Delete {plan.name}? Its answers and ticks are removed from this browser. This cannot be
            undone.
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={() => onDelete(plan.id)}
              aria-label={`Delete plan ${plan.name}`}
              className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white dark:bg-red-300 dark:text-red-950"
            >
              Delete plan
            </button>
            <button
              type="button"
              ref={keepButtonRef}
              onClick={() => backToView('delete')}
              className={secondaryButton}
            >
              Keep it
            </button>
          </div>
        </div>
      ) : null}

      {mode === 'view' ? (
        <div className="flex flex-wrap gap-2">
          <Link
            to={plan.resumePath}
            onClick={() => onOpen(plan.id)}
            aria-label={`Resume ${plan.name}`}
            className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 dark:bg-sky-300 dark:text-slate-950 dark:hover:bg-sky-200"
          >
            Resume
          </Link>
          <button
            type="button"
            onClick={() => onDuplicate(plan.id)}
            aria-label={`Duplicate ${plan.name}`}
            className={secondaryButton}
          >
            Duplicate
          </button>
          <button
            type="button"
            ref={renameButtonRef}
            aria-label={`Rename ${plan.name}`}
            onClick={() => {
              setDraftName(plan.name);
              setMode('rename');
            }}
            className={secondaryButton}
          >
            Rename
          </button>
          <button
            type="button"
            ref={deleteButtonRef}
            aria-label={`Delete ${plan.name}`}
            onClick={() => setMode('confirm-delete')}
            className={secondaryButton}
          >
            Delete
          </button>
        </div>
      ) : null}
    </article>
  );
}
