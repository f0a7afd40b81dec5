import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// The fixtures are test data of the rules; the CLI test reads them as files would be read.
// eslint-disable-next-line no-restricted-imports
import { proSecrets, proStack } from '@/rules/detect/fixtures/compose';
// eslint-disable-next-line no-restricted-imports
import { kubectlDeployments } from '@/rules/detect/fixtures/runtime';
import { collectorScript } from '@/rules/index';
import { helpText, readFromDisk, runDetectCli, type FileReader } from './detect';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Files as if on disk, so the CLI is tested without touching it. */
function reader(files: Readonly<Record<string, string>>): FileReader {
  return (path) =>
    path in files
      ? { ok: true, text: files[path] ?? '' }
      : { ok: false, message: `${path} cannot be read: there is no such file.` };
}

const stack = reader(Object.fromEntries(proStack.map((file) => [file.name, file.text])));
const stackArgs = proStack.map((file) => file.name);

describe('runDetectCli', () => {
  it('prints the answers, evidence, conflicts, findings and notes as JSON', () => {
    const outcome = runDetectCli(stackArgs, stack);
    expect(outcome.exitCode).toBe(0);
    const body = JSON.parse(outcome.stdout) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'ok',
      'answers',
      'evidence',
      'conflicts',
      'findings',
      'problems',
    ]);
    expect(body).toMatchObject({
      ok: true,
      answers: { model: 'self-managed', install: 'docker-compose', gateway: { from: '5.8.0' } },
      findings: [],
    });
    expect((body['evidence'] as unknown[])[0]).toEqual({
      field: 'model',
      value: 'self-managed',
      file: 'docker-compose.yml',
      where: 'line 3, key services.tyk-dashboard',
      note: 'a Dashboard is part of the deployment',
    });
    for (const secret of proSecrets) expect(outcome.stdout).not.toContain(secret);
  });

  it('prints findings as id, severity, title and detail, checked against --to', () => {
    const files = reader({ 'deploy.json': kubectlDeployments });
    const body = JSON.parse(runDetectCli(['deploy.json', '--to', '5.8.0'], files).stdout) as {
      findings: Record<string, unknown>[];
    };
    expect(body.findings.map((finding) => Object.keys(finding))).toEqual([
      ['id', 'severity', 'title', 'detail'],
    ]);
    expect(body.findings[0]?.['id']).toBe('hash-keys-mismatch');
  });

  it('prints the same for a terminal with --format text', () => {
    const outcome = runDetectCli([...stackArgs, '--format', 'text'], stack);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout.split('\n').slice(0, 3)).toEqual([
      'Read 5 files:',
      '  docker-compose.yml: Docker Compose file: tyk-dashboard (dashboard), tyk-gateway (gateway), tyk-pump (pump)',
      '  .env: variables for the compose file',
    ]);
    expect(outcome.stdout).toContain(
      '  gateway.from: 5.8.0  (.env, line 3 (GATEWAY_VERSION); image tag v5.8.0; GATEWAY_VERSION sets the tag of tyk-gateway in docker-compose.yml)',
    );
    expect(outcome.stdout).toContain(
      'Where the files disagree:\n  dashboard.from: DASHBOARD_VERSION is v5.8.0',
    );
  });

  it('prints the collector for an installation type', () => {
    const outcome = runDetectCli(['--collector', '--install', 'helm'], reader({}));
    expect(outcome).toEqual({ exitCode: 0, stdout: collectorScript('helm'), stderr: '' });
  });

  it('prints the help', () => {
    expect(runDetectCli(['--help'], reader({}))).toEqual({
      exitCode: 0,
      stdout: helpText,
      stderr: '',
    });
  });

  it.each<[string, readonly string[], readonly { field: string; message: string }[]]>([
    [
      'no file',
      [],
      [
        {
          field: 'files',
          message:
            'Give at least one file to read, or --collector --install TYPE. Run with --help for the kinds of file.',
        },
      ],
    ],
    [
      'a missing file',
      ['nope.yml'],
      [{ field: 'nope.yml', message: 'nope.yml cannot be read: there is no such file.' }],
    ],
    [
      'an unknown format',
      ['--format', 'xml', 'a'],
      [{ field: 'format', message: 'Format "xml" does not exist; use json or text.' }],
    ],
    [
      'an unknown flag',
      ['--frobnicate'],
      [
        {
          field: 'arguments',
          message: 'Unknown flag "--frobnicate". Run with --help to see the flags.',
        },
      ],
    ],
    [
      'a flag without its value',
      ['a', '--format'],
      [
        {
          field: 'arguments',
          message: '--format needs a value. Run with --help to see the flags.',
        },
      ],
    ],
    [
      'a switch with a value',
      ['a', '--collector=yes'],
      [
        {
          field: 'arguments',
          message: '--collector takes no value. Run with --help to see the flags.',
        },
      ],
    ],
    [
      '--collector without --install',
      ['--collector'],
      [
        {
          field: 'install',
          message:
            '--collector needs --install, one of docker, docker-compose, kubernetes, helm, rpm, deb.',
        },
      ],
    ],
    [
      'an unknown installation type',
      ['--collector', '--install', 'mainframe'],
      [
        {
          field: 'install',
          message:
            'Installation type "mainframe" does not exist; choose one of docker, docker-compose, kubernetes, helm, rpm, deb.',
        },
      ],
    ],
    [
      '--collector with files',
      ['--collector', '--install', 'docker', 'a.yml'],
      [{ field: 'files', message: 'Give files or --collector, not both.' }],
    ],
    [
      '--install without --collector',
      ['--install', 'docker', 'a.yml'],
      [{ field: 'install', message: '--install only goes with --collector.' }],
    ],
  ])('exits 2 with a message for %s', (_name, argv, errors) => {
    const outcome = runDetectCli(argv, reader({ 'a.yml': 'services: {}', a: 'x' }));
    expect(outcome.exitCode).toBe(2);
    expect(JSON.parse(outcome.stdout)).toEqual({ ok: false, errors });
  });

  it('exits 2 naming every file that could not be read, with secrets masked', () => {
    const files = reader({
      'tyk.env': 'TYK_GW_SECRET=cli-Secret-8181\nthis line is prose',
      'bundle.zip': '\u0000\u0001\u0002PK',
      'docker-compose.yml': proStack[0].text,
    });
    const outcome = runDetectCli(['tyk.env', 'bundle.zip', 'docker-compose.yml'], files);
    expect(outcome.exitCode).toBe(2);
    expect(JSON.parse(outcome.stdout)).toEqual({
      ok: false,
      errors: [
        {
          field: 'tyk.env',
          message:
            'tyk.env line 2 is not a NAME=value line; an env file holds only those, comments and blank lines.',
        },
        {
          field: 'bundle.zip',
          message:
            'bundle.zip is binary data (an archive, an image or a compiled file?), not text. Give the file as text: a compose file, a config, or the output of a command.',
        },
      ],
    });
    expect(outcome.stdout).not.toContain('cli-Secret-8181');
  });

  it('writes errors to stderr with --format text', () => {
    const outcome = runDetectCli(['missing.json', '--format', 'text'], reader({}));
    expect(outcome).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'Nothing was read:\n  missing.json: missing.json cannot be read: there is no such file.\n',
    });
  });
});

