import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { answerLimits, type StepChange, type StepRecord } from '@/rules';
import { RecordedTime } from '@/components/recorded-time';

export type StepRunControlsProps = {
  readonly stepId: string;
  /** "step 7": tells the many buttons of a plan apart for screen readers. */
  readonly stepName: string;
  readonly record: StepRecord | undefined;
  /** A rollback step offers a note only: whether it was used is its checkbox. */
  readonly isContingency: boolean;
  readonly onRecord: (stepId: string, change: StepChange) => void;
};

type TextKind = 'skipped' | 'failed' | 'note';

type KindEntry = {
  readonly button: string;
  readonly label: string;
  /** Said when Save is pressed with nothing typed; null when an empty text simply clears it. */
  readonly emptyError: string | null;
  readonly save: string;
};

const kinds: Readonly<Record<TextKind, KindEntry>> = {
  skipped: {
    button: 'Skip',
    label: 'Why is this step skipped?',
    emptyError: 'Say why the step is skipped: the change record keeps the reason.',
    save: 'Skip the step',
  },
  failed: {
    button: 'Failed or rolled back',
    label: 'What went wrong, and what did you do?',
    emptyError: 'Say what went wrong: the change record keeps the note.',
    save: 'Record the failure',
  },
  note: {
    button: 'Note',
    label: 'Note',
    emptyError: null,
    save: 'Save the note',
  },
};

function textOf(record: StepRecord | undefined, kind: TextKind): string {
  if (kind === 'skipped') return record?.skipped?.reason ?? '';
  if (kind === 'failed') return record?.failed?.note ?? '';
  return record?.note?.text ?? '';
}

const smallButton =
  'inline-flex min-h-8 items-center rounded border border-slate-400 bg-white px-2 py-0.5 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

/** Besides the tick: skip a step with a reason, record a failure or a rollback, keep a note. */
export function StepRunControls({
  stepId,
  stepName,
  record,
  isContingency,
  onRecord,
}: StepRunControlsProps) {
  const [editing, setEditing] = useState<TextKind | null>(null);
  const openers = useRef<Partial<Record<TextKind, HTMLButtonElement | null>>>({});
  const [returnFocusTo, setReturnFocusTo] = useState<TextKind | null>(null);

  useEffect(() => {
    if (returnFocusTo === null) return;
    openers.current[returnFocusTo]?.focus();
    setReturnFocusTo(null);
  }, [returnFocusTo]);

  const offered: readonly TextKind[] = isContingency ? ['note'] : ['skipped', 'failed', 'note'];

  function close(kind: TextKind): void {
    setEditing(null);
    setReturnFocusTo(kind);
  }

  function save(kind: TextKind, text: string): void {
    onRecord(stepId, { kind, text });
    close(kind);
  }

  return (
    <div className="space-y-2">
      <RecordedMarks record={record} />
      {editing === null ? (
        <div role="group" aria-label={`Record on ${stepName}`} className="flex flex-wrap gap-2">
          {offered.map((kind) => {
            const hasText = textOf(record, kind) !== '';
            return (
              <button
                key={kind}
                ref={(element) => {
                  openers.current[kind] = element;
                }}
                type="button"
                onClick={() => setEditing(kind)}
                className={smallButton}
              >
                {hasText ? `Edit ${kinds[kind].button.toLowerCase()}` : `${kinds[kind].button}…`}
                <span className="sr-only"> ({stepName})</span>
              </button>
            );
          })}
        </div>
      ) : (
        <MarkForm
          kind={editing}
          stepName={stepName}
          initial={textOf(record, editing)}
          onSave={(text) => save(editing, text)}
          onCancel={() => close(editing)}
        />
      )}
    </div>
  );
}

type RecordedMarksProps = { readonly record: StepRecord | undefined };

/** What has been recorded on the step, each with its time. */
function RecordedMarks({ record }: RecordedMarksProps) {
  if (record === undefined) return null;
  const { skipped, failed, note } = record;
  if (skipped === undefined && failed === undefined && note === undefined) return null;
  return (
    <ul className="space-y-1 text-sm">
      {skipped === undefined ? null : (
        <li className="rounded border-l-4 border-slate-600 bg-slate-100 px-2 py-1 dark:border-slate-300 dark:bg-slate-800">
          <strong className="font-semibold">Skipped</strong> <RecordedTime iso={skipped.at} />:{' '}
          <span className="whitespace-pre-line break-words">{skipped.reason}</span>
        </li>
      )}
      {failed === undefined ? null : (
        <li className="rounded border-l-4 border-red-700 bg-red-50 px-2 py-1 dark:border-red-400 dark:bg-red-950/40">
          <strong className="font-semibold">Failed or rolled back</strong>{' '}
          <RecordedTime iso={failed.at} />:{' '}
          <span className="whitespace-pre-line break-words">{failed.note}</span>
        </li>
      )}
      {note === undefined ? null : (
        <li className="rounded border-l-4 border-blue-700 bg-blue-50 px-2 py-1 dark:border-sky-300 dark:bg-slate-800">
          <strong className="font-semibold">Note</strong> <RecordedTime iso={note.at} />:{' '}
          <span className="whitespace-pre-line break-words">{note.text}</span>
        </li>
      )}
    </ul>
  );
}

type MarkFormProps = {
  readonly kind: TextKind;
  readonly stepName: string;
  readonly initial: string;
  readonly onSave: (text: string) => void;
  readonly onCancel: () => void;
};

function MarkForm({ kind, stepName, initial, onSave, onCancel }: MarkFormProps) {
  const entry = kinds[kind];
  const fieldId = useId();
  const errorId = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => field.current?.focus(), []);

  function submit(): void {
    if (text.trim() === '' && entry.emptyError !== null) {
      setError(entry.emptyError);
      field.current?.focus();
      return;
    }
    onSave(text);
  }

  function cancelOnEscape(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  }

  return (
    <div
      onKeyDown={cancelOnEscape}
      className="space-y-2 rounded-md border border-slate-300 p-2 dark:border-slate-700"
    >
      <label htmlFor={fieldId} className="block text-sm font-medium">
        {entry.label}
        <span className="sr-only"> ({stepName})</span>
      </label>
      <textarea
        ref={field}
        id={fieldId}
        value={text}
        rows={2}
        maxLength={answerLimits.maxStepNoteLength}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : errorId}
        className="block w-full rounded-md border border-slate-500 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-400 dark:bg-slate-950 dark:text-slate-100"
      />
      {error === null ? null : (
        <p id={errorId} className="text-sm font-medium text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={submit}
          className="rounded bg-blue-700 px-3 py-1 text-sm font-semibold text-white hover:bg-blue-800"
        >
          {entry.save}
        </button>
        {initial !== '' ? (
          <button type="button" onClick={() => onSave('')} className={smallButton}>
            {kind === 'note'
              ? 'Delete the note'
              : kind === 'skipped'
                ? 'Undo the skip'
                : 'Clear the failure'}
          </button>
        ) : null}
        <button type="button" onClick={onCancel} className={smallButton}>
          Cancel
        </button>
      </div>
    </div>
  );
}
