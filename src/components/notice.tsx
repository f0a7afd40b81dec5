export type NoticeProps = {
  readonly message: string;
  readonly onDismiss: () => void;
};

/** A calm message about something that happened without the user asking (stored data reset). */
export function Notice({ message, onDismiss }: NoticeProps) {
  return (
    <div
      role="status"
      className="flex flex-wrap items-start justify-between gap-3 rounded-lg border-l-4 border-amber-700 bg-amber-50 p-4 text-slate-900 dark:border-amber-300 dark:bg-amber-950/40 dark:text-slate-100"
    >
      <p className="min-w-0 flex-1">{message}</p>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss this message"
        className="rounded-md border border-slate-700 px-3 py-1 text-sm font-semibold dark:border-slate-300"
      >
        Dismiss
      </button>
    </div>
  );
}
