import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan';
import { bash, yaml } from './steps/commands';
import { pasteBlock } from './paste-block';
import { matrixCases, matrixTimeLimit } from './test-support/matrix-plans';
import { bashSyntaxReport, shellcheckReport, type Script } from './test-support/script-checks';
import type { Command } from './types';

const readSecret = bash(
  "read -rsp 'Gateway secret: ' TYK_GW_SECRET && echo && export TYK_GW_SECRET",
  'Set TYK_GW_SECRET',
);
const readHost = bash(
  "read -rp 'Dashboard host: ' TYK_DASHBOARD_HOST && export TYK_DASHBOARD_HOST",
  'Set TYK_DASHBOARD_HOST',
);

const end = (count: number, title = 'Upgrade the Gateway') =>
  [
    `echo 'All ${count} commands of step "${title}" finished.'`,
    `} || echo 'Step "${title}" stopped at a failing command; the commands after it did not run.' >&2`,
  ].join('\n');

/** The block of a step called "Upgrade the Gateway" with these commands. */
const blockOf = (...commands: readonly Command[]) =>
  pasteBlock({ title: 'Upgrade the Gateway', commands });

describe('pasteBlock', () => {
  const cases: readonly (readonly [string, readonly Command[], string])[] = [
    [
      'chains one-line commands with && in a group',
      [bash('sudo apt-get update'), bash('sudo apt-get install -y tyk-gateway=5.3.0')],
      `{\nsudo apt-get update &&\nsudo apt-get install -y tyk-gateway=5.3.0 &&\n${end(2)}`,
    ],
    [
      'keeps the reads and exports in the group, ahead of the commands that use them',
      [readSecret, readHost, bash('curl -fsS "http://$TYK_DASHBOARD_HOST:3000/hello"')],
      `{\n${readSecret.code} &&\n${readHost.code} &&\ncurl -fsS "http://$TYK_DASHBOARD_HOST:3000/hello" &&\n${end(3)}`,
    ],
    [
      'chains the lines of a multi-line command, loops on one line included',
      [
        bash(
          'before=$(redis-cli LASTSAVE)\nredis-cli BGSAVE\nuntil [ "$(redis-cli LASTSAVE)" != "$before" ]; do sleep 1; done',
        ),
        bash('ls /var/backups'),
      ],
      `{\nbefore=$(redis-cli LASTSAVE) &&\nredis-cli BGSAVE &&\nuntil [ "$(redis-cli LASTSAVE)" != "$before" ]; do sleep 1; done &&\nls /var/backups &&\n${end(2)}`,
    ],
    [
      'leaves a command continued with backslashes as one line',
      [bash('docker run -d \\\n  --name gw \\\n  tykio/tyk-gateway:v5.3.0'), bash('docker ps')],
      `{\ndocker run -d \\\n  --name gw \\\n  tykio/tyk-gateway:v5.3.0 &&\ndocker ps &&\n${end(2)}`,
    ],
    [
      'leaves a subshell that spans lines as one command',
      [bash('(\n  cd plugins &&\n  make\n)'), bash('ls plugins')],
      `{\n(\n  cd plugins &&\n  make\n) &&\nls plugins &&\n${end(2)}`,
    ],
    [
      'does not mistake quoted operators, newlines or a # in a word for shell syntax',
      [
        bash('curl -s -w \'%{http_code}\\n; #\' "$URL#top" 2>&1 | tee log'),
        bash("jq -r '.a\n| .b' file"),
      ],
      `{\ncurl -s -w '%{http_code}\\n; #' "$URL#top" 2>&1 | tee log &&\njq -r '.a\n| .b' file &&\n${end(2)}`,
    ],
    [
      'groups a background helper, chains the lines after it and always stops it',
      [
        readHost,
        bash(
          'kubectl port-forward svc/redis 6379:6379 >/dev/null &\nsleep 3\nredis-cli BGSAVE\nkill "$!"',
        ),
      ],
      `{\n${readHost.code} &&\n{\nkubectl port-forward svc/redis 6379:6379 >/dev/null &\nsleep 3 &&\nredis-cli BGSAVE\nkill "$!"\n} &&\n${end(2)}`,
    ],
    [
      'puts a command it cannot chain in a group of its own: several lists on a line',
      [bash('cd /tmp; ls'), bash('pwd')],
      `{\n{\ncd /tmp; ls\n} &&\npwd &&\n${end(2)}`,
    ],
    [
      'a multi-line if',
      [bash('if [ -f a ]; then\n  cat a\nfi\necho done'), bash('pwd')],
      `{\nif [ -f a ]; then\n  cat a\nfi &&\necho done &&\npwd &&\n${end(2)}`,
    ],
    [
      'a heredoc, whose end line must stay alone',
      [bash("cat > a.conf <<'EOF'\nkey: 1\nEOF"), bash('cat a.conf')],
      `{\n{\ncat > a.conf <<'EOF'\nkey: 1\nEOF\n} &&\ncat a.conf &&\n${end(2)}`,
    ],
    [
      'a comment, which would swallow an appended &&',
      [bash('ls # the backups\npwd'), bash('date')],
      `{\n{\nls # the backups\npwd\n} &&\ndate &&\n${end(2)}`,
    ],
    [
      'a case',
      [bash('case "$1" in\n  a) echo a ;;\nesac'), bash('date')],
      `{\n{\ncase "$1" in\n  a) echo a ;;\nesac\n} &&\ndate &&\n${end(2)}`,
    ],
    [
      'a background job that is not stopped on the last line',
      [bash('sleep 30 &'), bash('date')],
      `{\n{\nsleep 30 &\n} &&\ndate &&\n${end(2)}`,
    ],
    [
      'leaves the YAML snippet out and counts only the shell commands',
      [
        yaml('services:\n  tyk-gateway:\n    image: tykio/tyk-gateway:v5.3.0'),
        bash('docker compose pull tyk-gateway'),
        bash('docker compose up -d tyk-gateway'),
      ],
      `{\ndocker compose pull tyk-gateway &&\ndocker compose up -d tyk-gateway &&\n${end(2)}`,
    ],
  ];

  it.each(cases)('%s', (_name, commands, expected) => {
    expect(blockOf(...commands)?.code).toBe(expected);
  });

  it('quotes the step title in the closing lines', () => {
    const block = pasteBlock({
      title: "Back up the Gateway's $HOME `config`",
      commands: [bash('true'), bash('true')],
    });
    expect(block?.code.split('\n').slice(-2)).toEqual([
      `echo 'All 2 commands of step "Back up the Gateway'"'"'s $HOME \`config\`" finished.'`,
      `} || echo 'Step "Back up the Gateway'"'"'s $HOME \`config\`" stopped at a failing command; the commands after it did not run.' >&2`,
    ]);
  });

  it('says how many commands it runs and which it leaves out', () => {
    const snippet = yaml('image: tykio/tyk-gateway:v5.3.0');
    const block = blockOf(snippet, bash('helm upgrade tyk tyk-helm/tyk-oss'), bash('helm list'));
    expect(block?.commandCount).toBe(2);
    expect(block?.leftOut).toEqual([snippet]);
    expect(blockOf(bash('true'), bash('true'))?.leftOut).toEqual([]);
  });

  it('is not made for fewer than two shell commands', () => {
    expect(blockOf()).toBeUndefined();
    expect(blockOf(bash('docker compose up -d'))).toBeUndefined();
    expect(blockOf(yaml('a: 1'), bash('docker compose up -d'))).toBeUndefined();
  });
});

