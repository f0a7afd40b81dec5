// Saved plans in localStorage: the record's schema and its migrations, and the reader that keeps
// every plan it can read (storage-access.ts touches storage itself). Everything from storage is
// `unknown` until it has been checked.
import {
  limitAnswers,
  limitCover,
  limitPlanName,
  readStoredAnswers,
  readStoredString,
  type ChangeCover,
  type DraftAnswers,
  type Finding,
  type Severity,
  type StepRecord,
} from '@/rules';
import type { StoredPlanSet } from '@/store/merge';
import { keptAsidePrefix, openPlanKey, schemaVersion, storageKey } from '@/store/storage-keys';

/** Findings read from the deployment's own files, and the target Gateway they were checked for. */
export type PlanFindings = {
  /** The target Gateway version the findings were checked against; empty when none was known. */
  readonly target: string;
  readonly findings: readonly Finding[];
};

export type SavedPlan = {
  id: string;
  name: string;
  /** True once the user named the plan; until then its name follows its answers (saved-plan.ts). */
  isNameCustom: boolean;
  answers: DraftAnswers;
  /** Key: a plan step id or `check:<checklist item id>`; value: the ISO time it was ticked. */
  progress: Record<string, string>;
  /** Per step id: what its tick was for, skips, failures, notes and used rollbacks. */
  steps: Record<string, StepRecord>;
  /** The change-management fields of the cover, once the user has filled any in. */
  cover?: ChangeCover;
  createdAt: string;
  updatedAt: string;
  /** Goes up with every change, so that tabs can tell their copies of the plan apart. */
  revision: number;
  /** Present when the answers came from the "Read my deployment" page. */
  findings?: PlanFindings;
};

/** The progress key of a preparation checklist item; a plan step's key is its id. */
export function checklistKey(itemId: string): string {
  return `check:${itemId}`;
}

export { keptAsidePrefix, openPlanKey, storageKey };
export { schemaVersion };

/** What is stored under `storageKey`: the plans, their order, deletions, and the last open plan. */
export type StoredRecord = StoredPlanSet<SavedPlan> & { readonly activePlanId: string | null };

export const emptyRecord: StoredRecord = { plans: {}, order: [], deleted: {}, activePlanId: null };

/** What the text under `storageKey` turned out to be. */
export type StoredRead =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'readable';
      readonly record: StoredRecord;
      /** Plans that could not be read and are not in `record`. */
      readonly dropped: number;
      /** True when some answer or name was longer than its limit and was cut. */
      readonly isShortened: boolean;
      /** True when the text is not what this version would write (an older schema, a repair). */
      readonly needsRewrite: boolean;
    }
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'newer'; readonly version: number };

// The notices, as the user reads them.

export const keptAsideHint =
  'A copy of the data as it was is kept aside in this browser; you can download it from the start page.';

export const unreadableNotice = `Your saved plans could not be read, so the wizard starts again with none. ${keptAsideHint}`;

export function droppedPlansNotice(dropped: number, kept: number): string {
  const what = dropped === 1 ? 'One saved plan' : `${dropped} saved plans`;
  const verb = dropped === 1 ? 'was' : 'were';
  const others = kept === 0 ? '' : ' Your other plans are kept.';
  return `${what} could not be read and ${verb} left out.${others} ${keptAsideHint}`;
}

export const shortenedNotice = `Some saved answers were longer than this version allows and were shortened. ${keptAsideHint}`;

export const newerVersionNotice =
  'Your saved plans were written by a newer version of the wizard, which this version cannot read. They are left as they are. Reload the page to get the newer version.';

export const noRoomToKeepAsideNotice =
  'Your saved plans could not be read, and there is no room in this browser to keep a copy aside, so they are left as they are and nothing is saved over them. Download the data from the start page before you free some space.';

export function deletedElsewhereNotice(name: string): string {
  return `“${name}” was deleted in another tab.`;
}

