// Turns whatever arrives (typed answers, a stored plan, a shared link, CLI flags) into a checked
// NormalizedInput, or into messages that each name the field at fault. Never throws.
import { answerDefaults, answerLimits } from './answers';
import { shownValue } from './message-text';
import { isBlank, isRecord, oneOf, type Messages } from './read-input';
import { readDataPlanes, readNames } from './validate-sites';
import { readVersionChange } from './validate-versions';
import { componentIds, findComponent } from './catalog/components';
import { databaseIds } from './catalog/databases';
import { findInstall, installIds } from './catalog/installs';
import { combinationProblem, componentsOf, findModel, modelIds } from './catalog/models';
import { strategyIds } from './catalog/strategies';
import { documentedCompanions, recommendedCompanions } from './releases';
import type {
  ComponentId,
  Database,
  DeploymentModel,
  InstallType,
  NormalizedInput,
  PlanFacts,
  ResolvedChange,
  Strategy,
  ValidationResult,
} from './types';

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
