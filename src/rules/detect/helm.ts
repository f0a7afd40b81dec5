// Helm: `helm list -o json` (which chart, at which chart version, in which release and namespace)
// and values (`helm get values <release> -o yaml` or a values.yaml) of tyk-oss, tyk-stack,
// tyk-control-plane and tyk-data-plane, and of the deprecated tyk-helm-chart charts.
import type { ComponentId, DeploymentModel } from '../types';
import { observeImage } from './image-facts';
import { parseImage } from './images';
import { isJsonRecord, type JsonDocument, type JsonRecord, type JsonValue } from './json-reader';
import { rank, whereOf, type InstanceDraft, type Observations } from './observations';
import type { Row } from './recognise';
import { envListSources } from './pool';
import { canonicalKey, rememberSecrets } from './settings';

/** Tyk's charts, current and deprecated (facts §3), with the models each one installs. */
export const tykCharts = [
  { chart: 'tyk-oss', models: ['oss'], components: ['gateway'], isControlPlane: true },
  {
    chart: 'tyk-stack',
    models: ['self-managed'],
    components: ['gateway', 'dashboard'],
    isControlPlane: true,
  },
  {
    chart: 'tyk-control-plane',
    models: ['self-managed-mdcb'],
    components: ['gateway', 'dashboard', 'mdcb'],
    isControlPlane: true,
  },
  {
    chart: 'tyk-data-plane',
    models: ['self-managed-mdcb', 'cloud-hybrid'],
    components: ['gateway'],
    isControlPlane: false,
  },
  { chart: 'tyk-headless', models: ['oss'], components: ['gateway'], isControlPlane: true },
  {
    chart: 'tyk-pro',
    models: ['self-managed'],
    components: ['gateway', 'dashboard'],
    isControlPlane: true,
  },
  {
    chart: 'tyk-hybrid',
    models: ['self-managed-mdcb', 'cloud-hybrid'],
    components: ['gateway'],
    isControlPlane: false,
  },
] as const satisfies readonly {
  readonly chart: string;
  readonly models: readonly DeploymentModel[];
  readonly components: readonly ComponentId[];
  readonly isControlPlane: boolean;
}[];

export const deprecatedCharts: readonly string[] = ['tyk-headless', 'tyk-pro', 'tyk-hybrid'];

/** `tyk-stack-1.3.0` -> chart `tyk-stack`, version `1.3.0`. */
export function splitChart(
  text: string,
): { readonly chart: string; readonly version: string } | null {
  const match = /^(.+)-(\d+\.\d+\.\d+(?:-[\w.]+)?)$/.exec(text);
  return match === null ? null : { chart: match[1] ?? '', version: match[2] ?? '' };
}

export function readHelmList(file: string, rows: readonly Row[], observations: Observations): void {
  const summary: string[] = [];
  for (const { value, line } of rows) {
    const chartText = typeof value['chart'] === 'string' ? value['chart'] : '';
    const split = splitChart(chartText);
    const entry = tykCharts.find((chart) => chart.chart === split?.chart);
    if (split === null || entry === undefined) continue;
    const name = typeof value['name'] === 'string' ? value['name'] : '';
    const namespace = typeof value['namespace'] === 'string' ? value['namespace'] : '';
    const where = `${whereOf(line)} (release ${name})`;
    summary.push(`${name} (${split.chart} ${split.version})`);
    observations.helmReleases.push({
      name,
      namespace,
      chart: split.chart,
      chartVersion: split.version,
      file,
      where,
    });
    observations.add({ field: 'install', value: 'helm', file, where, rank: rank.running });
    observations.claimModel({
      models: entry.models,
      file,
      where,
      reason: `the ${split.chart} chart is installed`,
    });
    for (const component of entry.components) observations.addComponent(component, file, where);
    if (entry.isControlPlane) {
      observations.add({
        field: 'names.helmRelease',
        value: name,
        file,
        where,
        rank: rank.running,
      });
      if (namespace !== '')
        observations.add({
          field: 'names.namespace',
          value: namespace,
          file,
          where,
          rank: rank.running,
        });
    }
    const appVersion = typeof value['app_version'] === 'string' ? value['app_version'] : '';
    if (appVersion !== '' && entry.components.length > 0) {
      observations.add({
        field: 'gateway.from',
        value: appVersion.replace(/^v/, ''),
        file,
        where,
        rank: rank.hint,
        note: `the app version of chart ${chartText}; values can set another image tag`,
      });
    }
  }
  observations.readings.push({
    file,
    kind: 'helm-list',
    summary: `helm list: ${summary.length > 0 ? summary.join(', ') : 'no Tyk release'}`,
  });
}

