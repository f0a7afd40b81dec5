// Backups of the data: the Dashboard database, Redis at each site, and the API definitions and
// policies exported through the Gateway, the Dashboard or Tyk Cloud.
import { findInstall } from '../catalog/installs';
import { shellQuote as q, joinPath } from '../shell';
import type { Command, Step } from '../types';
import { backupStep } from './backup-step';
import { bash, script } from './commands';
import { onHostSentence, planeOf, type PlanContext, type Site } from './context';
import { reachComponent } from './installs';
import {
  databaseEndpoint,
  onStore,
  redisCli,
  redisSites,
  redisStepNaming,
  whereStoreIs,
  type StoreEndpoint,
} from './data-stores';

export function databaseStep(ctx: PlanContext): Step | null {
  const { input, names } = ctx;
  const store = databaseEndpoint(input);
  if (input.database === null || store === null) return null;
  const db = q(names.databaseName);
  const where = whereStoreIs('The database', store);
  if (input.database === 'postgres') {
    const dump = q(joinPath(names.backupDir, `${names.databaseName}.dump`));
    return backupStep({
      id: 'backup-database',
      title: 'Back up the Dashboard database (PostgreSQL)',
      detail: `A custom-format dump that pg_restore can read. Export PGUSER and PGPASSWORD first. An upgrade may migrate the database, and the way back after that is this dump.${where}`,
      commands: [
        onStore(store, (host, port) => [
          `pg_dump -h ${host}${port === null ? '' : ` -p ${port}`} -d ${db} -F c -f ${dump}`,
        ]),
      ],
      verify: {
        commands: [bash(`pg_restore --list ${dump} | head -n 20`)],
        expect: 'A list of the tables in the dump.',
      },
    });
  }
  const out = q(joinPath(names.backupDir, 'mongodb'));
  return backupStep({
    id: 'backup-database',
    title: 'Back up the Dashboard database (MongoDB)',
    detail: `Add --username and --password (or use --uri) if MongoDB requires authentication. An upgrade may migrate the database, and the way back after that is this dump.${where}`,
    commands: [
      onStore(store, (host, port) => [
        `mongodump --host ${host}${port === null ? '' : ` --port ${port}`} --db ${db} --out ${out}`,
      ]),
    ],
    verify: {
      commands: [bash(`ls -l ${q(joinPath(names.backupDir, 'mongodb', names.databaseName))}`)],
      expect: 'One .bson and one metadata file per collection.',
    },
  });
}

/**
 * Where a data plane's Redis is reached outside a cluster: localhost is the machine the command
 * runs on, so the step says which machine that must be.
 */
function wherePlaneRedisIs(ctx: PlanContext, site: Site, store: StoreEndpoint): string {
  if (site.planeName === null || store.forward !== null || site.redisHost !== 'localhost')
    return '';
  const isPackage =
    ctx.input.install !== null && findInstall(ctx.input.install).packageManager !== null;
  if (isPackage && site.context !== '') return onHostSentence(site);
  return ` localhost is the machine the commands run on: run them on a host of data plane ${site.planeName}, or give its Redis host on the names page.`;
}

export function redisSteps(ctx: PlanContext): readonly Step[] {
  return redisSites(ctx).map(({ site, store, snapshot }) => {
    const rdb = q(snapshot);
    const { idPrefix, which } = redisStepNaming(ctx, site);
    return backupStep({
      id: `${idPrefix}backup-redis`,
      ...(idPrefix === '' ? {} : planeOf(site)),
      title: `Back up ${which}`,
      detail:
        'BGSAVE writes a snapshot (dump.rdb) in the background while Redis keeps serving; the loop waits until LASTSAVE changes, which is when the snapshot is complete. CONFIG GET dir shows where it is, for a restore; --rdb copies a snapshot here. Export REDISCLI_AUTH first if Redis needs a password. Managed Redis services may refuse BGSAVE and CONFIG: use their own snapshots.' +
        whereStoreIs('Redis', store) +
        wherePlaneRedisIs(ctx, site, store),
      commands: [
        onStore(store, (host, port) => {
          const cli = redisCli(host, port);
          return [
            `before=$(${cli} LASTSAVE)`,
            `${cli} BGSAVE`,
            `until [ "$(${cli} LASTSAVE)" != "$before" ]; do sleep 1; done`,
            `${cli} CONFIG GET dir`,
            `${cli} --rdb ${rdb}`,
          ];
        }),
      ],
      verify: {
        commands: [bash(`ls -l ${rdb}`)],
        expect: 'The snapshot file exists and is not empty.',
      },
    });
  });
}

