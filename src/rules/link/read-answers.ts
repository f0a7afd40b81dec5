// The answers in a decoded payload, field by field: each unknown or malformed value is replaced by
// a default (or left out) and said so in `problems`, in the order the fields are read.
import { answerDefaults, limitCoverField } from '../answers';
import { componentIds } from '../catalog/components';
import { installIds } from '../catalog/installs';
import { modelIds } from '../catalog/models';
import { nameFields } from '../catalog/name-fields';
import { planeFieldIds } from '../catalog/plane-fields';
import { strategyIds } from '../catalog/strategies';
import { readEstimateAnswers } from '../estimate/answers';
import { shownValue } from '../message-text';
import type { ChangeCover, FieldMessage } from '../types';
import { coverOrder, type Payload } from './wire';

function readPair(value: unknown): { from: string; to: string } | null {
  if (!Array.isArray(value) || value.length < 1 || value.length > 2) return null;
  const [from, to = ''] = value as unknown[];
  if (typeof from !== 'string' || typeof to !== 'string') return null;
  return { from: from.slice(0, 64), to: to.slice(0, 64) };
}

// Read as plain strings: a link may hold anything.
const knownModels: readonly string[] = modelIds;
const knownInstalls: readonly string[] = installIds;
const knownStrategies: readonly string[] = strategyIds;
const knownComponents: readonly string[] = componentIds;

/** The PlanInput-shaped answers of a payload of the current schema; the change fields are read apart. */
export function readLinkAnswers(
  payload: Payload,
  problems: FieldMessage[],
): Record<string, unknown> {
  const input: Record<string, unknown> = {};

  const model = payload['m'];
  if (typeof model === 'string' && knownModels.includes(model)) {
    input['model'] = model;
  } else {
    input['model'] = 'self-managed';
    problems.push({
      field: 'model',
      message: `Deployment model ${model === undefined ? 'is missing' : `"${shownValue(model)}" is unknown`}; self-managed was used instead.`,
    });
  }

  const install = payload['i'];
  if (install !== undefined) {
    if (typeof install === 'string' && knownInstalls.includes(install)) input['install'] = install;
    else
      problems.push({
        field: 'install',
        message: `Installation type "${shownValue(install)}" is unknown; choose one on the first page.`,
      });
  }

  const components = payload['c'];
  if (Array.isArray(components)) {
    const known = components.filter(
      (c): c is string => typeof c === 'string' && knownComponents.includes(c),
    );
    const unknown = components.filter((c) => typeof c !== 'string' || !knownComponents.includes(c));
    if (unknown.length > 0) {
      problems.push({
        field: 'components',
        message: `Unknown components were left out: ${unknown.map(shownValue).join(', ')}.`,
      });
    }
    input['components'] = [...new Set(known)];
  } else if (components !== undefined) {
    problems.push({
      field: 'components',
      message: "The link's component list is malformed; the model's required components were used.",
    });
  }

  const goPlugins = payload['gp'];
  input['usesGoPlugins'] = goPlugins === 1 || goPlugins === true;
  if (
    goPlugins !== undefined &&
    goPlugins !== 1 &&
    goPlugins !== true &&
    goPlugins !== 0 &&
    goPlugins !== false
  ) {
    problems.push({
      field: 'usesGoPlugins',
      message: `Go plugins "${shownValue(goPlugins)}" is not yes or no; no was used.`,
    });
  }

  const database = payload['db'];
  if (database !== undefined) {
    if (database === 'mongodb' || database === 'postgres') input['database'] = database;
    else
      problems.push({
        field: 'database',
        message: `Database "${shownValue(database)}" is unknown; ${answerDefaults.database} was used.`,
      });
  }

  for (const [key, field, label] of [
    ['g', 'gateway', 'Gateway'],
    ['p', 'pump', 'Pump'],
    ['md', 'mdcb', 'MDCB'],
  ] as const) {
    const value = payload[key];
    if (value === undefined) continue;
    const pair = readPair(value);
    if (pair === null)
      problems.push({
        field,
        message: `The ${label} versions in the link are malformed; enter them again.`,
      });
    else input[field] = pair;
  }
  if (input['gateway'] === undefined) input['gateway'] = { from: '', to: '' };

  const strategy = payload['s'];
  if (typeof strategy === 'string' && knownStrategies.includes(strategy)) {
    input['strategy'] = strategy;
  } else {
    input['strategy'] = answerDefaults.strategy;
    problems.push({
      field: 'strategy',
      message: `Strategy ${strategy === undefined ? 'is missing' : `"${shownValue(strategy)}" is unknown`}; ${answerDefaults.strategy} was used instead.`,
    });
  }

  const window = payload['w'];
  if (window !== undefined) {
    if (typeof window === 'number' || typeof window === 'string') input['downtimeMinutes'] = window;
    else
      problems.push({
        field: 'downtimeMinutes',
        message: 'The downtime window in the link is malformed; the default was used.',
      });
  }

  const planes = payload['dp'];
  if (planes !== undefined) {
    if (Array.isArray(planes)) {
      input['dataPlanes'] = planes.slice(0, 50).map((plane) => {
        const [name, ...rest] = Array.isArray(plane) ? (plane as unknown[]) : [plane];
        return Object.fromEntries(
          [['name', name], ...planeFieldIds.map((id, index) => [id, rest[index]] as const)].filter(
            ([, value]) => typeof value === 'string' && value !== '',
          ),
        );
      });
    } else {
      problems.push({
        field: 'dataPlanes',
        message: 'The data planes in the link are malformed; enter them again.',
      });
    }
  }

  const names = payload['n'];
  if (names !== undefined) {
    if (typeof names === 'object' && names !== null && !Array.isArray(names)) {
      const kept: Record<string, string | number> = {};
      for (const [key, value] of Object.entries(names)) {
        const known = nameFields.some((f) => f.id === key);
        if (!known)
          problems.push({
            field: `names.${shownValue(key)}`,
            message: `Name "${shownValue(key)}" is unknown; it was ignored.`,
          });
        else if (typeof value === 'string' || typeof value === 'number') kept[key] = value;
        else
          problems.push({
            field: `names.${key}`,
            message: `Name ${key} is malformed; Tyk's default was used.`,
          });
      }
      input['names'] = kept;
    } else {
      problems.push({
        field: 'names',
        message: "The link's names are malformed; Tyk's defaults were used.",
      });
    }
  }

  readImageEntries(payload, input, problems);
  readEstimateEntry(payload, input, problems);
  return input;
}

