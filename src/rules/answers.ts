// The answers as the wizard keeps them while they are typed, with the one set of defaults, how they
// fit a change of model, and how they become the input `validate` checks (and come back from a link
// or from storage). The store, the link codec and the CLI all go through here.
import { componentIds } from './catalog/components';
import { databaseIds } from './catalog/databases';
import { findInstall, installIds } from './catalog/installs';
import { componentsOf, findModel, hasDashboardDatabase, modelIds } from './catalog/models';
import { nameFields } from './catalog/name-fields';
import { planeFieldIds, planeFieldsFor } from './catalog/plane-fields';
import { strategyIds } from './catalog/strategies';
import { relevantNameFields } from './names';
import type {
  Architecture,
  ComponentId,
  Database,
  DeploymentModel,
  DraftAnswers,
  DraftDataPlane,
  DraftEstimate,
  DraftVersionChange,
  InstallType,
  NameId,
  Strategy,
} from './types';
import { answerLimits } from './limits';

/** The defaults every source of answers shares: typed, linked, stored or given as CLI flags. */
export const answerDefaults = {
  model: 'self-managed',
  install: 'docker-compose',
  database: 'mongodb',
  strategy: 'rolling',
  downtimeMinutes: 60,
  dataPlaneName: 'data-plane-1',
  architecture: 'amd64',
} as const satisfies {
  readonly architecture: Architecture;
  readonly model: DeploymentModel;
  readonly install: InstallType;
  readonly database: Database;
  readonly strategy: Strategy;
  readonly downtimeMinutes: number;
  readonly dataPlaneName: string;
};

export { answerLimits };

/**
 * The most characters a free-text answer may have, for a field named as `validate` names it
 * (`gateway.to`, `names.namespace`, `dataPlanes[0].release`); null for a field that is not text.
 */
export function maxLengthOf(field: string): number | null {
  if (/^(gateway|pump|mdcb)\.(from|to)$/.test(field)) return answerLimits.maxVersionLength;
  if (/^dataPlanes\[\d+\]\.name$/.test(field)) return answerLimits.maxDataPlaneNameLength;
  if (/^dataPlanes\[\d+\]\.\w+$/.test(field) || field.startsWith('names.')) {
    return answerLimits.maxNameLength;
  }
  if (field === 'downtimeMinutes') return answerLimits.maxDowntimeLength;
  if (field === 'planName') return answerLimits.maxPlanNameLength;
  if (/^estimate\.(instances\.\w+|databaseGb)$/.test(field)) return answerLimits.maxEstimateLength;
  return null;
}

function clip(text: string, limit: number): string {
  return text.length > limit ? text.slice(0, limit) : text;
}

/** A plan name within its limit. */
export function limitPlanName(name: string): string {
  return clip(name, answerLimits.maxPlanNameLength);
}

/** A cover field of the change record within its limit. */
export function limitCoverField(text: string): string {
  return clip(text, answerLimits.maxCoverFieldLength);
}

/** A note, reason or what went wrong, within its limit. */
export function limitStepNote(text: string): string {
  return clip(text, answerLimits.maxStepNoteLength);
}

/**
 * The answers with every text within its limit: the same object when nothing was too long, so a
 * caller can tell whether anything was cut.
 */
