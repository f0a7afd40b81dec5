// Turns what the readers collected into answers: settings per component (env over file), one
// value per answer where the sources agree or one kind of source clearly outranks the others, and
// a conflict wherever they disagree. Every proposed value keeps one line of evidence.
import { componentsOf, findModel } from '../catalog/models';
import { effectiveNameKind, findNameField, nameProblem } from '../names';
import type { ComponentId, InstallType } from '../types';
import { deploymentFacts } from './deployment-facts';
import { capitalise, resolveField, sourced, type Resolved } from './field-resolution';
import { componentIds, fieldLabel, fieldOrder, fieldSpec } from './fields';
import { observeInstance } from './instance-candidates';
import type { ResolvedInstance } from './instance-settings';
import { resolveModel } from './model-resolution';
import type { Candidate, ModelClaim, Observations } from './observations';
import { mergePlanes, withoutWhere, type PlaneDraft } from './plane-drafts';
import { pluginCandidates } from './plugin-candidates';
import { effectiveSettings } from './settings';
import type { Conflict, DeploymentFacts, DetectedAnswers, Evidence, SourcedValue } from './types';

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

  for (const resolved of resolvedInstances)
    observeInstance(resolved, observations, { add, claims, dataPlanes, mongoDrivers, sqlite });

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
  pluginCandidates(observations, add);

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
  const facts = deploymentFacts(observations, resolvedInstances, values, mongoDrivers, sqlite);
  return { answers: answers as DetectedAnswers, evidence, conflicts, facts };
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
