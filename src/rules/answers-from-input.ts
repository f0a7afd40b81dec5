// Draft answers from a decoded plan link, the CLI's flags or any PlanInput-shaped object: lenient,
// so whatever is unknown or malformed takes its default and the wizard can show the rest.
import {
  answerDefaults,
  architectures,
  copyAnswers,
  defaultAnswers,
  fitAnswersToModel,
  nameIds,
  noEstimate,
  noImages,
  oneOf,
  planeOf,
} from './answers';
import { componentIds } from './catalog/components';
import { databaseIds } from './catalog/databases';
import { installIds } from './catalog/installs';
import { modelIds } from './catalog/models';
import { strategyIds } from './catalog/strategies';
import { isRecord } from './read-input';
import type { DraftAnswers, DraftEstimate, DraftVersionChange, NameId } from './types';

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
