// Keeps the store and localStorage in step, in every open tab. Each change here, and each write
// another tab makes (the `storage` event), reads what storage holds now, merges it plan by plan
// with this tab's plans (merge.ts) and writes the result back when it differs. Nothing stored is
// destroyed: data this version cannot read is kept aside under a key of its own first, data a
// newer version wrote is left alone, and a write that fails leaves the plans in memory and says so.
import {
  hasSameContent,
  isSameValue,
  mergePlans,
  resolveConflict,
  type ConflictChoice,
  type PlanConflict,
  type StoredPlanSet,
} from '@/store/merge';
import {
  deletedElsewhereNotice,
  droppedPlansNotice,
  emptyRecord,
  keptAsidePrefix,
  newerVersionNotice,
  noRoomToKeepAsideNotice,
  openPlanKey,
  parseStoredText,
  shortenedNotice,
  storageKey,
  storedText,
  unreadableNotice,
  type SavedPlan,
  type StoredRead,
} from '@/store/persistence';
import {
  keepAside,
  listKeptAside,
  readText,
  writeText,
  type KeptAside,
  type StorageProblem,
} from '@/store/storage-access';

/** Why changes are not reaching storage. */
export type SaveProblemReason = StorageProblem | 'newer-version' | 'no-room-to-keep-aside';

export type SaveProblem = {
  readonly reason: SaveProblemReason;
  /** Names of the plans whose latest changes are not in storage. */
  readonly unsaved: readonly string[];
};

/** The part of the store this module reads and writes. */
export type SyncedState = {
  plans: Record<string, SavedPlan>;
  order: string[];
  activePlanId: string | null;
  notice: string | null;
  keptAside: readonly KeptAside[];
  saveProblem: SaveProblem | null;
  conflicts: readonly PlanConflict<SavedPlan>[];
};

export type SyncedStore = {
  readonly getState: () => SyncedState;
  readonly setState: (patch: Partial<SyncedState>) => void;
};

export type StorageSync = {
  /** Reads storage once, before the first render: the state to start with. */
  readonly load: () => Partial<SyncedState>;
  /** Brings storage and the store in step; safe to call at any time. */
  readonly sync: () => void;
  /** Remembers the plan open in this tab, for a reload of the same tab. */
  readonly rememberOpenPlan: (id: string | null) => void;
  readonly resolve: (id: string, choice: ConflictChoice) => void;
  /** Starts following other tabs; returns the function that stops it. */
  readonly listen: () => () => void;
  readonly refreshKeptAside: () => void;
};

export type SyncClock = {
  readonly now: () => string;
  readonly newPlanId: (taken: Readonly<Record<string, unknown>>) => string;
};

/** The name of the copy made when the user keeps both versions of a plan. */
export function thisTabCopyName(name: string): string {
  return `${name} (this tab's copy)`;
}

function without<T>(record: Readonly<Record<string, T>>, ids: Iterable<string>): Record<string, T> {
  const left = new Set(ids);
  return Object.fromEntries(Object.entries(record).filter(([id]) => !left.has(id)));
}

function withPlans(
  record: Readonly<Record<string, SavedPlan>>,
  plans: readonly SavedPlan[],
): Record<string, SavedPlan> {
  return { ...record, ...Object.fromEntries(plans.map((plan) => [plan.id, plan])) };
}

type Blocked = 'newer-version' | 'no-room-to-keep-aside' | null;