export function limitAnswers(answers: DraftAnswers): DraftAnswers {
  const version = (change: DraftVersionChange): DraftVersionChange => ({
    from: clip(change.from, answerLimits.maxVersionLength),
    to: clip(change.to, answerLimits.maxVersionLength),
  });
  const limited: DraftAnswers = {
    ...answers,
    dataPlanes: answers.dataPlanes.map((plane) =>
      planeOf(clip(plane.name, answerLimits.maxDataPlaneNameLength), (id) =>
        clip(plane[id], answerLimits.maxNameLength),
      ),
    ),
    gateway: version(answers.gateway),
    pump: version(answers.pump),
    mdcb: version(answers.mdcb),
    downtimeMinutes: clip(answers.downtimeMinutes, answerLimits.maxDowntimeLength),
    names: Object.fromEntries(
      Object.entries(answers.names).map(([id, value]) => [
        id,
        clip(value, answerLimits.maxNameLength),
      ]),
    ),
    estimate: {
      instances: {
        gateway: clip(answers.estimate.instances.gateway, answerLimits.maxEstimateLength),
        dashboard: clip(answers.estimate.instances.dashboard, answerLimits.maxEstimateLength),
        pump: clip(answers.estimate.instances.pump, answerLimits.maxEstimateLength),
        mdcb: clip(answers.estimate.instances.mdcb, answerLimits.maxEstimateLength),
      },
      databaseGb: clip(answers.estimate.databaseGb, answerLimits.maxEstimateLength),
    },
  };
  const texts = (a: DraftAnswers): string[] => [
    ...a.dataPlanes.flatMap((plane) => [plane.name, ...planeFieldIds.map((id) => plane[id])]),
    a.gateway.from,
    a.gateway.to,
    a.pump.from,
    a.pump.to,
    a.mdcb.from,
    a.mdcb.to,
    a.downtimeMinutes,
    ...Object.values(a.names).map((value) => value ?? ''),
    ...componentIds.map((id) => a.estimate.instances[id]),
    a.estimate.databaseGb,
  ];
  const before = texts(answers);
  const after = texts(limited);
  return before.every((text, index) => text.length === after[index]?.length) ? answers : limited;
}

/** A data plane with every field but its name made by `text`. */
function planeOf(
  name: string,
  text: (id: (typeof planeFieldIds)[number]) => string,
): DraftDataPlane {
  const plane: Record<string, string> = { name };
  for (const id of planeFieldIds) plane[id] = text(id);
  return plane as DraftDataPlane;
}

/** A data plane as typed: its name and, where given, its other fields; the rest left to Tyk's defaults. */
export function draftDataPlane(
  name: string,
  fields: Partial<Omit<DraftDataPlane, 'name'>> = {},
): DraftDataPlane {
  return planeOf(name, (id) => fields[id] ?? '');
}

function emptyPlane(name: string): DraftDataPlane {
  return draftDataPlane(name);
}

export const architectures: readonly Architecture[] = ['amd64', 'arm64'];

/** No repository typed for any component: each takes its default. */
function noImages(): Record<ComponentId, string> {
  return { gateway: '', dashboard: '', pump: '', mdcb: '' };
}

/** No estimate answer typed: every figure takes the estimate's default. */
function noEstimate(): DraftEstimate {
  return { instances: noImages(), databaseGb: '' };
}

/** The answers of a new plan. */
export const defaultAnswers: DraftAnswers = {
  model: answerDefaults.model,
  install: answerDefaults.install,
  images: noImages(),
  architecture: answerDefaults.architecture,
  sharesDatabase: false,
  components: ['dashboard', 'gateway', 'pump'],
  usesGoPlugins: false,
  database: answerDefaults.database,
  dataPlanes: [emptyPlane(answerDefaults.dataPlaneName)],
  gateway: { from: '', to: '' },
  pump: { from: '', to: '' },
  mdcb: { from: '', to: '' },
  strategy: answerDefaults.strategy,
  downtimeMinutes: '',
  names: {},
  estimate: noEstimate(),
};

/** Copies answers so that no two plans (or the defaults) share arrays or objects. */
export function copyAnswers(answers: DraftAnswers): DraftAnswers {
  return {
    ...answers,
    images: { ...answers.images },
    components: [...answers.components],
    dataPlanes: answers.dataPlanes.map((plane) => ({ ...plane })),
    gateway: { ...answers.gateway },
    pump: { ...answers.pump },
    mdcb: { ...answers.mdcb },
    names: { ...answers.names },
    estimate: {
      instances: { ...answers.estimate.instances },
      databaseGb: answers.estimate.databaseGb,
    },
  };
}

/**
 * The answers after a change of model: components, installation and data planes made to fit it.
 * Optional components the old model did not offer come back as the defaults have them.
 */
export function fitAnswersToModel(answers: DraftAnswers, model: DeploymentModel): DraftAnswers {
  const entry = findModel(model);
  const previouslyOffered = componentsOf(answers.model);
  const components = componentsOf(model).filter(
    (id) =>
      entry.requiredComponents.includes(id) ||
      answers.components.includes(id) ||
      (!previouslyOffered.includes(id) && defaultAnswers.components.includes(id)),
  );
  const install = entry.installs.length === 0 ? null : (answers.install ?? defaultAnswers.install);
  const dataPlanes =
    entry.hasDataPlanes && answers.dataPlanes.length === 0
      ? copyAnswers(defaultAnswers).dataPlanes
      : answers.dataPlanes;
  return { ...answers, model, components, install, dataPlanes };
}

