// The last three phases: checks over the whole deployment, the way back, and what to do after.
import { componentLabel, imageRepository } from '../catalog/components';
import { oneWayChanges } from '../catalog/one-way-changes';
import { insideDoubleQuotes as dq, joinPath, shellQuote as q } from '../shell';
import type { Command, Step } from '../types';
import { crosses, dockerTag } from '../versions';
import { compilerImage, rebuildsGoPlugins } from './go-plugins';
import { bash } from './commands';
import { planeOf, type PlanContext } from './context';
import { healthCheck } from './health';
import { httpCalls, reachComponent } from './installs';
import { runningVersionCommands } from './prepare';
import { databaseEndpoint, onStore, redisCli, redisSites, redisStepNaming } from './data-stores';
import { strategyRecipes } from './strategies';

export function verifySteps(ctx: PlanContext): readonly Step[] {
  const { input, names, sites } = ctx;
  const main = ctx.main?.site ?? null;
  const install = input.install;
  const targets = input.components
    .map((component) => {
      const change = ctx.facts.changes[component];
      return change === null ? '' : `${componentLabel(component)} ${change.to}`;
    })
    .filter((text) => text !== '');
  const versions: Step = {
    id: 'verify-versions',
    title: 'Check every component reports its target version',
    detail: 'The same commands as at the start; now they should show the new versions.',
    kind: 'verify',
    commands: runningVersionCommands(ctx, sites),
    verify: { commands: [], expect: `${targets.join(', ')}.` },
  };
  const gatewaySites = sites.filter(({ inUse }) => inUse.includes('gateway'));
  const apiCalls: Step = {
    id: 'verify-api-calls',
    title: 'Call your APIs',
    detail:
      'Call a few APIs through each Gateway: at least one per authentication method, and every API that uses a plugin. Export TYK_TEST_API_PATH (the listen path of an API, without the leading slash) first.',
    kind: 'verify',
    commands:
      install === null
        ? [
            bash(
              `curl -s -o /dev/null -w '%{http_code}\\n' "$TYK_CLOUD_GATEWAY_URL/$TYK_TEST_API_PATH"`,
            ),
          ]
        : gatewaySites.map(({ site }) =>
            reachComponent(
              install,
              site,
              'gateway',
              { host: site.gatewayHost, port: names.gatewayPort },
              (base) => [`curl -s -o /dev/null -w '%{http_code}\\n' "${base}/$TYK_TEST_API_PATH"`],
            ),
          ),
    verify: {
      commands: [],
      expect:
        'The status codes your APIs gave before the upgrade (200, or 401 and 403 without credentials).',
    },
  };
  const dashboard: readonly Step[] =
    input.database !== null && install !== null && main !== null
      ? [
          {
            id: 'verify-dashboard',
            title: 'Check the Dashboard lists every API',
            detail:
              'Log in to the Dashboard, open a few APIs and policies, and compare the count with the backup.',
            kind: 'verify',
            commands: [
              reachComponent(
                install,
                main,
                'dashboard',
                { host: names.dashboardHost, port: names.dashboardPort },
                (base) => [
                  `curl -fsS -H "Authorization: $TYK_DASHBOARD_API_KEY" "${base}/api/apis?p=-1" | jq '.apis | length'`,
                ],
              ),
            ],
            verify: { commands: [], expect: 'The same number of APIs as before the upgrade.' },
          },
        ]
      : [];
  const pumpSites = sites.filter(({ inUse }) => inUse.includes('pump'));
  const analytics: readonly Step[] =
    install !== null && input.pump !== null && pumpSites.length > 0
      ? [
          {
            id: 'verify-analytics',
            title: 'Check analytics still flow',
            detail:
              'Pump moves analytics out of Redis. After a few API calls, new records reach your analytics store' +
              (input.database === null
                ? '.'
                : ' (the Dashboard activity pages where you use them).'),
            kind: 'verify',
            commands: pumpSites.flatMap(({ site }) =>
              httpCalls(
                install,
                site,
                'pump',
                healthCheck('pump', input.pump?.to ?? '', names, site.gatewayHost).calls,
              ),
            ),
            verify: {
              commands: [],
              expect: 'Pump answers {"status":"ok"} and new analytics records appear.',
            },
          },
        ]
      : [];
  const plugins: readonly Step[] = rebuildsGoPlugins(input)
    ? [
        {
          id: 'verify-go-plugins',
          title: 'Check the Go plugins run',
          detail:
            'Call every API that uses a plugin and look for plugin load errors in the Gateway logs (a build made with another Go or Gateway version fails to load).',
          kind: 'verify',
          commands: [],
          verify: {
            commands: [],
            expect:
              'The plugins act on the requests as before, and the logs show no plugin errors.',
          },
          guide: 'go-plugins',
        },
      ]
    : [];
  return [
    versions,
    apiCalls,
    ...dashboard,
    ...analytics,
    ...plugins,
    ...strategyRecipes[input.strategy].closing(input),
  ];
}

