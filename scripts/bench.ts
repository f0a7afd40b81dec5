// The plan engine's benchmark: builds the plan of every input in the matrix several times and
// checks the goal that each plan takes under a millisecond.
//   npm run bench            (writes bench-results/engine.json as well)
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildPlan } from '@/rules/index';
import { describeInput, inputMatrix } from '@/rules/input-matrix';

const goalMs = 1;
const rounds = 5;
const outputFile = 'bench-results/engine.json';

type Timing = { readonly index: number; readonly ms: number };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function main(): number {
  const inputs = inputMatrix();
  // One untimed pass, so the figures describe the engine, not the JIT warming up.
  for (const input of inputs) buildPlan(input);

  const perInput: number[][] = inputs.map(() => []);
  let slowest: Timing = { index: 0, ms: 0 };
  let failures = 0;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    inputs.forEach((input, index) => {
      const t0 = performance.now();
      const result = buildPlan(input);
      const ms = performance.now() - t0;
      if (!result.ok) failures++;
      perInput[index]?.push(ms);
      if (ms > slowest.ms) slowest = { index, ms };
    });
  }
  const totalMs = performance.now() - started;
  const plans = inputs.length * rounds;
  // A plan meets the goal when its median build is under it; single runs include GC pauses.
  const medians = perInput.map(median);
  const overGoal = medians.filter((ms) => ms >= goalMs).length;
  const slowestInput = inputs[slowest.index];

  const figures = {
    inputs: inputs.length,
    rounds,
    plans,
    failures,
    plansPerSecond: Math.round(plans / (totalMs / 1000)),
    meanMs: Number((totalMs / plans).toFixed(4)),
    slowestMs: Number(slowest.ms.toFixed(4)),
    slowestInput: slowestInput === undefined ? '' : describeInput(slowestInput),
    slowestMedianMs: Number(Math.max(...medians).toFixed(4)),
    goalMs,
    inputsOverGoal: overGoal,
    everyPlanUnderGoal: overGoal === 0,
  };

  mkdirSync('bench-results', { recursive: true });
  writeFileSync(outputFile, `${JSON.stringify(figures, null, 2)}\n`);

  console.log(
    `Built ${plans} plans (${inputs.length} inputs × ${rounds} rounds) in ${totalMs.toFixed(0)} ms.`,
  );
  console.log(`  plans per second: ${figures.plansPerSecond}`);
  console.log(`  mean:             ${figures.meanMs} ms`);
  console.log(`  slowest single:   ${figures.slowestMs} ms (${figures.slowestInput})`);
  console.log(`  slowest median:   ${figures.slowestMedianMs} ms`);
  console.log(
    figures.everyPlanUnderGoal
      ? `  every plan is under the ${goalMs} ms goal (median of ${rounds} builds).`
      : `  ${overGoal} of ${inputs.length} inputs miss the ${goalMs} ms goal (median of ${rounds} builds).`,
  );
  if (failures > 0) console.log(`  ${failures} builds returned errors instead of a plan.`);
  console.log(`Figures written to ${outputFile}.`);
  return failures > 0 ? 1 : 0;
}

process.exitCode = main();
