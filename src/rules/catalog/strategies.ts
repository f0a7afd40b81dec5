// How traffic is kept up during the change (docs/sources.md: upgrade guide, strategies).
import type { Strategy } from '../types';

export type StrategyEntry = {
  readonly id: Strategy;
  readonly label: string;
  readonly description: string;
  readonly needs: string;
  /** What the strategy adds to `needs` where the deployment runs its own Dashboard. */
  readonly dashboardNeeds?: string;
  readonly risks: string;
};

export const strategies = [
  {
    id: 'rolling',
    label: 'Rolling',
    description:
      'Upgrade one instance at a time while the load balancer sends traffic to the others.',
    needs: 'At least two instances of each component behind a load balancer.',
    dashboardNeeds: 'The same Dashboard licence on every Dashboard.',
    risks:
      'Old and new versions serve side by side for a while; a bad release reaches some users before you stop it.',
  },
  {
    id: 'blue-green',
    label: 'Blue-green',
    description:
      'Build a copy of the environment, upgrade and verify the idle copy, then switch traffic to it.',
    needs: 'Capacity for a second full environment and a load balancer or DNS switch.',
    risks:
      'Data written to the live side during the upgrade must reach the new side; the switch itself must be rehearsed.',
  },
  {
    id: 'downtime',
    label: 'Downtime window',
    description: 'Announce a window, stop traffic, upgrade in place, verify, and reopen.',
    needs: 'An agreed window long enough for the upgrade, the checks and a rollback.',
    risks: 'APIs are unavailable for the whole window; overrunning it affects users directly.',
  },
] as const satisfies readonly StrategyEntry[];

export const strategyIds: readonly Strategy[] = strategies.map((entry) => entry.id);

export function findStrategy(id: Strategy): StrategyEntry {
  return strategies.find((entry) => entry.id === id) as StrategyEntry;
}

/** What a strategy needs, for a deployment that runs its own Dashboard or not. */
export function strategyNeeds(entry: StrategyEntry, runsOwnDashboard: boolean): string {
  return runsOwnDashboard && entry.dashboardNeeds !== undefined
    ? `${entry.needs} ${entry.dashboardNeeds}`
    : entry.needs;
}
