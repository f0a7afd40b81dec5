// What each upgrade strategy adds to the plan (docs/sources.md: upgrade guide, strategies): how every component upgrade is carried
// out, and the steps that open and close the change, switch traffic, and lead the way back.
import { isClusterInstall } from '../catalog/installs';
import { isRunByTyk } from '../catalog/models';
import { shellQuote as q } from '../shell';
import type { Command, ComponentId, InstallType, NormalizedInput, Step, Strategy } from '../types';
import { oneWayChanges, type OneWayChange } from '../catalog/one-way-changes';
import { crosses } from '../versions';
import { bash } from './commands';
import { kubectlAt, type PlanContext } from './context';
import { databaseEndpoint, onStore } from './data-stores';

type StrategyRecipe = {
  /** A sentence added to each component upgrade on a self-run installation. */
  readonly upgradeNote: (install: InstallType, component: ComponentId) => string;
  /** Steps at the end of the preparation, just before the backups. */
  readonly opening: (input: NormalizedInput) => readonly Step[];
  /**
   * Steps once the backups are taken and their restore tested: a downtime window opens here, and
   * the backups of the data that traffic changes are taken again inside it.
   */
  readonly afterRehearsal: (input: NormalizedInput) => readonly Step[];
  /** Steps at the end of the checks: traffic back on, or switched. */
  readonly closing: (input: NormalizedInput) => readonly Step[];
  /** The first steps of the way back. */
  readonly wayBack: (input: NormalizedInput) => readonly Step[];
  readonly after: (input: NormalizedInput) => readonly Step[];
};

const isSelfRun = (input: NormalizedInput): boolean => !isRunByTyk(input.model);
const none = (): readonly Step[] => [];

const rolling: StrategyRecipe = {
  upgradeNote: (install, component) => {
    if (isClusterInstall(install))
      return 'Rolling: Kubernetes replaces the pods one at a time (RollingUpdate); keep at least two replicas so some always serve.';
    if (component === 'pump')
      return 'Rolling: Pump takes no inbound traffic, so upgrade its instances one after another.';
    return 'Rolling: one instance at a time. Take it out of the load balancer, run the commands and the checks, put it back, then do the next instance.';
  },
  opening: none,
  afterRehearsal: none,
  closing: (input) =>
    isSelfRun(input)
      ? [
          {
            id: 'rolling-rebalance',
            title: 'Put every instance back in the load balancer',
            detail:
              'Once the last instance passes its checks, make sure the load balancer sends traffic to every instance again.',
            kind: 'configure',
            commands: [],
            verify: {
              commands: [],
              expect: `The load balancer shows every ${input.database === null ? 'Gateway' : 'Gateway and Dashboard'} instance healthy and in service.`,
            },
            rollback: {
              detail:
                'Take the instances that misbehave out of the load balancer again and roll them back.',
              commands: [],
            },
            guide: 'strategies',
          },
        ]
      : [],
  wayBack: none,
  after: none,
};

/** The one-way changes of the Dashboard data this upgrade crosses (5.3.0 Tyk OAS and earlier). */
function crossedDataMigrations(input: NormalizedInput): readonly OneWayChange[] {
  return oneWayChanges.filter((change) =>
    crosses(input.gateway.from, input.gateway.to, change.version),
  );
}

/**
 * Blue-green and the Dashboard database: green starts from a copy, so blue stays untouched and a
 * way back; with one shared database, the green Dashboard's migration reaches blue's data too.
 */
