// The runbook as it is carried out: which steps count towards completion, what a tick was for,
// and which ticks no longer hold once the answers changed. Pure: times come in as arguments.
import type { Phase, Plan, Step, StepRecord } from './types';

/** The rollback phase is a contingency: its steps are shown and printed, never needed to finish. */
export function isContingencyPhase(phase: Pick<Phase, 'kind'>): boolean {
  return phase.kind === 'rollback';
}

/** The steps that make the change, in plan order: the ones progress counts. */
export function changeSteps(plan: Pick<Plan, 'phases'>): readonly Step[] {
  return plan.phases.filter((phase) => !isContingencyPhase(phase)).flatMap((phase) => phase.steps);
}

// FNV-1a over UTF-16 code units, 32 bits; two seeds give 64 bits, plenty for telling versions of
// one step apart (it is no defence against anyone forging a tick).
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Everything a reader acts on in a step, in a fixed order, as one text. */
function stepContent(step: Step): string {
  const commands = (list: Step['commands']) => list.map((command) => command.code);
  return JSON.stringify([
    step.title,
    step.detail,
    commands(step.commands),
    step.verify === undefined ? null : [commands(step.verify.commands), step.verify.expect],
    step.rollback === undefined ? null : [step.rollback.detail, commands(step.rollback.commands)],
  ]);
}

/** What a tick is for: changes whenever the step's text or any of its commands change. */
export function stepFingerprint(step: Step): string {
  const content = stepContent(step);
  return `${fnv1a(content, 0x811c9dc5)}${fnv1a(content, 0x050c5d1f)}`;
}

/** Where a step stands; a step is in at most one of these at a time. */
export type StepStatus = 'open' | 'done' | 'skipped' | 'failed';

export function stepStatus(
  tickedAt: string | undefined,
  record: StepRecord | undefined,
): StepStatus {
  if (tickedAt !== undefined) return 'done';
  if (record?.skipped !== undefined) return 'skipped';
  if (record?.failed !== undefined) return 'failed';
  return 'open';
}

/** The first step of the change still to do, as the plan page points at it. */
export type NextStep = {
  readonly id: string;
  /** Its plan-wide number, as the step cards show it. */
  readonly number: number;
  readonly title: string;
  readonly phaseId: string;
};

/**
 * The first step of the change (rollbacks apart) that is neither done nor skipped; a failed step
 * still needs doing. Null once every step of the change is settled, or when there is none.
 */
export function nextStepToDo(
  plan: Pick<Plan, 'phases'>,
  ticks: Readonly<Record<string, string>>,
  records: Readonly<Record<string, StepRecord>>,
): NextStep | null {
  let number = 0;
  for (const phase of plan.phases) {
    for (const step of phase.steps) {
      number += 1;
      if (isContingencyPhase(phase)) continue;
      const status = stepStatus(ticks[step.id], records[step.id]);
      if (status === 'done' || status === 'skipped') continue;
      return { id: step.id, number, title: step.title, phaseId: phase.id };
    }
  }
  return null;
}

export type TickCheck = {
  readonly ticks: Readonly<Record<string, string>>;
  readonly records: Readonly<Record<string, StepRecord>>;
  /** The steps whose tick was taken away by this check. */
  readonly resetIds: readonly string[];
  /** False when nothing needed recording: the caller keeps what it has. */
  readonly isChanged: boolean;
};

/**
 * Holds every tick of the plan against its step as it reads now. A tick for the same content
 * stays; a tick for content that has changed is taken away and marked as reset; a tick from before
 * fingerprints existed is trusted and fingerprinted. Ticks of keys outside the plan are left alone.
 */
export function checkTicks(
  plan: Pick<Plan, 'phases'>,
  ticks: Readonly<Record<string, string>>,
  records: Readonly<Record<string, StepRecord>>,
  atIso: string,
): TickCheck {
  const nextTicks = new Map(Object.entries(ticks));
  const nextRecords: Record<string, StepRecord> = { ...records };
  const resetIds: string[] = [];
  let isChanged = false;
  for (const step of plan.phases.flatMap((phase) => phase.steps)) {
    const tickedAt = ticks[step.id];
    if (tickedAt === undefined) continue;
    const fingerprint = stepFingerprint(step);
    const { tickedFor, ...rest } = records[step.id] ?? {};
    if (tickedFor === fingerprint) continue;
    isChanged = true;
    if (tickedFor === undefined) {
      nextRecords[step.id] = { ...rest, tickedFor: fingerprint };
      continue;
    }
    nextTicks.delete(step.id);
    nextRecords[step.id] = { ...rest, reset: { at: atIso, tickedAt } };
    resetIds.push(step.id);
  }
  return isChanged
    ? { ticks: Object.fromEntries(nextTicks), records: nextRecords, resetIds, isChanged }
    : { ticks, records, resetIds, isChanged };
}

/** The steps of the plan whose tick was reset and that have not been ticked again since. */
export function resetStepIds(
  plan: Pick<Plan, 'phases'>,
  records: Readonly<Record<string, StepRecord>>,
): readonly string[] {
  return plan.phases
    .flatMap((phase) => phase.steps)
    .filter((step) => records[step.id]?.reset !== undefined)
    .map((step) => step.id);
}
