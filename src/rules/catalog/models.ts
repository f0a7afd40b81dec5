// The deployment models Tyk offers, with the installations, components and sites each one has
// (docs/sources.md: upgrade guide, per-model sections). The wizard renders its choices from this.
import type { ComponentId, DeploymentModel, InstallType, ModelEntry } from '../types';
import { componentIds, componentLabel } from './components';
import { installIds } from './installs';

export const models = [
  {
    id: 'cloud',
    label: 'Tyk Cloud',
    description:
      'Tyk hosts the control plane and the Cloud data planes; you upgrade them from the Cloud console.',
    installs: [],
    requiredComponents: ['dashboard', 'gateway'],
    optionalComponents: [],
    hasDatabase: false,
    hasDataPlanes: false,
    helmChart: null,
  },
  {
    id: 'cloud-hybrid',
    label: 'Tyk Cloud Hybrid',
    description:
      'The control plane runs on Tyk Cloud; you run the data plane Gateways (and optionally Pump) yourself.',
    installs: installIds,
    requiredComponents: ['gateway'],
    optionalComponents: ['pump'],
    hasDatabase: false,
    hasDataPlanes: true,
    helmChart: 'tyk-data-plane',
  },
  {
    id: 'self-managed',
    label: 'Tyk Self-Managed',
    description: 'You run the Dashboard, the Gateways and Pump in one environment.',
    installs: installIds,
    requiredComponents: ['dashboard', 'gateway'],
    optionalComponents: ['pump'],
    hasDatabase: true,
    hasDataPlanes: false,
    helmChart: 'tyk-stack',
  },
  {
    id: 'self-managed-mdcb',
    label: 'Tyk Self-Managed with MDCB',
    description:
      'You run a control plane (Dashboard, MDCB, a management Gateway) and one or more data planes of Gateways that sync through MDCB.',
    installs: installIds,
    requiredComponents: ['mdcb', 'dashboard', 'gateway'],
    optionalComponents: ['pump'],
    hasDatabase: true,
    hasDataPlanes: true,
    helmChart: 'tyk-control-plane',
  },
  {
    id: 'oss',
    label: 'Tyk Open Source',
    description: 'The open-source Gateway on its own, optionally with Pump. No Dashboard.',
    installs: installIds,
    requiredComponents: ['gateway'],
    optionalComponents: ['pump'],
    hasDatabase: false,
    hasDataPlanes: false,
    helmChart: 'tyk-oss',
  },
] as const satisfies readonly ModelEntry[];

export const modelIds: readonly DeploymentModel[] = models.map((entry) => entry.id);

export function findModel(id: DeploymentModel): ModelEntry {
  // The union of ids is closed, so the lookup always finds an entry.
  return models.find((model) => model.id === id) as ModelEntry;
}

/** Tyk runs everything: the user manages no installation (Tyk Cloud). */
export function isRunByTyk(id: DeploymentModel): boolean {
  return findModel(id).installs.length === 0;
}

/** Components the model can have, in catalogue order. */
export function componentsOf(model: DeploymentModel): readonly ComponentId[] {
  const entry = findModel(model);
  return componentIds.filter(
    (id) => entry.requiredComponents.includes(id) || entry.optionalComponents.includes(id),
  );
}

/** The deployment runs its own Dashboard, and with it the Dashboard's database. */
export function hasDashboardDatabase(
  model: DeploymentModel,
  chosen: readonly ComponentId[],
): boolean {
  return findModel(model).hasDatabase && chosen.includes('dashboard');
}

/** Why a model / installation / component combination does not exist, or null when it does. */
export function combinationProblem(
  model: DeploymentModel,
  install: InstallType | null,
  chosen: readonly ComponentId[],
): { readonly field: 'install' | 'components'; readonly message: string } | null {
  const entry = findModel(model);
  if (entry.installs.length === 0 && install !== null) {
    return {
      field: 'install',
      message: `${entry.label} has no installation type: Tyk runs it, so "${install}" does not apply.`,
    };
  }
  if (entry.installs.length > 0 && install === null) {
    return { field: 'install', message: `Choose how ${entry.label} is installed.` };
  }
  const allowed = componentsOf(model);
  const foreign = chosen.find((id) => !allowed.includes(id));
  if (foreign !== undefined) {
    return {
      field: 'components',
      message: `${entry.label} has no ${componentLabel(foreign)}: it runs ${allowed.map(componentLabel).join(', ')}.`,
    };
  }
  const missing = entry.requiredComponents.find((id) => !chosen.includes(id));
  if (missing !== undefined) {
    return {
      field: 'components',
      message: `${entry.label} always includes the ${componentLabel(missing)}.`,
    };
  }
  return null;
}

/** Models whose Gateways are data planes of a control plane (MDCB or Tyk Cloud). */
export const dataPlaneModels: readonly DeploymentModel[] = models
  .filter((entry) => entry.hasDataPlanes)
  .map((entry) => entry.id);

/** Models where the user runs a Dashboard and its database. */
export const dashboardDatabaseModels: readonly DeploymentModel[] = models
  .filter((entry) => entry.hasDatabase)
  .map((entry) => entry.id);
