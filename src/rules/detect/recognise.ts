// Tells what a file is from its content, never from its name: the syntax first (JSON, a stream
// of JSON lines, an env file, Redis INFO, a package list, YAML), then the shape of what it holds.
import type { ComponentId } from '../types';
import { readEnvFile, type EnvReading } from './env-file';
import {
  isJsonRecord,
  readJson,
  type JsonDocument,
  type JsonRecord,
  type JsonValue,
} from './json-reader';
import { textProblem } from './text';
import type { FileKind, FileProblem, InputFile } from './types';
import { readYaml } from './yaml-reader';

export type ConfigKind = 'gateway-config' | 'dashboard-config' | 'pump-config' | 'mdcb-config';

export const configComponent = {
  'gateway-config': 'gateway',
  'dashboard-config': 'dashboard',
  'pump-config': 'pump',
  'mdcb-config': 'mdcb',
} as const satisfies Record<ConfigKind, ComponentId>;

/** A row of a JSON-lines or JSON-array listing, with the line it starts on. */
export type Row = { readonly value: JsonRecord; readonly line: number | undefined };

export type Parsed =
  | { readonly kind: 'env'; readonly env: EnvReading }
  | { readonly kind: 'compose'; readonly doc: JsonDocument }
  | { readonly kind: ConfigKind; readonly doc: JsonDocument }
  | { readonly kind: 'docker-inspect'; readonly rows: readonly Row[] }
  | { readonly kind: 'docker-ps' | 'compose-ps' | 'compose-images'; readonly rows: readonly Row[] }
  | { readonly kind: 'kubectl'; readonly docs: readonly JsonDocument[] }
  | { readonly kind: 'helm-list'; readonly rows: readonly Row[] }
  | { readonly kind: 'helm-values'; readonly doc: JsonDocument }
  | { readonly kind: 'hello'; readonly doc: JsonDocument }
  | { readonly kind: 'api-definitions'; readonly docs: readonly JsonDocument[] }
  | { readonly kind: 'redis-info'; readonly text: string }
  | { readonly kind: 'packages'; readonly text: string }
  | { readonly kind: 'collector'; readonly doc: JsonDocument };

export type Recognition =
  | { readonly ok: true; readonly parsed: Parsed; readonly notices: readonly FileProblem[] }
  | { readonly ok: false; readonly problem: FileProblem };

function failure(
  file: string,
  kind: FileProblem['kind'],
  message: string,
  line?: number,
): Recognition {
  return {
    ok: false,
    problem: { file, kind, severity: 'error', message, ...(line === undefined ? {} : { line }) },
  };
}

const redisInfoLine = /^(redis_version|valkey_version):/m;
const packageLine =
  /^(?:ii\s+|[a-z]{2}\s+)?tyk-(?:gateway|dashboard|pump|sink|mdcb)(?:-fips)?(?:[-=\s]|:\w+\s)/;

export function recognise(file: InputFile): Recognition {
  const { name, text } = file;
  const bad = textProblem(text);
  if (bad !== null) return failure(name, bad.kind, `${name} ${bad.message}`);
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();

  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return recogniseJson(name, text);

  if (redisInfoLine.test(text))
    return { ok: true, parsed: { kind: 'redis-info', text }, notices: [] };
  if (isPackageList(text)) return { ok: true, parsed: { kind: 'packages', text }, notices: [] };

  const env = readEnvFile(text);
  if (env.entries.length > 0 && env.badLines.length === 0) {
    const notices: FileProblem[] = [];
    if (env.unclosedQuoteLine !== null) {
      notices.push({
        file: name,
        kind: 'truncated',
        severity: 'notice',
        line: env.unclosedQuoteLine,
        message: `${name} line ${env.unclosedQuoteLine}: a quoted value is never closed, so the file looks cut short; what came before it was read.`,
      });
    }
    return { ok: true, parsed: { kind: 'env', env }, notices };
  }

  const yaml = readYaml(text);
  if (!yaml.ok) {
    if (env.entries.length > 0 && env.entries.length >= env.badLines.length) {
      const line = env.badLines[0] ?? 1;
      return failure(
        name,
        'invalid-env',
        `${name} line ${line} is not a NAME=value line; an env file holds only those, comments and blank lines.`,
        line,
      );
    }
    return failure(
      name,
      'invalid-yaml',
      `${name} line ${yaml.line} is not valid YAML: ${yaml.message}`,
      yaml.line,
    );
  }
  const documents = yaml.documents.filter((doc) => doc.value !== null);
  const first = documents[0];
  if (first === undefined) return failure(name, 'empty', `${name} holds no data.`);
  const shape = recogniseDocuments(documents);
  if (shape !== null) return { ok: true, parsed: shape, notices: [] };
  if (env.entries.length > 0) {
    const line = env.badLines[0] ?? 1;
    return failure(
      name,
      'invalid-env',
      `${name} line ${line} is not a NAME=value line; an env file holds only those, comments and blank lines.`,
      line,
    );
  }
  return failure(name, 'unknown-kind', unknownMessage(name, first.value));
}

