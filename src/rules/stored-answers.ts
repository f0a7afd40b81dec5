// Reading stored answers back: stricter than a link, because a field of the wrong shape means the
// data is not what this app wrote, and guessing would put words in the user's mouth.
import {
  answerDefaults,
  architectures,
  nameIds,
  noEstimate,
  noImages,
  oneOf,
  planeOf,
} from './answers';
import { componentIds } from './catalog/components';
import { databaseIds } from './catalog/databases';
import { installIds } from './catalog/installs';
import { findModel, modelIds } from './catalog/models';
import { planeFieldIds } from './catalog/plane-fields';
import { strategyIds } from './catalog/strategies';
import { isRecord } from './read-input';
import type {
  ComponentId,
  DraftAnswers,
  DraftDataPlane,
  DraftEstimate,
  DraftVersionChange,
  NameId,
} from './types';

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
