export type UpdateNoticeProps = {
  readonly onReload: () => void;
};

/** A new version of the app is ready; it takes over only when the user says so. */
export function UpdateNotice({ onReload }: UpdateNoticeProps) {
  return (
    <div
      role="status"
      className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border-l-4 border-blue-700 bg-blue-50 p-4 text-slate-900 dark:border-sky-300 dark:bg-slate-900 dark:text-slate-100"
    >
      <p className="min-w-0 flex-1">
        A new version of the wizard is available. Reload to use it; your saved plans stay as they
        are.
      </p>
      <button
        type="button"
        onClick={onReload}
        className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 dark:bg-sky-300 dark:text-slate-950 dark:hover:bg-sky-200"
      >
        Reload
      </button>
    </div>
  );
}
