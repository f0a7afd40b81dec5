// Detected answers meet the wizard's draft: one proposal per answer the draft has, with what the
// files show, what the draft holds now and whether the user typed that themselves. Applying the
// chosen proposals goes through `mergeDetectedAnswers`, so an answer the user set and did not
// choose to replace always survives. A proposal of free text (a version, a name) can be changed
// before it is applied, and the changed value is checked with the wizard's own messages.
import { copyAnswers, defaultAnswers, draftDataPlane, fitAnswersToModel } from '../answers';
import { componentLabel } from '../catalog/components';
import { databaseLabel } from '../catalog/databases';
import { findInstall } from '../catalog/installs';
import { componentsOf, findModel } from '../catalog/models';
import { nameFields } from '../catalog/name-fields';
import { findStrategy } from '../catalog/strategies';
import { checkDraft } from '../draft';
import type {
  ComponentId,
  Database,
  DeploymentModel,
  DraftAnswers,
  DraftDataPlane,
  FieldMessage,
  InstallType,
  NameId,
  Strategy,
} from '../types';
import { mergeDetectedAnswers } from './answers';
import type { DetectedAnswers, DetectedDataPlane, Evidence } from './types';

/**
 * `new`: the draft holds a default or nothing here. `same`: the draft already says this.
 * `conflict`: the user set something else; it is kept unless they choose the files' value.
 */
export type ProposalStatus = 'new' | 'same' | 'conflict';

export type Proposal = {
  /** The answer's path, as in the evidence: `model`, `gateway.from`, `names.redisHost`. */
  readonly id: string;
  readonly label: string;
  /** What the files show, in words. */
  readonly value: string;
  /** What the draft holds now, in words; empty when nothing. */
  readonly current: string;
  readonly status: ProposalStatus;
  readonly evidence: readonly Evidence[];
  /** The value is free text (a version, a name) the user may change before applying it. */
  readonly isEditable: boolean;
};

/** Values the user typed over proposals, by proposal id; an id left out keeps the files' value. */
export type ProposalEdits = Readonly<Record<string, string>>;

type Spec = {
  readonly id: string;
  readonly label: string;
  /** The detected value, or undefined when the files showed none. */
  readonly detected: (answers: DetectedAnswers) => unknown;
  readonly shown: (value: unknown) => string;
  readonly current: (draft: DraftAnswers) => unknown;
  /** The draft holds something the user chose, not the new plan's default. */
  readonly isSet: (draft: DraftAnswers) => boolean;
  readonly isSame: (detected: unknown, draft: DraftAnswers) => boolean;
  /** Free text the user may change: the typed text is applied as it is. */
  readonly isEditable?: true;
};

function bare(version: unknown): string {
  return typeof version === 'string' ? version.trim().replace(/^v/i, '') : '';
}

function sortedList(values: unknown): string {
  return Array.isArray(values) ? [...(values as string[])].sort().join(',') : '';
}

function planeNames(planes: unknown): string {
  if (!Array.isArray(planes)) return '';
  return planes
    .map((plane: unknown) =>
      typeof plane === 'object' && plane !== null ? String((plane as { name?: unknown }).name) : '',
    )
    .join(', ');
}

function componentList(value: unknown): string {
  return Array.isArray(value)
    ? (value as ComponentId[]).map((id) => componentLabel(id)).join(', ')
    : '';
}

function choiceSpec<K extends 'model' | 'install' | 'database' | 'strategy'>(
  id: K,
  label: string,
  shown: (value: NonNullable<DraftAnswers[K]>) => string,
): Spec {
  return {
    id,
    label,
    detected: (answers) => answers[id],
    shown: (value) => shown(value as NonNullable<DraftAnswers[K]>),
    current: (draft) => draft[id],
    isSet: (draft) => draft[id] !== defaultAnswers[id],
    isSame: (detected, draft) => detected === draft[id],
  };
}

function versionSpec(line: 'gateway' | 'pump' | 'mdcb', label: string): Spec {
  return {
    id: `${line}.from`,
    label,
    detected: (answers) => answers[line]?.from,
    shown: (value) => String(value),
    current: (draft) => draft[line].from.trim(),
    isSet: (draft) => draft[line].from.trim() !== '',
    isSame: (detected, draft) => bare(detected) === bare(draft[line].from),
    isEditable: true,
  };
}

