// What exists: deployment models, installation types, components and strategies, with the
// combinations Tyk actually offers. The wizard renders its choices from this data.
import type { ComponentId, DeploymentModel, InstallType, Strategy } from './types';

export type ModelEntry = {
  readonly id: DeploymentModel;
  readonly label: string;
  readonly description: string;
  /** Installation types the user manages; empty for Tyk Cloud SaaS (Tyk runs everything). */
  readonly installs: readonly InstallType[];
  readonly requiredComponents: readonly ComponentId[];
  readonly optionalComponents: readonly ComponentId[];
  /** The user runs a Dashboard and therefore its MongoDB or PostgreSQL. */
  readonly hasDatabase: boolean;
  /** The user names one or more data planes. */
  readonly hasDataPlanes: boolean;
  /** The Helm chart of the control plane or the whole stack, where Helm applies. */
  readonly helmChart: HelmChart | null;
};

export type HelmChart = 'tyk-oss' | 'tyk-stack' | 'tyk-control-plane' | 'tyk-data-plane';

export type InstallEntry = {
  readonly id: InstallType;
  readonly label: string;
  readonly description: string;
};

export type ComponentEntry = {
  readonly id: ComponentId;
  readonly label: string;
  readonly description: string;
  /** Gateway and Dashboard share one version line; Pump and MDCB have their own numbering. */
  readonly versionLine: 'gateway' | 'pump' | 'mdcb';
};

export type StrategyEntry = {
  readonly id: Strategy;
  readonly label: string;
  readonly description: string;
  readonly needs: string;
  readonly risks: string;
};

const allInstalls: readonly InstallType[] = [
  'docker',
  'docker-compose',
  'kubernetes',
  'helm',
  'rpm',
  'deb',
];

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
    installs: allInstalls,
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
    installs: allInstalls,
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
    installs: allInstalls,
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
    installs: allInstalls,
    requiredComponents: ['gateway'],
    optionalComponents: ['pump'],
    hasDatabase: false,
    hasDataPlanes: false,
    helmChart: 'tyk-oss',
  },
] as const satisfies readonly ModelEntry[];

export const installs = [
  { id: 'docker', label: 'Docker', description: 'Containers started with docker run.' },
  {
    id: 'docker-compose',
    label: 'Docker Compose',
    description: 'A compose file that pins the image tags.',
  },
  {
    id: 'kubernetes',
    label: 'Kubernetes manifests',
    description: 'Deployments you apply with kubectl.',
  },
  {
    id: 'helm',
    label: 'Helm',
    description: "Tyk's Helm charts: tyk-oss, tyk-stack, tyk-control-plane or tyk-data-plane.",
  },
  {
    id: 'rpm',
    label: 'RHEL / CentOS packages',
    description: 'RPM packages from Tyk’s packagecloud repositories, managed with yum.',
  },
  {
    id: 'deb',
    label: 'Debian / Ubuntu packages',
    description: 'DEB packages from Tyk’s packagecloud repositories, managed with apt.',
  },
] as const satisfies readonly InstallEntry[];

export const components = [
  { id: 'gateway', label: 'Gateway', description: 'Proxies API traffic.', versionLine: 'gateway' },
  {
    id: 'dashboard',
    label: 'Dashboard',
    description: 'Manages APIs, policies and users; keeps them in MongoDB or PostgreSQL.',
    versionLine: 'gateway',
  },
  {
    id: 'pump',
    label: 'Pump',
    description: 'Moves analytics out of Redis into your data stores.',
    versionLine: 'pump',
  },
  {
    id: 'mdcb',
    label: 'MDCB',
    description: 'Multi Data Centre Bridge: syncs data-plane Gateways with the control plane.',
    versionLine: 'mdcb',
  },
] as const satisfies readonly ComponentEntry[];

export const strategies = [
  {
    id: 'rolling',
    label: 'Rolling',
    description:
      'Upgrade one instance at a time while the load balancer sends traffic to the others.',
    needs:
      'At least two instances of each component behind a load balancer, and the same Dashboard licence on every Dashboard.',
    risks:
      'Old and new versions serve side by side for a while; a bad release reaches some users before you stop it.',
  },
  {
    id: 'blue-green',
    label: 'Blue-green',
    description:
      'Build a copy of the environment, upgrade and verify the idle copy, then switch traffic to it.',
    needs: 'Capacity for a second full environment and a load balancer or DNS switch.',
    risks:
      'Data written to the live side during the upgrade must reach the new side; the switch itself must be rehearsed.',
  },
  {
    id: 'downtime',
    label: 'Downtime window',
    description: 'Announce a window, stop traffic, upgrade in place, verify, and reopen.',
    needs: 'An agreed window long enough for the upgrade, the checks and a rollback.',
    risks: 'APIs are unavailable for the whole window; overrunning it affects users directly.',
  },
] as const satisfies readonly StrategyEntry[];

export function findModel(id: DeploymentModel): ModelEntry {
  // The union of ids is closed, so the lookup always finds an entry.
  return models.find((model) => model.id === id) as ModelEntry;
}

/** Components the model can have, in catalogue order. */
export function componentsOf(model: DeploymentModel): readonly ComponentId[] {
  const entry = findModel(model);
  return components
    .map((c) => c.id)
    .filter((id) => entry.requiredComponents.includes(id) || entry.optionalComponents.includes(id));
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
      message: `${entry.label} has no ${labelOf(foreign)}: it runs ${allowed.map(labelOf).join(', ')}.`,
    };
  }
  const missing = entry.requiredComponents.find((id) => !chosen.includes(id));
  if (missing !== undefined) {
    return {
      field: 'components',
      message: `${entry.label} always includes the ${labelOf(missing)}.`,
    };
  }
  return null;
}

function labelOf(id: ComponentId): string {
  return components.find((c) => c.id === id)?.label ?? id;
}
