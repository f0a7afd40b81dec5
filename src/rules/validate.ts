// Turns whatever arrives (typed answers, a stored plan, a shared link, CLI flags) into a checked
// NormalizedInput, or into messages that each name the field at fault. Never throws.
import { answerDefaults, answerLimits } from './answers';
import { shownValue } from './message-text';
import { componentIds, findComponent } from './catalog/components';
import { databaseIds } from './catalog/databases';
import { findInstall, installIds } from './catalog/installs';
import { combinationProblem, componentsOf, findModel, modelIds } from './catalog/models';
import { strategyIds } from './catalog/strategies';
import { nameFields } from './catalog/name-fields';
import {
  dataPlaneDefaults,
  defaultNames,
  effectiveNameKind,
  isNameRelevant,
  nameProblem,
} from './names';
import { documentedCompanions, findRelease, recommendedCompanions } from './releases';
import type {
  ComponentId,
  Database,
  DeploymentModel,
  FieldMessage,
  InstallType,
  NameField,
  Names,
  NormalizedInput,
  PlanFacts,
  ResolvedChange,
  ResolvedDataPlane,
  Strategy,
  ValidationResult,
  VersionLine,
} from './types';
import { isNewer, parseVersion } from './versions';

type Messages = { errors: FieldMessage[]; warnings: FieldMessage[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value.trim())
    ? (value.trim() as T)
    : null;
}

const lineLabel = { gateway: 'Gateway and Dashboard', pump: 'Pump', mdcb: 'MDCB' } as const;

function readModel(raw: unknown, m: Messages): DeploymentModel | null {
  if (isBlank(raw)) {
    m.errors.push({ field: 'model', message: 'Choose a deployment model.' });
    return null;
  }
  const model = oneOf(raw, modelIds);
  if (model === null) {
    m.errors.push({
      field: 'model',
      message: `Deployment model "${shownValue(raw)}" does not exist; choose one of ${modelIds.join(', ')}.`,
    });
  }
  return model;
}

function readInstall(raw: unknown, model: DeploymentModel | null, m: Messages): InstallType | null {
  if (isBlank(raw)) return null;
  const install = oneOf(raw, installIds);
  if (install === null) {
    m.errors.push({
      field: 'install',
      message: `Installation type "${shownValue(raw)}" does not exist; choose one of ${installIds.join(', ')}.`,
    });
    return null;
  }
  if (model !== null && findModel(model).installs.length === 0) {
    m.errors.push({
      field: 'install',
      message: `${findModel(model).label} has no installation type: Tyk runs it, so "${install}" does not apply.`,
    });
    return null;
  }
  return install;
}

function readComponents(raw: unknown, model: DeploymentModel | null, m: Messages): ComponentId[] {
  if (model === null) return [];
  if (raw === undefined || raw === null) return [...findModel(model).requiredComponents];
  if (!Array.isArray(raw)) {
    m.errors.push({
      field: 'components',
      message: 'Components must be a list such as gateway, dashboard, pump.',
    });
    return [];
  }
  const known = componentIds;
  const chosen = new Set<ComponentId>();
  for (const item of raw) {
    const id = oneOf(item, known);
    if (id === null) {
      m.errors.push({
        field: 'components',
        message: `Component "${shownValue(item)}" does not exist; choose from ${known.join(', ')}.`,
      });
    } else {
      chosen.add(id);
    }
  }
  // Catalogue order, duplicates dropped.
  return componentsOf(model)
    .filter((id) => chosen.has(id))
    .concat([...chosen].filter((id) => !componentsOf(model).includes(id)));
}

