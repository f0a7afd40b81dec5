// `.env` and `env_file` files as Docker Compose reads them, and Compose's variable substitution:
// `${VAR}`, `$VAR`, `${VAR:-default}` (unset or empty), `${VAR-default}` (unset), `${VAR:?err}`,
// `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}` and `$$` for a literal dollar.

export type EnvEntry = {
  readonly name: string;
  readonly value: string;
  readonly line: number;
};

export type EnvReading = {
  readonly entries: readonly EnvEntry[];
  /** Lines that are neither an assignment, a comment nor blank. */
  readonly badLines: readonly number[];
  /** A quoted value opened and never closed: the file was probably cut short. */
  readonly unclosedQuoteLine: number | null;
};

const assignment = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=(.*)$/;

export function readEnvFile(text: string): EnvReading {
  const lines = text.split(/\r?\n/);
  const entries: EnvEntry[] = [];
  const badLines: number[] = [];
  let unclosedQuoteLine: number | null = null;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const match = assignment.exec(raw);
    if (match === null) {
      // A bare name passes a variable through from the shell; it sets nothing here.
      if (/^(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*$/.test(trimmed)) continue;
      badLines.push(index + 1);
      continue;
    }
    const name = match[1] ?? '';
    const rest = (match[2] ?? '').trimStart();
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      // A quoted value may run over several lines.
      let body = rest.slice(1);
      let end = closingQuote(body, quote);
      let lastLine = index;
      while (end < 0 && lastLine + 1 < lines.length) {
        lastLine++;
        body += `\n${lines[lastLine] ?? ''}`;
        end = closingQuote(body, quote);
      }
      if (end < 0) {
        unclosedQuoteLine = index + 1;
        entries.push({ name, value: unescape(body, quote), line: index + 1 });
        break;
      }
      entries.push({ name, value: unescape(body.slice(0, end), quote), line: index + 1 });
      index = lastLine;
      continue;
    }
    // Unquoted: an inline comment starts at " #".
    const comment = rest.search(/\s#/);
    const value = (comment >= 0 ? rest.slice(0, comment) : rest).trim();
    entries.push({ name, value, line: index + 1 });
  }
  return { entries, badLines, unclosedQuoteLine };
}

function closingQuote(body: string, quote: string): number {
  for (let index = 0; index < body.length; index++) {
    const ch = body[index];
    if (quote === '"' && ch === '\\') {
      index++;
      continue;
    }
    if (ch === quote) return index;
  }
  return -1;
}

function unescape(body: string, quote: string): string {
  if (quote === "'") return body;
  return body.replace(/\\([\\"nrt$])/g, (_match, ch: string) =>
    ch === 'n' ? '\n' : ch === 'r' ? '\r' : ch === 't' ? '\t' : ch,
  );
}

/** A variable as substitution found it. */
export type VariableUse = {
  readonly name: string;
  /** Where the value came from: the variables given, the default in the expression, or nowhere. */
  readonly source: 'variables' | 'default' | 'unset';
  readonly defaultValue: string | null;
  /** The value the variables held, when a default was written too. */
  readonly givenValue: string | null;
};

export type Interpolation =
  | { readonly ok: true; readonly value: string; readonly uses: readonly VariableUse[] }
  | { readonly ok: false; readonly message: string; readonly isTruncated: boolean };

type Lookup = (name: string) => string | undefined;

const maxNesting = 20;

/** Substitutes variables as Compose does. Unset variables without a default become empty. */
export function interpolate(text: string, lookup: Lookup): Interpolation {
  const uses: VariableUse[] = [];
  const result = substitute(text, lookup, uses, 0);
  if (typeof result !== 'string') return { ok: false, ...result };
  return { ok: true, value: result, uses };
}

type Failure = { readonly message: string; readonly isTruncated: boolean };

function substitute(
  text: string,
  lookup: Lookup,
  uses: VariableUse[],
  depth: number,
): string | Failure {
  if (depth > maxNesting) return { message: 'nests variables too deeply.', isTruncated: false };
  let out = '';
  let index = 0;
  while (index < text.length) {
    const ch = text[index];
    if (ch !== '$') {
      out += ch;
      index++;
      continue;
    }
    const next = text[index + 1];
    if (next === '$') {
      out += '$';
      index += 2;
      continue;
    }
    if (next === '{') {
      const close = matchingBrace(text, index + 2);
      if (close < 0)
        return {
          message: `has "\${" without its closing "}" (${text.slice(index, index + 30)}…).`,
          isTruncated: true,
        };
      const inner = text.slice(index + 2, close);
      const expanded = expression(inner, lookup, uses, depth);
      if (typeof expanded !== 'string') return expanded;
      out += expanded;
      index = close + 1;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(index + 1))?.[0];
    if (name === undefined) {
      out += '$';
      index++;
      continue;
    }
    const value = lookup(name);
    uses.push({
      name,
      source: value === undefined ? 'unset' : 'variables',
      defaultValue: null,
      givenValue: value ?? null,
    });
    out += value ?? '';
    index += 1 + name.length;
  }
  return out;
}

function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let index = from; index < text.length; index++) {
    const ch = text[index];
    if (ch === '$' && text[index + 1] === '{') {
      depth++;
      index++;
    } else if (ch === '}') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function expression(
  inner: string,
  lookup: Lookup,
  uses: VariableUse[],
  depth: number,
): string | Failure {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(inner);
  if (match === null)
    return { message: `has an invalid substitution "\${${inner}}".`, isTruncated: false };
  const name = match[1] ?? '';
  const operator = match[2];
  const argument = match[3] ?? '';
  const given = lookup(name);
  const isUnset = given === undefined;
  const isEmpty = isUnset || given === '';
  if (operator === undefined) {
    uses.push({
      name,
      source: isUnset ? 'unset' : 'variables',
      defaultValue: null,
      givenValue: given ?? null,
    });
    return given ?? '';
  }
  const takesAlternative = operator.startsWith(':') ? isEmpty : isUnset;
  switch (operator) {
    case ':-':
    case '-': {
      if (takesAlternative) {
        const fallback = substitute(argument, lookup, uses, depth + 1);
        if (typeof fallback !== 'string') return fallback;
        uses.push({ name, source: 'default', defaultValue: fallback, givenValue: given ?? null });
        return fallback;
      }
      const written = substitute(argument, () => undefined, [], depth + 1);
      uses.push({
        name,
        source: 'variables',
        defaultValue: typeof written === 'string' ? written : null,
        givenValue: given ?? null,
      });
      return given ?? '';
    }
    case ':?':
    case '?': {
      // Compose stops with the message; the value still counts as the variable's, unset or not.
      uses.push({
        name,
        source: takesAlternative ? 'unset' : 'variables',
        defaultValue: null,
        givenValue: given ?? null,
      });
      return given ?? '';
    }
    default: {
      // `:+` and `+`: the alternative when the variable is set (and, for `:+`, not empty).
      uses.push({
        name,
        source: isUnset ? 'unset' : 'variables',
        defaultValue: null,
        givenValue: given ?? null,
      });
      if (takesAlternative) return '';
      return substitute(argument, lookup, uses, depth + 1);
    }
  }
}
