// The facts the findings check, as resolved from the files: each instance's settings, the versions,
// Redis, the database, plugin use and Helm, each with where it was read.
import type { ComponentId } from '../types';
import { sourced, type Resolved } from './field-resolution';
import { componentIds } from './fields';
import type { ResolvedInstance } from './instance-settings';
import type { Observations } from './observations';
import type { DeploymentFacts, SourcedValue } from './types';

export function deploymentFacts(
  observations: Observations,
  resolvedInstances: readonly ResolvedInstance[],
  values: ReadonlyMap<string, Resolved>,
  mongoDrivers: SourcedValue[],
  sqlite: SourcedValue[],
): DeploymentFacts {
  const plugins = observations.plugins;
  const versionFacts: Partial<Record<ComponentId, SourcedValue>> = {};
  for (const component of componentIds) {
    const resolved = values.get(`${component}.from`);
    if (resolved !== undefined) versionFacts[component] = sourced(resolved.winner);
  }
  return {
    instances: resolvedInstances.map((resolved) => resolved.instance),
    versions: versionFacts,
    redis: {
      ...optional('version', values.get('redis.version')),
      ...optional('valkeyVersion', values.get('redis.valkeyVersion')),
      ...optional('mode', modeOf(values)),
    },
    database: {
      ...optional('kind', values.get('database')),
      ...optional('version', values.get('databaseVersion')),
      mongoDrivers,
      sqlite,
    },
    plugins: plugins.wasRead
      ? {
          definitions: plugins.definitions,
          goPlugins: plugins.goPlugins.map(({ api, file, where }) => ({ value: api, file, where })),
          bundles: plugins.bundles.map(({ api, file, where }) => ({ value: api, file, where })),
          python: plugins.python.map(({ api, file, where }) => ({ value: api, file, where })),
          pluginFiles: [...plugins.pluginFiles],
          isPartial: plugins.isPartial,
        }
      : null,
    helm: {
      releases: observations.helmReleases,
      routeMatching: observations.routeMatching,
      hasValues: observations.hasHelmValues,
    },
  };
}

function optional<K extends string>(
  key: K,
  resolved: Resolved | SourcedValue | undefined,
): Partial<Record<K, SourcedValue>> {
  if (resolved === undefined) return {};
  const value = 'winner' in resolved ? sourced(resolved.winner) : resolved;
  return { [key]: value } as Partial<Record<K, SourcedValue>>;
}

function modeOf(values: ReadonlyMap<string, Resolved>): SourcedValue | undefined {
  const cluster = values.get('redis.isCluster');
  if (cluster?.value === 'true') return { ...sourced(cluster.winner), value: 'cluster' };
  const sentinel = values.get('redis.isSentinel');
  if (sentinel?.value === 'true') return { ...sourced(sentinel.winner), value: 'sentinel' };
  if (cluster !== undefined) return { ...sourced(cluster.winner), value: 'standalone' };
  return undefined;
}
