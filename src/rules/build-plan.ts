// Turns the answers into the upgrade plan: validate, choose the sites and the components that move,
// then lay out the phases in Tyk's order. Pure and deterministic; the same answers give an equal plan.
import { advisoriesFor } from './advisories';
import { componentLabel, imageRepository, isFipsImage } from './catalog/components';
import { backupSteps } from './steps/backups';
import { afterSteps, rollbackSteps, verifySteps } from './steps/closing';
import { cloudControlPlaneStep, cloudDataPlaneStep } from './steps/cloud';
import { componentUpgradeStep } from './steps/component-upgrade';
import { planContext, type PlanContext, type SiteComponents } from './steps/context';
import {
  goPluginBuildSteps,
  goPluginPlan,
  pluginCheckStep,
  rebuildsGoPlugins,
  switchBundleStep,
} from './steps/go-plugins';
import { healthCheck } from './steps/health';
import { httpCalls } from './steps/installs';
import { prepareSteps } from './steps/prepare';
import { introduceVariables } from './steps/variables';
import { requiredStops } from './stops';
import { installLabel } from './summary';
import type {
  ComponentId,
  ComponentVersionSummary,
  NormalizedInput,
  Phase,
  PlanFacts,
  PlanResult,
  Step,
} from './types';
import { validate } from './validate';

/**
 * What a site does about the Go plugins: the one switch of the APIs to the new bundle (at the
 * first site whose Gateway moves), a check that its Gateways load it (every later site), or
 * nothing.
 */
type PluginRole = 'switch' | 'check' | 'none';

function pluginRoles(ctx: PlanContext): ReadonlyMap<SiteComponents, PluginRole> {
  const roles = new Map<SiteComponents, PluginRole>();
  let hasSwitch = false;
  for (const sc of ctx.sites) {
    const movesGateway = ctx.goPlugins !== null && sc.upgraded.includes('gateway');
    roles.set(sc, !movesGateway ? 'none' : hasSwitch ? 'check' : 'switch');
    if (movesGateway) hasSwitch = true;
  }
  return roles;
}

/**
 * The upgrade steps of one site in order, with the Go plugin step placed around the Gateway:
 * before the site's first change (a data plane) or just before the Gateway when the new bundle
 * also serves the current Gateway, right after the Gateway otherwise.
 */
function siteUpgradeSteps(ctx: PlanContext, sc: SiteComponents, role: PluginRole): readonly Step[] {
  const install = ctx.input.install;
  if (install === null) return [];
  const steps = sc.upgraded.flatMap((component) => {
    const change = ctx.facts.changes[component];
    return change === null
      ? []
      : [componentUpgradeStep(ctx, install, { component, change, site: sc.site })];
  });
  const plan = ctx.goPlugins;
  const gatewayAt = steps.findIndex((step) => step.component === 'gateway');
  if (role === 'none' || plan === null || gatewayAt === -1) return steps;
  const pluginStep =
    role === 'switch'
      ? switchBundleStep(ctx, plan, sc.site, sc.site.idPrefix)
      : pluginCheckStep(ctx, plan, sc.site);
  if (plan.switchBundle === 'after-gateway')
    return [...steps.slice(0, gatewayAt + 1), pluginStep, ...steps.slice(gatewayAt + 1)];
  const at = sc.site.plane === 'data' ? 0 : gatewayAt;
  return [...steps.slice(0, at), pluginStep, ...steps.slice(at)];
}

function cloudDataPlaneSteps(ctx: PlanContext): readonly Step[] {
  const upgrade = cloudDataPlaneStep(ctx.input);
  if (ctx.goPlugins === null) return [upgrade];
  const switchStep = switchBundleStep(ctx, ctx.goPlugins, null, 'cloud-');
  return ctx.goPlugins.switchBundle === 'before-gateway'
    ? [switchStep, upgrade]
    : [upgrade, switchStep];
}