function isPackageList(text: string): boolean {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^(Desired|\||\+\+\+|=)/.test(line));
  return lines.length > 0 && lines.every((line) => packageLine.test(line));
}

function recogniseJson(name: string, text: string): Recognition {
  const reading = readJson(text);
  if (!reading.ok) {
    const { line, message, isTruncated } = reading.error;
    if (isTruncated && reading.documents.length > 0) {
      // A stream of JSON lines whose last line was cut: the complete lines are still worth reading.
      const shape = recogniseDocuments(reading.documents);
      if (shape !== null) {
        return {
          ok: true,
          parsed: shape,
          notices: [
            {
              file: name,
              kind: 'truncated',
              severity: 'notice',
              line,
              message: `${name} is cut short at line ${line}; the ${reading.documents.length} complete entries before it were read.`,
            },
          ],
        };
      }
    }
    if (isTruncated)
      return failure(
        name,
        'truncated',
        `${name} is cut short: it ${message} Paste the whole output again.`,
        line,
      );
    return failure(
      name,
      'invalid-json',
      `${name} line ${line} is not valid JSON: it ${message}`,
      line,
    );
  }
  const shape = recogniseDocuments(reading.documents);
  if (shape !== null) return { ok: true, parsed: shape, notices: [] };
  const first = reading.documents[0];
  return failure(name, 'unknown-kind', unknownMessage(name, first?.value ?? null));
}

function unknownMessage(name: string, value: JsonValue): string {
  const keys = isJsonRecord(value)
    ? Object.keys(value)
        .slice(0, 5)
        .map((key) => key.replace(/[^\w.-]/g, '?').slice(0, 30))
    : [];
  const seen = keys.length > 0 ? ` (it starts with the keys ${keys.join(', ')})` : '';
  return `${name} is not a kind of file this reader knows${seen}. It reads docker-compose files with their .env and env_files, tyk.conf, tyk_analytics.conf, pump.conf, tyk_sink.conf, TYK_* env files, docker inspect / docker ps / docker compose images output, kubectl get deploy -o json, helm list -o json, Helm values, a /hello answer, API definition exports, Redis INFO server, and the collector's JSON.`;
}

