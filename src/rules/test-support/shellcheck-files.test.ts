import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { listFile, shellcheckReport, verdictKey } from './shellcheck-files';

const folder = mkdtempSync(join(tmpdir(), 'tyk-shellcheck-support-'));
const suite = 'support-self-test';
afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(() => {
  rmSync(listFile(suite), { force: true });
  vi.unstubAllEnvs();
});

function script(fileName: string, body: string): string {
  const file = join(folder, fileName);
  writeFileSync(file, `#!/usr/bin/env bash\n${body}\n`);
  return file;
}

const kept = (): unknown => JSON.parse(readFileSync(listFile(suite), 'utf8'));
const byName = (report: string) => report.replace(/\S*\/([a-z]+\.sh):/g, '$1:');

describe('shellcheckReport', () => {
  it('reports a finding by the name it is given, and keeps only the scripts that passed', async () => {
    const clean = script('clean.sh', 'echo "$HOME"');
    const unquoted = script('unquoted.sh', 'rm -rf $1/cache');
    const report = await shellcheckReport([clean, unquoted], byName, suite);
    expect(report).toMatch(/^unquoted\.sh:2:\d+: \w+: .*SC2086/m);
    expect(report).not.toContain('clean.sh');
    expect(kept()).toEqual([verdictKey(clean)]);
  });

  it('does not send a script again once it has passed', async () => {
    // A failing script whose hash is listed as passed shows that listed scripts are skipped.
    const unquoted = script('listed.sh', 'cp $1 /tmp');
    mkdirSync(dirname(listFile(suite)), { recursive: true });
    writeFileSync(listFile(suite), JSON.stringify([verdictKey(unquoted)]));
    expect(await shellcheckReport([unquoted], byName, suite)).toBe('');
    vi.stubEnv('SHELLCHECK_CACHE', 'off');
    expect(await shellcheckReport([unquoted], byName, suite)).toContain('listed.sh:2:');
  });

  it('checks a script again when its text changes', async () => {
    const file = script('changing.sh', 'echo "$1"');
    expect(await shellcheckReport([file], byName, suite)).toBe('');
    writeFileSync(file, '#!/usr/bin/env bash\necho $1\n');
    expect(await shellcheckReport([file], byName, suite)).toContain('changing.sh:2:');
    expect(kept()).toEqual([]);
  });

  it('ignores a damaged list', async () => {
    const unquoted = script('damaged.sh', 'ls $1');
    mkdirSync(dirname(listFile(suite)), { recursive: true });
    writeFileSync(listFile(suite), '{"not": "a list"');
    expect(await shellcheckReport([unquoted], byName, suite)).toContain('damaged.sh:2:');
  });

  it('refuses a suite name that is not a plain file name', () => {
    expect(() => listFile('../elsewhere')).toThrow('"../elsewhere" is not a cache name');
  });
});
