import { describe, expect, it } from 'vitest';
import { defaultAnswers, type DraftAnswers, type StepRecord } from '@/rules';
import type { SavedPlan } from '@/store/persistence';
import { rowFor } from '@/store/plan-rows';

const at = '2026-09-01T10:00:00.000Z';

// Gateway, Dashboard and Pump on Debian: Prepare (6 steps), Back up (8), Upgrade (3), Verify (5),
// the rollbacks (5) and After the upgrade (4).
const debianAnswers: DraftAnswers = {
  ...defaultAnswers,
  install: 'deb',
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0', to: '' },
};

const prepareIds = [
  'record-current-versions',
  'strategy-prerequisites',
  'linux-target-available',
  'linux-local-packages',
  'read-release-notes',
  'announce-upgrade',
];

function savedPlan(
  answers: DraftAnswers,
  ticked: readonly string[],
  steps: Record<string, StepRecord> = {},
): SavedPlan {
  return {
    id: 'plan-1',
    name: 'Production',
    isNameCustom: true,
    answers,
    progress: Object.fromEntries(ticked.map((id) => [id, at])),
    steps,
    createdAt: at,
    updatedAt: at,
    revision: 1,
  };
}

describe('rowFor', () => {
  // [name, ticked step ids, records, expected progress, expected resume path]
  const cases: readonly [
    string,
    readonly string[],
    Record<string, StepRecord>,
    { done: number; total: number },
    string,
  ][] = [
    [
      'nothing ticked: at the first step',
      [],
      {},
      { done: 0, total: 26 },
      '/wizard/plan?step=record-current-versions',
    ],
    [
      'the first phase ticked: at the first backup',
      prepareIds,
      {},
      { done: 6, total: 26 },
      '/wizard/plan?step=backup-folder',
    ],
    [
      'a skipped step is passed over',
      prepareIds,
      { 'backup-folder': { skipped: { at, reason: 'Kept elsewhere' } } },
      { done: 7, total: 26 },
      '/wizard/plan?step=backup-dashboard-config',
    ],
    [
      'a tick for an older version of the step does not count',
      prepareIds,
      { 'record-current-versions': { tickedFor: '0000000000000000' } },
      { done: 5, total: 26 },
      '/wizard/plan?step=record-current-versions',
    ],
  ];
  it.each(cases)('%s', (_name, ticked, records, progress, resumePath) => {
    const row = rowFor(savedPlan(debianAnswers, ticked, records));
    expect(row.progress).toEqual(progress);
    expect(row.resumePath).toBe(resumePath);
  });

  it('opens the plan itself once every step of the change is done, rollbacks untouched', () => {
    const row = rowFor(savedPlan(debianAnswers, []));
    const all = rowFor(
      savedPlan(
        debianAnswers,
        // Every step but the rollbacks, by the ids the plan page shows.
        [
          ...prepareIds,
          'backup-folder',
          'backup-dashboard-config',
          'backup-gateway-config',
          'backup-pump-config',
          'backup-database',
          'backup-redis',
          'backup-apis-policies',
          'backup-test-restore',
          'upgrade-dashboard',
          'upgrade-gateway',
          'upgrade-pump',
          'verify-versions',
          'verify-api-calls',
          'verify-dashboard',
          'verify-analytics',
          'rolling-rebalance',
          'after-monitor',
          'after-update-records',
          'after-keep-backups',
          'announce-complete',
        ],
      ),
    );
    expect(row.progress).toEqual({ done: 0, total: 26 });
    expect(all.progress).toEqual({ done: 26, total: 26 });
    expect(all.resumePath).toBe('/wizard/plan');
  });

  it('opens the first wizard page that needs an answer while the answers make no plan', () => {
    const row = rowFor(savedPlan({ ...defaultAnswers, install: 'deb' }, []));
    expect(row.progress).toBeNull();
    expect(row.resumePath).toBe('/wizard/versions');
  });
});
