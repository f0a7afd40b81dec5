// The plan engine's benchmark: builds the plan of every input in the matrix several times, timed by
// tinybench in rounds, and checks the goal that each plan takes under a millisecond. `npm run bench -- --only=engine` runs
// it on its own; `tsx scripts/bench-engine.ts` does too and only prints.
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import { buildPlan, describeInput, inputMatrix } from '@/rules/index';

/** Every plan, judged by the median of its builds, must build in less than this. */
const engineGoalMs = 1;

export type EngineReport = {
  readonly inputs: number;
  readonly rounds: number;
  readonly plans: number;
  /** Inputs that gave errors instead of a plan: the matrix holds valid inputs only. */
  readonly failures: number;
  /** Time spent inside the builds, summed over the timed samples. */
  readonly totalMs: number;
  /** The whole run, warm-up builds and the harness included. */
  readonly wallMs: number;
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

function round(ms: number): number {
  return Number(ms.toFixed(4));
}

export function runEngineBench(options: { readonly rounds?: number } = {}): EngineReport {
  const rounds = options.rounds ?? 7;
  const inputs = inputMatrix();
  // One untimed pass, so the figures describe the engine, not the JIT warming up.
  const failures = inputs.filter((input) => !buildPlan(input).ok).length;

  // The builds run in rounds: each round builds every input once, timed by tinybench, and an input's
  // figure is the median over the rounds. Its builds are then more than a second apart, so one
  // garbage collection cycle (whose incremental marking slows every build it overlaps) can land in
  // one of them, not in all of them as it can when the same input is built seven times in a row.
  const samples = inputs.map(() => [] as number[]);
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    const bench = new Bench({
      iterations: 1,
      time: 0,
      warmupIterations: round === 0 ? 1 : 0,
      warmupTime: 0,
      throws: true,
    });
    inputs.forEach((input, index) => bench.add(String(index), () => void buildPlan(input)));
    for (const task of bench.runSync()) {
      const { result } = task;
      if (result.state !== 'completed') throw new Error(`input ${task.name} did not build`);
      samples[Number(task.name)]?.push(result.latency.max);
    }
  }
  const wallMs = performance.now() - started;

  const perInput = samples.map((builds, index) => ({
    index,
    medianMs: median(builds),
    maxMs: Math.max(...builds),
    totalMs: builds.reduce((sum, ms) => sum + ms, 0),
    runs: builds.length,
  }));
  const worst = (key: 'medianMs' | 'maxMs') =>
    perInput.reduce((slowest, entry) => (entry[key] > slowest[key] ? entry : slowest));
  const plans = perInput.reduce((sum, entry) => sum + entry.runs, 0);
  const totalMs = perInput.reduce((sum, entry) => sum + entry.totalMs, 0);
  const slowest = worst('maxMs');
  const slowestMedian = worst('medianMs');
  const inputsOverGoal = perInput.filter((entry) => entry.medianMs >= engineGoalMs).length;
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
    wallMs: Math.round(wallMs),
    plansPerSecond: Math.round(plans / (totalMs / 1000)),
    meanMs: round(totalMs / plans),
    slowestMs: round(slowest.maxMs),
    slowestInput: describe(slowest.index),
    slowestMedianMs: round(slowestMedian.medianMs),
    slowestMedianInput: describe(slowestMedian.index),
    goalMs: engineGoalMs,
    inputsOverGoal,
    isMet: inputsOverGoal === 0 && failures === 0,
  };
}

export function formatEngineReport(report: EngineReport): string {
  const lines = [
    `Built ${report.plans} plans (${report.inputs} inputs × ${report.rounds} runs) in ${report.totalMs} ms (${report.wallMs} ms with warm-ups and tinybench).`,
    `  plans per second: ${report.plansPerSecond}`,
    `  mean:             ${report.meanMs} ms`,
    `  slowest single:   ${report.slowestMs} ms (${report.slowestInput})`,
    `  slowest median:   ${report.slowestMedianMs} ms (${report.slowestMedianInput})`,
    report.inputsOverGoal === 0
      ? `  every plan is under the ${report.goalMs} ms goal (median of ${report.rounds} builds).`
      : `  ${report.inputsOverGoal} of ${report.inputs} inputs miss the ${report.goalMs} ms goal (median of ${report.rounds} builds).`,
  ];
  if (report.failures > 0) lines.push(`  ${report.failures} inputs gave errors instead of a plan.`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = runEngineBench();
  process.stdout.write(formatEngineReport(report));
  process.exitCode = report.failures > 0 ? 1 : 0;
}
