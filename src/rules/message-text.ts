// Echoing what the user typed back into a message: short, printable, and never a throw.

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

/** The value as text for a message: control characters replaced, at most 40 characters. */
export function shownValue(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  const clean = describeValue(value).replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