/** A version change for `validate`: an empty target means "the recommended one". */
function versionChange(change: DraftVersionChange): { from: string; to?: string } {
  return change.to.trim() === '' ? { from: change.from } : { from: change.from, to: change.to };
}

function downtimeValue(raw: string): number | string {
  return /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
}

/**
 * The object handed to `validate` and `buildPlan`. Answers the chosen model does not use are left
 * out, so a value typed for another model never blocks the plan; blank optional fields fall back
 * to Tyk's defaults.
 */
export function toPlanInput(answers: DraftAnswers): unknown {
  const entry = findModel(answers.model);
  const install = entry.installs.length === 0 ? null : answers.install;
  const names: Partial<Record<NameId, string>> = {};
  for (const field of relevantNameFields({ ...answers, install })) {
    const value = answers.names[field.id];
    if (value !== undefined && value.trim() !== '') names[field.id] = value;
  }
  return {
    model: answers.model,
    ...(install === null ? {} : { install }),
    components: [...answers.components],
    usesGoPlugins: answers.usesGoPlugins,
    ...(hasDashboardDatabase(answers.model, answers.components)
      ? { database: answers.database }
      : {}),
    ...(entry.hasDataPlanes
      ? {
          dataPlanes: answers.dataPlanes.map((plane) => ({
            name: plane.name,
            ...Object.fromEntries(
              planeFieldsFor(install)
                .filter((field) => plane[field.id].trim() !== '')
                .map((field) => [field.id, plane[field.id]]),
            ),
          })),
        }
      : {}),
    gateway: versionChange(answers.gateway),
    ...(answers.components.includes('pump') ? { pump: versionChange(answers.pump) } : {}),
    ...(answers.components.includes('mdcb') ? { mdcb: versionChange(answers.mdcb) } : {}),
    strategy: answers.strategy,
    ...(answers.strategy === 'downtime'
      ? { downtimeMinutes: downtimeValue(answers.downtimeMinutes) }
      : {}),
    names,
    ...imageAnswers(answers, install),
    ...estimateAnswers(answers),
  };
}

/** The estimate's answers as typed, for the components the deployment runs; blank ones left out. */
function estimateAnswers(answers: DraftAnswers): Record<string, unknown> {
  const typed = answers.components.filter((id) => answers.estimate.instances[id].trim() !== '');
  const size = answers.estimate.databaseGb;
  const usesSize = hasDashboardDatabase(answers.model, answers.components) && size.trim() !== '';
  if (typed.length === 0 && !usesSize) return {};
  return {
    estimate: {
      ...(typed.length === 0
        ? {}
        : {
            instances: Object.fromEntries(typed.map((id) => [id, answers.estimate.instances[id]])),
          }),
      ...(usesSize ? { databaseGb: size } : {}),
    },
  };
}

