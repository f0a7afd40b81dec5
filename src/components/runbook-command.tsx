import type { Command } from '@/rules';

export type RunbookCommandProps = {
  readonly command: Command;
};

/**
 * A command as printed: long lines wrap instead of running off the page, and a block that fits on
 * one page is not split across two.
 */
export function RunbookCommand({ command }: RunbookCommandProps) {
  return (
    <figure className="break-inside-avoid">
      {command.label === undefined || command.label.trim() === '' ? null : (
        <figcaption className="mb-0.5 text-[0.85em] text-neutral-700">{command.label}</figcaption>
      )}
      <pre className="rounded-sm border border-neutral-400 px-2 py-1 font-mono text-[0.85em] leading-snug whitespace-pre-wrap wrap-anywhere">
        <code>{command.code}</code>
      </pre>
    </figure>
  );
}
