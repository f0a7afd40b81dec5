// What the browser benchmarks share: the largest plan of the input matrix, the wizard's stored
// state for seeding a fresh browser context, and watching the page for a step card with the
// Performance API. Used by bench-render.ts, bench-print.ts and bench-saved-plans.ts.
import process from 'node:process';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
  buildPlan,
  describeInput,
  draftDataPlane,
  inputMatrix,
  toPlanInput,
  type DraftAnswers,
  type NormalizedInput,
  type Plan,
} from '@/rules/index';
import { schemaVersion, storageKey, type SavedPlan } from '@/store/persistence';
import { median } from './bench-engine';

export type LargestPlan = {
  readonly plan: Plan;
  readonly steps: number;
  readonly lastStepId: string;
  readonly description: string;
  /** The plan's answers as the wizard stores them. */
  readonly answers: DraftAnswers;
};

export type Spread = {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly samplesMs: readonly number[];
};

export function stepIdsOf(plan: Plan): string[] {
  return plan.phases.flatMap((phase) => phase.steps.map((step) => step.id));
}

/** Draft answers, as the wizard keeps them, for a checked input. */
export function draftAnswersOf(input: NormalizedInput): DraftAnswers {
  const change = (version: NormalizedInput['pump']) =>
    version === null ? { from: '', to: '' } : { from: version.from, to: version.to };
  return {
    model: input.model,
    install: input.install,
    components: [...input.components],
    usesGoPlugins: input.usesGoPlugins,
    database: input.database ?? 'mongodb',
    dataPlanes: input.dataPlanes.map((plane) =>
      draftDataPlane(plane.name, { ...plane, redisPort: String(plane.redisPort) }),
    ),
    gateway: change(input.gateway),
    pump: change(input.pump),
    mdcb: change(input.mdcb),
    strategy: input.strategy,
    downtimeMinutes: input.downtimeMinutes === null ? '' : String(input.downtimeMinutes),
    names: Object.fromEntries(
      Object.entries(input.names).map(([id, value]) => [id, String(value)]),
    ),
    images: {
      gateway: input.images.gateway ?? '',
      dashboard: input.images.dashboard ?? '',
      pump: input.images.pump ?? '',
      mdcb: input.images.mdcb ?? '',
    },
    architecture: input.architecture,
    sharesDatabase: input.sharesDatabase,
    estimate: {
      instances: { gateway: '', dashboard: '', pump: '', mdcb: '' },
      databaseGb: '',
    },
  };
}

/** The input of the matrix whose plan has the most steps (the first of them on a tie). */
export function largestPlan(): LargestPlan {
  let largest: { plan: Plan; steps: number; description: string } | null = null;
  for (const input of inputMatrix()) {
    const result = buildPlan(input);
    if (!result.ok) continue;
    const steps = stepIdsOf(result.plan).length;
    if (largest === null || steps > largest.steps)
      largest = { plan: result.plan, steps, description: describeInput(input) };
  }
  if (largest === null) throw new Error('the input matrix makes no plan');
  const answers = draftAnswersOf(largest.plan.input);
  // The stored answers must give the very same plan, or the browser would show another one.
  const again = buildPlan(toPlanInput(answers));
  if (!again.ok || stepIdsOf(again.plan).join() !== stepIdsOf(largest.plan).join())
    throw new Error('the largest plan does not survive the round trip through draft answers');
  const lastStepId = stepIdsOf(largest.plan).at(-1) ?? '';
  return { ...largest, lastStepId, answers };
}

/** A saved plan as the store keeps it, with no step ticked. */
export function savedPlanOf(id: string, name: string, answers: DraftAnswers): SavedPlan {
  const at = '2026-09-01T10:00:00.000Z';
  return {
    id,
    name,
    isNameCustom: true,
    answers,
    progress: {},
    steps: {},
    createdAt: at,
    updatedAt: at,
    revision: 1,
  };
}

/** The store's persisted value with these saved plans, in this order, the first one open. */
export function persistedStateOf(plans: readonly SavedPlan[]): string {
  return JSON.stringify({
    state: {
      plans: Object.fromEntries(plans.map((plan) => [plan.id, plan])),
      order: plans.map((plan) => plan.id),
      activePlanId: plans[0]?.id ?? null,
    },
    version: schemaVersion,
  });
}

/** The store's persisted value with one saved plan, open. */
export function persistedStateWith(answers: DraftAnswers): string {
  return persistedStateOf([
    savedPlanOf('bench-largest-plan', 'Largest plan of the input matrix', answers),
  ]);
}

/**
 * Stores `raw` under the wizard's key before the first app script runs, once per tab, with any
 * `more` keys (the saved plans' index, say).
 */
export async function seedStorage(
  context: BrowserContext,
  raw: string,
  more: Readonly<Record<string, string>> = {},
): Promise<void> {
  await context.addInitScript(
    (entries) => {
      // The blank page a new tab starts with has no storage of its own.
      if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
      if (sessionStorage.getItem('bench-seeded') !== null) return;
      for (const [key, value] of entries) localStorage.setItem(key, value);
      sessionStorage.setItem('bench-seeded', 'yes');
    },
    [[storageKey, raw], ...Object.entries(more)] as [string, string][],
  );
}

type Seen = { domMs: number | null; frameMs: number | null; nodes: number | null };
type BenchWindow = Window & { benchSeen?: Seen };

/**
 * Before any app script, watches the document for an element that matches `selector`: records
 * performance.now(), which counts from the navigation start, when it appears, and again two
 * animation frames later (it has then been through a rendered frame), with the page's element count.
 */
export async function watchFor(context: BrowserContext, selector: string): Promise<void> {
  await context.addInitScript((wanted) => {
    const seen: Seen = { domMs: null, frameMs: null, nodes: null };
    (window as BenchWindow).benchSeen = seen;
    const observer = new MutationObserver(() => {
      if (seen.domMs !== null || document.querySelector(wanted) === null) return;
      seen.domMs = performance.now();
      observer.disconnect();
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          seen.frameMs = performance.now();
          seen.nodes = document.getElementsByTagName('*').length;
        }),
      );
    });
    observer.observe(document, { childList: true, subtree: true });
  }, selector);
}

/** Watches for the card of `stepId`: a plan step or a runbook step. */
export async function watchForStep(context: BrowserContext, stepId: string): Promise<void> {
  await watchFor(context, `article[data-step-id="${stepId}"]`);
}

/** Waits for the watched element and returns when it was seen, in ms from the navigation start. */
export async function seenAt(
  page: Page,
): Promise<{ domMs: number; frameMs: number; nodes: number }> {
  await page.waitForFunction(() => (window as BenchWindow).benchSeen?.nodes != null, null, {
    timeout: 60_000,
  });
  const seen = await page.evaluate(() => (window as BenchWindow).benchSeen);
  if (seen?.domMs == null || seen.frameMs == null || seen.nodes == null)
    throw new Error('the element was not seen');
  return { domMs: seen.domMs, frameMs: seen.frameMs, nodes: seen.nodes };
}

export function spreadOf(samples: readonly number[]): Spread {
  const rounded = samples.map((ms) => Number(ms.toFixed(1)));
  return {
    runs: samples.length,
    medianMs: Number(median(samples).toFixed(1)),
    minMs: Math.min(...rounded),
    maxMs: Math.max(...rounded),
    samplesMs: rounded,
  };
}

export const launchArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** A fresh context (empty cache and storage) that fails loudly on page errors. */
export async function freshContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.on('weberror', (error) => {
    process.stderr.write(`bench: uncaught error in the page: ${error.error().message}\n`);
  });
  return context;
}
