import { memo, useId } from 'react';
import { CopyButton } from '@/components/copy-button';
import { downloadText, fileStemOf } from '@/components/export-panel';
import { inputClass } from '@/components/field';
import {
  announcementFor,
  type AnnouncementStepId,
  type ChangeDetails,
  type ChangeEstimate,
  type Plan,
} from '@/rules';

export type AnnouncementPanelProps = {
  readonly plan: Plan;
  readonly estimate: ChangeEstimate;
  /** Which "tell the stakeholders" step the message is for. */
  readonly stepId: AnnouncementStepId;
  readonly details: ChangeDetails;
  readonly onDetailsChange: (details: ChangeDetails) => void;
};

type DetailField = {
  readonly id: keyof ChangeDetails;
  readonly label: string;
  readonly type: 'text' | 'datetime-local';
  readonly help?: string;
};

const detailFields: readonly DetailField[] = [
  { id: 'windowStart', label: 'Window starts', type: 'datetime-local' },
  { id: 'windowEnd', label: 'Window ends', type: 'datetime-local', help: 'Optional.' },
  { id: 'environment', label: 'Environment', type: 'text', help: 'Such as production.' },
  { id: 'contact', label: 'Contact', type: 'text', help: 'A person, a team or a channel.' },
  { id: 'operator', label: 'Carried out by', type: 'text' },
  { id: 'approver', label: 'Approved by', type: 'text' },
  { id: 'ticket', label: 'Change ticket', type: 'text' },
];

const titles: Readonly<Record<AnnouncementStepId, string>> = {
  'announce-upgrade': 'The announcement to send before the change',
  'announce-complete': 'The message to send when it is done',
};

const fileSuffix: Readonly<Record<AnnouncementStepId, string>> = {
  'announce-upgrade': 'announcement',
  'announce-complete': 'completion-message',
};

const buttonClass =
  'inline-flex min-h-9 items-center gap-1 rounded border border-slate-400 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

/**
 * A ready-to-send message for one of the plan's "tell the stakeholders" steps, with what the user
 * fills in (the window, the people) and the impact of the plan's strategy; copy it or save it.
 */
// Memoised: ticking a step re-renders the progress, not this.
export const AnnouncementPanel = memo(function AnnouncementPanel({
  plan,
  estimate,
  stepId,
  details,
  onDetailsChange,
}: AnnouncementPanelProps) {
  const base = `announcement-${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const message = announcementFor(plan, estimate, details, stepId);
  const stem = `${fileStemOf(plan.title)}-${fileSuffix[stepId]}`;
  const title = titles[stepId];
  return (
    <details className="rounded-lg border border-slate-300 p-4 dark:border-slate-700 print:hidden">
      <summary className="cursor-pointer font-semibold">{title}</summary>
      <div className="mt-3 space-y-4">
        <fieldset className="space-y-2">
          <legend className="font-medium">
            Fill in what you know; the message uses it as you type.
          </legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {detailFields.map((field) => {
              const id = `${base}-${field.id}`;
              return (
                <div key={field.id} className="space-y-1">
                  <label htmlFor={id} className="block font-medium">
                    {field.label}
                  </label>
                  <input
                    id={id}
                    type={field.type}
                    value={details[field.id] ?? ''}
                    onChange={(event) =>
                      onDetailsChange({ ...details, [field.id]: event.target.value })
                    }
                    maxLength={200}
                    aria-describedby={field.help === undefined ? undefined : `${id}-help`}
                    className={inputClass}
                  />
                  {field.help === undefined ? null : (
                    <p id={`${id}-help`} className="text-sm text-slate-700 dark:text-slate-300">
                      {field.help}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
        <div className="space-y-2">
          <h3 id={`${base}-text`} className="font-semibold">
            {message.subject}
          </h3>
          <pre
            aria-labelledby={`${base}-text`}
            tabIndex={0}
            className="max-h-96 overflow-auto rounded-md border border-slate-300 bg-slate-50 p-3 font-sans text-sm whitespace-pre-wrap dark:border-slate-700 dark:bg-slate-900"
          >
            {message.text}
          </pre>
          <div className="flex flex-wrap gap-2">
            <CopyButton text={message.text} idleText="Copy text" what={`${title} as plain text`} />
            <CopyButton
              text={message.markdown}
              idleText="Copy Markdown"
              what={`${title} as Markdown`}
            />
            <button
              type="button"
              className={buttonClass}
              aria-label={`Download .txt: ${title}`}
              onClick={() => downloadText(`${stem}.txt`, message.text, 'text/plain;charset=utf-8')}
            >
              Download .txt
            </button>
            <button
              type="button"
              className={buttonClass}
              aria-label={`Download .md: ${title}`}
              onClick={() =>
                downloadText(`${stem}.md`, message.markdown, 'text/markdown;charset=utf-8')
              }
            >
              Download .md
            </button>
          </div>
        </div>
      </div>
    </details>
  );
});
