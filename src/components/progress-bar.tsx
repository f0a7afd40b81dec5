export type ProgressBarProps = {
  readonly done: number;
  readonly total: number;
  /** Names the bar: "Overall progress", "Progress of Backups". */
  readonly label: string;
  readonly size?: 'large' | 'small';
};

export function ProgressBar({ done, total, label, size = 'small' }: ProgressBarProps) {
  const clampedDone = Math.min(Math.max(done, 0), total);
  const percent = total > 0 ? Math.round((clampedDone / total) * 100) : 0;
  const text = `${clampedDone} of ${total} done`;

  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={clampedDone}
        aria-valuetext={text}
        className={`flex-1 overflow-hidden rounded-full border border-slate-500 bg-slate-100 dark:border-slate-400 dark:bg-slate-800 ${
          size === 'large' ? 'h-4' : 'h-2.5'
        }`}
      >
        {/* React sets the width through the CSSOM, which the content security policy allows. */}
        <div
          className="h-full bg-blue-700 transition-[width] motion-reduce:transition-none dark:bg-sky-400"
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className={`shrink-0 tabular-nums ${size === 'large' ? 'font-semibold' : 'text-sm'}`}>
        {text}
      </p>
    </div>
  );
}
