// How fast the built app shows the largest plan of the input matrix, in Chromium, against a build
// served under the e2e sub-path. Run through `npm run bench` (scripts/bench.ts), which builds the
// app, serves it and hands this module a browser.
//
// Three figures, each measured inside the page with the Performance API:
//  - open: from the navigation start of a shared link of that plan to the moment a
//    MutationObserver (installed before any app script) sees the plan's last step card in the DOM,
//    and to two animation frames later (that card has then been through a rendered frame). Each
//    run uses a fresh browser context: empty cache and storage, like a colleague opening the link.
//  - answer change: on the versions page of that plan, the Gateway target is set the way React
//    sees typing (native value setter plus an input event) and the clock runs until the advisories
//    of the new target are in the DOM, then through a forced style and layout. (The page checks
//    the answers with validate and lists advisoriesFor them; it does not build the whole plan.)
//    That work has to fit a 16 ms frame. The time to the second animation frame after it is
//    reported as well; it adds the wait for the browser's next frames, so it says when the change
//    was on screen, not how much work it was.
//  - tick: on the plan page of that plan, a step's checkbox is clicked and the clock runs until
//    the overall progress bar shows the new count, then through a forced style and layout.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
  advisoriesFor,
  gatewayReleases,
  planLinkFor,
  toPlanInput,
  validate,
  type DraftAnswers,
} from '@/rules/index';
import {
  freshContext,
  largestPlan,
  persistedStateWith,
  seedStorage,
  spreadOf,
  stepIdsOf,
  seenAt,
  watchForStep,
  type LargestPlan,
  type Spread,
} from './bench-page';

/** The budget of one frame at 60 Hz, rounded down as it is usually quoted. */
const frameBudgetMs = 16;

/** The goal for the largest plan, from its link to its last step in the DOM (median, 2 CPUs). */
const openGoalMs = 300;

export type OpenPlanReport = {
  /** Which way the plan was opened: the shared-link route, or stored answers and the plan page. */
  readonly path: 'shared-link' | 'stored-answers';
  readonly url: string;
  readonly toDom: Spread;
  readonly toFrame: Spread;
  /** Navigation start to the last step's detail and commands in the DOM: every card complete. */
  readonly toBodies: Spread;
  readonly goalMs: number;
  readonly isMet: boolean;
};

export type InteractionReport = {
  readonly page: string;
  readonly change: string;
  /** Input event to new content in the DOM and style and layout done: the work of one frame. */
  readonly toLayout: Spread;
  /** Input event to the second animation frame after the new content. */
  readonly toFrame: Spread;
  readonly budgetMs: number;
  readonly isMet: boolean;
};

export type RenderReport = {
  readonly plan: { readonly description: string; readonly steps: number };
  readonly open: OpenPlanReport;
  readonly answerChange: InteractionReport;
  readonly tick: InteractionReport;
};

type BodyWindow = Window & { benchBodyMs?: number };

/**
 * The plan shows each step's heading and tick box first and its body (detail, commands, folds) a
 * moment later; this records, before any app script, when the last step's detail paragraph (a
 * direct child of its card, present only with the body) is in the DOM.
 */
async function watchForBody(context: BrowserContext, stepId: string): Promise<void> {
  await context.addInitScript((selector) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector) === null) return;
      (window as BodyWindow).benchBodyMs = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  }, `article[data-step-id="${stepId}"] > p`);
}

async function bodySeenAt(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as BodyWindow).benchBodyMs !== undefined, null, {
    timeout: 60_000,
  });
  return await page.evaluate(() => (window as BodyWindow).benchBodyMs ?? Number.NaN);
}

async function openLargestPlan(
  browser: Browser,
  appUrl: string,
  largest: LargestPlan,
  hasSharedRoute: boolean,
  runs: number,
): Promise<OpenPlanReport> {
  const url = hasSharedRoute
    ? planLinkFor(appUrl, largest.plan.input, { includeNames: true })
    : `${appUrl}#/wizard/plan`;
  const domSamples: number[] = [];
  const frameSamples: number[] = [];
  const bodySamples: number[] = [];
  // The first run warms up the browser process and the server; it is not counted.
  for (let run = 0; run <= runs; run++) {
    const context = await freshContext(browser);
    try {
      if (!hasSharedRoute) await seedStorage(context, persistedStateWith(largest.answers));
      await watchForStep(context, largest.lastStepId);
      await watchForBody(context, largest.lastStepId);
      const page = await context.newPage();
      await page.goto(url);
      const seen = await seenAt(page);
      const bodyMs = await bodySeenAt(page);
      const hash = await page.evaluate(() => location.hash);
      if (!hash.startsWith('#/wizard/plan'))
        throw new Error(`the plan opened at ${hash}, not at #/wizard/plan`);
      if (run > 0) {
        domSamples.push(seen.domMs);
        frameSamples.push(seen.frameMs);
        bodySamples.push(bodyMs);
      }
    } finally {
      await context.close();
    }
  }
  return {
    path: hasSharedRoute ? 'shared-link' : 'stored-answers',
    url: hasSharedRoute ? `${appUrl}#/s/… (${url.length} characters)` : url,
    toDom: spreadOf(domSamples),
    toFrame: spreadOf(frameSamples),
    toBodies: spreadOf(bodySamples),
    goalMs: openGoalMs,
    isMet: spreadOf(domSamples).medianMs <= openGoalMs,
  };
}

