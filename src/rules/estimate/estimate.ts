// How long a plan takes: each step timed from the catalogue, laid end to end in the plan's order,
// with the point of no return, the way back from the worst point and what is out of service when.
// Pure and deterministic; never throws, whatever the answers hold.
import { componentLabel } from '../catalog/components';
import type { Plan } from '../types';
import { pointOfNoReturn } from './point-of-no-return';
import { rollbackEstimate } from './rollback';
import { describeParts, scaleOf, type Scale } from './scale';
import { serviceGaps } from './service-gaps';
import { isComponent, timeSteps, type TimedStep } from './timed-steps';
import type {
  ChangeEstimate,
  EstimateAnswers,
  EstimateAssumption,
  EstimateTiming,
  PhaseEstimate,
  StepEstimate,
} from './types';
import { windowFit } from './window';

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
