// The answers as the wizard keeps them while they are typed: the one set of defaults, the limits of
// what may be typed, copies, and how they fit a change of model. Turning them into the input
// `validate` checks (answers-to-input.ts) and reading them back from a link (answers-from-input.ts)
// or from storage (stored-answers.ts) build on this. The store, the link codec and the CLI all go
// through these modules.
import { componentIds } from './catalog/components';
import { componentsOf, findModel } from './catalog/models';
import { nameFields } from './catalog/name-fields';
import { planeFieldIds } from './catalog/plane-fields';
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
export function planeOf(
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
export function noImages(): Record<ComponentId, string> {
  return { gateway: '', dashboard: '', pump: '', mdcb: '' };
}

/** No estimate answer typed: every figure takes the estimate's default. */
export function noEstimate(): DraftEstimate {
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

/** The id in `allowed` that `value` is, exactly; undefined for anything else. */
export function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.find((id) => id === value);
}

/** The id of every name field, in the catalogue's order. */
export const nameIds: readonly NameId[] = nameFields.map((field) => field.id);
