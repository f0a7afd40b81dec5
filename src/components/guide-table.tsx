import type { ReactNode } from 'react';

export type GuideTableProps = {
  /** Names the table and its scroll region. */
  readonly caption: string;
  readonly head: readonly string[];
  /** The first cell of each row heads the row. Text between backticks is shown as code. */
  readonly rows: readonly (readonly string[])[];
};

/** Text with `code` spans as elements: plain text in, never HTML. */
function withCode(text: string): ReactNode[] {
  return text
    .split('`')
    .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

// A table for the MDX guides. Written as data, because MDX turns a table cell that Prettier wraps
// over several lines into a paragraph, and plain Markdown tables need a plugin this build lacks.
export function GuideTable({ caption, head, rows }: GuideTableProps) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="my-3 overflow-x-auto">
      <table className="my-0! [&_td]:align-top [&_th]:align-top">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {head.map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className="font-medium">
                    {withCode(cell)}
                  </th>
                ) : (
                  <td key={index}>{withCode(cell)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
