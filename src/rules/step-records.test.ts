import { describe, expect, it } from 'vitest';
import { recordOnStep, tickStep, type StepProgress } from './step-records';
import type { StepChange } from './types';

const t1 = '2026-09-01T10:00:00.000Z';
const t2 = '2026-09-01T11:00:00.000Z';

const failed: StepProgress = {
  progress: { other: t1 },
  steps: { 'backup-redis': { failed: { at: t1, note: 'disk full' }, note: { at: t1, text: 'x' } } },
};

describe('tickStep', () => {
  it.each<[string, StepProgress, boolean, string | undefined, StepProgress | null]>([
    [
      'ticks with its fingerprint',
      { progress: {}, steps: {} },
      true,
      'fp',
      { progress: { 'backup-redis': t2 }, steps: { 'backup-redis': { tickedFor: 'fp' } } },
    ],
    [
      'settles a failed step, keeping its note',
      failed,
      true,
      undefined,
      {
        progress: { other: t1, 'backup-redis': t2 },
        steps: { 'backup-redis': { note: { at: t1, text: 'x' } } },
      },
    ],
    [
      'takes a tick away with what it was for',
      { progress: { 'backup-redis': t1 }, steps: { 'backup-redis': { tickedFor: 'fp' } } },
      false,
      undefined,
      { progress: {}, steps: {} },
    ],
    ['leaves a step that is already so', { progress: {}, steps: {} }, false, undefined, null],
  ])('%s', (_name, current, done, fingerprint, expected) => {
    expect(tickStep(current, 'backup-redis', done, t2, fingerprint)).toEqual(expected);
  });
});

describe('recordOnStep', () => {
  const ticked: StepProgress = {
    progress: { 'backup-redis': t1 },
    steps: { 'backup-redis': { tickedFor: 'fp' } },
  };
  it.each<[string, StepProgress, StepChange, StepProgress]>([
    [
      'a skip takes the tick away',
      ticked,
      { kind: 'skipped', text: ' not needed ' },
      { progress: {}, steps: { 'backup-redis': { skipped: { at: t2, reason: 'not needed' } } } },
    ],
    [
      'a failure replaces a skip',
      { progress: {}, steps: { 'backup-redis': { skipped: { at: t1, reason: 'r' } } } },
      { kind: 'failed', text: 'timed out' },
      { progress: {}, steps: { 'backup-redis': { failed: { at: t2, note: 'timed out' } } } },
    ],
    [
      'a note keeps the tick',
      ticked,
      { kind: 'note', text: 'took 5 minutes' },
      {
        progress: { 'backup-redis': t1 },
        steps: { 'backup-redis': { tickedFor: 'fp', note: { at: t2, text: 'took 5 minutes' } } },
      },
    ],
    [
      'an empty note takes the note away',
      failed,
      { kind: 'note', text: '  ' },
      {
        progress: { other: t1 },
        steps: { 'backup-redis': { failed: { at: t1, note: 'disk full' } } },
      },
    ],
    [
      'a used rollback is recorded',
      { progress: {}, steps: {} },
      { kind: 'used', isUsed: true },
      { progress: {}, steps: { 'backup-redis': { usedAt: t2 } } },
    ],
    [
      'a rollback no longer used leaves no record',
      { progress: {}, steps: { 'backup-redis': { usedAt: t1 } } },
      { kind: 'used', isUsed: false },
      { progress: {}, steps: {} },
    ],
  ])('%s', (_name, current, change, expected) => {
    expect(recordOnStep(current, 'backup-redis', change, t2)).toEqual(expected);
  });
});
