import { describe, expect, it } from 'vitest';
import {
  hasSameContent,
  keptDeletions,
  mergePlans,
  resolveConflict,
  type ConflictChoice,
  type PlanConflict,
} from '@/store/merge';

// Plans reduced to what the rule looks at: an id, a revision, and some content.
type Plan = { id: string; revision: number; name: string; updatedAt: string };

const now = '2026-09-02T00:00:00.000Z';
const earlier = '2026-09-01T00:00:00.000Z';

function plan(id: string, name: string, revision: number, updatedAt = earlier): Plan {
  return { id, revision, name, updatedAt };
}

/** A side of a row: plan id → its name and revision, as `name@revision`. */
type Side = Record<string, `${string}@${number}`>;

function plans(side: Side): Record<string, Plan> {
  return Object.fromEntries(
    Object.entries(side).map(([id, text]) => {
      const [name = '', revision = '0'] = text.split('@');
      return [id, plan(id, name, Number(revision))];
    }),
  );
}

function names(set: Readonly<Record<string, Plan>>): Side {
  return Object.fromEntries(
    Object.entries(set).map(([id, p]) => [id, `${p.name}@${p.revision}` as const]),
  );
}

type Row = {
  readonly local: Side;
  readonly base: Side;
  readonly stored: Side;
  readonly deleted?: Record<string, string>;
  readonly held?: readonly string[];
};

type Expected = {
  readonly local: Side;
  readonly stored: Side;
  readonly deleted: Record<string, string>;
  /** Conflicts as `id: mine / theirs`, each `name@revision` or `deleted`. */
  readonly conflicts: readonly string[];
  readonly deletedElsewhere: readonly string[];
};

function merge(row: Row) {
  return mergePlans({
    local: { plans: plans(row.local), order: Object.keys(row.local) },
    base: plans(row.base),
    stored: {
      plans: plans(row.stored),
      order: Object.keys(row.stored),
      deleted: row.deleted ?? {},
    },
    held: new Set(row.held ?? []),
    now,
  });
}

function describeConflict(conflict: PlanConflict<Plan>): string {
  const side = (p: Plan | null) => (p === null ? 'deleted' : `${p.name}@${p.revision}`);
  return `${conflict.id}: ${side(conflict.mine)} / ${side(conflict.theirs)}`;
}

