// Shared plan links: every answer (never the progress) packed into a URL fragment that survives
// chat tools, static hosts and sub-paths. Decoding never throws and never trusts what it reads.
import { answerDefaults, limitCoverField } from './answers';
import { readEstimateAnswers } from './estimate/answers';
import { shownValue } from './message-text';
import { componentIds } from './catalog/components';
import { installIds } from './catalog/installs';
import { modelIds } from './catalog/models';
import { strategyIds } from './catalog/strategies';
import { nameFields } from './catalog/name-fields';
import { planeFieldIds } from './catalog/plane-fields';
import { dataPlaneDefaults, defaultNames } from './names';
import type {
  ChangeCover,
  DataPlaneInput,
  FieldMessage,
  NameId,
  NormalizedInput,
  PlanInput,
} from './types';

/** The schema of the payload. Bump it when the payload changes; add a migration for the old one. */
export const linkSchemaVersion = 1;

/** The field of the one problem a resend cannot fix: the link is newer than this copy of the wizard. */
export const newerSchemaField = 'link.schema';

/** The hash route that opens a shared plan: `<app>#/s/<payload>`. */
export const sharedRoutePrefix = '#/s/';

/** Links longer than this are refused before any parsing: no real plan comes near it. */
const maxPayloadLength = 8000;

export type LinkOptions = {
  /** Hosts, namespaces and other names travel only when the sender chooses so. */
  readonly includeNames: boolean;
};

export type DecodedLink =
  | {
      readonly ok: true;
      /** A PlanInput-shaped object; `validate` still decides whether it makes a plan. */
      readonly input: Record<string, unknown>;
      readonly schemaVersion: number;
      /** What was missing, unknown or invalid in the link, and what was used instead. */
      readonly problems: readonly FieldMessage[];
      /** The change fields (ticket, window, people), when the sender chose to send them. */
      readonly cover?: ChangeCover;
    }
  | { readonly ok: false; readonly problems: readonly FieldMessage[] };

type Payload = Record<string, unknown>;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return null;
  }
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// The change fields travel as one list, in this order.
const coverOrder = [
  'ticket',
  'environment',
  'windowStart',
  'windowEnd',
  'operator',
  'approver',
] as const satisfies readonly (keyof ChangeCover)[];

/** The payload for the answers: short keys, nothing empty, names only when asked for. */
export function encodePlanPayload(
  input: PlanInput,
  options: LinkOptions,
  cover?: ChangeCover,
): string {
  const payload: Payload = {
    v: linkSchemaVersion,
    m: input.model,
    c: input.components,
    g: [input.gateway.from, input.gateway.to ?? ''],
    s: input.strategy,
  };
  if (input.install !== undefined) payload['i'] = input.install;
  if (input.usesGoPlugins) payload['gp'] = 1;
  if (input.database !== undefined) payload['db'] = input.database;
  if (input.pump !== undefined) payload['p'] = [input.pump.from, input.pump.to ?? ''];
  if (input.mdcb !== undefined) payload['md'] = [input.mdcb.from, input.mdcb.to ?? ''];
  if (input.downtimeMinutes !== undefined) payload['w'] = input.downtimeMinutes;
  if (input.dataPlanes !== undefined) {
    payload['dp'] = input.dataPlanes.map((plane) =>
      options.includeNames ? planeRow(plane) : [plane.name],
    );
  }
  if (input.images !== undefined && Object.keys(input.images).length > 0)
    payload['im'] = input.images;
  if (input.architecture !== undefined) payload['ar'] = input.architecture;
  if (input.sharesDatabase === true) payload['sd'] = 1;
  if (input.estimate !== undefined) {
    const { instances, databaseGb } = input.estimate;
    payload['e'] = {
      ...(instances === undefined || Object.keys(instances).length === 0 ? {} : { i: instances }),
      ...(databaseGb === undefined ? {} : { gb: databaseGb }),
    };
  }
  if (options.includeNames && input.names !== undefined) {
    const names = Object.fromEntries(
      Object.entries(input.names).filter(([, value]) => value !== undefined && value !== ''),
    );
    if (Object.keys(names).length > 0) payload['n'] = names;
  }
  if (cover !== undefined && coverOrder.some((key) => cover[key] !== ''))
    payload['cv'] = coverOrder.map((key) => cover[key]);
  return toBase64Url(JSON.stringify(payload));
}

/** A data plane in a link: its name, then each field by position (empty where not given). */
function planeRow(plane: DataPlaneInput): readonly string[] {
  return [plane.name, ...planeFieldIds.map((id) => String(plane[id] ?? ''))];
}

/**
 * The answers a link carries for a checked input: every version explicit (so a newer catalogue
 * cannot change the plan), and only the names that differ from Tyk's defaults.
 */
export function linkInputOf(input: NormalizedInput, options: LinkOptions): PlanInput {
  const defaults = defaultNames(input.model, input.install);
  const names: Partial<Record<NameId, string | number>> = {};
  for (const field of nameFields) {
    if (input.names[field.id] !== defaults[field.id]) names[field.id] = input.names[field.id];
  }
  return {
    model: input.model,
    ...(input.install === null ? {} : { install: input.install }),
    components: input.components,
    usesGoPlugins: input.usesGoPlugins,
    ...(input.database === null ? {} : { database: input.database }),
    ...(input.dataPlanes.length === 0
      ? {}
      : {
          dataPlanes: input.dataPlanes.map((plane) => {
            const defaults = dataPlaneDefaults(plane.name, input.dataPlanes.length);
            return {
              name: plane.name,
              ...Object.fromEntries(
                planeFieldIds
                  .filter((id) => plane[id] !== defaults[id])
                  .map((id) => [id, plane[id]]),
              ),
            };
          }),
        }),
    gateway: { from: input.gateway.from, to: input.gateway.to },
    ...(input.pump === null ? {} : { pump: { from: input.pump.from, to: input.pump.to } }),
    ...(input.mdcb === null ? {} : { mdcb: { from: input.mdcb.from, to: input.mdcb.to } }),
    strategy: input.strategy,
    ...(input.downtimeMinutes === null ? {} : { downtimeMinutes: input.downtimeMinutes }),
    ...(options.includeNames && Object.keys(names).length > 0
      ? { names: names as Partial<NormalizedInput['names']> }
      : {}),
    ...imagesOf(input),
    ...(input.estimate === undefined ? {} : { estimate: input.estimate }),
  };
}