function apiRestoreCommand(ctx: PlanContext): readonly Command[] {
  const { input, names } = ctx;
  const main = ctx.main?.site ?? null;
  const dir = names.backupDir;
  if (input.model === 'cloud' || input.model === 'cloud-hybrid') {
    return [
      bash(
        `./backup.sh import --url "$TYK_DASHBOARD_URL" --secret "$TYK_DASHBOARD_API_KEY" --api-file ${q(joinPath(dir, 'apis.json'))} --policy-file ${q(joinPath(dir, 'policies.json'))}`,
      ),
    ];
  }
  if (input.install === null || main === null) return [];
  if (input.model === 'oss') {
    const auth = '-H "x-tyk-authorization: $TYK_GW_SECRET"';
    return [
      reachComponent(
        input.install,
        main,
        'gateway',
        { host: names.gatewayHost, port: names.gatewayPort },
        (base) => [
          `jq -c '.[]' ${q(joinPath(dir, 'apis.json'))} | while read -r api; do`,
          `  id=$(printf '%s' "$api" | jq -r '.api_id')`,
          `  curl -fsS ${auth} -X PUT -H 'Content-Type: application/json' --data-binary "$api" "${base}/tyk/apis/$id"`,
          'done',
          `jq -c '.[]' ${q(joinPath(dir, 'policies.json'))} | while read -r policy; do`,
          `  id=$(printf '%s' "$policy" | jq -r '.id // ._id')`,
          `  curl -fsS ${auth} -X PUT -H 'Content-Type: application/json' --data-binary "$policy" "${base}/tyk/policies/$id"`,
          'done',
          `curl -fsS ${auth} "${base}/tyk/reload/group"`,
        ],
      ),
    ];
  }
  return [
    reachComponent(
      input.install,
      main,
      'dashboard',
      { host: names.dashboardHost, port: names.dashboardPort },
      (base) => [
        `tyk-sync update -d "${base}" -s "$TYK_DASHBOARD_API_KEY" -p "${dq(joinPath(dir, 'tyk-sync'))}"`,
      ],
    ),
  ];
}

