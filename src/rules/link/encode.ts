// Encoding a shared link: the answers of a checked input as the link carries them, packed into the
// compact payload and put behind the app's shared-plan route.
import { componentIds } from '../catalog/components';
import { nameFields } from '../catalog/name-fields';
import { planeFieldIds } from '../catalog/plane-fields';
import { dataPlaneDefaults, defaultNames } from '../names';
import type { ChangeCover, DataPlaneInput, NameId, NormalizedInput, PlanInput } from '../types';
import { toBase64Url } from './base64url';
import {
  coverOrder,
  linkSchemaVersion,
  sharedRoutePrefix,
  type LinkOptions,
  type Payload,
} from './wire';

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