export function apisStep(ctx: PlanContext): Step {
  const { input, names } = ctx;
  const main = ctx.main?.site ?? null;
  const title = 'Export the API definitions and policies';
  if (input.model === 'oss') {
    const apis = q(joinPath(names.backupDir, 'apis.json'));
    const policies = q(joinPath(names.backupDir, 'policies.json'));
    const lines = (base: string): readonly string[] => [
      `curl -fsS -H "x-tyk-authorization: $TYK_GW_SECRET" "${base}/tyk/apis" > ${apis}`,
      `curl -fsS -H "x-tyk-authorization: $TYK_GW_SECRET" "${base}/tyk/policies" > ${policies}`,
    ];
    const command: Command =
      input.install === null || main === null
        ? script(lines('$TYK_GATEWAY_URL'))
        : reachComponent(
            input.install,
            main,
            'gateway',
            { host: names.gatewayHost, port: names.gatewayPort },
            lines,
          );
    return backupStep({
      id: 'backup-apis-policies',
      title,
      detail:
        'Reads them through the Gateway API with TYK_GW_SECRET (the secret in tyk.conf). From 5.3.0 Tyk OAS definitions change format for good, so this export is the way back. File-based definitions (the apps folder) are worth copying too.',
      commands: [command],
      verify: {
        commands: [bash(`jq length ${apis} ${policies}`)],
        expect: 'Two numbers: how many APIs and policies were exported.',
      },
    });
  }
  if (input.model === 'cloud' || input.model === 'cloud-hybrid') {
    const apis = q(joinPath(names.backupDir, 'apis.json'));
    const policies = q(joinPath(names.backupDir, 'policies.json'));
    return backupStep({
      id: 'backup-apis-policies',
      title,
      detail:
        'Uses Tyk’s backup script (backup.sh from github.com/TykTechnologies/backup) against your Tyk Cloud Dashboard. It reads TYK_DASHBOARD_URL and TYK_DASHBOARD_API_KEY. From 5.3.0 Tyk OAS definitions change format for good, so this export is the way back.',
      commands: [
        bash(
          `./backup.sh export --url "$TYK_DASHBOARD_URL" --secret "$TYK_DASHBOARD_API_KEY" --api-output ${apis} --policy-output ${policies}`,
        ),
      ],
      verify: {
        commands: [bash(`jq length ${apis} ${policies}`)],
        expect: 'Two numbers: how many APIs and policies were exported.',
      },
    });
  }
  const target = q(joinPath(names.backupDir, 'tyk-sync'));
  const lines = (base: string): readonly string[] => [
    `mkdir -p ${target}`,
    `tyk-sync dump -d "${base}" -s "$TYK_DASHBOARD_API_KEY" -t ${target}`,
  ];
  const command: Command =
    input.install === null || main === null
      ? script(lines('$TYK_DASHBOARD_URL'))
      : reachComponent(
          input.install,
          main,
          'dashboard',
          { host: names.dashboardHost, port: names.dashboardPort },
          lines,
        );
  return backupStep({
    id: 'backup-apis-policies',
    title,
    detail:
      'Tyk Sync writes every API definition and policy to files (keys are not included). It reads TYK_DASHBOARD_API_KEY (the Dashboard API key of an admin user). From 5.3.0 Tyk OAS definitions change format for good, so this export is the way back.',
    commands: [command],
    verify: {
      commands: [bash(`ls -l ${target}`)],
      expect: 'One file per API and policy, and a .tyk.json index.',
    },
  });
}
