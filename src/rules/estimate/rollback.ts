// How long the way back takes from the worst point of the change: switching traffic back for
// blue-green, else undoing every change newest first and restoring what only the backups bring back.
import type { Plan } from '../types';
import { describeParts, sumParts, type Scale } from './scale';
import { endOf, type TimedStep } from './timed-steps';
import type { EstimatePart, RollbackEstimate, RollbackPart } from './types';

/** The step after which a rollback costs the most: the last check before traffic reopens, or the end. */
function worstPoint(plan: Plan, timed: readonly TimedStep[]): TimedStep | null {
  const change = timed.filter((entry) => entry.timing === 'change');
  const closeAt = change.findIndex((entry) => entry.step.id === 'close-maintenance-window');
  if (plan.input.strategy === 'downtime' && closeAt > 0) return change[closeAt - 1] ?? null;
  return change[change.length - 1] ?? null;
}

function rollbackPart(
  entry: TimedStep,
  parts: readonly EstimatePart[],
  scale: Scale,
): RollbackPart {
  return {
    stepId: entry.step.id,
    title: entry.step.title,
    minutes: sumParts(parts, entry.instances, scale),
    basis: describeParts(parts, entry.instances, scale),
  };
}

export function rollbackEstimate(
  plan: Plan,
  timed: readonly TimedStep[],
  scale: Scale,
): RollbackEstimate {
  const worst = worstPoint(plan, timed);
  const fromMinute = worst === null ? 0 : endOf(worst);
  const contingency = timed.filter((entry) => entry.phase.kind === 'rollback');
  const switchBack = contingency.find((entry) => entry.step.id === 'rollback-switch-back');
  const build = (parts: readonly RollbackPart[], explanation: string): RollbackEstimate => ({
    fromStepId: worst?.step.id ?? '',
    fromMinute,
    minutes: parts.reduce((total, part) => total + part.minutes, 0),
    parts,
    explanation,
  });
  if (plan.input.strategy === 'blue-green' && switchBack !== undefined) {
    return build(
      [rollbackPart(switchBack, switchBack.parts, scale)],
      'Switch traffic back to the old side, which still runs the old versions; the upgraded side can be undone later, outside the change.',
    );
  }
  const undone = timed
    .filter(
      (entry) =>
        entry.timing === 'change' &&
        (entry.phase.kind === 'control-plane' || entry.phase.kind === 'data-plane') &&
        entry.rollbackParts.length > 0 &&
        (entry.startMinute ?? 0) < fromMinute,
    )
    .reverse()
    .map((entry) => rollbackPart(entry, entry.rollbackParts, scale));
  const restores = contingency
    .filter((entry) => entry.step.id !== 'rollback-switch-back')
    .map((entry) => rollbackPart(entry, entry.parts, scale));
  return build(
    [...undone, ...restores],
    'Undo every change in reverse order, newest first, then restore what only the backups bring back: the worst case, once the last check has failed.',
  );
}
