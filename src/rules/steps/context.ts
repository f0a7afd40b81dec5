// Where the components of a plan run. A site is the whole stack (Self-Managed, open source), the
// control plane, or one data plane; steps read their names, namespace and release from it.
import { upgradeOrder } from '../catalog/upgrade-order';
import { joinPath, shellQuote as q } from '../shell';
import type {
  Architecture,
  ComponentId,
  DependencyRecipe,
  HelmChart,
  Names,
  NormalizedInput,
  PlanFacts,
  Plane,
  ResolvedChange,
  ResolvedDataPlane,
} from '../types';

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
  /** Kube context, Docker context or SSH host the site's commands run against; '' for the current one. */
  readonly context: string;
  /** The site's own Redis: on a cluster, localhost stands for the chart's service in its namespace. */
  readonly redisHost: string;
  readonly redisPort: number;
  /** Container, compose service or Kubernetes deployment of each component. */
  readonly workloads: Readonly<Record<ComponentId, string>>;
};

const defaultPlaneRedis = { host: 'localhost', port: 6379 } as const;

/** ` --context NAME` (or the flag given) where the site has a context of its own; '' otherwise. */
function contextFlag(site: Pick<Site, 'context'>, flag: string): string {
  return site.context === '' ? '' : ` ${flag} ${q(site.context)}`;
}

/** kubectl pointed at the site: its kube context, if any, and its namespace. */
export function kubectlAt(site: Pick<Site, 'context' | 'namespace'>): string {
  return `kubectl${contextFlag(site, '--context')} -n ${q(site.namespace)}`;
}

/** The flags that point a helm command at the site: its namespace and kube context. */
export function helmAt(site: Pick<Site, 'context' | 'namespace'>): string {
  return `-n ${q(site.namespace)}${contextFlag(site, '--kube-context')}`;
}

/** docker pointed at the site's Docker context, if it has one. */
export function dockerAt(site: Pick<Site, 'context'>): string {
  return `docker${contextFlag(site, '--context')}`;
}

/** A sentence for a step run on a site's own host (packages): where to run it; '' on this host. */
export function onHostSentence(site: Pick<Site, 'context' | 'where'>): string {
  return site.context === ''
    ? ''
    : ` Run these commands on ${site.context}${site.where}: ssh ${site.context}, then paste them there.`;
}

/** One component moved from one version to another at one site. */
export type ComponentUpgrade = {
  readonly component: ComponentId;
  readonly change: ResolvedChange;
  readonly site: Site;
};

export type GoPluginPath = 1 | 2 | 3;

/** How the Go plugins of this upgrade are rebuilt and switched, worked out once. */
export type GoPluginPlan = {
  readonly path: GoPluginPath;
  readonly recipe: DependencyRecipe;
  /** Gateway versions to compile for, oldest first. */
  readonly compileFor: readonly string[];
  /** The plugin files the bundle carries. */
  readonly builds: readonly string[];
  /** The build the current Gateway loads, taken from the bundle in use; null when every build is compiled. */
  readonly currentBuild: string | null;
  readonly bundleName: string;
  /** Switch the APIs to the new bundle before the first Gateway upgrade (and check it on the current one) or right after it. */
  readonly switchBundle: 'before-gateway' | 'after-gateway';
  /** Why the switch comes where it does, in a sentence. */
  readonly switchReason: string;
  /** The compiler image repository: FIPS Gateways need the FIPS compiler. */
  readonly compiler: string;
  /** The Gateway hosts' architecture, which the builds are compiled for. */
  readonly architecture: Architecture;
};

/** A site with the components it runs, in the upgrade order of its kind of site. */
export type SiteComponents = {
  readonly site: Site;
  /** Components in use at the site, in upgrade order. */
  readonly inUse: readonly ComponentId[];
  /** Those of them that move to a new version. */
  readonly upgraded: readonly ComponentId[];
};

/** Everything a step builder reads, worked out once from the checked input. */
export type PlanContext = {
  readonly input: NormalizedInput;
  /** What `validate` worked out: the model and installation entries, each component's change. */
  readonly facts: PlanFacts;
  readonly names: Names;
  /** How the Go plugins are rebuilt; null when no plugins are used. */
  readonly goPlugins: GoPluginPlan | null;
  /** The control plane or the whole stack; null where Tyk runs it. */
  readonly main: SiteComponents | null;
  /** Each self-managed data plane, in the order the user named them. */
  readonly dataPlanes: readonly SiteComponents[];
  /** The main site, then the data planes. */
  readonly sites: readonly SiteComponents[];
};

function siteComponents(
  facts: PlanFacts,
  site: Site,
  order: readonly ComponentId[],
): SiteComponents {
  const inUse = order.filter((component) => facts.changes[component] !== null);
  return {
    site,
    inUse,
    upgraded: inUse.filter((component) => facts.upgraded.includes(component)),
  };
}

/** The context of one plan: its sites in Tyk's order, and the Go plugin plan. */
export function planContext(
  input: NormalizedInput,
  facts: PlanFacts,
  goPlugins: GoPluginPlan | null,
): PlanContext {
  const order = upgradeOrder[input.model];
  const mainEntry = mainSite(input, facts);
  const main = mainEntry === null ? null : siteComponents(facts, mainEntry, order.main);
  const dataPlanes = dataPlaneSites(input, facts).map((site) =>
    siteComponents(facts, site, order.dataPlane),
  );
  return {
    input,
    facts,
    names: input.names,
    goPlugins,
    main,
    dataPlanes,
    sites: [...(main === null ? [] : [main]), ...dataPlanes],
  };
}

function namedWorkloads(names: Names): Readonly<Record<ComponentId, string>> {
  return {
    gateway: names.gatewayName,
    dashboard: names.dashboardName,
    pump: names.pumpName,
    mdcb: names.mdcbName,
  };
}

/** The control plane, or the whole stack where there are no planes. Null where Tyk runs it (Cloud). */
function mainSite(input: NormalizedInput, facts: PlanFacts): Site | null {
  const model = facts.model;
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
    context: '',
    redisHost: names.redisHost,
    redisPort: names.redisPort,
    workloads: namedWorkloads(names),
  };
}

/** Each self-managed data plane. Its own namespace, release, values file and backup folder. */
function dataPlaneSites(input: NormalizedInput, facts: PlanFacts): readonly Site[] {
  if (input.install === null || !facts.model.hasDataPlanes) return [];
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
    context: plane.context,
    // The user's names describe a Hybrid deployment's only data plane, its Redis among them.
    ...(isNamedStack &&
    plane.redisHost === defaultPlaneRedis.host &&
    plane.redisPort === defaultPlaneRedis.port
      ? { redisHost: names.redisHost, redisPort: names.redisPort }
      : { redisHost: plane.redisHost, redisPort: plane.redisPort }),
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
