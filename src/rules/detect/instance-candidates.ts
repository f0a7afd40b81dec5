// What one component instance tells about the deployment: candidates for its names, ports and
// Redis, the model it implies, the data plane it belongs to and the database it uses.
import { nameProblem } from '../names';
import type { ComponentId } from '../types';
import { dashboardDatabase, pumpBackends } from './database-candidates';
import { capitalise } from './field-resolution';
import { checkPortField, configPathField, workloadNameField } from './fields';
import { isTykCloudAddress } from './helm';
import {
  isDataPlaneGateway,
  redisOf,
  setting,
  textSetting,
  type ResolvedInstance,
} from './instance-settings';
import { rank, type Candidate, type ModelClaim, type Observations } from './observations';
import type { PlaneDraft } from './plane-drafts';
import { masked } from './text';
import type { SourcedValue } from './types';

const defaultPorts = {
  gateway: 8080,
  dashboard: 3000,
  pump: 8083,
  mdcb: 8181,
} as const satisfies Record<ComponentId, number>;

/** Where the instances' clues about the whole deployment are gathered, in the order they are read. */
export type DeploymentClues = {
  readonly add: (candidate: Candidate) => void;
  readonly claims: ModelClaim[];
  readonly dataPlanes: PlaneDraft[];
  readonly mongoDrivers: SourcedValue[];
  readonly sqlite: SourcedValue[];
};