export function rollbackSteps(ctx: PlanContext, upgradeTitles: readonly string[]): readonly Step[] {
  const { input, names } = ctx;
  // An open-source deployment has no Dashboard to migrate anything.
  const crossed = oneWayChanges.filter(
    (change) =>
      crosses(input.gateway.from, input.gateway.to, change.version) &&
      (change.byDashboard !== true || input.model !== 'oss'),
  );
  const order: Step = {
    id: 'rollback-order',
    title: 'Go back in the reverse order',
    detail: `Undo only what you changed, newest first, each with the way back of its own step: ${[...upgradeTitles].reverse().join('; ')}. Check each one before the next.`,
    kind: 'rollback',
    commands: [],
    guide: 'upgrade-order',
  };
  const oneWay: Step = {
    id: 'rollback-one-way-changes',
    title: 'Know what a downgrade does not undo',
    detail: [
      input.gateway.from === input.gateway.to
        ? `The Gateway stays on ${input.gateway.from}: only the components this plan moves go back, each with its own step's way back. Restore a data store only if the new version wrote to it in a form the old one cannot read.`
        : input.database === null
          ? 'Once the new Gateways have started they may have rewritten data in Redis: the old versions then need the backups, not just the old packages or images.'
          : 'Once the new Dashboard has started it may have migrated its database, and new Gateways may have rewritten data in Redis: the old versions then need the backups, not just the old packages or images.',
      ...crossed.map((change) => change.text),
      rebuildsGoPlugins(input)
        ? 'Go plugins: point the APIs back at the old bundle before the old Gateway serves them.'
        : '',
    ]
      .filter((text) => text !== '')
      .join(' '),
    kind: 'rollback',
    commands: [],
  };
  const databaseStore = databaseEndpoint(input);
  const database: readonly Step[] =
    input.database !== null
      ? [
          {
            id: 'rollback-restore-database',
            title: 'Restore the Dashboard database',
            detail:
              'Only after the Dashboard is back on the old version and stopped: the restore replaces what the new version wrote.',
            kind: 'rollback',
            commands:
              databaseStore === null
                ? []
                : [
                    onStore(databaseStore, (host, port) => [
                      input.database === 'postgres'
                        ? `pg_restore -h ${host}${port === null ? '' : ` -p ${port}`} -d ${q(names.databaseName)} --clean --if-exists ${q(joinPath(names.backupDir, `${names.databaseName}.dump`))}`
                        : `mongorestore --host ${host}${port === null ? '' : ` --port ${port}`} --drop ${q(joinPath(names.backupDir, 'mongodb'))}`,
                    ]),
                  ],
            verify: {
              commands: [],
              expect:
                'The restore ends without errors; the old Dashboard starts and lists your APIs.',
            },
            guide: 'backups',
          },
        ]
      : [];
  const redis: readonly Step[] = redisSites(ctx).map(({ site, store, snapshot }) => {
    const { idPrefix, which } = redisStepNaming(ctx, site);
    return {
      id: `${idPrefix}rollback-restore-redis`,
      ...(idPrefix === '' ? {} : planeOf(site)),
      title: `Restore ${which} if it must go back too`,
      detail: `Stop that Redis, copy ${snapshot} over dump.rdb in the folder this command shows, and start it again. Keys issued since the backup are lost.`,
      kind: 'rollback',
      commands: [onStore(store, (host, port) => [`${redisCli(host, port)} CONFIG GET dir`])],
      guide: 'backups',
    };
  });
  const apis: Step = {
    id: 'rollback-restore-apis-policies',
    title: 'Restore the API definitions and policies',
    detail:
      'Needed when the new version migrated them (Tyk OAS from 5.3.0): import the export taken before the upgrade.',
    kind: 'rollback',
    commands: apiRestoreCommand(ctx),
    verify: { commands: [], expect: 'The old versions list and serve every API and policy.' },
    guide: 'backups',
  };
  return [
    ...strategyRecipes[input.strategy].wayBack(input),
    order,
    oneWay,
    ...database,
    ...redis,
    apis,
  ];
}

