// "Copy all" of a step: its shell commands as one block that is safe to paste whole into an
// interactive bash.
//
// Pasted line by line, a `read` takes the next pasted line as its answer and a failed command
// does not stop the ones after it. The block is therefore one compound command, so bash reads
// every line of it before it runs the first, and each `read` then asks the keyboard. Its commands
// are chained with `&&` in a `{ }` group, never a subshell: what a command reads or exports stays
// set in the user's shell for the later steps. Nothing turns on `set -e`, which would close the
// user's terminal at the first failure.
import { shellQuote } from './shell';
import type { Command, Step } from './types';

export type PasteBlock = {
  /** The text to copy: one compound command, with no newline after it. */
  readonly code: string;
  /** How many commands of the step it runs: its shell commands. */
  readonly commandCount: number;
  /** The step's commands that are not shell (YAML, JSON snippets), left out of the block. */
  readonly leftOut: readonly Command[];
};

type Token = {
  readonly kind: 'word' | 'operator';
  readonly text: string;
  readonly start: number;
};

// Longest first, so that `&&` is not read as two `&`.
const operatorTexts = [
  '<<<',
  '<<-',
  '&>>',
  '&&',
  '||',
  ';;',
  '|&',
  '&>',
  '>&',
  '<&',
  '>>',
  '<<',
  '>|',
  '<>',
  ';',
  '&',
  '|',
  '(',
  ')',
  '<',
  '>',
  '\n',
] as const;

const wordEnd = /[\s;&|()<>]/;

/** Index just past the closing quote of a double-quoted string opened before `from`. */
function skipDoubleQuoted(code: string, from: number): number | undefined {
  let i = from;
  while (i < code.length) {
    const char = code[i];
    if (char === '"') return i + 1;
    if (char === '\\') i += 2;
    else if (char === '`') {
      const end = code.indexOf('`', i + 1);
      if (end < 0) return undefined;
      i = end + 1;
    } else if (char === '$' && (code[i + 1] === '(' || code[i + 1] === '{')) {
      const end = skipBracketed(code, i + 2, code[i + 1] === '(' ? ')' : '}');
      if (end === undefined) return undefined;
      i = end;
    } else i += 1;
  }
  return undefined;
}

/**
 * Index just past the quoted text that starts at `from` ('…', "…" or `…`); undefined when it is
 * left open, null when no quote starts there.
 */
function skipQuoted(code: string, from: number): number | undefined | null {
  const char = code[from];
  if (char === '"') return skipDoubleQuoted(code, from + 1);
  if (char !== "'" && char !== '`') return null;
  const end = code.indexOf(char, from + 1);
  return end < 0 ? undefined : end + 1;
}

/** Index just past the bracket that closes `$(`, `$((` or `${` opened before `from`. */
function skipBracketed(code: string, from: number, close: ')' | '}'): number | undefined {
  const open = close === ')' ? '(' : '{';
  let depth = 1;
  let i = from;
  while (i < code.length) {
    const char = code[i];
    const quoted = skipQuoted(code, i);
    if (quoted === undefined) return undefined;
    if (char === '\\') i += 2;
    else if (quoted !== null) i = quoted;
    else {
      if (char === open) depth += 1;
      else if (char === close) depth -= 1;
      i += 1;
      if (depth === 0) return i;
    }
  }
  return undefined;
}

/** Index just past the word that starts at `from`, or undefined when a quote is left open. */
function skipWord(code: string, from: number): number | undefined {
  let i = from;
  while (i < code.length) {
    const char = code[i] ?? '';
    if (wordEnd.test(char)) return i;
    const quoted = skipQuoted(code, i);
    if (quoted === undefined) return undefined;
    if (char === '\\') i += 2;
    else if (quoted !== null) i = quoted;
    else if (char === '$' && (code[i + 1] === '(' || code[i + 1] === '{')) {
      const end = skipBracketed(code, i + 2, code[i + 1] === '(' ? ')' : '}');
      if (end === undefined) return undefined;
      i = end;
    } else i += 1;
  }
  return Math.min(i, code.length);
}

/**
 * The words and operators of a command, newlines included; undefined for what this reader does
 * not follow: an open quote, a comment or a heredoc (appending `&&` to their line would change
 * them).
 */
