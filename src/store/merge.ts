// How one tab's plans and what storage holds become one set again, plan by plan. Pure: the sync
// in storage-sync.ts reads and writes, this decides. It knows only a plan's id and revision, so a
// new field in a saved plan needs no change here.
//
// Each plan is judged against `base`, the copy this tab last read from (or wrote to) storage:
// - changed on neither side, or only here: this tab's copy stands;
// - changed only in another tab: that copy is taken;
// - changed on both sides to the same content: one copy, nothing to ask;
// - changed on both sides differently: a conflict. Neither copy is dropped: this tab keeps its
//   own, storage keeps the other's, and the user chooses.
// A deletion is a change like any other. Storage records deleted ids, so a plan that is simply
// missing from storage (written by an older build, or by hand) is never taken for a deleted one.

export type Revisioned = { readonly id: string; readonly revision: number };

export type PlanSet<P> = {
  readonly plans: Readonly<Record<string, P>>;
  /** Plan ids, most recently created first. */
  readonly order: readonly string[];
};

export type StoredPlanSet<P> = PlanSet<P> & {
  /** Plans deleted by some tab, by id, with the time of the deletion. */
  readonly deleted: Readonly<Record<string, string>>;
};

/** One plan changed in this tab and in another; null is a deleted plan. */
export type PlanConflict<P> = {
  readonly id: string;
  readonly mine: P | null;
  readonly theirs: P | null;
};

export type MergeInput<P> = {
  /** This tab's plans now. */
  readonly local: PlanSet<P>;
  /** The plans as this tab last read or wrote them. */
  readonly base: Readonly<Record<string, P>>;
  /** What storage holds now. */
  readonly stored: StoredPlanSet<P>;
  /** Plans already waiting for the user's choice: both copies stay where they are. */
  readonly held: ReadonlySet<string>;
  /** The time recorded for a deletion made here. */
  readonly now: string;
};

export type MergeResult<P> = {
  /** What this tab shows. */
  readonly local: PlanSet<P>;
  /** What storage should hold. */
  readonly stored: StoredPlanSet<P>;
  /** Every plan waiting for the user's choice, held ones included with the other tab's latest copy. */
  readonly conflicts: readonly PlanConflict<P>[];
  /** Plans this tab had unchanged and another tab deleted. */
  readonly deletedElsewhere: readonly string[];
};

/** Deletions older than the newest this many are forgotten, so the record stays small. */
export const keptDeletions = 200;

/** Deep equality of JSON-shaped values: what a plan is made of. */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => isSameValue(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  const otherKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return (
    keys.length === otherKeys.length && keys.every((key) => isSameValue(left[key], right[key]))
  );
}

// The revision and the time of the last change say when, not what: two tabs that made the same
// change have the same plan.
const bookkeeping = new Set(['revision', 'updatedAt']);

/** True when two copies hold the same plan, whenever and however often each was saved. */
export function hasSameContent<P extends Revisioned>(a: P | null, b: P | null): boolean {
  if (a === null || b === null) return a === b;
  const strip = (plan: P) =>
    Object.fromEntries(Object.entries(plan).filter(([key]) => !bookkeeping.has(key)));
  return isSameValue(strip(a), strip(b));
}

function isSame<P>(a: P | null, b: P | null): boolean {
  return a === null || b === null ? a === b : isSameValue(a, b);
}

/** New plans first (in this tab's order), then storage's order; only ids in `plans`. */
function mergedOrder(
  localOrder: readonly string[],
  storedOrder: readonly string[],
  plans: Readonly<Record<string, unknown>>,
): string[] {
  const known = new Set(storedOrder);
  const order = [...localOrder.filter((id) => !known.has(id)), ...storedOrder].filter(
    (id, index, all) => id in plans && all.indexOf(id) === index,
  );
  const listed = new Set(order);
  return [
    ...order,
    ...Object.keys(plans)
      .filter((id) => !listed.has(id))
      .sort(),
  ];
}

