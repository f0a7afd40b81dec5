// Paths may hold spaces (issue 16): every command that uses one must keep it one shell word.
import { beforeAll, describe, expect, it } from 'vitest';
import { customNames } from './input-matrix';
import { commandsOf, matrixCases, matrixTimeLimit } from './test-support/matrix-plans';
import { unquotedAppearances, unquotedMask } from './test-support/shell-words';

const spaced = Object.values(customNames).filter(
  (value): value is string => typeof value === 'string' && value.includes(' '),
);

describe('unquotedAppearances', () => {
  it.each([
    ['cp /a b/x /c', '/a b', 1],
    ["cp '/a b/x' /c", '/a b', 0],
    ['cp "/a b/x" /c', '/a b', 0],
    ['cp /a\\ b/x /c', '/a b', 0],
    ['echo "$(ls /a b)"', '/a b', 1],
    ['echo "$(ls \'/a b\')"', '/a b', 0],
    ['x=$(cat "/a b") && ls /a b', '/a b', 1],
    ["cat <<'EOF'\npath: /a b\nEOF\nls '/a b'", '/a b', 0],
    ['ls # see /a b', '/a b', 0],
    ['(cd /a b && ls)', '/a b', 1],
  ])('%j has %s unquoted %d times', (code, value, count) => {
    expect(unquotedAppearances(code, value)).toHaveLength(count);
  });

  it('marks plain text only', () => {
    expect(unquotedMask("a 'b c' d")).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});

describe('paths with spaces in every plan of the matrix', () => {
  beforeAll(() => void matrixCases(), matrixTimeLimit);

  it('has paths with spaces to check', () => {
    expect(spaced.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps each one a single shell word in every bash command', () => {
    // Plans share most of their commands: each distinct command is checked once, named by the
    // first plan and step that has it.
    const firstSeen = new Map<string, string>();
    for (const { plan, name } of matrixCases()) {
      for (const step of plan.phases.flatMap((phase) => phase.steps)) {
        for (const command of commandsOf(step)) {
          if (command.lang === 'bash' && !firstSeen.has(command.code))
            firstSeen.set(command.code, `${name} / ${step.id}`);
        }
      }
    }
    const problems: string[] = [];
    let checked = 0;
    for (const [code, where] of firstSeen) {
      for (const value of spaced) {
        if (code.includes(value)) checked += 1;
        for (const excerpt of unquotedAppearances(code, value))
          problems.push(`${where}: …${excerpt}…`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect([...new Set(problems)].slice(0, 20)).toEqual([]);
  });
});
