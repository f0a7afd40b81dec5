// Env files and substitution as Docker Compose documents them (compose-spec "Interpolation" and
// the .env file syntax): each row states what Compose itself would produce.
import { describe, expect, it } from 'vitest';
import { interpolate, readEnvFile } from './env-file';

describe('readEnvFile', () => {
  it('reads assignments, quotes, export and inline comments', () => {
    const reading = readEnvFile(
      [
        '# a comment',
        '',
        'PLAIN=v5.8.0',
        'DOUBLE="v5.8.0"',
        "SINGLE='a $b \\n'",
        'export EXPORTED=yes',
        'COMMENTED=value # the rest is a comment',
        'HASH=a#b',
        'ESCAPED="line\\nnext \\"q\\""',
        'EMPTY=',
        'PASSED_THROUGH',
      ].join('\n'),
    );
    expect(reading.badLines).toEqual([]);
    expect(reading.entries.map(({ name, value, line }) => [name, value, line])).toEqual([
      ['PLAIN', 'v5.8.0', 3],
      ['DOUBLE', 'v5.8.0', 4],
      ['SINGLE', 'a $b \\n', 5],
      ['EXPORTED', 'yes', 6],
      ['COMMENTED', 'value', 7],
      ['HASH', 'a#b', 8],
      ['ESCAPED', 'line\nnext "q"', 9],
      ['EMPTY', '', 10],
    ]);
  });

  it('reads a quoted value over several lines', () => {
    const reading = readEnvFile('CERT="-----BEGIN-----\nabc\n-----END-----"\nNEXT=1');
    expect(reading.entries.map((entry) => [entry.name, entry.value, entry.line])).toEqual([
      ['CERT', '-----BEGIN-----\nabc\n-----END-----', 1],
      ['NEXT', '1', 4],
    ]);
  });

  it('notices a quote that never closes, as a cut paste does', () => {
    const reading = readEnvFile('A=1\nB="never closed\nC=3');
    expect(reading.unclosedQuoteLine).toBe(2);
    expect(reading.entries.map((entry) => entry.name)).toEqual(['A', 'B']);
  });

  it('names the lines that are not assignments', () => {
    expect(readEnvFile('A=1\nthis is prose\nB=2\n- item').badLines).toEqual([2, 4]);
  });
});

describe('interpolate', () => {
  const variables: Record<string, string> = { SET: 'v5.8.0', EMPTY: '', OTHER: 'x' };
  const lookup = (name: string): string | undefined => variables[name];

  it.each<[string, string, string]>([
    ['braced', 'tag:${SET}', 'tag:v5.8.0'],
    ['unbraced', 'tag:$SET', 'tag:v5.8.0'],
    [':- with the variable set', '${SET:-v5.6.1}', 'v5.8.0'],
    [':- with the variable empty', '${EMPTY:-v5.6.1}', 'v5.6.1'],
    [':- with the variable unset', '${UNSET:-v5.6.1}', 'v5.6.1'],
    ['- with the variable empty', '${EMPTY-v5.6.1}', ''],
    ['- with the variable unset', '${UNSET-v5.6.1}', 'v5.6.1'],
    [':? with the variable set', '${SET:?must be set}', 'v5.8.0'],
    [':+ with the variable set', '${SET:+yes}', 'yes'],
    [':+ with the variable empty', '${EMPTY:+yes}', ''],
    ['+ with the variable empty', '${EMPTY+yes}', 'yes'],
    ['a nested default', '${UNSET:-${OTHER:-none}}', 'x'],
    ['$$ as a literal dollar', 'cost: $$5 and $${SET}', 'cost: $5 and ${SET}'],
    ['an unset variable as empty', 'a${UNSET}b', 'ab'],
    ['a lone dollar', 'a $ b', 'a $ b'],
  ])('substitutes %s', (_name, text, expected) => {
    const result = interpolate(text, lookup);
    expect(result).toMatchObject({ ok: true, value: expected });
  });

  it('says where a value came from: the variables or the default', () => {
    const fromVariables = interpolate('tykio/tyk-gateway:${SET:-v5.6.1}', lookup);
    const fromDefault = interpolate('tykio/tyk-gateway:${UNSET:-v5.6.1}', lookup);
    expect(fromVariables.ok && fromVariables.uses).toEqual([
      { name: 'SET', source: 'variables', defaultValue: 'v5.6.1', givenValue: 'v5.8.0' },
    ]);
    expect(fromDefault.ok && fromDefault.uses).toEqual([
      { name: 'UNSET', source: 'default', defaultValue: 'v5.6.1', givenValue: null },
    ]);
  });

  it.each<[string, string, string, boolean]>([
    [
      'an unclosed brace',
      'image: tyk:${GATEWAY_VERSION:-v5',
      'has "${" without its closing "}" (${GATEWAY_VERSION:-v5…).',
      true,
    ],
    ['an invalid name', '${1BAD}', 'has an invalid substitution "${1BAD}".', false],
  ])('refuses %s', (_name, text, message, isTruncated) => {
    expect(interpolate(text, lookup)).toEqual({ ok: false, message, isTruncated });
  });
});
