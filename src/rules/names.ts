// The user's own names: what each one is, when it matters, Tyk's default, and how it is checked
// before it may appear in a command.
import { isClusterInstall } from './catalog/installs';
import { isRunByTyk } from './catalog/models';
import { nameFields } from './catalog/name-fields';
import { shownValue } from './message-text';
import type {
  ComponentId,
  DeploymentModel,
  InstallType,
  NameField,
  NameId,
  NameKind,
  Names,
  NormalizedInput,
  ResolvedDataPlane,
} from './types';

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
  const isCompose = install === 'docker-compose';
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
    // Tyk's compose stacks configure the services with env files in confs/; the open-source stack
    // mounts tyk.standalone.conf.
    gatewayConfig: isCompose
      ? model === 'oss'
        ? './tyk.standalone.conf'
        : './confs/tyk.env'
      : '/opt/tyk-gateway/tyk.conf',
    dashboardConfig: isCompose
      ? './confs/tyk_analytics.env'
      : '/opt/tyk-dashboard/tyk_analytics.conf',
    pumpConfig: isCompose ? './confs/pump.env' : '/opt/tyk-pump/pump.conf',
    mdcbConfig: '/opt/tyk-sink/tyk_sink.conf',
    backupDir: '/var/backups/tyk-upgrade',
    pluginSourceDir: '.',
    pluginName: 'CustomGoPlugin',
    // Tyk's compose stacks set the Gateway and Dashboard tags in .env and name the others in the
    // compose file; the open-source stack names its Gateway tag in the compose file.
    gatewayTagVariable: model === 'oss' ? noTagVariable : 'GATEWAY_VERSION',
    dashboardTagVariable: 'DASHBOARD_VERSION',
    pumpTagVariable: noTagVariable,
    mdcbTagVariable: noTagVariable,
  };
}

/** The value of a tag variable field that says the compose file names the tag itself. */
export const noTagVariable = 'none';

/** Tyk's defaults for a data plane: the chart's own names when there is one plane, named ones otherwise. */
export function dataPlaneDefaults(
  name: string,
  planeCount: number,
): Omit<ResolvedDataPlane, 'name'> {
  const isSingle = planeCount === 1;
  return {
    namespace: isSingle ? 'tyk-dp' : `tyk-dp-${name}`,
    release: isSingle ? 'tyk-data-plane' : `tyk-dp-${name}`,
    gatewayHost: 'localhost',
    context: '',
    // On a cluster, localhost stands for the chart's Redis service in the data plane's namespace.
    redisHost: 'localhost',
    redisPort: 6379,
  };
}

export function findNameField(id: string): NameField | undefined {
  return nameFields.find((field) => field.id === id);
}

/** Workload names on Kubernetes must also be valid Kubernetes names. */
export function effectiveNameKind(field: NameField, install: InstallType | null): NameKind {
  if (field.kind === 'docker-name' && isClusterInstall(install)) return 'k8s-name';
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
  if (isRunByTyk(input.model)) {
    return field.needsGoPlugins === true || field.id === 'backupDir' || field.id === 'gatewayHost';
  }
  return true;
}