// Reading the record.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Version 1 to 2: plans in a record keyed by id, ticks with the time of the plan's last change. */
function fromVersion1(persisted: unknown): unknown {
  if (!isRecord(persisted) || !Array.isArray(persisted['plans'])) return persisted;
  const plans: Record<string, unknown> = {};
  const order: unknown[] = [];
  for (const plan of persisted['plans']) {
    if (!isRecord(plan) || typeof plan['id'] !== 'string') {
      // Kept under a key of its own so that `readRecord` counts it as dropped.
      plans[`#${Object.keys(plans).length}`] = plan;
      continue;
    }
    const ticked = plan['progress'];
    const at = typeof plan['updatedAt'] === 'string' ? plan['updatedAt'] : '';
    const progress = Array.isArray(ticked)
      ? Object.fromEntries(ticked.filter((key) => typeof key === 'string').map((key) => [key, at]))
      : ticked;
    plans[plan['id']] = { ...plan, progress };
    order.push(plan['id']);
  }
  return { plans, order, activePlanId: persisted['activePlanId'] ?? null };
}

/**
 * Version 2 to 3: every plan gets its (empty) step records. Its ticks stay as they are: having no
 * fingerprint, they are trusted and fingerprinted the first time the plan is shown.
 */
function fromVersion2(persisted: unknown): unknown {
  if (!isRecord(persisted) || !isRecord(persisted['plans'])) return persisted;
  const plans = Object.fromEntries(
    Object.entries(persisted['plans']).map(([id, plan]) => [
      id,
      isRecord(plan) && !('steps' in plan) ? { ...plan, steps: {} } : plan,
    ]),
  );
  return { ...persisted, plans };
}

const migrations: Readonly<Record<number, (persisted: unknown) => unknown>> = {
  1: fromVersion1,
  2: fromVersion2,
};

/** Brings data of an older schema to the current shape, one version at a time; `readRecord` checks it afterwards. */
export function migrateStored(persisted: unknown, version: number): unknown {
  let current = persisted;
  for (let from = version; from < schemaVersion; from += 1) {
    const migration = migrations[from];
    if (migration !== undefined) current = migration(current);
  }
  return current;
}

/** Reads the text stored under `storageKey`; never throws. */
export function parseStoredText(raw: string | null): StoredRead {
  if (raw === null) return { kind: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { kind: 'unreadable' };
  }
  const envelope = isRecord(parsed) && 'state' in parsed && 'version' in parsed ? parsed : null;
  const version = envelope?.['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > schemaVersion) {
    return { kind: 'newer', version };
  }
  // Without a numeric version the data may still be a bare record of plans; it is read as one.
  const state =
    envelope !== null && typeof version === 'number'
      ? migrateStored(envelope['state'], version)
      : parsed;
  const read = readRecord(state);
  if (read === null) return { kind: 'unreadable' };
  return {
    kind: 'readable',
    record: read.record,
    dropped: read.dropped,
    isShortened: read.isShortened,
    needsRewrite: version !== schemaVersion || read.dropped > 0 || read.isShortened,
  };
}

type RecordRead = { record: StoredRecord; dropped: number; isShortened: boolean };

/** Keeps every plan that can be read and counts the rest; null when there are no plans at all. */
export function readRecord(persisted: unknown): RecordRead | null {
  if (!isRecord(persisted) || !isRecord(persisted['plans'])) return null;
  const plans: Record<string, SavedPlan> = {};
  let dropped = 0;
  let isShortened = false;
  for (const candidate of Object.values(persisted['plans'])) {
    const read = readPlan(candidate);
    if (read === null || read.plan.id in plans) {
      dropped += 1;
      continue;
    }
    plans[read.plan.id] = read.plan;
    isShortened ||= read.isShortened;
  }
  const storedOrder = Array.isArray(persisted['order']) ? persisted['order'] : [];
  const order = storedOrder.filter(
    (id, index): id is string =>
      typeof id === 'string' && id in plans && storedOrder.indexOf(id) === index,
  );
  for (const id of Object.keys(plans)) if (!order.includes(id)) order.push(id);
  const active = persisted['activePlanId'];
  return {
    record: {
      plans,
      order,
      deleted: readDeleted(persisted['deleted'], plans),
      activePlanId: typeof active === 'string' && active in plans ? active : null,
    },
    dropped,
    isShortened,
  };
}

