// The user's own names: what each one is, when it matters, Tyk's default, and how it is checked
// before it may appear in a command.
import { shownValue } from './message-text';
import { findModel } from './catalog';
import type {
  ComponentId,
  DeploymentModel,
  InstallType,
  NameField,
  NameKind,
  Names,
  NormalizedInput,
} from './types';

const containerInstalls: readonly InstallType[] = [
  'docker',
  'docker-compose',
  'kubernetes',
  'helm',
];
const clusterInstalls: readonly InstallType[] = ['kubernetes', 'helm'];

export const nameFields = [
  {
    id: 'namespace',
    label: 'Kubernetes namespace',
    help: 'Where the control plane, or the whole stack, runs.',
    kind: 'k8s-name',
    installs: clusterInstalls,
    models: [],
    components: [],
  },
  {
    id: 'helmRelease',
    label: 'Helm release name',
    help: 'The release that holds the Tyk chart (helm list -A shows it).',
    kind: 'k8s-name',
    installs: ['helm'],
    models: ['oss', 'self-managed', 'self-managed-mdcb'],
    components: [],
  },
  {
    id: 'valuesFile',
    label: 'Helm values file',
    help: 'The values.yaml you install the release with.',
    kind: 'path',
    installs: ['helm'],
    models: [],
    components: [],
  },
  {
    id: 'composeDir',
    label: 'Compose project folder',
    help: 'The folder with your compose file and its .env.',
    kind: 'path',
    installs: ['docker-compose'],
    models: [],
    components: [],
  },
  {
    id: 'gatewayName',
    label: 'Gateway container, service or deployment',
    help: 'The name docker ps, docker compose ps or kubectl get deployments shows for the Gateway.',
    kind: 'docker-name',
    installs: containerInstalls,
    models: [],
    components: ['gateway'],
  },
  {
    id: 'dashboardName',
    label: 'Dashboard container, service or deployment',
    help: 'The name your container platform uses for the Dashboard.',
    kind: 'docker-name',
    installs: containerInstalls,
    models: [],
    components: ['dashboard'],
  },
  {
    id: 'pumpName',
    label: 'Pump container, service or deployment',
    help: 'The name your container platform uses for Pump.',
    kind: 'docker-name',
    installs: containerInstalls,
    models: [],
    components: ['pump'],
  },
  {
    id: 'mdcbName',
    label: 'MDCB container, service or deployment',
    help: 'The name your container platform uses for MDCB.',
    kind: 'docker-name',
    installs: containerInstalls,
    models: [],
    components: ['mdcb'],
  },
  {
    id: 'gatewayHost',
    label: 'Gateway host',
    help: 'Where the health checks reach the Gateway.',
    kind: 'host',
    installs: [],
    models: [],
    components: ['gateway'],
  },
  {
    id: 'gatewayPort',
    label: 'Gateway port',
    help: 'The Gateway listen port.',
    kind: 'port',
    installs: [],
    models: ['cloud-hybrid', 'self-managed', 'self-managed-mdcb', 'oss'],
    components: ['gateway'],
  },
  {
    id: 'dashboardHost',
    label: 'Dashboard host',
    help: 'Where the health checks reach the Dashboard.',
    kind: 'host',
    installs: [],
    models: ['self-managed', 'self-managed-mdcb'],
    components: ['dashboard'],
  },
  {
    id: 'dashboardPort',
    label: 'Dashboard port',
    help: 'The Dashboard listen port.',
    kind: 'port',
    installs: [],
    models: ['self-managed', 'self-managed-mdcb'],
    components: ['dashboard'],
  },
  {
    id: 'pumpHost',
    label: 'Pump host',
    help: 'Where the health check reaches Pump.',
    kind: 'host',
    installs: [],
    models: [],
    components: ['pump'],
  },
  {
    id: 'pumpHealthPort',
    label: 'Pump health-check port',
    help: 'health_check_endpoint_port in pump.conf.',
    kind: 'port',
    installs: [],
    models: [],
    components: ['pump'],
  },
  {
    id: 'mdcbHost',
    label: 'MDCB host',
    help: 'Where the health checks reach MDCB.',
    kind: 'host',
    installs: [],
    models: [],
    components: ['mdcb'],
  },
  {
    id: 'mdcbHttpPort',
    label: 'MDCB HTTP port',
    help: 'http_port in tyk_sink.conf (healthcheck_port before MDCB 2.6). Not the RPC port.',
    kind: 'port',
    installs: [],
    models: [],
    components: ['mdcb'],
  },
  {
    id: 'redisHost',
    label: 'Redis host',
    help: 'The Redis the Gateways use, for the backup.',
    kind: 'host',
    installs: [],
    models: ['cloud-hybrid', 'self-managed', 'self-managed-mdcb', 'oss'],
    components: [],
  },
  {
    id: 'redisPort',
    label: 'Redis port',
    help: 'The Redis port.',
    kind: 'port',
    installs: [],
    models: ['cloud-hybrid', 'self-managed', 'self-managed-mdcb', 'oss'],
    components: [],
  },
  {
    id: 'databaseHost',
    label: 'Database host',
    help: "The Dashboard's MongoDB or PostgreSQL host, for the backup.",
    kind: 'host',
    installs: [],
    models: ['self-managed', 'self-managed-mdcb'],
    components: ['dashboard'],
  },
  {
    id: 'databaseName',
    label: 'Database name',
    help: "The Dashboard's database.",
    kind: 'identifier',
    installs: [],
    models: ['self-managed', 'self-managed-mdcb'],
    components: ['dashboard'],
  },
  {
    id: 'gatewayConfig',
    label: 'Gateway config file',
    help: 'tyk.conf on the host (or the file you mount into the container).',
    kind: 'path',
    installs: ['docker', 'docker-compose', 'rpm', 'deb'],
    models: [],
    components: ['gateway'],
  },
  {
    id: 'dashboardConfig',
    label: 'Dashboard config file',
    help: 'tyk_analytics.conf on the host or mounted into the container.',
    kind: 'path',
    installs: ['docker', 'docker-compose', 'rpm', 'deb'],
    models: ['self-managed', 'self-managed-mdcb'],
    components: ['dashboard'],
  },
  {
    id: 'pumpConfig',
    label: 'Pump config file',
    help: 'pump.conf on the host or mounted into the container.',
    kind: 'path',
    installs: ['docker', 'docker-compose', 'rpm', 'deb'],
    models: [],
    components: ['pump'],
  },
  {
    id: 'mdcbConfig',
    label: 'MDCB config file',
    help: 'tyk_sink.conf on the host or mounted into the container.',
    kind: 'path',
    installs: ['docker', 'docker-compose', 'rpm', 'deb'],
    models: [],
    components: ['mdcb'],
  },
  {
    id: 'backupDir',
    label: 'Backup folder',
    help: 'An absolute path on the machine you run the backups from.',
    kind: 'path',
    installs: [],
    models: [],
    components: [],
  },
  {
    id: 'pluginSourceDir',
    label: 'Go plugin source folder',
    help: 'The folder with your plugin’s go.mod.',
    kind: 'path',
    installs: [],
    models: [],
    components: [],
    needsGoPlugins: true,
  },
  {
    id: 'pluginName',
    label: 'Go plugin name',
    help: 'The file stem of the compiled plugin: CustomGoPlugin gives CustomGoPlugin.so.',
    kind: 'identifier',
    installs: [],
    models: [],
    components: [],
    needsGoPlugins: true,
  },
] as const satisfies readonly NameField[];

