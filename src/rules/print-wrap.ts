// Commands on paper: each line of a command is cut into printed lines that fit a column count, so
// that the browser never has to wrap them itself (it would break anywhere, without a mark). A line
// that goes on below ends with `continuedMark`; the line that carries it on starts with
// `continuationMark`, indented like the command line it belongs to. The parts of a command line
// join back into it exactly: the marks and the indentation are the reader's cue, never the text.

/** One printed line of a command. */
export type PrintedLine = {
  /** Characters of the command, exactly as typed; a command line's parts join back into it. */
  readonly text: string;
  /** The command line goes on in the next printed line: printed with `continuedMark` after it. */
  readonly isContinued: boolean;
  /** Carries on the printed line above: printed after `indent` spaces and `continuationMark`. */
  readonly isContinuation: boolean;
  /** Columns of space before the continuation mark: the command line's own indentation. */
  readonly indent: number;
};

export const continuedMark = '↩';
export const continuationMark = '↪';

/** Fewer columns than this leave no room for a character between the marks. */
const fewestColumns = 4;

/**
 * Where a token longer than the room may be cut when no space is near: after a character that
 * ends a part of a path, a URL, a flag list or a dotted key. Only in the second half of the room,
 * so that a line is not left almost empty for the sake of a nicer cut.
 */
const cutAfter = new Set(['/', '.', ',', ';', ':', '=', '&', '?', '-', '_']);

/** How many characters of `chars` go on a printed line with `room` columns for text. */
function cutPoint(chars: readonly string[], room: number): number {
  let hasText = false;
  let lastSpace = -1;
  for (let index = 0; index < room; index += 1) {
    const char = chars[index];
    if (char === ' ' || char === '\t') {
      if (hasText) lastSpace = index;
    } else hasText = true;
  }
  // A space inside the room, after some text: the line breaks after it, so that no token is cut.
  // The space then ends the printed line, which keeps the parts joining back exactly.
  if (lastSpace >= 0) return lastSpace + 1;
  // Only a token longer than the room is cut.
  for (let index = room - 1; index >= Math.ceil(room / 2); index -= 1) {
    if (cutAfter.has(chars[index] ?? '')) return index + 1;
  }
  return room;
}

function leadingSpaces(chars: readonly string[]): number {
  const first = chars.findIndex((char) => char !== ' ');
  return first === -1 ? chars.length : first;
}

/** One command line as printed lines of at most `columns` columns, marks included. */
function printLine(line: string, columns: number): PrintedLine[] {
  // Code points, not UTF-16 units: a character outside the BMP takes one column, not two.
  let rest = Array.from(line);
  if (rest.length <= columns) {
    return [{ text: line, isContinued: false, isContinuation: false, indent: 0 }];
  }
  // Deep indentation is capped: a continuation must keep at least half the columns for text.
  const indent = Math.min(leadingSpaces(rest), Math.floor((columns - fewestColumns) / 2));
  const parts: string[] = [];
  let before = 0;
  while (before + rest.length > columns) {
    const cut = cutPoint(rest, columns - before - continuedMark.length);
    parts.push(rest.slice(0, cut).join(''));
    rest = rest.slice(cut);
    before = indent + continuationMark.length;
  }
  parts.push(rest.join(''));
  return parts.map((text, index) => ({
    text,
    isContinued: index < parts.length - 1,
    isContinuation: index > 0,
    indent: index > 0 ? indent : 0,
  }));
}

/**
 * The printed lines of `code` for a column of `columns` monospace characters (at least 4): each
 * line of the code is kept whole when it fits, and otherwise cut after a space where one is in
 * reach, inside a token only when the token is longer than the room left for it.
 */
export function printedLines(code: string, columns: number): readonly PrintedLine[] {
  const width = Number.isFinite(columns) ? Math.max(fewestColumns, Math.floor(columns)) : 80;
  return code.split('\n').flatMap((line) => printLine(line, width));
}