function readVersionChange(
  raw: unknown,
  line: VersionLine,
  defaults: { readonly from: string | null; readonly to: string | null },
  m: Messages,
): ResolvedChange | null {
  const defaultTarget = defaults.to;
  const label = lineLabel[line];
  const record = isRecord(raw) ? raw : {};
  if (!isRecord(raw) && raw !== undefined && raw !== null) {
    m.errors.push({
      field: line,
      message: `${label} versions must be given as a current and a target version.`,
    });
    return null;
  }
  const fromRaw = record['from'];
  const toRaw = record['to'];
  let from: string | null = null;
  if (isBlank(fromRaw) && defaults.from !== null) {
    // A companion's current version defaults to what the matrix pairs with the current Gateway.
    from = defaults.from;
    m.warnings.push({
      field: `${line}.from`,
      message: `The current ${label} version was not given; the plan assumes ${from}, the version recommended for your current Gateway. Check it and correct it if it differs.`,
    });
  } else if (isBlank(fromRaw)) {
    m.errors.push({
      field: `${line}.from`,
      message: `Enter the ${label} version you run now, for example ${exampleVersion[line]}. It cannot be assumed: the compatibility matrix starts at Gateway 5.3.0.`,
    });
  } else {
    const parsed = parseVersion(fromRaw);
    if (parsed.ok) from = parsed.version;
    else
      m.errors.push({
        field: `${line}.from`,
        message: `Current ${label} version ${parsed.message}.`,
      });
  }

  let to: string | null = null;
  let isDefaultTarget = false;
  if (isBlank(toRaw)) {
    if (defaultTarget === null) {
      if (line === 'gateway') {
        m.errors.push({
          field: `${line}.to`,
          message: `Enter the ${label} version you want, for example ${exampleVersion[line]}.`,
        });
      }
    } else {
      to = defaultTarget;
      isDefaultTarget = true;
    }
  } else {
    const parsed = parseVersion(toRaw);
    if (parsed.ok) to = parsed.version;
    else
      m.errors.push({ field: `${line}.to`, message: `Target ${label} version ${parsed.message}.` });
  }

  if (from === null || to === null) return null;

  if (isDefaultTarget && !isNewer(to, from)) {
    // The recommended companion is not newer than what runs: leave the component where it is.
    m.warnings.push({
      field: `${line}.to`,
      message: `${label} ${from} is already at or past the version recommended for this Gateway (${to}); it stays on ${from}.`,
    });
    return { from, to: from, isDefaultTarget: true };
  }
  if (isNewer(from, to)) {
    m.errors.push({
      field: `${line}.to`,
      message: `Target ${label} version ${to} is older than the current ${from}. This wizard plans upgrades; to go back, follow the rollback section of your upgrade plan and restore the backups you took.`,
    });
    return null;
  }
  if (from === to) {
    if (line === 'gateway') {
      m.errors.push({
        field: `${line}.to`,
        message: `Target ${label} version ${to} is the version you run now: there is nothing to upgrade.`,
      });
      return null;
    }
    m.warnings.push({
      field: `${line}.to`,
      message: `${label} stays on ${from}: it gets no upgrade step.`,
    });
  }
  for (const [which, version] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (findRelease(line, version) === undefined) {
      m.warnings.push({
        field: `${line}.${which}`,
        message: `${label} ${version} is not in this wizard's release catalogue; check that it exists before you rely on the plan.`,
      });
    }
  }
  // A typed target that equals the recommendation is the recommended target all the same.
  return { from, to, isDefaultTarget: isDefaultTarget || to === defaultTarget };
}

const exampleVersion = { gateway: '5.3.0', pump: '1.9.0', mdcb: '2.5.0' } as const;

function readDatabase(raw: unknown, model: DeploymentModel | null, m: Messages): Database | null {
  if (model === null || !findModel(model).hasDatabase) return null;
  if (isBlank(raw)) return answerDefaults.database;
  const database = oneOf(raw, databaseIds);
  if (database === null) {
    m.errors.push({
      field: 'database',
      message: `Database "${shownValue(raw)}" is not supported; choose mongodb or postgres.`,
    });
  }
  return database;
}

function readStrategy(raw: unknown, m: Messages): Strategy {
  if (isBlank(raw)) return answerDefaults.strategy;
  const strategy = oneOf(raw, strategyIds);
  if (strategy === null) {
    m.errors.push({
      field: 'strategy',
      message: `Strategy "${shownValue(raw)}" does not exist; choose ${strategyIds.join(', ')}.`,
    });
    return answerDefaults.strategy;
  }
  return strategy;
}

function readDowntime(raw: unknown, strategy: Strategy, m: Messages): number | null {
  if (strategy !== 'downtime') return null;
  if (isBlank(raw)) return answerDefaults.downtimeMinutes;
  const minutes =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)
        ? Number(raw)
        : NaN;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > answerLimits.maxDowntimeMinutes) {
    m.errors.push({
      field: 'downtimeMinutes',
      message: `Downtime window "${shownValue(raw)}" is not a number of minutes from 1 to ${answerLimits.maxDowntimeMinutes}.`,
    });
    return null;
  }
  return minutes;
}

