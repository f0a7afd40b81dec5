// The wizard's one store: the saved plans, which one is open, and the answers as they are typed.
// The plan itself is never stored; pages derive it from the answers.
import { create } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import {
  componentsOf,
  findModel,
  installs,
  models,
  nameFields,
  relevantNameFields,
  strategies,
  type ComponentId,
  type Database,
  type DeploymentModel,
  type InstallType,
  type NameId,
  type Strategy,
} from '@/rules';

export type DraftDataPlane = {
  name: string;
  namespace: string;
  release: string;
  gatewayHost: string;
};

export type DraftVersionChange = { from: string; to: string };

/** The answers exactly as typed: every field is a string or a choice, checked later by `validate`. */
export type DraftAnswers = {
  model: DeploymentModel;
  install: InstallType | null;
  components: ComponentId[];
  usesGoPlugins: boolean;
  database: Database;
  dataPlanes: DraftDataPlane[];
  gateway: DraftVersionChange;
  pump: DraftVersionChange;
  mdcb: DraftVersionChange;
  strategy: Strategy;
  downtimeMinutes: string;
  names: Partial<Record<NameId, string>>;
};

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

export const defaultAnswers: DraftAnswers = {
  model: 'self-managed',
  install: 'docker-compose',
  components: ['dashboard', 'gateway', 'pump'],
  usesGoPlugins: false,
  database: 'mongodb',
  dataPlanes: [{ name: 'data-plane-1', namespace: '', release: '', gatewayHost: '' }],
  gateway: { from: '', to: '' },
  pump: { from: '', to: '' },
  mdcb: { from: '', to: '' },
  strategy: 'rolling',
  downtimeMinutes: '',
  names: {},
};

export const unreadableNotice =
  'Your saved plans could not be read, so they were reset. Start a new plan to continue.';

export function droppedPlansNotice(dropped: number, kept: number): string {
  const what = dropped === 1 ? 'One saved plan' : `${dropped} saved plans`;
  const verb = dropped === 1 ? 'was' : 'were';
  if (kept === 0) return `${what} could not be read and ${verb} removed.`;
  return `${what} could not be read and ${verb} removed. Your other plans are kept.`;
}

/** Copies answers so that no two plans (or the defaults) share arrays or objects. */
function copyAnswers(answers: DraftAnswers): DraftAnswers {
  return {
    ...answers,
    components: [...answers.components],
    dataPlanes: answers.dataPlanes.map((plane) => ({ ...plane })),
    gateway: { ...answers.gateway },
    pump: { ...answers.pump },
    mdcb: { ...answers.mdcb },
    names: { ...answers.names },
  };
}

/**
 * The answers after a change of model: components, installation and data planes made to fit it.
 * Optional components the old model did not offer come back as the defaults have them.
 */
