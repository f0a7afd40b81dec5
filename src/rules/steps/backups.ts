// Backups (docs/sources.md: upgrade guide "Backups", backup FAQ): config files per component and
// installation, the Dashboard database, Redis, the API definitions and policies, and a restore
// test. All of them come before the first change.
import { findComponent } from '../catalog/components';
import { findInstall } from '../catalog/installs';
import { isRunByTyk } from '../catalog/models';
import { shellQuote as q, joinPath } from '../shell';
import type { Command, ComponentId, Rollback, Step } from '../types';
import { bash, script } from './commands';
import {
  dockerAt,
  helmAt,
  kubectlAt,
  onHostSentence,
  planeOf,
  type PlanContext,
  type Site,
} from './context';
import { reachComponent } from './installs';
import { strategyRecipes } from './strategies';
import {
  databaseEndpoint,
  onStore,
  redisCli,
  redisSites,
  redisStepNaming,
  whereStoreIs,
  type StoreEndpoint,
} from './data-stores';

const nothingToUndo: Rollback = {
  detail:
    'A backup changes nothing in Tyk. If it failed halfway, delete what it wrote and run it again.',
  commands: [],
};

const middlewareFolder = '/opt/tyk-gateway/middleware';

function backupStep(step: Omit<Step, 'kind' | 'rollback' | 'guide'>): Step {
  return { ...step, kind: 'backup', rollback: nothingToUndo, guide: 'backups' };
}

function file(site: Site, name: string): string {
  return q(joinPath(site.backupDir, name));
}

function onSite(site: Site): string {
  return site.planeName === null ? '' : ` Run it where you manage data plane ${site.planeName}.`;
}

/** Where a package site's backup runs: on its own host when it has one. */
function onPackageSite(site: Site): string {
  return site.context === '' ? onSite(site) : onHostSentence(site);
}

/** Config backups of one component at one site, for installs that keep a config file per component. */
function componentConfigStep(ctx: PlanContext, site: Site, component: ComponentId): Step | null {
  const f = findComponent(component);
  const install = ctx.input.install;
  const hostConfig = String(ctx.names[f.configField]);
  const isGateway = component === 'gateway';
  const certificates = ' Also copy the certificates and keys its config points to.';
  const common = {
    id: `${site.idPrefix}backup-${component}-config`,
    title: `Back up the ${f.label} config${site.where}`,
    component,
    ...planeOf(site),
  };
  switch (install) {
    case 'deb':
    case 'rpm':
      return backupStep({
        ...common,
        detail: `Copies ${hostConfig}${isGateway ? ` and the middleware folder (${middlewareFolder}; use yours if you changed middleware_path)` : ''}.${certificates}${onPackageSite(site)}`,
        commands: [
          bash(`sudo cp -p ${q(hostConfig)} ${file(site, f.configFile)}`),
          ...(isGateway
            ? [
                bash(
                  `sudo tar -czf ${file(site, 'gateway-middleware.tar.gz')} -C /opt/tyk-gateway middleware`,
                ),
              ]
            : []),
        ],
        verify: {
          commands: [
            bash(
              `ls -l ${file(site, f.configFile)}${isGateway ? ` ${file(site, 'gateway-middleware.tar.gz')}` : ''}`,
            ),
          ],
          expect: 'The files exist and are not empty.',
        },
      });
    case 'docker': {
      const name = site.workloads[component];
      return backupStep({
        ...common,
        detail:
          `Saves the container's settings (docker inspect), its TYK_ environment (the upgrade step starts the new container with it) and ${f.configFile}. ` +
          `docker cp needs no shell, so it also works on the distroless images from 5.5.0 (and 5.3.6), where docker exec cannot run a shell.${certificates}${onSite(site)}`,
        commands: [
          bash(`${dockerAt(site)} inspect ${q(name)} > ${file(site, `${name}-inspect.json`)}`),
          bash(
            `${dockerAt(site)} inspect ${q(name)} | jq -r '.[0].Config.Env[] | select(startswith("TYK_"))' > ${file(site, `${name}.env`)}`,
          ),
          bash(
            `${dockerAt(site)} cp ${q(`${name}:${f.containerConfig}`)} ${file(site, f.configFile)}`,
          ),
          ...(isGateway
            ? [
                bash(
                  `${dockerAt(site)} cp ${q(`${name}:${middlewareFolder}`)} ${file(site, 'gateway-middleware')}`,
                ),
              ]
            : []),
        ],
        verify: {
          commands: [
            bash(
              `ls -l ${file(site, `${name}-inspect.json`)} ${file(site, `${name}.env`)} ${file(site, f.configFile)}`,
            ),
          ],
          expect:
            'The files exist; the .env file lists the TYK_ variables the container runs with (it may be empty if all settings are in the config file).',
        },
      });
    }
    case 'docker-compose': {
      // Tyk's compose stacks configure a service through an env_file; others mount a config file.
      // A relative path is the compose project's, so the copy runs there.
      const isEnvFile = hostConfig.endsWith('.env');
      const copy = file(
        site,
        isEnvFile ? hostConfig.slice(hostConfig.lastIndexOf('/') + 1) : f.configFile,
      );
      const copyCommand = `cp -p ${q(hostConfig)} ${copy}`;
      return backupStep({
        ...common,
        detail: `Copies ${hostConfig}, ${isEnvFile ? `the env file (env_file) the ${site.workloads[component]} service reads its settings from` : `the config file mounted into the ${site.workloads[component]} service`}.${certificates}${onSite(site)}`,
        commands: [
          bash(
            hostConfig.startsWith('/') || ctx.names.composeDir === '.'
              ? copyCommand
              : `(cd ${q(ctx.names.composeDir)} && ${copyCommand})`,
          ),
        ],
        verify: {
          commands: [bash(`ls -l ${copy}`)],
          expect: 'The file exists and is not empty.',
        },
      });
    }
    default:
      return null;
  }
}

