// The plan engine's benchmark: builds the plan of every input in the matrix several times and
// checks the goal that each plan takes under a millisecond. `npm run bench -- --only=engine` runs
// it on its own; `tsx scripts/bench-engine.ts` does too and only prints.
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { buildPlan, describeInput, inputMatrix } from '@/rules/index';

/** Every plan, judged by the median of its builds, must build in less than this. */
export const engineGoalMs = 1;

export type EngineReport = {
  readonly inputs: number;
  readonly rounds: number;
  readonly plans: number;
  /** Builds that returned errors instead of a plan: the matrix holds valid inputs only. */
  readonly failures: number;
  readonly totalMs: number;
  readonly plansPerSecond: number;
  readonly meanMs: number;
  /** The slowest single build; it may include a garbage collection pause. */
  readonly slowestMs: number;
  readonly slowestInput: string;
  /** The slowest input by the median of its builds: the figure the goal is judged on. */
  readonly slowestMedianMs: number;
  readonly slowestMedianInput: string;
  readonly goalMs: number;
  readonly inputsOverGoal: number;
  readonly isMet: boolean;
};

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A small seeded PRNG (mulberry32), so every run of the benchmark uses the same orders. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0 … length-1 in a random order (Fisher–Yates). */
function shuffledIndexes(length: number, random: () => number): number[] {
  const indexes = Array.from({ length }, (_, index) => index);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [indexes[i], indexes[j]] = [indexes[j] ?? j, indexes[i] ?? i];
  }
  return indexes;
}

function round(ms: number): number {
  return Number(ms.toFixed(4));
}

export function runEngineBench(options: { readonly rounds?: number } = {}): EngineReport {
  const rounds = options.rounds ?? 7;
  const inputs = inputMatrix();
  // One untimed pass, so the figures describe the engine, not the JIT warming up.
  for (const input of inputs) buildPlan(input);

  const perInput: number[][] = inputs.map(() => []);
  let slowest = { index: 0, ms: 0 };
  let failures = 0;
  const random = seededRandom(20260901);
  const started = performance.now();
  for (let pass = 0; pass < rounds; pass++) {
    // Each round allocates the same way; in the same order, a garbage collection would stop the
    // same input every round and make its median a pause. A new order per round spreads them.
    for (const index of shuffledIndexes(inputs.length, random)) {
      const input = inputs[index];
      if (input === undefined) continue;
      const t0 = performance.now();
      const result = buildPlan(input);
      const ms = performance.now() - t0;
      if (!result.ok) failures++;
      perInput[index]?.push(ms);
      if (ms > slowest.ms) slowest = { index, ms };
    }
  }
  const totalMs = performance.now() - started;
  const plans = inputs.length * rounds;
  // A plan meets the goal when its median build is under it; single runs include GC pauses.
  const medians = perInput.map(median);
  const slowestMedian = medians.reduce(
    (worst, ms, index) => (ms > worst.ms ? { index, ms } : worst),
    { index: 0, ms: 0 },
  );
  const inputsOverGoal = medians.filter((ms) => ms >= engineGoalMs).length;
  const describe = (index: number) => {
    const input = inputs[index];
    return input === undefined ? '' : describeInput(input);
  };

  return {
    inputs: inputs.length,
    rounds,
    plans,
    failures,
    totalMs: Math.round(totalMs),
    plansPerSecond: Math.round(plans / (totalMs / 1000)),
    meanMs: round(totalMs / plans),
    slowestMs: round(slowest.ms),
    slowestInput: describe(slowest.index),
    slowestMedianMs: round(slowestMedian.ms),
    slowestMedianInput: describe(slowestMedian.index),
    goalMs: engineGoalMs,
    inputsOverGoal,
    isMet: inputsOverGoal === 0 && failures === 0,
  };
}

export function formatEngineReport(report: EngineReport): string {
  const lines = [
    `Built ${report.plans} plans (${report.inputs} inputs × ${report.rounds} rounds) in ${report.totalMs} ms.`,
    `  plans per second: ${report.plansPerSecond}`,
    `  mean:             ${report.meanMs} ms`,
    `  slowest single:   ${report.slowestMs} ms (${report.slowestInput})`,
    `  slowest median:   ${report.slowestMedianMs} ms (${report.slowestMedianInput})`,
    report.inputsOverGoal === 0
      ? `  every plan is under the ${report.goalMs} ms goal (median of ${report.rounds} builds).`
      : `  ${report.inputsOverGoal} of ${report.inputs} inputs miss the ${report.goalMs} ms goal (median of ${report.rounds} builds).`,
  ];
  if (report.failures > 0)
    lines.push(`  ${report.failures} builds returned errors instead of a plan.`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = runEngineBench();
  process.stdout.write(formatEngineReport(report));
  process.exitCode = report.failures > 0 ? 1 : 0;
}
