// The wizard's one store: the saved plans, which one is open, and the answers as they are typed.
// The plan itself is never stored; pages derive it from the answers. storage-sync.ts keeps the
// plans in localStorage and in step with the wizard's other tabs.
import { create } from 'zustand';
import {
  checkTicks,
  defaultAnswers,
  limitCover,
  limitPlanName,
  planForDraft,
  recordOnStep,
  tickStep,
  type ChangeCover,
  type DraftAnswers,
  type StepChange,
} from '@/rules';
import type { ConflictChoice, PlanConflict } from '@/store/merge';
import type { PlanFindings, SavedPlan } from '@/store/persistence';
import { writePlanIndex } from '@/store/plan-rows';
import {
  changedPlan,
  givenName,
  newPlan,
  newPlanId,
  renamedPlan,
  withAnswers,
} from '@/store/saved-plan';
import { removeText, type KeptAside } from '@/store/storage-access';
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

function nowIso(): string {
  return new Date().toISOString();
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
    const plan = newPlan(plans, answers, atIso);
    set({
      plans: { ...plans, [plan.id]: plan },
      order: [plan.id, ...order],
      activePlanId: plan.id,
    });
    return plan.id;
  },

  importPlan: (answers, name, atIso = nowIso()) => {
    const { plans, order } = get();
    const plan = newPlan(plans, answers, atIso, givenName(plans, name));
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
    set({ plans: { ...plans, [plan.id]: withAnswers(plans, plan, patch, atIso) } });
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
    const ticked = tickStep(plan, key, done, atIso, fingerprint);
    if (ticked === null) return;
    const patch = { progress: { ...ticked.progress }, steps: { ...ticked.steps } };
    set({ plans: { ...plans, [plan.id]: changedPlan(plan, patch, atIso) } });
  },

  recordStep: (stepId, change, atIso = nowIso()) => {
    const { plans, activePlanId } = get();
    const plan = activePlanId === null ? undefined : plans[activePlanId];
    if (plan === undefined) return;
    const recorded = recordOnStep(plan, stepId, change, atIso);
    const patch = { progress: { ...recorded.progress }, steps: { ...recorded.steps } };
    set({ plans: { ...plans, [plan.id]: changedPlan(plan, patch, atIso) } });
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
    const limited = limitCover(cover);
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
    const renamed = plan === undefined ? null : renamedPlan(plan, name, atIso);
    if (renamed !== null) set({ plans: { ...plans, [id]: renamed } });
  },

  duplicatePlan: (id, atIso = nowIso()) => {
    const { plans, order } = get();
    const source = plans[id];
    if (source === undefined) return '';
    // A copy is a fresh runbook: nothing in it has been done yet.
    const naming = {
      name: limitPlanName(`${source.name} (copy)`),
      isNameCustom: source.isNameCustom,
    };
    const copy = newPlan(plans, source.answers, atIso, naming);
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
