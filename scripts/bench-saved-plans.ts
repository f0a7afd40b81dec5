// How the landing page copes with many saved plans: the browser's storage is seeded with 300 plans
// in the store's own persisted shape, and the time from the navigation start to the saved-plans
// list on the page is compared with the same page holding 1 plan. Storage holds what the app leaves
// there after a visit: the plans and the index of them the landing page lists them from. Rounds alternate between the two
// (1 then 300, then 300 then 1, ...), so a machine that gets busier during the run slows both.
// Run through `npm run bench` (scripts/bench.ts).
import type { Browser } from '@playwright/test';
import { buildPlan, inputMatrix } from '@/rules/index';
import type { SavedPlan } from '@/store/persistence';
import { planIndexText } from '@/store/plan-index';
import { rowsOf } from '@/store/plan-rows';
import { planIndexKey } from '@/store/storage-keys';
import {
  draftAnswersOf,
  freshContext,
  persistedStateOf,
  savedPlanOf,
  seedStorage,
  seenAt,
  spreadOf,
  watchFor,
  type Spread,
} from './bench-page';
import { median } from './bench-engine';

/** The goal: the landing page with many plans at most this many times slower than with one. */
const manyPlansRatioGoal = 1.3;
const manyPlansCount = 300;

// The first row of the saved-plans list. A list that pages or virtualises its rows shows this too.
const firstRow = 'section[aria-labelledby="saved-plans-heading"] li';

type PlansListRun = {
  readonly plans: number;
  /** Navigation start to the first row of the list in the DOM. */
  readonly toDom: Spread;
  /** Navigation start to two animation frames later. */
  readonly toFrame: Spread;
  /** Elements on the page at that point (median). */
  readonly nodes: number;
};

export type SavedPlansReport = {
  readonly one: PlansListRun;
  readonly many: PlansListRun;
  /** Median to the frame with many plans over the median with one. */
  readonly ratio: number;
  readonly goalRatio: number;
  readonly isMet: boolean;
};

/** `count` different plans from the input matrix, spread over all of it, as saved plans. */
function manyPlans(count: number): SavedPlan[] {
  const inputs = inputMatrix();
  const step = Math.max(1, Math.floor(inputs.length / count));
  const plans: SavedPlan[] = [];
  for (let index = 0; index < inputs.length && plans.length < count; index += step) {
    const result = buildPlan(inputs[index]);
    if (!result.ok) continue;
    const number = String(plans.length + 1).padStart(3, '0');
    plans.push(
      savedPlanOf(
        `bench-plan-${number}`,
        `Saved plan ${number}`,
        draftAnswersOf(result.plan.input),
      ),
    );
  }
  if (plans.length < count) throw new Error(`the input matrix makes only ${plans.length} plans`);
  return plans;
}

type Sample = { domMs: number; frameMs: number; nodes: number };

type Stored = { readonly plans: string; readonly index: string };

function storedOf(plans: readonly SavedPlan[]): Stored {
  const text = persistedStateOf(plans);
  const byId = Object.fromEntries(plans.map((plan) => [plan.id, plan]));
  const order = plans.map((plan) => plan.id);
  return { plans: text, index: planIndexText(rowsOf(byId, order), text) };
}

async function openLanding(browser: Browser, appUrl: string, stored: Stored): Promise<Sample> {
  const context = await freshContext(browser);
  try {
    await seedStorage(context, stored.plans, { [planIndexKey]: stored.index });
    await watchFor(context, firstRow);
    const page = await context.newPage();
    await page.goto(appUrl);
    return await seenAt(page);
  } finally {
    await context.close();
  }
}

function runOf(plans: number, samples: readonly Sample[]): PlansListRun {
  return {
    plans,
    toDom: spreadOf(samples.map((sample) => sample.domMs)),
    toFrame: spreadOf(samples.map((sample) => sample.frameMs)),
    nodes: median(samples.map((sample) => sample.nodes)),
  };
}

export async function runSavedPlansBench(options: {
  readonly browser: Browser;
  /** The app's address, ending in `/`. */
  readonly appUrl: string;
  readonly rounds?: number;
}): Promise<SavedPlansReport> {
  const rounds = options.rounds ?? 7;
  const plans = manyPlans(manyPlansCount);
  const stored = { one: storedOf(plans.slice(0, 1)), many: storedOf(plans) };
  const samples: { one: Sample[]; many: Sample[] } = { one: [], many: [] };
  // Round 0 warms up the browser and the server; it is not counted.
  for (let round = 0; round <= rounds; round++) {
    const order = round % 2 === 0 ? (['one', 'many'] as const) : (['many', 'one'] as const);
    for (const which of order) {
      const sample = await openLanding(options.browser, options.appUrl, stored[which]);
      if (round > 0) samples[which].push(sample);
    }
  }
  const one = runOf(1, samples.one);
  const many = runOf(plans.length, samples.many);
  const ratio = Number((many.toFrame.medianMs / one.toFrame.medianMs).toFixed(2));
  return { one, many, ratio, goalRatio: manyPlansRatioGoal, isMet: ratio <= manyPlansRatioGoal };
}

export function formatSavedPlansReport(report: SavedPlansReport): string {
  const line = (run: PlansListRun) =>
    `  ${String(run.plans).padStart(3)} saved: first row in the DOM median ${run.toDom.medianMs} ms, on screen median ${run.toFrame.medianMs} ms (min ${run.toFrame.minMs}, max ${run.toFrame.maxMs}, ${run.toFrame.runs} runs), ${run.nodes} elements`;
  return `${[
    'Landing page, navigation start to the saved-plans list, fresh context per run:',
    line(report.one),
    line(report.many),
    `  ${report.many.plans} plans / 1 plan: ${report.ratio}x; goal ≤ ${report.goalRatio}x: ${report.isMet ? 'met' : 'not met'}`,
  ].join('\n')}\n`;
}
