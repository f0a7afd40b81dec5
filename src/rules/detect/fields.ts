// The answers the reader can propose: the path of each in the answers, how its value is typed,
// and the words a message uses for it. Internal fields feed the findings and other answers only.
import { nameFields } from '../catalog/name-fields';
import type { ComponentId, NameId, NameKind } from '../types';

export type FieldType = 'text' | 'version' | 'boolean' | 'port' | 'name';

export type FieldSpec = {
  readonly field: string;
  readonly label: string;
  readonly type: FieldType;
  /** For `names.*`: how the name is checked before it may go into a command. */
  readonly nameKind?: NameKind;
  /** Read for the findings and for other answers; never an answer itself. */
  readonly isInternal?: boolean;
};

const componentLabels = {
  gateway: 'Gateway',
  dashboard: 'Dashboard',
  pump: 'Pump',
  mdcb: 'MDCB',
} as const satisfies Record<ComponentId, string>;

export const componentIds: readonly ComponentId[] = ['gateway', 'dashboard', 'pump', 'mdcb'];

export function componentLabel(component: ComponentId): string {
  return componentLabels[component];
}

/** The names field that holds each component's container, service or Deployment name. */
export const workloadNameField = {
  gateway: 'gatewayName',
  dashboard: 'dashboardName',
  pump: 'pumpName',
  mdcb: 'mdcbName',
} as const satisfies Record<ComponentId, NameId>;

export const configPathField = {
  gateway: 'gatewayConfig',
  dashboard: 'dashboardConfig',
  pump: 'pumpConfig',
  mdcb: 'mdcbConfig',
} as const satisfies Record<ComponentId, NameId>;

/** The port the plan's health checks call on each component. */
export const checkPortField = {
  gateway: 'gatewayPort',
  dashboard: 'dashboardPort',
  pump: 'pumpHealthPort',
  mdcb: 'mdcbHttpPort',
} as const satisfies Record<ComponentId, NameId>;

/** The file each component reads its config from inside a container or package install. */
export const configFileNames = {
  gateway: 'tyk.conf',
  dashboard: 'tyk_analytics.conf',
  pump: 'pump.conf',
  mdcb: 'tyk_sink.conf',
} as const satisfies Record<ComponentId, string>;

const perComponent = (
  prefix: string,
  label: (component: string) => string,
  type: FieldType,
): FieldSpec[] =>
  componentIds.map((component) => ({
    field: `${prefix}.${component}`,
    label: label(componentLabel(component)),
    type,
  }));

function buildFieldSpecs(): readonly FieldSpec[] {
  return [
    { field: 'model', label: 'the deployment model', type: 'text' },
    { field: 'install', label: 'how Tyk is installed', type: 'text' },
    { field: 'database', label: "the Dashboard's database", type: 'text' },
    { field: 'usesGoPlugins', label: 'whether Go plugins are in use', type: 'boolean' },
    { field: 'gateway.from', label: 'the Gateway version', type: 'version' },
    { field: 'dashboard.from', label: 'the Dashboard version', type: 'version', isInternal: true },
    { field: 'pump.from', label: 'the Pump version', type: 'version' },
    { field: 'mdcb.from', label: 'the MDCB version', type: 'version' },
    ...perComponent('images', (c) => `the ${c} image repository`, 'text'),
    ...perComponent(
      'compose.tagVariables',
      (c) => `the .env variable that sets the ${c} tag`,
      'text',
    ),
    ...perComponent('compose.envFiles', (c) => `the env_file of the ${c}`, 'text'),
    ...perComponent('compose.configFiles', (c) => `the mounted config file of the ${c}`, 'text'),
    { field: 'redis.version', label: 'the Redis version', type: 'text' },
    { field: 'redis.valkeyVersion', label: 'the Valkey version', type: 'text' },
    { field: 'redis.isCluster', label: 'whether Redis runs as a cluster', type: 'boolean' },
    { field: 'redis.isSentinel', label: 'whether Redis runs with Sentinel', type: 'boolean' },
    { field: 'architecture', label: 'the CPU architecture', type: 'text' },
    { field: 'fips', label: 'whether the Gateway is the FIPS build', type: 'boolean' },
    { field: 'databaseVersion', label: 'the database version', type: 'text', isInternal: true },
    ...nameFields.map((field): FieldSpec => ({
      field: `names.${field.id}`,
      label: field.label,
      type: field.kind === 'port' ? 'port' : 'name',
      nameKind: field.kind,
    })),
  ];
}

// Built on first use, so that bundles which never read a file leave the table out.
let specByField: ReadonlyMap<string, FieldSpec> | null = null;
let specOrder: readonly string[] = [];

function specs(): ReadonlyMap<string, FieldSpec> {
  if (specByField === null) {
    const list = buildFieldSpecs();
    specByField = new Map(list.map((spec) => [spec.field, spec]));
    specOrder = list.map((spec) => spec.field);
  }
  return specByField;
}

export function fieldSpec(field: string): FieldSpec | undefined {
  return specs().get(field);
}

/** The words for a field in a message: "the Gateway version". */
export function fieldLabel(field: string): string {
  return specs().get(field)?.label ?? field;
}

/** Order of answers in evidence and conflicts: as listed above. */
export function fieldOrder(field: string): number {
  specs();
  const index = specOrder.indexOf(field);
  return index < 0 ? specOrder.length : index;
}
