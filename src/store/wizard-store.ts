// The wizard's one store: the saved plans, which one is open, and the answers as they are typed.
// The plan itself is never stored; pages derive it from the answers.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { copyAnswers, defaultAnswers, type DraftAnswers } from '@/rules';
import {
  migrateStored,
  readStored,
  safeLocalStorage,
  schemaVersion,
  storageKey,
  type PlanFindings,
  type SavedPlan,
} from '@/store/persistence';

export type WizardState = {
  plans: Record<string, SavedPlan>;
  /** Plan ids, most recently created first. */
  order: string[];
  activePlanId: string | null;
  /** A message for the user about stored data that could not be read; never persisted. */
  notice: string | null;
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
  setProgress: (key: string, done: boolean, atIso: string) => void;
  renamePlan: (id: string, name: string, atIso?: string) => void;
  duplicatePlan: (id: string, atIso?: string) => string;
  deletePlan: (id: string) => void;
  dismissNotice: () => void;
};

type PersistedState = Pick<WizardState, 'plans' | 'order' | 'activePlanId'>;

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
  const base = name.trim() === '' ? 'Shared plan' : name.trim();
  const names = new Set(Object.values(plans).map((plan) => plan.name));
  if (!names.has(base)) return base;
  let n = 2;
  while (names.has(`${base} (${n})`)) n += 1;
  return `${base} (${n})`;
}

function nowIso(): string {
  return new Date().toISOString();
}

export function useActivePlan(): SavedPlan | null {
  return useWizardStore((state) =>
    state.activePlanId === null ? null : (state.plans[state.activePlanId] ?? null),
  );
}

// Created last: persist reads localStorage while the store is created, and the readers above
// must exist by then.
export const useWizardStore = create<WizardState>()(
  // Stored data is `unknown` until `readStored` has checked it.
  persist<WizardState, [], [], unknown>(
    (set, get) => ({
      plans: {},
      order: [],
      activePlanId: null,
      notice: null,

      createPlan: (answers = defaultAnswers, atIso = nowIso()) => {
        const { plans, order } = get();
        const id = newPlanId(plans);
        const plan: SavedPlan = {
          id,
          name: nextPlanName(plans),
          answers: copyAnswers(answers),
          progress: {},
          createdAt: atIso,
          updatedAt: atIso,
        };
        set({ plans: { ...plans, [id]: plan }, order: [id, ...order], activePlanId: id });
        return id;
      },

      importPlan: (answers, name, atIso = nowIso()) => {
        const { plans, order } = get();
        const id = newPlanId(plans);
        const plan: SavedPlan = {
          id,
          name: uniquePlanName(plans, name),
          answers: copyAnswers(answers),
          progress: {},
          createdAt: atIso,
          updatedAt: atIso,
        };
        set({ plans: { ...plans, [id]: plan }, order: [id, ...order], activePlanId: id });
        return id;
      },

      setActivePlan: (id) => {
        if (id in get().plans) set({ activePlanId: id });
      },

      updateAnswers: (patch, atIso = nowIso()) => {
        const { plans, activePlanId } = get();
        const plan = activePlanId === null ? undefined : plans[activePlanId];
        if (plan === undefined) return;
        const answers = copyAnswers({ ...plan.answers, ...patch });
        set({ plans: { ...plans, [plan.id]: { ...plan, answers, updatedAt: atIso } } });
      },

      setFindings: (findings, atIso = nowIso()) => {
        const { plans, activePlanId } = get();
        const plan = activePlanId === null ? undefined : plans[activePlanId];
        if (plan === undefined) return;
        const next: SavedPlan = { ...plan, updatedAt: atIso };
        if (findings === null) delete next.findings;
        else next.findings = { ...findings, findings: [...findings.findings] };
        set({ plans: { ...plans, [plan.id]: next } });
      },

      setProgress: (key, done, atIso) => {
        const { plans, activePlanId } = get();
        const plan = activePlanId === null ? undefined : plans[activePlanId];
        if (plan === undefined) return;
        if (done === key in plan.progress) return;
        const progress = done
          ? { ...plan.progress, [key]: atIso }
          : Object.fromEntries(Object.entries(plan.progress).filter(([ticked]) => ticked !== key));
        set({ plans: { ...plans, [plan.id]: { ...plan, progress, updatedAt: atIso } } });
      },

      renamePlan: (id, name, atIso = nowIso()) => {
        const { plans } = get();
        const plan = plans[id];
        const trimmed = name.trim();
        if (plan === undefined || trimmed === '' || trimmed === plan.name) return;
        set({ plans: { ...plans, [id]: { ...plan, name: trimmed, updatedAt: atIso } } });
      },

      duplicatePlan: (id, atIso = nowIso()) => {
        const { plans, order } = get();
        const source = plans[id];
        if (source === undefined) return '';
        const copyId = newPlanId(plans);
        const copy: SavedPlan = {
          id: copyId,
          name: `${source.name} (copy)`,
          answers: copyAnswers(source.answers),
          // A copy is a fresh runbook: nothing in it has been done yet.
          progress: {},
          createdAt: atIso,
          updatedAt: atIso,
        };
        set({ plans: { ...plans, [copyId]: copy }, order: [copyId, ...order] });
        return copyId;
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

      dismissNotice: () => set({ notice: null }),
    }),
    {
      name: storageKey,
      version: schemaVersion,
      storage: safeLocalStorage(),
      partialize: (state): PersistedState => ({
        plans: state.plans,
        order: state.order,
        activePlanId: state.activePlanId,
      }),
      migrate: migrateStored,
      merge: (persisted, current) => ({ ...current, ...readStored(persisted) }),
    },
  ),
);

// Data repaired while loading is written back at once, so the unreadable copy does not come back.
function writeBackRepaired(state: WizardState): void {
  if (state.notice !== null) void useWizardStore.setState({});
}
writeBackRepaired(useWizardStore.getState());
useWizardStore.persist.onFinishHydration(writeBackRepaired);