function dockerCleanup(ctx: PlanContext): readonly Step[] {
  const { input, sites } = ctx;
  if (input.install !== 'docker' && input.install !== 'docker-compose') return [];
  const oldImages = [
    ...new Set(
      sites.flatMap(({ upgraded }) =>
        upgraded.flatMap((component) => {
          const change = ctx.facts.changes[component];
          return change === null
            ? []
            : [`${imageRepository(input, component)}:${dockerTag(change.from)}`];
        }),
      ),
    ),
  ];
  const previous =
    input.install === 'docker'
      ? [
          ...new Set(
            sites.flatMap(({ site, upgraded }) =>
              upgraded.map((component) => `${site.workloads[component]}-previous`),
            ),
          ),
        ]
      : [];
  const containers: readonly Step[] =
    previous.length === 0
      ? []
      : [
          {
            id: 'after-remove-previous-containers',
            title: 'Remove the previous containers',
            detail: 'Only once you are sure: they are the quickest way back to the old versions.',
            kind: 'configure',
            commands: previous.map((name) => bash(`docker rm ${q(name)}`)),
            verify: {
              commands: [bash("docker ps -a --filter 'name=-previous$'")],
              expect: 'No container ending in -previous is left.',
            },
            rollback: {
              detail: 'None: after this the way back is the old image and the backups.',
              commands: [],
            },
          },
        ];
  return [
    ...containers,
    {
      id: 'after-remove-old-images',
      title: 'Remove the old images',
      detail: 'Frees disk space once nothing runs the old versions any more.',
      kind: 'configure',
      commands: oldImages.map((image) => bash(`docker image rm ${q(image)}`)),
      verify: {
        commands: [bash('docker image ls')],
        expect: 'The old tags are gone; the new ones remain.',
      },
      rollback: {
        detail: 'Pull the old images again if you need them.',
        commands: oldImages.map((image) => bash(`docker pull ${q(image)}`)),
      },
    },
  ];
}

export function afterSteps(ctx: PlanContext): readonly Step[] {
  const { input, names } = ctx;
  const plugins = ctx.goPlugins;
  const compilers =
    plugins === null ? [] : plugins.compileFor.map((version) => compilerImage(plugins, version));
  const compilerCleanup: readonly Step[] =
    compilers.length === 0
      ? []
      : [
          {
            id: 'after-remove-compiler-images',
            title: 'Remove the plugin compiler images',
            detail: 'They are large and only needed to build plugins.',
            kind: 'configure',
            component: 'go-plugins',
            commands: compilers.map((image) => bash(`docker rmi ${q(image)}`)),
            verify: {
              commands: [bash(`docker image ls ${q(plugins?.compiler ?? '')}`)],
              expect: 'No compiler image is left.',
            },
            rollback: {
              detail: 'Pull them again when you next build the plugins.',
              commands: compilers.map((image) => bash(`docker pull ${q(image)}`)),
            },
            guide: 'go-plugins',
          },
        ];
  return [
    {
      id: 'after-monitor',
      title: 'Watch the deployment for a day',
      detail:
        'Watch error rates, latency and the logs of every component; compare them with a normal day.',
      kind: 'verify',
      commands: [],
      verify: { commands: [], expect: 'Error rates and latency as before the upgrade.' },
    },
    ...strategyRecipes[input.strategy].after(input),
    ...dockerCleanup(ctx),
    ...compilerCleanup,
    {
      id: 'after-update-records',
      title: 'Record the new versions',
      detail:
        'Put the new versions where you keep them: infrastructure as code (compose files, manifests, values files, configuration management), runbooks and inventory, so the next deployment does not bring the old versions back.',
      kind: 'configure',
      commands: [],
      verify: { commands: [], expect: 'Your code and documents name the new versions.' },
      rollback: { detail: 'Revert that change if you roll back.', commands: [] },
    },
    {
      id: 'after-keep-backups',
      title: 'Keep the backups',
      detail: `Keep ${names.backupDir} (and copies of it somewhere safe) until the new versions have run well for a while; it is the way back.`,
      kind: 'verify',
      commands: [bash(`ls -l ${q(names.backupDir)}`)],
      verify: { commands: [], expect: 'Every backup is still there.' },
      guide: 'backups',
    },
    {
      id: 'announce-complete',
      title: 'Tell the stakeholders it is done',
      detail: 'Say what changed, what to watch for, and who to contact about problems.',
      kind: 'communicate',
      commands: [],
    },
  ];
}
