// The collector for every installation type: shellcheck finds nothing, no command that changes a
// system appears in it, keys are read without echo, and, run against stand-in tools that print
// real-format output, it prints one JSON document with every secret masked that detection reads
// back into the same answers.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstallType } from '../types';
import { collectorScript } from './collector';
import { detectDeployment } from './detect';
import { dashboardApis } from './fixtures/apis';
import { proSecrets, proStack } from './fixtures/compose';
import { helmList, helmUserValues, runtimeSecrets } from './fixtures/runtime';
import { shellcheckReport } from '../test-support/script-checks';

const installs: readonly InstallType[] = [
  'docker',
  'docker-compose',
  'kubernetes',
  'helm',
  'rpm',
  'deb',
];
const folder = mkdtempSync(join(tmpdir(), 'tyk-collector-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// The tools whose changing verbs must never appear, and those verbs (and changing flags).
const tools =
  /^(apt|apt-get|yum|dnf|rpm|dpkg|helm|kubectl|docker|docker-compose|systemctl|redis-cli)$/;
const changingVerbs = new Set(
  [
    'install',
    'reinstall',
    'upgrade',
    'update',
    'remove',
    'purge',
    'erase',
    'autoremove',
    'rollback',
    'uninstall',
    'apply',
    'create',
    'delete',
    'patch',
    'replace',
    'edit',
    'set',
    'scale',
    'rollout',
    'drain',
    'cordon',
    'taint',
    'label',
    'annotate',
    'rm',
    'rmi',
    'stop',
    'start',
    'restart',
    'kill',
    'pause',
    'up',
    'down',
    'run',
    'pull',
    'push',
    'prune',
    'enable',
    'disable',
    'reload',
    'save',
    'bgsave',
    'flushall',
    'flushdb',
    'del',
    'shutdown',
    'replicaof',
    'slaveof',
    'debug',
    '-i',
    '-u',
    '-e',
    '-r',
    '-p',
    '--install',
    '--upgrade',
    '--erase',
    '--remove',
    '--purge',
  ].map((verb) => verb.toLowerCase()),
);

/** Every place a changing verb follows one of the tools in the same simple command. */
function changingCommands(script: string): readonly string[] {
  const found: string[] = [];
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#')) continue;
    for (const command of line.split(/\|\||&&|[|;]|\$\(|<\(|\(|\)/)) {
      const words = command
        .trim()
        .split(/\s+/)
        .map((word) => word.replace(/^["']|["']$/g, ''));
      const at = words.findIndex((word) => tools.test(word));
      if (at < 0) continue;
      const tool = words[at] ?? '';
      const rest = words.slice(at + 1);
      // Flags are changing only for the package tools; elsewhere `-e NAME` passes a variable.
      const verbs = rest.filter((word) =>
        word.startsWith('-')
          ? /^(rpm|dpkg)$/.test(tool) && changingVerbs.has(word.toLowerCase())
          : changingVerbs.has(word.toLowerCase()),
      );
      if (
        verbs.length > 0 ||
        (tool === 'redis-cli' && /config\s+(set|rewrite|resetstat)/i.test(command))
      )
        found.push(`${tool} ${verbs.join(' ').toLowerCase()}: ${command.trim()}`);
    }
  }
  return found;
}

describe('the collector script', () => {
  // One shellcheck run for every installation's script; each finding is named by its installation.
  let report = '';
  beforeAll(async () => {
    const files = installs.map((install) => {
      const file = join(folder, `collect-${install}.sh`);
      writeFileSync(file, collectorScript(install));
      return file;
    });
    report = await shellcheckReport(
      files,
      (text) => text.replace(/\S*collect-([a-z-]+)\.sh:/g, '\n$1:'),
      'collector',
    );
  }, 120_000);

  it.each(installs)('for %s passes shellcheck', (install) => {
    expect(report.split('\n').filter((line) => line.startsWith(`${install}:`))).toEqual([]);
  });

  it('passes shellcheck with nothing reported at all', () => {
    expect(report).toBe('');
  });

  it.each(installs)('for %s holds no command that changes a system', (install) => {
    expect(changingCommands(collectorScript(install))).toEqual([]);
  });

  it.each(installs)('for %s reads every key without echo', (install) => {
    const prompts = collectorScript(install)
      .split('\n')
      .filter((line) => /\bread\s+-\w*p/.test(line));
    expect(prompts.length).toBeGreaterThanOrEqual(2);
    for (const prompt of prompts) expect(prompt).toMatch(/\bread -rsp /);
  });

  it('finds the changing commands it is meant to refuse', () => {
    expect(
      changingCommands(
        [
          'kubectl -n tyk apply -f deploy.yaml',
          'docker compose up -d tyk-gateway',
          'sudo apt-get install -y tyk-gateway=5.3.0',
          'systemctl restart tyk-gateway',
          'helm upgrade tyk-cp tyk-helm/tyk-control-plane',
          'redis-cli -h localhost SAVE',
          'redis-cli CONFIG SET dir /tmp',
          'out=$(docker rm -f tyk_gateway)',
          'rpm -e tyk-pump',
          '# kubectl delete pod x (a comment)',
        ].join('\n'),
      ).map((found) => found.split(':')[0]),
    ).toEqual([
      'kubectl apply',
      'docker up',
      'apt-get install',
      'systemctl restart',
      'helm upgrade',
      'redis-cli save',
      'redis-cli set',
      'docker rm',
      'rpm -e',
    ]);
  });
});

// Stand-in tools: each prints what the real one would for these arguments, nothing else.
const coreTools = [
  'awk',
  'tr',
  'grep',
  'sed',
  'head',
  'wc',
  'sort',
  'cat',
  'find',
  'uname',
  'tar',
  'mktemp',
  'bash',
  'sh',
  'env',
  'dirname',
];

function toolbox(name: string, stubs: Readonly<Record<string, string>>): string {
  const bin = join(folder, name, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const tool of coreTools) {
    const path = execFileSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    symlinkSync(path, join(bin, tool));
  }
  for (const [tool, body] of Object.entries(stubs)) {
    const file = join(bin, tool);
    writeFileSync(file, `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(file, 0o755);
  }
  return bin;
}

/** A stand-in tool: for each pattern of its arguments, the file it prints. */
function stub(answers: readonly (readonly [string, string])[]): string {
  const lines = answers.map(([pattern, file]) => `  ${pattern}) cat ${JSON.stringify(file)} ;;`);
  return ['case "$*" in', ...lines, '  *) exit 1 ;;', 'esac'].join('\n');
}

function dataFile(name: string, text: string): string {
  const file = join(folder, 'data', name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function runCollector(
  install: InstallType,
  bin: string,
  cwd: string,
  env: Record<string, string> = {},
): string {
  const script = join(folder, `run-${install}.sh`);
  writeFileSync(script, collectorScript(install));
  const result = spawnSync(join(bin, 'bash'), [script], {
    cwd,
    encoding: 'utf8',
    input: '',
    env: { PATH: bin, HOME: folder, ...env },
    timeout: 60_000,
  });
  expect(result.stderr).toMatch(/Collected \d+ parts/);
  return result.stdout;
}

/** The control plane's Gateway as `kubectl get deployments -n tyk -o json` shows it. */
const controlPlaneDeployments = JSON.stringify(
  {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: 'gateway-tyk-cp-tyk-gateway',
          namespace: 'tyk',
          annotations: { 'meta.helm.sh/release-name': 'tyk-cp' },
        },
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'gateway-tyk-gateway',
                  image: 'tykio/tyk-gateway-ee:v5.3.0',
                  env: [{ name: 'TYK_GW_SECRET', value: 'stub-Secret-7003' }],
                },
              ],
            },
          },
        },
      },
    ],
  },
  null,
  4,
);

const gatewayHelloAnswer =
  '{"status":"pass","version":"v5.3.2","description":"Tyk GW","details":{"redis":{"status":"pass"}}}';
const curlStub = (apis: string) => `header=$(cat)
for argument in "$@"; do last=$argument; done
case "$last" in
  http://localhost:8080/hello) printf '%s' '${gatewayHelloAnswer}' ;;
  */api/apis*) [ "$header" = "Authorization: stub-Dashboard-Key-77" ] && cat ${JSON.stringify(apis)} ;;
  *) exit 22 ;;
esac`;

describe('the collector, run against stand-in tools', () => {
  const apis = dataFile('apis.json', dashboardApis);
  const env = { TYK_DASHBOARD_API_KEY: 'stub-Dashboard-Key-77' };

  it('for docker prints one JSON document, masked, that detection reads back', () => {
    const inspect = dataFile(
      'inspect.json',
      JSON.stringify(
        [
          {
            Id: '4f0c0000',
            Name: '/tyk_gateway',
            Config: {
              Image: 'tykio/tyk-gateway:v5.3.2',
              Env: ['TYK_GW_SECRET=stub-Secret-7001', 'TYK_GW_HASHKEYS=true'],
              Labels: {},
            },
          },
        ],
        null,
        4,
      ),
    );
    const conf = dataFile(
      'conf/tyk.conf',
      '{\n  "secret": "stub-Secret-7002",\n  "storage": {"host": "tyk-redis", "port": 6379},\n  "policies": {"policy_source": "file"}\n}\n',
    );
    const ps = dataFile(
      'ps.txt',
      '{"ID":"4f0c","Image":"tykio/tyk-gateway:v5.3.2","Labels":"","Names":"tyk_gateway"}\n{"ID":"7777","Image":"nginx:1.27","Names":"web"}\n{"ID":"2b3c","Image":"redis:7.2.4","Names":"tyk-redis"}\n',
    );
    const ids = dataFile(
      'ids.txt',
      '4f0c tykio/tyk-gateway:v5.3.2\n7777 nginx:1.27\n2b3c redis:7.2.4\n',
    );
    const info = dataFile(
      'info.txt',
      '# Server\r\nredis_version:7.2.4\r\nredis_mode:standalone\r\n',
    );
    const bin = toolbox('docker', {
      docker: [
        'case "$*" in',
        `  "ps --format {{json .}}") cat ${JSON.stringify(ps)} ;;`,
        `  "ps --format {{.ID}} {{.Image}}") cat ${JSON.stringify(ids)} ;;`,
        `  "inspect 4f0c") cat ${JSON.stringify(inspect)} ;;`,
        `  "cp 4f0c:/opt/tyk-gateway/tyk.conf -") tar -C ${JSON.stringify(dirname(conf))} -cf - tyk.conf ;;`,
        `  "exec -e REDISCLI_AUTH 2b3c redis-cli INFO server") cat ${JSON.stringify(info)} ;;`,
        '  *) exit 1 ;;',
        'esac',
      ].join('\n'),
      curl: curlStub(apis),
    });
    const output = runCollector('docker', bin, folder, env);
    for (const secret of [
      'stub-Secret-7001',
      'stub-Secret-7002',
      'stub-Dashboard-Key-77',
      '5e9d9544a1dcd60001d0ed20',
    ])
      expect(output).not.toContain(secret);
    const document = JSON.parse(output) as { install: string; sections: { name: string }[] };
    expect(document.install).toBe('docker');
    expect(document.sections.map((section) => section.name)).toEqual([
      'docker ps',
      'docker inspect 4f0c',
      'file /opt/tyk-gateway/tyk.conf in 4f0c',
      'redis INFO server',
      'gateway /hello',
      'plugin use in API definitions',
    ]);
    expect(output).not.toContain('nginx');
    const result = detectDeployment([{ name: 'tyk-facts.json', text: output }]);
    expect(result.ok && result.answers).toEqual({
      model: 'oss',
      install: 'docker',
      components: ['gateway'],
      usesGoPlugins: true,
      gateway: { from: '5.3.2' },
      names: {
        gatewayName: 'tyk_gateway',
        redisHost: 'tyk-redis',
        redisPort: 6379,
        pluginName: 'OrderPlugin',
      },
      images: { gateway: 'tykio/tyk-gateway' },
      redis: { version: '7.2.4', isCluster: false, isSentinel: false },
      architecture: 'amd64',
      fips: false,
    });
  });

  it('for docker-compose reads the project files and gives the answers the files give', () => {
    const project = join(folder, 'project');
    for (const file of proStack) {
      mkdirSync(dirname(join(project, file.name)), { recursive: true });
      writeFileSync(join(project, file.name), file.text);
    }
    const images = dataFile(
      'compose-images.json',
      '[{"ID":"sha256:1","ContainerName":"tyk-gateway","Repository":"tykio/tyk-gateway","Tag":"v5.8.0"},{"ID":"sha256:2","ContainerName":"tyk-dashboard","Repository":"tykio/tyk-dashboard","Tag":"v5.8.0"}]\n',
    );
    const services = dataFile(
      'services.txt',
      'tyk-gateway tykio/tyk-gateway:v5.8.0\ntyk-redis redis:7.2.4\ntyk-postgres postgres:15.6\n',
    );
    const bin = toolbox('compose', {
      docker: stub([
        ['"compose images --format json"', images],
        ['"compose ps --format {{.Service}} {{.Image}}"', services],
        [
          '"compose exec -T tyk-postgres psql -U postgres -tAc SHOW server_version"',
          dataFile('pg.txt', ' 15.6 (Debian 15.6-1.pgdg120+2)\n'),
        ],
      ]),
    });
    const output = runCollector('docker-compose', bin, project);
    for (const secret of proSecrets) expect(output).not.toContain(secret);
    const fromCollector = detectDeployment([{ name: 'tyk-facts.json', text: output }]);
    const fromFiles = detectDeployment(proStack);
    expect(fromCollector.ok && fromFiles.ok).toBe(true);
    if (!fromCollector.ok || !fromFiles.ok) return;
    expect(fromCollector.answers).toEqual(fromFiles.answers);
    expect(fromCollector.facts.database.version?.value).toBe('postgres 15.6');
  });

  it('for helm reads the releases, their values and their namespaces, masked', () => {
    const table = dataFile(
      'helm-table.txt',
      'NAME\tNAMESPACE\tREVISION\tUPDATED\tSTATUS\tCHART\tAPP VERSION\ntyk-cp\ttyk\t7\t2026-02-11 09:12:44 +0000 UTC\tdeployed\ttyk-control-plane-1.6.0\t5.3.0\ncert-manager\tcert-manager\t1\t2025-11-01 12:00:00 +0000 UTC\tdeployed\tcert-manager-v1.14.4\tv1.14.4\n',
    );
    const bin = toolbox('helm', {
      helm: stub([
        ['"list --all-namespaces -o json"', dataFile('helm-list.json', helmList)],
        ['"list --all-namespaces"', table],
        ['"get values tyk-cp -n tyk -o yaml"', dataFile('values.yaml', helmUserValues)],
      ]),
      kubectl: stub([
        [
          '"get deployments,statefulsets,daemonsets -n tyk -o json"',
          dataFile('deploy.json', controlPlaneDeployments),
        ],
      ]),
    });
    const output = runCollector('helm', bin, folder);
    for (const secret of [...runtimeSecrets, 'stub-Secret-7003'])
      expect(output).not.toContain(secret);
    const result = detectDeployment([{ name: 'tyk-facts.json', text: output }]);
    expect(result.ok && result.answers).toMatchObject({
      model: 'self-managed-mdcb',
      install: 'helm',
      gateway: { from: '5.3.0' },
      mdcb: { from: '2.5.1' },
      names: { namespace: 'tyk', helmRelease: 'tyk-cp', gatewayName: 'gateway-tyk-cp-tyk-gateway' },
    });
  });

  it.each<[InstallType, string, string]>([
    ['rpm', 'rpm', '-qa tyk*'],
    ['deb', 'dpkg-query', '-W tyk*'],
  ])(
    'for %s reads the installed packages and what answers on this machine',
    (install, tool, query) => {
      const packages = dataFile(
        `${install}.txt`,
        install === 'rpm' ? 'tyk-gateway-5.3.2-1.x86_64\n' : 'tyk-gateway\t5.3.2\n',
      );
      const bin = toolbox(install, {
        [tool]: stub([[`"${query}"`, packages]]),
        curl: curlStub(apis),
        'redis-cli': stub([
          [
            '"-h localhost -p 6379 INFO server"',
            dataFile('redis.txt', 'redis_version:6.2.14\nredis_mode:standalone\n'),
          ],
        ]),
      });
      const output = runCollector(install, bin, folder, env);
      const result = detectDeployment([{ name: 'tyk-facts.json', text: output }]);
      expect(result.ok && result.answers).toMatchObject({
        install,
        gateway: { from: '5.3.2' },
        usesGoPlugins: true,
        redis: { version: '6.2.14' },
      });
    },
  );

  it.each(installs)('for %s prints valid JSON when none of its tools is there', (install) => {
    const bin = toolbox(`bare-${install}`, {});
    const empty = join(folder, `empty-${install}`);
    mkdirSync(empty);
    const document = JSON.parse(runCollector(install, bin, empty)) as {
      tykUpgradeCollector: number;
      sections: unknown[];
    };
    expect(document.tykUpgradeCollector).toBe(1);
    expect(document.sections).toEqual([]);
  });
});
