// Every bash command of every plan in the input matrix goes through shellcheck, as a user would
// paste it: one file per distinct snippet, all checked in a few shellcheck runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { models } from './catalog/models';
import { defaultNames } from './names';
import { commandsOf, matrixCases, matrixTimeLimit } from './test-support/matrix-plans';
import { shellcheckReport } from './test-support/script-checks';
import { versionHints } from './version-hints';

function shellcheckVersion(): string {
  try {
    return execFileSync('shellcheck', ['--version'], { encoding: 'utf8' });
  } catch {
    throw new Error(
      'shellcheck is not installed or not on PATH: install it (apt-get install shellcheck) to check the generated commands.',
    );
  }
}

function bashSnippets(): readonly string[] {
  const snippets = new Set<string>();
  for (const { plan } of matrixCases()) {
    for (const phase of plan.phases) {
      for (const step of phase.steps) {
        for (const command of commandsOf(step))
          if (command.lang === 'bash') snippets.add(command.code);
      }
    }
  }
  for (const model of models) {
    for (const install of model.installs.length === 0 ? [null] : model.installs) {
      for (const hint of versionHints(
        model.id,
        install,
        ['gateway', 'dashboard', 'pump', 'mdcb'],
        defaultNames(model.id, install),
      )) {
        for (const command of hint.commands)
          if (command.lang === 'bash') snippets.add(command.code);
      }
    }
  }
  return [...snippets];
}

const folder = mkdtempSync(join(tmpdir(), 'tyk-plan-shellcheck-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('shellcheck', () => {
  // The shared plans of the matrix may be built here first.
  beforeAll(() => void matrixCases(), matrixTimeLimit);

  it('is installed', () => {
    expect(shellcheckVersion()).toMatch(/ShellCheck/);
  });

  it('finds nothing in any bash command of the matrix', async () => {
    shellcheckVersion();
    const snippets = bashSnippets();
    expect(snippets.length).toBeGreaterThan(100);
    const files = snippets.map((code, index) => ({
      file: join(folder, `snippet-${index}.sh`),
      text: `#!/usr/bin/env bash\n${code}\n`,
    }));
    // Name the snippet, not the temp file, so the failure reads as the command a user would paste.
    const report = await shellcheckReport(
      files,
      (stdout) =>
        stdout.replace(
          /\S*snippet-(\d+)\.sh:(\d+):/g,
          (_m, index: string, line: string) =>
            `\n${snippets[Number(index)] ?? ''}\n  line ${Number(line) - 1}:`,
        ),
      'matrix-commands',
    );
    expect(report.slice(0, 4000)).toBe('');
  }, 120_000);
});