function mainPhase(ctx: PlanContext): Phase {
  const { input, main } = ctx;
  switch (input.model) {
    case 'cloud':
      return {
        id: 'control-plane',
        kind: 'control-plane',
        title: 'Upgrade the control plane in the Tyk Cloud console',
        detail: 'Tyk runs the control plane; you choose the new version and redeploy it.',
        steps: [cloudControlPlaneStep(input, [])],
      };
    case 'cloud-hybrid': {
      const install = input.install;
      const checks =
        install === null
          ? []
          : ctx.dataPlanes.flatMap(({ site }) =>
              httpCalls(
                install,
                site,
                'gateway',
                healthCheck('gateway', input.gateway.from, ctx.names, site.gatewayHost).calls,
              ).map((command) => ({
                ...command,
                label: `Data plane ${site.planeName ?? ''}`,
              })),
            );
      return {
        id: 'control-plane',
        kind: 'control-plane',
        title: 'Upgrade the control plane on Tyk Cloud',
        detail: 'Tyk hosts the control plane; upgrade it first, then your data planes.',
        steps: [cloudControlPlaneStep(input, checks)],
      };
    }
    case 'self-managed-mdcb':
      return {
        id: 'control-plane',
        kind: 'control-plane',
        title: 'Upgrade the control plane',
        detail:
          (main === null
            ? ''
            : `${orderText(ctx, main, 'none').slice(0, -1)}, before any data plane.`) +
          unchangedNote(ctx, main),
        steps: main === null ? [] : siteUpgradeSteps(ctx, main, roleOf(ctx, main)),
      };
    case 'self-managed':
    case 'oss':
      return {
        id: 'upgrade',
        kind: 'control-plane',
        title: 'Upgrade the components',
        detail: (main === null ? '' : orderText(ctx, main, 'none')) + unchangedNote(ctx, main),
        steps: main === null ? [] : siteUpgradeSteps(ctx, main, roleOf(ctx, main)),
      };
  }
}

function unchangedNote(ctx: PlanContext, sc: SiteComponents | null): string {
  const unchanged = (sc?.inUse ?? []).filter((component) => !sc?.upgraded.includes(component));
  return unchanged
    .map(
      (component) =>
        ` ${componentLabel(component)} stays on ${ctx.facts.changes[component]?.from ?? ''}.`,
    )
    .join('');
}

function roleOf(ctx: PlanContext, sc: SiteComponents): PluginRole {
  return pluginRoles(ctx).get(sc) ?? 'none';
}

/** How a site's component is named in the sentence that gives the order of its upgrades. */
function orderLabel(sc: SiteComponents, component: ComponentId): string {
  if (component !== 'gateway') return componentLabel(component);
  if (sc.site.plane === 'control') return 'the management Gateway';
  return sc.site.plane === 'data' ? 'the Gateways' : 'the Gateway';
}

/**
 * The order of a site's upgrades in a sentence, from the components that move there (and the Go
 * plugin step where a data plane has one): "Dashboard, the Gateway, then Pump."
 */
function orderText(ctx: PlanContext, sc: SiteComponents, role: PluginRole): string {
  const items = sc.upgraded.map((component) => orderLabel(sc, component));
  if (ctx.goPlugins !== null && role !== 'none' && sc.upgraded.includes('gateway')) {
    const plugin = role === 'switch' ? 'the Go plugin bundle switch' : 'the Go plugin check';
    const gatewayAt = sc.upgraded.indexOf('gateway');
    const at = ctx.goPlugins.switchBundle === 'after-gateway' ? gatewayAt + 1 : 0;
    items.splice(at, 0, plugin);
  }
  if (items.length === 0) return 'Nothing moves here.';
  const last =
    items.length === 1
      ? `${items[0] ?? ''}`
      : `${items.slice(0, -1).join(', ')}, then ${items.at(-1) ?? ''}`;
  return `${last.charAt(0).toUpperCase()}${last.slice(1)}.`;
}

function dataPlanePhases(ctx: PlanContext): readonly Phase[] {
  const { input } = ctx;
  if (input.model === 'cloud') {
    return [
      {
        id: 'data-plane-cloud',
        kind: 'data-plane',
        title: 'Upgrade the Cloud data planes',
        detail: 'After the control plane, in the Tyk Cloud console.',
        steps: cloudDataPlaneSteps(ctx),
      },
    ];
  }
  return ctx.dataPlanes.map((sc) => ({
    id: `data-plane-${sc.site.planeName ?? ''}`,
    kind: 'data-plane',
    title: `Upgrade data plane ${sc.site.planeName ?? ''}`,
    detail: orderText(ctx, sc, roleOf(ctx, sc)) + unchangedNote(ctx, sc),
    steps: siteUpgradeSteps(ctx, sc, roleOf(ctx, sc)),
  }));
}

