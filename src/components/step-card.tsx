import { memo, useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import {
  pasteBlock,
  planeLabel,
  stepComponentLabel,
  stepStatus,
  type PasteBlock,
  type Step,
  type StepChange,
  type StepKind,
  type StepRecord,
} from '@/rules';
import { CommandBlock } from '@/components/command-block';
import { CopyButton } from '@/components/copy-button';
import { formatRecorded, RecordedTime } from '@/components/recorded-time';
import { StepRunControls } from '@/components/step-run-controls';

export type StepCardProps = {
  readonly step: Step;
  /** Position in the whole plan, counted from 1 across phases. */
  readonly number: number;
  /** ISO time the step was ticked, or undefined while it is open. */
  readonly doneAt?: string | undefined;
  readonly onDoneChange: (stepId: string, isDone: boolean) => void;
  /** Router path that opens the plan at this step (`/wizard/plan?step=<id>`). */
  readonly permalink: string;
  /** Title of the guide in `step.guide`, for the link text. */
  readonly guideTitle?: string | undefined;
  /** The step a link pointed at: drawn with a stronger outline. */
  readonly isTarget?: boolean;
  /** What was recorded on the step besides its tick. */
  readonly record?: StepRecord | undefined;
  /** A rollback step: its box says whether it was used, and it is never needed to finish. */
  readonly isContingency?: boolean;
  /** Records a skip, a failure, a note or a used rollback; without it the card offers none. */
  readonly onRecord?: ((stepId: string, change: StepChange) => void) | undefined;
};

export const stepKindNames: Readonly<Record<StepKind, string>> = {
  prepare: 'Prepare',
  communicate: 'Communicate',
  backup: 'Backup',
  build: 'Build',
  configure: 'Configure',
  upgrade: 'Upgrade',
  verify: 'Verify',
  rollback: 'Rollback',
};

/** The DOM id of a step's card: the target of `?step=<id>`. */
export function stepElementId(stepId: string): string {
  return `step-${stepId}`;
}

// Memoised: ticking one step re-renders only that card, not the forty others of the plan.
export const StepCard = memo(function StepCard({
  step,
  number,
  doneAt,
  onDoneChange,
  permalink,
  guideTitle,
  isTarget = false,
  record,
  isContingency = false,
  onRecord,
}: StepCardProps) {
  const idBase = useId();
  const headingId = `${idBase}-heading`;
  const checkboxId = `${idBase}-done`;
  const usedAt = record?.usedAt;
  // A rollback step's box is its "used" marker; a step of the change has the tick.
  const markedAt = isContingency ? usedAt : doneAt;
  const isDone = markedAt !== undefined;
  const status = isContingency ? 'open' : stepStatus(doneAt, record);
  const tickedText = markedAt === undefined ? null : formatRecorded(markedAt);
  const stepName = `step ${number}`;
  const boxWord = isContingency ? 'Used' : 'Done';
  const block = pasteBlock(step);
  const blockNoteId = `${idBase}-copy-all`;

  function onBoxChange(isChecked: boolean): void {
    if (isContingency) onRecord?.(step.id, { kind: 'used', isUsed: isChecked });
    else onDoneChange(step.id, isChecked);
  }

  return (
    <article
      id={stepElementId(step.id)}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-step-id={step.id}
      data-step-kind={step.kind}
      className={`scroll-mt-4 space-y-3 rounded-lg border bg-white p-3 sm:p-4 dark:bg-slate-950 ${
        isTarget
          ? 'border-blue-700 ring-2 ring-blue-700 dark:border-sky-300 dark:ring-sky-300'
          : isDone
            ? 'border-green-700 dark:border-green-500'
            : 'border-slate-300 dark:border-slate-700'
      }`}
    >
      <header className="space-y-2">
        <h3 id={headingId} className="flex gap-2 text-lg font-semibold leading-snug">
          <span className="shrink-0 tabular-nums text-slate-600 dark:text-slate-400">
            {number}.
          </span>{' '}
          <span className={isDone ? 'text-slate-700 dark:text-slate-300' : undefined}>
            {step.title}
          </span>
        </h3>
        <ul aria-label={`About ${stepName}`} className="flex flex-wrap gap-1.5 text-xs font-medium">
          <Badge>
            <span className="sr-only">Kind: </span>
            {stepKindNames[step.kind]}
          </Badge>
          {step.component ? (
            <Badge>
              <span className="sr-only">Component: </span>
              {stepComponentLabel(step.component)}
            </Badge>
          ) : null}
          {step.plane ? <Badge>{planeLabel(step.plane)}</Badge> : null}
          {isContingency ? (
            <li className="rounded border border-dashed border-slate-600 px-1.5 py-0.5 text-slate-800 dark:border-slate-300 dark:text-slate-100">
              Only if you roll back
            </li>
          ) : null}
          {isDone ? (
            <li className="rounded border border-green-700 bg-green-50 px-1.5 py-0.5 text-green-800 dark:border-green-400 dark:bg-green-950 dark:text-green-200">
              {boxWord}
            </li>
          ) : null}
          {status === 'skipped' ? <Badge>Skipped</Badge> : null}
          {status === 'failed' ? (
            <li className="rounded border border-red-700 bg-red-50 px-1.5 py-0.5 text-red-800 dark:border-red-400 dark:bg-red-950 dark:text-red-200">
              Failed
            </li>
          ) : null}
        </ul>
        {!isContingency && !isDone && record?.reset !== undefined ? (
          <p className="rounded-md border-l-4 border-amber-700 bg-amber-50 px-3 py-2 font-medium dark:border-amber-400 dark:bg-amber-950/40">
            Changed since you ticked it on <RecordedTime iso={record.reset.tickedAt} />; check
            again.
          </p>
        ) : null}
      </header>

      <p className="leading-relaxed whitespace-pre-line">{step.detail}</p>

      {step.links && step.links.length > 0 ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {step.links.map((link) => (
            <li key={link.url}>
              <a
                href={link.url}
                target="_blank"
                rel="noreferrer"
                className="text-blue-700 underline underline-offset-2 dark:text-sky-300"
              >
                {link.label}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}

      {step.commands.length > 0 ? (
        <div className="space-y-3">
          {step.commands.map((command, index) => (
            <CommandBlock
              key={index}
              command={command}
              name={`${command.label ?? 'Command'} (${stepName}, command ${index + 1})`}
            />
          ))}
          {block ? (
            <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1">
              <p id={blockNoteId} className="text-sm text-slate-700 dark:text-slate-300">
                {copyAllNote(block)}
              </p>
              <CopyButton
                text={block.code}
                idleText="Copy all"
                what={`${block.commandCount} commands of ${stepName}`}
                describedBy={blockNoteId}
              />
            </div>
          ) : null}
        </div>
      ) : null}

      {step.verify ? (
        <Fold summary="Check that it worked" context={stepName}>
          {step.verify.commands.map((command, index) => (
            <CommandBlock
              key={index}
              command={command}
              name={`${command.label ?? 'Check'} (${stepName}, check ${index + 1})`}
            />
          ))}
          <p className="leading-relaxed">
            <strong className="font-semibold">What good looks like:</strong> {step.verify.expect}
          </p>
        </Fold>
      ) : null}

      {step.rollback ? (
        <Fold summary="How to roll back" context={stepName}>
          <p className="leading-relaxed whitespace-pre-line">{step.rollback.detail}</p>
          {step.rollback.commands.map((command, index) => (
            <CommandBlock
              key={index}
              command={command}
              name={`${command.label ?? 'Rollback'} (${stepName}, rollback command ${index + 1})`}
            />
          ))}
        </Fold>
      ) : null}

      {onRecord === undefined ? null : (
        <StepRunControls
          stepId={step.id}
          stepName={stepName}
          record={record}
          isContingency={isContingency}
          onRecord={onRecord}
        />
      )}

      <footer className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-3 dark:border-slate-800">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span className="inline-flex items-center gap-2">
            <input
              id={checkboxId}
              type="checkbox"
              checked={isDone}
              onChange={(event) => onBoxChange(event.target.checked)}
              className="size-5 accent-green-700 dark:accent-green-400"
            />
            <label htmlFor={checkboxId} className="font-medium">
              {boxWord}
              <span className="sr-only">
                : {stepName}, {step.title}
              </span>
            </label>
          </span>
          {isDone && tickedText && markedAt ? (
            <span className="text-sm text-slate-700 dark:text-slate-300">
              {isContingency ? 'Used' : 'Ticked'} <time dateTime={markedAt}>{tickedText}</time>
            </span>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {step.guide ? (
            <Link
              className="text-blue-700 underline underline-offset-2 dark:text-sky-300"
              to={`/guides/${step.guide}`}
            >
              Guide: {guideTitle ?? step.guide}
            </Link>
          ) : null}
          <Link
            className="text-blue-700 underline underline-offset-2 dark:text-sky-300"
            to={permalink}
          >
            Link to {stepName}
          </Link>
        </div>
      </footer>
    </article>
  );
});

/** What the copied block does, and which of the step's snippets are not in it. */
function copyAllNote(block: PasteBlock): string {
  const note = 'Copy all: one block that stops at the first failing command; paste it whole.';
  if (block.leftOut.length === 0) return note;
  const kinds = [...new Set(block.leftOut.map((command) => command.lang.toUpperCase()))];
  const isOne = block.leftOut.length === 1;
  return `${note} The ${kinds.join(' and ')} ${isOne ? 'snippet is' : 'snippets are'} not shell and not in it: put ${isOne ? 'it' : 'them'} in place first.`;
}

type BadgeProps = { readonly children: ReactNode };

function Badge({ children }: BadgeProps) {
  return (
    <li className="rounded border border-slate-400 bg-slate-100 px-1.5 py-0.5 text-slate-800 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100">
      {children}
    </li>
  );
}

type FoldProps = {
  readonly summary: string;
  readonly context: string;
  readonly children: ReactNode;
};

/**
 * A part of the step to open when needed. Its content is made only once it is first opened: a
 * large plan has a check and a way back for every step, and the page opens faster without them.
 */
function Fold({ summary, context, children }: FoldProps) {
  const [hasOpened, setHasOpened] = useState(false);
  return (
    <details
      className="rounded-md border border-slate-300 dark:border-slate-700"
      onToggle={(event) => {
        if (event.currentTarget.open) setHasOpened(true);
      }}
    >
      <summary className="cursor-pointer rounded-md px-3 py-2 font-medium hover:bg-slate-50 dark:hover:bg-slate-900">
        {summary}
        <span className="sr-only"> ({context})</span>
      </summary>
      <div className="space-y-3 border-t border-slate-300 p-2 sm:p-3 dark:border-slate-700">
        {hasOpened ? children : null}
      </div>
    </details>
  );
}