/** What the page must show once a change has been rendered. */
type IdsShown = {
  readonly kind: 'ids';
  readonly present: readonly string[];
  readonly absent: readonly string[];
};
type AttributeShown = {
  readonly kind: 'attribute';
  readonly selector: string;
  readonly name: string;
  readonly value: string;
};
type Expectation = IdsShown | AttributeShown;

type Action = { readonly kind: 'type'; readonly value: string } | { readonly kind: 'click' };

type ChangeTiming = { layoutMs: number; frameMs: number } | { error: string };

/**
 * Runs one change inside the page on `target` and times it: the clock starts just before the
 * event is dispatched and stops when a mutation makes `expectation` hold and style and layout are
 * done, then again two animation frames later.
 */
async function timeChange(
  page: Page,
  targetSelector: string,
  action: Action,
  expectation: Expectation,
): Promise<{ layoutMs: number; frameMs: number }> {
  const timing: ChangeTiming = await page
    .locator(targetSelector)
    .evaluate<ChangeTiming, { action: Action; expectation: Expectation }>(
      (target, { action, expectation }) =>
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        new Promise<ChangeTiming>((resolve) => {
          let startedAt = 0;
          const timeout = setTimeout(() => {
            observer.disconnect();
            resolve({ error: 'the change did not show within 10 s' });
          }, 10_000);
          // Mutations made while the event is dispatched (React may render right then) are
          // delivered here too, at the next microtask.
          const observer = new MutationObserver((_records, self) => {
            const isRendered =
              expectation.kind === 'ids'
                ? expectation.present.every((id) => document.getElementById(id) !== null) &&
                  expectation.absent.every((id) => document.getElementById(id) === null)
                : document.querySelector(expectation.selector)?.getAttribute(expectation.name) ===
                  expectation.value;
            if (!isRendered) return;
            self.disconnect();
            clearTimeout(timeout);
            // Reading a layout value makes the browser finish style and layout now.
            void document.documentElement.getBoundingClientRect().height;
            const layoutAt = performance.now();
            requestAnimationFrame(() =>
              requestAnimationFrame(() =>
                resolve({ layoutMs: layoutAt - startedAt, frameMs: performance.now() - startedAt }),
              ),
            );
          });
          observer.observe(document.body, {
            childList: true,
            subtree: true,
            attributes: true,
            characterData: true,
          });

          startedAt = performance.now();
          if (action.kind === 'type' && target instanceof HTMLInputElement) {
            // React tracks the value it last saw; the prototype's setter goes around that, so the
            // input event reads as typing.
            Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(
              target,
              action.value,
            );
            target.dispatchEvent(new Event('input', { bubbles: true }));
          } else if (target instanceof HTMLElement) {
            target.click();
          }
        }),
      { action, expectation },
    );
  if ('error' in timing) throw new Error(timing.error);
  return timing;
}

/** Lets the page settle (effects, storage writes) before the next change. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestIdleCallback(() => resolve(), { timeout: 500 });
      }),
  );
}

function interactionReport(
  pageName: string,
  change: string,
  samples: readonly { layoutMs: number; frameMs: number }[],
): InteractionReport {
  const toLayout = spreadOf(samples.map((sample) => sample.layoutMs));
  return {
    page: pageName,
    change,
    toLayout,
    toFrame: spreadOf(samples.map((sample) => sample.frameMs)),
    budgetMs: frameBudgetMs,
    isMet: toLayout.maxMs <= frameBudgetMs,
  };
}

/** The advisory element ids the versions page shows for a Gateway target. */
function advisoryIdsFor(answers: DraftAnswers, target: string): Set<string> {
  // The versions page shows advisories for the answers with names and the window left default.
  const checked = validate(
    toPlanInput({
      ...answers,
      gateway: { ...answers.gateway, to: target },
      names: {},
      downtimeMinutes: '',
    }),
  );
  if (!checked.ok) throw new Error(`Gateway target ${target} makes the answers invalid`);
  return new Set(advisoriesFor(checked.input).map((advisory) => `advisory-${advisory.id}`));
}

