import { useEffect, useRef, useState } from 'react';
import { writeToClipboard } from '@/components/clipboard';

export type CopyButtonProps = {
  /** The exact text put on the clipboard. */
  readonly text: string;
  /** Visible word on the button: "Copy" or "Copy all". */
  readonly idleText?: string;
  /** Said after the visible word to screen readers, to tell the many copy buttons apart. */
  readonly what: string;
  /** Id of a text that says more about what the button copies. */
  readonly describedBy?: string | undefined;
};

type CopyState = 'idle' | 'copied' | 'failed';

// How long the "Copied" state stays before the button offers to copy again.
const feedbackMs = 2000;

export function CopyButton({ text, idleText = 'Copy', what, describedBy }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    const isCopied = await writeToClipboard(text);
    setState(isCopied ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), feedbackMs);
  }

  const visible = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : idleText;
  const announcement =
    state === 'copied'
      ? `Copied ${what} to the clipboard.`
      : state === 'failed'
        ? `Could not copy ${what}. Select the text and copy it by hand.`
        : '';

  return (
    <>
      <button
        type="button"
        // Starts with the visible word, so speech users can say what they see.
        aria-label={`${visible} ${what}`}
        aria-describedby={describedBy}
        onClick={() => void copy()}
        className={`inline-flex min-h-9 min-w-9 items-center gap-1 rounded border px-2.5 py-1 text-sm font-medium ${
          state === 'copied'
            ? 'border-green-700 bg-green-50 text-green-800 dark:border-green-400 dark:bg-green-950 dark:text-green-200'
            : state === 'failed'
              ? 'border-red-700 bg-red-50 text-red-800 dark:border-red-400 dark:bg-red-950 dark:text-red-200'
              : 'border-slate-400 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800'
        }`}
      >
        <CopyIcon isCopied={state === 'copied'} />
        {visible}
      </button>
      {/* Always in the DOM so that a change of its text is announced. */}
      <span role="status" className="sr-only">
        {announcement}
      </span>
    </>
  );
}

type CopyIconProps = { readonly isCopied: boolean };

function CopyIcon({ isCopied }: CopyIconProps) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      {isCopied ? (
        <path d="M3 8.5l3 3 7-7" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <>
          <rect x="5.5" y="5.5" width="8" height="8" rx="1" />
          <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1" />
        </>
      )}
    </svg>
  );
}
