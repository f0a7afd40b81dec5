import { describe, expect, it } from 'vitest';
import { printableText, shownValue } from './message-text';

describe('printableText', () => {
  it.each<[string, string, string]>([
    ['plain text stays as it is', 'Gateway 5.3.0 → 5.14.0', 'Gateway 5.3.0 → 5.14.0'],
    ['a line break (C0)', 'a\nb\r\tc', 'a?b??c'],
    ['an ESC sequence (C0)', '\u001b[31mred', '?[31mred'],
    ['NUL and DEL', '\u0000x\u007f', '?x?'],
    ['the 8-bit CSI U+009B (C1)', '\u009b31mred', '?31mred'],
    ['the first and last C1 controls', '\u0080-\u009f', '?-?'],
    ['a right-to-left override', 'abc\u202Egpj.exe', 'abc?gpj.exe'],
    ['every bidi embedding and override', '\u202A\u202B\u202C\u202D\u202E', '?????'],
    ['the bidi isolates', '\u2066\u2067\u2068\u2069', '????'],
    ['the left-to-right, right-to-left and Arabic letter marks', '\u200E\u200F\u061C', '???'],
    ['the line and paragraph separators', 'a\u2028b\u2029c', 'a?b?c'],
    ['NBSP and accented letters are text', '\u00a0é\u00ff', '\u00a0é\u00ff'],
    ['a zero-width joiner inside an emoji stays', '👩‍💻', '👩‍💻'],
  ])('%s', (_name, text, expected) => {
    expect(printableText(text)).toBe(expected);
  });
});

describe('shownValue', () => {
  it.each<[string, unknown, string]>([
    ['a short string as it is', 'five', 'five'],
    ['exactly 40 characters, uncut', 'a'.repeat(40), 'a'.repeat(40)],
    ['41 characters, cut to 40 with an ellipsis', 'a'.repeat(41), `${'a'.repeat(40)}…`],
    ['100,000 characters, cut to 40', '5'.repeat(100_000), `${'5'.repeat(40)}…`],
    ['controls replaced before the cut', `\u009b${'x'.repeat(50)}`, `?${'x'.repeat(39)}…`],
    ['a bidi override in a version', '5.3.0\u202E0.3.5', '5.3.0?0.3.5'],
    ['an emoji across the cut is left out whole', `${'a'.repeat(39)}😀z`, `${'a'.repeat(39)}…`],
    ['a number', 42, '42'],
    ['a bigint', 10n, '10n'],
    ['an object as JSON', { a: '\u202E' }, '{"a":"?"}'],
    ['undefined', undefined, 'undefined'],
  ])('%s', (_name, value, expected) => {
    expect(shownValue(value)).toBe(expected);
  });

  it('names a value JSON cannot carry', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(shownValue(cycle)).toBe('[object Object]');
  });
});
