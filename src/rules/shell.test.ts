import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { insideDoubleQuotes, joinPath, shellQuote } from './shell';

describe('shellQuote', () => {
  it.each([
    ['tyk-gateway', 'tyk-gateway'],
    ['/opt/tyk-gateway/tyk.conf', '/opt/tyk-gateway/tyk.conf'],
    ['tyk-gateway=5.3.0', 'tyk-gateway=5.3.0'],
    ['user@host:8080', 'user@host:8080'],
    ['a+b,c%d', 'a+b,c%d'],
    ['', "''"],
    ['two words', "'two words'"],
    ["it's", `'it'"'"'s'`],
    ['$HOME', "'$HOME'"],
    ['a;rm -rf /', "'a;rm -rf /'"],
    ['`id`', "'`id`'"],
    ['*', "'*'"],
    ['~/backup', "'~/backup'"],
    ['line\nbreak', "'line\nbreak'"],
  ])('%j becomes %s', (text, expected) => {
    expect(shellQuote(text)).toBe(expected);
  });

  it.each([
    ["it's"],
    ['$(id) `id` ${HOME}'],
    ['a b\tc\nd'],
    ['\'"\\'],
    ['!event'],
    [''],
    ['--flag'],
    ['ünïcödé ✓'],
  ])('the shell reads %j back unchanged', (text) => {
    const echoed = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(text)}`], {
      encoding: 'utf8',
    });
    expect(echoed).toBe(text);
  });
});

describe('insideDoubleQuotes', () => {
  it.each([
    ['/var/backups/x', '/var/backups/x'],
    ['a"b', 'a\\"b'],
    ['$HOME', '\\$HOME'],
    ['`id`', '\\`id\\`'],
    ['back\\slash', 'back\\\\slash'],
  ])('%j becomes %s', (text, expected) => {
    expect(insideDoubleQuotes(text)).toBe(expected);
  });

  it('the shell reads the text back unchanged next to a variable', () => {
    const text = 'dir "with" $pecial `chars` \\ ';
    const echoed = execFileSync(
      'sh',
      ['-c', `X=end; printf '%s' "${insideDoubleQuotes(text)}$X"`],
      { encoding: 'utf8' },
    );
    expect(echoed).toBe(`${text}end`);
  });
});

describe('joinPath', () => {
  it.each([
    [['/var/backups', 'tyk.conf'], '/var/backups/tyk.conf'],
    [['/var/backups/', 'eu', 'tyk.conf'], '/var/backups/eu/tyk.conf'],
    [['.', 'go.mod'], './go.mod'],
    [['', 'values.yaml'], 'values.yaml'],
    [['/'], '/'],
    [['dir/', ''], 'dir'],
  ] as const)('%j gives %s', (segments, expected) => {
    expect(joinPath(...segments)).toBe(expected);
  });
});