describe('readFromDisk', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tyk-detect-cli-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each<[string, (path: string) => void, string]>([
    ['a missing file', () => undefined, 'cannot be read: there is no such file.'],
    ['a folder', (path) => mkdirSync(path), 'is a folder; give the files in it.'],
  ])('says why it cannot read %s', (name, make, message) => {
    const path = join(folder, name.replace(/\s/g, '-'));
    make(path);
    expect(readFromDisk(path)).toEqual({ ok: false, message: `${path} ${message}` });
  });

  it('reads text, and undecodable bytes as replacement characters', () => {
    const path = join(folder, 'latin1.env');
    writeFileSync(path, Buffer.from([0x41, 0x3d, 0xe9, 0x0a]));
    expect(readFromDisk(path)).toEqual({ ok: true, text: 'A=\uFFFD\n' });
  });
});

describe('the real CLI', () => {
  const timeout = 60_000;
  const folder = mkdtempSync(join(tmpdir(), 'tyk-detect-npm-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it(
    'runs through npm with files on disk and exits 0',
    () => {
      for (const file of proStack) {
        mkdirSync(dirname(join(folder, file.name)), { recursive: true });
        writeFileSync(join(folder, file.name), file.text);
      }
      const result = spawnSync(
        'npm',
        ['run', '--silent', 'detect', '--', ...proStack.map((file) => join(folder, file.name))],
        {
          cwd: root,
          encoding: 'utf8',
          timeout,
        },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        ok: true,
        answers: { gateway: { from: '5.8.0' } },
      });
    },
    timeout,
  );

  it(
    'exits 2 on a bad flag',
    () => {
      const result = spawnSync(
        'npm',
        ['run', '--silent', 'detect', '--', '--collector', '--install', 'vax'],
        {
          cwd: root,
          encoding: 'utf8',
          timeout,
        },
      );
      expect(result.status).toBe(2);
      expect(JSON.parse(result.stdout)).toMatchObject({
        ok: false,
        errors: [{ field: 'install' }],
      });
    },
    timeout,
  );
});