/** Backups that cover a whole site: the compose project, the Kubernetes objects, the Helm release. */
function siteSteps(ctx: PlanContext, site: Site): readonly Step[] {
  const kubernetesFile = file(site, `kubernetes-${site.namespace}.yaml`);
  const kubernetesObjects = backupStep({
    id: `${site.idPrefix}backup-kubernetes-objects`,
    ...planeOf(site),
    title: `Back up the Kubernetes objects${site.where}`,
    detail: `Saves the deployments, config maps and services of namespace ${site.namespace}, where the Tyk config files live on Kubernetes. Secrets hold licences and keys: keep a copy of them in a safe place as well.`,
    commands: [
      bash(`${kubectlAt(site)} get deployment,configmap,service -o yaml > ${kubernetesFile}`),
    ],
    verify: {
      commands: [bash(`grep -c 'kind: Deployment' ${kubernetesFile}`)],
      expect: 'A count of one or more deployments.',
    },
  });
  switch (ctx.input.install) {
    case 'docker-compose':
      return [
        backupStep({
          id: `${site.idPrefix}backup-compose-project`,
          ...planeOf(site),
          title: `Back up the compose project${site.where}`,
          detail: `Archives ${ctx.names.composeDir}: the compose file, its .env (component versions and licences) and the env files of each service.${onSite(site)}`,
          commands: [
            bash(
              `tar -czf ${file(site, 'compose-project.tar.gz')} -C ${q(ctx.names.composeDir)} .`,
            ),
          ],
          verify: {
            commands: [bash(`tar -tzf ${file(site, 'compose-project.tar.gz')}`)],
            expect: 'The list shows the compose file and .env.',
          },
        }),
      ];
    case 'kubernetes':
      return [kubernetesObjects];
    case 'helm': {
      const release = q(site.release);
      return [
        backupStep({
          id: `${site.idPrefix}backup-helm-release`,
          ...planeOf(site),
          title: `Back up the Helm release ${site.release}`,
          detail: `Saves the values the release runs with, its revision history and your values file ${site.valuesFile}. Even with settings in values.yaml, a config file may still be mounted: the next step saves the config maps.`,
          commands: [
            bash(
              `helm get values ${release} ${helmAt(site)} -o yaml > ${file(site, `values-${site.release}.yaml`)}`,
            ),
            bash(
              `helm history ${release} ${helmAt(site)} > ${file(site, `history-${site.release}.txt`)}`,
            ),
            bash(`cp -p ${q(site.valuesFile)} ${file(site, `values-file-${site.release}.yaml`)}`),
          ],
          verify: {
            commands: [
              bash(
                `ls -l ${file(site, `values-${site.release}.yaml`)} ${file(site, `history-${site.release}.txt`)} ${file(site, `values-file-${site.release}.yaml`)}`,
              ),
            ],
            expect: 'The three files exist and are not empty.',
          },
        }),
        kubernetesObjects,
      ];
    }
    default:
      return [];
  }
}

