// The estimate over every plan of the input matrix: its invariants, and that it grows with what
// scales it (instances, data planes, database size).
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../build-plan';
import { findModel } from '../catalog/models';
import { describeInput } from '../input-matrix';
import { matrixCases } from '../test-support/matrix-plans';
import type { Plan, PlanInput } from '../types';
import { stepEstimates } from './catalogue';
import { estimatePlan } from './estimate';
import { catalogueEntry, timedSteps } from './timed-steps';
import type { ChangeEstimate, EstimateAnswers } from './types';

// Over the whole input matrix; the limit leaves room for a busy two-core machine.
const busyMachineTimeoutMs = 60_000;

type Case = {
  readonly input: PlanInput;
  readonly plan: Plan;
  readonly name: string;
  readonly estimate: ChangeEstimate;
  /** With one and with three instances of every component. */
  readonly byInstances: readonly [ChangeEstimate, ChangeEstimate];
  /** With an empty and with a 10 GB database. */
  readonly bySize: readonly [ChangeEstimate, ChangeEstimate];
  /** The total of the plan without its rollback phase. */
  readonly forwardMinutes: number;
};

function planOf(input: PlanInput): Plan {
  const result = buildPlan(input);
  if (!result.ok) throw new Error(`${describeInput(input)}: ${JSON.stringify(result.errors)}`);
  return result.plan;
}

const allInstances = (count: number): EstimateAnswers => ({
  instances: { gateway: count, dashboard: count, pump: count, mdcb: count },
});

/** The plan without its rollback phase: the forward estimate must not change. */
const withoutRollback = (plan: Plan): Plan => ({
  ...plan,
  phases: plan.phases.filter((phase) => phase.kind !== 'rollback'),
});

// Every estimate is made once, here, from the matrix's plans that the other matrix suites share,
// and the tests below only read them.
const cases: readonly Case[] = matrixCases().map(({ input, plan, name }) => {
  return {
    input,
    plan,
    name,
    estimate: estimatePlan(plan),
    byInstances: [estimatePlan(plan, allInstances(1)), estimatePlan(plan, allInstances(3))],
    bySize: [estimatePlan(plan, { databaseGb: 0 }), estimatePlan(plan, { databaseGb: 10 })],
    forwardMinutes: estimatePlan(withoutRollback(plan)).totalMinutes,
  };
});

/**
 * The same deployments with one, two and three data planes. Three Gateway pairs keep the count of
 * extra plans modest: one below the Tyk OAS migration (4.0.0 to 5.0.15, MongoDB), one across it
 * (4.0.0 to 5.3.0, PostgreSQL) and one past it (5.8.0 to 5.14.0). Every model with data planes,
 * installation, component set, strategy and plugin answer is there.
 */
const planePairs: readonly (readonly [string, string])[] = [
  ['4.0.0', '5.0.15'],
  ['4.0.0', '5.3.0'],
  ['5.8.0', '5.14.0'],
];
const planeCases = cases
  .filter(
    ({ input }) =>
      findModel(input.model).hasDataPlanes &&
      input.install !== undefined &&
      planePairs.some(([from, to]) => input.gateway.from === from && input.gateway.to === to),
  )
  .map(({ input, name }) => ({
    input,
    name,
    byPlanes: [1, 2, 3].map((count) =>
      estimatePlan(
        planOf({
          ...input,
          dataPlanes: Array.from({ length: count }, (_, index) => ({
            name: `plane-${index + 1}`,
          })),
        }),
      ),
    ),
  }));

function everyPlan(check: (c: Case) => string | null): void {
  const failures = cases.flatMap((c) => {
    const problem = check(c);
    return problem === null ? [] : [`${c.name}: ${problem}`];
  });
  expect(failures.slice(0, 5)).toEqual([]);
}

const stepIds = (plan: Plan): ReadonlySet<string> =>
  new Set(plan.phases.flatMap((phase) => phase.steps.map((step) => step.id)));

/** "a < b", "a <= b" as a problem message, or null when it holds. */
function grows(label: string, smaller: number, larger: number, isStrict: boolean): string | null {
  const holds = isStrict ? larger > smaller : larger >= smaller;
  return holds ? null : `${label}: ${smaller} then ${larger}`;
}

