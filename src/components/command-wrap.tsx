import { createContext } from 'react';

/**
 * Whether the command blocks below wrap their long lines. A page provides it from the reader's
 * preference; without a provider the blocks keep their lines whole and scroll sideways.
 */
export const CommandWrapContext = createContext(false);

export type CommandWrapToggleProps = {
  readonly isWrapped: boolean;
  readonly onChange: (isWrapped: boolean) => void;
};

/** The one switch for every command block on the page; the page remembers the choice. */
export function CommandWrapToggle({ isWrapped, onChange }: CommandWrapToggleProps) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 print:hidden">
      <button
        type="button"
        aria-pressed={isWrapped}
        onClick={() => onChange(!isWrapped)}
        className="inline-flex min-h-9 items-center gap-2 rounded border border-slate-400 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 aria-pressed:border-blue-700 aria-pressed:bg-blue-50 aria-pressed:text-blue-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:aria-pressed:border-sky-300 dark:aria-pressed:bg-sky-950 dark:aria-pressed:text-sky-100"
      >
        {/* The state shows as a tick as well as a colour. */}
        <span
          aria-hidden="true"
          className="flex size-4 items-center justify-center rounded-sm border border-current text-xs leading-none"
        >
          {isWrapped ? '✓' : null}
        </span>
        Wrap long command lines
      </button>
      {isWrapped ? (
        <span className="text-sm text-slate-700 dark:text-slate-300">
          A wrapped line goes on indented, beside a bar.
        </span>
      ) : null}
    </div>
  );
}
