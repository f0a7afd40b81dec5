// Where the components of a plan run. A site is the whole stack (Self-Managed, open source), the
// control plane, or one data plane; steps read their names, namespace and release from it.
import { findModel, type HelmChart } from '../catalog';
import { joinPath } from '../shell';
import type {
  ComponentId,
  Names,
  NormalizedInput,
  Plane,
  ResolvedChange,
  ResolvedDataPlane,
} from '../types';
import type { GoPluginPlan } from './go-plugins';

export type Site = {
  readonly plane: Plane | null;
  /** The data plane's name; null for the control plane or the whole stack. */
  readonly planeName: string | null;
  /** `''`, or `<plane>-` in front of every step id of a data plane. */
  readonly idPrefix: string;
  /** How a sentence names the site: ' on data plane eu-west', or ''. */
  readonly where: string;
  readonly namespace: string;
  readonly release: string;
  readonly valuesFile: string;
  readonly chart: HelmChart | null;
  readonly gatewayHost: string;
  readonly backupDir: string;
  /** Container, compose service or Kubernetes deployment of each component. */
  readonly workloads: Readonly<Record<ComponentId, string>>;
};

/** One component moved from one version to another at one site. */
export type ComponentUpgrade = {
  readonly component: ComponentId;
  readonly change: ResolvedChange;
  readonly site: Site;
};

export type PlanContext = {
  readonly input: NormalizedInput;
  readonly names: Names;
  /** How the Go plugins are rebuilt, worked out once; null when no plugins are used. */
  readonly goPlugins: GoPluginPlan | null;
};

function namedWorkloads(names: Names): Readonly<Record<ComponentId, string>> {
  return {
    gateway: names.gatewayName,
    dashboard: names.dashboardName,
    pump: names.pumpName,
    mdcb: names.mdcbName,
  };
}

/** The control plane, or the whole stack where there are no planes. Null where Tyk runs it (Cloud). */
export function mainSite(input: NormalizedInput): Site | null {
  const model = findModel(input.model);
  if (input.install === null || input.model === 'cloud-hybrid') return null;
  const names = input.names;
  return {
    plane: model.hasDataPlanes ? 'control' : null,
    planeName: null,
    idPrefix: '',
    where: model.hasDataPlanes ? ' on the control plane' : '',
    namespace: names.namespace,
    release: names.helmRelease,
    valuesFile: names.valuesFile,
    chart: model.helmChart,
    gatewayHost: names.gatewayHost,
    backupDir: names.backupDir,
    workloads: namedWorkloads(names),
  };
}

/** Each self-managed data plane. Its own namespace, release, values file and backup folder. */
export function dataPlaneSites(input: NormalizedInput): readonly Site[] {
  if (input.install === null || !findModel(input.model).hasDataPlanes) return [];
  const names = input.names;
  // A Hybrid deployment with one data plane is the stack the user's names describe.
  const isNamedStack = input.model === 'cloud-hybrid' && input.dataPlanes.length === 1;
  return input.dataPlanes.map((plane) =>
    dataPlaneSite(plane, names, isNamedStack, input.install === 'helm'),
  );
}

function dataPlaneSite(
  plane: ResolvedDataPlane,
  names: Names,
  isNamedStack: boolean,
  isHelm: boolean,
): Site {
  const valuesFolder = names.valuesFile.includes('/')
    ? names.valuesFile.slice(0, names.valuesFile.lastIndexOf('/'))
    : '';
  // The charts name each workload `<component>-<release>-tyk-<component>`.
  const chartWorkload = (component: ComponentId): string =>
    `${component}-${plane.release}-tyk-${component}`;
  return {
    plane: 'data',
    planeName: plane.name,
    idPrefix: `${plane.name}-`,
    where: ` on data plane ${plane.name}`,
    namespace: plane.namespace,
    release: plane.release,
    valuesFile: isNamedStack
      ? names.valuesFile
      : joinPath(valuesFolder, `values-${plane.release}.yaml`),
    chart: 'tyk-data-plane',
    gatewayHost: plane.gatewayHost,
    backupDir: joinPath(names.backupDir, plane.name),
    workloads:
      isHelm && !isNamedStack
        ? {
            gateway: chartWorkload('gateway'),
            dashboard: chartWorkload('dashboard'),
            pump: chartWorkload('pump'),
            mdcb: chartWorkload('mdcb'),
          }
        : namedWorkloads(names),
  };
}

/** The plane of a site, for the steps that belong to one. */
export function planeOf(site: Site): { readonly plane?: Plane } {
  return site.plane === null ? {} : { plane: site.plane };
}

/** The version change of a component, or null when it is not in use. */
export function changeOf(input: NormalizedInput, component: ComponentId): ResolvedChange | null {
  if (!input.components.includes(component)) return null;
  if (component === 'pump') return input.pump;
  if (component === 'mdcb') return input.mdcb;
  return input.gateway;
}

/** True when the component moves to a new version. */
export function isUpgraded(change: ResolvedChange | null): change is ResolvedChange {
  return change !== null && change.from !== change.to;
}
