// Bad input: every file that cannot be read gets its own message (which file, which line, what
// was expected), nothing throws, and no secret is ever handed back.
import { describe, expect, it } from 'vitest';
import { detectDeployment } from './detect';
import { dashboardApis, pythonApp } from './fixtures/apis';
import { ossStack, proSecrets, proStack } from './fixtures/compose';
import {
  configSecrets,
  dashboardConf,
  dataPlaneConf,
  gatewayConf,
  gatewayEnvOverride,
  mdcbConf,
  pumpConf,
} from './fixtures/configs';
import {
  dataPlaneValues,
  dockerInspect,
  dockerPs,
  helmList,
  helmUserValues,
  kubectlDeployments,
  runtimeSecrets,
} from './fixtures/runtime';
import type { FileProblem } from './types';

function problemsOf(name: string, text: string): readonly FileProblem[] {
  const result = detectDeployment([{ name, text }]);
  return result.problems;
}

describe('a file that cannot be read', () => {
  it.each<[string, string, string, FileProblem]>([
    [
      'an unknown kind of file',
      'notes.txt',
      'Remember to upgrade on Friday.\nAsk the team first.',
      {
        file: 'notes.txt',
        kind: 'unknown-kind',
        severity: 'error',
        message:
          "notes.txt is not a kind of file this reader knows. It reads docker-compose files with their .env and env_files, tyk.conf, tyk_analytics.conf, pump.conf, tyk_sink.conf, TYK_* env files, docker inspect / docker ps / docker compose images output, kubectl get deploy -o json, helm list -o json, Helm values, a /hello answer, API definition exports, Redis INFO server, and the collector's JSON.",
      },
    ],
    [
      'JSON of an unknown shape, naming its first keys',
      'other.json',
      '{"kind": "Service", "spec": {}}',
      {
        file: 'other.json',
        kind: 'unknown-kind',
        severity: 'error',
        message:
          "other.json is not a kind of file this reader knows (it starts with the keys kind, spec). It reads docker-compose files with their .env and env_files, tyk.conf, tyk_analytics.conf, pump.conf, tyk_sink.conf, TYK_* env files, docker inspect / docker ps / docker compose images output, kubectl get deploy -o json, helm list -o json, Helm values, a /hello answer, API definition exports, Redis INFO server, and the collector's JSON.",
      },
    ],
    [
      'invalid JSON',
      'tyk.conf',
      '{\n  "listen_port": 8080\n  "secret": "x"\n}',
      {
        file: 'tyk.conf',
        kind: 'invalid-json',
        severity: 'error',
        line: 3,
        message: 'tyk.conf line 3 is not valid JSON: it misses a "," or "}" after a value.',
      },
    ],
    [
      'a truncated JSON paste',
      'inspect.json',
      dockerInspect.slice(0, 400),
      {
        file: 'inspect.json',
        kind: 'truncated',
        severity: 'error',
        line: 9,
        message:
          'inspect.json is cut short: it ends before the text opened on line 9 is complete. Paste the whole output again.',
      },
    ],
    [
      'an env file with a line that is not an assignment',
      'tyk.env',
      'TYK_GW_SECRET=abc\nTYK_GW_HASHKEYS true\nTYK_GW_LISTENPORT=8080',
      {
        file: 'tyk.env',
        kind: 'invalid-env',
        severity: 'error',
        line: 2,
        message:
          'tyk.env line 2 is not a NAME=value line; an env file holds only those, comments and blank lines.',
      },
    ],
    [
      'a 10 MB paste',
      'huge.log',
      'x'.repeat(10 * 1024 * 1024),
      {
        file: 'huge.log',
        kind: 'too-large',
        severity: 'error',
        message:
          'huge.log is 10.0 MB; files up to 4 MB are read. Give the one config file, export or collector output instead of a whole folder or log.',
      },
    ],
    [
      'binary data',
      'bundle.zip',
      `PK\u0003\u0004\u0014\u0000\u0008\u0000${'\u0000\u0001\u0002'.repeat(40)}`,
      {
        file: 'bundle.zip',
        kind: 'binary',
        severity: 'error',
        message:
          'bundle.zip is binary data (an archive, an image or a compiled file?), not text. Give the file as text: a compose file, a config, or the output of a command.',
      },
    ],
    [
      'undecodable bytes',
      'image.png',
      '\uFFFDPNG\r\n\u001a\n'.concat('\uFFFD\u0001'.repeat(60)),
      {
        file: 'image.png',
        kind: 'binary',
        severity: 'error',
        message:
          'image.png is binary data (an archive, an image or a compiled file?), not text. Give the file as text: a compose file, a config, or the output of a command.',
      },
    ],
    [
      'an empty file',
      '.env',
      '  \n\n',
      { file: '.env', kind: 'empty', severity: 'error', message: '.env is empty.' },
    ],
  ])('says so for %s', (_name, name, text, problem) => {
    expect(problemsOf(name, text)).toEqual([problem]);
    const result = detectDeployment([{ name, text }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ field: name, message: problem.message }]);
  });

  it('names the line of invalid YAML', () => {
    const [problem] = problemsOf(
      'values.yaml',
      'global:\n  redis:\n    addrs: [one, two\n  hashKeys: true\n',
    );
    expect(problem).toMatchObject({ file: 'values.yaml', kind: 'invalid-yaml', severity: 'error' });
    expect(problem?.message).toMatch(/^values\.yaml line \d is not valid YAML: \S/);
    expect(problem?.line).toBeGreaterThanOrEqual(3);
  });

  it('reads what came before the cut in a truncated stream of JSON lines', () => {
    const lines = dockerPs.trim().split('\n');
    const cut = `${lines[0] ?? ''}\n${(lines[1] ?? '').slice(0, 60)}`;
    const result = detectDeployment([{ name: 'ps.txt', text: cut }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.answers.gateway).toEqual({ from: '5.3.2' });
    expect(result.problems).toEqual([
      {
        file: 'ps.txt',
        kind: 'truncated',
        severity: 'notice',
        line: 2,
        message: 'ps.txt is cut short at line 2; the 1 complete entries before it were read.',
      },
    ]);
  });

  it('notices a compose file cut inside a substitution', () => {
    const result = detectDeployment([
      {
        name: 'docker-compose.yml',
        text: 'services:\n  gw:\n    image: tykio/tyk-gateway:${GATEWAY_VERSION:-v5',
      },
    ]);
    expect(result.problems.map((problem) => [problem.kind, problem.message])).toContainEqual([
      'truncated',
      'docker-compose.yml line 3, key services.gw.image has "${" without its closing "}" (${GATEWAY_VERSION:-v5…). The file looks cut short.',
    ]);
  });

  it('reads the good files and reports the bad one by name', () => {
    const result = detectDeployment([...ossStack, { name: 'broken.json', text: '{"a": ' }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.answers.model).toBe('oss');
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([
      {
        file: 'broken.json',
        kind: 'truncated',
        severity: 'error',
        line: 1,
        message:
          'broken.json is cut short: it ends before a value is complete. Paste the whole output again.',
      },
    ]);
  });

  it.each<[string, unknown]>([
    ['no files', []],
    ['not a list', 'docker-compose.yml'],
    ['null', null],
    ['files without text', [{ name: 'a' }, null, 7]],
  ])('answers %s with a message, not an exception', (_name, files) => {
    const result = detectDeployment(files as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
  });

  it('reads the first 100 files and says the rest were not read', () => {
    const files = Array.from({ length: 102 }, (_, index) => ({
      name: `f${index}.env`,
      text: `TYK_GW_LISTENPORT=${8000 + index}`,
    }));
    const result = detectDeployment(files);
    expect(result.problems.find((problem) => problem.kind === 'too-many-files')?.message).toBe(
      'Only the first 100 files were read; give the 2 others in a second round.',
    );
  });
});

describe('secrets', () => {
  const sets: readonly (readonly { name: string; text: string }[])[] = [
    proStack,
    ossStack,
    [
      { name: 'tyk.conf', text: gatewayConf },
      { name: 'tyk.env', text: gatewayEnvOverride },
      { name: 'tyk_analytics.conf', text: dashboardConf },
      { name: 'pump.conf', text: pumpConf },
      { name: 'tyk_sink.conf', text: mdcbConf },
      { name: 'dp.conf', text: dataPlaneConf },
    ],
    [
      { name: 'inspect.json', text: dockerInspect },
      { name: 'deploy.json', text: kubectlDeployments },
      { name: 'helm.json', text: helmList },
      { name: 'values.yaml', text: helmUserValues },
      { name: 'dp-values.yaml', text: dataPlaneValues },
      { name: 'apis.json', text: dashboardApis },
      { name: 'app.json', text: pythonApp },
    ],
  ];
  const secrets = [
    ...proSecrets,
    ...configSecrets,
    ...runtimeSecrets,
    'oss-Secret-9911',
    'conf-Secret-1212',
  ];

  it.each(sets.map((files, index) => [index, files] as const))(
    'are never handed back (set %i)',
    (_index, files) => {
      const shown = JSON.stringify(detectDeployment(files));
      for (const secret of secrets) expect(shown).not.toContain(secret);
    },
  );

  it('are named by their keys in one notice per file', () => {
    const result = detectDeployment([{ name: 'tyk.conf', text: gatewayConf }]);
    expect(result.problems).toEqual([
      {
        file: 'tyk.conf',
        kind: 'secrets',
        severity: 'notice',
        message:
          'tyk.conf holds secrets (secret, node_secret, storage.password). They were read only to keep them out of what is shown here, where they appear as ****; keep the file private.',
      },
    ]);
  });

  it('stay masked in the evidence when a connection string carries them', () => {
    const result = detectDeployment([
      {
        name: 'tyk_analytics.conf',
        text: dashboardConf.replace('mongo.internal', 'mongo-Pass-3434.internal'),
      },
    ]);
    const shown = JSON.stringify(result);
    expect(shown).not.toContain('mongo-Pass-3434');
    expect(shown).toContain('****');
  });

  it('are kept out of error messages about the file that holds them', () => {
    const result = detectDeployment([
      { name: 'tyk.env', text: 'TYK_GW_SECRET=leak-me-4343\nnot an assignment' },
    ]);
    expect(JSON.stringify(result)).not.toContain('leak-me-4343');
  });
});
