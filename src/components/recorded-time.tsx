/** `5 Mar 2026, 21:04` in the reader's locale, or null for a time that cannot be read. */
export function formatRecorded(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export type RecordedTimeProps = { readonly iso: string };

/** A recorded time as the reader's clock shows it; nothing for a time that cannot be read. */
export function RecordedTime({ iso }: RecordedTimeProps) {
  const text = formatRecorded(iso);
  return text === null ? null : <time dateTime={iso}>{text}</time>;
}
