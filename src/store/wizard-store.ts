// The wizard's one store: the saved plans, which one is open, and the answers as they are typed.
// The plan itself is never stored; pages derive it from the answers. storage-sync.ts keeps the
// plans in localStorage and in step with the wizard's other tabs.
import { create } from 'zustand';
import {
  checkTicks,
  copyAnswers,
  defaultAnswers,
  limitAnswers,
  limitCoverField,
  limitPlanName,
  limitStepNote,
  planForDraft,
  type ChangeCover,
  type DraftAnswers,
  type StepChange,
  type StepRecord,
} from '@/rules';
import type { ConflictChoice, PlanConflict } from '@/store/merge';
import { removeText, type KeptAside, type PlanFindings, type SavedPlan } from '@/store/persistence';
import { writePlanIndex } from '@/store/plan-rows';
import { createStorageSync, type SaveProblem } from '@/store/storage-sync';
import { markStoreLoaded } from '@/store/store-loaded';

export type WizardState = {
  plans: Record<string, SavedPlan>;
  /** Plan ids, most recently created first. */
  order: string[];
  activePlanId: string | null;
  /** A message for the user about stored data that could not be read; never persisted. */
  notice: string | null;
  /** Stored data this version could not read, kept under keys of its own. */
  keptAside: readonly KeptAside[];
  /** Set while changes cannot be saved: why, and which plans are affected. */
  saveProblem: SaveProblem | null;
  /** Plans changed in this tab and in another at once, waiting for the user's choice. */
  conflicts: readonly PlanConflict<SavedPlan>[];
  createPlan: (answers?: DraftAnswers, atIso?: string) => string;
  /**
   * Adds a plan that came from elsewhere (a shared link) under a name of its own, next to the
   * user's plans, and opens it. `name` gets a number when a plan is already called so.
   */
  importPlan: (answers: DraftAnswers, name: string, atIso?: string) => string;
  setActivePlan: (id: string) => void;
  updateAnswers: (patch: Partial<DraftAnswers>, atIso?: string) => void;
  /** Keeps the findings read from the deployment's files with the open plan; null drops them. */
  setFindings: (findings: PlanFindings | null, atIso?: string) => void;
  /**
   * Ticks a step or checklist item, or takes the tick away. `fingerprint` is what a plan step's
   * tick is for (`stepFingerprint`); ticking clears a skip, a failure and a reset.
   */
  setProgress: (key: string, done: boolean, atIso: string, fingerprint?: string) => void;
  /** Records a skip, a failure, a note or a used rollback on a step of the open plan. */
  recordStep: (stepId: string, change: StepChange, atIso?: string) => void;
  /**
   * Holds the open plan's ticks against its steps as the answers make them now: a tick for a
   * step that has changed is taken away and marked as reset. Does nothing when all hold.
   */
  checkOpenPlanTicks: (atIso?: string) => void;
  /** The change-management fields of the open plan's cover. */
  setCover: (cover: ChangeCover, atIso?: string) => void;
  renamePlan: (id: string, name: string, atIso?: string) => void;
  duplicatePlan: (id: string, atIso?: string) => string;
  deletePlan: (id: string) => void;
  /** Settles a conflict: keep this tab's version, the other tab's, or both. */
  resolveConflict: (id: string, choice: ConflictChoice) => void;
  /** Tries to save again, e.g. after space was freed. */
  retrySave: () => void;
  /** Removes data kept aside, once the user has no more use for it. */
  forgetKeptAside: (key: string) => void;
  dismissNotice: () => void;
};

/** A step's record after a change; skipped and failed exclude each other and the tick. */
function changedRecord(record: StepRecord, change: StepChange, atIso: string): StepRecord {
  const next: {
    -readonly [K in keyof StepRecord]: StepRecord[K];
  } = { ...record };
  if (change.kind === 'used') {
    if (change.isUsed) next.usedAt = atIso;
    else delete next.usedAt;
    return next;
  }
  const text = limitStepNote(change.text.trim());
  if (change.kind === 'note') {
    if (text === '') delete next.note;
    else next.note = { at: atIso, text };
    return next;
  }
  delete next.skipped;
  delete next.failed;
  delete next.tickedFor;
  if (text !== '') {
    delete next.reset;
    if (change.kind === 'skipped') next.skipped = { at: atIso, reason: text };
    else next.failed = { at: atIso, note: text };
  }
  return next;
}

/** A step's record once it is ticked (with what for) or its tick taken away. */
function tickedRecord(record: StepRecord, fingerprint: string | undefined): StepRecord {
  return {
    ...(record.usedAt === undefined ? {} : { usedAt: record.usedAt }),
    ...(record.note === undefined ? {} : { note: record.note }),
    ...(fingerprint === undefined ? {} : { tickedFor: fingerprint }),
  };
}