/** Runs `script` in bash as if typed: bash reads it, and everything after it, from stdin. */
function bashOn(script: string): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync('bash', ['-s'], { input: script, encoding: 'utf8', timeout: 20_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const code = (...commands: readonly Command[]): string => blockOf(...commands)?.code ?? '';

describe('a pasted block in a real bash', () => {
  it('stops at the first failing command', () => {
    const { stdout, stderr } = bashOn(
      `${code(bash('echo one'), bash('false'), bash('echo three'))}\necho after\n`,
    );
    expect(stdout).toBe('one\nafter\n');
    expect(stderr).toBe(
      'Step "Upgrade the Gateway" stopped at a failing command; the commands after it did not run.\n',
    );
  });

  it('stops inside a multi-line command at its failing line', () => {
    const { stdout } = bashOn(
      `${code(bash('echo one\nfalse\necho two'), bash('echo three'))}\necho after\n`,
    );
    expect(stdout).toBe('one\nafter\n');
  });

  it('says when every command ran', () => {
    const { stdout, stderr } = bashOn(`${code(bash('echo one'), bash('echo two'))}\n`);
    expect(stdout).toBe('one\ntwo\nAll 2 commands of step "Upgrade the Gateway" finished.\n');
    expect(stderr).toBe('');
  });

  it('gives each read the next line typed after the block, and keeps the exports in the shell', () => {
    const block = code(
      readSecret,
      readHost,
      bash('echo "child sees $(bash -c \'echo "$TYK_DASHBOARD_HOST"\')"'),
    );
    const { stdout } = bashOn(
      `${block}\ns3cr3t\ndash.internal\necho "after: $TYK_GW_SECRET $TYK_DASHBOARD_HOST"\n`,
    );
    expect(stdout).toBe(
      [
        '',
        'child sees dash.internal',
        'All 3 commands of step "Upgrade the Gateway" finished.',
        'after: s3cr3t dash.internal',
        '',
      ].join('\n'),
    );
  });

  it('fixes what a plain join of the commands does: a read takes the next command as its answer', () => {
    const joined = [readHost, bash('echo "host: $TYK_DASHBOARD_HOST"')]
      .map((command) => command.code)
      .join('\n\n');
    const { stdout } = bashOn(`${joined}\ndash.internal\n`);
    expect(stdout).not.toContain('host: dash.internal');
    expect(
      bashOn(`${code(readHost, bash('echo "host: $TYK_DASHBOARD_HOST"'))}\ndash.internal\n`).stdout,
    ).toContain('host: dash.internal');
  });

  it('stops a background helper even when a line before the stop failed, in the same shell', () => {
    const helper = bash('sleep 30 &\necho "$!" > helper.pid\nfalse\necho skipped\nkill "$!"');
    const folder = mkdtempSync(join(tmpdir(), 'tyk-paste-'));
    try {
      const { stdout } = bashOn(
        [
          `cd ${folder}`,
          code(readHost, helper, bash('echo next')),
          'dash.internal',
          // A killed helper takes a moment to end and be reaped, longer on a busy machine: poll
          // for up to 10 s, well short of the 30 s it would live if it had not been stopped.
          'for _ in $(seq 100); do kill -0 "$(cat helper.pid)" 2>/dev/null || break; sleep 0.1; done',
          'kill -0 "$(cat helper.pid)" 2>/dev/null && echo alive || echo stopped',
          'echo "host: $TYK_DASHBOARD_HOST"',
          '',
        ].join('\n'),
      );
      // The stop ran, so the block went on; the read was not sent to the background with it.
      expect(stdout).toBe(
        [
          'next',
          'All 3 commands of step "Upgrade the Gateway" finished.',
          'stopped',
          'host: dash.internal',
          '',
        ].join('\n'),
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the Debian upgrade step, as reported', () => {
  const result = buildPlan({
    model: 'self-managed',
    install: 'deb',
    components: ['dashboard', 'gateway', 'pump'],
    usesGoPlugins: false,
    database: 'mongodb',
    gateway: { from: '5.2.5', to: '5.3.0' },
    pump: { from: '1.8.0' },
    strategy: 'rolling',
  });
  const step = result.ok
    ? result.plan.phases.flatMap((phase) => phase.steps).find((s) => s.id === 'upgrade-gateway')
    : undefined;
  const block = step === undefined ? undefined : pasteBlock(step);

  it('chains the restart after the pinned install', () => {
    expect(block?.code).toBe(
      [
        '{',
        'sudo apt-get update &&',
        'apt list -a tyk-gateway &&',
        'sudo apt-get install -y tyk-gateway=5.3.0 &&',
        'sudo systemctl restart tyk-gateway &&',
        `echo 'All 4 commands of step "Upgrade the Gateway to 5.3.0" finished.'`,
        `} || echo 'Step "Upgrade the Gateway to 5.3.0" stopped at a failing command; the commands after it did not run.' >&2`,
      ].join('\n'),
    );
  });

  it('does not restart the Gateway when the install fails', () => {
    // Stand-ins for sudo, apt, apt-get and systemctl: each logs its call; the install fails as
    // apt-get does when the pinned version is not in the repository.
    const folder = mkdtempSync(join(tmpdir(), 'tyk-paste-deb-'));
    try {
      const stub = (name: string, body: string) =>
        writeFileSync(join(folder, name), `#!/usr/bin/env bash\n${body}\n`, { mode: 0o755 });
      stub('sudo', '"$@"');
      stub('apt', `echo "apt $*" >> ${folder}/calls`);
      stub('apt-get', `echo "apt-get $*" >> ${folder}/calls\n[ "$1" != install ]`);
      stub('systemctl', `echo "systemctl $*" >> ${folder}/calls`);
      const { stderr } = bashOn(`PATH=${folder}:$PATH\n${block?.code ?? ''}\n`);
      expect(readFileSync(join(folder, 'calls'), 'utf8')).toBe(
        'apt-get update\napt list -a tyk-gateway\napt-get install -y tyk-gateway=5.3.0\n',
      );
      expect(stderr).toContain('stopped at a failing command');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

function matrixBlocks(): readonly string[] {
  const blocks = new Set<string>();
  for (const { plan } of matrixCases()) {
    for (const phase of plan.phases) {
      for (const step of phase.steps) {
        const block = pasteBlock(step);
        if (block !== undefined) blocks.add(block.code);
      }
    }
  }
  return [...blocks];
}

const folder = mkdtempSync(join(tmpdir(), 'tyk-paste-blocks-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the Copy all block of every step of the matrix', () => {
  let blocks: readonly string[] = [];
  let files: readonly Script[] = [];
  beforeAll(() => {
    blocks = matrixBlocks();
    files = blocks.map((block, index) => ({
      file: join(folder, `block-${index}.sh`),
      text: `#!/usr/bin/env bash\n${block}\n`,
    }));
  }, matrixTimeLimit);

  /** The failure of `file`, named by its block rather than by the temporary file. */
  const named = (report: string) =>
    report.replace(
      /\S*block-(\d+)\.sh:?(?: line)? ?(\d+)?:/g,
      (_m, index: string, line?: string) =>
        `\n${blocks[Number(index)] ?? ''}\n  line ${Number(line ?? 1) - 1}:`,
    );

  it('parses in bash', async () => {
    expect(blocks.length).toBeGreaterThan(100);
    const report = await bashSyntaxReport(files, named, 'paste-blocks');
    expect(report.slice(0, 4000)).toBe('');
  }, 60_000);

  it('passes shellcheck', async () => {
    const report = await shellcheckReport(files, named, 'paste-blocks');
    expect(report.slice(0, 4000)).toBe('');
  }, 120_000);
});