function versionSummary(
  input: NormalizedInput,
  facts: PlanFacts,
): readonly ComponentVersionSummary[] {
  return input.components.flatMap((component) => {
    const change = facts.changes[component];
    return change === null ? [] : [{ component, from: change.from, to: change.to }];
  });
}

function planTitle(input: NormalizedInput, facts: PlanFacts): string {
  const install = input.install === null ? '' : ` on ${installLabel(input)}`;
  if (input.gateway.from !== input.gateway.to)
    return `${facts.model.label}${install}: Gateway ${input.gateway.from} to ${input.gateway.to}`;
  // A companion-only plan is named after what moves.
  const moves = facts.upgraded.map(
    (component) =>
      `${componentLabel(component)} ${facts.changes[component]?.from ?? ''} to ${facts.changes[component]?.to ?? ''}`,
  );
  return `${facts.model.label}${install}: ${moves.join(', ')} (Gateway stays on ${input.gateway.from})`;
}

function upgradePhases(ctx: PlanContext): readonly Phase[] {
  const { input } = ctx;
  const changePhases = [mainPhase(ctx), ...dataPlanePhases(ctx)];
  const upgradeTitles = changePhases.flatMap((phase) =>
    phase.steps
      .filter((step) => step.kind === 'upgrade' || step.kind === 'configure')
      .map((step) => step.title),
  );

  const phases: Phase[] = [
    {
      id: 'prepare',
      kind: 'prepare',
      title: 'Prepare',
      detail: 'Checks and decisions before anything changes.',
      steps: prepareSteps(ctx),
    },
    {
      id: 'backup',
      kind: 'backup',
      title: 'Back up',
      detail: 'Take and check every backup before the first change.',
      steps: backupSteps(ctx),
    },
    ...(ctx.goPlugins !== null
      ? [
          {
            id: 'go-plugins',
            kind: 'go-plugins' as const,
            title: 'Rebuild the Go plugins',
            detail: `Recompile for Gateway ${input.gateway.to} and bundle the builds; nothing running changes until the APIs switch bundles.`,
            steps: goPluginBuildSteps(ctx, ctx.goPlugins),
          },
        ]
      : []),
    ...changePhases,
    {
      id: 'verify',
      kind: 'verify',
      title: 'Verify',
      detail: 'Check the whole deployment once every component is upgraded.',
      steps: verifySteps(ctx),
    },
    {
      id: 'rollback',
      kind: 'rollback',
      title: 'If you need to roll back',
      detail: 'The way back, in order, and what only the backups can undo.',
      steps: rollbackSteps(ctx, upgradeTitles),
    },
    {
      id: 'after',
      kind: 'after',
      title: 'After the upgrade',
      detail: 'Clean up, record the new versions and close the change.',
      steps: afterSteps(ctx),
    },
  ];
  return introduceVariables(phases);
}

/** The title `buildPlan` would give these answers, without laying out the steps; null when they are not valid. */
export function planTitleOf(raw: unknown): string | null {
  const result = validate(raw);
  return result.ok ? planTitle(result.input, result.facts) : null;
}

/** Validate, work out the sites, then lay out the phases. Never throws. */
export function buildPlan(raw: unknown): PlanResult {
  const result = validate(raw);
  if (!result.ok) return { ok: false, errors: result.errors, warnings: result.warnings };
  const { input, facts } = result;
  const goPlugins = rebuildsGoPlugins(input)
    ? goPluginPlan(input.gateway.from, input.gateway.to, {
        pluginName: input.names.pluginName,
        architecture: input.architecture,
        isFips: isFipsImage(imageRepository(input, 'gateway')),
      })
    : null;
  const ctx = planContext(input, facts, goPlugins);
  return {
    ok: true,
    plan: {
      input,
      title: planTitle(input, facts),
      versions: versionSummary(input, facts),
      stops: requiredStops(input, goPlugins),
      advisories: advisoriesFor(input),
      phases: upgradePhases(ctx),
      warnings: result.warnings,
    },
  };
}
