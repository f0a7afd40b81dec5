// How long a plan takes: each step timed from the catalogue, laid end to end in the plan's order,
// with the point of no return, the way back from the worst point and what is out of service when.
// Pure and deterministic; never throws, whatever the answers hold.
import { componentLabel } from '../catalog/components';
import { isClusterInstall } from '../catalog/installs';
import { oneWayChanges } from '../catalog/one-way-changes';
import type { ComponentId, Phase, Plan, Step, Strategy } from '../types';
import { crosses } from '../versions';
import { resolveEstimateAnswers, type ResolvedEstimateAnswers } from './answers';
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
import type {
  ChangeEstimate,
  EstimateAnswers,
  EstimateAssumption,
  EstimatePart,
  EstimateTiming,
  PhaseEstimate,
  PointOfNoReturn,
  RollbackEstimate,
  RollbackPart,
  ServiceGap,
  StepEstimate,
  UpgradeEstimateEntry,
} from './types';
import { windowFit } from './window';

/** Where a step's figure came from: a catalogue entry, an installation's upgrade, or its kind. */
export type EstimateSource = 'step' | 'upgrade' | 'kind';

type Scale = {
  readonly resolved: ResolvedEstimateAnswers;
  readonly hasDatabase: boolean;
  /** The database size the `gb` parts scale with: 0 where the plan has no Dashboard database. */
  readonly databaseGb: number;
  readonly dataPlanes: number;
  readonly crossesOneWay: boolean;
};

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

function entryOf(id: string): StepEstimateEntry | undefined {
  const entries: readonly StepEstimateEntry[] = stepEstimates;
  return entries.find((entry) => entry.id === id);
}