function readDeleted(value: unknown, plans: Record<string, SavedPlan>): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && !(entry[0] in plans),
    ),
  );
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

function readMark<K extends string>(
  value: unknown,
  textKey: K,
): ({ readonly at: string } & Record<K, string>) | undefined {
  if (!isRecord(value) || !isText(value['at']) || !isText(value[textKey])) return undefined;
  return { at: value['at'], [textKey]: value[textKey] } as { readonly at: string } & Record<
    K,
    string
  >;
}

function readStepRecord(value: unknown): StepRecord | null {
  if (!isRecord(value)) return null;
  const { tickedFor, usedAt, reset } = value;
  const skipped = readMark(value['skipped'], 'reason');
  const failed = readMark(value['failed'], 'note');
  const note = readMark(value['note'], 'text');
  const wasReset = readMark(reset, 'tickedAt');
  return {
    ...(isText(tickedFor) ? { tickedFor } : {}),
    ...(isText(usedAt) ? { usedAt } : {}),
    ...(skipped === undefined ? {} : { skipped }),
    ...(failed === undefined ? {} : { failed }),
    ...(note === undefined ? {} : { note }),
    ...(wasReset === undefined ? {} : { reset: wasReset }),
  };
}

/** Step records that cannot be read are dropped one by one, never the plan. */
function readStepRecords(value: unknown): Record<string, StepRecord> {
  if (!isRecord(value)) return {};
  const records: Record<string, StepRecord> = {};
  for (const [id, candidate] of Object.entries(value)) {
    const record = readStepRecord(candidate);
    if (record !== null && Object.keys(record).length > 0) records[id] = record;
  }
  return records;
}

/** The cover fields, each cut to its limit; undefined when there are none to read. */
function readCover(value: unknown): ChangeCover | undefined {
  if (!isRecord(value)) return undefined;
  const cover = limitCover(value as Record<keyof ChangeCover, unknown>);
  return Object.values(cover).some((field) => field !== '') ? cover : undefined;
}

function readRevision(value: unknown): number {
  // Plans saved before revisions existed, or by an older build, start at 0.
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
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

function readPlan(value: unknown): { plan: SavedPlan; isShortened: boolean } | null {
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
  const cover = readCover(value['cover']);
  const limitedAnswers = limitAnswers(answers);
  const limitedName = limitPlanName(name);
  const isNameCustom = value['isNameCustom'];
  const shownName = limitedName.trim() === '' ? 'Upgrade plan' : limitedName;
  return {
    plan: {
      id,
      name: shownName,
      // Plans saved before the flag: the names older versions gave are the ones they made up.
      isNameCustom:
        typeof isNameCustom === 'boolean' ? isNameCustom : !/^Upgrade plan( \d+)?$/.test(shownName),
      answers: limitedAnswers,
      progress,
      steps: readStepRecords(value['steps']),
      createdAt,
      updatedAt,
      revision: readRevision(value['revision']),
      ...(findings === undefined ? {} : { findings }),
      ...(cover === undefined ? {} : { cover }),
    },
    isShortened: limitedAnswers !== answers || limitedName !== name,
  };
}

/** The text this version stores: the same envelope older versions read. */
export function storedText(record: StoredRecord): string {
  return JSON.stringify({
    state: {
      plans: record.plans,
      order: record.order,
      activePlanId: record.activePlanId,
      deleted: record.deleted,
    },
    version: schemaVersion,
  });
}

/** Every plan in the stored format, for a download: it reads back like stored data. */
export function exportText(plans: Record<string, SavedPlan>, order: readonly string[]): string {
  return JSON.stringify(
    { state: { plans, order, activePlanId: null, deleted: {} }, version: schemaVersion },
    null,
    2,
  );
}