/** The image repositories the user gave, the architecture of a Go-plugin plan and a shared database. */
function imagesOf(input: NormalizedInput): Partial<PlanInput> {
  const images = Object.fromEntries(
    componentIds.flatMap((id) => {
      const repository = input.images[id];
      return repository === null ? [] : [[id, repository]];
    }),
  );
  return {
    ...(Object.keys(images).length === 0 ? {} : { images }),
    ...(input.usesGoPlugins && input.install !== null ? { architecture: input.architecture } : {}),
    ...(input.sharesDatabase ? { sharesDatabase: true } : {}),
  };
}

/** The link that reproduces the plan of a checked input, with the change fields when given. */
export function planLinkFor(
  appUrl: string,
  input: NormalizedInput,
  options: LinkOptions,
  cover?: ChangeCover,
): string {
  return buildPlanLink(appUrl, linkInputOf(input, options), options, cover);
}

/** A full link: the app's address (without its fragment) plus the shared-plan route. */
export function buildPlanLink(
  appUrl: string,
  input: PlanInput,
  options: LinkOptions,
  cover?: ChangeCover,
): string {
  const base = appUrl.split('#')[0] ?? appUrl;
  return `${base}${sharedRoutePrefix}${encodePlanPayload(input, options, cover)}`;
}

/** Pulls the payload out of a pasted link, forgiving what chat tools add around it. */
export function extractPayload(link: string): string {
  const trimmed = link.trim();
  const at = trimmed.indexOf(sharedRoutePrefix);
  const raw = at >= 0 ? trimmed.slice(at + sharedRoutePrefix.length) : trimmed;
  // Chat tools wrap long lines and add closing punctuation or angle brackets.
  return raw
    .replace(/\s+/g, '')
    .replace(/[?&].*$/, '')
    .replace(/[).,;:!'">\]]+$/, '');
}

// Older payload schemas upgrade one step at a time to the current one.
const migrations: Readonly<Record<number, (payload: Payload) => Payload>> = {};

function migrate(payload: Payload, from: number, problems: FieldMessage[]): Payload | null {
  let current = payload;
  for (let version = from; version < linkSchemaVersion; version += 1) {
    const step = migrations[version];
    if (step === undefined) {
      problems.push({
        field: 'link',
        message: `This link uses schema ${from}, which this version of the wizard cannot read.`,
      });
      return null;
    }
    current = step(current);
  }
  return current;
}

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
const knownKeys = new Set([
  'v',
  'm',
  'i',
  'c',
  'gp',
  'db',
  'dp',
  'g',
  'p',
  'md',
  's',
  'w',
  'n',
  'im',
  'ar',
  'sd',
  'e',
  'cv',
]);

/**
 * Reads a shared link (or its bare payload). Unknown or malformed values are replaced by a default
 * and listed in `problems`; whether the answers make a plan is then up to `validate`.
 */
export function decodePlanLink(link: unknown): DecodedLink {
  if (typeof link !== 'string')
    return { ok: false, problems: [{ field: 'link', message: 'The link is empty.' }] };
  const payloadText = extractPayload(link);
  if (payloadText === '')
    return { ok: false, problems: [{ field: 'link', message: 'The link holds no plan.' }] };
  if (payloadText.length > maxPayloadLength) {
    return {
      ok: false,
      problems: [
        { field: 'link', message: 'The link is far longer than any plan link; it was not read.' },
      ],
    };
  }
  const json = fromBase64Url(payloadText);
  if (json === null) {
    return {
      ok: false,
      problems: [
        {
          field: 'link',
          message: 'The link is damaged or cut short: its plan data cannot be read.',
        },
      ],
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {
      ok: false,
      problems: [
        {
          field: 'link',
          message: 'The link is cut short or damaged: its plan data is incomplete.',
        },
      ],
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, problems: [{ field: 'link', message: 'The link does not hold a plan.' }] };
  }
  const problems: FieldMessage[] = [];
  const raw = parsed as Payload;
  const version = raw['v'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      problems: [
        {
          field: 'link',
          message: 'The link has no schema version; it was not made by this wizard.',
        },
      ],
    };
  }
  if (version > linkSchemaVersion) {
    return {
      ok: false,
      problems: [
        {
          field: newerSchemaField,
          message: `The link was made by a newer version of the wizard (link schema ${version}; this copy reads up to ${linkSchemaVersion}).`,
        },
      ],
    };
  }
  const payload = migrate(raw, version, problems);
  if (payload === null) return { ok: false, problems };

  for (const key of Object.keys(payload)) {
    if (!knownKeys.has(key))
      problems.push({
        field: 'link',
        message: `The link has an unknown entry "${shownValue(key)}"; it was ignored.`,
      });
  }

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
  const cover = readCover(payload['cv'], problems);
  return {
    ok: true,
    input,
    schemaVersion: version,
    problems,
    ...(cover === undefined ? {} : { cover }),
  };
}

/** The change fields, each cut to its limit; a malformed list is left out and said so. */
function readCover(value: unknown, problems: FieldMessage[]): ChangeCover | undefined {
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