function tokensOf(code: string): readonly Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < code.length) {
    const char = code[i] ?? '';
    if (char === ' ' || char === '\t') {
      i += 1;
      continue;
    }
    if (char === '\\' && code[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (char === '#') return undefined;
    const operator = operatorTexts.find((text) => code.startsWith(text, i));
    if (operator !== undefined) {
      if (operator === '<<' || operator === '<<-') return undefined;
      tokens.push({ kind: 'operator', text: operator, start: i });
      i += operator.length;
      continue;
    }
    const end = skipWord(code, i);
    if (end === undefined || end === i) return undefined;
    tokens.push({ kind: 'word', text: code.slice(i, end), start: i });
    i = end;
  }
  return tokens;
}

const opensCompound = new Set(['if', 'while', 'until', 'for', 'select', '{']);
const closesCompound = new Set(['fi', 'done', '}']);
// Reserved words after which a command follows.
const leadsToCommand = new Set(['if', 'while', 'until', 'then', 'do', 'else', 'elif', '!', '{']);
const andOr = new Set(['&&', '||', '|', '|&']);
const redirections = new Set(['<<<', '&>>', '&>', '>&', '<&', '>>', '>|', '<>', '<', '>']);

/** One line of a command as the chain sees it: where it ends, and how. */
type Unit = {
  /** Offset of the newline after it, or the length of the code for the last line. */
  readonly end: number;
  /**
   * `list`: one and-or list, whose status is that of the line; `background`: one list ended
   * by `&`; `several`: lists separated by `;` or `&`, whose status is only that of the last.
   */
  readonly shape: 'list' | 'background' | 'several';
  readonly text: string;
};

/**
 * The command cut at its top-level newlines (those outside quotes, groups, loops and `if`s, and
 * not after `&&`, `||` or `|`); undefined when it holds what this reader does not follow.
 */
function unitsOf(code: string): readonly Unit[] | undefined {
  const tokens = tokensOf(code);
  if (tokens === undefined) return undefined;
  const units: Unit[] = [];
  let depth = 0;
  let isCommandPosition = true;
  let isAfterRedirection = false;
  let separators: string[] = [];
  let unitStart = 0;
  let hasContent = false;
  const close = (end: number): boolean => {
    if (!hasContent) return false;
    const last = separators.at(-1);
    const shape =
      separators.length === 0
        ? 'list'
        : separators.length === 1 &&
            last === '&' &&
            code.slice(unitStart, end).trimEnd().endsWith('&')
          ? 'background'
          : 'several';
    units.push({ end, shape, text: code.slice(unitStart, end) });
    return true;
  };
  for (const [index, token] of tokens.entries()) {
    const previous = tokens[index - 1];
    if (token.kind === 'word') {
      hasContent = true;
      if (isAfterRedirection) {
        isAfterRedirection = false;
        continue;
      }
      if (isCommandPosition) {
        if (token.text === 'case' || token.text === 'function') return undefined;
        if (opensCompound.has(token.text)) depth += 1;
        if (closesCompound.has(token.text)) depth -= 1;
        if (depth < 0) return undefined;
        isCommandPosition = leadsToCommand.has(token.text);
      }
      continue;
    }
    const text = token.text;
    if (redirections.has(text)) {
      isAfterRedirection = true;
      continue;
    }
    if (andOr.has(text)) {
      if (!hasContent) return undefined;
      isCommandPosition = true;
      continue;
    }
    if (text === '(') {
      if (!isCommandPosition) return undefined;
      hasContent = true;
      depth += 1;
      continue;
    }
    if (text === ')') {
      depth -= 1;
      if (depth < 0) return undefined;
      isCommandPosition = false;
      continue;
    }
    if (text === ';;') return undefined;
    // `;`, `&` or a newline.
    isCommandPosition = true;
    if (depth > 0) continue;
    if (text === '\n') {
      // A newline after `&&`, `||` or `|` continues the list.
      if (previous?.kind === 'operator' && andOr.has(previous.text)) continue;
      if (!close(token.start)) return undefined;
      separators = [];
      unitStart = token.start + 1;
      hasContent = false;
    } else separators.push(text);
  }
  const last = tokens.at(-1);
  if (depth !== 0 || (last?.kind === 'operator' && andOr.has(last.text))) return undefined;
  if (!close(code.length)) return undefined;
  return units;
}

const stopsBackgroundJob = /^\s*kill "\$!"\s*$/;

/**
 * The command with `&&` after each of its lines, so that a failing line stops the lines after
 * it; undefined when the command cannot be chained and must run whole.
 *
 * A command that starts a helper in the background and stops it on its last line (a
 * `kubectl port-forward`, then `kill "$!"`) has its lines in between chained; the last line
 * stays on its own, so the helper is stopped even when a line before it failed, and the
 * command's status is that of the stop.
 */
function chained(code: string): string | undefined {
  const units = unitsOf(code);
  if (units === undefined) return undefined;
  if (units.every((unit) => unit.shape === 'list')) return chainedSlice(code, units);
  const [first, ...rest] = units;
  const middle = rest.slice(0, -1);
  const stop = rest.at(-1);
  if (
    first?.shape === 'background' &&
    middle.length > 0 &&
    middle.every((unit) => unit.shape === 'list') &&
    stop !== undefined &&
    stop.shape === 'list' &&
    stopsBackgroundJob.test(stop.text)
  ) {
    const head = code.slice(0, first.end + 1);
    const links = middle.map((unit) => ({ ...unit, end: unit.end - head.length }));
    const body = code.slice(head.length, stop.end);
    // In a group: after the `&&` of the command before, `&` would send that whole chain to the
    // background, reads and exports included.
    return `{\n${head}${chainedSlice(body, links)}\n}`;
  }
  return undefined;
}

/** `body` with `&&` after each of `links` but the last (offsets relative to `body`). */
function chainedSlice(body: string, links: readonly Unit[]): string {
  let result = '';
  let from = 0;
  for (const [index, unit] of links.entries()) {
    result += body.slice(from, unit.end);
    if (index < links.length - 1) result += ' &&';
    from = unit.end;
  }
  return result + body.slice(from);
}

/** A step's shell command as one link of the chain: it fails when the command fails. */
function link(code: string): string {
  return chained(code) ?? `{\n${code}\n}`;
}

/**
 * The step's shell commands as one block to paste whole into an interactive bash, or undefined
 * when the step has fewer than two of them (each command then has its own Copy button).
 * The commands run in order, and the first that fails stops the rest; a line at the end says
 * whether all of them ran.
 */
export function pasteBlock(step: Pick<Step, 'title' | 'commands'>): PasteBlock | undefined {
  const shell = step.commands.filter((command) => command.lang === 'bash');
  if (shell.length < 2) return undefined;
  const finished = shellQuote(`All ${shell.length} commands of step "${step.title}" finished.`);
  const stopped = shellQuote(
    `Step "${step.title}" stopped at a failing command; the commands after it did not run.`,
  );
  const links = shell.map((command) => `${link(command.code)} &&`);
  return {
    code: ['{', ...links, `echo ${finished}`, `} || echo ${stopped} >&2`].join('\n'),
    commandCount: shell.length,
    leftOut: step.commands.filter((command) => command.lang !== 'bash'),
  };
}