async function changeTarget(
  browser: Browser,
  appUrl: string,
  largest: LargestPlan,
  changes: number,
): Promise<InteractionReport> {
  const original = largest.answers.gateway.to;
  // The newest release is the farthest jump, with the most advisories to show.
  const farthest = gatewayReleases[0]?.version ?? original;
  const idsAt = new Map([
    [original, advisoryIdsFor(largest.answers, original)],
    [farthest, advisoryIdsFor(largest.answers, farthest)],
  ]);
  const expectationFor = (target: string): IdsShown => {
    const shown = idsAt.get(target) ?? new Set<string>();
    const other = idsAt.get(target === original ? farthest : original) ?? new Set<string>();
    return {
      kind: 'ids',
      present: [...shown].filter((id) => !other.has(id)),
      absent: [...other].filter((id) => !shown.has(id)),
    };
  };
  const check = expectationFor(farthest);
  if (check.present.length + check.absent.length === 0)
    throw new Error(`targets ${original} and ${farthest} show the same advisories`);

  const context = await freshContext(browser);
  try {
    await seedStorage(context, persistedStateWith(largest.answers));
    const page = await context.newPage();
    await page.goto(`${appUrl}#/wizard/versions`);
    const input = page.getByRole('combobox', { name: 'Target Gateway and Dashboard version' });
    await input.waitFor();
    const selector = `#${await input.getAttribute('id')}`;
    const samples: { layoutMs: number; frameMs: number }[] = [];
    // One round trip to warm up, then `changes` timed changes, alternating the two targets.
    for (let change = -2; change < changes; change++) {
      const target = change % 2 === 0 ? farthest : original;
      const timing = await timeChange(
        page,
        selector,
        { kind: 'type', value: target },
        expectationFor(target),
      );
      if (change >= 0) samples.push(timing);
      await settle(page);
    }
    return interactionReport(
      'versions',
      `Gateway target ${original} ↔ ${farthest} (${idsAt.get(original)?.size ?? 0} and ${idsAt.get(farthest)?.size ?? 0} advisories)`,
      samples,
    );
  } finally {
    await context.close();
  }
}

async function tickSteps(
  browser: Browser,
  appUrl: string,
  largest: LargestPlan,
  changes: number,
): Promise<InteractionReport> {
  const stepIds = stepIdsOf(largest.plan);
  const stepId = stepIds[Math.floor(stepIds.length / 2)] ?? largest.lastStepId;
  const context = await freshContext(browser);
  try {
    await seedStorage(context, persistedStateWith(largest.answers));
    await watchForStep(context, largest.lastStepId);
    await watchForBody(context, largest.lastStepId);
    const page = await context.newPage();
    await page.goto(`${appUrl}#/wizard/plan`);
    await seenAt(page);
    // Ticks start once every card is complete, as they would for a user reading the steps.
    await bodySeenAt(page);
    const checkbox = `article[data-step-id="${stepId}"] input[type="checkbox"]`;
    const progress = '[role="progressbar"][aria-label="Overall progress"]';
    const samples: { layoutMs: number; frameMs: number }[] = [];
    for (let change = -2; change < changes; change++) {
      // Even changes tick the step, odd ones clear it again.
      const done = change % 2 === 0 ? 1 : 0;
      const timing = await timeChange(
        page,
        checkbox,
        { kind: 'click' },
        { kind: 'attribute', selector: progress, name: 'aria-valuenow', value: String(done) },
      );
      if (change >= 0) samples.push(timing);
      await settle(page);
    }
    return interactionReport('plan', `tick and clear step ${stepId}`, samples);
  } finally {
    await context.close();
  }
}

export async function runRenderBench(options: {
  readonly browser: Browser;
  /** The app's address, ending in `/`. */
  readonly appUrl: string;
  readonly hasSharedRoute: boolean;
  readonly runs?: number;
  readonly changes?: number;
}): Promise<RenderReport> {
  const largest = largestPlan();
  const runs = options.runs ?? 7;
  const changes = options.changes ?? 20;
  const open = await openLargestPlan(
    options.browser,
    options.appUrl,
    largest,
    options.hasSharedRoute,
    runs,
  );
  const answerChange = await changeTarget(options.browser, options.appUrl, largest, changes);
  const tick = await tickSteps(options.browser, options.appUrl, largest, changes);
  return {
    plan: { description: largest.description, steps: largest.steps },
    open,
    answerChange,
    tick,
  };
}

function spreadText(spread: Spread): string {
  return `median ${spread.medianMs} ms (min ${spread.minMs}, max ${spread.maxMs}, ${spread.runs} runs)`;
}

export function formatRenderReport(report: RenderReport): string {
  const { open, answerChange, tick } = report;
  const how =
    open.path === 'shared-link'
      ? 'opening its shared link (#/s/…, which saves it and shows #/wizard/plan)'
      : 'opening #/wizard/plan with its answers already stored (the shared-link route is missing)';
  const interaction = (name: string, figure: InteractionReport) => [
    `  ${name} on the ${figure.page} page: ${figure.change}`,
    `    input to content and layout: ${spreadText(figure.toLayout)}; budget ${figure.budgetMs} ms: ${figure.isMet ? 'met' : 'not met'}`,
    `    input to the second frame after it: ${spreadText(figure.toFrame)}`,
  ];
  return `${[
    `Largest plan: ${report.plan.steps} steps (${report.plan.description})`,
    `  open by ${how}, fresh context per run:`,
    `    navigation start to last step in the DOM: ${spreadText(open.toDom)}; goal ≤ ${open.goalMs} ms: ${open.isMet ? 'met' : 'not met'}`,
    `    navigation start to two frames later:     ${spreadText(open.toFrame)}`,
    `    navigation start to every step's body:    ${spreadText(open.toBodies)}`,
    ...interaction('answer change', answerChange),
    ...interaction('tick a step', tick),
  ].join('\n')}\n`;
}
