// Turns what the readers collected into answers: settings per component (env over file), one
// value per answer where the sources agree or one kind of source clearly outranks the others, and
// a conflict wherever they disagree. Every proposed value keeps one line of evidence.
import { componentsOf, findModel } from '../catalog/models';
import { effectiveNameKind, findNameField, nameProblem } from '../names';
import type { ComponentId, DeploymentModel, InstallType } from '../types';
import {
  checkPortField,
  componentIds,
  configPathField,
  fieldLabel,
  fieldOrder,
  fieldSpec,
  workloadNameField,
} from './fields';
import { isTykCloudAddress } from './helm';
import {
  rank,
  type Candidate,
  type InstanceDraft,
  type ModelClaim,
  type Observations,
} from './observations';
import { effectiveSettings } from './settings';
import { masked } from './text';
import type {
  ComponentInstance,
  Conflict,
  DeploymentFacts,
  DetectedAnswers,
  DetectedDataPlane,
  Evidence,
  SourcedSetting,
  SourcedValue,
} from './types';

type Resolved = { readonly value: string; readonly winner: Candidate };

type ResolvedInstance = { readonly draft: InstanceDraft; readonly instance: ComponentInstance };

const defaultPorts = {
  gateway: 8080,
  dashboard: 3000,
  pump: 8083,
  mdcb: 8181,
} as const satisfies Record<ComponentId, number>;

function setting(resolved: ResolvedInstance, key: string): SourcedSetting | undefined {
  return resolved.instance.settings[key];
}

