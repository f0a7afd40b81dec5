import { useId, useState } from 'react';

export type KeptAsideEntry = {
  readonly key: string;
  /** When it was kept aside (ISO time). */
  readonly keptAt: string;
  readonly characters: number;
};

export type KeptAsideListProps = {
  readonly entries: readonly KeptAsideEntry[];
  readonly onDownload: (key: string) => void;
  readonly onDelete: (key: string) => void;
};

function keptAtText(iso: string): string {
  const date = new Date(iso);
  if (iso === '' || Number.isNaN(date.getTime())) return 'Kept aside';
  return `Kept aside on ${date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`;
}

const buttonClass =
  'rounded-md border border-slate-700 px-3 py-1.5 text-sm font-semibold dark:border-slate-300';

/** Stored data the wizard could not read, kept as it was until the user has no use for it. */
export function KeptAsideList({ entries, onDownload, onDelete }: KeptAsideListProps) {
  const headingId = useId();
  if (entries.length === 0) return null;
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-300 p-4 dark:border-slate-700"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        Saved data kept aside
      </h2>
      <p className="text-slate-700 dark:text-slate-300">
        This version of the wizard could not read this data, so it was kept as it was instead of
        being replaced. Download it to keep it or to ask for help with it.
      </p>
      <ul className="space-y-2">
        {entries.map((entry) => (
          <KeptAsideRow key={entry.key} entry={entry} onDownload={onDownload} onDelete={onDelete} />
        ))}
      </ul>
    </section>
  );
}

type KeptAsideRowProps = {
  readonly entry: KeptAsideEntry;
  readonly onDownload: (key: string) => void;
  readonly onDelete: (key: string) => void;
};

function KeptAsideRow({ entry, onDownload, onDelete }: KeptAsideRowProps) {
  const [isConfirming, setConfirming] = useState(false);
  const label = keptAtText(entry.keptAt);
  return (
    <li className="flex flex-wrap items-center gap-2">
      <span className="min-w-0 flex-1">
        {label} ({entry.characters.toLocaleString()} characters)
      </span>
      {isConfirming ? (
        <>
          <span>Delete this copy for good?</span>
          <button type="button" onClick={() => onDelete(entry.key)} className={buttonClass}>
            Delete the copy
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={buttonClass}>
            Keep it
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            onClick={() => onDownload(entry.key)}
            aria-label={`Download the data kept aside (${label})`}
            className={buttonClass}
          >
            Download
          </button>
          <button
            type="button"
            onClick={() => setConfirming(true)}
            aria-label={`Delete the data kept aside (${label})`}
            className={buttonClass}
          >
            Delete
          </button>
        </>
      )}
    </li>
  );
}
