// What the plan needs to know about each Tyk component: package, service, image, Helm values
// key, config file and health check. One entry per component; installation types read the
// fields they need.
import type { ComponentId, DeploymentModel, NameId } from '../types';

export type HealthCheck = {
  /** Names that hold the host and port the check calls. */
  readonly hostName: NameId;
  readonly portName: NameId;
  readonly path: string;
  readonly expect: string;
};

export type ComponentFacts = {
  readonly id: ComponentId;
  readonly label: string;
  /** Linux package (yum and apt). */
  readonly packageName: string;
  /** Packagecloud repository; yum knows it as `tyk_<repo>`. */
  readonly repo: string;
  readonly service: string;
  /** Docker Hub image; the Gateway of licensed models is the Enterprise Edition image. */
  readonly image: string;
  readonly licensedImage: string;
  /** Top-level and component keys of the image tag in the umbrella charts' values.yaml. */
  readonly helmChartKey: string;
  readonly helmComponentKey: string;
  /** Config file name and its path inside the container (the same as on a Linux host). */
  readonly configFile: string;
  readonly containerConfig: string;
  readonly nameField: NameId;
  readonly configField: NameId;
  /** Ports a replacement container publishes besides the health check port. */
  readonly extraPorts: readonly number[];
  /** Text the component logs at start-up, with its version. */
  readonly startupLog: string | null;
};

export const componentFacts = {
  gateway: {
    id: 'gateway',
    label: 'Gateway',
    packageName: 'tyk-gateway',
    repo: 'tyk-gateway',
    service: 'tyk-gateway',
    image: 'tykio/tyk-gateway',
    licensedImage: 'tykio/tyk-gateway-ee',
    helmChartKey: 'tyk-gateway',
    helmComponentKey: 'gateway',
    configFile: 'tyk.conf',
    containerConfig: '/opt/tyk-gateway/tyk.conf',
    nameField: 'gatewayName',
    configField: 'gatewayConfig',
    extraPorts: [],
    startupLog: 'Tyk API Gateway',
  },
  dashboard: {
    id: 'dashboard',
    label: 'Dashboard',
    packageName: 'tyk-dashboard',
    repo: 'tyk-dashboard',
    service: 'tyk-dashboard',
    image: 'tykio/tyk-dashboard',
    licensedImage: 'tykio/tyk-dashboard',
    helmChartKey: 'tyk-dashboard',
    helmComponentKey: 'dashboard',
    configFile: 'tyk_analytics.conf',
    containerConfig: '/opt/tyk-dashboard/tyk_analytics.conf',
    nameField: 'dashboardName',
    configField: 'dashboardConfig',
    extraPorts: [],
    startupLog: null,
  },
  pump: {
    id: 'pump',
    label: 'Pump',
    packageName: 'tyk-pump',
    repo: 'tyk-pump',
    service: 'tyk-pump',
    image: 'tykio/tyk-pump-docker-pub',
    licensedImage: 'tykio/tyk-pump-docker-pub',
    helmChartKey: 'tyk-pump',
    helmComponentKey: 'pump',
    configFile: 'pump.conf',
    containerConfig: '/opt/tyk-pump/pump.conf',
    nameField: 'pumpName',
    configField: 'pumpConfig',
    extraPorts: [],
    startupLog: null,
  },
  mdcb: {
    id: 'mdcb',
    label: 'MDCB',
    // MDCB ships as tyk-sink from the tyk-mdcb-stable repository; its versions are 2.x.
    packageName: 'tyk-sink',
    repo: 'tyk-mdcb-stable',
    service: 'tyk-sink',
    image: 'tykio/tyk-mdcb-docker',
    licensedImage: 'tykio/tyk-mdcb-docker',
    helmChartKey: 'tyk-mdcb',
    helmComponentKey: 'mdcb',
    configFile: 'tyk_sink.conf',
    containerConfig: '/opt/tyk-sink/tyk_sink.conf',
    nameField: 'mdcbName',
    configField: 'mdcbConfig',
    // The RPC port the data planes connect to.
    extraPorts: [9091],
    startupLog: null,
  },
} as const satisfies Record<ComponentId, ComponentFacts>;

/** The image a component runs in a model: the open-source Gateway only where there is no licence. */
export function imageOf(component: ComponentId, model: DeploymentModel): string {
  const facts: ComponentFacts = componentFacts[component];
  return model === 'oss' ? facts.image : facts.licensedImage;
}
