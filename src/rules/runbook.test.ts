import { describe, expect, it } from 'vitest';
import { checkTicks, nextStepToDo, resetStepIds, stepFingerprint, stepStatus } from './runbook';
import { planProgress } from './summary';
import type { Phase, Step, StepRecord } from './types';

function step(id: string, overrides: Partial<Step> = {}): Step {
  return {
    id,
    title: `Title of ${id}`,
    detail: `Detail of ${id}`,
    kind: 'prepare',
    commands: [],
    ...overrides,
  };
}

function phase(id: string, kind: Phase['kind'], steps: readonly Step[]): Phase {
  return { id, kind, title: id, detail: '', steps };
}

const plan = {
  phases: [
    phase('prepare', 'prepare', [step('a'), step('b')]),
    phase('control-plane', 'control-plane', [step('c', { kind: 'upgrade' })]),
    phase('rollback', 'rollback', [
      step('r1', { kind: 'rollback' }),
      step('r2', { kind: 'rollback' }),
    ]),
    phase('after', 'after', [step('d')]),
  ],
};

describe('planProgress', () => {
  const cases: readonly [string, readonly string[], readonly string[], object][] = [
    [
      'nothing done',
      [],
      [],
      { overall: { done: 0, total: 4 }, contingency: { done: 0, total: 2 }, isComplete: false },
    ],
    [
      'every change step done, no rollback used: complete',
      ['a', 'b', 'c', 'd'],
      [],
      { overall: { done: 4, total: 4 }, contingency: { done: 0, total: 2 }, isComplete: true },
    ],
    [
      'rollback steps ticked as done do not count',
      ['a', 'r1', 'r2'],
      [],
      { overall: { done: 1, total: 4 }, contingency: { done: 0, total: 2 }, isComplete: false },
    ],
    [
      'a used rollback is counted apart and is not needed',
      ['a', 'b', 'c', 'd'],
      ['r2'],
      { overall: { done: 4, total: 4 }, contingency: { done: 1, total: 2 }, isComplete: true },
    ],
  ];
  it.each(cases)('%s', (_name, done, used, expected) => {
    const progress = planProgress(
      plan,
      (id) => done.includes(id),
      (id) => used.includes(id),
    );
    expect(progress).toMatchObject(expected);
  });

  it('never lists the rollback phase as finished, and counts its used steps per phase', () => {
    const progress = planProgress(
      plan,
      () => true,
      (id) => id === 'r1',
    );
    expect(progress.finishedPhaseIds).toEqual(['prepare', 'control-plane', 'after']);
    expect(progress.byPhase['rollback']).toEqual({ done: 1, total: 2 });
  });
});

describe('nextStepToDo', () => {
  const at = '2026-03-05T20:00:00.000Z';
  const skipped = { skipped: { at, reason: 'Done by the platform team' } };
  const failed = { failed: { at, note: 'Timed out' } };
  // [name, ticked step ids, records, expected next step]
  const cases: readonly [
    string,
    readonly string[],
    Readonly<Record<string, StepRecord>>,
    ReturnType<typeof nextStepToDo>,
  ][] = [
    [
      'nothing done: the first step',
      [],
      {},
      { id: 'a', number: 1, title: 'Title of a', phaseId: 'prepare' },
    ],
    [
      'the first step done: the second',
      ['a'],
      {},
      { id: 'b', number: 2, title: 'Title of b', phaseId: 'prepare' },
    ],
    [
      'a later step ticked first: the earliest open one',
      ['b', 'c'],
      {},
      { id: 'a', number: 1, title: 'Title of a', phaseId: 'prepare' },
    ],
    [
      'a skipped step is settled',
      ['a'],
      { b: skipped },
      { id: 'c', number: 3, title: 'Title of c', phaseId: 'control-plane' },
    ],
    [
      'a failed step still needs doing',
      ['a'],
      { b: failed },
      { id: 'b', number: 2, title: 'Title of b', phaseId: 'prepare' },
    ],
    [
      'the rollback steps are passed over, their numbers counted',
      ['a', 'b', 'c'],
      {},
      { id: 'd', number: 6, title: 'Title of d', phaseId: 'after' },
    ],
    [
      'every step of the change settled, rollbacks open: none',
      ['a', 'b', 'd'],
      { c: skipped },
      null,
    ],
    ['ticks of steps outside the plan change nothing: none', ['a', 'b', 'c', 'd', 'zz'], {}, null],
  ];
  it.each(cases)('%s', (_name, ticked, records, expected) => {
    const ticks = Object.fromEntries(ticked.map((id) => [id, at]));
    expect(nextStepToDo(plan, ticks, records)).toEqual(expected);
  });

  it('is null for a plan without steps of the change', () => {
    expect(nextStepToDo({ phases: [phase('rollback', 'rollback', [step('r1')])] }, {}, {})).toBe(
      null,
    );
  });
});