/** The change fields, each cut to its limit; a malformed list is left out and said so. */
export function readCover(value: unknown, problems: FieldMessage[]): ChangeCover | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length !== coverOrder.length) {
    problems.push({
      field: 'link',
      message: 'The change fields in the link are malformed; they were left out.',
    });
    return undefined;
  }
  const fields = value.map((field: unknown) =>
    typeof field === 'string' ? limitCoverField(field) : '',
  );
  return Object.fromEntries(
    coverOrder.map((key, index) => [key, fields[index] ?? '']),
  ) as ChangeCover;
}

/**
 * The estimate's answers (`e: { i: { gateway: 3 }, gb: 20 }`), added after schema 1 was out: a
 * link without them gets the defaults. A figure that does not read is left to its default too.
 */
function readEstimateEntry(
  payload: Payload,
  input: Record<string, unknown>,
  problems: FieldMessage[],
): void {
  const entry = payload['e'];
  if (entry === undefined) return;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problems.push({
      field: 'estimate',
      message: "The link's estimate answers are malformed; the estimate's defaults were used.",
    });
    return;
  }
  const raw = entry as Payload;
  const read = readEstimateAnswers({ instances: raw['i'], databaseGb: raw['gb'] });
  if (!read.ok) {
    problems.push(
      ...read.errors.map((error) => ({
        field: error.field,
        message: `${error.message} The estimate's default was used.`,
      })),
    );
  }
  if (Object.keys(read.answers).length > 0) input['estimate'] = read.answers;
}

/** The image repositories, the architecture and the shared-database answer; `validate` judges the values. */
function readImageEntries(
  payload: Payload,
  input: Record<string, unknown>,
  problems: FieldMessage[],
): void {
  const images = payload['im'];
  if (images !== undefined) {
    if (typeof images === 'object' && images !== null && !Array.isArray(images)) {
      const kept: Record<string, string> = {};
      for (const [key, value] of Object.entries(images)) {
        if (!knownComponents.includes(key) || typeof value !== 'string') {
          problems.push({
            field: 'images',
            message: `Image repository "${shownValue(key)}" in the link is unknown or malformed; Tyk's default was used.`,
          });
        } else kept[key] = value.slice(0, 300);
      }
      input['images'] = kept;
    } else {
      problems.push({
        field: 'images',
        message: "The link's image repositories are malformed; Tyk's defaults were used.",
      });
    }
  }
  const architecture = payload['ar'];
  if (architecture !== undefined) {
    if (architecture === 'amd64' || architecture === 'arm64') input['architecture'] = architecture;
    else
      problems.push({
        field: 'architecture',
        message: `Gateway architecture "${shownValue(architecture)}" is unknown; amd64 was used.`,
      });
  }
  const shared = payload['sd'];
  if (shared !== undefined) {
    input['sharesDatabase'] = shared === 1 || shared === true;
    if (shared !== 1 && shared !== true && shared !== 0 && shared !== false)
      problems.push({
        field: 'sharesDatabase',
        message: `Shared database "${shownValue(shared)}" is not yes or no; no was used.`,
      });
  }
}