const helmReleaseByModel: Readonly<Record<DeploymentModel, string>> = {
  cloud: 'tyk-stack',
  'cloud-hybrid': 'tyk-data-plane',
  'self-managed': 'tyk-stack',
  'self-managed-mdcb': 'tyk-cp',
  oss: 'tyk-oss',
};

/** Tyk's defaults, as its documentation and charts use them, for this model and installation. */
export function defaultNames(model: DeploymentModel, install: InstallType | null): Names {
  const release = helmReleaseByModel[model];
  const workloadName = (component: ComponentId): string => {
    // The charts name each workload `<component>-<release>-tyk-<component>`.
    if (install === 'helm') return `${component}-${release}-tyk-${component}`;
    // Tyk's open-source Docker example names its container tyk_gateway.
    if (install === 'docker' && model === 'oss' && component === 'gateway') return 'tyk_gateway';
    return `tyk-${component}`;
  };
  return {
    namespace: 'tyk',
    helmRelease: release,
    valuesFile: 'values.yaml',
    composeDir: '.',
    gatewayName: workloadName('gateway'),
    dashboardName: workloadName('dashboard'),
    pumpName: workloadName('pump'),
    mdcbName: workloadName('mdcb'),
    gatewayHost: 'localhost',
    gatewayPort: 8080,
    dashboardHost: 'localhost',
    dashboardPort: 3000,
    pumpHost: 'localhost',
    pumpHealthPort: 8083,
    mdcbHost: 'localhost',
    mdcbHttpPort: 8181,
    redisHost: 'localhost',
    redisPort: 6379,
    databaseHost: 'localhost',
    databaseName: 'tyk_analytics',
    gatewayConfig: '/opt/tyk-gateway/tyk.conf',
    dashboardConfig: '/opt/tyk-dashboard/tyk_analytics.conf',
    pumpConfig: '/opt/tyk-pump/pump.conf',
    mdcbConfig: '/opt/tyk-sink/tyk_sink.conf',
    backupDir: '/var/backups/tyk-upgrade',
    pluginSourceDir: '.',
    pluginName: 'CustomGoPlugin',
  };
}