/** Where the umbrella charts keep each component's values. */
const componentValues = [
  { component: 'gateway', key: 'tyk-gateway', inner: 'gateway', legacy: 'gateway' },
  { component: 'dashboard', key: 'tyk-dashboard', inner: 'dashboard', legacy: 'dash' },
  { component: 'pump', key: 'tyk-pump', inner: 'pump', legacy: 'pump' },
  { component: 'mdcb', key: 'tyk-mdcb', inner: 'mdcb', legacy: 'mdcb' },
] as const satisfies readonly {
  readonly component: ComponentId;
  readonly key: string;
  readonly inner: string;
  readonly legacy: string;
}[];

/** The chart defaults for an image repository the values leave out (facts §2). */
function defaultRepository(component: ComponentId, isOss: boolean): string {
  switch (component) {
    case 'gateway':
      return isOss ? 'docker.tyk.io/tyk-gateway/tyk-gateway' : 'tykio/tyk-gateway-ee';
    case 'dashboard':
      return 'tykio/tyk-dashboard';
    case 'pump':
      return isOss ? 'docker.tyk.io/tyk-pump/tyk-pump' : 'tykio/tyk-pump-docker-pub';
    case 'mdcb':
      return 'tykio/tyk-mdcb-docker';
  }
}

function at(value: JsonValue | undefined, path: readonly string[]): JsonValue | undefined {
  let node: JsonValue | undefined = value;
  for (const key of path) {
    if (!isJsonRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

const tykCloudHost = /(^|\.)tyk\.io(:\d+)?$/i;

export function isTykCloudAddress(address: string): boolean {
  const host = address.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '';
  return tykCloudHost.test(host) || /cloud-ara\./i.test(host);
}

export function readHelmValues(file: string, doc: JsonDocument, observations: Observations): void {
  const root = doc.value as JsonRecord;
  const where = (path: string): string => whereOf(doc.lines.get(path), path);
  const global = isJsonRecord(root['global']) ? root['global'] : {};
  observations.hasHelmValues = true;
  observations.add({
    field: 'install',
    value: 'helm',
    file,
    where: where(firstKey(root)),
    rank: rank.declared,
  });

  // Secrets anywhere in the values (licences, API secrets, passwords) are remembered for masking.
  walkSecrets(root, '', observations);

  const isLegacy =
    !componentValues.some(({ key }) => isJsonRecord(root[key])) && isJsonRecord(root['gateway']);
  const remote = isJsonRecord(global['remoteControlPlane']) ? global['remoteControlPlane'] : null;
  const hasDashboard =
    isJsonRecord(root['tyk-dashboard']) ||
    isJsonRecord(root['dash']) ||
    at(global, ['license', 'dashboard']) !== undefined ||
    isJsonRecord(global['adminUser']);
  const hasMdcb = isJsonRecord(root['tyk-mdcb']) || (isLegacy && isJsonRecord(root['mdcb']));
  const isOss = !hasDashboard && !hasMdcb && remote === null;

  const summary: string[] = [];
  if (hasMdcb) {
    observations.claimModel({
      models: ['self-managed-mdcb'],
      file,
      where: where(isLegacy ? 'mdcb' : 'tyk-mdcb'),
      reason: 'the values configure MDCB',
    });
    summary.push('MDCB');
  } else if (remote !== null && remote['enabled'] !== false) {
    const connection =
      typeof remote['connectionString'] === 'string' ? remote['connectionString'] : '';
    const models: DeploymentModel[] =
      connection === ''
        ? ['self-managed-mdcb', 'cloud-hybrid']
        : isTykCloudAddress(connection)
          ? ['cloud-hybrid']
          : ['self-managed-mdcb'];
    observations.claimModel({
      models,
      file,
      where: where('global.remoteControlPlane'),
      reason:
        connection === ''
          ? 'the values make a data plane (global.remoteControlPlane) without saying whether it connects to MDCB or to Tyk Cloud'
          : `the values make a data plane connected to ${connection}`,
    });
    summary.push('data plane');
  } else if (hasDashboard) {
    observations.claimModel({
      models: ['self-managed', 'self-managed-mdcb'],
      file,
      where: where(isJsonRecord(root['tyk-dashboard']) ? 'tyk-dashboard' : 'global'),
      reason: 'the values configure a Dashboard',
    });
  } else if (
    at(root, ['tyk-gateway', 'gateway', 'image', 'repository']) ===
    defaultRepository('gateway', true)
  ) {
    // Only the tyk-oss chart defaults to this image; user-supplied values alone may not say more.
    observations.claimModel({
      models: ['oss'],
      file,
      where: where('tyk-gateway.gateway.image.repository'),
      reason:
        'the values run the open-source Gateway image and configure no Dashboard, MDCB or control plane',
    });
  }

  const instances = new Map<ComponentId, InstanceDraft>();
  const instanceOf = (component: ComponentId): InstanceDraft => {
    const known = instances.get(component);
    if (known !== undefined) return known;
    const created = observations.addInstance({
      component,
      label: `${component} in ${file}`,
      file,
      origin: 'helm',
    });
    instances.set(component, created);
    return created;
  };
  const setting = (
    component: ComponentId,
    path: string,
    value: JsonValue | undefined,
    key: string,
  ): void => {
    if (value === undefined || value === null) return;
    instanceOf(component).sources.push({
      canonical: canonicalKey(path),
      value,
      file,
      where: where(key),
      origin: 'file',
    });
  };

  for (const { component, key, inner, legacy } of componentValues) {
    const section = isLegacy ? root[legacy] : at(root, [key, inner]);
    const present =
      isJsonRecord(isLegacy ? root[legacy] : root[key]) ||
      component === 'gateway' ||
      (component === 'dashboard' && hasDashboard) ||
      (component === 'pump' && at(global, ['components', 'pump']) === true);
    if (!present) continue;
    const sectionPath = isLegacy ? legacy : `${key}.${inner}`;
    instanceOf(component);
    const repository = at(section, ['image', 'repository']);
    const tag = at(section, ['image', 'tag']);
    if (typeof tag === 'string' || typeof repository === 'string') {
      const reference = `${typeof repository === 'string' ? repository : defaultRepository(component, isOss)}${typeof tag === 'string' ? `:${tag}` : ''}`;
      const image = parseImage(reference);
      if (image !== null && typeof tag === 'string')
        observeImage(observations, image, {
          file,
          where: where(`${sectionPath}.image.tag`),
          rank: rank.declared,
        });
      else if (image !== null)
        observations.add({
          field: `images.${component}`,
          value: image.repository,
          file,
          where: where(`${sectionPath}.image.repository`),
          rank: rank.declared,
        });
    }
    const extraEnvs = at(section, ['extraEnvs']);
    if (Array.isArray(extraEnvs)) {
      const pairs = extraEnvs.flatMap((item, index) => {
        if (!isJsonRecord(item) || typeof item['name'] !== 'string') return [];
        const value = item['value'];
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
          return [];
        return [
          {
            name: item['name'],
            value: String(value),
            where: where(`${sectionPath}.extraEnvs[${index}]`),
          },
        ];
      });
      instanceOf(component).sources.push(...envListSources(pairs, component, file, observations));
    }
    summary.push(component);
  }

  // Settings the charts pass to every component from `global`.
  const hashKeys = global['hashKeys'];
  for (const component of ['gateway', 'dashboard', 'mdcb'] as const)
    if (instances.has(component)) setting(component, 'hash_keys', hashKeys, 'global.hashKeys');
  const redis = isJsonRecord(global['redis'])
    ? global['redis']
    : isLegacy && isJsonRecord(root['redis'])
      ? root['redis']
      : {};
  const redisKey = isJsonRecord(global['redis']) ? 'global.redis' : 'redis';
  const addrs = redis['addrs'];
  const cluster = redis['enableCluster'];
  for (const [component, addrPath, clusterPath] of [
    ['gateway', 'storage.addrs', 'storage.enable_cluster'],
    ['dashboard', 'redis_addrs', 'enable_cluster'],
    ['mdcb', 'storage.addrs', 'storage.enable_cluster'],
    ['pump', 'analytics_storage_config.addrs', 'analytics_storage_config.enable_cluster'],
  ] as const) {
    if (!instances.has(component)) continue;
    setting(component, addrPath, addrs, `${redisKey}.addrs`);
    setting(component, clusterPath, cluster, `${redisKey}.enableCluster`);
  }
  if (redis['enableSentinel'] === true)
    setting(
      'gateway',
      'storage.master_name',
      redis['masterName'] ?? 'sentinel',
      `${redisKey}.enableSentinel`,
    );

  if (instances.has('dashboard')) {
    const storageType = isLegacy ? root['backend'] : global['storageType'];
    const storageKey = isLegacy ? 'backend' : 'global.storageType';
    if (typeof storageType === 'string')
      setting(
        'dashboard',
        'storage.main.type',
        storageType === 'mongo' ? 'mongo' : storageType,
        storageKey,
      );
    const mongo = isJsonRecord(global['mongo'])
      ? global['mongo']
      : isLegacy && isJsonRecord(root['mongo'])
        ? root['mongo']
        : {};
    const mongoKey = isJsonRecord(global['mongo']) ? 'global.mongo' : 'mongo';
    setting('dashboard', 'mongo_driver', mongo['driver'], `${mongoKey}.driver`);
    setting('dashboard', 'mongo_url', mongo['mongoURL'], `${mongoKey}.mongoURL`);
    const postgres = isJsonRecord(global['postgres']) ? global['postgres'] : {};
    if (typeof postgres['host'] === 'string' && storageType !== 'mongo') {
      const parts = [`host=${postgres['host']}`];
      if (postgres['port'] !== undefined)
        parts.push(`port=${String(postgres['port'] as number | string)}`);
      if (typeof postgres['database'] === 'string') parts.push(`dbname=${postgres['database']}`);
      setting(
        'dashboard',
        'storage.main.connection_string',
        parts.join(' '),
        'global.postgres.host',
      );
    }
  }
  if (remote !== null && remote['enabled'] !== false) {
    setting('gateway', 'slave_options.use_rpc', true, 'global.remoteControlPlane');
    setting(
      'gateway',
      'slave_options.connection_string',
      remote['connectionString'],
      'global.remoteControlPlane.connectionString',
    );
    setting(
      'gateway',
      'slave_options.group_id',
      remote['groupID'],
      'global.remoteControlPlane.groupID',
    );
  }

  const gatewaySection = isLegacy ? root['gateway'] : at(root, ['tyk-gateway', 'gateway']);
  const gatewayPath = isLegacy ? 'gateway' : 'tyk-gateway.gateway';
  for (const [key, path] of [
    ['enablePathPrefixMatching', 'http_server_options.enable_path_prefix_matching'],
    ['enablePathSuffixMatching', 'http_server_options.enable_path_suffix_matching'],
    ['enableStrictRoutes', 'http_server_options.enable_strict_routes'],
  ] as const) {
    const value = at(gatewaySection, [key]);
    if (value === undefined) continue;
    setting('gateway', path, value, `${gatewayPath}.${key}`);
    observations.routeMatching.push({
      value: `${key}: ${String(value as boolean)}`,
      file,
      where: where(`${gatewayPath}.${key}`),
    });
  }

  observations.readings.push({
    file,
    kind: 'helm-values',
    summary: `Helm values${isLegacy ? ' of the deprecated tyk-helm-chart' : ''}: ${summary.join(', ') || 'no component values'}`,
  });
}

function firstKey(record: JsonRecord): string {
  return Object.keys(record)[0] ?? '';
}

function walkSecrets(value: JsonValue, path: string, observations: Observations, depth = 0): void {
  if (depth > 20) return;
  if (isJsonRecord(value)) {
    for (const [key, child] of Object.entries(value))
      walkSecrets(child, path === '' ? key : `${path}.${key}`, observations, depth + 1);
  } else if (Array.isArray(value)) {
    for (const item of value) walkSecrets(item, path, observations, depth + 1);
  } else {
    rememberSecrets(path, value, observations.scrubber);
  }
}
