import { describe, expect, it } from 'vitest';
import { readJson } from './json-reader';

describe('readJson', () => {
  it.each<[string, string, unknown]>([
    ['an object', '{"a": 1, "b": [true, null, "x"]}', { a: 1, b: [true, null, 'x'] }],
    ['escapes', '{"s": "a\\"b\\\\c\\n\\u00e9"}', { s: 'a"b\\c\né' }],
    ['numbers', '[0, -1.5, 2e3]', [0, -1.5, 2000]],
    ['a byte-order mark', '\uFEFF{"a": 1}', { a: 1 }],
  ])('reads %s', (_name, text, expected) => {
    const reading = readJson(text);
    expect(reading.ok).toBe(true);
    expect(reading.documents.map((doc) => doc.value)).toEqual([expected]);
  });

  it('records the line of every key and item', () => {
    const reading = readJson(
      '{\n  "storage": {\n    "host": "redis"\n  },\n  "list": [\n    1\n  ]\n}',
    );
    const lines = reading.documents[0]?.lines;
    expect(lines?.get('storage')).toBe(2);
    expect(lines?.get('storage.host')).toBe(3);
    expect(lines?.get('list[0]')).toBe(6);
  });

  it('reads a stream of JSON lines, each starting on its own line', () => {
    const reading = readJson('{"a":1}\n{"a":2}\n\n{"a":3}\n');
    expect(reading.documents.map((doc) => [doc.value, doc.lines.get('')])).toEqual([
      [{ a: 1 }, 1],
      [{ a: 2 }, 2],
      [{ a: 3 }, 4],
    ]);
  });

  it.each<[string, string, number, string, boolean]>([
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 'misses a "," or "}" after a value.', false],
    ['a trailing comma', '{"a": 1,}', 1, 'has something other than a quoted key.', false],
    ['single quotes', "{\n'a': 1}", 2, 'has something other than a quoted key.', false],
    ['a bare word', '[nope]', 1, 'has "n" where a value should start.', false],
    [
      'a cut object',
      '{\n  "a": {\n    "b": 1',
      3,
      'ends before the object opened on line 2 is complete.',
      true,
    ],
    ['a cut text', '{"a": "abc', 1, 'ends before the text opened on line 1 is complete.', true],
    ['a cut literal', '[tr', 1, 'ends before "true" is complete.', true],
  ])('reports %s with its line', (_name, text, line, message, isTruncated) => {
    const reading = readJson(text);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.error).toEqual({ line, message, isTruncated });
  });

  it('keeps the complete lines of a stream cut in its last line', () => {
    const reading = readJson('{"a":1}\n{"a":2}\n{"a":');
    expect(reading.ok).toBe(false);
    expect(reading.documents.map((doc) => doc.value)).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('refuses nesting deeper than 200 levels instead of overflowing the stack', () => {
    const reading = readJson(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.error.message).toBe('is nested more than 200 levels deep.');
  });

  it('keeps "__proto__" as a key instead of changing the prototype', () => {
    const reading = readJson('{"__proto__": {"polluted": true}}');
    const value = reading.documents[0]?.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});
