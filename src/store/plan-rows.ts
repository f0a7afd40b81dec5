// The saved plans as the landing page lists them, made from the plans themselves (which takes the
// rules: progress needs the plan's steps), and written to the index the landing page reads first.
import {
  buildPlan,
  checkDraft,
  checkTicks,
  findModel,
  nextStepToDo,
  planProgress,
  stepStatus,
  toPlanInput,
  type Plan,
} from '@/rules';
import type { SavedPlan } from '@/store/persistence';
import { readText, removeText, writeText } from '@/store/storage-access';
import { planIndexText, type SavedPlanRow } from '@/store/plan-index';
import { planIndexKey, storageKey } from '@/store/storage-keys';

function versionsText(plan: SavedPlan): string {
  const { gateway } = plan.answers;
  if (gateway.from.trim() === '') return 'Not given yet';
  const to = gateway.to.trim() === '' ? '…' : gateway.to.trim();
  return `Gateway ${gateway.from.trim()} → ${to}`;
}

/** The row's count and where Resume opens a plan that builds: at its next step to do. */
function runbookOf(plan: Plan, saved: SavedPlan): Pick<SavedPlanRow, 'progress' | 'resumePath'> {
  // The ticks as the plan page holds them: a tick for a step that has changed since is not counted.
  const { ticks, records } = checkTicks(plan, saved.progress, saved.steps, '');
  // The steps of the change only, as the plan page counts them: rollbacks never count.
  const count = planProgress(plan, (id) =>
    ['done', 'skipped'].includes(stepStatus(ticks[id], records[id])),
  ).overall;
  const next = nextStepToDo(plan, ticks, records);
  return {
    progress: count,
    resumePath: next === null ? '/wizard/plan' : `/wizard/plan?step=${encodeURIComponent(next.id)}`,
  };
}

/** One saved plan as the list shows it; the plan itself is rebuilt from the answers. */
export function rowFor(plan: SavedPlan): SavedPlanRow {
  const built = buildPlan(toPlanInput(plan.answers));
  const reachable = checkDraft(plan.answers).reachable;
  const runbook = built.ok
    ? runbookOf(built.plan, plan)
    : { progress: null, resumePath: `/wizard/${reachable[reachable.length - 1] ?? 'deployment'}` };
  return {
    id: plan.id,
    name: plan.name,
    model: findModel(plan.answers.model).label,
    versions: versionsText(plan),
    updatedAt: plan.updatedAt,
    ...runbook,
  };
}

// A plan that has not changed is the same object, so its row is made once.
const rowCache = new WeakMap<SavedPlan, SavedPlanRow>();

function cachedRowFor(plan: SavedPlan): SavedPlanRow {
  const cached = rowCache.get(plan);
  if (cached !== undefined) return cached;
  const row = rowFor(plan);
  rowCache.set(plan, row);
  return row;
}

/** The rows of the plans in `order`. */
export function rowsOf(
  plans: Readonly<Record<string, SavedPlan>>,
  order: readonly string[],
): SavedPlanRow[] {
  return order
    .map((id) => plans[id])
    .filter((plan): plan is SavedPlan => plan !== undefined)
    .map(cachedRowFor);
}

/**
 * Writes the index for the plans as they are stored now. When the plans could not be read back
 * (storage full or switched off) or the store has something to say about them, the index is
 * removed: an index must never describe other plans
 * than those stored.
 */
export function writePlanIndex(state: {
  readonly plans: Readonly<Record<string, SavedPlan>>;
  readonly order: readonly string[];
  /** Anything the store has to say about stored data: then the landing page needs the store. */
  readonly notice: string | null;
  readonly saveProblem: unknown;
}): void {
  const { plans, order } = state;
  const stored = readText(storageKey);
  if (state.notice !== null || state.saveProblem !== null || !stored.ok || stored.text === null) {
    removeText(planIndexKey);
    return;
  }
  const written = writeText(planIndexKey, planIndexText(rowsOf(plans, order), stored.text));
  if (!written.ok) removeText(planIndexKey);
}