export function createStorageSync(store: SyncedStore, clock: SyncClock): StorageSync {
  /** The plans as this tab last read or wrote them: what "changed here" is judged against. */
  let base: Record<string, SavedPlan> = {};
  let blocked: Blocked = null;
  let isSyncing = false;
  /** The text last read or written, with what it holds. */
  let lastRead: { readonly text: string | null; readonly record: StoredPlanSet<SavedPlan> } | null =
    null;

  function unsavedNames(stored: Readonly<Record<string, SavedPlan>>): string[] {
    const { plans, order } = store.getState();
    return order
      .map((id) => plans[id])
      .filter(
        (plan): plan is SavedPlan =>
          plan !== undefined && !hasSameContent(plan, stored[plan.id] ?? null),
      )
      .map((plan) => plan.name);
  }

  function setSaveProblem(reason: SaveProblemReason | null, stored: Record<string, SavedPlan>) {
    const current = store.getState().saveProblem;
    const next = reason === null ? null : { reason, unsaved: unsavedNames(stored) };
    if (!isSameValue(current, next)) store.setState({ saveProblem: next });
  }

  /**
   * Makes sure unreadable or partly readable data survives before anything replaces it.
   * False when there was no room to keep it: then nothing may be written over it.
   */
  function keepUnreadable(text: string, read: StoredRead): boolean {
    const isPartly = read.kind === 'readable' && (read.dropped > 0 || read.isShortened);
    if (read.kind !== 'unreadable' && !isPartly) return true;
    if (keepAside(text, clock.now()) === null) {
      blocked = 'no-room-to-keep-aside';
      store.setState({ notice: noRoomToKeepAsideNotice, keptAside: listKeptAside() });
      return false;
    }
    const notice =
      read.kind === 'unreadable'
        ? unreadableNotice
        : read.dropped > 0
          ? droppedPlansNotice(read.dropped, Object.keys(read.record.plans).length)
          : shortenedNotice;
    store.setState({ notice, keptAside: listKeptAside() });
    return true;
  }

  function write(record: StoredPlanSet<SavedPlan>): StorageProblem | null {
    const text = storedText({ ...record, activePlanId: store.getState().activePlanId });
    const written = writeText(storageKey, text);
    if (!written.ok) return written.problem;
    lastRead = { text, record };
    return null;
  }

  function load(): Partial<SyncedState> {
    base = {};
    blocked = null;
    lastRead = null;
    const read = readText(storageKey);
    if (!read.ok) {
      return { saveProblem: { reason: read.problem, unsaved: [] }, keptAside: [] };
    }
    const parsed = parseStoredText(read.text);
    if (parsed.kind === 'newer') {
      blocked = 'newer-version';
      return { notice: newerVersionNotice, keptAside: listKeptAside() };
    }
    if (read.text !== null && !keepUnreadable(read.text, parsed)) {
      // The readable plans are shown; nothing is written over the rest.
      const record = parsed.kind === 'readable' ? parsed.record : emptyRecord;
      base = { ...record.plans };
      return { plans: { ...record.plans }, order: [...record.order], activePlanId: null };
    }
    const record = parsed.kind === 'readable' ? parsed.record : emptyRecord;
    const needsRewrite =
      parsed.kind === 'unreadable' || (parsed.kind === 'readable' && parsed.needsRewrite);
    const problem = needsRewrite ? write(record) : null;
    base = { ...record.plans };
    const open = readText(openPlanKey, 'sessionStorage');
    const openId = open.ok && open.text !== null && open.text in record.plans ? open.text : null;
    return {
      plans: { ...record.plans },
      order: [...record.order],
      activePlanId: openId ?? record.activePlanId,
      notice: store.getState().notice,
      keptAside: listKeptAside(),
      saveProblem: problem === null ? null : { reason: problem, unsaved: [] },
    };
  }

  /** What storage holds now as a plan set, or null when nothing may be merged with it. */
  function readStored(): StoredPlanSet<SavedPlan> | StorageProblem | null {
    const read = readText(storageKey);
    if (!read.ok) return read.problem;
    // Most of the time storage holds what this tab wrote last: no need to read it again.
    if (lastRead !== null && read.text === lastRead.text) return lastRead.record;
    const parsed = parseStoredText(read.text);
    if (parsed.kind === 'newer') {
      blocked = 'newer-version';
      store.setState({ notice: newerVersionNotice });
      return null;
    }
    if (read.text !== null && !keepUnreadable(read.text, parsed)) return null;
    // Unreadable data, now kept aside, brings no news about any plan.
    const record = parsed.kind === 'readable' ? parsed.record : emptyRecord;
    if (parsed.kind === 'readable' && !parsed.needsRewrite) lastRead = { text: read.text, record };
    return record;
  }

  function sync(): void {
    if (isSyncing) return;
    isSyncing = true;
    try {
      syncNow();
    } finally {
      isSyncing = false;
    }
  }

  function syncNow(): void {
    if (blocked !== null) {
      setSaveProblem(blocked, base);
      return;
    }
    const stored = readStored();
    if (stored === null) {
      setSaveProblem(blocked ?? 'unavailable', base);
      return;
    }
    if (typeof stored === 'string') {
      setSaveProblem(stored, base);
      return;
    }
    const state = store.getState();
    const held = new Set(state.conflicts.map((conflict) => conflict.id));
    const result = mergePlans({
      local: { plans: state.plans, order: state.order },
      base,
      stored,
      held,
      now: clock.now(),
    });
    const needsWrite =
      !isSameValue(result.stored.plans, stored.plans) ||
      !isSameValue(result.stored.order, stored.order) ||
      !isSameValue(result.stored.deleted, stored.deleted);
    const problem = needsWrite ? write(result.stored) : null;
    const seen = problem === null ? result.stored.plans : stored.plans;
    // A plan waiting for the user's choice keeps its old base, so it stays a conflict.
    base = withPlans(
      without(seen, held),
      [...held].flatMap((id) => base[id] ?? []),
    );
    applyMerged(result.local.plans, result.local.order, result.conflicts, result.deletedElsewhere);
    setSaveProblem(problem, stored.plans);
  }

  function applyMerged(
    merged: Readonly<Record<string, SavedPlan>>,
    order: readonly string[],
    conflicts: readonly PlanConflict<SavedPlan>[],
    deletedElsewhere: readonly string[],
  ): void {
    const state = store.getState();
    const patch: Partial<SyncedState> = {};
    // Unchanged plans keep their objects, so that nothing re-renders for nothing.
    const plans = Object.fromEntries(
      Object.entries(merged).map(([id, plan]) => {
        const current = state.plans[id];
        return [id, current !== undefined && isSameValue(current, plan) ? current : plan];
      }),
    );
    if (!isSameValue(plans, state.plans)) patch.plans = plans;
    if (!isSameValue(order, state.order)) patch.order = [...order];
    if (!isSameValue(conflicts, state.conflicts)) patch.conflicts = conflicts;
    const active = state.activePlanId;
    if (active !== null && !(active in plans)) {
      patch.activePlanId = null;
      const name = state.plans[active]?.name;
      if (name !== undefined && deletedElsewhere.includes(active)) {
        patch.notice = deletedElsewhereNotice(name);
      }
    }
    if (Object.keys(patch).length > 0) store.setState(patch);
  }

  function resolve(id: string, choice: ConflictChoice): void {
    const state = store.getState();
    const conflict = state.conflicts.find((entry) => entry.id === id);
    if (conflict === undefined) return;
    const now = clock.now();
    const outcome = resolveConflict(conflict, choice, (mine) => ({
      ...mine,
      id: clock.newPlanId(state.plans),
      name: thisTabCopyName(mine.name),
      createdAt: now,
      revision: 1,
    }));
    const plans = withPlans(without(state.plans, [id]), [
      ...(outcome.plan === null ? [] : [outcome.plan]),
      ...(outcome.copy === null ? [] : [outcome.copy]),
    ]);
    let order = state.order.filter((other) => other in plans);
    if (outcome.plan !== null && !order.includes(id)) order = [id, ...order];
    if (outcome.copy !== null) {
      // The copy goes just above the plan it was made from.
      const at = order.indexOf(id);
      order.splice(at < 0 ? 0 : at, 0, outcome.copy.id);
    }
    base = withPlans(without(base, [id]), outcome.base === null ? [] : [outcome.base]);
    store.setState({
      plans,
      order,
      conflicts: state.conflicts.filter((entry) => entry.id !== id),
      activePlanId:
        state.activePlanId !== null && !(state.activePlanId in plans) ? null : state.activePlanId,
    });
    sync();
  }

  function rememberOpenPlan(id: string | null): void {
    // A tab that cannot keep it opens the last plan any tab wrote, as before.
    writeText(openPlanKey, id ?? '', 'sessionStorage');
  }

  function refreshKeptAside(): void {
    const keptAside = listKeptAside();
    if (!isSameValue(keptAside, store.getState().keptAside)) store.setState({ keptAside });
  }

  function listen(): () => void {
    const onStorage = (event: StorageEvent): void => {
      if (event.key === null || event.key === storageKey) sync();
      if (event.key === null || event.key.startsWith(keptAsidePrefix)) refreshKeptAside();
    };
    // A tab back from the back-forward cache, or shown again, may have missed events.
    const onShow = (): void => {
      if (document.visibilityState === 'visible') sync();
    };
    // Leaving the page is the last chance to save what a full storage refused before.
    const onHide = (): void => {
      if (store.getState().saveProblem !== null) sync();
    };
    window.addEventListener('storage', onStorage);
    window.addEventListener('pageshow', onShow);
    document.addEventListener('visibilitychange', onShow);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('pageshow', onShow);
      document.removeEventListener('visibilitychange', onShow);
      window.removeEventListener('pagehide', onHide);
    };
  }

  return { load, sync, rememberOpenPlan, resolve, listen, refreshKeptAside };
}