function nameSpec(id: NameId, label: string): Spec {
  return {
    id: `names.${id}`,
    label,
    detected: (answers) => answers.names?.[id],
    shown: (value) => String(value),
    current: (draft) => draft.names[id]?.trim() ?? '',
    isSet: (draft) => (draft.names[id]?.trim() ?? '') !== '',
    isSame: (detected, draft) => String(detected) === (draft.names[id]?.trim() ?? ''),
    isEditable: true,
  };
}

const specs: readonly Spec[] = [
  choiceSpec('model', 'Deployment model', (id) => findModel(id).label),
  choiceSpec('install', 'Installation type', (id) => findInstall(id).label),
  {
    id: 'components',
    label: 'Components',
    detected: (answers) => answers.components,
    shown: componentList,
    current: (draft) => draft.components,
    isSet: (draft) => sortedList(draft.components) !== sortedList(defaultAnswers.components),
    isSame: (detected, draft) => sortedList(detected) === sortedList(draft.components),
  },
  {
    id: 'usesGoPlugins',
    label: 'Go plugins',
    detected: (answers) => answers.usesGoPlugins,
    shown: (value) => (value === true ? 'in use' : 'not in use'),
    current: (draft) => draft.usesGoPlugins,
    isSet: (draft) => draft.usesGoPlugins !== defaultAnswers.usesGoPlugins,
    isSame: (detected, draft) => detected === draft.usesGoPlugins,
  },
  choiceSpec('database', "Dashboard's database", (id) => databaseLabel(id)),
  {
    id: 'dataPlanes',
    label: 'Data planes',
    detected: (answers) => answers.dataPlanes,
    shown: planeNames,
    current: (draft) => draft.dataPlanes,
    isSet: (draft) => planeNames(draft.dataPlanes) !== planeNames(defaultAnswers.dataPlanes),
    isSame: (detected, draft) => planeNames(detected) === planeNames(draft.dataPlanes),
  },
  versionSpec('gateway', 'Current Gateway and Dashboard version'),
  versionSpec('pump', 'Current Pump version'),
  versionSpec('mdcb', 'Current MDCB version'),
  choiceSpec('strategy', 'Upgrade strategy', (id) => findStrategy(id).label),
  ...nameFields.map((field) => nameSpec(field.id, field.label)),
];

/** The proposals for the answers the files showed, in the wizard's order. */
export function draftProposals(
  detected: { readonly answers: DetectedAnswers; readonly evidence: readonly Evidence[] },
  draft: DraftAnswers,
): readonly Proposal[] {
  const proposals: Proposal[] = [];
  for (const spec of specs) {
    const value = spec.detected(detected.answers);
    if (value === undefined) continue;
    const current = spec.current(draft);
    const isSame = spec.isSame(value, draft);
    proposals.push({
      id: spec.id,
      label: spec.label,
      value: spec.shown(value),
      current: current === '' || current === null ? '' : spec.shown(current),
      status: isSame ? 'same' : spec.isSet(draft) ? 'conflict' : 'new',
      evidence: detected.evidence.filter((item) => item.field === spec.id),
      isEditable: spec.isEditable === true,
    });
  }
  return proposals;
}

/** The proposal ids a user would apply without thinking twice: new answers, never conflicts. */
export function defaultChoices(proposals: readonly Proposal[]): readonly string[] {
  return proposals.filter((proposal) => proposal.status === 'new').map((proposal) => proposal.id);
}

/** Evidence for what the wizard does not ask yet (images, compose variables, Redis): shown only. */
export function otherEvidence(
  detected: { readonly answers: DetectedAnswers; readonly evidence: readonly Evidence[] },
  proposals: readonly Proposal[],
): readonly Evidence[] {
  const ids = new Set(specs.map((spec) => spec.id));
  const proposed = new Set(proposals.map((proposal) => proposal.id));
  return detected.evidence.filter((item) => !ids.has(item.field) && !proposed.has(item.field));
}

/**
 * Only the detected answers among `ids`, in the shape of `DetectedAnswers`, with the user's edits
 * over the files' values of free-text answers.
 */
function pickDetected(
  answers: DetectedAnswers,
  ids: ReadonlySet<string>,
  edits: ProposalEdits,
): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  const names: Record<string, unknown> = {};
  for (const spec of specs) {
    if (!ids.has(spec.id)) continue;
    const edited = spec.isEditable === true ? edits[spec.id] : undefined;
    const value = edited ?? spec.detected(answers);
    if (value === undefined) continue;
    const [head, tail] = spec.id.split('.') as [string, string | undefined];
    if (head === 'names' && tail !== undefined) names[tail] = value;
    else if (tail === 'from') picked[head] = { from: value };
    else picked[head] = value;
  }
  if (Object.keys(names).length > 0) picked['names'] = names;
  return picked;
}

