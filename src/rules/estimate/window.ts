// Whether a downtime window holds the change and a full rollback, and what to change when it does
// not: a longer window, blue-green, or fewer changes in this window.
import { componentLabel } from '../catalog/components';
import { isRunByTyk } from '../catalog/models';
import type { ComponentId, Plan } from '../types';
import { formatMinutes, roundUpTo } from './duration';
import type { ChangeEstimate, StepEstimate, WindowFit, WindowSuggestion } from './types';

type Estimated = Omit<ChangeEstimate, 'window'>;

const endOf = (step: StepEstimate): number => (step.startMinute ?? 0) + step.minutes;

/** Minutes the steps take in the change, and in its rollback. */
function minutesOf(estimate: Estimated, stepIds: ReadonlySet<string>): number {
  const forward = estimate.steps
    .filter((step) => step.timing === 'change' && stepIds.has(step.stepId))
    .reduce((total, step) => total + step.minutes, 0);
  const back = estimate.rollback.parts
    .filter((part) => stepIds.has(part.stepId))
    .reduce((total, part) => total + part.minutes, 0);
  return forward + back;
}

function companionSuggestions(plan: Plan, estimate: Estimated): readonly WindowSuggestion[] {
  const companions: readonly ComponentId[] = ['mdcb', 'pump'];
  return companions.flatMap((component) => {
    const version = plan.versions.find((entry) => entry.component === component);
    if (version === undefined || version.from === version.to) return [];
    const ids = new Set(
      plan.phases.flatMap((phase) =>
        phase.steps
          .filter((step) => step.kind === 'upgrade' && step.component === component)
          .map((step) => step.id),
      ),
    );
    const minutes = minutesOf(estimate, ids);
    if (minutes === 0) return [];
    // MDCB goes first in Tyk's order, so its own window comes before this one.
    const when = component === 'mdcb' ? ' before this one' : '';
    return [
      {
        id: 'companion-window' as const,
        text: `Upgrade ${componentLabel(component)} (${version.from} to ${version.to}) in a window of its own${when}: about ${formatMinutes(minutes)} less in this window, its rollback included.`,
        minutes,
      },
    ];
  });
}

function dataPlaneSuggestion(plan: Plan, estimate: Estimated): readonly WindowSuggestion[] {
  const planes = plan.phases.filter(
    (phase) => phase.kind === 'data-plane' && phase.id !== 'data-plane-cloud',
  );
  const later = planes.slice(1);
  if (later.length === 0) return [];
  const ids = new Set(later.flatMap((phase) => phase.steps.map((step) => step.id)));
  const minutes = minutesOf(estimate, ids);
  const names = later.map((phase) => phase.id.slice('data-plane-'.length));
  const list =
    names.length === 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
  return [
    {
      id: 'data-plane-windows',
      text: `Upgrade ${names.length === 1 ? `data plane ${list} in a window of its own` : `data planes ${list} in windows of their own`} after this one: about ${formatMinutes(minutes)} less in this window, rollback included.`,
      minutes,
    },
  ];
}

function goPluginSuggestion(plan: Plan, estimate: Estimated): readonly WindowSuggestion[] {
  const phase = plan.phases.find((entry) => entry.kind === 'go-plugins');
  if (phase === undefined) return [];
  const minutes = minutesOf(estimate, new Set(phase.steps.map((step) => step.id)));
  if (minutes === 0) return [];
  return [
    {
      id: 'go-plugins-ahead',
      text: `Build, bundle and upload the Go plugins before the window: nothing running changes until the APIs switch bundles. About ${formatMinutes(minutes)} less in the window.`,
      minutes,
    },
  ];
}

function suggestions(
  plan: Plan,
  estimate: Estimated,
  worstCaseMinutes: number,
): readonly WindowSuggestion[] {
  const needed = roundUpTo(worstCaseMinutes, 15);
  return [
    {
      id: 'longer-window',
      text: `Ask for a window of at least ${formatMinutes(needed)}: the upgrade and a full rollback, rounded up to the quarter hour.`,
      minutes: needed,
    },
    // Blue-green needs a second environment you run yourself.
    ...(isRunByTyk(plan.input.model)
      ? []
      : [
          {
            id: 'blue-green' as const,
            text: 'Use blue-green instead: upgrade a copy while the live side serves, so users only see the cut-over.',
            minutes: null,
          },
        ]),
    ...companionSuggestions(plan, estimate),
    ...dataPlaneSuggestion(plan, estimate),
    ...goPluginSuggestion(plan, estimate),
  ];
}

/** How the downtime window compares with the change and its worst-case rollback. */
export function windowFit(plan: Plan, estimate: Estimated): WindowFit {
  const windowMinutes = plan.input.downtimeMinutes;
  if (plan.input.strategy !== 'downtime' || windowMinutes === null) return { kind: 'no-window' };
  const inChange = (id: string) =>
    estimate.steps.find((step) => step.stepId === id && step.startMinute !== null);
  const open = inChange('open-maintenance-window');
  const close = inChange('close-maintenance-window');
  const opensAtMinute = open?.startMinute ?? 0;
  const plannedMinutes =
    (close === undefined ? estimate.totalMinutes : endOf(close)) - opensAtMinute;
  const { rollback } = estimate;
  const worstCaseMinutes =
    rollback.fromMinute - opensAtMinute + rollback.minutes + (close?.minutes ?? 0);
  const spareMinutes = windowMinutes - worstCaseMinutes;
  const window = `${windowMinutes}-minute window`;
  const upgrade = formatMinutes(plannedMinutes);
  const worst = formatMinutes(worstCaseMinutes);
  const common = { windowMinutes, opensAtMinute, plannedMinutes, worstCaseMinutes, spareMinutes };
  if (spareMinutes >= 0) {
    return {
      kind: 'fits',
      ...common,
      message: `The ${window} holds the upgrade (about ${upgrade}) and a full rollback from the worst point (${worst} in all), with ${formatMinutes(spareMinutes)} to spare.`,
      suggestions: [],
    };
  }
  return {
    kind: 'too-short',
    ...common,
    message:
      plannedMinutes > windowMinutes
        ? `The upgrade alone is estimated at ${upgrade}, longer than the ${window}; with a full rollback from the worst point it needs ${worst}.`
        : `The ${window} holds the upgrade (about ${upgrade}) but not a full rollback from the worst point: that needs ${worst} in all, ${formatMinutes(-spareMinutes)} more than the window.`,
    suggestions: suggestions(plan, estimate, worstCaseMinutes),
  };
}