function newestDeletions(deleted: Readonly<Record<string, string>>): Record<string, string> {
  const entries = Object.entries(deleted).sort(([idA, atA], [idB, atB]) =>
    atA < atB ? 1 : atA > atB ? -1 : idA < idB ? -1 : 1,
  );
  return Object.fromEntries(entries.slice(0, keptDeletions));
}

export function mergePlans<P extends Revisioned>(input: MergeInput<P>): MergeResult<P> {
  const { local, base, stored, held, now } = input;
  const localPlans: Record<string, P> = {};
  const storedPlans: Record<string, P> = {};
  const deleted: Record<string, string> = {};
  const conflicts: PlanConflict<P>[] = [];
  const deletedElsewhere: string[] = [];
  const ids = new Set([
    ...Object.keys(local.plans),
    ...Object.keys(base),
    ...Object.keys(stored.plans),
    ...Object.keys(stored.deleted),
  ]);

  for (const id of ids) {
    const mine = local.plans[id] ?? null;
    const before = base[id] ?? null;
    const deletedAt = stored.deleted[id];
    const storedPlan = stored.plans[id] ?? null;
    // Missing without a record of its deletion: storage has no news about this plan.
    const theirs = storedPlan ?? (deletedAt === undefined ? before : null);

    if (held.has(id)) {
      if (mine !== null) localPlans[id] = mine;
      if (storedPlan !== null) storedPlans[id] = storedPlan;
      else if (deletedAt !== undefined) deleted[id] = deletedAt;
      conflicts.push({ id, mine, theirs });
      continue;
    }

    const isChangedHere = !isSame(mine, before);
    const isChangedThere = !isSame(theirs, before);
    let result: P | null;
    if (!isChangedThere) result = mine;
    else if (!isChangedHere || hasSameContent(mine, theirs)) result = theirs;
    else {
      // Both changed it differently: this tab keeps its copy, storage keeps the other's.
      if (mine !== null) localPlans[id] = mine;
      if (storedPlan !== null) storedPlans[id] = storedPlan;
      else if (deletedAt !== undefined) deleted[id] = deletedAt;
      conflicts.push({ id, mine, theirs });
      continue;
    }

    if (result === null) {
      if (mine !== null) deletedElsewhere.push(id);
      // Recorded only when some tab had the plan, so a plan nobody knew leaves no trace.
      if (before !== null || storedPlan !== null || deletedAt !== undefined || mine !== null) {
        deleted[id] = deletedAt ?? now;
      }
      continue;
    }
    localPlans[id] = result;
    storedPlans[id] = result;
  }

  return {
    local: { plans: localPlans, order: mergedOrder(local.order, stored.order, localPlans) },
    stored: {
      plans: storedPlans,
      order: mergedOrder(local.order, stored.order, storedPlans),
      deleted: newestDeletions(deleted),
    },
    conflicts,
    deletedElsewhere,
  };
}

/** What the user can choose for a conflict; `both` only when neither side deleted the plan. */
export type ConflictChoice = 'mine' | 'theirs' | 'both';

export type ConflictResolution<P> = {
  /** The plan under its own id afterwards, or null when it ends deleted. */
  readonly plan: P | null;
  /** This tab's copy under a new id, when both are kept. */
  readonly copy: P | null;
  /** The base to judge the plan against from now on: the other tab's copy, now acknowledged. */
  readonly base: P | null;
};

/**
 * The outcome of a choice. Keeping this tab's copy gives it a revision above both, so every tab
 * sees it as the newer one; keeping both adds this tab's copy as a new plan.
 */
export function resolveConflict<P extends Revisioned>(
  conflict: PlanConflict<P>,
  choice: ConflictChoice,
  copyOf: (plan: P) => P,
): ConflictResolution<P> {
  const { mine, theirs } = conflict;
  if (choice === 'theirs') return { plan: theirs, copy: null, base: theirs };
  if (choice === 'both' && mine !== null && theirs !== null) {
    return { plan: theirs, copy: copyOf(mine), base: theirs };
  }
  if (mine === null) return { plan: null, copy: null, base: theirs };
  const revision = Math.max(mine.revision, theirs?.revision ?? 0) + 1;
  return { plan: { ...mine, revision }, copy: null, base: theirs };
}