function textSetting(resolved: ResolvedInstance, key: string): string | null {
  const value = setting(resolved, key)?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function isDataPlaneGateway(resolved: ResolvedInstance): boolean {
  if (resolved.instance.component !== 'gateway') return false;
  return (
    setting(resolved, 'slave_options.use_rpc')?.value === true ||
    textSetting(resolved, 'policies.policy_source') === 'rpc'
  );
}

/** `host:port`, `redis://user:pass@host:port/0` -> host and port. */
export function hostAndPort(
  address: string,
): { readonly host: string; readonly port: number | null } | null {
  const withoutScheme = address.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const withoutCredentials = withoutScheme.slice(withoutScheme.lastIndexOf('@') + 1);
  const hostPart = withoutCredentials.split(/[/?,]/)[0] ?? '';
  if (hostPart === '' || hostPart.startsWith('[')) return null;
  const colon = hostPart.lastIndexOf(':');
  if (colon < 0) return { host: hostPart, port: null };
  const port = Number(hostPart.slice(colon + 1));
  return { host: hostPart.slice(0, colon), port: Number.isInteger(port) && port > 0 ? port : null };
}

/** A Dashboard, Pump or MDCB connection string: the database host and name it points at. */
export function databaseTarget(connection: string): {
  readonly host: string | null;
  readonly name: string | null;
} {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(connection.trim())) {
    const target = hostAndPort(connection);
    const path = /^[a-z][a-z0-9+.-]*:\/\/[^/]*\/([^?]*)/i.exec(connection.trim())?.[1] ?? '';
    return { host: target?.host ?? null, name: path === '' ? null : decodeSafely(path) };
  }
  const host = /(?:^|\s)host=([^\s]+)/.exec(connection)?.[1] ?? null;
  const name = /(?:^|\s)(?:dbname|database)=([^\s]+)/.exec(connection)?.[1] ?? null;
  return { host, name };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function reasonFor(winner: Candidate): string {
  if (winner.rank >= rank.reported) return 'what the running component reports';
  if (winner.rank >= rank.running) return 'what runs now';
  if (winner.rank >= rank.collected) return 'what the collector found';
  if (winner.rank >= rank.declared) return 'what the files declare';
  return 'the most direct source';
}

function sourced(candidate: Candidate): SourcedValue {
  return { value: candidate.value, file: candidate.file, where: candidate.where };
}

function describe(candidate: Candidate): string {
  return `${candidate.value} (${candidate.file}${candidate.where === '' ? '' : `, ${candidate.where}`})`;
}

function uniqueSources(candidates: readonly Candidate[]): SourcedValue[] {
  const seen = new Set<string>();
  const result: SourcedValue[] = [];
  for (const candidate of candidates) {
    const key = `${candidate.value}\u0000${candidate.file}\u0000${candidate.where}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(sourced(candidate));
  }
  return result;
}

const extraAdvice: Readonly<Record<string, string>> = {
  'names.redisHost':
    'The Gateways, the Dashboard and MDCB of one control plane share one Redis: check the one that differs.',
};

/** Said when a file and what runs disagree. */
const notAppliedAdvice =
  'Where a file and what runs differ, the file may have been changed and not applied yet, or belong to another environment.';

/** One value for a field, or none; conflicts are pushed where the sources disagree. */
function resolveField(
  field: string,
  candidates: readonly Candidate[],
  conflicts: Conflict[],
): Resolved | null {
  const known = candidates.filter((candidate) => candidate.isUnresolved !== true);
  const unresolved = candidates.filter((candidate) => candidate.isUnresolved === true);
  const label = fieldLabel(field);
  if (known.length === 0) {
    if (unresolved.length > 0) {
      const notes = [...new Set(unresolved.map((candidate) => candidate.note ?? candidate.value))];
      conflicts.push({
        field,
        values: uniqueSources(unresolved),
        chosen: null,
        message: `${capitalise(label)} cannot be read from the files: ${notes.join('; ')}. Enter it yourself.`,
      });
    }
    return null;
  }
  const byRank = [...known].sort((a, b) => b.rank - a.rank);
  const top = byRank[0] as Candidate;
  const distinct = new Set(known.map((candidate) => candidate.value));
  if (distinct.size === 1) {
    if (unresolved.length > 0) {
      conflicts.push({
        field,
        values: uniqueSources([...unresolved, ...byRank]),
        chosen: top.value,
        message: `${capitalise(label)}: ${unresolved.map(describe).join(', ')} does not say it; ${describe(top)} does, so ${top.value} is proposed.`,
      });
    }
    return { value: top.value, winner: top };
  }
  const topValues = new Set(
    byRank.filter((candidate) => candidate.rank === top.rank).map((c) => c.value),
  );
  const chosen = topValues.size === 1 ? top.value : null;
  const listed = [...byRank, ...unresolved];
  const mixesFilesAndRunning =
    byRank.some((candidate) => candidate.rank >= rank.running) &&
    byRank.some((candidate) => candidate.rank <= rank.declared);
  const advice = [extraAdvice[field], mixesFilesAndRunning ? notAppliedAdvice : undefined]
    .filter((text) => text !== undefined)
    .join(' ');
  conflicts.push({
    field,
    values: uniqueSources(listed),
    chosen,
    message: `Sources disagree on ${label}: ${listed.map(describe).join('; ')}. ${
      chosen === null
        ? 'Choose the right one: the plan needs one value.'
        : `Proposed ${chosen}, ${reasonFor(top)}.`
    }${advice === '' ? '' : ` ${advice}`}`,
  });
  return chosen === null ? null : { value: chosen, winner: top };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const allModels: readonly DeploymentModel[] = [
  'cloud-hybrid',
  'self-managed',
  'self-managed-mdcb',
  'oss',
];

function resolveModel(
  claims: readonly ModelClaim[],
  conflicts: Conflict[],
): { readonly model: DeploymentModel; readonly claim: ModelClaim } | null {
  if (claims.length === 0) return null;
  let possible = new Set<DeploymentModel>(allModels);
  for (const claim of claims)
    possible = new Set(claim.models.filter((model) => possible.has(model)));
  const describeClaim = (claim: ModelClaim): string =>
    `${claim.reason} (${claim.file}, ${claim.where})`;
  const values = (list: readonly ModelClaim[]): SourcedValue[] =>
    list.map((claim) => ({
      value: claim.models.join(' or '),
      file: claim.file,
      where: claim.where,
    }));
  if (possible.size === 0) {
    conflicts.push({
      field: 'model',
      values: values(claims),
      chosen: null,
      message: `The files describe more than one deployment model: ${claims.map(describeClaim).join('; ')}. Were files of two environments given together? Choose the model.`,
    });
    return null;
  }
  let model: DeploymentModel | null = null;
  if (possible.size === 1) model = [...possible][0] ?? null;
  else if (possible.size === 2 && possible.has('self-managed') && possible.has('self-managed-mdcb'))
    model = 'self-managed';
  if (model === null) {
    if (possible.size < allModels.length) {
      conflicts.push({
        field: 'model',
        values: values(claims),
        chosen: null,
        message: `The files fit ${[...possible].map((id) => findModel(id).label).join(' or ')}: ${claims.map(describeClaim).join('; ')}. Choose the model.`,
      });
    }
    return null;
  }
  const chosen = model;
  const specific = claims
    .filter((claim) => claim.models.includes(chosen))
    .sort((a, b) => a.models.length - b.models.length)[0] as ModelClaim;
  return { model: chosen, claim: specific };
}

export type Resolution = {
  readonly answers: DetectedAnswers;
  readonly evidence: readonly Evidence[];
  readonly conflicts: readonly Conflict[];
  readonly facts: DeploymentFacts;
};

export function resolve(observations: Observations): Resolution {
  const conflicts: Conflict[] = [...observations.conflicts];
  const candidates: Candidate[] = [...observations.candidates];
  const claims: ModelClaim[] = [...observations.modelClaims];
  const mongoDrivers: SourcedValue[] = [...observations.mongoDrivers];
  const sqlite: SourcedValue[] = [...observations.sqlite];
  const add = (candidate: Candidate): void => {
    candidates.push(candidate);
  };

  const resolvedInstances: ResolvedInstance[] = observations.instances.map((draft) => ({
    draft,
    instance: {
      component: draft.component,
      label: draft.label,
      settings: effectiveSettings(draft.component, draft.sources),
    },
  }));

  const dataPlanes: PlaneDraft[] = [];

  for (const resolved of resolvedInstances) {
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
          (value) =>
            value !== null && value !== undefined && nameProblem('k8s-name', value) === null,
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
      if (type === 'sqlite')
        sqlite.push({ value: 'analytics.type sqlite', ...at('analytics.type') });
      const driver = textSetting(resolved, 'analytics.driver');
      if (driver !== null) mongoDrivers.push({ value: driver, ...at('analytics.driver') });
    }
  }

  // Components seen only in listings still tell the model.
  for (const [component, seen] of observations.components) {
    if (resolvedInstances.some((resolved) => resolved.instance.component === component)) continue;
    if (component === 'dashboard')
      claims.push({
        models: ['self-managed', 'self-managed-mdcb'],
        file: seen.file,
        where: seen.where,
        reason: 'a Dashboard runs',
      });
    if (component === 'mdcb')
      claims.push({
        models: ['self-managed-mdcb'],
        file: seen.file,
        where: seen.where,
        reason: 'MDCB runs',
      });
  }

  // Plugin use.
  const plugins = observations.plugins;
  if (plugins.goPlugins.length > 0) {
    const first = plugins.goPlugins[0] as (typeof plugins.goPlugins)[number];
    add({
      field: 'usesGoPlugins',
      value: 'true',
      file: first.file,
      where: first.where,
      rank: rank.declared,
      note: `${plugins.goPlugins.length} API definition${plugins.goPlugins.length === 1 ? '' : 's'} load a Go plugin`,
    });
  } else if (plugins.bundles.length > 0) {
    const first = plugins.bundles[0] as (typeof plugins.bundles)[number];
    add({
      field: 'usesGoPlugins',
      value: 'true',
      file: first.file,
      where: first.where,
      rank: rank.hint,
      note: 'the API loads a plugin bundle; its manifest names the driver, so check that it is goplugin',
    });
  } else if (plugins.wasRead) {
    add({
      field: 'usesGoPlugins',
      value: 'false',
      file:
        [...observations.readings]
          .reverse()
          .find(
            (reading) => reading.kind === 'api-definitions' || reading.kind === 'plugin-summary',
          )?.file ?? '',
      where: `${plugins.definitions} API definitions`,
      rank: rank.declared,
      note: `none of the ${plugins.definitions} API definitions given loads a Go plugin${plugins.isPartial ? ', but they are only part of your APIs' : ''}`,
    });
  }
  for (const path of plugins.pluginFiles) {
    const stem = /([^/]+?)(?:_v\d+\.\d+\.\d+[\w.-]*?_[a-z]+_[a-z0-9]+)?\.so$/.exec(path)?.[1];
    if (stem !== undefined)
      add({
        field: 'names.pluginName',
        value: stem,
        file: plugins.goPlugins[0]?.file ?? '',
        where: path,
        rank: rank.declared,
        note: `the plugin file ${path}`,
      });
    const arch = /_linux_(amd64|arm64)\.so$/.exec(path)?.[1];
    if (arch !== undefined)
      add({
        field: 'architecture',
        value: arch,
        file: plugins.goPlugins[0]?.file ?? '',
        where: path,
        rank: rank.hint,
        note: `the plugin build ${path}`,
      });
  }

  // One answer per field.
  const byField = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const list = byField.get(candidate.field) ?? [];
    list.push(candidate);
    byField.set(candidate.field, list);
  }
  const values = new Map<string, Resolved>();
  const fields = [...byField.keys()].sort(
    (a, b) => fieldOrder(a) - fieldOrder(b) || a.localeCompare(b),
  );
  for (const field of fields) {
    const resolved = resolveField(field, byField.get(field) ?? [], conflicts);
    if (resolved !== null) values.set(field, resolved);
  }

  const evidence: Evidence[] = [];
  const answers: Record<string, unknown> = {};
  const use = (
    field: string,
    value: unknown,
    winner: Candidate | { file: string; where: string; note?: string },
    shown?: string,
    evidenceField = field,
  ): void => {
    setPath(answers, field, value);
    evidence.push({
      field: evidenceField,
      value: shown ?? String(value),
      file: winner.file,
      where: winner.where,
      ...(winner.note === undefined ? {} : { note: winner.note }),
    });
  };

  const modelChoice = resolveModel(claims, conflicts);
  const model = modelChoice?.model ?? null;
  if (modelChoice !== null)
    use('model', model, {
      file: modelChoice.claim.file,
      where: modelChoice.claim.where,
      note: modelChoice.claim.reason,
    });

  const install = values.get('install');
  const installValue = (install?.value ?? null) as InstallType | null;
  if (install !== undefined && (model === null || findModel(model).installs.length > 0))
    use('install', install.value, install.winner);

  // Components: what was seen, as far as the model has it, plus what the model always has.
  const allowed = model === null ? componentIds : componentsOf(model);
  const seenComponents = componentIds.filter((id) => observations.components.has(id));
  const required = model === null ? [] : findModel(model).requiredComponents;
  const components = componentIds.filter(
    (id) => (seenComponents.includes(id) && allowed.includes(id)) || required.includes(id),
  );
  if (components.length > 0) {
    setPath(answers, 'components', components);
    for (const id of components) {
      const seen = observations.components.get(id);
      evidence.push(
        seen === undefined
          ? {
              field: 'components',
              value: id,
              file: modelChoice?.claim.file ?? '',
              where: modelChoice?.claim.where ?? '',
              note: `not in the files given; every ${findModel(model ?? 'self-managed').label} deployment has one`,
            }
          : { field: 'components', value: id, file: seen.file, where: seen.where },
      );
    }
  }
  for (const id of seenComponents.filter((component) => !allowed.includes(component))) {
    const seen = observations.components.get(id);
    if (seen !== undefined && model !== null)
      conflicts.push({
        field: 'components',
        values: [seen],
        chosen: null,
        message: `${capitalise(
          fieldLabel(`images.${id}`)
            .replace(/^the /, '')
            .replace(/ image repository$/, ''),
        )} was seen (${seen.file}, ${seen.where}), but ${findModel(model).label} has none: it was left out.`,
      });
  }

  const goPlugins = values.get('usesGoPlugins');
  if (goPlugins !== undefined) use('usesGoPlugins', goPlugins.value === 'true', goPlugins.winner);

  const database = values.get('database');
  if (database !== undefined && (model === null || findModel(model).hasDatabase))
    use('database', database.value, database.winner);

  // Versions: the Gateway and Dashboard share one line.
  const gatewayVersion = values.get('gateway.from');
  const dashboardVersion = values.get('dashboard.from');
  if (
    gatewayVersion !== undefined &&
    dashboardVersion !== undefined &&
    gatewayVersion.value !== dashboardVersion.value
  ) {
    conflicts.push({
      field: 'gateway.from',
      values: [sourced(gatewayVersion.winner), sourced(dashboardVersion.winner)],
      chosen: gatewayVersion.value,
      message: `The Gateway runs ${gatewayVersion.value} and the Dashboard ${dashboardVersion.value}; the plan upgrades them as one line, from the Gateway's version. Bring them to one version first, or check the older one's upgrade notes.`,
    });
  }
  const lineVersion = gatewayVersion ?? dashboardVersion;
  if (lineVersion !== undefined)
    use('gateway.from', lineVersion.value, lineVersion.winner, lineVersion.value);
  for (const component of ['pump', 'mdcb'] as const) {
    const version = values.get(`${component}.from`);
    if (version !== undefined && components.includes(component))
      use(`${component}.from`, version.value, version.winner, version.value);
  }

  // Names, each checked as the plan will check it.
  const nameContextInstall = installValue;
  for (const [field, resolved] of values) {
    if (!field.startsWith('names.')) continue;
    const id = field.slice('names.'.length);
    const nameField = findNameField(id);
    if (nameField === undefined) continue;
    const kind = effectiveNameKind(nameField, nameContextInstall);
    const value = kind === 'port' ? Number(resolved.value) : resolved.value;
    const problem = nameProblem(kind, value);
    if (problem !== null) {
      conflicts.push({
        field,
        values: [sourced(resolved.winner)],
        chosen: null,
        message: `${nameField.label} from ${resolved.winner.file} (${resolved.winner.where}) cannot go into the plan's commands: ${problem}`,
      });
      continue;
    }
    use(field, value, resolved.winner, String(value));
  }

  for (const field of fields) {
    const spec = fieldSpec(field);
    if (spec === undefined || spec.isInternal === true) continue;
    if (!/^(images|compose|redis)\.|^(architecture|fips)$/.test(field)) continue;
    const resolved = values.get(field);
    if (resolved === undefined) continue;
    const component = field.split('.').pop() as ComponentId;
    if (
      /^(images|compose)\./.test(field) &&
      !components.includes(component) &&
      components.length > 0
    )
      continue;
    if (field === 'fips' && !components.includes('gateway')) continue;
    use(
      field,
      spec.type === 'boolean' ? resolved.value === 'true' : resolved.value,
      resolved.winner,
      resolved.value,
    );
  }

  // Data planes, where the model has them.
  const planes = mergePlanes(dataPlanes, observations);
  if (model !== null && findModel(model).hasDataPlanes && planes.length > 0) {
    setPath(
      answers,
      'dataPlanes',
      planes.map((plane) => withoutWhere(plane)),
    );
    for (const plane of planes)
      evidence.push({
        field: 'dataPlanes',
        value: plane.name,
        file: plane.where.file,
        where: plane.where.where,
      });
  }

  evidence.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));

  const versionFacts: Partial<Record<ComponentId, SourcedValue>> = {};
  for (const component of componentIds) {
    const resolved = values.get(`${component}.from`);
    if (resolved !== undefined) versionFacts[component] = sourced(resolved.winner);
  }
  const facts: DeploymentFacts = {
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
  return { answers: answers as DetectedAnswers, evidence, conflicts, facts };
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

function withoutWhere(plane: PlaneDraft): DetectedDataPlane {
  const { name, namespace, release, redisHost, redisPort } = plane;
  return {
    name,
    ...(namespace === undefined ? {} : { namespace }),
    ...(release === undefined ? {} : { release }),
    ...(redisHost === undefined ? {} : { redisHost }),
    ...(redisPort === undefined ? {} : { redisPort }),
  };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1] as string] = value;
}