function folderStep(ctx: PlanContext, sites: readonly Site[]): Step {
  const dir = q(ctx.names.backupDir);
  const planeFolders = sites
    .filter((site) => site.planeName !== null)
    .map((site) => q(site.backupDir));
  return backupStep({
    id: 'backup-folder',
    title: 'Create the backup folder',
    detail: `Every backup goes under ${ctx.names.backupDir}${planeFolders.length > 0 ? ', with a folder per data plane' : ''}. It is made yours so the backup tools can write to it.`,
    commands: [
      bash(`sudo mkdir -p ${dir}${planeFolders.map((folder) => ` ${folder}`).join('')}`),
      bash(`sudo chown -R "$(id -un)" ${dir}`),
    ],
    verify: { commands: [bash(`test -w ${dir} && echo writable`)], expect: 'writable' },
  });
}

function databaseStep(ctx: PlanContext): Step | null {
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

function redisSteps(ctx: PlanContext): readonly Step[] {
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

function apisStep(ctx: PlanContext): Step {
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

function restoreTestStep(ctx: PlanContext): Step {
  const { input, names } = ctx;
  const commands: Command[] = [];
  if (input.database !== null) {
    commands.push(
      input.database === 'postgres'
        ? bash(
            `pg_restore -h "$RESTORE_TEST_HOST" --create -d postgres ${q(joinPath(names.backupDir, `${names.databaseName}.dump`))}`,
          )
        : bash(
            `mongorestore --host "$RESTORE_TEST_HOST" ${q(joinPath(names.backupDir, 'mongodb'))}`,
          ),
    );
  }
  for (const { snapshot } of redisSites(ctx)) commands.push(bash(`redis-check-rdb ${q(snapshot)}`));
  return {
    id: 'backup-test-restore',
    title: 'Test the restore somewhere else',
    detail:
      'A backup you have not restored is a hope, not a backup. Restore into a separate test environment, never into production.' +
      (input.database === null
        ? ''
        : ' The database restore goes to RESTORE_TEST_HOST, the host of a test database.') +
      (input.model === 'cloud'
        ? ''
        : redisSites(ctx).length > 1
          ? ' redis-check-rdb reads each Redis snapshot through.'
          : ' redis-check-rdb reads the Redis snapshot through.') +
      (input.model === 'oss'
        ? ' Load the exported APIs and policies into a test Gateway as well.'
        : isRunByTyk(input.model) || input.model === 'cloud-hybrid'
          ? ' Import the exported APIs and policies into a non-production Tyk Cloud deployment as well.'
          : ' Import the exported APIs and policies into a test Dashboard as well.'),
    kind: 'verify',
    commands,
    verify: {
      commands: [],
      expect:
        'The restores finish without errors and the test environment lists your APIs and policies.',
    },
    guide: 'backups',
  };
}

/** The backup phase: folder, per-site config, database, Redis, APIs and policies, restore test. */
export function backupSteps(ctx: PlanContext): readonly Step[] {
  const configSteps = ctx.sites.flatMap(({ site, upgraded }) => [
    ...upgraded.flatMap((component) => componentConfigStep(ctx, site, component) ?? []),
    ...siteSteps(ctx, site),
  ]);
  const dataSteps = [
    ...[databaseStep(ctx)].flatMap((step) => step ?? []),
    ...redisSteps(ctx),
    apisStep(ctx),
  ];
  const window = strategyRecipes[ctx.input.strategy].afterRehearsal(ctx.input);
  return [
    folderStep(
      ctx,
      ctx.sites.map(({ site }) => site),
    ),
    ...configSteps,
    ...dataSteps,
    restoreTestStep(ctx),
    ...(window.length === 0 ? [] : [...window, finalBackupStep(dataSteps)]),
  ];
}

/**
 * The backups of the data traffic changes, taken again once traffic has stopped, over the files of
 * the rehearsal: those are the ones the way back restores.
 */
function finalBackupStep(dataSteps: readonly Step[]): Step {
  return backupStep({
    id: 'backup-final',
    title: 'Take the final backups',
    detail: `Traffic is stopped, so nothing is written after these copies. They repeat ${dataSteps.map((step) => `"${step.title}"`).join(', ')} over the same files; the restore test above showed that these backups restore, and the way back restores this last copy.`,
    commands: dataSteps.flatMap((step) => step.commands),
    verify: {
      commands: dataSteps.flatMap((step) => step.verify?.commands ?? []),
      expect: 'The same files as the rehearsal, written again just now and not empty.',
    },
  });
}