/** The answers the user set themselves, as input-shaped fields, leaving out `replaced` ones. */
function typedAnswers(draft: DraftAnswers, replaced: ReadonlySet<string>): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  const names: Record<string, unknown> = {};
  for (const spec of specs) {
    if (replaced.has(spec.id) || !spec.isSet(draft)) continue;
    const [head, tail] = spec.id.split('.') as [string, string | undefined];
    const value = spec.current(draft);
    if (head === 'names' && tail !== undefined) names[tail] = value;
    else if (tail === 'from') typed[head] = { from: value };
    else typed[head] = value;
  }
  if (Object.keys(names).length > 0) typed['names'] = names;
  return typed;
}

function fromOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const from = (value as { from?: unknown }).from;
  return typeof from === 'string' ? from : undefined;
}

function draftPlanes(planes: readonly DetectedDataPlane[]): DraftDataPlane[] {
  return planes.map((plane) => ({
    ...draftDataPlane(plane.name),
    namespace: plane.namespace ?? '',
    release: plane.release ?? '',
  }));
}

/**
 * The draft with the chosen proposals applied, edited values in place of the files' ones. A chosen
 * conflict replaces what the user typed (they asked for it); every other answer they set stays as
 * it was, because typed answers win the merge.
 */
export function applyProposals(
  draft: DraftAnswers,
  detected: { readonly answers: DetectedAnswers },
  chosen: readonly string[],
  edits: ProposalEdits = {},
): DraftAnswers {
  const ids = new Set(chosen);
  const merged = mergeDetectedAnswers(
    pickDetected(detected.answers, ids, edits),
    typedAnswers(draft, ids),
  );
  let next = copyAnswers(draft);
  const model = merged['model'] as DeploymentModel | undefined;
  if (ids.has('model') && model !== undefined) next = fitAnswersToModel(next, model);
  const install = merged['install'] as InstallType | undefined;
  if (ids.has('install') && install !== undefined && findModel(next.model).installs.length > 0)
    next = { ...next, install };
  const detectedComponents = merged['components'] as readonly ComponentId[] | undefined;
  if (ids.has('components') && detectedComponents !== undefined) {
    const required: readonly ComponentId[] = findModel(next.model).requiredComponents;
    next = {
      ...next,
      components: componentsOf(next.model).filter(
        (id) => required.includes(id) || detectedComponents.includes(id),
      ),
    };
  }
  if (ids.has('usesGoPlugins') && typeof merged['usesGoPlugins'] === 'boolean')
    next = { ...next, usesGoPlugins: merged['usesGoPlugins'] };
  const database = merged['database'] as Database | undefined;
  if (ids.has('database') && database !== undefined) next = { ...next, database };
  const planes = merged['dataPlanes'] as readonly DetectedDataPlane[] | undefined;
  if (ids.has('dataPlanes') && planes !== undefined && planes.length > 0)
    next = { ...next, dataPlanes: draftPlanes(planes) };
  for (const line of ['gateway', 'pump', 'mdcb'] as const) {
    const from = fromOf(merged[line]);
    if (ids.has(`${line}.from`) && from !== undefined)
      next = { ...next, [line]: { ...next[line], from } };
  }
  const strategy = merged['strategy'] as Strategy | undefined;
  if (ids.has('strategy') && strategy !== undefined) next = { ...next, strategy };
  const mergedNames = (merged['names'] ?? {}) as Readonly<Record<string, unknown>>;
  const names = { ...next.names };
  for (const field of nameFields) {
    const value = mergedNames[field.id];
    if (ids.has(`names.${field.id}`) && (typeof value === 'string' || typeof value === 'number'))
      names[field.id] = String(value);
  }
  return copyAnswers({ ...next, names });
}

/**
 * What the wizard would say about each chosen, edited value once applied: its own messages for
 * that field (a version that was never released, a port out of range), so a bad value is caught
 * before it reaches the plan.
 */
export function editProblems(
  draft: DraftAnswers,
  detected: { readonly answers: DetectedAnswers },
  chosen: readonly string[],
  edits: ProposalEdits,
): readonly FieldMessage[] {
  const edited = chosen.filter((id) => edits[id] !== undefined);
  if (edited.length === 0) return [];
  const { errors } = checkDraft(applyProposals(draft, detected, chosen, edits));
  return errors.filter((error) => edited.includes(error.field));
}
