// POSIX shell quoting for every value that is put into a generated command.

const plainWord = /^[A-Za-z0-9_./:=@%+,-]+$/;

/** Quotes `text` as one shell word: plain words stay as they are, anything else goes in single quotes. */
export function shellQuote(text: string): string {
  if (plainWord.test(text)) return text;
  return `'${text.replace(/'/g, `'"'"'`)}'`;
}

/** Joins path segments with single slashes, keeping a leading slash and dropping a trailing one. */
export function joinPath(...segments: readonly string[]): string {
  const joined = segments.filter((segment) => segment !== '').join('/');
  const collapsed = joined.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/** Escapes `text` for use inside double quotes, where a variable such as "$API_ID" sits next to it. */
export function insideDoubleQuotes(text: string): string {
  return text.replace(/[\\"$`]/g, '\\$&');
}