/** What a set of parsed documents is, or null when it is nothing this reader knows. */
function recogniseDocuments(documents: readonly JsonDocument[]): Parsed | null {
  const first = documents[0];
  if (first === undefined) return null;
  if (documents.length > 1) {
    // Several documents: JSON lines (docker ps, docker compose ps/images) or YAML manifests.
    const rows: Row[] = documents.flatMap((doc) =>
      isJsonRecord(doc.value) ? [{ value: doc.value, line: doc.lines.get('') }] : [],
    );
    if (rows.length === documents.length) {
      const listing = listingKind(rows);
      if (listing !== null) return { kind: listing, rows };
      if (documents.every((doc) => isKubeObject(doc.value)))
        return { kind: 'kubectl', docs: documents };
      if (documents.every((doc) => apiDefinitionsIn(doc.value) > 0))
        return { kind: 'api-definitions', docs: documents };
    }
    return null;
  }
  const value = first.value;
  if (isJsonRecord(value)) {
    if (typeof value['tykUpgradeCollector'] === 'number') return { kind: 'collector', doc: first };
    if (isCompose(value)) return { kind: 'compose', doc: first };
    if (isKubeObject(value)) return { kind: 'kubectl', docs: [first] };
    if (isHello(value)) return { kind: 'hello', doc: first };
    const listing = listingKind([{ value, line: 1 }]);
    if (listing !== null) return { kind: listing, rows: [{ value, line: 1 }] };
    if (apiDefinitionsIn(value) > 0 || isSyncIndex(value))
      return { kind: 'api-definitions', docs: [first] };
    if (isHelmValues(value)) return { kind: 'helm-values', doc: first };
    const config = configKind(value);
    if (config !== null) return { kind: config, doc: first };
    return null;
  }
  if (Array.isArray(value)) {
    const rows: Row[] = [];
    value.forEach((item, index) => {
      if (isJsonRecord(item)) rows.push({ value: item, line: first.lines.get(`[${index}]`) });
    });
    if (rows.length === 0) return null;
    if (rows.every((row) => isDockerInspect(row.value))) return { kind: 'docker-inspect', rows };
    if (rows.every((row) => isHelmListRow(row.value))) return { kind: 'helm-list', rows };
    const listing = listingKind(rows);
    if (listing !== null) return { kind: listing, rows };
    if (apiDefinitionsIn(value) > 0) return { kind: 'api-definitions', docs: [first] };
  }
  return null;
}

function listingKind(rows: readonly Row[]): 'docker-ps' | 'compose-ps' | 'compose-images' | null {
  if (rows.length === 0) return null;
  if (
    rows.every(
      (row) => typeof row.value['Service'] === 'string' && typeof row.value['Image'] === 'string',
    )
  )
    return 'compose-ps';
  if (
    rows.every(
      (row) =>
        typeof row.value['ContainerName'] === 'string' &&
        typeof row.value['Repository'] === 'string',
    )
  )
    return 'compose-images';
  if (
    rows.every(
      (row) => typeof row.value['Image'] === 'string' && typeof row.value['Names'] === 'string',
    )
  )
    return 'docker-ps';
  return null;
}

function isCompose(value: JsonRecord): boolean {
  const services = value['services'];
  if (!isJsonRecord(services)) return false;
  const entries = Object.values(services);
  return (
    entries.length > 0 &&
    entries.every((service) => service === null || isJsonRecord(service)) &&
    entries.some(
      (service) =>
        isJsonRecord(service) &&
        (typeof service['image'] === 'string' || service['build'] !== undefined),
    )
  );
}

const kubeKinds = /* @__PURE__ */ new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Pod',
  'ReplicaSet',
  'List',
]);

function isKubeObject(value: JsonValue): boolean {
  return (
    isJsonRecord(value) &&
    typeof value['apiVersion'] === 'string' &&
    typeof value['kind'] === 'string' &&
    kubeKinds.has(value['kind'])
  );
}

function isHello(value: JsonRecord): boolean {
  return (
    typeof value['status'] === 'string' &&
    typeof value['version'] === 'string' &&
    (typeof value['description'] === 'string' ||
      isJsonRecord(value['details']) ||
      typeof value['message'] === 'string') &&
    Object.keys(value).length <= 8
  );
}

function isDockerInspect(value: JsonRecord): boolean {
  const config = value['Config'];
  return (
    isJsonRecord(config) &&
    (typeof config['Image'] === 'string' || Array.isArray(value['RepoTags'])) &&
    typeof value['Id'] === 'string'
  );
}

function isHelmListRow(value: JsonRecord): boolean {
  return (
    typeof value['name'] === 'string' &&
    typeof value['chart'] === 'string' &&
    'app_version' in value
  );
}