function blueGreenDatabaseStep(input: NormalizedInput): readonly Step[] {
  if (!isSelfRun(input) || input.database === null) return [];
  const migrations = crossedDataMigrations(input);
  const { databaseName } = input.names;
  if (input.sharesDatabase) {
    return [
      {
        id: 'blue-green-shared-database',
        title: 'Know where blue stops being a way back',
        detail:
          migrations.length === 0
            ? `Blue and green share one Dashboard database. No release between ${input.gateway.from} and ${input.gateway.to} migrates Dashboard data into a form ${input.gateway.from} cannot read, so switching back to blue stays a way back; still, let only one side change APIs and policies at a time.`
            : `Blue and green share one Dashboard database, so the green Dashboard's migration when it starts on ${input.gateway.to} changes blue's data too: ${migrations.map((change) => change.text).join(' ')} From the moment the green Dashboard starts, switching traffic back to blue is no longer a way back; only restoring the database backup is. Give green a copy of the database instead if you need blue to stay a way back.`,
        kind: 'prepare',
        commands: [],
        guide: 'strategies',
      },
    ];
  }
  const blue = databaseEndpoint(input);
  const copy =
    blue === null
      ? []
      : [
          onStore(blue, (host, port) => [
            input.database === 'postgres'
              ? `pg_dump -h ${host}${port === null ? '' : ` -p ${port}`} -d ${q(databaseName)} -F c | pg_restore -h "$GREEN_DATABASE_HOST" -d ${q(databaseName)} --clean --if-exists --no-owner`
              : `mongodump --host ${host}${port === null ? '' : ` --port ${port}`} --db ${q(databaseName)} --archive | mongorestore --host "$GREEN_DATABASE_HOST" --archive --drop`,
          ]),
        ];
  const count =
    input.database === 'postgres'
      ? `psql -h "$GREEN_DATABASE_HOST" -d ${q(databaseName)} -c 'SELECT count(*) FROM tyk_apis'`
      : `mongosh --host "$GREEN_DATABASE_HOST" --quiet --eval 'db.getSiblingDB("${databaseName}").tyk_apis.countDocuments()'`;
  return [
    {
      id: 'blue-green-copy-database',
      title: 'Give green its own copy of the Dashboard database',
      detail:
        `Blue-green starts from a copy of the database: the green Dashboard migrates the data it reads when it starts${migrations.length === 0 ? '' : ` (${migrations.map((change) => change.text).join(' ')})`}, and with a copy blue's database stays untouched, so switching back to blue stays a way back. Copy it into the database green's Dashboard uses (GREEN_DATABASE_HOST; ${input.database === 'postgres' ? `create an empty ${databaseName} database there first` : 'it is replaced'}) and point green's Dashboard at it. ` +
        'APIs and policies changed on blue after the copy do not reach green: freeze such changes until traffic is switched.',
      kind: 'configure',
      commands: copy,
      verify: {
        commands: [bash(count)],
        expect:
          'The copy holds as many API definitions as blue, and green’s Dashboard connection string names GREEN_DATABASE_HOST, not blue’s database.',
      },
      rollback: {
        detail: 'Drop the copy on GREEN_DATABASE_HOST; blue’s database was only read.',
        commands: [],
      },
      guide: 'strategies',
    },
  ];
}

