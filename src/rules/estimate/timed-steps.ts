// Every step of a plan timed from the catalogue (its own entry, its installation's upgrade or its
// kind) and placed end to end in the plan's order, from minute 0.
import { isClusterInstall } from '../catalog/installs';
import type { ComponentId, Phase, Plan, Step, Strategy } from '../types';
import {
  componentEstimates,
  kindEstimates,
  stepEstimates,
  strategyEstimates,
  upgradeEstimates,
  type ComponentEstimateEntry,
  type StepEstimateEntry,
  type StrategyEstimateEntry,
} from './catalogue';
import { scaleOf, sumParts, type Scale } from './scale';
import type { EstimateAnswers, EstimatePart, EstimateTiming, UpgradeEstimateEntry } from './types';

/** Where a step's figure came from: a catalogue entry, an installation's upgrade, or its kind. */
export type EstimateSource = 'step' | 'upgrade' | 'kind';

/** One step with everything the estimate needs from it. */
export type TimedStep = {
  readonly step: Step;
  readonly phase: Phase;
  readonly source: EstimateSource;
  readonly timing: EstimateTiming;
  readonly parts: readonly EstimatePart[];
  readonly rollbackParts: readonly EstimatePart[];
  /** Instances that the `instance` parts repeat for. */
  readonly instances: number;
  readonly minutes: number;
  readonly startMinute: number | null;
};

const entriesById: ReadonlyMap<string, StepEstimateEntry> = new Map(
  (stepEstimates as readonly StepEstimateEntry[]).map((entry) => [entry.id, entry]),
);

function entryOf(id: string): StepEstimateEntry | undefined {
  return entriesById.get(id);
}

export function isComponent(value: Step['component']): value is ComponentId {
  return value !== undefined && value !== 'go-plugins';
}

/** The catalogue entry of a step: its own id, or its id without the `cloud-` or a data plane's prefix. */
export function catalogueEntry(step: Step, plan: Plan): StepEstimateEntry | null {
  const exact = entryOf(step.id);
  if (exact !== undefined) return exact;
  const prefixes = ['cloud-', ...plan.input.dataPlanes.map((plane) => `${plane.name}-`)];
  for (const prefix of prefixes) {
    if (!step.id.startsWith(prefix)) continue;
    const entry = entryOf(step.id.slice(prefix.length));
    if (entry !== undefined) return entry;
  }
  return null;
}

type UpgradeParts = {
  readonly parts: readonly EstimatePart[];
  readonly rollback: readonly EstimatePart[];
};

/** Work done once comes first: the instances are replaced after it. */
function onceFirst(parts: readonly EstimatePart[]): readonly EstimatePart[] {
  return [
    ...parts.filter((part) => part.per !== 'instance'),
    ...parts.filter((part) => part.per === 'instance'),
  ];
}

function composeUpgrade(
  recipe: UpgradeEstimateEntry,
  component: ComponentId,
  strategy: Strategy,
  crossesOneWay: boolean,
): UpgradeParts {
  const byComponent: readonly ComponentEstimateEntry[] = componentEstimates;
  const byStrategy: readonly StrategyEstimateEntry[] = strategyEstimates;
  const own = byComponent.filter((entry) => entry.component === component);
  const extras = own.flatMap((entry) => entry.parts);
  const oneWay = crossesOneWay ? own.flatMap((entry) => entry.oneWayParts) : [];
  const around = byStrategy
    .filter(
      (entry) =>
        entry.strategy === strategy &&
        (entry.where === 'everywhere' || !isClusterInstall(recipe.install)) &&
        entry.components.includes(component),
    )
    .flatMap((entry) => entry.parts);
  return {
    parts: onceFirst([...recipe.upgrade, ...oneWay, ...extras, ...around]),
    rollback: onceFirst([...recipe.rollback, ...extras, ...around]),
  };
}

function upgradeParts(
  plan: Plan,
  component: ComponentId,
  crossesOneWay: boolean,
): UpgradeParts | null {
  const { install, strategy } = plan.input;
  const recipes: readonly UpgradeEstimateEntry[] = upgradeEstimates;
  const recipe = recipes.find((entry) => entry.install === install);
  return recipe === undefined ? null : composeUpgrade(recipe, component, strategy, crossesOneWay);
}

/**
 * A step's figure apart from its count of instances, which the answers set: `scaledBy` names the
 * component whose instances its `instance` parts repeat for, or is null for one.
 */
type StepFigure = Pick<TimedStep, 'source' | 'timing' | 'parts' | 'rollbackParts'> & {
  readonly scaledBy: ComponentId | null;
};

function figureOf(step: Step, phase: Phase, plan: Plan, crossesOneWay: boolean): StepFigure {
  // The rollback phase is a contingency whatever the catalogue says: it never counts as the change.
  const isContingency = phase.kind === 'rollback';
  // A component upgrade on a self-run installation is timed from the installation, even when its
  // id reads like a console step (a data plane named `cloud` has a step `cloud-upgrade-gateway`).
  if (step.kind === 'upgrade' && isComponent(step.component)) {
    const upgrade = upgradeParts(plan, step.component, crossesOneWay);
    if (upgrade !== null) {
      return {
        source: 'upgrade',
        timing: isContingency ? 'contingency' : 'change',
        parts: upgrade.parts,
        rollbackParts: upgrade.rollback,
        scaledBy: step.component,
      };
    }
  }
  const entry = catalogueEntry(step, plan);
  const known: Omit<StepEstimateEntry, 'id'> = entry ?? kindEstimates[step.kind];
  return {
    source: entry === null ? 'kind' : 'step',
    timing: isContingency ? 'contingency' : known.timing,
    parts: known.parts,
    rollbackParts: known.rollback ?? [],
    scaledBy: null,
  };
}

type PlacedFigure = { readonly step: Step; readonly phase: Phase; readonly figure: StepFigure };

// A step's figure depends on the plan alone: the one-way change it may cross comes from the
// plan's input, never from the answers. So a plan estimated again for other answers (instances,
// database size) reuses its figures. Plans are never changed once built.
const figuresOfPlan = new WeakMap<Plan, readonly PlacedFigure[]>();

function figuresOf(plan: Plan, crossesOneWay: boolean): readonly PlacedFigure[] {
  const known = figuresOfPlan.get(plan);
  if (known !== undefined) return known;
  const figures = plan.phases.flatMap((phase) =>
    phase.steps.map((step) => ({
      step,
      phase,
      figure: figureOf(step, phase, plan, crossesOneWay),
    })),
  );
  figuresOfPlan.set(plan, figures);
  return figures;
}

/** Every step of the plan, timed and placed: steps of the change follow one another from minute 0. */
export function timedSteps(plan: Plan, answers: EstimateAnswers = {}): readonly TimedStep[] {
  return timeSteps(plan, scaleOf(plan, answers));
}

export function timeSteps(plan: Plan, scale: Scale): readonly TimedStep[] {
  let clock = 0;
  return figuresOf(plan, scale.crossesOneWay).map(({ step, phase, figure }) => {
    const instances = figure.scaledBy === null ? 1 : scale.resolved.instances[figure.scaledBy];
    const minutes = sumParts(figure.parts, instances, scale);
    const startMinute = figure.timing === 'change' ? clock : null;
    if (figure.timing === 'change') clock += minutes;
    return {
      step,
      phase,
      source: figure.source,
      timing: figure.timing,
      parts: figure.parts,
      rollbackParts: figure.rollbackParts,
      instances,
      minutes,
      startMinute,
    };
  });
}

export const endOf = (timed: TimedStep): number => (timed.startMinute ?? 0) + timed.minutes;
