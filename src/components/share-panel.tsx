import { useId, useState, type FocusEvent } from 'react';
import { CopyButton } from '@/components/copy-button';

export type SharePanelProps = {
  /** DOM id of the panel, for the button that opens it. */
  readonly id: string;
  /** The link for the answers as they are, with or without the names as the checkbox says. */
  readonly link: string;
  readonly includeNames: boolean;
  readonly onIncludeNamesChange: (includeNames: boolean) => void;
  /** Offered only when the plan has change fields (ticket, window, people) filled in. */
  readonly hasChangeFields?: boolean;
  readonly includeChange?: boolean;
  readonly onIncludeChangeChange?: (includeChange: boolean) => void;
};

function selectAll(event: FocusEvent<HTMLTextAreaElement>): void {
  event.currentTarget.select();
}

/** The link to a plan, ready to copy, with the choice to carry the user's own names in it. */
export function SharePanel({
  id,
  link,
  includeNames,
  onIncludeNamesChange,
  hasChangeFields = false,
  includeChange = false,
  onIncludeChangeChange,
}: SharePanelProps) {
  const changeId = useId();
  const headingId = useId();
  const fieldId = useId();
  const fieldHelpId = useId();
  const namesId = useId();
  const namesHelpId = useId();
  // Said only after the user changes the checkbox, never when the panel opens.
  const [announcement, setAnnouncement] = useState('');

  function changeNames(isIncluded: boolean): void {
    onIncludeNamesChange(isIncluded);
    setAnnouncement(
      isIncluded ? 'The link now carries your names.' : 'The link now leaves your names out.',
    );
  }

  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border border-slate-300 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        Share this plan
      </h2>
      <p>
        Whoever opens the link gets these answers as a new plan of their own, in their browser. The
        link holds the answers only: the steps you have ticked stay here.
      </p>

      <div className="space-y-1">
        <span className="inline-flex items-center gap-2">
          <input
            id={namesId}
            type="checkbox"
            checked={includeNames}
            onChange={(event) => changeNames(event.target.checked)}
            aria-describedby={namesHelpId}
            className="size-5"
          />
          <label htmlFor={namesId} className="font-medium">
            Include my names (hosts, namespaces, paths)
          </label>
        </span>
        <p id={namesHelpId} className="text-sm text-slate-700 dark:text-slate-300">
          Left out, the link shows the upgrade with Tyk&apos;s default names, so it gives away
          nothing about your hosts or folders.
        </p>
      </div>

      {hasChangeFields && onIncludeChangeChange !== undefined ? (
        <span className="inline-flex items-center gap-2">
          <input
            id={changeId}
            type="checkbox"
            checked={includeChange}
            onChange={(event) => {
              onIncludeChangeChange(event.target.checked);
              setAnnouncement(
                event.target.checked
                  ? 'The link now carries the change fields.'
                  : 'The link now leaves the change fields out.',
              );
            }}
            className="size-5"
          />
          <label htmlFor={changeId} className="font-medium">
            Include the change fields (ticket, environment, window, operator, approver)
          </label>
        </span>
      ) : null}

      <div className="space-y-2">
        <label htmlFor={fieldId} className="block font-medium">
          Link to this plan
        </label>
        <textarea
          id={fieldId}
          readOnly
          value={link}
          rows={3}
          spellCheck={false}
          onFocus={selectAll}
          aria-describedby={fieldHelpId}
          className="block w-full resize-none rounded-md border border-slate-500 bg-white px-3 py-2 font-mono text-sm break-all text-slate-900 dark:border-slate-400 dark:bg-slate-950 dark:text-slate-100"
        />
        <p id={fieldHelpId} className="text-sm text-slate-700 dark:text-slate-300">
          Past its # the link uses only letters, digits, dashes and underscores, so chat tools and
          email pass it on whole.
        </p>
        <CopyButton text={link} what="the link to this plan" />
      </div>

      <p role="status" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