const rows: readonly [string, Row, Expected][] = [
  [
    'nothing anywhere',
    { local: {}, base: {}, stored: {} },
    { local: {}, stored: {}, deleted: {}, conflicts: [], deletedElsewhere: [] },
  ],
  [
    'unchanged on both sides',
    { local: { a: 'A@1' }, base: { a: 'A@1' }, stored: { a: 'A@1' } },
    { local: { a: 'A@1' }, stored: { a: 'A@1' }, deleted: {}, conflicts: [], deletedElsewhere: [] },
  ],
  [
    'created here',
    { local: { a: 'A@1' }, base: {}, stored: {} },
    { local: { a: 'A@1' }, stored: { a: 'A@1' }, deleted: {}, conflicts: [], deletedElsewhere: [] },
  ],
  [
    'created in another tab',
    { local: {}, base: {}, stored: { b: 'B@1' } },
    { local: { b: 'B@1' }, stored: { b: 'B@1' }, deleted: {}, conflicts: [], deletedElsewhere: [] },
  ],
  [
    'created on both sides, different plans',
    { local: { a: 'A@1' }, base: {}, stored: { b: 'B@1' } },
    {
      local: { a: 'A@1', b: 'B@1' },
      stored: { a: 'A@1', b: 'B@1' },
      deleted: {},
      conflicts: [],
      deletedElsewhere: [],
    },
  ],
  [
    'changed here only',
    { local: { a: 'A2@2' }, base: { a: 'A@1' }, stored: { a: 'A@1' } },
    {
      local: { a: 'A2@2' },
      stored: { a: 'A2@2' },
      deleted: {},
      conflicts: [],
      deletedElsewhere: [],
    },
  ],
  [
    'changed in another tab only',
    { local: { a: 'A@1' }, base: { a: 'A@1' }, stored: { a: 'B@2' } },
    { local: { a: 'B@2' }, stored: { a: 'B@2' }, deleted: {}, conflicts: [], deletedElsewhere: [] },
  ],
  [
    'changed on both sides to the same content',
    { local: { a: 'Same@2' }, base: { a: 'A@1' }, stored: { a: 'Same@3' } },
    {
      local: { a: 'Same@3' },
      stored: { a: 'Same@3' },
      deleted: {},
      conflicts: [],
      deletedElsewhere: [],
    },
  ],
  [
    'changed on both sides differently, with the same revision',
    { local: { a: 'Mine@2' }, base: { a: 'A@1' }, stored: { a: 'Theirs@2' } },
    {
      local: { a: 'Mine@2' },
      stored: { a: 'Theirs@2' },
      deleted: {},
      conflicts: ['a: Mine@2 / Theirs@2'],
      deletedElsewhere: [],
    },
  ],
  [
    'changed on both sides differently, one of two plans',
    {
      local: { a: 'Mine@5', b: 'B@1' },
      base: { a: 'A@1', b: 'B@1' },
      stored: { a: 'Theirs@2', b: 'B@1' },
    },
    {
      local: { a: 'Mine@5', b: 'B@1' },
      stored: { a: 'Theirs@2', b: 'B@1' },
      deleted: {},
      conflicts: ['a: Mine@5 / Theirs@2'],
      deletedElsewhere: [],
    },
  ],
  [
    'deleted here',
    { local: {}, base: { a: 'A@1' }, stored: { a: 'A@1' } },
    { local: {}, stored: {}, deleted: { a: now }, conflicts: [], deletedElsewhere: [] },
  ],
  [
    'deleted in another tab',
    { local: { a: 'A@1' }, base: { a: 'A@1' }, stored: {}, deleted: { a: earlier } },
    { local: {}, stored: {}, deleted: { a: earlier }, conflicts: [], deletedElsewhere: ['a'] },
  ],
  [
    'deleted in another tab while changed here',
    { local: { a: 'Mine@2' }, base: { a: 'A@1' }, stored: {}, deleted: { a: earlier } },
    {
      local: { a: 'Mine@2' },
      stored: {},
      deleted: { a: earlier },
      conflicts: ['a: Mine@2 / deleted'],
      deletedElsewhere: [],
    },
  ],
  [
    'deleted here while changed in another tab',
    { local: {}, base: { a: 'A@1' }, stored: { a: 'Theirs@2' } },
    {
      local: {},
      stored: { a: 'Theirs@2' },
      deleted: {},
      conflicts: ['a: deleted / Theirs@2'],
      deletedElsewhere: [],
    },
  ],
  [
    'deleted on both sides',
    { local: {}, base: { a: 'A@1' }, stored: {}, deleted: { a: earlier } },
    { local: {}, stored: {}, deleted: { a: earlier }, conflicts: [], deletedElsewhere: [] },
  ],
  [
    'missing from storage with no deletion recorded (an older build wrote it)',
    { local: { a: 'A@1' }, base: { a: 'A@1' }, stored: {} },
    { local: { a: 'A@1' }, stored: { a: 'A@1' }, deleted: {}, conflicts: [], deletedElsewhere: [] },
  ],
  [
    'changed here, missing from storage with no deletion recorded',
    { local: { a: 'Mine@2' }, base: { a: 'A@1' }, stored: {} },
    {
      local: { a: 'Mine@2' },
      stored: { a: 'Mine@2' },
      deleted: {},
      conflicts: [],
      deletedElsewhere: [],
    },
  ],
  [
    'a deletion nobody here knew of stays recorded',
    { local: {}, base: {}, stored: {}, deleted: { z: earlier } },
    { local: {}, stored: {}, deleted: { z: earlier }, conflicts: [], deletedElsewhere: [] },
  ],
  [
    'a plan waiting for a choice stays on both sides, with the newest of the other tab',
    { local: { a: 'Mine@2' }, base: { a: 'A@1' }, stored: { a: 'Theirs@3' }, held: ['a'] },
    {
      local: { a: 'Mine@2' },
      stored: { a: 'Theirs@3' },
      deleted: {},
      conflicts: ['a: Mine@2 / Theirs@3'],
      deletedElsewhere: [],
    },
  ],
];