function isHelmValues(value: JsonRecord): boolean {
  if (
    ['tyk-gateway', 'tyk-dashboard', 'tyk-pump', 'tyk-mdcb'].some((key) => isJsonRecord(value[key]))
  )
    return true;
  const global = value['global'];
  if (
    isJsonRecord(global) &&
    ['redis', 'hashKeys', 'storageType', 'remoteControlPlane', 'mongo', 'postgres', 'license'].some(
      (key) => key in global,
    )
  )
    return true;
  // The deprecated tyk-helm-chart (tyk-pro, tyk-hybrid, tyk-headless).
  return (
    isJsonRecord(value['gateway']) &&
    (isJsonRecord(value['dash']) || 'backend' in value || isJsonRecord(value['rpc']))
  );
}

function isSyncIndex(value: JsonRecord): boolean {
  return value['type'] === 'apidef' && Array.isArray(value['files']);
}

/** How many API definitions a value holds, in any of the export shapes. */
export function apiDefinitionsIn(value: JsonValue): number {
  if (Array.isArray(value)) {
    let count = 0;
    for (const item of value) count += apiDefinitionsIn(item);
    return count;
  }
  if (!isJsonRecord(value)) return 0;
  if (Array.isArray(value['apis'])) return apiDefinitionsIn(value['apis']);
  if (isJsonRecord(value['api_definition']) || isJsonRecord(value['oas'])) return 1;
  if (isJsonRecord(value['x-tyk-api-gateway'])) return 1;
  if (
    typeof value['api_id'] === 'string' &&
    (isJsonRecord(value['proxy']) || isJsonRecord(value['version_data']))
  )
    return 1;
  return 0;
}

const configMarkers: Readonly<Record<ConfigKind, readonly string[]>> = {
  'gateway-config': [
    'app_path',
    'middleware_path',
    'policies',
    'slave_options',
    'use_db_app_configs',
    'db_app_conf_options',
    'tyk_js_path',
    'template_path',
    'enable_jsvm',
    'coprocess_options',
    'hash_key_function',
    'enable_bundle_downloader',
    'analytics_config',
    'node_secret',
  ],
  'dashboard-config': [
    'tyk_api_config',
    'mongo_url',
    'admin_secret',
    'license_key',
    'redis_host',
    'redis_port',
    'redis_addrs',
    'host_config',
    'shared_node_secret',
    'email_backend',
    'home_dir',
    'ui',
    'mongo_driver',
  ],
  'pump-config': [
    'pumps',
    'analytics_storage_type',
    'analytics_storage_config',
    'purge_delay',
    'uptime_pump_config',
    'dont_purge_uptime_data',
    'health_check_endpoint_port',
    'omit_detailed_recording',
  ],
  'mdcb-config': [
    'forward_analytics_to_pump',
    'sync_worker_config',
    'analytics',
    'session_timeout',
    'healthcheck_port',
    'http_port',
    'server_options',
    'track_all_paths',
    'enable_multiple_analytics_keys',
    'aggregates_ignore_tags',
  ],
};

/** Keys several components share; they only break a tie in favour of the components that use them. */
const sharedMarkers: Readonly<Record<ConfigKind, readonly string[]>> = {
  'gateway-config': ['listen_port', 'secret', 'storage', 'hash_keys', 'http_server_options'],
  'dashboard-config': ['listen_port', 'storage', 'hash_keys', 'http_server_options'],
  'pump-config': [],
  'mdcb-config': ['listen_port', 'storage', 'hash_keys', 'license'],
};

function configKind(value: JsonRecord): ConfigKind | null {
  const keys = new Set(Object.keys(value));
  let best: ConfigKind | null = null;
  let bestScore = 0;
  let isTie = false;
  for (const kind of Object.keys(configMarkers) as ConfigKind[]) {
    const unique = configMarkers[kind].filter((key) => keys.has(key)).length;
    const shared = sharedMarkers[kind].filter((key) => keys.has(key)).length;
    const score = unique * 3 + shared;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
      isTie = false;
    } else if (score === bestScore && score > 0) {
      isTie = true;
    }
  }
  return bestScore >= 3 && !isTie ? best : null;
}

export type { FileKind };