function isComponent(value: Step['component']): value is ComponentId {
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

function partMinutes(part: EstimatePart, instances: number, scale: Scale): number {
  switch (part.per) {
    case 'step':
      return part.minutes;
    case 'instance':
      return part.minutes * instances;
    case 'gb':
      return Math.ceil(part.minutes * scale.databaseGb);
    case 'data-plane':
      return part.minutes * scale.dataPlanes;
  }
}

function sumParts(parts: readonly EstimatePart[], instances: number, scale: Scale): number {
  return parts.reduce((total, part) => total + partMinutes(part, instances, scale), 0);
}

function describeParts(parts: readonly EstimatePart[], instances: number, scale: Scale): string {
  const counted = (count: number, unit: string, part: EstimatePart): string =>
    `${part.label} ${count}${unit} × ${part.minutes} min`;
  const described = parts.flatMap((part) => {
    switch (part.per) {
      case 'step':
        return [`${part.label} ${part.minutes} min`];
      case 'instance':
        return [counted(instances, instances === 1 ? ' instance' : ' instances', part)];
      case 'gb':
        return scale.hasDatabase ? [counted(scale.databaseGb, ' GB', part)] : [];
      case 'data-plane':
        return scale.dataPlanes === 0
          ? []
          : [
              counted(
                scale.dataPlanes,
                scale.dataPlanes === 1 ? ' data plane' : ' data planes',
                part,
              ),
            ];
    }
  });
  return described.length === 0 ? 'no work of its own' : described.join(' + ');
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

function upgradeParts(plan: Plan, component: ComponentId, scale: Scale): UpgradeParts | null {
  const { install, strategy } = plan.input;
  const recipes: readonly UpgradeEstimateEntry[] = upgradeEstimates;
  const recipe = recipes.find((entry) => entry.install === install);
  return recipe === undefined
    ? null
    : composeUpgrade(recipe, component, strategy, scale.crossesOneWay);
}

type StepFigure = Pick<TimedStep, 'source' | 'timing' | 'parts' | 'rollbackParts' | 'instances'>;

function figureOf(step: Step, phase: Phase, plan: Plan, scale: Scale): StepFigure {
  // The rollback phase is a contingency whatever the catalogue says: it never counts as the change.
  const isContingency = phase.kind === 'rollback';
  // A component upgrade on a self-run installation is timed from the installation, even when its
  // id reads like a console step (a data plane named `cloud` has a step `cloud-upgrade-gateway`).
  if (step.kind === 'upgrade' && isComponent(step.component)) {
    const upgrade = upgradeParts(plan, step.component, scale);
    if (upgrade !== null) {
      return {
        source: 'upgrade',
        timing: isContingency ? 'contingency' : 'change',
        parts: upgrade.parts,
        rollbackParts: upgrade.rollback,
        instances: scale.resolved.instances[step.component],
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
    instances: 1,
  };
}

/** Every step of the plan, timed and placed: steps of the change follow one another from minute 0. */
export function timedSteps(plan: Plan, answers: EstimateAnswers = {}): readonly TimedStep[] {
  return timeSteps(plan, scaleOf(plan, answers));
}

/** The plan dumps and restores a Dashboard database: the steps say so, whatever the model. */
function hasDashboardDatabase(plan: Plan): boolean {
  return plan.phases.some((phase) =>
    phase.steps.some(
      (step) => step.id === 'backup-database' || step.id === 'rollback-restore-database',
    ),
  );
}

function scaleOf(plan: Plan, answers: EstimateAnswers): Scale {
  const { input } = plan;
  const resolved = resolveEstimateAnswers(input, answers);
  const hasDatabase = hasDashboardDatabase(plan);
  return {
    resolved,
    hasDatabase,
    databaseGb: hasDatabase ? resolved.databaseGb : 0,
    dataPlanes: input.dataPlanes.length,
    crossesOneWay: oneWayChanges.some((change) =>
      crosses(input.gateway.from, input.gateway.to, change.version),
    ),
  };
}

function timeSteps(plan: Plan, scale: Scale): readonly TimedStep[] {
  let clock = 0;
  return plan.phases.flatMap((phase) =>
    phase.steps.map((step) => {
      const figure = figureOf(step, phase, plan, scale);
      const minutes = sumParts(figure.parts, figure.instances, scale);
      const startMinute = figure.timing === 'change' ? clock : null;
      if (figure.timing === 'change') clock += minutes;
      return {
        step,
        phase,
        source: figure.source,
        timing: figure.timing,
        parts: figure.parts,
        rollbackParts: figure.rollbackParts,
        instances: figure.instances,
        minutes,
        startMinute,
      };
    }),
  );
}

const endOf = (timed: TimedStep): number => (timed.startMinute ?? 0) + timed.minutes;

function phaseEstimates(plan: Plan, timed: readonly TimedStep[]): readonly PhaseEstimate[] {
  let clock = 0;
  return plan.phases.map((phase) => {
    const own = timed.filter((entry) => entry.phase.id === phase.id);
    const change = own.filter((entry) => entry.timing === 'change');
    const fallback: EstimateTiming =
      phase.kind === 'rollback' ? 'contingency' : phase.kind === 'after' ? 'after' : 'change';
    const timing: EstimateTiming = change.length > 0 ? 'change' : (own[0]?.timing ?? fallback);
    const startMinute = change[0]?.startMinute ?? clock;
    const minutes = change.reduce((total, entry) => total + entry.minutes, 0);
    clock = startMinute + minutes;
    return {
      phaseId: phase.id,
      kind: phase.kind,
      title: phase.title,
      timing,
      startMinute,
      minutes,
    };
  });
}

function quoted(title: string): string {
  return `“${title}”`;
}

function pointOfNoReturn(plan: Plan, timed: readonly TimedStep[]): PointOfNoReturn | null {
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

function rollbackEstimate(plan: Plan, timed: readonly TimedStep[], scale: Scale): RollbackEstimate {
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

function siteText(entry: TimedStep): string {
  if (entry.phase.kind === 'data-plane' && entry.phase.id.startsWith('data-plane-')) {
    return ` on data plane ${entry.phase.id.slice('data-plane-'.length)}`;
  }
  return entry.step.plane === 'control' ? ' on the control plane' : '';
}

function serviceGaps(plan: Plan, timed: readonly TimedStep[], scale: Scale): readonly ServiceGap[] {
  const change = timed.filter((entry) => entry.timing === 'change');
  const total = change.reduce((sum, entry) => sum + entry.minutes, 0);
  const find = (id: string) => change.find((entry) => entry.step.id === id);
  switch (plan.input.strategy) {
    case 'downtime': {
      const open = find('open-maintenance-window');
      const close = find('close-maintenance-window');
      const firstUpgrade = change.find((entry) => entry.step.kind === 'upgrade');
      const start = open?.startMinute ?? firstUpgrade?.startMinute ?? 0;
      const end = close === undefined ? total : endOf(close);
      return [
        {
          id: 'outage',
          row: 'outage',
          label: 'Every API unavailable',
          startMinute: start,
          minutes: end - start,
        },
      ];
    }
    case 'blue-green': {
      const switchStep = find('blue-green-switch-traffic');
      if (switchStep === undefined) return [];
      const built = find('blue-green-build-idle')?.startMinute ?? 0;
      const switchStart = switchStep.startMinute ?? 0;
      return [
        {
          id: 'upgraded-side',
          row: 'upgraded-side',
          label: 'Upgraded side: not live until the switch',
          startMinute: built,
          minutes: switchStart - built,
        },
        {
          id: 'cut-over',
          row: 'cut-over',
          label:
            'Cut-over: traffic moves to the upgraded side; the old side stays ready to switch back',
          startMinute: switchStart,
          minutes: switchStep.minutes,
        },
      ];
    }
    case 'rolling':
      return change.flatMap((entry): readonly ServiceGap[] => {
        const component = entry.step.component;
        if (entry.source !== 'upgrade' || !isComponent(component)) return [];
        const onceParts = entry.parts.filter((part) => part.per !== 'instance');
        const eachParts = entry.parts.filter((part) => part.per === 'instance');
        const first = (entry.startMinute ?? 0) + sumParts(onceParts, 1, scale);
        const each = sumParts(eachParts, 1, scale);
        return Array.from({ length: entry.instances }, (_, index) => ({
          id: `${entry.step.id}-instance-${index + 1}`,
          row: 'instances' as const,
          label: `${componentLabel(component)} instance ${index + 1} of ${entry.instances}${siteText(entry)}`,
          startMinute: first + index * each,
          minutes: each,
        }));
      });
  }
}

function assumptions(
  timed: readonly TimedStep[],
  scale: Scale,
  hasPlanes: boolean,
): readonly EstimateAssumption[] {
  const { resolved } = scale;
  const scaled = new Set(
    timed
      .filter((entry) => entry.source === 'upgrade' && isComponent(entry.step.component))
      .map((entry) => entry.step.component),
  );
  const instanceRows: readonly EstimateAssumption[] = (
    ['gateway', 'dashboard', 'pump', 'mdcb'] as const
  )
    .filter((component) => scaled.has(component))
    .map((component) => ({
      field: `estimate.instances.${component}`,
      // Gateways and Pump run on every data plane too; the Dashboard and MDCB only once.
      label: `${componentLabel(component)} instances${hasPlanes && (component === 'gateway' || component === 'pump') ? ' on each site' : ''}`,
      value: resolved.instances[component],
      unit: resolved.instances[component] === 1 ? 'instance' : 'instances',
      isDefault: resolved.defaulted.has(`estimate.instances.${component}`),
    }));
  const usesSize =
    scale.hasDatabase &&
    timed.some((entry) =>
      [...entry.parts, ...entry.rollbackParts].some((part) => part.per === 'gb'),
    );
  return [
    ...instanceRows,
    ...(usesSize
      ? [
          {
            field: 'estimate.databaseGb',
            label: 'Dashboard database size',
            value: resolved.databaseGb,
            unit: 'GB',
            isDefault: resolved.defaulted.has('estimate.databaseGb'),
          },
        ]
      : []),
  ];
}

/** The estimate of a plan's change for the given answers (defaults for whatever is missing). */
export function estimatePlan(plan: Plan, answers: EstimateAnswers = {}): ChangeEstimate {
  const scale = scaleOf(plan, answers);
  const timed = timeSteps(plan, scale);
  const steps: readonly StepEstimate[] = timed.map((entry) => ({
    stepId: entry.step.id,
    phaseId: entry.phase.id,
    title: entry.step.title,
    timing: entry.timing,
    minutes: entry.minutes,
    startMinute: entry.startMinute,
    basis: describeParts(entry.parts, entry.instances, scale),
  }));
  const sumOf = (timing: EstimateTiming): number =>
    timed
      .filter((entry) => entry.timing === timing)
      .reduce((total, entry) => total + entry.minutes, 0);
  const rollback = rollbackEstimate(plan, timed, scale);
  const estimate = {
    strategy: plan.input.strategy,
    assumptions: assumptions(timed, scale, plan.input.dataPlanes.length > 0),
    steps,
    phases: phaseEstimates(plan, timed),
    totalMinutes: sumOf('change'),
    aheadMinutes: sumOf('ahead'),
    pointOfNoReturn: pointOfNoReturn(plan, timed),
    rollback,
    serviceGaps: serviceGaps(plan, timed, scale),
  };
  return { ...estimate, window: windowFit(plan, estimate) };
}

/** The estimate of a plan for the answers it was built with: what every page and the CLI show. */
export function estimateOfPlan(plan: Plan): ChangeEstimate {
  return estimatePlan(plan, plan.input.estimate ?? {});
}