export function fitAnswersToModel(answers: DraftAnswers, model: DeploymentModel): DraftAnswers {
  const entry = findModel(model);
  const previouslyOffered = componentsOf(answers.model);
  const components = componentsOf(model).filter(
    (id) =>
      entry.requiredComponents.includes(id) ||
      answers.components.includes(id) ||
      (!previouslyOffered.includes(id) && defaultAnswers.components.includes(id)),
  );
  const install = entry.installs.length === 0 ? null : (answers.install ?? defaultAnswers.install);
  const dataPlanes =
    entry.hasDataPlanes && answers.dataPlanes.length === 0
      ? copyAnswers(defaultAnswers).dataPlanes
      : answers.dataPlanes;
  return { ...answers, model, components, install, dataPlanes };
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

/** A version change for `validate`: an empty target means "the recommended one". */
function versionChange(change: DraftVersionChange): { from: string; to?: string } {
  return change.to.trim() === '' ? { from: change.from } : { from: change.from, to: change.to };
}

function downtimeValue(raw: string): number | string {
  return /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
}

const clusterInstalls: readonly (InstallType | null)[] = ['kubernetes', 'helm'];

/**
 * The object handed to `validate` and `buildPlan`. Answers the chosen model does not use are left
 * out, so a value typed for another model never blocks the plan; blank optional fields fall back
 * to Tyk's defaults.
 */
export function toPlanInput(answers: DraftAnswers): unknown {
  const entry = findModel(answers.model);
  const install = entry.installs.length === 0 ? null : answers.install;
  const isCluster = clusterInstalls.includes(install);
  const names: Partial<Record<NameId, string>> = {};
  for (const field of relevantNameFields({ ...answers, install })) {
    const value = answers.names[field.id];
    if (value !== undefined && value.trim() !== '') names[field.id] = value;
  }
  return {
    model: answers.model,
    ...(install === null ? {} : { install }),
    components: [...answers.components],
    usesGoPlugins: answers.usesGoPlugins,
    ...(entry.hasDatabase && answers.components.includes('dashboard')
      ? { database: answers.database }
      : {}),
    ...(entry.hasDataPlanes
      ? {
          dataPlanes: answers.dataPlanes.map((plane) => ({
            name: plane.name,
            ...(isCluster && plane.namespace.trim() !== '' ? { namespace: plane.namespace } : {}),
            ...(isCluster && plane.release.trim() !== '' ? { release: plane.release } : {}),
            ...(plane.gatewayHost.trim() !== '' ? { gatewayHost: plane.gatewayHost } : {}),
          })),
        }
      : {}),
    gateway: versionChange(answers.gateway),
    ...(answers.components.includes('pump') ? { pump: versionChange(answers.pump) } : {}),
    ...(answers.components.includes('mdcb') ? { mdcb: versionChange(answers.mdcb) } : {}),
    strategy: answers.strategy,
    ...(answers.strategy === 'downtime'
      ? { downtimeMinutes: downtimeValue(answers.downtimeMinutes) }
      : {}),
    names,
  };
}

/** A version change from a link: both halves as typed, anything else blank. */
function draftChange(value: unknown): DraftVersionChange {
  if (!isRecord(value)) return { from: '', to: '' };
  const { from, to } = value;
  return {
    from: typeof from === 'string' ? from : '',
    to: typeof to === 'string' ? to : '',
  };
}

function draftText(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/**
 * Draft answers from a decoded plan link (or any PlanInput-shaped object): strings as typed,
 * unknown or malformed fields at their defaults, components and data planes fitted to the model.
 * `validate` still judges the result; this only makes it something the wizard can show and edit.
 */
export function answersFromInput(input: Readonly<Record<string, unknown>>): DraftAnswers {
  const model = modelIds.find((id) => id === input['model']) ?? defaultAnswers.model;
  const rawComponents = input['components'];
  const components = Array.isArray(rawComponents)
    ? componentIds.filter((id) => rawComponents.includes(id))
    : [...defaultAnswers.components];
  const rawPlanes = input['dataPlanes'];
  const dataPlanes = Array.isArray(rawPlanes)
    ? rawPlanes.filter(isRecord).map((plane) => ({
        name: draftText(plane['name']),
        namespace: draftText(plane['namespace']),
        release: draftText(plane['release']),
        gatewayHost: draftText(plane['gatewayHost']),
      }))
    : [];
  const rawNames = input['names'];
  const names: Partial<Record<NameId, string>> = {};
  if (isRecord(rawNames)) {
    for (const id of nameIds) {
      const text = draftText(rawNames[id]);
      if (text !== '') names[id] = text;
    }
  }
  const answers: DraftAnswers = {
    model,
    install: installIds.find((id) => id === input['install']) ?? defaultAnswers.install,
    components,
    usesGoPlugins: input['usesGoPlugins'] === true,
    database: databaseIds.find((id) => id === input['database']) ?? defaultAnswers.database,
    dataPlanes,
    gateway: draftChange(input['gateway']),
    pump: draftChange(input['pump']),
    mdcb: draftChange(input['mdcb']),
    strategy: strategyIds.find((id) => id === input['strategy']) ?? defaultAnswers.strategy,
    downtimeMinutes: draftText(input['downtimeMinutes']),
    names,
  };
  // The model is already the link's, so fitting keeps the link's components and adds only the
  // required ones; it also clears the installation of Tyk Cloud and adds a missing data plane.
  return copyAnswers(fitAnswersToModel(answers, model));
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

/** Marks a field that is present but of the wrong shape: the whole plan is dropped. */
const wrong = Symbol('wrong shape');
type Read<T> = T | typeof wrong;

function readString(value: unknown, fallback: string): Read<string> {
  if (value === undefined) return fallback;
  return typeof value === 'string' ? value : wrong;
}

function readChoice<T extends string>(value: unknown, allowed: readonly T[], fallback: T): Read<T> {
  if (value === undefined) return fallback;
  return allowed.find((choice) => choice === value) ?? wrong;
}

function readChange(value: unknown): Read<DraftVersionChange> {
  if (value === undefined) return { from: '', to: '' };
  if (!isRecord(value)) return wrong;
  const from = readString(value['from'], '');
  const to = readString(value['to'], '');
  return from === wrong || to === wrong ? wrong : { from, to };
}

const modelIds: readonly DeploymentModel[] = models.map((entry) => entry.id);
const installIds: readonly InstallType[] = installs.map((entry) => entry.id);
const strategyIds: readonly Strategy[] = strategies.map((entry) => entry.id);
const componentIds: readonly ComponentId[] = ['gateway', 'dashboard', 'pump', 'mdcb'];
const databaseIds: readonly Database[] = ['mongodb', 'postgres'];
const nameIds: readonly NameId[] = nameFields.map((field) => field.id);

function readDataPlanes(value: unknown): Read<DraftDataPlane[]> {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return wrong;
  const planes: DraftDataPlane[] = [];
  for (const item of value) {
    if (!isRecord(item)) return wrong;
    const name = readString(item['name'], '');
    const namespace = readString(item['namespace'], '');
    const release = readString(item['release'], '');
    const gatewayHost = readString(item['gatewayHost'], '');
    if (name === wrong || namespace === wrong || release === wrong || gatewayHost === wrong) {
      return wrong;
    }
    planes.push({ name, namespace, release, gatewayHost });
  }
  return planes;
}

function readNames(value: unknown): Read<Partial<Record<NameId, string>>> {
  if (value === undefined) return {};
  if (!isRecord(value)) return wrong;
  const names: Partial<Record<NameId, string>> = {};
  for (const id of nameIds) {
    const typed = value[id];
    if (typed === undefined) continue;
    // Ports were once numbers; both read back as the text the user sees.
    if (typeof typed === 'number' && Number.isFinite(typed)) names[id] = String(typed);
    else if (typeof typed === 'string') names[id] = typed;
    else return wrong;
  }
  return names;
}

function readComponents(value: unknown): Read<ComponentId[]> {
  if (!Array.isArray(value)) return wrong;
  const chosen: ComponentId[] = [];
  for (const item of value) {
    const id = componentIds.find((known) => known === item);
    if (id === undefined) return wrong;
    if (!chosen.includes(id)) chosen.push(id);
  }
  return chosen;
}

function readAnswers(value: unknown): DraftAnswers | null {
  if (!isRecord(value)) return null;
  // The model decides everything else: without a known one the plan cannot be read.
  const model = modelIds.find((id) => id === value['model']);
  if (model === undefined) return null;
  const install =
    value['install'] === null ? null : readChoice(value['install'], installIds, 'docker-compose');
  const components =
    value['components'] === undefined
      ? [...findModel(model).requiredComponents]
      : readComponents(value['components']);
  const usesGoPlugins =
    value['usesGoPlugins'] === undefined
      ? false
      : typeof value['usesGoPlugins'] === 'boolean'
        ? value['usesGoPlugins']
        : wrong;
  const database = readChoice(value['database'], databaseIds, 'mongodb');
  const dataPlanes = readDataPlanes(value['dataPlanes']);
  const gateway = readChange(value['gateway']);
  const pump = readChange(value['pump']);
  const mdcb = readChange(value['mdcb']);
  const strategy = readChoice(value['strategy'], strategyIds, 'rolling');
  const downtimeMinutes = readString(value['downtimeMinutes'], '');
  const names = readNames(value['names']);
  if (
    install === wrong ||
    components === wrong ||
    usesGoPlugins === wrong ||
    database === wrong ||
    dataPlanes === wrong ||
    gateway === wrong ||
    pump === wrong ||
    mdcb === wrong ||
    strategy === wrong ||
    downtimeMinutes === wrong ||
    names === wrong
  ) {
    return null;
  }
  return {
    model,
    install,
    components,
    usesGoPlugins,
    database,
    dataPlanes,
    gateway,
    pump,
    mdcb,
    strategy,
    downtimeMinutes,
    names,
  };
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
  const answers = readAnswers(value['answers']);
  const progress = readProgress(value['progress']);
  const name = readString(value['name'], 'Upgrade plan');
  const createdAt = readString(value['createdAt'], '');
  const updatedAt = readString(value['updatedAt'], createdAt === wrong ? '' : createdAt);
  if (
    answers === null ||
    progress === null ||
    name === wrong ||
    createdAt === wrong ||
    updatedAt === wrong
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
