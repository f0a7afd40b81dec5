// One component upgrade at one site: the installation's commands, the checks after it and the way
// back from it, worded for the chosen strategy.
import { findComponent } from '../catalog/components';
import { findInstall } from '../catalog/installs';
import type { InstallType, Step } from '../types';
import { shellQuote as q } from '../shell';
import { dockerTag } from '../versions';
import { bash } from './commands';
import { onHostSentence, planeOf, type ComponentUpgrade, type PlanContext } from './context';
import { healthCheck } from './health';
import { httpCalls, installRecipes } from './installs';
import { strategyRecipes } from './strategies';

export function componentUpgradeStep(
  ctx: PlanContext,
  install: InstallType,
  u: ComponentUpgrade,
): Step {
  const recipe = installRecipes[install];
  const f = findComponent(u.component);
  const health = healthCheck(u.component, u.change.to, ctx.names, u.site.gatewayHost);
  // The newest start-up line must name the target; match the text, never the log keys (msg= became message=).
  const logCheck =
    f.startupLog === null
      ? []
      : [
          bash(
            `${recipe.recentLogs(u, ctx)} | grep ${q(f.startupLog)} | tail -n 1 | grep -F ${q(u.change.to)}`,
          ),
        ];
  const optionalPump =
    u.component === 'pump' && u.site.plane !== null ? ' Skip it if this plane runs no Pump.' : '';
  return {
    id: `${u.site.idPrefix}upgrade-${u.component}`,
    title: `Upgrade the ${f.label}${u.site.where} to ${u.change.to}`,
    detail:
      [
        `From ${u.change.from} to ${u.change.to} (${findInstall(install).label}).`,
        recipe.explain(u, ctx),
        strategyRecipes[ctx.input.strategy].upgradeNote(install, u.component),
      ].join(' ') +
      optionalPump +
      (findInstall(install).packageManager === null ? '' : onHostSentence(u.site)),
    kind: 'upgrade',
    component: u.component,
    ...planeOf(u.site),
    commands: recipe.upgrade(u, ctx),
    verify: {
      commands: [
        ...recipe.runningVersion(u, ctx),
        ...httpCalls(install, u.site, u.component, health.calls),
        ...logCheck,
      ],
      expect:
        (findInstall(install).packageManager !== null
          ? `The package shows ${u.change.to} and the service is active (running). `
          : `The image tag is ${dockerTag(u.change.to)} and the ${f.label} is running. `) +
        health.expect +
        (f.startupLog === null
          ? ''
          : ` The newest start-up line ("${f.startupLog}") names ${u.change.to}.`),
    },
    rollback: recipe.rollback(u, ctx),
    guide: 'upgrade-order',
  };
}
