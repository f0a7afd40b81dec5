// The Tyk components: what each one is, and everything the plan needs to know to move it — its
// Linux package, service, image, Helm values keys, config file, health-check names and start-up
// log line (docs/sources.md: upgrade guide, install pages, tyk-charts). Labels live here only.
import type { ComponentEntry, ComponentId } from '../types';

export const components = [
  {
    id: 'gateway',
    label: 'Gateway',
    description: 'Proxies API traffic.',
    versionLine: 'gateway',
    packageName: 'tyk-gateway',
    repo: 'tyk-gateway',
    service: 'tyk-gateway',
    // Docker Hub; Tyk's own registry, the Enterprise Edition and the FIPS build (install pages,
    // release notes "Downloads").
    image: 'tykio/tyk-gateway',
    imageChoices: [
      'tykio/tyk-gateway',
      'docker.tyk.io/tyk-gateway/tyk-gateway',
      'tykio/tyk-gateway-ee',
      'tykio/tyk-gateway-fips',
    ],
    helmChartKey: 'tyk-gateway',
    helmComponentKey: 'gateway',
    configFile: 'tyk.conf',
    containerConfig: '/opt/tyk-gateway/tyk.conf',
    nameField: 'gatewayName',
    configField: 'gatewayConfig',
    tagVariableField: 'gatewayTagVariable',
    hostField: 'gatewayHost',
    portField: 'gatewayPort',
    extraPorts: [],
    startupLog: 'Tyk API Gateway',
  },
  {
    id: 'dashboard',
    label: 'Dashboard',
    description: 'Manages APIs, policies and users; keeps them in MongoDB or PostgreSQL.',
    versionLine: 'gateway',
    packageName: 'tyk-dashboard',
    repo: 'tyk-dashboard',
    service: 'tyk-dashboard',
    image: 'tykio/tyk-dashboard',
    imageChoices: ['tykio/tyk-dashboard'],
    helmChartKey: 'tyk-dashboard',
    helmComponentKey: 'dashboard',
    configFile: 'tyk_analytics.conf',
    containerConfig: '/opt/tyk-dashboard/tyk_analytics.conf',
    nameField: 'dashboardName',
    configField: 'dashboardConfig',
    tagVariableField: 'dashboardTagVariable',
    hostField: 'dashboardHost',
    portField: 'dashboardPort',
    extraPorts: [],
    startupLog: null,
  },
  {
    id: 'pump',
    label: 'Pump',
    description: 'Moves analytics out of Redis into your data stores.',
    versionLine: 'pump',
    packageName: 'tyk-pump',
    repo: 'tyk-pump',
    service: 'tyk-pump',
    image: 'tykio/tyk-pump-docker-pub',
    imageChoices: ['tykio/tyk-pump-docker-pub', 'docker.tyk.io/tyk-pump/tyk-pump'],
    helmChartKey: 'tyk-pump',
    helmComponentKey: 'pump',
    configFile: 'pump.conf',
    containerConfig: '/opt/tyk-pump/pump.conf',
    nameField: 'pumpName',
    configField: 'pumpConfig',
    tagVariableField: 'pumpTagVariable',
    hostField: 'pumpHost',
    portField: 'pumpHealthPort',
    extraPorts: [],
    startupLog: null,
  },
  {
    id: 'mdcb',
    label: 'MDCB',
    description: 'Multi Data Centre Bridge: syncs data-plane Gateways with the control plane.',
    versionLine: 'mdcb',
    // MDCB ships as tyk-sink from the tyk-mdcb-stable repository; its versions are 2.x.
    packageName: 'tyk-sink',
    repo: 'tyk-mdcb-stable',
    service: 'tyk-sink',
    image: 'tykio/tyk-mdcb-docker',
    imageChoices: ['tykio/tyk-mdcb-docker'],
    helmChartKey: 'tyk-mdcb',
    helmComponentKey: 'mdcb',
    configFile: 'tyk_sink.conf',
    containerConfig: '/opt/tyk-sink/tyk_sink.conf',
    nameField: 'mdcbName',
    configField: 'mdcbConfig',
    tagVariableField: 'mdcbTagVariable',
    hostField: 'mdcbHost',
    portField: 'mdcbHttpPort',
    // The RPC port the data planes connect to.
    extraPorts: [9091],
    startupLog: null,
  },
] as const satisfies readonly ComponentEntry[];

export const componentIds: readonly ComponentId[] = components.map((entry) => entry.id);

export function findComponent(id: ComponentId): ComponentEntry {
  return components.find((entry) => entry.id === id) as ComponentEntry;
}

export function componentLabel(id: ComponentId): string {
  return findComponent(id).label;
}

/** The repository a component's image comes from: the one the user runs, or Tyk's default. */
export function imageRepository(
  input: { readonly images: Readonly<Record<ComponentId, string | null>> },
  component: ComponentId,
): string {
  return input.images[component] ?? findComponent(component).image;
}

/** A FIPS Gateway image (tykio/tyk-gateway-fips or a mirror of it): its plugins need the FIPS compiler. */
export function isFipsImage(repository: string): boolean {
  return /-fips$/.test(repository);
}
