import { describe, expect, it } from 'vitest';
import { changeElapsed } from './elapsed';
import type { ChangeEstimate, PhaseEstimate, StepEstimate } from './types';

const step = (
  stepId: string,
  phaseId: string,
  startMinute: number,
  minutes: number,
): StepEstimate => ({
  stepId,
  phaseId,
  title: stepId,
  timing: 'change',
  minutes,
  startMinute,
  basis: '',
});

const phase = (phaseId: string, startMinute: number, minutes: number): PhaseEstimate => ({
  phaseId,
  kind: 'prepare',
  title: `Phase ${phaseId}`,
  timing: 'change',
  startMinute,
  minutes,
});

// Two phases: a (10 + 20 min) then b (30 min); 60 minutes in all.
const estimate = {
  strategy: 'rolling',
  assumptions: [],
  steps: [
    step('a1', 'a', 0, 10),
    step('a2', 'a', 10, 20),
    step('b1', 'b', 30, 30),
    { ...step('announce', 'a', 0, 10), timing: 'ahead', startMinute: null },
  ],
  phases: [phase('a', 0, 30), phase('b', 30, 30)],
  totalMinutes: 60,
  aheadMinutes: 10,
  pointOfNoReturn: null,
  rollback: { fromStepId: 'b1', fromMinute: 60, minutes: 20, parts: [], explanation: '' },
  serviceGaps: [],
  window: { kind: 'no-window' },
} satisfies ChangeEstimate;

describe('changeElapsed', () => {
  it.each([
    ['no tick', {}],
    ['only a step outside the change', { announce: '2026-03-07T21:00:00.000Z' }],
    ['an unreadable time', { a1: 'yesterday' }],
  ])('is null with %s', (_name, ticks) => {
    expect(changeElapsed(estimate, ticks)).toBeNull();
  });

  it('times a phase under way from the first tick less its step, and projects the rest as planned', () => {
    // a1 ticked at 22:15 after a planned 10 min: the change began at 22:05.
    const elapsed = changeElapsed(estimate, { a1: '2026-03-07T22:15:30.000Z' });
    expect(elapsed).toEqual({
      startedAt: '2026-03-07T22:15:30.000Z',
      phases: [
        {
          phaseId: 'a',
          title: 'Phase a',
          plannedMinutes: 30,
          elapsedMinutes: 10,
          status: 'under-way',
        },
        {
          phaseId: 'b',
          title: 'Phase b',
          plannedMinutes: 30,
          elapsedMinutes: null,
          status: 'to-do',
        },
      ],
      elapsedMinutes: 10,
      projectedMinutes: 60,
      behindMinutes: 0,
      endsAfterStartedAt: 50,
    });
  });

  it('says how far behind the plan a slow phase puts the end, across midnight', () => {
    // Start 23:50 (a1 at 00:00 less 10); a2 done at 00:45, 15 min late; b still to do.
    const elapsed = changeElapsed(estimate, {
      a1: '2026-03-08T00:00:00.000Z',
      a2: '2026-03-08T00:45:00.000Z',
    });
    expect(
      elapsed?.phases.map((entry) => [entry.phaseId, entry.elapsedMinutes, entry.status]),
    ).toEqual([
      ['a', 55, 'done'],
      ['b', null, 'to-do'],
    ]);
    expect(elapsed?.elapsedMinutes).toBe(55);
    expect(elapsed?.projectedMinutes).toBe(85);
    expect(elapsed?.behindMinutes).toBe(25);
  });

  it('times each phase from the end of the one before', () => {
    const elapsed = changeElapsed(estimate, {
      a1: '2026-03-07T22:10:00.000Z',
      a2: '2026-03-07T22:25:00.000Z',
      b1: '2026-03-07T23:05:00.000Z',
    });
    expect(elapsed?.phases.map((entry) => entry.elapsedMinutes)).toEqual([25, 40]);
    expect(elapsed?.projectedMinutes).toBe(65);
  });
});