const blueGreen: StrategyRecipe = {
  upgradeNote: () => 'Blue-green: run this against the idle environment, never the live one.',
  opening: (input) =>
    isSelfRun(input)
      ? [
          {
            id: 'blue-green-build-idle',
            title: 'Build the idle environment',
            detail:
              'Replicate the live environment: a VM snapshot is the surest copy, or a new deployment from the same configuration and data. Every upgrade step below runs against this idle copy.',
            kind: 'configure',
            commands: [],
            verify: {
              commands: [],
              expect:
                'The idle copy passes the same health checks as the live one, on the current versions.',
            },
            rollback: {
              detail: 'Delete the idle copy; the live environment was not touched.',
              commands: [],
            },
            guide: 'strategies',
          },
          ...blueGreenDatabaseStep(input),
        ]
      : [],
  afterRehearsal: none,
  closing: (input) =>
    isSelfRun(input)
      ? [
          {
            id: 'blue-green-switch-traffic',
            title: 'Switch traffic to the upgraded environment',
            detail:
              'Point the load balancer or DNS at the upgraded environment. Keep the old one running: switching back is the fastest way back.',
            kind: 'configure',
            commands: [],
            verify: {
              commands: [],
              expect:
                'API calls through the public address succeed and the Gateway logs of the upgraded side show them.',
            },
            rollback: {
              detail:
                'Point the load balancer or DNS back at the old environment, which still runs the old versions.',
              commands: [],
            },
            guide: 'strategies',
          },
        ]
      : [],
  wayBack: (input) =>
    isSelfRun(input)
      ? [
          {
            id: 'rollback-switch-back',
            title: 'Switch traffic back to the old environment',
            detail:
              'The quickest way back: the old environment still runs the old versions. Data written on the upgraded side meanwhile (keys, analytics) does not come back with it.' +
              (input.sharesDatabase && crossedDataMigrations(input).length > 0
                ? ' With the one shared database this works only until the green Dashboard has started: after that, restore the database backup before blue serves again.'
                : ''),
            kind: 'rollback',
            commands: [],
            guide: 'strategies',
          },
        ]
      : [],
  after: (input) =>
    isSelfRun(input)
      ? [
          {
            id: 'blue-green-retire-old',
            title: 'Retire the old environment',
            detail:
              'Keep it until you are sure you will not switch back (days, not hours), then shut it down.',
            kind: 'configure',
            commands: [],
            verify: {
              commands: [],
              expect: 'Nothing sends traffic to the old environment before you shut it down.',
            },
            rollback: {
              detail: 'None: once it is gone, the way back is the backups.',
              commands: [],
            },
            guide: 'strategies',
          },
        ]
      : [],
};

const downtime: StrategyRecipe = {
  upgradeNote: () => 'Downtime: traffic is stopped, so this upgrades in place.',
  opening: none,
  afterRehearsal: (input) =>
    isSelfRun(input)
      ? [
          {
            id: 'open-maintenance-window',
            title: 'Stop traffic for the window',
            detail: `Start of the ${input.downtimeMinutes ?? 60}-minute window: show a maintenance page at the load balancer and stop traffic to the Gateways, so nothing is written while you take the final backups and upgrade. The rehearsal backups and their restore test are done before it, outside the outage.`,
            kind: 'configure',
            commands: [],
            verify: {
              commands: [],
              expect:
                'Clients get the maintenance page and the Gateway logs show no more API calls.',
            },
            rollback: { detail: 'Send traffic to the Gateways again.', commands: [] },
            guide: 'strategies',
          },
        ]
      : [],
  closing: (input) =>
    isSelfRun(input)
      ? [
          {
            id: 'close-maintenance-window',
            title: 'Reopen traffic',
            detail: 'Remove the maintenance page and send traffic to the upgraded Gateways.',
            kind: 'configure',
            commands: [],
            verify: { commands: [], expect: 'API calls through the public address succeed.' },
            rollback: {
              detail: 'Show the maintenance page again and follow the way back below.',
              commands: [],
            },
            guide: 'strategies',
          },
        ]
      : [],
  wayBack: none,
  after: none,
};

export const strategyRecipes = {
  rolling,
  'blue-green': blueGreen,
  downtime,
} as const satisfies Record<Strategy, StrategyRecipe>;

/** Commands that check the strategy's prerequisites where a command can check them. */
export function strategyChecks(ctx: PlanContext): readonly Command[] {
  const { input, names } = ctx;
  if (input.strategy !== 'rolling' || input.install === null) return [];
  if (isClusterInstall(input.install)) {
    return ctx.sites.map(({ site, upgraded }) =>
      bash(
        `${kubectlAt(site)} get deployment ${upgraded.map((component) => q(site.workloads[component])).join(' ')}`,
        `READY shows at least 2 replicas${site.where}`,
      ),
    );
  }
  if (input.database !== null) {
    return [
      bash(
        `sudo jq -r .license_key ${q(names.dashboardConfig)} | sha256sum`,
        'Run on every Dashboard host: the hashes must match',
      ),
    ];
  }
  return [];
}
