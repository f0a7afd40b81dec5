// Turns whatever arrives (typed answers, a stored plan, a shared link, CLI flags) into a checked
// NormalizedInput, or into messages that each name the field at fault. Never throws.
import { answerDefaults, answerLimits, architectures } from './answers';
import { shownValue } from './message-text';
import { isBlank, isRecord, oneOf, type Messages } from './read-input';
import { readDataPlanes, readNames } from './validate-sites';
import { noDefaults, readVersionChange, type LineDefaults } from './validate-versions';
import { versionLineLabel } from './summary';
import { componentIds, componentLabel, findComponent } from './catalog/components';
import { databaseIds } from './catalog/databases';
import { findInstall, installIds } from './catalog/installs';
import { combinationProblem, componentsOf, findModel, modelIds } from './catalog/models';
import { strategyIds } from './catalog/strategies';
import { readEstimateAnswers } from './estimate/answers';
import type { EstimateAnswers } from './estimate/types';
import { companionSourceText, companionsFor } from './release-lookup';
import type {
  Architecture,
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

/** The companion versions the release notes list for the current and the target Gateway. */
function companionDefaults(gateway: ResolvedChange | null, line: 'pump' | 'mdcb'): LineDefaults {
  if (gateway === null) return noDefaults;
  const suggestion = (version: string) => {
    const advice = companionsFor(version);
    return advice === null ? null : { version: advice[line], source: companionSourceText(advice) };
  };
  return {
    from: suggestion(gateway.from),
    to: suggestion(gateway.to),
    gatewayFrom: gateway.from,
    gatewayTo: gateway.to,
  };
}

/**
 * A Gateway that stays on its version: a plan for the companions that move (MDCB 2.5 before a
 * 5.3 upgrade, Pump on its own), or nothing to upgrade at all.
 */
function noteGatewayStays(
  gateway: ResolvedChange,
  components: readonly ComponentId[],
  companions: Readonly<Record<'pump' | 'mdcb', ResolvedChange | null>>,
  m: Messages,
): void {
  const label = versionLineLabel('gateway', components);
  const lines = (['pump', 'mdcb'] as const).filter((line) => components.includes(line));
  const moving = lines.filter((line) => {
    const change = companions[line];
    return change !== null && change.from !== change.to;
  });
  if (moving.length > 0) {
    m.warnings.push({
      field: 'gateway.to',
      message: `${label} ${gateway.from} stays as it is: this plan upgrades ${moving.map(componentLabel).join(' and ')} alone.`,
    });
    return;
  }
  // A companion whose own versions are wrong already has its message.
  if (lines.some((line) => companions[line] === null)) return;
  m.errors.push({
    field: 'gateway.to',
    message: `Target ${label} version ${gateway.to} is the version you run now, and no other component changes: there is nothing to upgrade.`,
  });
}

// An image repository as Docker names one: an optional registry host (and port), then lowercase
// path components. A tag or digest is left to the plan, which sets it step by step.
const registryHost =
  '(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\\d+)?/)?';
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const repositoryPattern = new RegExp(`^${registryHost}${pathComponent}(?:/${pathComponent})*$`);

function readImages(
  raw: unknown,
  install: InstallType | null,
  components: readonly ComponentId[],
  m: Messages,
): Record<ComponentId, string | null> {
  const images: Record<ComponentId, string | null> = {
    gateway: null,
    dashboard: null,
    pump: null,
    mdcb: null,
  };
  if (raw === undefined || raw === null || install === null || !findInstall(install).isContainer)
    return images;
  if (!isRecord(raw)) {
    m.errors.push({
      field: 'images',
      message:
        'Image repositories must be given per component, such as gateway: tykio/tyk-gateway.',
    });
    return images;
  }
  for (const component of components) {
    const typed = raw[component];
    if (isBlank(typed)) continue;
    const field = `images.${component}`;
    const label = `${componentLabel(component)} image repository`;
    const text = typeof typed === 'string' ? typed.trim() : '';
    const lastPart = text.slice(text.lastIndexOf('/') + 1);
    if (text.includes('@') || lastPart.includes(':')) {
      m.errors.push({
        field,
        message: `${label} "${shownValue(text)}" has a tag or digest; leave it out, the plan sets the tag of each step.`,
      });
    } else if (text.length > 255 || !repositoryPattern.test(text)) {
      m.errors.push({
        field,
        message: `${label} "${shownValue(typed)}" is not an image repository such as ${findComponent(component).image} or registry.example.com/tyk/${findComponent(component).image.split('/').pop() ?? ''}.`,
      });
    } else {
      images[component] = text;
    }
  }
  return images;
}

function readArchitecture(raw: unknown, usesGoPlugins: boolean, m: Messages): Architecture {
  if (!usesGoPlugins || isBlank(raw)) return answerDefaults.architecture;
  const architecture = oneOf(raw, architectures);
  if (architecture === null) {
    m.errors.push({
      field: 'architecture',
      message: `Gateway architecture "${shownValue(raw)}" is not one of ${architectures.join(', ')}.`,
    });
    return answerDefaults.architecture;
  }
  return architecture;
}

/**
 * The estimate's answers, for the components the deployment runs: a count for a component it does
 * not run is no answer, whatever it holds.
 */
function readEstimate(
  raw: unknown,
  components: readonly ComponentId[],
  m: Messages,
): EstimateAnswers | null {
  const read = readEstimateAnswers(raw);
  const isRun = (field: string): boolean => {
    const component = /^estimate\.instances\.(\w+)$/.exec(field)?.[1];
    return component === undefined || components.some((id) => id === component);
  };
  if (!read.ok) m.errors.push(...read.errors.filter((error) => isRun(error.field)));
  const given = read.answers.instances ?? {};
  const instances = Object.fromEntries(
    components.flatMap((id) => {
      const count = given[id];
      return count === undefined ? [] : [[id, count]];
    }),
  );
  const answers: EstimateAnswers = {
    ...(Object.keys(instances).length === 0 ? {} : { instances }),
    ...(read.answers.databaseGb === undefined ? {} : { databaseGb: read.answers.databaseGb }),
  };
  return Object.keys(answers).length === 0 ? null : answers;
}

function readSharesDatabase(
  raw: unknown,
  strategy: Strategy,
  database: Database | null,
  m: Messages,
): boolean {
  if (strategy !== 'blue-green' || database === null || raw === undefined || raw === null)
    return false;
  if (typeof raw !== 'boolean') {
    m.errors.push({
      field: 'sharesDatabase',
      message:
        'Whether blue and green share one Dashboard database must be answered yes (true) or no (false).',
    });
    return false;
  }
  return raw;
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
  const dataPlanes = readDataPlanes(input['dataPlanes'], model, install, m);

  const gateway = readVersionChange(
    input['gateway'],
    'gateway',
    noDefaults,
    m,
    versionLineLabel('gateway', components),
  );
  const pump = components.includes('pump')
    ? readVersionChange(input['pump'], 'pump', companionDefaults(gateway, 'pump'), m)
    : null;
  const mdcb = components.includes('mdcb')
    ? readVersionChange(input['mdcb'], 'mdcb', companionDefaults(gateway, 'mdcb'), m)
    : null;
  if (gateway !== null && gateway.from === gateway.to) {
    noteGatewayStays(gateway, components, { pump, mdcb }, m);
  }

  const strategy = readStrategy(input['strategy'], m);
  const downtimeMinutes = readDowntime(input['downtimeMinutes'], strategy, m);

  const images = readImages(input['images'], install, components, m);
  const architecture = readArchitecture(input['architecture'], usesGoPlugins, m);
  const sharesDatabase = readSharesDatabase(input['sharesDatabase'], strategy, database, m);
  const estimate = readEstimate(input['estimate'], components, m);

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
    images,
    architecture,
    sharesDatabase,
    ...(estimate === null ? {} : { estimate }),
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
