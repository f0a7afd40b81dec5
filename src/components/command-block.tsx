import { use, type ClipboardEvent, type CSSProperties } from 'react';
import type { Command } from '@/rules';
import { CommandWrapContext } from '@/components/command-wrap';
import { CopyButton } from '@/components/copy-button';

export type CommandBlockProps = {
  readonly command: Command;
  /**
   * Accessible name of the code and of its copy button, unique on the page
   * ("step 4, command 2"). Defaults to the command's label.
   */
  readonly name?: string;
};

const langNames: Readonly<Record<Command['lang'], string>> = {
  bash: 'Shell',
  json: 'JSON',
  yaml: 'YAML',
};

export function CommandBlock({ command, name }: CommandBlockProps) {
  const langName = langNames[command.lang];
  const accessibleName = name ?? command.label ?? `${langName} command`;
  const isWrapped = use(CommandWrapContext);

  return (
    <div className="min-w-0 overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-300 bg-slate-50 px-3 py-1.5 dark:border-slate-700 dark:bg-slate-900">
        <div className="flex min-w-0 items-center gap-2 text-sm">
          <span className="rounded bg-slate-200 px-1.5 py-0.5 font-mono text-xs text-slate-800 dark:bg-slate-700 dark:text-slate-100">
            <span className="sr-only">Language: </span>
            {langName}
          </span>
          {command.label ? (
            <span className="text-slate-700 dark:text-slate-300">{command.label}</span>
          ) : null}
        </div>
        <CopyButton text={command.code} what={accessibleName} />
      </div>
      {isWrapped ? (
        <pre
          tabIndex={0}
          role="group"
          aria-label={accessibleName}
          data-wrapped=""
          onCopy={copyExactSelection}
          className="bg-slate-950 p-3 font-mono text-sm leading-relaxed whitespace-pre-wrap text-slate-50 wrap-anywhere dark:bg-black"
        >
          <code>
            {command.code.split('\n').map((line, index, lines) => (
              <span key={index} className={hangingLineClass} style={hangingLine(line)}>
                {index < lines.length - 1 ? `${line}\n` : line}
              </span>
            ))}
          </code>
        </pre>
      ) : (
        // Focusable so that keyboard users can scroll long lines; never wrapped, so nothing is cut.
        <pre
          tabIndex={0}
          role="group"
          aria-label={accessibleName}
          className="overflow-x-auto bg-slate-950 p-3 font-mono text-sm leading-relaxed whitespace-pre text-slate-50 dark:bg-black"
        >
          <code>{command.code}</code>
        </pre>
      )}
    </div>
  );
}

/**
 * A wrapped line's rows after the first are indented two columns past the line's own indentation
 * and run beside a bar, so that they cannot be taken for lines of their own. The bar is a
 * background as tall as the line's block less its first row.
 */
const hangingLineClass =
  'block bg-[linear-gradient(var(--color-slate-400),var(--color-slate-400))] bg-[length:2px_calc(100%-1lh)] bg-no-repeat';

/** Deep indentation is capped, so that a phone keeps room for the text. */
const deepestHang = 12;

function hangingLine(line: string): CSSProperties {
  const indent = Math.min(line.length - line.trimStart().length, deepestHang);
  return {
    paddingLeft: `${indent + 2}ch`,
    textIndent: `-${indent + 2}ch`,
    backgroundPosition: `${indent + 0.5}ch 100%`,
  };
}

/**
 * Copies a selection inside a wrapped block as the characters it spans, nothing more: a browser
 * may serialise each line's block with a line break of its own, on top of the one in the text
 * (Chromium does not, so the end-to-end test passes either way).
 */
function copyExactSelection(event: ClipboardEvent<HTMLElement>): void {
  const selection = window.getSelection();
  if (selection === null || selection.rangeCount !== 1) return;
  const text = selection.getRangeAt(0).toString();
  if (text === '') return;
  event.clipboardData.setData('text/plain', text);
  event.preventDefault();
}
