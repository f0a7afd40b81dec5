// Small constructors for the commands a step shows, so every builder writes them the same way.
import type { Command } from '../types';

export function bash(code: string, label?: string): Command {
  return label === undefined ? { code, lang: 'bash' } : { code, lang: 'bash', label };
}

export function yaml(code: string, label?: string): Command {
  return label === undefined ? { code, lang: 'yaml' } : { code, lang: 'yaml', label };
}

export function json(value: unknown, label?: string): Command {
  const code = JSON.stringify(value, null, 2);
  return label === undefined ? { code, lang: 'json' } : { code, lang: 'json', label };
}

/** Lines of one multi-line bash block. */
export function script(lines: readonly string[], label?: string): Command {
  return bash(lines.join('\n'), label);
}