function readNames(raw: unknown, context: NameContext, m: Messages): Names {
  const defaults = defaultNames(context.model, context.install);
  if (raw === undefined || raw === null) return defaults;
  if (!isRecord(raw)) {
    m.errors.push({ field: 'names', message: 'Names must be given as field: value pairs.' });
    return defaults;
  }
  const names: Record<string, string | number> = { ...defaults };
  for (const [key, value] of Object.entries(raw)) {
    const field: NameField | undefined = nameFields.find((f) => f.id === key);
    if (field === undefined) {
      m.warnings.push({
        field: `names.${shownValue(key)}`,
        message: `"${shownValue(key)}" is not a name this wizard uses; it was ignored.`,
      });
      continue;
    }
    if (isBlank(value)) continue;
    const relevant = isNameRelevant(field, context);
    const problem = nameProblem(
      effectiveNameKind(field, context.install),
      typeof value === 'string' ? value.trim() : value,
    );
    if (problem !== null) {
      // A name that no command uses cannot break the plan: keep the default quietly.
      if (relevant)
        m.errors.push({ field: `names.${field.id}`, message: `${field.label}: ${problem}` });
      continue;
    }
    names[field.id] = field.kind === 'port' ? Number(value) : String(value).trim();
  }
  return names as Names;
}

type NameContext = Pick<NormalizedInput, 'model' | 'install' | 'components' | 'usesGoPlugins'>;

function readDataPlanes(
  raw: unknown,
  model: DeploymentModel | null,
  m: Messages,
): ResolvedDataPlane[] {
  if (model === null || !findModel(model).hasDataPlanes) return [];
  const list: unknown[] =
    raw === undefined || raw === null
      ? [{ name: answerDefaults.dataPlaneName }]
      : Array.isArray(raw)
        ? raw
        : [];
  if (!Array.isArray(raw) && raw !== undefined && raw !== null) {
    m.errors.push({ field: 'dataPlanes', message: 'Data planes must be a list of names.' });
    return [];
  }
  if (list.length === 0) {
    m.errors.push({
      field: 'dataPlanes',
      message: `${findModel(model).label} needs at least one data plane.`,
    });
    return [];
  }
  if (list.length > answerLimits.maxDataPlanes) {
    m.errors.push({
      field: 'dataPlanes',
      message: `At most ${answerLimits.maxDataPlanes} data planes fit in one plan; split the upgrade.`,
    });
    return [];
  }
  const seen = new Set<string>();
  const planes: ResolvedDataPlane[] = [];
  list.forEach((item, index) => {
    const at = `dataPlanes[${index}]`;
    const record = isRecord(item) ? item : typeof item === 'string' ? { name: item } : null;
    if (record === null) {
      m.errors.push({ field: at, message: `Data plane ${index + 1} must have a name.` });
      return;
    }
    const rawName = typeof record['name'] === 'string' ? record['name'].trim() : record['name'];
    const nameError = isBlank(rawName) ? 'is empty.' : nameProblem('k8s-name', rawName);
    if (nameError !== null || typeof rawName !== 'string') {
      m.errors.push({
        field: `${at}.name`,
        message: `Data plane ${index + 1} name: ${nameError ?? 'must be text.'}`,
      });
      return;
    }
    if (rawName.length > 40) {
      m.errors.push({
        field: `${at}.name`,
        message: `Data plane ${index + 1} name is longer than 40 characters.`,
      });
      return;
    }
    if (seen.has(rawName)) {
      m.errors.push({
        field: `${at}.name`,
        message: `Data plane name "${rawName}" is used twice; each needs its own name.`,
      });
      return;
    }
    seen.add(rawName);
    const plane = { name: rawName, ...dataPlaneDefaults(rawName, list.length) };
    const overrides = [
      ['namespace', 'k8s-name', 'namespace'],
      ['release', 'k8s-name', 'Helm release'],
      ['gatewayHost', 'host', 'Gateway host'],
    ] as const;
    let isValid = true;
    for (const [key, kind, label] of overrides) {
      const value = typeof record[key] === 'string' ? record[key].trim() : record[key];
      if (isBlank(value)) continue;
      const problem = nameProblem(kind, value);
      if (problem !== null || typeof value !== 'string') {
        m.errors.push({
          field: `${at}.${key}`,
          message: `Data plane "${rawName}" ${label}: ${problem ?? 'must be text.'}`,
        });
        isValid = false;
      } else {
        plane[key] = value;
      }
    }
    if (isValid) planes.push(plane);
  });
  return planes;
}