const shellMetacharacters = /[;&|`$<>(){}[\]\\'"*?!#~\s]/;
const pathMetacharacters = /[;&|`$<>(){}[\]\\'"*?!#~\t\n\r\f\v]/;

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
/** A path may hold spaces: every command quotes it. */
const safePath = /^[A-Za-z0-9_./@%+=:, -]+$/;
const identifier = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const contextName = /^[A-Za-z0-9][A-Za-z0-9_.:@/-]*$/;
const envVariable = /^[A-Z_][A-Z0-9_]*$/;

/**
 * Why `value` is not a valid name of this kind, or null when it is. The message starts with
 * the value, so the caller can prefix the field's label.
 */
/**
 * The paths the plan writes to, copies from or changes the owner of, with an example of each. The
 * backup folder must be absolute and normalised, so that a command run from any folder means the
 * same place.
 */
const placeExamples: Readonly<Partial<Record<NameId, string>>> = {
  backupDir: '/var/backups/tyk-upgrade',
  gatewayConfig: '/opt/tyk-gateway/tyk.conf',
  dashboardConfig: '/opt/tyk-dashboard/tyk_analytics.conf',
  pumpConfig: '/opt/tyk-pump/pump.conf',
  mdcbConfig: '/opt/tyk-sink/tyk_sink.conf',
  pluginSourceDir: '/home/you/tyk-plugin',
};

/** The root and the top-level folders of a Linux system: never a Tyk folder of their own. */
const systemFolders = [
  '/',
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/home',
  '/lib',
  '/lib64',
  '/media',
  '/mnt',
  '/opt',
  '/proc',
  '/root',
  '/run',
  '/sbin',
  '/srv',
  '/sys',
  '/tmp',
  '/usr',
  '/var',
];

/**
 * Why a path the plan writes to or reads from cannot be used, or null. The backup folder gets
 * `chown -R`, so it must be a folder of its own, never `/` or a system folder itself.
 */
export function placeProblem(id: string, value: string): string | null {
  const example = placeExamples[id as NameId];
  if (example === undefined) return null;
  const shown = shownValue(value);
  const trimmed = value.length > 1 ? value.replace(/\/+$/, '') : value;
  const parts = trimmed.split('/');
  const hasDotParts = parts.some((part) => part === '.' || part === '..') || trimmed.includes('//');
  const notNormalised = `"${shown}" is not a normalised path: write it without "." or ".." parts and without "//", such as ${example}.`;
  // A config file may be relative to the compose project (./tyk.standalone.conf), but never climb
  // out of it, and never be a system folder.
  if (id !== 'backupDir' && id !== 'pluginSourceDir') {
    if (parts.includes('..')) return notNormalised;
    return systemFolders.includes(trimmed)
      ? `"${shown}" is a system folder itself, not a file or folder of Tyk's, such as ${example}.`
      : null;
  }
  // The backup folder and the plugin folder are places of their own, the same from any folder the
  // commands run in.
  if (!value.startsWith('/'))
    return `"${shown}" is not an absolute path: start it with /, such as ${example}.`;
  if (hasDotParts) return notNormalised;
  if (systemFolders.includes(trimmed === '' ? '/' : trimmed)) {
    return id === 'backupDir'
      ? `"${shown}" is a system folder itself; the plan makes the backup folder yours (chown -R), so give it a folder of its own, such as ${example}.`
      : `"${shown}" is a system folder itself, not your plugin's folder, such as ${example}.`;
  }
  return null;
}

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
  // Spaces are fine in a path (the commands quote it); nowhere else.
  const metacharacter = value.match(kind === 'path' ? pathMetacharacters : shellMetacharacters);
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
      if (value.trim() !== value)
        return `"${shownValue(value)}" starts or ends with a space; take it away, or it becomes part of the path.`;
      if (!safePath.test(value)) {
        return `"${shownValue(value)}" is not a plain path: use letters, digits, spaces and / . _ - only.`;
      }
      return null;
    case 'context':
      if (value.length > 253) return `"${shownValue(value)}" is longer than 253 characters.`;
      if (!contextName.test(value)) {
        return `"${shownValue(value)}" is not a context or host name: use letters, digits and _ . : @ / -, starting with a letter or digit.`;
      }
      return null;
    case 'tag-variable':
      if (value === noTagVariable) return null;
      if (value.length > 64) return `"${shownValue(value)}" is longer than 64 characters.`;
      if (!envVariable.test(value)) {
        return `"${shownValue(value)}" is not a .env variable name: use capital letters, digits and _, starting with a letter or _ (as GATEWAY_VERSION), or type ${noTagVariable} if the compose file names the tag itself.`;
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
