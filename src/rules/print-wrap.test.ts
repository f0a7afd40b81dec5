import { describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan';
import { inputMatrix } from './input-matrix';
import { continuationMark, continuedMark, printedLines, type PrintedLine } from './print-wrap';

/** The printed lines as a reader sees them on paper: marks and hanging indent drawn in. */
function drawn(lines: readonly PrintedLine[]): string[] {
  return lines.map(
    (line) =>
      `${line.isContinuation ? `${' '.repeat(line.indent)}${continuationMark}` : ''}${line.text}${
        line.isContinued ? continuedMark : ''
      }`,
  );
}

describe('printedLines', () => {
  it.each([
    ['a line that fits stays whole', 'helm list -n tyk', 20, ['helm list -n tyk']],
    ['a line of exactly the width stays whole', 'abcdefghij', 10, ['abcdefghij']],
    ['an empty command is one empty line', '', 10, ['']],
    ['empty lines are kept', 'a\n\nb', 10, ['a', '', 'b']],
    [
      'each line of the code is cut on its own',
      'abc\nabc def ghi',
      8,
      ['abc', 'abc ↩', '↪def ghi'],
    ],
    [
      'the cut comes after the last space in reach',
      'aaa bbb ccc ddd',
      10,
      ['aaa bbb ↩', '↪ccc ddd'],
    ],
    [
      'a long line is cut as often as it needs',
      'one two three four five six',
      10,
      ['one two ↩', '↪three ↩', '↪four ↩', '↪five six'],
    ],
    [
      'a token longer than the room is cut inside, after a dot where one is in reach',
      'x-tyk-api-gateway.middleware.global.pluginConfig.bundle.path',
      24,
      ['x-tyk-api-gateway.↩', '↪middleware.global.↩', '↪pluginConfig.bundle.↩', '↪path'],
    ],
    [
      'a token with nowhere nice to cut is cut at the edge',
      'abcdefghijklmnopqrstuvwxyz',
      10,
      ['abcdefghi↩', '↪jklmnopq↩', '↪rstuvwxyz'],
    ],
    [
      'the space after a token stays on its line, so a token as long as the room moves down',
      'aaaa bbbb cccc',
      10,
      ['aaaa ↩', '↪bbbb cccc'],
    ],
    [
      'a token that fits on a line of its own moves down whole',
      'tag registry.example.com/tyk',
      26,
      ['tag ↩', '↪registry.example.com/tyk'],
    ],
    [
      'a continuation is indented like its command line',
      '  --set gateway.image.tag=v5.8.0',
      20,
      ['  --set ↩', '  ↪gateway.image.↩', '  ↪tag=v5.8.0'],
    ],
    [
      'leading spaces alone are not a printed line',
      '        abcdefghijkl',
      12,
      ['        abc↩', '    ↪defghi↩', '    ↪jkl'],
    ],
    [
      'spaces inside the line stay where they were',
      'a  b  c  d  e',
      6,
      ['a  b ↩', '↪ c  ↩', '↪d  e'],
    ],
    [
      'a character beyond the BMP takes one column',
      'echo 🚀🚀🚀 done',
      12,
      ['echo 🚀🚀🚀 ↩', '↪done'],
    ],
    ['fewer than 4 columns count as 4', 'abcdefg', 1, ['abc↩', '↪de↩', '↪fg']],
  ])('%s', (_name, code, columns, expected) => {
    expect(drawn(printedLines(code, columns))).toEqual(expected);
  });

  it('marks the first and last part of a cut line and nothing else', () => {
    expect(printedLines('aaa bbb ccc', 8)).toEqual([
      { text: 'aaa ', isContinued: true, isContinuation: false, indent: 0 },
      { text: 'bbb ccc', isContinued: false, isContinuation: true, indent: 0 },
    ]);
  });
});

/** Every command of a sample of the input matrix, as printed in the runbook's column. */
function sampleCommands(): readonly string[] {
  const codes = new Set<string>();
  inputMatrix()
    .filter((_input, index) => index % 25 === 0)
    .forEach((input) => {
      const result = buildPlan(input);
      if (!result.ok) return;
      for (const step of result.plan.phases.flatMap((phase) => phase.steps)) {
        for (const command of [
          ...step.commands,
          ...(step.verify?.commands ?? []),
          ...(step.rollback?.commands ?? []),
        ])
          codes.add(command.code);
      }
    });
  return [...codes];
}

describe('printedLines over the commands of the plans', () => {
  const codes = sampleCommands();
  const columns = 60;

  it('has commands to print, some of them longer than the column', () => {
    expect(codes.length).toBeGreaterThan(100);
    expect(codes.some((code) => code.split('\n').some((line) => line.length > columns))).toBe(true);
  });

  it('keeps every printed line, marks and indent included, within the column', () => {
    for (const code of codes) {
      for (const line of drawn(printedLines(code, columns)))
        expect(Array.from(line).length, line).toBeLessThanOrEqual(columns);
    }
  });

  it('joins the printed lines back into the exact command', () => {
    for (const code of codes) {
      const lines = printedLines(code, columns);
      const joined = lines.map((line) => `${line.text}${line.isContinued ? '' : '\n'}`).join('');
      expect(joined).toBe(`${code}\n`);
    }
  });

  it('cuts inside a token only when the token is longer than the room left for it', () => {
    for (const code of codes) {
      const lines = printedLines(code, columns);
      lines.forEach((line, index) => {
        const next = lines[index + 1];
        if (!line.isContinued || next === undefined) return;
        if (/\s$/.test(line.text) || /^\s/.test(next.text)) return;
        // Cut inside a token: the whole token would not have fitted on a continuation line, with
        // the space after it when the command line goes on (the space stays on the line).
        const tail = /^\S*/.exec(next.text)?.[0] ?? '';
        const token = `${/\S*$/.exec(line.text)?.[0] ?? ''}${tail}`;
        const goesOn = next.isContinued || next.text.length > tail.length;
        const room = columns - next.indent - continuationMark.length - (goesOn ? 1 : 0);
        const needed = token.length + (goesOn ? 1 : 0);
        expect(needed, `${line.text}|${next.text}`).toBeGreaterThan(room);
      });
    }
  });
});
