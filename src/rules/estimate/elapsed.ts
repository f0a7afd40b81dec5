// During the change: how long each phase has taken so far against its estimate, and when the
// change is projected to end, from the times the runbook recorded for each tick. Tick times are
// ISO strings (`2026-03-07T22:14:05.000Z`), read without `Date` so the rules stay deterministic.
import { minutesSinceEpoch, parseLocalDateTime } from './local-date-time';
import type { ChangeEstimate } from './types';

export type PhaseElapsed = {
  readonly phaseId: string;
  readonly title: string;
  readonly plannedMinutes: number;
  /** Minutes from the phase's start to its latest tick; null before any of its steps is ticked. */
  readonly elapsedMinutes: number | null;
  readonly status: 'done' | 'under-way' | 'to-do';
};

export type ChangeElapsed = {
  /** The earliest tick of a step of the change; the change is timed from it less that step's estimate. */
  readonly startedAt: string;
  readonly phases: readonly PhaseElapsed[];
  /** From the start to the latest tick. */
  readonly elapsedMinutes: number;
  /** The elapsed time plus the estimate of every step of the change not ticked yet. */
  readonly projectedMinutes: number;
  /** Projected minus planned: positive when the change runs late. */
  readonly behindMinutes: number;
  /** Minutes from `startedAt` to the projected end, for a clock time. */
  readonly endsAfterStartedAt: number;
};

/**
 * Elapsed against planned for the steps of the change ticked so far; null until one of them has a
 * readable tick time.
 */
export function changeElapsed(
  estimate: ChangeEstimate,
  ticks: Readonly<Record<string, string>>,
): ChangeElapsed | null {
  const change = estimate.steps.filter((step) => step.timing === 'change');
  const tickOf = (stepId: string): number | null => {
    const raw = ticks[stepId];
    const at = raw === undefined ? null : parseLocalDateTime(raw);
    return at === null ? null : minutesSinceEpoch(at);
  };
  const ticked = change.flatMap((step) => {
    const at = tickOf(step.stepId);
    return at === null ? [] : [{ step, at }];
  });
  const first = ticked.reduce<(typeof ticked)[number] | null>(
    (earliest, entry) => (earliest === null || entry.at < earliest.at ? entry : earliest),
    null,
  );
  if (first === null) return null;
  const start = first.at - first.step.minutes;
  const latest = Math.max(...ticked.map((entry) => entry.at));
  let phaseStart = start;
  const phases = estimate.phases
    .filter((phase) => phase.timing === 'change' && phase.minutes > 0)
    .map((phase): PhaseElapsed => {
      const own = change.filter((step) => step.phaseId === phase.phaseId);
      const times = own.map((step) => tickOf(step.stepId));
      const done = times.filter((at): at is number => at !== null);
      const status =
        done.length === 0 ? 'to-do' : done.length === own.length ? 'done' : 'under-way';
      const end = done.length === 0 ? null : Math.max(...done);
      const elapsedMinutes = end === null ? null : Math.max(0, end - phaseStart);
      if (end !== null) phaseStart = end;
      return {
        phaseId: phase.phaseId,
        title: phase.title,
        plannedMinutes: phase.minutes,
        elapsedMinutes,
        status,
      };
    });
  const remaining = change
    .filter((step) => tickOf(step.stepId) === null)
    .reduce((total, step) => total + step.minutes, 0);
  const elapsedMinutes = latest - start;
  const projectedMinutes = elapsedMinutes + remaining;
  return {
    startedAt: ticks[first.step.stepId] ?? '',
    phases,
    elapsedMinutes,
    projectedMinutes,
    behindMinutes: projectedMinutes - estimate.totalMinutes,
    endsAfterStartedAt: projectedMinutes - first.step.minutes,
  };
}
