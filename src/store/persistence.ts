// Saved plans in localStorage: the storage wrapper, the schema and its migrations, and the reader
// that keeps every plan it can read. Everything from storage is `unknown` until it has been checked.
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import {
  readStoredAnswers,
  readStoredString,
  type DraftAnswers,
  type Finding,
  type Severity,
} from '@/rules';

/** Findings read from the deployment's own files, and the target Gateway they were checked for. */
export type PlanFindings = {
  /** The target Gateway version the findings were checked against; empty when none was known. */
  readonly target: string;
  readonly findings: readonly Finding[];
};

export type SavedPlan = {
  id: string;
  name: string;
  answers: DraftAnswers;
  /** Key: a plan step id or `check:<checklist item id>`; value: the ISO time it was ticked. */
  progress: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  /** Present when the answers came from the "Read my deployment" page. */
  findings?: PlanFindings;
};

/** The progress key of a preparation checklist item; a plan step's key is its id. */
export function checklistKey(itemId: string): string {
  return `check:${itemId}`;
}

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

// Reading stored data back. Everything from storage is `unknown` until it has been checked.

export function safeLocalStorage(): PersistStorage<unknown> {
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

/** What the store takes from storage, and the notice about anything it could not read. */
export type StoredState = {
  readonly plans: Record<string, SavedPlan>;
  readonly order: string[];
  readonly activePlanId: string | null;
  readonly notice: string | null;
};

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

const severities: readonly Severity[] = ['info', 'warning', 'critical'];

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function readFinding(value: unknown): Finding | null {
  if (!isRecord(value)) return null;
  const { id, severity, title, detail, source, evidence } = value;
  if (!isText(id) || !isText(title) || !isText(detail) || !isText(source)) return null;
  const level = severities.find((candidate) => candidate === severity);
  if (level === undefined || !Array.isArray(evidence)) return null;
  const sourced = evidence.flatMap((item: unknown) =>
    isRecord(item) && isText(item['value']) && isText(item['file']) && isText(item['where'])
      ? [{ value: item['value'], file: item['file'], where: item['where'] }]
      : [],
  );
  return { id, severity: level, title, detail, source, evidence: sourced };
}

/** Stored findings, or undefined: findings that cannot be read are dropped, never the plan. */
function readFindings(value: unknown): PlanFindings | undefined {
  if (!isRecord(value) || !isText(value['target']) || !Array.isArray(value['findings']))
    return undefined;
  const findings: Finding[] = [];
  for (const item of value['findings']) {
    const finding = readFinding(item);
    if (finding === null) return undefined;
    findings.push(finding);
  }
  return { target: value['target'], findings };
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
  const findings = readFindings(value['findings']);
  return {
    id,
    name: name.trim() === '' ? 'Upgrade plan' : name,
    answers,
    progress,
    createdAt,
    updatedAt,
    ...(findings === undefined ? {} : { findings }),
  };
}
