import { memo, useId, useState } from 'react';
import { answerLimits, coverFields, emptyCover, type ChangeCover } from '@/rules';

export type ChangeCoverFormProps = {
  readonly cover: ChangeCover | undefined;
  /** Saves the fields as they are; called when a field loses the focus. */
  readonly onSave: (cover: ChangeCover) => void;
};

const inputTypes: Readonly<Partial<Record<keyof ChangeCover, string>>> = {
  windowStart: 'datetime-local',
  windowEnd: 'datetime-local',
};

/** The change ticket, environment, window, operator and approver: printed on the cover. */
// Memoised: ticking a step re-renders the progress, not this.
export const ChangeCoverForm = memo(function ChangeCoverForm({
  cover,
  onSave,
}: ChangeCoverFormProps) {
  const headingId = useId();
  const idBase = useId();
  const [draft, setDraft] = useState<ChangeCover>(cover ?? emptyCover);
  const isWindowBackwards =
    draft.windowStart !== '' && draft.windowEnd !== '' && draft.windowEnd < draft.windowStart;
  const windowErrorId = `${idBase}-window-error`;

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-300 p-4 dark:border-slate-700"
    >
      <h2 id={headingId} className="text-xl font-semibold tracking-tight">
        The change
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        For the change record and the printed cover; kept with this plan in this browser.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {coverFields.map(({ key, label }) => {
          const id = `${idBase}-${key}`;
          const isWindowEnd = key === 'windowEnd';
          return (
            <div key={key} className="min-w-0 space-y-1">
              <label htmlFor={id} className="block font-medium">
                {label}
              </label>
              <input
                id={id}
                type={inputTypes[key] ?? 'text'}
                value={draft[key]}
                maxLength={answerLimits.maxCoverFieldLength}
                onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
                onBlur={() => onSave(draft)}
                aria-invalid={isWindowEnd && isWindowBackwards}
                aria-describedby={isWindowEnd && isWindowBackwards ? windowErrorId : undefined}
                className="block w-full min-w-0 rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900 dark:border-slate-400 dark:bg-slate-950 dark:text-slate-100"
              />
              {isWindowEnd && isWindowBackwards ? (
                <p
                  id={windowErrorId}
                  className="text-sm font-medium text-red-800 dark:text-red-300"
                >
                  Window end is before the window start.
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
});

export type RunbookChangeFieldsProps = { readonly cover: ChangeCover | undefined };

/** The cover's change fields on paper: what was filled in, and lines to write on for the rest. */
export function RunbookChangeFields({ cover }: RunbookChangeFieldsProps) {
  const fields = cover ?? emptyCover;
  return (
    <dl
      aria-label="The change"
      className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 border-b border-black pb-3"
    >
      {coverFields.map(({ key, label }) => (
        <div key={key} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd className="min-h-[1.4em] border-b border-neutral-400 break-words">
            {key in inputTypes ? fields[key].replace(/^(\d{4}-\d\d-\d\d)T/, '$1 ') : fields[key]}
          </dd>
        </div>
      ))}
    </dl>
  );
}
