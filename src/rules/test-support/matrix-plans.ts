// The plan of every deployment in the input matrix, built once per test worker and shared by the
// suites that check them all (plan-matrix, shellcheck, yaml, render, link). Building the matrix
// is the costly part of those suites; the unit tests run without isolation between files, so the
// plans built for the first suite serve the others.
//
// Inputs and plans are frozen: a rule that wrote to its input, or a test that wrote to a shared
// plan, throws instead of changing what the next suite reads.
import { buildPlan } from '../build-plan';
import { describeInput, inputMatrix } from '../input-matrix';
import type { Command, Plan, PlanInput, Step } from '../types';

export type MatrixCase = {
  readonly input: PlanInput;
  readonly plan: Plan;
  /** The input in a few words, for failure messages. */
  readonly name: string;
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

function buildCase(raw: PlanInput): MatrixCase {
  const before = JSON.stringify(raw);
  const input = deepFreeze(structuredClone(raw));
  const result = buildPlan(input);
  const name = describeInput(input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  // The frozen input catches a write; the JSON copy catches a change made some other way.
  if (JSON.stringify(input) !== before) throw new Error(`${name}: the plan changed its input`);
  return { input, plan: deepFreeze(result.plan), name };
}

let cases: readonly MatrixCase[] | null = null;

/**
 * Room for building the whole matrix on a loaded machine (a few seconds on two quiet cores), for
 * the `beforeAll` of a suite that may be the first to ask for it.
 */
export const matrixTimeLimit = 180_000;

/** Every input of the matrix with its plan, in the matrix's order. */
export function matrixCases(): readonly MatrixCase[] {
  cases ??= inputMatrix().map(buildCase);
  return cases;
}

// The suites ask for the same plans' steps and commands again and again, one invariant after
// another; the plans are frozen, so each list is made once.
const stepLists = new WeakMap<Plan, readonly Step[]>();
const commandLists = new WeakMap<Step, readonly Command[]>();

/** Every step of the plan, in order across its phases. */
export function stepsOf(plan: Plan): readonly Step[] {
  let steps = stepLists.get(plan);
  if (steps === undefined) {
    steps = plan.phases.flatMap((phase) => phase.steps);
    if (Object.isFrozen(plan)) stepLists.set(plan, steps);
  }
  return steps;
}

/** A step's commands, then those of its check and of its way back. */
export function commandsOf(step: Step): readonly Command[] {
  let commands = commandLists.get(step);
  if (commands === undefined) {
    commands = [
      ...step.commands,
      ...(step.verify?.commands ?? []),
      ...(step.rollback?.commands ?? []),
    ];
    if (Object.isFrozen(step)) commandLists.set(step, commands);
  }
  return commands;
}
