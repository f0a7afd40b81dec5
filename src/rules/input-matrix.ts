// Every deployment the wizard plans for: each model × installation × component set × strategy ×
// Go-plugin answer × a spread of version pairs from the release catalogue. Tests and the benchmark
// build a plan for each of them.
import { componentsOf, findModel, models } from './catalog/models';
import { strategies } from './catalog/strategies';
import type {
  ComponentId,
  DataPlaneInput,
  DeploymentModel,
  InstallType,
  Names,
  PlanInput,
  VersionChange,
} from './types';

type CompanionCase = 'listed' | 'typed' | 'unchanged';

/**
 * Gateway pairs chosen to cross the boundaries the plan depends on: the three Go plugin paths and
 * their dependency recipes (4.1.0, 4.2.0, 5.1.0), the loader that tries the versioned build first
 * (4.3.2), the OAS migration (5.3.0), distroless images (5.5.0), the log format change (5.13.1), a
 * plain patch upgrade, a minor line and `latest` as typed, and a Gateway that stays where it is
 * while its companions move. Each pair says how the Pump and MDCB versions are given: left to the
 * release notes' list (only where the target has one, from 5.3.0), typed, or unchanged.
 */
export const gatewayPairs = [
  ['3.2.0', '4.0.0', 'typed'],
  ['4.0.0', '4.2.0', 'typed'],
  ['4.0.0', '5.0.15', 'unchanged'],
  ['4.0.0', '5.3.0', 'listed'],
  ['4.1.0', '4.2.0', 'typed'],
  ['4.3.0', '5.0.15', 'unchanged'],
  ['5.0.0', '5.1.0', 'typed'],
  ['5.2.5', '5.3.0', 'typed'],
  ['5.3.0', '5.8.15', 'unchanged'],
  ['5.8.0', '5.14.0', 'listed'],
  ['5.13.0', '5.13.1', 'typed'],
  ['4.0.0', '4.3.1', 'typed'],
  ['4.0.0', '4.3.2', 'typed'],
  ['5.3', 'latest', 'listed'],
  ['5.3.0', '5.3.0', 'typed'],
] as const satisfies readonly (readonly [string, string, CompanionCase])[];

type Companions = { readonly pump: VersionChange; readonly mdcb: VersionChange };

/** Pump and MDCB changes: the listed target, an explicit one (across MDCB's new probes), and none. */
const companionCases: Readonly<Record<CompanionCase, Companions>> = {
  listed: { pump: { from: '1.8.0' }, mdcb: { from: '2.4.0' } },
  typed: { pump: { from: '1.9.0', to: '1.16.0' }, mdcb: { from: '2.6.0', to: '2.12.0' } },
  unchanged: { pump: { from: '1.16.0', to: '1.16.0' }, mdcb: { from: '2.12.0', to: '2.12.0' } },
};

/** Names of the user's own, with spaces in every path: each command must quote them. */
export const customNames: Partial<Names> = {
  namespace: 'api-gw',
  helmRelease: 'edge',
  valuesFile: 'deploy/tyk/values prod.yaml',
  composeDir: '/srv/tyk stack',
  gatewayName: 'gw',
  dashboardName: 'dash',
  pumpName: 'analytics-pump',
  mdcbName: 'sink',
  gatewayHost: 'gw.internal',
  gatewayPort: 8443,
  backupDir: '/data/backups/tyk 2026',
  pluginSourceDir: '/home/ci/go plugins/auth',
  pluginName: 'AuthPlugin',
  databaseName: 'tyk',
};

/** Two data planes: one in the current context with its Redis on another port, one in a context of its own. */
const twoDataPlanes: readonly DataPlaneInput[] = [
  { name: 'eu-west', gatewayHost: 'gw.eu.internal', redisPort: 6380 },
  { name: 'us-east', namespace: 'tyk-us', release: 'dp-us', context: 'us-prod' },
];

function componentSets(model: DeploymentModel): readonly (readonly ComponentId[])[] {
  const entry = findModel(model);
  const required = componentsOf(model).filter((id) => entry.requiredComponents.includes(id));
  const all = componentsOf(model);
  return all.length === required.length ? [required] : [required, all];
}

function installsOf(model: DeploymentModel): readonly (InstallType | undefined)[] {
  const entry = findModel(model);
  return entry.installs.length === 0 ? [undefined] : entry.installs;
}

export function inputMatrix(): readonly PlanInput[] {
  const inputs: PlanInput[] = [];
  for (const model of models) {
    for (const install of installsOf(model.id)) {
      for (const components of componentSets(model.id)) {
        for (const strategy of strategies) {
          for (const usesGoPlugins of [false, true]) {
            gatewayPairs.forEach(([from, to, companionCase], index) => {
              // A Gateway that stays needs a companion that moves; without one there is no plan.
              const hasCompanion = components.includes('pump') || components.includes('mdcb');
              if (from === to && !hasCompanion) return;
              const companions = companionCases[companionCase];
              const isVariant = index % 2 === 1;
              inputs.push({
                model: model.id,
                ...(install === undefined ? {} : { install }),
                components,
                usesGoPlugins,
                ...(model.hasDatabase ? { database: isVariant ? 'postgres' : 'mongodb' } : {}),
                ...(model.hasDataPlanes
                  ? { dataPlanes: isVariant ? twoDataPlanes : [{ name: 'edge-1' }] }
                  : {}),
                gateway: { from, to },
                ...(components.includes('pump') ? { pump: companions.pump } : {}),
                ...(components.includes('mdcb') ? { mdcb: companions.mdcb } : {}),
                strategy: strategy.id,
                ...(strategy.id === 'downtime' ? { downtimeMinutes: 30 + index * 15 } : {}),
                ...(isVariant ? { names: customNames } : {}),
              });
            });
          }
        }
      }
    }
  }
  return inputs;
}

/** A short description of an input for messages and the benchmark. */
export function describeInput(input: PlanInput): string {
  return [
    input.model,
    input.install ?? 'console',
    input.components.join('+'),
    input.strategy,
    input.usesGoPlugins ? 'go-plugins' : 'no-plugins',
    `gateway ${input.gateway.from}->${input.gateway.to ?? 'default'}`,
    ...(input.pump === undefined ? [] : [`pump ${input.pump.from}->${input.pump.to ?? 'default'}`]),
    ...(input.mdcb === undefined ? [] : [`mdcb ${input.mdcb.from}->${input.mdcb.to ?? 'default'}`]),
    `${input.dataPlanes?.length ?? 0} data planes`,
  ].join(', ');
}