function withRecord(
  records: Readonly<Record<string, StepRecord>>,
  stepId: string,
  record: StepRecord,
): Record<string, StepRecord> {
  const others = Object.fromEntries(Object.entries(records).filter(([id]) => id !== stepId));
  return Object.keys(record).length === 0 ? others : { ...others, [stepId]: record };
}

function newPlanId(taken: Readonly<Record<string, unknown>>): string {
  for (;;) {
    const id =
      typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
        ? crypto.randomUUID()
        : `plan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    if (!(id in taken)) return id;
  }
}

function nextPlanName(plans: Readonly<Record<string, SavedPlan>>): string {
  const names = new Set(Object.values(plans).map((plan) => plan.name));
  let n = 1;
  while (names.has(`Upgrade plan ${n}`)) n += 1;
  return `Upgrade plan ${n}`;
}

/** `name`, or `name (2)`, `name (3)` … when a plan is already called so. */
function uniquePlanName(plans: Readonly<Record<string, SavedPlan>>, name: string): string {
  const trimmed = limitPlanName(name.trim());
  const base = trimmed === '' ? 'Shared plan' : trimmed;
  const names = new Set(Object.values(plans).map((plan) => plan.name));
  if (!names.has(base)) return base;
  let n = 2;
  while (names.has(`${base} (${n})`)) n += 1;
  return `${base} (${n})`;
}

function nowIso(): string {
  return new Date().toISOString();
}

function newPlan(
  plans: Readonly<Record<string, SavedPlan>>,
  name: string,
  answers: DraftAnswers,
  atIso: string,
): SavedPlan {
  return {
    id: newPlanId(plans),
    name,
    answers: limitAnswers(copyAnswers(answers)),
    progress: {},
    steps: {},
    createdAt: atIso,
    updatedAt: atIso,
    revision: 1,
  };
}

/**
 * A plan after a change: every action that changes a plan goes through here, so that its
 * revision goes up and other tabs can tell the copies apart.
 */
export function changedPlan(
  plan: SavedPlan,
  patch: Partial<Omit<SavedPlan, 'id' | 'revision'>>,
  atIso: string,
): SavedPlan {
  return { ...plan, ...patch, updatedAt: atIso, revision: plan.revision + 1 };
}

export function useActivePlan(): SavedPlan | null {
  return useWizardStore((state) =>
    state.activePlanId === null ? null : (state.plans[state.activePlanId] ?? null),
  );
}

export const useWizardStore = create<WizardState>()((set, get) => ({
  plans: {},
  order: [],
  activePlanId: null,
  notice: null,
  keptAside: [],
  saveProblem: null,
  conflicts: [],

  createPlan: (answers = defaultAnswers, atIso = nowIso()) => {
    const { plans, order } = get();
    const plan = newPlan(plans, nextPlanName(plans), answers, atIso);
    set({
      plans: { ...plans, [plan.id]: plan },
      order: [plan.id, ...order],
      activePlanId: plan.id,
    });
    return plan.id;
  },

  importPlan: (answers, name, atIso = nowIso()) => {
    const { plans, order } = get();
    const plan = newPlan(plans, uniquePlanName(plans, name), answers, atIso);
    set({
      plans: { ...plans, [plan.id]: plan },
      order: [plan.id, ...order],
      activePlanId: plan.id,
    });
    return plan.id;
  },

  setActivePlan: (id) => {
    if (id in get().plans) set({ activePlanId: id });
  },

  updateAnswers: (patch, atIso = nowIso()) => {
    const { plans, activePlanId } = get();
    const plan = activePlanId === null ? undefined : plans[activePlanId];
    if (plan === undefined) return;
    const answers = limitAnswers(copyAnswers({ ...plan.answers, ...patch }));
    set({ plans: { ...plans, [plan.id]: changedPlan(plan, { answers }, atIso) } });
  },

  setFindings: (findings, atIso = nowIso()) => {
    const { plans, activePlanId } = get();
    const plan = activePlanId === null ? undefined : plans[activePlanId];
    if (plan === undefined) return;
    const next: SavedPlan = changedPlan(plan, {}, atIso);
    if (findings === null) delete next.findings;
    else next.findings = { ...findings, findings: [...findings.findings] };
    set({ plans: { ...plans, [plan.id]: next } });
  },

  setProgress: (key, done, atIso, fingerprint) => {
    const { plans, activePlanId } = get();
    const plan = activePlanId === null ? undefined : plans[activePlanId];
    if (plan === undefined) return;
    if (done === key in plan.progress) return;
    const progress = done
      ? { ...plan.progress, [key]: atIso }
      : Object.fromEntries(Object.entries(plan.progress).filter(([ticked]) => ticked !== key));
    // A tick settles the step: it is no longer skipped, failed or waiting for another look.
    const record = tickedRecord(plan.steps[key] ?? {}, done ? fingerprint : undefined);
    const steps =
      key in plan.steps || Object.keys(record).length > 0
        ? withRecord(plan.steps, key, record)
        : plan.steps;
    set({ plans: { ...plans, [plan.id]: changedPlan(plan, { progress, steps }, atIso) } });
  },

  recordStep: (stepId, change, atIso = nowIso()) => {
    const { plans, activePlanId } = get();
    const plan = activePlanId === null ? undefined : plans[activePlanId];
    if (plan === undefined) return;
    const record = changedRecord(plan.steps[stepId] ?? {}, change, atIso);
    const isSettling =
      (change.kind === 'skipped' || change.kind === 'failed') && change.text.trim() !== '';
    const progress =
      isSettling && stepId in plan.progress
        ? Object.fromEntries(Object.entries(plan.progress).filter(([key]) => key !== stepId))
        : plan.progress;
    const steps = withRecord(plan.steps, stepId, record);
    set({ plans: { ...plans, [plan.id]: changedPlan(plan, { progress, steps }, atIso) } });
  },

  checkOpenPlanTicks: (atIso = nowIso()) => {
    const { plans, activePlanId } = get();
    const plan = activePlanId === null ? undefined : plans[activePlanId];
    if (plan === undefined) return;
    const result = planForDraft(plan.answers);
    if (!result.ok) return;
    const checked = checkTicks(result.plan, plan.progress, plan.steps, atIso);
    if (!checked.isChanged) return;
    const patch = { progress: { ...checked.ticks }, steps: { ...checked.records } };
    set({ plans: { ...plans, [plan.id]: changedPlan(plan, patch, atIso) } });
  },

  setCover: (cover, atIso = nowIso()) => {
    const { plans, activePlanId } = get();
    const plan = activePlanId === null ? undefined : plans[activePlanId];
    if (plan === undefined) return;
    const limited: ChangeCover = {
      ticket: limitCoverField(cover.ticket),
      environment: limitCoverField(cover.environment),
      windowStart: limitCoverField(cover.windowStart),
      windowEnd: limitCoverField(cover.windowEnd),
      operator: limitCoverField(cover.operator),
      approver: limitCoverField(cover.approver),
    };
    const isSame =
      plan.cover !== undefined &&
      Object.entries(limited).every(
        ([key, value]) => plan.cover?.[key as keyof ChangeCover] === value,
      );
    if (isSame) return;
    set({ plans: { ...plans, [plan.id]: changedPlan(plan, { cover: limited }, atIso) } });
  },

  renamePlan: (id, name, atIso = nowIso()) => {
    const { plans } = get();
    const plan = plans[id];
    const trimmed = limitPlanName(name.trim()).trim();
    if (plan === undefined || trimmed === '' || trimmed === plan.name) return;
    set({ plans: { ...plans, [id]: changedPlan(plan, { name: trimmed }, atIso) } });
  },

  duplicatePlan: (id, atIso = nowIso()) => {
    const { plans, order } = get();
    const source = plans[id];
    if (source === undefined) return '';
    // A copy is a fresh runbook: nothing in it has been done yet.
    const copy = newPlan(plans, limitPlanName(`${source.name} (copy)`), source.answers, atIso);
    set({ plans: { ...plans, [copy.id]: copy }, order: [copy.id, ...order] });
    return copy.id;
  },

  deletePlan: (id) => {
    const { plans, order, activePlanId } = get();
    if (!(id in plans)) return;
    set({
      plans: Object.fromEntries(Object.entries(plans).filter(([other]) => other !== id)),
      order: order.filter((other) => other !== id),
      activePlanId: activePlanId === id ? null : activePlanId,
    });
  },

  resolveConflict: (id, choice) => storageSync.resolve(id, choice),

  retrySave: () => storageSync.sync(),

  forgetKeptAside: (key) => {
    removeText(key);
    storageSync.refreshKeptAside();
  },

  dismissNotice: () => set({ notice: null }),
}));

const storageSync = createStorageSync(useWizardStore, { now: nowIso, newPlanId });

/** Reads storage as on a page load; the app does it once, tests whenever they need to. */
export function loadFromStorage(): void {
  useWizardStore.setState({ notice: null, conflicts: [], saveProblem: null });
  useWizardStore.setState(storageSync.load());
}

loadFromStorage();
// An index written by an older version, or not at all, is brought up to date at once.
writePlanIndex(useWizardStore.getState());
useWizardStore.subscribe((state, previous) => {
  if (state.plans !== previous.plans || state.order !== previous.order) {
    storageSync.sync();
    // After the sync, which may have merged in another tab's plans: the index follows the store.
    writePlanIndex(useWizardStore.getState());
  }
  if (state.activePlanId !== previous.activePlanId)
    storageSync.rememberOpenPlan(state.activePlanId);
});
markStoreLoaded();
/** Stops following the other tabs; for tests that load a second copy of this module. */
export const stopFollowingOtherTabs = storageSync.listen();
