// The config keys the reader looks at, per component, and how a component sees them: from its
// JSON config file, overridden by environment variables named after the key (config-risks.md §1:
// `storage.addrs` -> `TYK_GW_STORAGE_ADDRS`, each segment upper-cased with its underscores dropped).
import type { ComponentId } from '../types';
import { isJsonRecord, type JsonValue } from './json-reader';
import { isSecretKey, type SecretScrubber } from './text';
import type { SettingValue, SourcedSetting } from './types';

export const envPrefixes = {
  gateway: 'TYK_GW_',
  dashboard: 'TYK_DB_',
  pump: 'TYK_PMP_',
  mdcb: 'TYK_MDCB_',
} as const satisfies Record<ComponentId, string>;

type SettingKind = 'boolean' | 'string' | 'number' | 'list';

export type SettingSpec = {
  readonly component: ComponentId;
  /** The JSON path; `*` stands for one key of a map (a Pump backend's name). */
  readonly path: string;
  readonly kind: SettingKind;
};

export const settingSpecs = [
  { component: 'gateway', path: 'listen_port', kind: 'number' },
  { component: 'gateway', path: 'hash_keys', kind: 'boolean' },
  { component: 'gateway', path: 'hash_key_function', kind: 'string' },
  { component: 'gateway', path: 'slave_options.use_rpc', kind: 'boolean' },
  { component: 'gateway', path: 'slave_options.connection_string', kind: 'string' },
  { component: 'gateway', path: 'slave_options.group_id', kind: 'string' },
  { component: 'gateway', path: 'policies.policy_source', kind: 'string' },
  { component: 'gateway', path: 'use_db_app_configs', kind: 'boolean' },
  { component: 'gateway', path: 'db_app_conf_options.connection_string', kind: 'string' },
  { component: 'gateway', path: 'storage.host', kind: 'string' },
  { component: 'gateway', path: 'storage.port', kind: 'number' },
  { component: 'gateway', path: 'storage.addrs', kind: 'list' },
  { component: 'gateway', path: 'storage.enable_cluster', kind: 'boolean' },
  { component: 'gateway', path: 'storage.master_name', kind: 'string' },
  { component: 'gateway', path: 'coprocess_options.enable_coprocess', kind: 'boolean' },
  { component: 'gateway', path: 'coprocess_options.python_path_prefix', kind: 'string' },
  { component: 'gateway', path: 'coprocess_options.python_version', kind: 'string' },
  {
    component: 'gateway',
    path: 'http_server_options.enable_path_prefix_matching',
    kind: 'boolean',
  },
  {
    component: 'gateway',
    path: 'http_server_options.enable_path_suffix_matching',
    kind: 'boolean',
  },
  { component: 'gateway', path: 'http_server_options.enable_strict_routes', kind: 'boolean' },
  { component: 'dashboard', path: 'listen_port', kind: 'number' },
  { component: 'dashboard', path: 'hash_keys', kind: 'boolean' },
  { component: 'dashboard', path: 'mongo_url', kind: 'string' },
  { component: 'dashboard', path: 'mongo_driver', kind: 'string' },
  { component: 'dashboard', path: 'storage.main.type', kind: 'string' },
  { component: 'dashboard', path: 'storage.main.connection_string', kind: 'string' },
  { component: 'dashboard', path: 'redis_host', kind: 'string' },
  { component: 'dashboard', path: 'redis_port', kind: 'number' },
  { component: 'dashboard', path: 'redis_addrs', kind: 'list' },
  { component: 'dashboard', path: 'enable_cluster', kind: 'boolean' },
  { component: 'pump', path: 'analytics_storage_config.host', kind: 'string' },
  { component: 'pump', path: 'analytics_storage_config.port', kind: 'number' },
  { component: 'pump', path: 'analytics_storage_config.addrs', kind: 'list' },
  { component: 'pump', path: 'analytics_storage_config.enable_cluster', kind: 'boolean' },
  { component: 'pump', path: 'health_check_endpoint_port', kind: 'number' },
  { component: 'pump', path: 'pumps.*.type', kind: 'string' },
  { component: 'pump', path: 'pumps.*.meta.type', kind: 'string' },
  { component: 'pump', path: 'pumps.*.meta.driver', kind: 'string' },
  { component: 'pump', path: 'pumps.*.meta.mongo_url', kind: 'string' },
  { component: 'pump', path: 'pumps.*.meta.connection_string', kind: 'string' },
  { component: 'mdcb', path: 'listen_port', kind: 'number' },
  { component: 'mdcb', path: 'http_port', kind: 'number' },
  { component: 'mdcb', path: 'healthcheck_port', kind: 'number' },
  { component: 'mdcb', path: 'hash_keys', kind: 'boolean' },
  { component: 'mdcb', path: 'storage.host', kind: 'string' },
  { component: 'mdcb', path: 'storage.port', kind: 'number' },
  { component: 'mdcb', path: 'storage.addrs', kind: 'list' },
  { component: 'mdcb', path: 'storage.enable_cluster', kind: 'boolean' },
  { component: 'mdcb', path: 'analytics.type', kind: 'string' },
  { component: 'mdcb', path: 'analytics.driver', kind: 'string' },
  { component: 'mdcb', path: 'analytics.mongo_url', kind: 'string' },
  { component: 'mdcb', path: 'analytics.connection_string', kind: 'string' },
] as const satisfies readonly SettingSpec[];