type RedisTarget = {
  readonly host: string;
  readonly port: number | null;
  readonly file: string;
  readonly where: string;
};

function redisOf(resolved: ResolvedInstance): RedisTarget | null {
  const keys = {
    gateway: ['storage.addrs', 'storage.host', 'storage.port'],
    mdcb: ['storage.addrs', 'storage.host', 'storage.port'],
    dashboard: ['redis_addrs', 'redis_host', 'redis_port'],
    pump: [
      'analytics_storage_config.addrs',
      'analytics_storage_config.host',
      'analytics_storage_config.port',
    ],
  } as const;
  const [addrsKey, hostKey, portKey] = keys[resolved.instance.component];
  const addrs = setting(resolved, addrsKey);
  if (addrs !== undefined && Array.isArray(addrs.value) && addrs.value.length > 0) {
    const first = hostAndPort(String(addrs.value[0]));
    if (first !== null)
      return { host: first.host, port: first.port, file: addrs.file, where: addrs.where };
  }
  const host = setting(resolved, hostKey);
  if (host === undefined || typeof host.value !== 'string' || host.value === '') return null;
  const port = setting(resolved, portKey);
  return {
    host: host.value,
    port: typeof port?.value === 'number' ? port.value : null,
    file: host.file,
    where: host.where,
  };
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

function dashboardDatabase(
  resolved: ResolvedInstance,
  add: (candidate: Candidate) => void,
  mongoDrivers: SourcedValue[],
  sqlite: SourcedValue[],
): void {
  const type = setting(resolved, 'storage.main.type');
  const typeText = typeof type?.value === 'string' ? type.value.toLowerCase() : null;
  const mongoUrl = setting(resolved, 'mongo_url');
  const connection = setting(resolved, 'storage.main.connection_string');
  if (typeText === 'sqlite' && type !== undefined)
    sqlite.push({ value: 'storage.main.type sqlite', file: type.file, where: type.where });
  const database =
    typeText === 'postgres'
      ? 'postgres'
      : typeText === 'mongo' || typeText === 'mongodb'
        ? 'mongodb'
        : mongoUrl !== undefined && typeText === null
          ? 'mongodb'
          : null;
  const source = type ?? mongoUrl;
  if (database !== null && source !== undefined)
    add({
      field: 'database',
      value: database,
      file: source.file,
      where: source.where,
      rank: rank.declared,
    });
  const target =
    database === 'mongodb' && mongoUrl !== undefined && typeof mongoUrl.value === 'string'
      ? { setting: mongoUrl, ...databaseTarget(mongoUrl.value) }
      : connection !== undefined && typeof connection.value === 'string'
        ? { setting: connection, ...databaseTarget(connection.value) }
        : null;
  if (target !== null) {
    const note = `from the Dashboard's connection string`;
    if (target.host !== null)
      add({
        field: 'names.databaseHost',
        value: target.host,
        file: target.setting.file,
        where: target.setting.where,
        rank: rank.declared,
        note,
      });
    if (target.name !== null)
      add({
        field: 'names.databaseName',
        value: target.name,
        file: target.setting.file,
        where: target.setting.where,
        rank: rank.declared,
        note,
      });
  }
  const driver = setting(resolved, 'mongo_driver');
  if (driver !== undefined && typeof driver.value === 'string')
    mongoDrivers.push({ value: driver.value, file: driver.file, where: driver.where });
}

function pumpBackends(
  resolved: ResolvedInstance,
  mongoDrivers: SourcedValue[],
  sqlite: SourcedValue[],
): void {
  for (const [key, value] of Object.entries(resolved.instance.settings)) {
    const match = /^pumps\.([^.]+)\.(type|meta\.type|meta\.driver)$/.exec(key);
    if (match === null || typeof value.value !== 'string') continue;
    const [, name = '', which] = match;
    if (which === 'meta.driver')
      mongoDrivers.push({ value: value.value, file: value.file, where: value.where });
    else if (value.value.toLowerCase() === 'sqlite')
      sqlite.push({
        value: `Pump backend ${name.toLowerCase()} uses sqlite`,
        file: value.file,
        where: value.where,
      });
  }
}

type PlaneDraft = DetectedDataPlane & {
  readonly where: SourcedValue;
  readonly isFromValues: boolean;
};

function mergePlanes(found: readonly PlaneDraft[], observations: Observations): PlaneDraft[] {
  const planes = new Map<string, PlaneDraft>();
  for (const plane of found) if (!planes.has(plane.name)) planes.set(plane.name, plane);
  const releases = observations.helmReleases.filter(
    (release) =>
      (release.chart === 'tyk-data-plane' || release.chart === 'tyk-hybrid') &&
      nameProblem('k8s-name', release.name) === null &&
      ![...planes.values()].some((plane) => plane.release === release.name),
  );
  // One values file of a data plane and one data-plane release: the same plane.
  const fromValues = [...planes.values()].filter(
    (plane) => plane.isFromValues && plane.release === undefined,
  );
  const only = releases.length === 1 && fromValues.length === 1 ? releases[0] : undefined;
  const values = fromValues[0];
  if (only !== undefined && values !== undefined) {
    planes.delete(values.name);
    planes.set(only.name, {
      ...values,
      name: only.name,
      release: only.name,
      ...(only.namespace === '' ? {} : { namespace: only.namespace }),
      where: { value: only.name, file: only.file, where: only.where },
    });
    return [...planes.values()].slice(0, 20);
  }
  for (const release of releases) {
    planes.set(release.name, {
      name: release.name,
      release: release.name,
      ...(release.namespace === '' ? {} : { namespace: release.namespace }),
      where: { value: release.name, file: release.file, where: release.where },
      isFromValues: false,
    });
  }
  return [...planes.values()].slice(0, 20);
}
