// plan --detect: answers read from the deployment's files, with the flags given beside them
// winning field by field, and the findings on stderr and in the runbook itself.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';
import type { FileReader } from './detect';
import { runCli } from './plan';

const files: Readonly<Record<string, string>> = {
  'docker-compose.yml': `services:
  tyk-dashboard:
    image: tykio/tyk-dashboard:\${DASHBOARD_VERSION:-v5.6.1}
    environment:
      - TYK_DB_STORAGE_MAIN_TYPE=postgres
    ports:
      - "3000:3000"
  tyk-gateway:
    image: tykio/tyk-gateway:\${GATEWAY_VERSION:-v5.6.1}
    ports:
      - "8080:8080"
    environment:
      - TYK_GW_STORAGE_HOST=tyk-redis
      - TYK_GW_STORAGE_PORT=6379
  tyk-redis:
    image: redis:6.0.5
`,
  '.env': 'GATEWAY_VERSION="v5.8.0"\nDASHBOARD_VERSION="v5.8.0"\n',
  'notes.txt': 'Upgrade on Friday.\nAsk the team first.\n',
};

const readFile: FileReader = (path) => {
  const text = files[path];
  return text === undefined
    ? { ok: false, message: `${path} cannot be read: there is no such file.` }
    : { ok: true, text };
};

const stack = ['--detect', 'docker-compose.yml', '--detect', '.env'];

type JsonPlan = {
  readonly plan: {
    readonly input: {
      readonly model: string;
      readonly install: string;
      readonly components: readonly string[];
      readonly database: string;
      readonly gateway: { readonly from: string; readonly to: string };
      readonly names: Readonly<Record<string, string | number>>;
    };
  };
  readonly findings: readonly { readonly id: string }[];
};

function planOf(argv: readonly string[]): JsonPlan {
  const outcome = runCli([...argv, '--format', 'json'], readFile);
  if (outcome.exitCode !== 0) throw new Error(outcome.stdout + outcome.stderr);
  return JSON.parse(outcome.stdout) as JsonPlan;
}