/** A JSON path in the form environment variables use: `storage.enable_cluster` -> `STORAGE_ENABLECLUSTER`. */
export function canonicalKey(path: string): string {
  return path
    .split('.')
    .map((segment) => segment.replace(/_/g, '').toUpperCase())
    .join('_');
}

/** The environment variable that overrides `path` for `component` (`*` stays as `*`). */
export function envNameOf(component: ComponentId, path: string): string {
  return `${envPrefixes[component]}${canonicalKey(path)}`;
}

function patternOf(spec: SettingSpec): RegExp {
  const source = canonicalKey(spec.path)
    .split('_')
    .map((segment) => (segment === '*' ? '([A-Z0-9-]+)' : segment))
    .join('_');
  return new RegExp(`^${source}$`);
}

// Annotated so that bundles which never read a file leave the table out.
const specPatterns: readonly { readonly spec: SettingSpec; readonly pattern: RegExp }[] =
  /* @__PURE__ */ settingSpecs.map((spec) => ({ spec, pattern: patternOf(spec) }));

/**
 * The setting a canonical key stands for, and the concrete path (with the Pump backend's name
 * filled in, upper-cased as the environment writes it), or null when the reader ignores the key.
 */
export function settingFor(
  component: ComponentId,
  canonical: string,
): { readonly spec: SettingSpec; readonly key: string } | null {
  for (const { spec, pattern } of specPatterns) {
    if (spec.component !== component) continue;
    const match = pattern.exec(canonical);
    if (match === null) continue;
    const name = match[1];
    return { spec, key: name === undefined ? spec.path : spec.path.replace('*', name) };
  }
  return null;
}

/** Which component an environment variable configures, or null. */
export function componentOfEnv(name: string): ComponentId | null {
  for (const component of Object.keys(envPrefixes) as ComponentId[]) {
    if (name.startsWith(envPrefixes[component])) return component;
  }
  return null;
}

/** A value as the component's config loader would read it, or null when it cannot be. */
export function coerce(value: JsonValue, kind: SettingKind): SettingValue | null {
  switch (kind) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') {
        // Go's strconv.ParseBool, which the config loaders use for environment variables.
        if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value.trim())) return true;
        if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value.trim())) return false;
      }
      return null;
    case 'number': {
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value)) return Number(value);
      return null;
    }
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return null;
    case 'list':
      if (Array.isArray(value))
        return value.filter((item): item is string => typeof item === 'string');
      if (typeof value === 'string')
        return value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== '');
      return null;
  }
}

export type FlatEntry = {
  readonly value: JsonValue;
  /** The dotted JSON path as written in the file. */
  readonly path: string;
  readonly line: number | undefined;
};

/**
 * A config document as canonical key -> value, the form environment variables use. Secret values
 * are handed to the scrubber on the way.
 */
export function flattenConfig(
  value: JsonValue,
  lines: ReadonlyMap<string, number>,
  scrubber: SecretScrubber,
): ReadonlyMap<string, FlatEntry> {
  const flat = new Map<string, FlatEntry>();
  const walk = (node: JsonValue, path: string, depth: number): void => {
    if (depth > 12) return;
    if (isJsonRecord(node)) {
      for (const [key, child] of Object.entries(node)) {
        walk(child, path === '' ? key : `${path}.${key}`, depth + 1);
      }
      return;
    }
    if (path === '') return;
    rememberSecrets(path, node, scrubber);
    flat.set(canonicalKey(path), { value: node, path, line: lines.get(path) });
  };
  walk(value, '', 0);
  return flat;
}

/** Hands secret values, and credentials inside connection strings, to the scrubber. */
export function rememberSecrets(key: string, value: JsonValue, scrubber: SecretScrubber): void {
  if (typeof value === 'string') {
    if (isSecretKey(key)) scrubber.remember(value);
    scrubber.rememberCredentials(value);
  } else if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'string') rememberSecrets(key, item, scrubber);
  }
}

/** One place a setting was given: an environment variable or a config file key. */
export type SettingSource = {
  readonly canonical: string;
  readonly value: JsonValue;
  readonly file: string;
  readonly where: string;
  readonly origin: 'env' | 'file';
};

/**
 * The settings a component runs with: environment variables win over the config file, and a
 * later source of the same origin wins over an earlier one (a later env_file, `environment:`).
 */
export function effectiveSettings(
  component: ComponentId,
  sources: readonly SettingSource[],
): Readonly<Record<string, SourcedSetting>> {
  const chosen = new Map<string, { source: SettingSource; value: SettingValue }>();
  const ordered = [
    ...sources.filter((source) => source.origin === 'file'),
    ...sources.filter((source) => source.origin === 'env'),
  ];
  for (const source of ordered) {
    const found = settingFor(component, source.canonical);
    if (found === null) continue;
    const value = coerce(source.value, found.spec.kind);
    if (value === null) continue;
    chosen.set(found.key, { source, value });
  }
  const settings: Record<string, SourcedSetting> = {};
  for (const [key, { source, value }] of chosen) {
    settings[key] = { value, file: source.file, where: source.where };
  }
  return settings;
}
