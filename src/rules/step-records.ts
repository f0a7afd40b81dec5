// What a tick, a skip, a failure, a note or a used rollback does to a plan's progress and its step
// records. Pure: the store calls these and keeps the result; the time comes from the caller.
import { limitStepNote } from './answers';
import type { StepChange, StepRecord } from './types';

/** A plan's ticks (key: a step id or checklist key; value: when) with its step records. */
export type StepProgress = {
  readonly progress: Readonly<Record<string, string>>;
  readonly steps: Readonly<Record<string, StepRecord>>;
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

function withoutTick(
  progress: Readonly<Record<string, string>>,
  key: string,
): Record<string, string> {
  return Object.fromEntries(Object.entries(progress).filter(([ticked]) => ticked !== key));
}

/**
 * Ticks `key` (a step with `fingerprint`, what its tick is for) or takes the tick away; null when
 * it already is so. A tick settles the step: it is no longer skipped, failed or reset.
 */
export function tickStep(
  current: StepProgress,
  key: string,
  done: boolean,
  atIso: string,
  fingerprint?: string,
): StepProgress | null {
  if (done === key in current.progress) return null;
  const progress = done
    ? { ...current.progress, [key]: atIso }
    : withoutTick(current.progress, key);
  const record = tickedRecord(current.steps[key] ?? {}, done ? fingerprint : undefined);
  const steps =
    key in current.steps || Object.keys(record).length > 0
      ? withRecord(current.steps, key, record)
      : current.steps;
  return { progress, steps };
}

/** Records a skip, a failure, a note or a used rollback; a skip or failure takes the tick away. */
export function recordOnStep(
  current: StepProgress,
  stepId: string,
  change: StepChange,
  atIso: string,
): StepProgress {
  const record = changedRecord(current.steps[stepId] ?? {}, change, atIso);
  const isSettling =
    (change.kind === 'skipped' || change.kind === 'failed') && change.text.trim() !== '';
  const progress =
    isSettling && stepId in current.progress
      ? withoutTick(current.progress, stepId)
      : current.progress;
  return { progress, steps: withRecord(current.steps, stepId, record) };
}