describe('plan --detect', () => {
  it('plans from the answers the files show', () => {
    const { plan, findings } = planOf([...stack, '--to', '5.8.2']);
    expect([
      plan.input.model,
      plan.input.install,
      plan.input.components,
      plan.input.database,
      plan.input.gateway.from,
      plan.input.names['redisHost'],
      plan.input.names['gatewayName'],
    ]).toEqual([
      'self-managed',
      'docker-compose',
      ['gateway', 'dashboard'],
      'postgres',
      '5.8.0',
      'tyk-redis',
      'tyk-gateway',
    ]);
    expect(findings.map((finding) => finding.id)).toEqual(['redis-untested']);
  });

  it.each<[string, readonly string[], (plan: JsonPlan) => unknown, unknown]>([
    ['--from over the .env tag', ['--from', '5.7.0'], (p) => p.plan.input.gateway.from, '5.7.0'],
    [
      '--database over the compose env',
      ['--database', 'mongodb'],
      (p) => p.plan.input.database,
      'mongodb',
    ],
    [
      '--name over the Gateway storage host',
      ['--name', 'redisHost=redis.internal'],
      (p) => [p.plan.input.names['redisHost'], p.plan.input.names['redisPort']],
      ['redis.internal', 6379],
    ],
    [
      '--components over the services',
      ['--components', 'gateway,dashboard,pump', '--pump-from', '1.9.0'],
      (p) => p.plan.input.components,
      ['gateway', 'dashboard', 'pump'],
    ],
    [
      '--install over the compose file',
      ['--install', 'docker'],
      (p) => p.plan.input.install,
      'docker',
    ],
  ])('lets %s win', (_name, flags, pick, expected) => {
    expect(pick(planOf([...stack, '--to', '5.8.2', ...flags]))).toEqual(expected);
  });

  it('prints the disagreements and findings on stderr and the plan on stdout', () => {
    const outcome = runCli([...stack, '--to', '5.8.2'], readFile);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toMatch(
      /^Tyk Self-Managed on Docker Compose: Gateway 5\.8\.0 to 5\.8\.2\n/,
    );
    expect(outcome.stderr).toBe(
      [
        'Where the files disagree:',
        '  dashboard.from: DASHBOARD_VERSION is v5.8.0 in .env and defaults to v5.6.1 in docker-compose.yml; Compose uses the .env value, v5.8.0. Make sure the .env given is the one next to the compose file.',
        '  gateway.from: GATEWAY_VERSION is v5.8.0 in .env and defaults to v5.6.1 in docker-compose.yml; Compose uses the .env value, v5.8.0. Make sure the .env given is the one next to the compose file.',
        'Findings from the files:',
        '  [warning] Redis is outside what the target is tested with  (redis-untested)',
        '    Redis 6.0.5 runs (docker-compose.yml, line 16, key services.tyk-redis.image); Gateway 5.8.2 is tested with Redis 6.2.x or 7.x. Upgrade Redis to a tested version first (after a BGSAVE backup), or choose a target that is tested with the Redis you run.',
        '',
      ].join('\n'),
    );
  });

  it('puts the findings in the Markdown runbook after the advisories, stderr unchanged', () => {
    const outcome = runCli([...stack, '--to', '5.8.2', '--format', 'markdown'], readFile);
    expect(outcome.exitCode).toBe(0);
    const start = outcome.stdout.indexOf('## Findings from your deployment’s files');
    expect(start).toBeGreaterThan(outcome.stdout.indexOf('## Advisories'));
    const section = outcome.stdout.slice(start, outcome.stdout.indexOf('\n## ', start + 1));
    expect(section).toBe(
      [
        '## Findings from your deployment’s files',
        '',
        '### Warning',
        '',
        '- **Redis is outside what the target is tested with**',
        '',
        '  Redis 6.0.5 runs (docker-compose.yml, line 16, key services.tyk-redis.image); Gateway 5.8.2 is tested with Redis 6.2.x or 7.x. Upgrade Redis to a tested version first (after a BGSAVE backup), or choose a target that is tested with the Redis you run.',
        '',
        '  Read from:',
        '',
        '  - docker-compose.yml, line 16, key services.tyk-redis.image: 6.0.5',
        '',
        '  Source: facts §10.5; Gateway release notes, Redis version tables',
        '',
      ].join('\n'),
    );
    expect(outcome.stderr).toBe(runCli([...stack, '--to', '5.8.2'], readFile).stderr);
  });

  it('puts the findings in the text runbook', () => {
    const { stdout } = runCli([...stack, '--to', '5.8.2', '--format', 'text'], readFile);
    expect(stdout).toContain(
      [
        "FINDINGS FROM YOUR DEPLOYMENT'S FILES",
        '  [warning] Redis is outside what the target is tested with',
      ].join('\n'),
    );
  });

  it('never prints a secret from the files in the runbook', () => {
    const secrets: Readonly<Record<string, string>> = {
      'tyk.conf':
        '{\n  "listen_port": 8080,\n  "secret": "hunter2-gateway",\n  "hash_keys": true\n}\n',
      'dashboard.env': 'TYK_DB_HASHKEYS=false\nTYK_DB_ADMINSECRET=hunter2-admin\n',
    };
    const reader: FileReader = (path) => {
      const text = secrets[path];
      return text === undefined ? readFile(path) : { ok: true, text };
    };
    const outcome = runCli(
      [
        ...['--detect', 'tyk.conf', '--detect', 'dashboard.env'],
        ...['--model', 'self-managed', '--install', 'docker', '--components', 'gateway,dashboard'],
        ...['--from', '5.6.1', '--to', '5.8.2', '--format', 'markdown'],
      ],
      reader,
    );
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toContain(
      '  - dashboard.env, line 1 (TYK_DB_HASHKEYS): hash_keys false (Dashboard dashboard.env)',
    );
    expect(outcome.stdout + outcome.stderr).not.toContain('hunter2');
  });

  it('drops a finding that depends on the target when the target is not concerned', () => {
    expect(planOf([...stack, '--to', '5.8.2', '--from', '5.8.0']).findings).toHaveLength(1);
    expect(planOf([...stack, '--to', '4.3.0', '--from', '4.0.0']).findings).toEqual([]);
  });

  it('plans the same as the same answers typed as flags', () => {
    const typed = planOf([
      ...['--model', 'self-managed', '--install', 'docker-compose'],
      ...['--components', 'gateway,dashboard', '--database', 'postgres'],
      ...['--from', '5.8.0', '--to', '5.8.2'],
      ...['--name', 'gatewayName=tyk-gateway', '--name', 'dashboardName=tyk-dashboard'],
      ...['--name', 'gatewayPort=8080', '--name', 'dashboardPort=3000'],
      ...['--name', 'redisHost=tyk-redis', '--name', 'redisPort=6379'],
      // The files name the images the services run, and the plan keeps those repositories.
      ...['--image', 'gateway=tykio/tyk-gateway', '--image', 'dashboard=tykio/tyk-dashboard'],
    ]);
    expect(planOf([...stack, '--to', '5.8.2']).plan).toEqual(typed.plan);
  });

  it.each<[string, readonly string[], string]>([
    [
      'a file that is not there',
      ['--detect', 'missing.yml', '--to', '5.8.2'],
      'No plan: the answers need fixing.\n  missing.yml: missing.yml cannot be read: there is no such file.\nRun with --help to see every flag and its values.\n',
    ],
    [
      'a file of an unknown kind',
      ['--detect', 'notes.txt', '--to', '5.8.2'],
      "No plan: the answers need fixing.\n  notes.txt: notes.txt is not a kind of file this reader knows. It reads docker-compose files with their .env and env_files, tyk.conf, tyk_analytics.conf, pump.conf, tyk_sink.conf, TYK_* env files, docker inspect / docker ps / docker compose images output, kubectl get deploy -o json, helm list -o json, Helm values, a /hello answer, API definition exports, Redis INFO server, and the collector's JSON.\nRun with --help to see every flag and its values.\n",
    ],
    [
      'no target',
      stack,
      'No plan: the answers need fixing.\n  gateway.to (--to): Enter the Gateway and Dashboard version you want, for example 5.3.0.\nRun with --help to see every flag and its values.\n',
    ],
  ])('refuses %s with a message naming it (exit 2)', (_name, argv, stderr) => {
    expect(runCli(argv, readFile)).toEqual({ exitCode: 2, stdout: '', stderr });
  });

  it('refuses --detect beside --link', () => {
    const request = parseCliArgs(['--detect', '.env', '--link', 'https://x.example/#/s/abc']);
    expect(request.ok === false && request.errors).toContainEqual({
      field: '--detect',
      message: '--detect cannot be combined with --link: the link carries every answer.',
    });
  });

  it('leaves the components and Go plugins to the files unless a flag gives them', () => {
    const request = parseCliArgs([...stack, '--to', '5.8.2']);
    expect(request.ok && request.command === 'plan' && request.source.input).toEqual({
      gateway: { to: '5.8.2' },
    });
    expect(request.ok && request.command === 'plan' && request.detectFiles).toEqual([
      'docker-compose.yml',
      '.env',
    ]);
  });
});