/** The image repositories (container installs), the architecture (Go plugins) and the shared database (blue-green). */
function imageAnswers(answers: DraftAnswers, install: InstallType | null): Record<string, unknown> {
  const typed = answers.components.filter((id) => answers.images[id].trim() !== '');
  const usesImages = install !== null && findInstall(install).isContainer;
  return {
    ...(usesImages && typed.length > 0
      ? { images: Object.fromEntries(typed.map((id) => [id, answers.images[id]])) }
      : {}),
    ...(answers.usesGoPlugins && install !== null ? { architecture: answers.architecture } : {}),
    ...(answers.strategy === 'blue-green' && hasDashboardDatabase(answers.model, answers.components)
      ? { sharesDatabase: answers.sharesDatabase }
      : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.find((id) => id === value);
}

/** A version change from a link: both halves as typed, anything else blank. */
function draftChange(value: unknown): DraftVersionChange {
  if (!isRecord(value)) return { from: '', to: '' };
  const { from, to } = value;
  return {
    from: typeof from === 'string' ? from : '',
    to: typeof to === 'string' ? to : '',
  };
}

function draftText(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

const nameIds: readonly NameId[] = nameFields.map((field) => field.id);

/** The estimate's answers from a link or the CLI, as text; anything malformed is blank. */
function draftEstimate(value: unknown): DraftEstimate {
  const estimate = noEstimate();
  if (!isRecord(value)) return estimate;
  const instances = value['instances'];
  if (isRecord(instances)) {
    for (const id of componentIds) estimate.instances[id] = draftText(instances[id]);
  }
  estimate.databaseGb = draftText(value['databaseGb']);
  return estimate;
}

/**
 * Draft answers from a decoded plan link (or any PlanInput-shaped object): strings as typed,
 * unknown or malformed fields at their defaults, components and data planes fitted to the model.
 * `validate` still judges the result; this only makes it something the wizard can show and edit.
 */
export function answersFromInput(input: Readonly<Record<string, unknown>>): DraftAnswers {
  const model = oneOf(modelIds, input['model']) ?? defaultAnswers.model;
  const rawComponents = input['components'];
  const components = Array.isArray(rawComponents)
    ? componentIds.filter((id) => rawComponents.includes(id))
    : [...defaultAnswers.components];
  const rawPlanes = input['dataPlanes'];
  const dataPlanes = Array.isArray(rawPlanes)
    ? rawPlanes
        .filter(isRecord)
        .map((plane) => planeOf(draftText(plane['name']), (id) => draftText(plane[id])))
    : [];
  const rawNames = input['names'];
  const names: Partial<Record<NameId, string>> = {};
  if (isRecord(rawNames)) {
    for (const id of nameIds) {
      const text = draftText(rawNames[id]);
      if (text !== '') names[id] = text;
    }
  }
  const rawImages = input['images'];
  const images = noImages();
  if (isRecord(rawImages)) {
    for (const id of componentIds) images[id] = draftText(rawImages[id]);
  }
  const answers: DraftAnswers = {
    model,
    install: oneOf(installIds, input['install']) ?? defaultAnswers.install,
    images,
    architecture: oneOf(architectures, input['architecture']) ?? answerDefaults.architecture,
    sharesDatabase: input['sharesDatabase'] === true,
    components,
    usesGoPlugins: input['usesGoPlugins'] === true,
    database: oneOf(databaseIds, input['database']) ?? defaultAnswers.database,
    dataPlanes,
    gateway: draftChange(input['gateway']),
    pump: draftChange(input['pump']),
    mdcb: draftChange(input['mdcb']),
    strategy: oneOf(strategyIds, input['strategy']) ?? defaultAnswers.strategy,
    downtimeMinutes: draftText(input['downtimeMinutes']),
    names,
    estimate: draftEstimate(input['estimate']),
  };
  // The model is already the link's, so fitting keeps the link's components and adds only the
  // required ones; it also clears the installation of Tyk Cloud and adds a missing data plane.
  return copyAnswers(fitAnswersToModel(answers, model));
}

// Reading stored answers back: stricter than a link, because a field of the wrong shape means the
// data is not what this app wrote, and guessing would put words in the user's mouth.

/** Marks a field that is present but of the wrong shape: the whole answer set is refused. */
const wrong = Symbol('wrong shape');
type Read<T> = T | typeof wrong;

export function readStoredString(value: unknown, fallback: string): string | null {
  const read = readString(value, fallback);
  return read === wrong ? null : read;
}

function readString(value: unknown, fallback: string): Read<string> {
  if (value === undefined) return fallback;
  return typeof value === 'string' ? value : wrong;
}

function readChoice<T extends string>(value: unknown, allowed: readonly T[], fallback: T): Read<T> {
  if (value === undefined) return fallback;
  return oneOf(allowed, value) ?? wrong;
}

function readChange(value: unknown): Read<DraftVersionChange> {
  if (value === undefined) return { from: '', to: '' };
  if (!isRecord(value)) return wrong;
  const from = readString(value['from'], '');
  const to = readString(value['to'], '');
  return from === wrong || to === wrong ? wrong : { from, to };
}

function readDataPlanes(value: unknown): Read<DraftDataPlane[]> {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return wrong;
  const planes: DraftDataPlane[] = [];
  for (const item of value) {
    if (!isRecord(item)) return wrong;
    const texts = ['name', ...planeFieldIds].map((id) => readString(item[id], ''));
    if (texts.some((text) => text === wrong)) return wrong;
    const [name = '', ...rest] = texts as string[];
    planes.push(planeOf(name, (id) => rest[planeFieldIds.indexOf(id)] ?? ''));
  }
  return planes;
}

/** A text per component (image repositories, instance counts); a missing one is blank. */
function readComponentTexts(value: unknown): Read<Record<ComponentId, string>> {
  const images = noImages();
  if (value === undefined) return images;
  if (!isRecord(value)) return wrong;
  for (const id of componentIds) {
    const typed = readString(value[id], '');
    if (typed === wrong) return wrong;
    images[id] = typed;
  }
  return images;
}

/** Plans saved before the estimate was asked have none: every figure is then blank. */
function readEstimate(value: unknown): Read<DraftEstimate> {
  const estimate = noEstimate();
  if (value === undefined) return estimate;
  if (!isRecord(value)) return wrong;
  const instances = readComponentTexts(value['instances']);
  const databaseGb = readString(value['databaseGb'], '');
  if (instances === wrong || databaseGb === wrong) return wrong;
  return { instances, databaseGb };
}

function readFlag(value: unknown): Read<boolean> {
  if (value === undefined) return false;
  return typeof value === 'boolean' ? value : wrong;
}

function readNames(value: unknown): Read<Partial<Record<NameId, string>>> {
  if (value === undefined) return {};
  if (!isRecord(value)) return wrong;
  const names: Partial<Record<NameId, string>> = {};
  for (const id of nameIds) {
    const typed = value[id];
    if (typed === undefined) continue;
    // Ports were once numbers; both read back as the text the user sees.
    if (typeof typed === 'number' && Number.isFinite(typed)) names[id] = String(typed);
    else if (typeof typed === 'string') names[id] = typed;
    else return wrong;
  }
  return names;
}

function readComponents(value: unknown): Read<ComponentId[]> {
  if (!Array.isArray(value)) return wrong;
  const chosen: ComponentId[] = [];
  for (const item of value) {
    const id = oneOf(componentIds, item);
    if (id === undefined) return wrong;
    if (!chosen.includes(id)) chosen.push(id);
  }
  return chosen;
}

/** Answers read back from storage, or null when they are not in the shape this app writes. */
export function readStoredAnswers(value: unknown): DraftAnswers | null {
  if (!isRecord(value)) return null;
  // The model decides everything else: without a known one the answers cannot be read.
  const model = oneOf(modelIds, value['model']);
  if (model === undefined) return null;
  const install =
    value['install'] === null
      ? null
      : readChoice(value['install'], installIds, answerDefaults.install);
  const components =
    value['components'] === undefined
      ? [...findModel(model).requiredComponents]
      : readComponents(value['components']);
  const usesGoPlugins =
    value['usesGoPlugins'] === undefined
      ? false
      : typeof value['usesGoPlugins'] === 'boolean'
        ? value['usesGoPlugins']
        : wrong;
  const database = readChoice(value['database'], databaseIds, answerDefaults.database);
  const dataPlanes = readDataPlanes(value['dataPlanes']);
  const gateway = readChange(value['gateway']);
  const pump = readChange(value['pump']);
  const mdcb = readChange(value['mdcb']);
  const strategy = readChoice(value['strategy'], strategyIds, answerDefaults.strategy);
  const downtimeMinutes = readString(value['downtimeMinutes'], '');
  const names = readNames(value['names']);
  const images = readComponentTexts(value['images']);
  const architecture = readChoice(
    value['architecture'],
    architectures,
    answerDefaults.architecture,
  );
  const sharesDatabase = readFlag(value['sharesDatabase']);
  const estimate = readEstimate(value['estimate']);
  if (
    estimate === wrong ||
    images === wrong ||
    architecture === wrong ||
    sharesDatabase === wrong ||
    install === wrong ||
    components === wrong ||
    usesGoPlugins === wrong ||
    database === wrong ||
    dataPlanes === wrong ||
    gateway === wrong ||
    pump === wrong ||
    mdcb === wrong ||
    strategy === wrong ||
    downtimeMinutes === wrong ||
    names === wrong
  ) {
    return null;
  }
  return {
    model,
    install,
    images,
    architecture,
    sharesDatabase,
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
    estimate,
  };
}
