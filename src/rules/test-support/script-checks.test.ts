import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { bashSyntaxReport, listFile, shellcheckKey, shellcheckReport } from './script-checks';

const folder = mkdtempSync(join(tmpdir(), 'tyk-script-checks-'));
const suite = 'support-self-test';
afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(() => {
  rmSync(listFile('shellcheck', suite), { force: true });
  rmSync(listFile('bash-syntax', suite), { force: true });
  vi.unstubAllEnvs();
});

function script(fileName: string, body: string): string {
  const file = join(folder, fileName);
  writeFileSync(file, `#!/usr/bin/env bash\n${body}\n`);
  return file;
}

const kept = (tool: 'shellcheck' | 'bash-syntax'): unknown =>
  JSON.parse(readFileSync(listFile(tool, suite), 'utf8'));
const byName = (report: string) => report.replace(/\S*\/([a-z]+\.sh):/g, '$1:');

function listAsPassed(files: readonly string[]): void {
  mkdirSync(dirname(listFile('shellcheck', suite)), { recursive: true });
  writeFileSync(listFile('shellcheck', suite), JSON.stringify(files.map(shellcheckKey)));
}

describe('shellcheckReport', () => {
  it('reports a finding by the name it is given, and keeps only the scripts that passed', async () => {
    const clean = script('clean.sh', 'echo "$HOME"');
    const unquoted = script('unquoted.sh', 'rm -rf $1/cache');
    const report = await shellcheckReport([clean, unquoted], byName, suite);
    expect(report).toMatch(/^unquoted\.sh:2:\d+: \w+: .*SC2086/m);
    expect(report).not.toContain('clean.sh');
    expect(kept('shellcheck')).toEqual([shellcheckKey(clean)]);
  });

  it('does not send a script again once it has passed', async () => {
    // A failing script listed as passed shows that a listed script is skipped.
    const unquoted = script('listed.sh', 'cp $1 /tmp');
    listAsPassed([unquoted]);
    expect(await shellcheckReport([unquoted], byName, suite)).toBe('');
    vi.stubEnv('SCRIPT_CHECK_CACHE', 'off');
    expect(await shellcheckReport([unquoted], byName, suite)).toContain('listed.sh:2:');
  });

  it('checks a script again when its text changes', async () => {
    const file = script('changing.sh', 'echo "$1"');
    expect(await shellcheckReport([file], byName, suite)).toBe('');
    writeFileSync(file, '#!/usr/bin/env bash\necho $1\n');
    expect(await shellcheckReport([file], byName, suite)).toContain('changing.sh:2:');
    expect(kept('shellcheck')).toEqual([]);
  });

  it('writes a script given with its text only when it has to check it', async () => {
    const given = { file: join(folder, 'given.sh'), text: '#!/usr/bin/env bash\nmv $1 /tmp\n' };
    // The same text on disk has the same key: listed as passed, it is neither written nor run.
    listAsPassed([script('same.sh', 'mv $1 /tmp')]);
    expect(shellcheckKey(given)).toBe(shellcheckKey(join(folder, 'same.sh')));
    expect(await shellcheckReport([given], byName, suite)).toBe('');
    expect(existsSync(given.file)).toBe(false);

    rmSync(listFile('shellcheck', suite), { force: true });
    expect(await shellcheckReport([given], byName, suite)).toContain('given.sh:2:');
    expect(readFileSync(given.file, 'utf8')).toBe(given.text);
  });

  it('ignores a damaged list', async () => {
    const unquoted = script('damaged.sh', 'ls $1');
    mkdirSync(dirname(listFile('shellcheck', suite)), { recursive: true });
    writeFileSync(listFile('shellcheck', suite), '{"not": "a list"');
    expect(await shellcheckReport([unquoted], byName, suite)).toContain('damaged.sh:2:');
  });

  it('refuses a suite name that is not a plain file name', () => {
    expect(() => listFile('shellcheck', '../elsewhere')).toThrow(
      '"../elsewhere" is not a cache name',
    );
  });
});

describe('bashSyntaxReport', () => {
  it('reports a syntax error by the name it is given, and keeps the scripts that parse', async () => {
    const fine = script('fine.sh', 'if true; then echo "yes"; fi');
    const broken = script('broken.sh', 'if true; then echo "no"');
    const report = await bashSyntaxReport([fine, broken], byName, suite);
    expect(report).toMatch(/broken\.sh: line \d+: syntax error/);
    expect(report).not.toContain('fine.sh');
    expect(await bashSyntaxReport([fine], byName, suite)).toBe('');
    expect(kept('bash-syntax')).toHaveLength(1);
  });

  it('keeps nothing from a batch with an error in it', async () => {
    const fine = script('alone.sh', 'echo "$1"');
    const broken = script('unclosed.sh', 'echo "$1');
    // Four batches: with two files each is its own, so only the broken one is left out.
    expect(await bashSyntaxReport([fine, broken], byName, suite)).toContain('unclosed.sh');
    expect(kept('bash-syntax')).toHaveLength(1);
  });
});