/** Checks every answer; fills in defaults; never throws. */
export function validate(input: unknown): ValidationResult {
  const m: Messages = { errors: [], warnings: [] };
  if (!isRecord(input)) {
    return {
      ok: false,
      errors: [{ field: 'input', message: 'The answers are missing or are not an object.' }],
      warnings: [],
    };
  }

  const model = readModel(input['model'], m);
  const install = readInstall(input['install'], model, m);
  const components = readComponents(input['components'], model, m);
  if (model !== null && m.errors.every((e) => e.field !== 'install' && e.field !== 'components')) {
    const problem = combinationProblem(model, install, components);
    if (problem !== null) m.errors.push(problem);
  }

  const usesGoPluginsRaw = input['usesGoPlugins'];
  if (
    usesGoPluginsRaw !== undefined &&
    usesGoPluginsRaw !== null &&
    typeof usesGoPluginsRaw !== 'boolean'
  ) {
    m.errors.push({
      field: 'usesGoPlugins',
      message: 'Go plugins must be answered yes (true) or no (false).',
    });
  }
  const usesGoPlugins = usesGoPluginsRaw === true;

  const database = readDatabase(input['database'], model, m);
  const dataPlanes = readDataPlanes(input['dataPlanes'], model, m);

  const gateway = readVersionChange(input['gateway'], 'gateway', { from: null, to: null }, m);
  const currentCompanions = gateway === null ? null : documentedCompanions(gateway.from);
  const targetCompanions = gateway === null ? null : recommendedCompanions(gateway.to);
  const pump = components.includes('pump')
    ? readVersionChange(
        input['pump'],
        'pump',
        { from: currentCompanions?.pump ?? null, to: targetCompanions?.pump ?? null },
        m,
      )
    : null;
  const mdcb = components.includes('mdcb')
    ? readVersionChange(
        input['mdcb'],
        'mdcb',
        { from: currentCompanions?.mdcb ?? null, to: targetCompanions?.mdcb ?? null },
        m,
      )
    : null;

  const strategy = readStrategy(input['strategy'], m);
  const downtimeMinutes = readDowntime(input['downtimeMinutes'], strategy, m);

  const names = readNames(
    input['names'],
    { model: model ?? 'self-managed', install, components, usesGoPlugins },
    m,
  );

  const hasAllVersions =
    gateway !== null &&
    (!components.includes('pump') || pump !== null) &&
    (!components.includes('mdcb') || mdcb !== null);
  if (m.errors.length > 0 || model === null || !hasAllVersions) {
    return {
      ok: false,
      errors:
        m.errors.length > 0
          ? m.errors
          : [{ field: 'input', message: 'The answers are incomplete.' }],
      warnings: m.warnings,
    };
  }
  const normalized: NormalizedInput = {
    model,
    install,
    components,
    usesGoPlugins,
    database,
    dataPlanes,
    gateway,
    pump,
    mdcb,
    strategy,
    downtimeMinutes,
    names,
  };
  return { ok: true, input: normalized, facts: factsOf(normalized), warnings: m.warnings };
}

/** The lookups every later stage needs, done once. */
export function factsOf(input: NormalizedInput): PlanFacts {
  const changes = Object.fromEntries(
    componentIds.map((component) => [
      component,
      input.components.includes(component) ? input[findComponent(component).versionLine] : null,
    ]),
  ) as Record<ComponentId, ResolvedChange | null>;
  return {
    model: findModel(input.model),
    install: input.install === null ? null : findInstall(input.install),
    changes,
    upgraded: componentIds.filter((component) => {
      const change = changes[component];
      return change !== null && change.from !== change.to;
    }),
  };
}