describe('the estimate catalogue covers the plans', () => {
  it(
    'times every step of every plan from the catalogue, never from the fallback by kind',
    () => {
      everyPlan(({ plan }) => {
        const unknown = timedSteps(plan).filter((entry) => entry.source === 'kind');
        return unknown.length === 0 ? null : unknown.map((entry) => entry.step.id).join(', ');
      });
    },
    busyMachineTimeoutMs,
  );

  it('uses every catalogue entry in some plan', () => {
    const used = new Set(
      cases.flatMap(({ plan }) =>
        plan.phases.flatMap((phase) =>
          phase.steps.flatMap((step) => {
            const entry = catalogueEntry(step, plan);
            return entry === null ? [] : [entry.id];
          }),
        ),
      ),
    );
    expect(stepEstimates.map((entry) => entry.id).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('invariants of the estimate over every plan', () => {
  it('adds up: the total is the steps of the change, laid end to end', () => {
    everyPlan((c) => {
      const estimate = c.estimate;
      const change = estimate.steps.filter((step) => step.timing === 'change');
      const sum = change.reduce((total, step) => total + step.minutes, 0);
      if (sum !== estimate.totalMinutes) return `total ${estimate.totalMinutes}, steps ${sum}`;
      const gap = change.find(
        (step, index) =>
          step.startMinute !==
          (index === 0
            ? 0
            : (change[index - 1]?.startMinute ?? 0) + (change[index - 1]?.minutes ?? 0)),
      );
      if (gap !== undefined) return `${gap.stepId} does not follow the step before it`;
      const outside = estimate.steps.find(
        (step) => step.timing !== 'change' && step.startMinute !== null,
      );
      return outside === undefined ? null : `${outside.stepId} is placed outside the change`;
    });
  });

  it('never counts the rollback phase toward the change', () => {
    everyPlan((c) => {
      const estimate = c.estimate;
      const counted = estimate.steps.find(
        (step) => step.phaseId === 'rollback' && step.timing !== 'contingency',
      );
      if (counted !== undefined) return `${counted.stepId} is timed ${counted.timing}`;
      return c.forwardMinutes === estimate.totalMinutes
        ? null
        : `${estimate.totalMinutes} with the rollback phase, ${c.forwardMinutes} without`;
    });
  });

  it('has a rollback estimate for every plan, from a step of the plan', () => {
    everyPlan((c) => {
      const { rollback, totalMinutes } = c.estimate;
      if (rollback.minutes <= 0 || rollback.parts.length === 0) return 'no rollback time';
      const ids = stepIds(c.plan);
      if (!ids.has(rollback.fromStepId)) return `worst point ${rollback.fromStepId}`;
      if (rollback.fromMinute <= 0 || rollback.fromMinute > totalMinutes)
        return `worst point at ${rollback.fromMinute} of ${totalMinutes}`;
      const unknown = rollback.parts.find((part) => !ids.has(part.stepId));
      return unknown === undefined ? null : `rollback part ${unknown.stepId}`;
    });
  });

  it('places the point of no return on a step of the change, no later than the worst point', () => {
    everyPlan((c) => {
      const { pointOfNoReturn: point, rollback, steps } = c.estimate;
      if (point === null) return 'no point of no return';
      const step = steps.find((entry) => entry.stepId === point.stepId);
      if (step === undefined || step.timing !== 'change')
        return `${point.stepId} is not in the change`;
      if (point.atMinute !== (step.startMinute ?? 0) + step.minutes)
        return 'not at the end of its step';
      const expected =
        c.input.strategy === 'blue-green' && c.input.model !== 'cloud' ? 'traffic-switch' : null;
      if (expected !== null && point.reason !== expected) return `reason ${point.reason}`;
      return point.atMinute <= rollback.fromMinute
        ? null
        : `at ${point.atMinute}, after the worst point ${rollback.fromMinute}`;
    });
  });

  it('shows each instance, side or outage out of service inside the change, one after another', () => {
    everyPlan((c) => {
      const { serviceGaps, totalMinutes } = c.estimate;
      const rows = new Set(serviceGaps.map((gap) => gap.row));
      const isSelfRun = c.input.model !== 'cloud';
      const expectedRows: Record<PlanInput['strategy'], readonly string[]> = {
        rolling: isSelfRun ? ['instances'] : [],
        'blue-green': isSelfRun ? ['upgraded-side', 'cut-over'] : [],
        downtime: ['outage'],
      };
      if ([...rows].join() !== expectedRows[c.input.strategy].join())
        return `rows ${[...rows].join()}`;
      const outside = serviceGaps.find(
        (gap) =>
          gap.minutes <= 0 || gap.startMinute < 0 || gap.startMinute + gap.minutes > totalMinutes,
      );
      if (outside !== undefined) return `${outside.id} is outside the change`;
      const overlap = serviceGaps.find((gap, index) => {
        const next = serviceGaps[index + 1];
        return next !== undefined && gap.startMinute + gap.minutes > next.startMinute;
      });
      return overlap === undefined ? null : `${overlap.id} overlaps the next`;
    });
  });

  it('checks the window of every downtime plan, and only those', () => {
    everyPlan((c) => {
      const { window } = c.estimate;
      if (c.input.strategy !== 'downtime')
        return window.kind === 'no-window' ? null : `a window for ${c.input.strategy}`;
      if (window.kind === 'no-window') return 'no window';
      if (window.windowMinutes !== c.input.downtimeMinutes) return `window ${window.windowMinutes}`;
      if (window.worstCaseMinutes <= window.plannedMinutes) return 'the rollback adds nothing';
      if (window.kind === 'fits') return window.suggestions.length === 0 ? null : 'suggestions';
      const longer = window.suggestions.find((entry) => entry.id === 'longer-window');
      const asked = longer?.minutes ?? 0;
      return asked >= window.worstCaseMinutes && asked % 15 === 0 ? null : `asks for ${asked}`;
    });
  });
});

describe('the estimate grows with what scales it', () => {
  it('in instances: more instances never make it shorter, and lengthen every self-run upgrade', () => {
    everyPlan(({ input, byInstances: [one, three] }) => {
      const isSelfRunUpgrade = input.install !== undefined;
      return (
        grows('total', one.totalMinutes, three.totalMinutes, isSelfRunUpgrade) ??
        grows(
          'rollback',
          one.rollback.minutes,
          three.rollback.minutes,
          isSelfRunUpgrade && input.strategy !== 'blue-green',
        )
      );
    });
  });

  it('in database size: a bigger database lengthens every plan that dumps and restores one', () => {
    everyPlan(({ input, plan, bySize: [empty, large] }) => {
      const hasDatabase = stepIds(plan).has('backup-database');
      if (!hasDatabase && large.totalMinutes !== empty.totalMinutes)
        return 'the size counts without a database';
      return (
        grows('total', empty.totalMinutes, large.totalMinutes, hasDatabase) ??
        grows(
          'rollback',
          empty.rollback.minutes,
          large.rollback.minutes,
          hasDatabase && input.strategy !== 'blue-green',
        )
      );
    });
  });

  it('in data planes: each plane added lengthens the change', () => {
    // Every deployment shape with data planes is among the cases, with each of the three pairs.
    const shape = ({ input }: { readonly input: PlanInput }): string =>
      [input.model, input.install, input.components.join('+'), input.strategy, input.usesGoPlugins]
        .map(String)
        .join(' ');
    const withPlanes = cases.filter(
      ({ input }) => findModel(input.model).hasDataPlanes && input.install !== undefined,
    );
    expect(new Set(planeCases.map(shape))).toEqual(new Set(withPlanes.map(shape)));
    expect(planeCases.length).toBe(new Set(withPlanes.map(shape)).size * planePairs.length);
    const failures = planeCases.flatMap(({ input, name, byPlanes: [one, two, three] }) => {
      if (one === undefined || two === undefined || three === undefined)
        return [`${name}: no plan`];
      const isStrictBack = input.strategy !== 'blue-green';
      const problem =
        grows('total, 1 to 2 planes', one.totalMinutes, two.totalMinutes, true) ??
        grows('total, 2 to 3 planes', two.totalMinutes, three.totalMinutes, true) ??
        grows(
          'rollback, 1 to 2 planes',
          one.rollback.minutes,
          two.rollback.minutes,
          isStrictBack,
        ) ??
        grows(
          'rollback, 2 to 3 planes',
          two.rollback.minutes,
          three.rollback.minutes,
          isStrictBack,
        );
      return problem === null ? [] : [`${name}: ${problem}`];
    });
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
