import { Fragment } from 'react';
import { continuationMark, continuedMark, printedLines, type Command } from '@/rules';

export type RunbookCommandProps = {
  readonly command: Command;
};

/**
 * Monospace columns a printed command line may take: the runbook's 8.5 pt code on A4 (the
 * narrower paper) between its margins, inside a check's or a rollback's indent, fits about 92
 * columns of the usual monospace fonts; a few are kept in hand for wider ones.
 */
export const printColumns = 88;

/** A command of at most this many printed lines is kept on one page; a longer one may run over. */
const shortCommandLines = 12;

/**
 * A command as printed: each line too long for the paper is cut where the rules say, the cut
 * marked at the end of the line (↩) and at the start of the one that carries it on (↪), so that
 * nothing is cut at the page edge and the reader knows to type the parts as one line. A short
 * command is kept on one page.
 */
export function RunbookCommand({ command }: RunbookCommandProps) {
  const lines = printedLines(command.code, printColumns);
  return (
    <figure className={lines.length <= shortCommandLines ? 'break-inside-avoid' : undefined}>
      {command.label === undefined || command.label.trim() === '' ? null : (
        <figcaption className="mb-0.5 text-[0.85em] text-neutral-700">{command.label}</figcaption>
      )}
      {/* Wrapping stays on as a fallback for a screen narrower than the paper. */}
      <pre className="runbook-code rounded-sm border border-neutral-400 px-2 py-1 font-mono text-[0.85em] leading-snug whitespace-pre-wrap wrap-anywhere sm:text-[0.75em] print:text-[0.85em]">
        <code>
          {lines.map((line, index) => (
            <Fragment key={index}>
              {index === 0 ? null : '\n'}
              {line.isContinuation ? (
                <span aria-hidden="true" className="font-bold select-none">
                  {' '.repeat(line.indent)}
                  {continuationMark}
                </span>
              ) : null}
              {line.text}
              {line.isContinued ? (
                <span aria-hidden="true" className="font-bold select-none">
                  {continuedMark}
                </span>
              ) : null}
            </Fragment>
          ))}
        </code>
      </pre>
    </figure>
  );
}