describe('stepFingerprint', () => {
  const base = step('x', {
    commands: [{ code: 'tyk version', lang: 'bash' }],
    verify: { commands: [{ code: 'curl -s localhost:8080/hello', lang: 'bash' }], expect: 'pass' },
    rollback: { detail: 'Go back', commands: [{ code: 'apt install tyk=1', lang: 'bash' }] },
  });

  it('is a fixed 16-digit hex text for a given step', () => {
    // A literal: a change to how steps are fingerprinted resets every tick users have saved.
    expect(stepFingerprint(base)).toBe('fb0f7d5aa880ceac');
    expect(stepFingerprint(base)).toBe(stepFingerprint({ ...base }));
  });

  const changes: readonly [string, Partial<Step>][] = [
    ['the title', { title: 'Another title' }],
    ['the detail', { detail: 'Check that Gateway 5.3.13 is in the repositories' }],
    ['a command', { commands: [{ code: 'tyk version --json', lang: 'bash' }] }],
    ['the check', { verify: { commands: [], expect: 'pass' } }],
    ['the way back', { rollback: { detail: 'Go back', commands: [] } }],
  ];
  it.each(changes)('changes with %s', (_name, patch) => {
    expect(stepFingerprint({ ...base, ...patch })).not.toBe(stepFingerprint(base));
  });

  it('does not change with the links, the guide or the kind badge', () => {
    expect(
      stepFingerprint({
        ...base,
        links: [{ label: 'Notes', url: 'https://example.com' }],
        guide: 'backups',
      }),
    ).toBe(stepFingerprint(base));
  });
});

describe('checkTicks', () => {
  const at = '2026-03-05T21:30:00.000Z';
  const tickedAt = '2026-03-05T20:00:00.000Z';

  it('keeps ticks whose step is unchanged, and changes nothing', () => {
    const records = { a: { tickedFor: stepFingerprint(step('a')) } };
    const checked = checkTicks(plan, { a: tickedAt }, records, at);
    expect(checked.isChanged).toBe(false);
    expect(checked.ticks).toEqual({ a: tickedAt });
    expect(checked.records).toBe(records);
  });

  it('resets exactly the ticks whose step changed, and records when they were ticked', () => {
    const before = {
      a: { tickedFor: stepFingerprint(step('a')) },
      b: {
        tickedFor: stepFingerprint(step('b', { detail: 'Gateway 5.3.0' })),
        note: { at, text: 'n' },
      },
      c: { tickedFor: stepFingerprint(step('c', { kind: 'upgrade' })) },
    } satisfies Record<string, StepRecord>;
    const checked = checkTicks(plan, { a: tickedAt, b: tickedAt, c: tickedAt }, before, at);
    expect(checked.isChanged).toBe(true);
    expect(checked.resetIds).toEqual(['b']);
    expect(checked.ticks).toEqual({ a: tickedAt, c: tickedAt });
    expect(checked.records['b']).toEqual({ note: { at, text: 'n' }, reset: { at, tickedAt } });
    expect(resetStepIds(plan, checked.records)).toEqual(['b']);
  });

  it('trusts a tick from before fingerprints and fingerprints it', () => {
    const checked = checkTicks(plan, { c: tickedAt, 'check:communicate': tickedAt }, {}, at);
    expect(checked.isChanged).toBe(true);
    expect(checked.resetIds).toEqual([]);
    expect(checked.ticks).toEqual({ c: tickedAt, 'check:communicate': tickedAt });
    expect(checked.records).toEqual({
      c: { tickedFor: stepFingerprint(step('c', { kind: 'upgrade' })) },
    });
  });
});

describe('stepStatus', () => {
  const at = '2026-03-05T21:30:00.000Z';
  const cases: readonly [string, string | undefined, StepRecord | undefined, string][] = [
    ['nothing recorded', undefined, undefined, 'open'],
    ['ticked', at, undefined, 'done'],
    ['skipped with a reason', undefined, { skipped: { at, reason: 'no Pump here' } }, 'skipped'],
    ['failed with a note', undefined, { failed: { at, note: 'timed out' } }, 'failed'],
    ['a note alone leaves it open', undefined, { note: { at, text: 'paged DBA' } }, 'open'],
  ];
  it.each(cases)('%s', (_name, tickedAt, record, expected) => {
    expect(stepStatus(tickedAt, record)).toBe(expected);
  });
});
