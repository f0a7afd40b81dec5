// Echoing what the user typed back into a message: short, printable, and never a throw.

/** The longest echo of a value in a message, in characters; longer values end in an ellipsis. */
const shownValueLength = 40;

// Characters a terminal or a text renderer would obey instead of showing: C0 controls and DEL,
// C1 controls (U+009B is an 8-bit CSI, the start of a terminal escape), the bidi marks,
// embeddings, overrides and isolates that reorder a line, and the Unicode line and paragraph
// separators that break one.
// eslint-disable-next-line no-control-regex
const unprintable = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return `${value.toString()}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Values JSON cannot carry (cycles, a BigInt inside) still get a name in the message.
    return Object.prototype.toString.call(value);
  }
}

/** The text with every control, C1, bidi and line-separator character replaced by "?". */
export function printableText(text: string): string {
  return text.replace(unprintable, '?');
}

/** The value as text for a message: printable (see printableText), at most 40 characters. */
export function shownValue(value: unknown): string {
  const text = describeValue(value);
  if (text.length <= shownValueLength) return printableText(text);
  // Cut between characters, never inside a surrogate pair (an emoji, say).
  const end = /[\ud800-\udbff]/.test(text[shownValueLength - 1] ?? '')
    ? shownValueLength - 1
    : shownValueLength;
  return `${printableText(text.slice(0, end))}…`;
}