export function findNameField(id: string): NameField | undefined {
  return nameFields.find((field) => field.id === id);
}

/** Workload names on Kubernetes must also be valid Kubernetes names. */
export function effectiveNameKind(field: NameField, install: InstallType | null): NameKind {
  if (field.kind === 'docker-name' && install !== null && clusterInstalls.includes(install))
    return 'k8s-name';
  return field.kind;
}

/** The fields whose names this deployment's commands use, in catalogue order. */
export function relevantNameFields(
  input: Pick<NormalizedInput, 'model' | 'install' | 'components' | 'usesGoPlugins'>,
): readonly NameField[] {
  return nameFields.filter((field) => isNameRelevant(field, input));
}

export function isNameRelevant(
  field: NameField,
  input: Pick<NormalizedInput, 'model' | 'install' | 'components' | 'usesGoPlugins'>,
): boolean {
  if (field.needsGoPlugins === true && !input.usesGoPlugins) return false;
  if (field.models.length > 0 && !field.models.includes(input.model)) return false;
  if (
    field.installs.length > 0 &&
    (input.install === null || !field.installs.includes(input.install))
  )
    return false;
  if (field.components.length > 0 && !field.components.some((c) => input.components.includes(c)))
    return false;
  // Tyk runs everything on Tyk Cloud: only the plugin, backup and Gateway host names matter there.
  if (findModel(input.model).installs.length === 0) {
    return field.needsGoPlugins === true || field.id === 'backupDir' || field.id === 'gatewayHost';
  }
  return true;
}

const shellMetacharacters = /[;&|`$<>(){}[\]\\'"*?!#~\s]/;

function describeCharacter(ch: string): string {
  if (ch === ' ') return 'a space';
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (ch === '\t') return 'a tab';
  if (/\s/.test(ch)) return 'white space';
  return `"${ch}"`;
}

const dnsLabel = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const dockerName = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const hostName =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const ipv4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const safePath = /^[A-Za-z0-9_./@%+=:,-]+$/;
const identifier = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Why `value` is not a valid name of this kind, or null when it is. The message starts with
 * the value, so the caller can prefix the field's label.
 */
export function nameProblem(kind: NameKind, value: unknown): string | null {
  if (kind === 'port') {
    const port =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
          ? Number(value)
          : NaN;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      return `${typeof value === 'string' ? `"${shownValue(value)}"` : 'this'} is not a port: use a whole number from 1 to 65535.`;
    }
    return null;
  }
  if (typeof value !== 'string') return 'must be text.';
  if (value === '') return 'is empty.';
  const metacharacter = value.match(shellMetacharacters);
  if (metacharacter) {
    return `"${shownValue(value)}" contains ${describeCharacter(metacharacter[0])}, which cannot go into a shell command.`;
  }
  switch (kind) {
    case 'k8s-name':
      if (value.length > 63)
        return `"${shownValue(value)}" is longer than the 63 characters Kubernetes allows.`;
      if (!dnsLabel.test(value)) {
        return `"${shownValue(value)}" is not a Kubernetes name: use lowercase letters, digits and hyphens, starting and ending with a letter or digit.`;
      }
      return null;
    case 'docker-name':
      if (value.length > 128) return `"${shownValue(value)}" is longer than 128 characters.`;
      if (!dockerName.test(value)) {
        return `"${shownValue(value)}" is not a container name: use letters, digits, "_", "." and "-", starting with a letter or digit.`;
      }
      return null;
    case 'host':
      if (!hostName.test(value) && !ipv4.test(value)) {
        return `"${shownValue(value)}" is not a host name or IPv4 address.`;
      }
      return null;
    case 'path':
      if (value.length > 255) return `"${shownValue(value)}" is longer than 255 characters.`;
      if (value.startsWith('-'))
        return `"${shownValue(value)}" starts with "-", which commands would read as an option.`;
      if (!safePath.test(value)) {
        return `"${shownValue(value)}" is not a plain path: use letters, digits and / . _ - only.`;
      }
      return null;
    case 'identifier':
      if (value.length > 64) return `"${shownValue(value)}" is longer than 64 characters.`;
      if (!identifier.test(value)) {
        return `"${shownValue(value)}" is not a plain name: use letters, digits, "_" and "-", starting with a letter or "_".`;
      }
      return null;
  }
}
