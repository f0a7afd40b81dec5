// Issue 16: every sentence, heading and variable of a plan comes from the deployment's own answers.
// Each row is a literal the plan must show, with where the fact comes from.
import { describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan';
import type { Phase, Plan, PlanInput, Step } from './types';

function planOf(input: PlanInput): Plan {
  const result = buildPlan(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

const steps = (plan: Plan): readonly Step[] => plan.phases.flatMap((phase) => phase.steps);

function step(plan: Plan, id: string): Step {
  const found = steps(plan).find((s) => s.id === id);
  if (found === undefined) throw new Error(`no step ${id}`);
  return found;
}

function phase(plan: Plan, id: string): Phase {
  const found = plan.phases.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no phase ${id}`);
  return found;
}

const ossGateway: PlanInput = {
  model: 'oss',
  install: 'deb',
  components: ['gateway'],
  usesGoPlugins: false,
  gateway: { from: '5.3.0', to: '5.8.0' },
  strategy: 'rolling',
};

const selfManaged: PlanInput = {
  model: 'self-managed',
  install: 'deb',
  components: ['gateway', 'dashboard', 'pump'],
  usesGoPlugins: false,
  database: 'mongodb',
  gateway: { from: '5.3.0', to: '5.8.0' },
  pump: { from: '1.9.0', to: '1.11.0' },
  strategy: 'rolling',
};

const mdcb: PlanInput = {
  model: 'self-managed-mdcb',
  install: 'helm',
  components: ['gateway', 'dashboard', 'pump', 'mdcb'],
  usesGoPlugins: false,
  database: 'postgres',
  dataPlanes: [{ name: 'eu-west' }, { name: 'us-east' }],
  gateway: { from: '5.3.0', to: '5.8.0' },
  pump: { from: '1.9.0', to: '1.11.0' },
  mdcb: { from: '2.5.0', to: '2.8.0' },
  strategy: 'rolling',
};

describe('phase headings follow the components that move at each site', () => {
  it.each([
    // The open-source Gateway alone: Pump was not ticked.
    ['open source, Gateway only', ossGateway, 'upgrade', 'The Gateway.'],
    [
      'open source with Pump',
      { ...ossGateway, components: ['gateway', 'pump'], pump: { from: '1.9.0', to: '1.11.0' } },
      'upgrade',
      'The Gateway, then Pump.',
    ],
    // Upgrade guide: Dashboard, Gateway, then Pump on a Self-Managed stack.
    ['Self-Managed', selfManaged, 'upgrade', 'Dashboard, the Gateway, then Pump.'],
    [
      'Self-Managed without Pump',
      { ...selfManaged, components: ['gateway', 'dashboard'], pump: undefined },
      'upgrade',
      'Dashboard, then the Gateway.',
    ],
    // Upgrade guide, MDCB: MDCB, Pump, Dashboard, the management Gateway, then the data planes.
    [
      'MDCB control plane',
      mdcb,
      'control-plane',
      'MDCB, Pump, Dashboard, then the management Gateway, before any data plane.',
    ],
    ['MDCB data plane', mdcb, 'data-plane-eu-west', 'Pump, then the Gateways.'],
    [
      'MDCB data plane without Pump',
      { ...mdcb, components: ['gateway', 'dashboard', 'mdcb'], pump: undefined },
      'data-plane-us-east',
      'The Gateways.',
    ],
  ] as const)('%s', (_, input, phaseId, detail) => {
    expect(phase(planOf(input as PlanInput), phaseId).detail).toBe(detail);
  });
});

describe('an open-source Gateway plan speaks of no Dashboard', () => {
  const plan = planOf(ossGateway);

  it('asks for load-balanced Gateways, not Dashboards', () => {
    expect(step(plan, 'strategy-prerequisites').detail).toBe(
      'Every component you upgrade runs at least two instances, and the Gateways sit behind a load balancer (Pump needs none).',
    );
    expect(step(plan, 'rolling-rebalance').verify?.expect).toBe(
      'The load balancer shows every Gateway instance healthy and in service.',
    );
  });

  it('reads the Gateway release notes, and needs no Dashboard to roll back', () => {
    expect(step(plan, 'read-release-notes').detail).toBe(
      'Read the "Upgrade Instructions" and breaking changes of every Gateway release after 5.3.0 up to 5.8.0.',
    );
    expect(step(plan, 'rollback-one-way-changes').detail).toBe(
      'Once the new Gateways have started they may have rewritten data in Redis: the old versions then need the backups, not just the old packages or images.',
    );
  });

  it('tests the restore on a test Gateway, and reads no database variable it never set', () => {
    const restore = step(plan, 'backup-test-restore');
    expect(restore.detail).toBe(
      'A backup you have not restored is a hope, not a backup. Restore into a separate test environment, never into production. redis-check-rdb reads the Redis snapshot through. Load the exported APIs and policies into a test Gateway as well.',
    );
    expect(restore.commands.map((c) => c.code)).toEqual([
      'redis-check-rdb /var/backups/tyk-upgrade/redis-dump.rdb',
    ]);
  });
});

describe('variables are asked for by the step that first reads them', () => {
  it.each([
    // The Gateway API secret is first read by the export of the API definitions.
    [
      'open source: TYK_GW_SECRET',
      ossGateway,
      'backup-apis-policies',
      "read -rsp 'Gateway API secret (secret in tyk.conf): ' TYK_GW_SECRET && echo && export TYK_GW_SECRET",
    ],
    // The Dashboard API key: the Tyk Sync dump on the Backups page, not a first step of the plan.
    [
      'Self-Managed: TYK_DASHBOARD_API_KEY',
      selfManaged,
      'backup-apis-policies',
      "read -rsp 'Dashboard API key of an admin user: ' TYK_DASHBOARD_API_KEY && echo && export TYK_DASHBOARD_API_KEY",
    ],
    [
      'Self-Managed: RESTORE_TEST_HOST',
      selfManaged,
      'backup-test-restore',
      "read -rp 'Host of the test database for the restore test: ' RESTORE_TEST_HOST && export RESTORE_TEST_HOST",
    ],
  ] as const)('%s', (_, input, stepId, read) => {
    const plan = planOf(input);
    const [first] = step(plan, stepId).commands;
    expect(first?.code).toBe(read);
    const name = read.split(' ').at(-1) ?? '';
    const askedBy = steps(plan).filter((s) => s.commands.some((c) => c.code === read));
    expect(askedBy.map((s) => s.id)).toEqual([stepId]);
    expect(step(plan, stepId).detail).toContain(
      `asks for ${name} in the terminal you upgrade from`,
    );
  });

  it('has no step of its own that sets every variable up front', () => {
    expect(steps(planOf(selfManaged)).map((s) => s.id)).not.toContain('set-variables');
  });
});

describe('the data stores are reached where they run', () => {
  const helm: PlanInput = { ...selfManaged, install: 'helm', components: ['gateway', 'dashboard'] };
  const redisLines = (host: string, port: number) => {
    const cli = `redis-cli -h ${host} -p ${port}`;
    return [
      `before=$(${cli} LASTSAVE)`,
      `${cli} BGSAVE`,
      `until [ "$(${cli} LASTSAVE)" != "$before" ]; do sleep 1; done`,
      `${cli} CONFIG GET dir`,
      `${cli} --rdb /var/backups/tyk-upgrade/redis-dump.rdb`,
    ];
  };

  it.each([
    // tyk-charts values: global.redis.addrs redis.<namespace>.svc:6379 (config-risks.md §1).
    [
      'Helm, the chart default',
      helm,
      [
        'kubectl -n tyk port-forward svc/redis 6379:6379 >/dev/null &',
        'sleep 3',
        ...redisLines('localhost', 6379),
        'kill "$!"',
      ],
    ],
    // A Bitnami Redis: tyk-redis-master.<namespace>.svc:6379, here in its own namespace.
    [
      'Helm, a Bitnami Redis',
      { ...helm, names: { namespace: 'apis', redisHost: 'tyk-redis-master.data.svc' } },
      [
        'kubectl -n data port-forward svc/tyk-redis-master 6379:6379 >/dev/null &',
        'sleep 3',
        ...redisLines('localhost', 6379),
        'kill "$!"',
      ],
    ],
    // A managed Redis outside the cluster is reached directly.
    [
      'Kubernetes, a managed Redis',
      {
        ...helm,
        install: 'kubernetes',
        names: { redisHost: 'cache.example.net', redisPort: 6380 },
      },
      redisLines('cache.example.net', 6380),
    ],
    // Outside a cluster: the user's host and port.
    [
      'Debian packages',
      { ...selfManaged, names: { redisHost: 'redis-1.internal' } },
      redisLines('redis-1.internal', 6379),
    ],
  ] as const)('Redis: %s', (_, input, lines) => {
    expect(step(planOf(input as PlanInput), 'backup-redis').commands.map((c) => c.code)).toEqual([
      lines.join('\n'),
    ]);
  });

  it.each([
    // tyk-charts values: global.mongo.mongoURL mongodb://mongo.<namespace>.svc:27017.
    [
      'MongoDB in the cluster',
      { ...helm, names: { namespace: 'apis' } },
      'kubectl -n apis port-forward svc/mongo 27017:27017 >/dev/null &\nsleep 3\nmongodump --host localhost --port 27017 --db tyk_analytics --out /var/backups/tyk-upgrade/mongodb\nkill "$!"',
    ],
    // global.postgres.host tyk-postgres-postgresql.<namespace>.svc, port 5432.
    [
      'PostgreSQL in the cluster',
      { ...helm, database: 'postgres' },
      'kubectl -n tyk port-forward svc/tyk-postgres-postgresql 5432:5432 >/dev/null &\nsleep 3\npg_dump -h localhost -p 5432 -d tyk_analytics -F c -f /var/backups/tyk-upgrade/tyk_analytics.dump\nkill "$!"',
    ],
    [
      'PostgreSQL outside the cluster',
      { ...helm, database: 'postgres', names: { databaseHost: 'db.example.net' } },
      'pg_dump -h db.example.net -d tyk_analytics -F c -f /var/backups/tyk-upgrade/tyk_analytics.dump',
    ],
  ] as const)('database: %s', (_, input, code) => {
    expect(step(planOf(input as PlanInput), 'backup-database').commands.map((c) => c.code)).toEqual(
      [code],
    );
  });
});

describe('paths the plan writes to are absolute, normalised and its own', () => {
  const errorsFor = (names: Record<string, string>) => {
    const result = buildPlan({ ...selfManaged, usesGoPlugins: true, names });
    return result.ok ? [] : result.errors.map((e) => `${e.field}: ${e.message}`);
  };

  it.each([
    // `sudo chown -R "$(id -un)" /` must never be a step of a plan (issue 16, bad input).
    [
      { backupDir: '/' },
      'names.backupDir: Backup folder: "/" is a system folder itself; the plan makes the backup folder yours (chown -R), so give it a folder of its own, such as /var/backups/tyk-upgrade.',
    ],
    [
      { backupDir: '/etc/' },
      'names.backupDir: Backup folder: "/etc/" is a system folder itself; the plan makes the backup folder yours (chown -R), so give it a folder of its own, such as /var/backups/tyk-upgrade.',
    ],
    [
      { backupDir: '.' },
      'names.backupDir: Backup folder: "." is not an absolute path: start it with /, such as /var/backups/tyk-upgrade.',
    ],
    [
      { backupDir: '/var/backups/../../etc' },
      'names.backupDir: Backup folder: "/var/backups/../../etc" is not a normalised path: write it without "." or ".." parts and without "//", such as /var/backups/tyk-upgrade.',
    ],
    [
      { dashboardConfig: '/opt' },
      'names.dashboardConfig: Dashboard config file: "/opt" is a system folder itself, not a file or folder of Tyk\'s, such as /opt/tyk-dashboard/tyk_analytics.conf.',
    ],
    [
      { gatewayConfig: '/opt/tyk-gateway/../../etc/passwd' },
      'names.gatewayConfig: Gateway config file: "/opt/tyk-gateway/../../etc/passwd" is not a normalised path: write it without "." or ".." parts and without "//", such as /opt/tyk-gateway/tyk.conf.',
    ],
    [
      { pluginSourceDir: 'plugins/../src' },
      'names.pluginSourceDir: Go plugin source folder: "plugins/../src" is not an absolute path: start it with /, such as /home/you/tyk-plugin.',
    ],
    [
      { pluginSourceDir: '/home' },
      'names.pluginSourceDir: Go plugin source folder: "/home" is a system folder itself, not your plugin\'s folder, such as /home/you/tyk-plugin.',
    ],
  ])('refuses %j', (names, message) => {
    expect(errorsFor(names)).toEqual([message]);
  });

  it.each([
    ['/opt/tyk-gateway'],
    ['/var/backups/tyk-upgrade'],
    ['/var/backups/tyk-upgrade/'],
    ['/srv/tyk upgrade/backups'],
  ])('accepts the backup folder %s', (backupDir) => {
    expect(errorsFor({ backupDir })).toEqual([]);
  });
});

describe('each data plane is a site of its own', () => {
  const mdcbHelm: PlanInput = {
    model: 'self-managed-mdcb',
    install: 'helm',
    components: ['gateway', 'dashboard', 'mdcb'],
    usesGoPlugins: false,
    database: 'mongodb',
    gateway: { from: '5.3.0', to: '5.8.0' },
    mdcb: { from: '2.6.0' },
    strategy: 'rolling',
    dataPlanes: [
      { name: 'eu-west', context: 'eu-prod' },
      {
        name: 'us-east',
        context: 'arn:aws:eks:us-east-1:1:cluster/us',
        redisHost: 'tyk-redis-master.tyk-dp-us-east.svc',
      },
    ],
  };

  it.each([
    [
      'eu-west-upgrade-gateway',
      'helm upgrade tyk-dp-eu-west tyk-helm/tyk-data-plane -n tyk-dp-eu-west --kube-context eu-prod -f values-tyk-dp-eu-west.yaml',
    ],
    [
      'us-east-upgrade-gateway',
      'helm upgrade tyk-dp-us-east tyk-helm/tyk-data-plane -n tyk-dp-us-east --kube-context arn:aws:eks:us-east-1:1:cluster/us -f values-tyk-dp-us-east.yaml',
    ],
    ['upgrade-gateway', 'helm upgrade tyk-cp tyk-helm/tyk-control-plane -n tyk -f values.yaml'],
  ])('%s runs against its own cluster', (id, code) => {
    expect(step(planOf(mdcbHelm), id).commands.map((c) => c.code)).toContain(code);
  });

  it.each([
    [
      'backup-redis',
      'kubectl -n tyk port-forward svc/redis 6379:6379 >/dev/null &',
      'Back up the control plane Redis',
    ],
    [
      'eu-west-backup-redis',
      'kubectl --context eu-prod -n tyk-dp-eu-west port-forward svc/redis 6379:6379 >/dev/null &',
      'Back up the Redis of data plane eu-west',
    ],
    [
      'us-east-backup-redis',
      'kubectl --context arn:aws:eks:us-east-1:1:cluster/us -n tyk-dp-us-east port-forward svc/tyk-redis-master 6379:6379 >/dev/null &',
      'Back up the Redis of data plane us-east',
    ],
  ])("%s backs up that site's own Redis", (id, forward, title) => {
    const backup = step(planOf(mdcbHelm), id);
    expect(backup.title).toBe(title);
    expect(backup.commands[0]?.code.split('\n')[0]).toBe(forward);
  });

  it('checks and restores every snapshot', () => {
    const plan = planOf(mdcbHelm);
    expect(
      step(plan, 'backup-test-restore')
        .commands.map((c) => c.code)
        .filter((c) => c.startsWith('redis-check-rdb')),
    ).toEqual([
      'redis-check-rdb /var/backups/tyk-upgrade/redis-dump.rdb',
      'redis-check-rdb /var/backups/tyk-upgrade/eu-west/redis-dump.rdb',
      'redis-check-rdb /var/backups/tyk-upgrade/us-east/redis-dump.rdb',
    ]);
    expect(step(plan, 'us-east-rollback-restore-redis').title).toBe(
      'Restore the Redis of data plane us-east if it must go back too',
    );
  });

  it('says where a data plane Redis at localhost is, outside a cluster', () => {
    const deb = planOf({
      ...mdcbHelm,
      install: 'deb',
      dataPlanes: [
        { name: 'eu', context: 'ops@gw-eu-1' },
        { name: 'us' },
        { name: 'ap', redisHost: 'redis.ap.internal' },
      ],
    });
    expect(step(deb, 'eu-backup-redis').detail).toContain(
      'ssh ops@gw-eu-1, then paste them there.',
    );
    expect(step(deb, 'us-backup-redis').detail).toContain(
      'localhost is the machine the commands run on: run them on a host of data plane us, or give its Redis host on the names page.',
    );
    expect(step(deb, 'ap-backup-redis').detail).not.toContain('localhost is the machine');
    expect(step(deb, 'backup-redis').detail).not.toContain('localhost is the machine');
  });

  it('reaches a Docker data plane through its Docker context, and a package one on its host', () => {
    const docker = planOf({
      ...mdcbHelm,
      install: 'docker',
      dataPlanes: [{ name: 'eu', context: 'eu-host' }],
    });
    expect(step(docker, 'eu-upgrade-gateway').commands[0]?.code).toBe(
      'docker --context eu-host pull tykio/tyk-gateway:v5.8.0',
    );
    const deb = planOf({
      ...mdcbHelm,
      install: 'deb',
      dataPlanes: [{ name: 'eu', context: 'ops@gw-eu-1' }],
    });
    expect(step(deb, 'eu-upgrade-gateway').detail).toContain(
      'Run these commands on ops@gw-eu-1 on data plane eu: ssh ops@gw-eu-1, then paste them there.',
    );
  });

  it.each([
    [
      { name: 'eu', context: 'eu prod' },
      'dataPlanes[0].context',
      'Data plane "eu" Kube context: "eu prod" contains a space, which cannot go into a shell command.',
    ],
    [
      { name: 'eu', context: '-eu' },
      'dataPlanes[0].context',
      'Data plane "eu" Kube context: "-eu" is not a context or host name: use letters, digits and _ . : @ / -, starting with a letter or digit.',
    ],
    [
      { name: 'eu', redisPort: 'six' },
      'dataPlanes[0].redisPort',
      'Data plane "eu" Redis port: "six" is not a port: use a whole number from 1 to 65535.',
    ],
    [
      { name: 'eu', redisHost: 'redis;ls' },
      'dataPlanes[0].redisHost',
      'Data plane "eu" Redis host: "redis;ls" contains ";", which cannot go into a shell command.',
    ],
  ])('refuses %j with a message on its field', (plane, field, message) => {
    const result = buildPlan({ ...mdcbHelm, dataPlanes: [plane] });
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.message])).toEqual([
      [field, message],
    ]);
  });
});

describe('a compose project sets each image tag where its own layout does', () => {
  const compose: PlanInput = {
    model: 'self-managed',
    install: 'docker-compose',
    components: ['gateway', 'dashboard'],
    usesGoPlugins: false,
    database: 'mongodb',
    gateway: { from: '5.3.0', to: '5.8.0' },
    strategy: 'rolling',
  };

  it.each([
    [
      "Tyk's stack: the .env variable",
      {},
      `grep -q '^GATEWAY_VERSION=' .env && sed -i 's/^GATEWAY_VERSION=.*/GATEWAY_VERSION="v5.8.0"/' .env && grep '^GATEWAY_VERSION=' .env`,
    ],
    [
      'a variable of its own',
      { gatewayTagVariable: 'TYK_GW_TAG' },
      `grep -q '^TYK_GW_TAG=' .env && sed -i 's/^TYK_GW_TAG=.*/TYK_GW_TAG="v5.8.0"/' .env && grep '^TYK_GW_TAG=' .env`,
    ],
    [
      'the tag in the compose file',
      { gatewayTagVariable: 'none' },
      'services:\n  tyk-gateway:\n    image: tykio/tyk-gateway:v5.8.0',
    ],
  ])('%s', (_, names, first) => {
    const upgrade = step(planOf({ ...compose, names }), 'upgrade-gateway');
    expect(upgrade.commands.map((c) => c.code)).toEqual([
      first,
      'docker compose pull tyk-gateway && docker compose up -d --no-deps tyk-gateway',
    ]);
    expect(upgrade.rollback?.commands[0]?.code).toBe(first.replaceAll('5.8.0', '5.3.0'));
  });

  it('names the open-source stack’s tag in the compose file', () => {
    const oss = planOf({
      model: 'oss',
      install: 'docker-compose',
      components: ['gateway'],
      usesGoPlugins: false,
      gateway: compose.gateway,
      strategy: 'rolling',
    });
    expect(step(oss, 'upgrade-gateway').commands[0]?.lang).toBe('yaml');
  });

  it('refuses a variable name that is no shell name, on its field', () => {
    const result = buildPlan({ ...compose, names: { gatewayTagVariable: 'gw-version' } });
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.message])).toEqual([
      [
        'names.gatewayTagVariable',
        'Gateway image tag variable: "gw-version" is not a .env variable name: use capital letters, digits and _, starting with a letter or _ (as GATEWAY_VERSION), or type none if the compose file names the tag itself.',
      ],
    ]);
  });
});
