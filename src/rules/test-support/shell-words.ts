// Which characters of a bash script the shell would split words at: those outside every quote,
// escape, comment and here-document body. Enough of bash's grammar to check the generated
// commands, which use single and double quotes, $(...) inside either, and here-documents.

type Frame = { readonly kind: 'top' | 'double' | 'substitution'; depth: number };

const heredocStart = /^<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/;

/**
 * For each character of `code`, true when it is unquoted shell text: a space there separates
 * words. Quoted text, escaped characters, comments and here-document bodies are false.
 */
export function unquotedMask(code: string): readonly boolean[] {
  const mask: boolean[] = new Array<boolean>(code.length).fill(false);
  const stack: Frame[] = [{ kind: 'top', depth: 0 }];
  const pendingHeredocs: string[] = [];
  let i = 0;
  while (i < code.length) {
    const frame = stack[stack.length - 1] ?? { kind: 'top', depth: 0 };
    const ch = code[i] ?? '';
    if (frame.kind === 'double') {
      if (ch === '\\') i += 2;
      else if (ch === '"') {
        stack.pop();
        i += 1;
      } else if (code.startsWith('$(', i)) {
        stack.push({ kind: 'substitution', depth: 0 });
        i += 2;
      } else i += 1;
      continue;
    }
    // Unquoted text: at the top level or inside $(...).
    if (ch === '\\') {
      i += 2;
    } else if (ch === "'") {
      const end = code.indexOf("'", i + 1);
      i = end === -1 ? code.length : end + 1;
    } else if (ch === '"') {
      stack.push({ kind: 'double', depth: 0 });
      i += 1;
    } else if (ch === '#' && (i === 0 || /\s|;/.test(code[i - 1] ?? ''))) {
      const end = code.indexOf('\n', i);
      i = end === -1 ? code.length : end;
    } else if (code.startsWith('$(', i)) {
      stack.push({ kind: 'substitution', depth: 0 });
      i += 2;
    } else if (ch === '(' && frame.kind === 'substitution') {
      frame.depth += 1;
      i += 1;
    } else if (ch === ')' && frame.kind === 'substitution') {
      if (frame.depth === 0) stack.pop();
      else frame.depth -= 1;
      i += 1;
    } else if (ch === '<' && heredocStart.test(code.slice(i))) {
      const match = heredocStart.exec(code.slice(i));
      pendingHeredocs.push(match?.[2] ?? '');
      i += match?.[0].length ?? 2;
    } else if (ch === '\n' && pendingHeredocs.length > 0) {
      // The bodies follow this line, each up to its own delimiter line.
      i += 1;
      for (const delimiter of pendingHeredocs.splice(0)) {
        while (i < code.length) {
          const end = code.indexOf('\n', i);
          const line = code.slice(i, end === -1 ? code.length : end);
          i = end === -1 ? code.length : end + 1;
          if (line.trim() === delimiter) break;
        }
      }
    } else {
      mask[i] = true;
      i += 1;
    }
  }
  return mask;
}

/**
 * Where `value` appears in `code` with one of its spaces unquoted, as "…context…" excerpts; empty
 * when every appearance is one shell word (or part of one).
 */
export function unquotedAppearances(code: string, value: string): readonly string[] {
  if (!value.includes(' ')) return [];
  const mask = unquotedMask(code);
  const found: string[] = [];
  for (let at = code.indexOf(value); at !== -1; at = code.indexOf(value, at + 1)) {
    const split = [...value].some((ch, offset) => ch === ' ' && mask[at + offset] === true);
    if (split) found.push(code.slice(Math.max(0, at - 30), at + value.length + 10));
  }
  return found;
}
