// The wizard's one store: the saved plans, which one is open, and the answers as they are typed.
// The plan itself is never stored; pages derive it from the answers.
import { create } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import {
  copyAnswers,
  defaultAnswers,
  readStoredAnswers,
  readStoredString,
  type DraftAnswers,
} from '@/rules';

export type SavedPlan = {
  id: string;
  name: string;
  answers: DraftAnswers;
  /** Key: a plan step id or `check:<checklist item id>`; value: the ISO time it was ticked. */
  progress: Record<string, string>;
  createdAt: string;
  updatedAt: string;
};

/** The progress key of a preparation checklist item; a plan step's key is its id. */
export function checklistKey(itemId: string): string {
  return `check:${itemId}`;
}

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
  setProgress: (key: string, done: boolean, atIso: string) => void;
  renamePlan: (id: string, name: string, atIso?: string) => void;
  duplicatePlan: (id: string, atIso?: string) => string;
  deletePlan: (id: string) => void;
  dismissNotice: () => void;
};

type PersistedState = Pick<WizardState, 'plans' | 'order' | 'activePlanId'>;

export const storageKey = 'tyk-upgrade-wizard';
/** Version 1 kept plans in an array and progress as a list of ticked keys without times. */
export const schemaVersion = 2;
/** What the storage wrapper reports for data that is not ours: it goes through `migrate`. */
const unknownVersion = 0;

export const unreadableNotice =
  'Your saved plans could not be read, so they were reset. Start a new plan to continue.';

export function droppedPlansNotice(dropped: number, kept: number): string {
  const what = dropped === 1 ? 'One saved plan' : `${dropped} saved plans`;
  const verb = dropped === 1 ? 'was' : 'were';
  if (kept === 0) return `${what} could not be read and ${verb} removed.`;
  return `${what} could not be read and ${verb} removed. Your other plans are kept.`;
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

// Reading stored data back. Everything from storage is `unknown` until it has been checked.

function safeLocalStorage(): PersistStorage<unknown> {
  return {
    getItem: (name): StorageValue<unknown> | null => {
      let raw: string | null;
      try {
        raw = localStorage.getItem(name);
      } catch {
        return null;
      }
      if (raw === null) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        // Unreadable JSON: `null` as the state makes `readStored` report and reset it.
        return { state: null, version: unknownVersion };
      }
      if (isRecord(parsed) && typeof parsed['version'] === 'number' && 'state' in parsed) {
        return { state: parsed['state'], version: parsed['version'] };
      }
      return { state: parsed, version: unknownVersion };
    },
    setItem: (name, value) => {
      try {
        localStorage.setItem(name, JSON.stringify(value));
      } catch {
        // Storage full or switched off: the answers stay in memory for this visit.
      }
    },
    removeItem: (name) => {
      try {
        localStorage.removeItem(name);
      } catch {
        // Nothing to remove when storage is switched off.
      }
    },
  };
}

/** Brings data of an older schema to the current shape; `readStored` checks it afterwards. */
export function migrateStored(persisted: unknown, version: number): unknown {
  if (version === 1 && isRecord(persisted) && Array.isArray(persisted['plans'])) {
    const plans: Record<string, unknown> = {};
    const order: unknown[] = [];
    for (const plan of persisted['plans']) {
      if (!isRecord(plan) || typeof plan['id'] !== 'string') {
        // Kept under a key of its own so that `readStored` counts it in the notice.
        plans[`#${Object.keys(plans).length}`] = plan;
        continue;
      }
      const ticked = plan['progress'];
      const at = typeof plan['updatedAt'] === 'string' ? plan['updatedAt'] : '';
      const progress = Array.isArray(ticked)
        ? Object.fromEntries(
            ticked.filter((key) => typeof key === 'string').map((key) => [key, at]),
          )
        : ticked;
      plans[plan['id']] = { ...plan, progress };
      order.push(plan['id']);
    }
    return { plans, order, activePlanId: persisted['activePlanId'] ?? null };
  }
  return persisted;
}

type StoredState = Pick<WizardState, 'plans' | 'order' | 'activePlanId' | 'notice'>;

/** Keeps every plan that can be read, drops the rest, and says so in `notice`. */
export function readStored(persisted: unknown): StoredState {
  const empty: StoredState = { plans: {}, order: [], activePlanId: null, notice: null };
  // Nothing stored yet: a first visit, not an error.
  if (persisted === undefined) return empty;
  if (!isRecord(persisted) || !isRecord(persisted['plans'])) {
    return { ...empty, notice: unreadableNotice };
  }
  const plans: Record<string, SavedPlan> = {};
  let dropped = 0;
  for (const candidate of Object.values(persisted['plans'])) {
    const plan = readPlan(candidate);
    if (plan === null || plan.id in plans) dropped += 1;
    else plans[plan.id] = plan;
  }
  const storedOrder = Array.isArray(persisted['order']) ? persisted['order'] : [];
  const order = storedOrder.filter(
    (id, index): id is string =>
      typeof id === 'string' && id in plans && storedOrder.indexOf(id) === index,
  );
  for (const id of Object.keys(plans)) if (!order.includes(id)) order.push(id);
  const active = persisted['activePlanId'];
  return {
    plans,
    order,
    activePlanId: typeof active === 'string' && active in plans ? active : null,
    notice: dropped > 0 ? droppedPlansNotice(dropped, Object.keys(plans).length) : null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readProgress(value: unknown): Record<string, string> | null {
  if (value === undefined) return {};
  if (!isRecord(value)) return null;
  const progress: Record<string, string> = {};
  for (const [key, at] of Object.entries(value)) {
    if (typeof at !== 'string') return null;
    progress[key] = at;
  }
  return progress;
}

function readPlan(value: unknown): SavedPlan | null {
  if (!isRecord(value)) return null;
  const id = value['id'];
  if (typeof id !== 'string' || id === '') return null;
  const answers = readStoredAnswers(value['answers']);
  const progress = readProgress(value['progress']);
  const name = readStoredString(value['name'], 'Upgrade plan');
  const createdAt = readStoredString(value['createdAt'], '');
  const updatedAt = readStoredString(value['updatedAt'], createdAt ?? '');
  if (
    answers === null ||
    progress === null ||
    name === null ||
    createdAt === null ||
    updatedAt === null
  ) {
    return null;
  }
  return {
    id,
    name: name.trim() === '' ? 'Upgrade plan' : name,
    answers,
    progress,
    createdAt,
    updatedAt,
  };
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
