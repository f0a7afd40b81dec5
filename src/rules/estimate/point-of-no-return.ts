// The point of no return of a plan's change: the traffic switch of blue-green, else the upgrade
// after which a one-way migration or the first upgrade makes the way back need the backups.
import { oneWayChanges } from '../catalog/one-way-changes';
import type { Plan } from '../types';
import { crosses } from '../versions';
import { endOf, type TimedStep } from './timed-steps';
import type { PointOfNoReturn } from './types';

function quoted(title: string): string {
  return `“${title}”`;
}

export function pointOfNoReturn(plan: Plan, timed: readonly TimedStep[]): PointOfNoReturn | null {
  const change = timed.filter((entry) => entry.timing === 'change');
  const at = (entry: TimedStep, reason: PointOfNoReturn['reason'], explanation: string) => ({
    stepId: entry.step.id,
    stepTitle: entry.step.title,
    atMinute: endOf(entry),
    reason,
    explanation,
  });
  const switchStep = change.find((entry) => entry.step.id === 'blue-green-switch-traffic');
  if (plan.input.strategy === 'blue-green' && switchStep !== undefined) {
    return at(
      switchStep,
      'traffic-switch',
      'Until traffic moves, the live side is untouched and you can stop at no cost. After the switch, switching back stays quick while the old side runs, but what the upgraded side wrote meanwhile (keys, analytics) does not come back with it.',
    );
  }
  const upgrades = change.filter((entry) => entry.step.kind === 'upgrade');
  const first = upgrades[0];
  if (first === undefined) return null;
  const { gateway } = plan.input;
  const crossed = oneWayChanges.filter((oneWay) =>
    crosses(gateway.from, gateway.to, oneWay.version),
  );
  if (crossed.length > 0) {
    // Tyk's console upgrade of the control plane carries the Dashboard too.
    const dashboard =
      upgrades.find(
        (entry) =>
          entry.step.component === 'dashboard' || entry.step.id === 'upgrade-control-plane',
      ) ?? first;
    return at(
      dashboard,
      'one-way-migration',
      `${crossed.map((oneWay) => oneWay.text).join(' ')} After ${quoted(dashboard.step.title)} the way back needs the backups taken before it.`,
    );
  }
  return at(
    first,
    'first-upgrade',
    `No release on this path is known to make a change a downgrade cannot undo, but from ${quoted(first.step.title)} on a new version may write data (database, Redis) the old one cannot read, so the way back may need the backups.`,
  );
}