describe('mergePlans', () => {
  it.each(rows)('%s', (_name, row, expected) => {
    const result = merge(row);
    expect({
      local: names(result.local.plans),
      stored: names(result.stored.plans),
      deleted: result.stored.deleted,
      conflicts: result.conflicts.map(describeConflict),
      deletedElsewhere: result.deletedElsewhere,
    }).toEqual(expected);
  });

  it('ignores when a plan was saved: the same change made twice is no conflict', () => {
    const mine = { ...plan('a', 'Same', 2), updatedAt: now };
    expect(hasSameContent(mine, plan('a', 'Same', 7))).toBe(true);
    expect(hasSameContent(mine, plan('a', 'Other', 2))).toBe(false);
    expect(hasSameContent(mine, null)).toBe(false);
  });

  it.each([
    ['a plan created here goes first', ['new', 'a', 'b'], ['a', 'b'], ['new', 'a', 'b']],
    ['a plan created there goes first', ['a', 'b'], ['new', 'a', 'b'], ['new', 'a', 'b']],
    ['plans created on both sides', ['mine', 'a'], ['theirs', 'a'], ['mine', 'theirs', 'a']],
  ])('orders plans: %s', (_name, localOrder, storedOrder, expected) => {
    const set = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, plan(id, id, 1)]));
    const result = mergePlans({
      local: { plans: set(localOrder), order: localOrder },
      base: set(localOrder.filter((id) => storedOrder.includes(id))),
      stored: { plans: set(storedOrder), order: storedOrder, deleted: {} },
      held: new Set(),
      now,
    });
    expect(result.local.order).toEqual(expected);
    expect(result.stored.order).toEqual(expected);
  });

  it('lands both tabs on the same record, so neither writes again', () => {
    const set = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, plan(id, id, 1)]));
    // Tab one wrote first; tab two merges its new plan in and writes; tab one reads that back.
    const second = mergePlans({
      local: { plans: set(['two', 'a']), order: ['two', 'a'] },
      base: set(['a']),
      stored: { plans: set(['one', 'a']), order: ['one', 'a'], deleted: {} },
      held: new Set(),
      now,
    });
    const first = mergePlans({
      local: { plans: set(['one', 'a']), order: ['one', 'a'] },
      base: set(['one', 'a']),
      stored: second.stored,
      held: new Set(),
      now,
    });
    expect(second.stored.order).toEqual(['two', 'one', 'a']);
    expect(first.stored).toEqual(second.stored);
  });

  it(`keeps the newest ${keptDeletions} deletions`, () => {
    const deleted = Object.fromEntries(
      Array.from({ length: keptDeletions + 1 }, (_, n) => [
        `p${n}`,
        `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}.${String(n).padStart(3, '0')}Z`,
      ]),
    );
    const result = mergePlans({
      local: { plans: {}, order: [] },
      base: {},
      stored: { plans: {}, order: [], deleted },
      held: new Set(),
      now,
    });
    expect(Object.keys(result.stored.deleted)).toHaveLength(200);
    expect(result.stored.deleted).not.toHaveProperty('p0');
    expect(result.stored.deleted).toHaveProperty('p200');
  });
});

describe('resolveConflict', () => {
  const copyOf = (p: Plan): Plan => ({ ...p, id: 'copy', name: `${p.name} (copy)`, revision: 1 });
  const both: PlanConflict<Plan> = {
    id: 'a',
    mine: plan('a', 'Mine', 4),
    theirs: plan('a', 'Theirs', 6),
  };
  const deletedThere: PlanConflict<Plan> = { id: 'a', mine: plan('a', 'Mine', 4), theirs: null };
  const deletedHere: PlanConflict<Plan> = { id: 'a', mine: null, theirs: plan('a', 'Theirs', 6) };

  it.each([
    ['this tab’s copy', both, 'mine', 'Mine@7', null, 'Theirs@6'],
    ['the other tab’s copy', both, 'theirs', 'Theirs@6', null, 'Theirs@6'],
    ['both', both, 'both', 'Theirs@6', 'Mine (copy)@1', 'Theirs@6'],
    ['this tab’s copy of a plan deleted there', deletedThere, 'mine', 'Mine@5', null, null],
    ['the deletion made there', deletedThere, 'theirs', null, null, null],
    ['both, when one side deleted it: this tab’s copy', deletedThere, 'both', 'Mine@5', null, null],
    ['the deletion made here', deletedHere, 'mine', null, null, 'Theirs@6'],
    [
      'the other tab’s copy of a plan deleted here',
      deletedHere,
      'theirs',
      'Theirs@6',
      null,
      'Theirs@6',
    ],
  ] as const)(
    'keeps %s',
    (_name, conflict, choice: ConflictChoice, expectedPlan, expectedCopy, expectedBase) => {
      const outcome = resolveConflict(conflict, choice, copyOf);
      const text = (p: Plan | null) => (p === null ? null : `${p.name}@${p.revision}`);
      expect([text(outcome.plan), text(outcome.copy), text(outcome.base)]).toEqual([
        expectedPlan,
        expectedCopy,
        expectedBase,
      ]);
    },
  );
});