export function observeInstance(
  resolved: ResolvedInstance,
  observations: Observations,
  clues: DeploymentClues,
): void {
  const { add, claims, dataPlanes, mongoDrivers, sqlite } = clues;
  const { draft, instance } = resolved;
  const { component } = instance;
  const file = draft.file;
  const isDataPlane = isDataPlaneGateway(resolved);
  const at = (key: string): { file: string; where: string } => {
    const found = setting(resolved, key);
    return found === undefined
      ? { file, where: draft.label }
      : { file: found.file, where: found.where };
  };

  // Redis, as this component is configured.
  const redis = redisOf(resolved);
  if (isDataPlane) {
    const groupId = textSetting(resolved, 'slave_options.group_id');
    const name =
      [groupId, draft.release?.value, draft.namespace?.value].find(
        (value) => value !== null && value !== undefined && nameProblem('k8s-name', value) === null,
      ) ?? null;
    const connection = textSetting(resolved, 'slave_options.connection_string') ?? '';
    const isPlaceholder =
      connection === '' || connection.includes(masked) || /<[^>]*>/.test(connection);
    claims.push({
      models: isPlaceholder
        ? ['self-managed-mdcb', 'cloud-hybrid']
        : isTykCloudAddress(connection)
          ? ['cloud-hybrid']
          : ['self-managed-mdcb'],
      ...at('slave_options.use_rpc'),
      reason: isPlaceholder
        ? `${draft.label} is a data-plane Gateway (use_rpc) whose connection_string does not say whether it connects to MDCB or to Tyk Cloud`
        : `${draft.label} is a data-plane Gateway connected to ${connection}`,
    });
    if (name !== null) {
      dataPlanes.push({
        name,
        ...(draft.namespace === undefined ? {} : { namespace: draft.namespace.value }),
        ...(draft.release === undefined ? {} : { release: draft.release.value }),
        ...(redis?.host === undefined || redis.host === null ? {} : { redisHost: redis.host }),
        ...(redis?.port === undefined || redis.port === null ? {} : { redisPort: redis.port }),
        where: { value: name, ...at('slave_options.group_id') },
        isFromValues: draft.origin === 'helm',
      });
    }
  } else {
    if (draft.workload !== undefined)
      add({
        field: `names.${workloadNameField[component]}`,
        value: draft.workload.value,
        file,
        where: draft.workload.where,
        rank: draft.workload.rank,
        ...(draft.workload.note === undefined ? {} : { note: draft.workload.note }),
      });
    if (draft.namespace !== undefined)
      add({
        field: 'names.namespace',
        value: draft.namespace.value,
        file,
        where: draft.namespace.where,
        rank: draft.namespace.rank,
      });
    if (draft.release !== undefined)
      add({
        field: 'names.helmRelease',
        value: draft.release.value,
        file,
        where: draft.release.where,
        rank: draft.release.rank,
      });
    if (draft.configPath !== undefined)
      add({
        field: `names.${configPathField[component]}`,
        value: draft.configPath.value,
        file,
        where: draft.configPath.where,
        rank: draft.configPath.rank,
        ...(draft.configPath.note === undefined ? {} : { note: draft.configPath.note }),
      });
    portCandidate(resolved, add);
    if (redis !== null) {
      const redisRank =
        component === 'gateway'
          ? rank.declared
          : component === 'pump'
            ? rank.related - 5
            : rank.related;
      const note =
        `as the ${component === 'mdcb' ? 'MDCB' : capitalise(component)} ${draft.label === file ? '' : `${draft.label} `}is configured`.replace(
          '  ',
          ' ',
        );
      add({
        field: 'names.redisHost',
        value: redis.host,
        file: redis.file,
        where: redis.where,
        rank: redisRank,
        note,
      });
      if (redis.port !== null)
        add({
          field: 'names.redisPort',
          value: String(redis.port),
          file: redis.file,
          where: redis.where,
          rank: redisRank,
          note,
        });
    }
  }

  const cluster = setting(
    resolved,
    component === 'dashboard'
      ? 'enable_cluster'
      : component === 'pump'
        ? 'analytics_storage_config.enable_cluster'
        : 'storage.enable_cluster',
  );
  if (cluster !== undefined && !isDataPlane)
    add({
      field: 'redis.isCluster',
      value: String(cluster.value === true),
      file: cluster.file,
      where: cluster.where,
      rank: component === 'gateway' ? rank.declared : rank.related,
    });
  const sentinel = setting(resolved, 'storage.master_name');
  if (
    sentinel !== undefined &&
    typeof sentinel.value === 'string' &&
    sentinel.value !== '' &&
    !isDataPlane
  )
    add({
      field: 'redis.isSentinel',
      value: 'true',
      file: sentinel.file,
      where: sentinel.where,
      rank: rank.declared,
    });

  // Where the model shows.
  if (component === 'gateway' && !isDataPlane) {
    const source = textSetting(resolved, 'policies.policy_source');
    const usesDashboard = setting(resolved, 'use_db_app_configs')?.value === true;
    if (source === 'service' || usesDashboard)
      claims.push({
        models: ['self-managed', 'self-managed-mdcb'],
        ...at(usesDashboard ? 'use_db_app_configs' : 'policies.policy_source'),
        reason: `${draft.label} loads its APIs and policies from a Dashboard`,
      });
    else if (source === 'file')
      claims.push({
        models: ['oss'],
        ...at('policies.policy_source'),
        reason: `${draft.label} reads policies from files (policy_source file), as an open-source Gateway does`,
      });
  }
  const seenAt = observations.components.get(component);
  const claimAt =
    seenAt === undefined
      ? { file, where: draft.label }
      : { file: seenAt.file, where: seenAt.where };
  if (component === 'dashboard')
    claims.push({
      models: ['self-managed', 'self-managed-mdcb'],
      ...claimAt,
      reason: 'a Dashboard is part of the deployment',
    });
  if (component === 'mdcb')
    claims.push({
      models: ['self-managed-mdcb'],
      ...claimAt,
      reason: 'MDCB is part of the deployment',
    });

  // The database, drivers and SQLite.
  if (component === 'dashboard') dashboardDatabase(resolved, add, mongoDrivers, sqlite);
  if (component === 'pump') pumpBackends(resolved, mongoDrivers, sqlite);
  if (component === 'mdcb') {
    const type = textSetting(resolved, 'analytics.type');
    if (type === 'sqlite') sqlite.push({ value: 'analytics.type sqlite', ...at('analytics.type') });
    const driver = textSetting(resolved, 'analytics.driver');
    if (driver !== null) mongoDrivers.push({ value: driver, ...at('analytics.driver') });
  }
}

function portCandidate(resolved: ResolvedInstance, add: (candidate: Candidate) => void): void {
  const { component } = resolved.instance;
  const portKey = {
    gateway: 'listen_port',
    dashboard: 'listen_port',
    pump: 'health_check_endpoint_port',
    mdcb: 'http_port',
  }[component];
  const configured =
    setting(resolved, portKey) ??
    (component === 'mdcb' ? setting(resolved, 'healthcheck_port') : undefined);
  const inside = typeof configured?.value === 'number' ? configured.value : defaultPorts[component];
  const field = `names.${checkPortField[component]}`;
  const mapping = resolved.draft.ports.find((port) => port.container === inside);
  if (mapping !== undefined) {
    add({
      field,
      value: String(mapping.host),
      file: resolved.draft.file,
      where: mapping.where,
      rank: rank.declared + 5,
      note: `the host side of the port mapping ${mapping.host}:${mapping.container}`,
    });
    return;
  }
  if (configured !== undefined && typeof configured.value === 'number')
    add({
      field,
      value: String(configured.value),
      file: configured.file,
      where: configured.where,
      rank: rank.declared,
    });
}
