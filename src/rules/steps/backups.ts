// Backups (docs/sources.md: upgrade guide "Backups", backup FAQ): config files per component and
// installation, the Dashboard database, Redis, the API definitions and policies, and a restore
// test. All of them come before the first change.
import { isRunByTyk } from '../catalog/models';
import { shellQuote as q, joinPath } from '../shell';
import type { Command, Step } from '../types';
import { backupStep } from './backup-step';
import { bash } from './commands';
import { componentConfigStep, siteSteps } from './config-backups';
import type { PlanContext, Site } from './context';
import { apisStep, databaseStep, redisSteps } from './data-backups';
import { redisSites } from './data-stores';
import { strategyRecipes } from './strategies';

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
