import { beforeEach, describe, expect, it } from 'vitest';
import { loadFromStorage, useWizardStore } from '@/store/wizard-store';
import { schemaVersion, storageKey } from '@/store/persistence';
import { defaultAnswers, planForDraft, stepFingerprint, type DraftAnswers } from '@/rules';

const t1 = '2026-09-01T10:00:00.000Z';
const t2 = '2026-09-01T11:00:00.000Z';
const t3 = '2026-09-01T12:00:00.000Z';

const debian: DraftAnswers = {
  ...defaultAnswers,
  install: 'deb',
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0', to: '' },
};

function store() {
  return useWizardStore.getState();
}

function openPlan() {
  const { plans, activePlanId } = store();
  const plan = plans[activePlanId ?? ''];
  if (plan === undefined) throw new Error('no plan is open');
  return plan;
}

function fingerprintOf(answers: DraftAnswers, stepId: string): string {
  const result = planForDraft(answers);
  if (!result.ok) throw new Error('the answers should make a plan');
  const step = result.plan.phases.flatMap((phase) => phase.steps).find((s) => s.id === stepId);
  if (step === undefined) throw new Error(`no step ${stepId}`);
  return stepFingerprint(step);
}

function reloadFrom(raw: string): void {
  localStorage.clear();
  sessionStorage.clear();
  useWizardStore.setState({ plans: {}, order: [], activePlanId: null });
  localStorage.setItem(storageKey, raw);
  loadFromStorage();
}

beforeEach(() => {
  localStorage.clear();
  useWizardStore.setState({ plans: {}, order: [], activePlanId: null, notice: null });
});

describe('migrating saved plans to step records', () => {
  const v2 = {
    version: 2,
    state: {
      activePlanId: 'a',
      order: ['a'],
      plans: {
        a: {
          id: 'a',
          name: 'Old plan',
          answers: debian,
          progress: { 'backup-redis': t1, 'upgrade-gateway': t1, 'check:communicate': t1 },
          createdAt: t1,
          updatedAt: t1,
          revision: 4,
        },
      },
    },
  };

  it('keeps every tick of a version 2 plan and gives it empty step records', () => {
    reloadFrom(JSON.stringify(v2));
    expect(store().notice).toBeNull();
    expect(openPlan().progress).toEqual({
      'backup-redis': t1,
      'upgrade-gateway': t1,
      'check:communicate': t1,
    });
    expect(openPlan().steps).toEqual({});
    const raw = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as unknown;
    expect(raw).toMatchObject({ version: schemaVersion, state: { plans: { a: { steps: {} } } } });
    expect(schemaVersion).toBe(3);
  });

  it('trusts the old ticks the first time the plan is checked, and fingerprints them', () => {
    reloadFrom(JSON.stringify(v2));
    store().checkOpenPlanTicks(t2);
    expect(Object.keys(openPlan().progress).sort()).toEqual([
      'backup-redis',
      'check:communicate',
      'upgrade-gateway',
    ]);
    expect(openPlan().steps).toEqual({
      'backup-redis': { tickedFor: fingerprintOf(debian, 'backup-redis') },
      'upgrade-gateway': { tickedFor: fingerprintOf(debian, 'upgrade-gateway') },
    });
  });

  it('migrates version 1 through version 2 to step records', () => {
    const v1 = {
      version: 1,
      state: {
        activePlanId: 'a',
        plans: [
          {
            id: 'a',
            name: 'Oldest',
            answers: debian,
            progress: ['backup-redis'],
            createdAt: t1,
            updatedAt: t2,
          },
        ],
      },
    };
    reloadFrom(JSON.stringify(v1));
    expect(openPlan().progress).toEqual({ 'backup-redis': t2 });
    expect(openPlan().steps).toEqual({});
  });

  it('drops a step record it cannot read, never the plan', () => {
    const v3 = {
      version: 3,
      state: {
        activePlanId: 'a',
        plans: {
          a: {
            ...v2.state.plans.a,
            steps: {
              'backup-redis': { skipped: { at: t1, reason: 'done by the DBA' } },
              'upgrade-gateway': 'not a record',
              'upgrade-pump': { failed: { at: 7, note: ['x'] } },
            },
            cover: { ticket: 'CHG-1', environment: 42 },
          },
        },
      },
    };
    reloadFrom(JSON.stringify(v3));
    expect(openPlan().steps).toEqual({
      'backup-redis': { skipped: { at: t1, reason: 'done by the DBA' } },
    });
    expect(openPlan().cover).toEqual({
      ticket: 'CHG-1',
      environment: '',
      windowStart: '',
      windowEnd: '',
      operator: '',
      approver: '',
    });
  });
});

describe('ticks that change with the answers', () => {
  it('resets exactly the ticks whose step changed, remembering when they were ticked', () => {
    store().createPlan(debian, t1);
    for (const id of ['backup-redis', 'linux-target-available', 'upgrade-gateway', 'backup-folder'])
      store().setProgress(id, true, t1, fingerprintOf(debian, id));
    const newer = { ...debian, gateway: { from: '5.2.5', to: '5.3.13' } };
    store().updateAnswers({ gateway: newer.gateway }, t2);
    store().checkOpenPlanTicks(t3);
    expect(Object.keys(openPlan().progress).sort()).toEqual(['backup-folder', 'backup-redis']);
    expect(openPlan().steps['linux-target-available']).toEqual({
      reset: { at: t3, tickedAt: t1 },
    });
    expect(openPlan().steps['upgrade-gateway']).toEqual({ reset: { at: t3, tickedAt: t1 } });
    expect(openPlan().steps['backup-redis']).toEqual({
      tickedFor: fingerprintOf(debian, 'backup-redis'),
    });
  });

  it('changes nothing, not even the revision, when every tick still holds', () => {
    store().createPlan(debian, t1);
    store().setProgress('backup-redis', true, t1, fingerprintOf(debian, 'backup-redis'));
    const before = openPlan();
    store().checkOpenPlanTicks(t2);
    expect(openPlan()).toBe(before);
  });

  it('clears the reset mark when the step is ticked again', () => {
    store().createPlan(debian, t1);
    store().setProgress('upgrade-gateway', true, t1, 'an-old-fingerprint');
    store().checkOpenPlanTicks(t2);
    expect(openPlan().steps['upgrade-gateway']).toEqual({ reset: { at: t2, tickedAt: t1 } });
    store().setProgress('upgrade-gateway', true, t3, fingerprintOf(debian, 'upgrade-gateway'));
    expect(openPlan().steps['upgrade-gateway']).toEqual({
      tickedFor: fingerprintOf(debian, 'upgrade-gateway'),
    });
  });
});

describe('skips, failures, notes and used rollbacks', () => {
  it('records a skip with its reason and time, taking the tick away', () => {
    store().createPlan(debian, t1);
    store().setProgress('backup-redis', true, t1, 'f');
    store().recordStep(
      'backup-redis',
      { kind: 'skipped', text: '  Redis is managed by the cloud  ' },
      t2,
    );
    expect(openPlan().progress).toEqual({});
    expect(openPlan().steps['backup-redis']).toEqual({
      skipped: { at: t2, reason: 'Redis is managed by the cloud' },
    });
  });

  it('records a failure, which replaces a skip, and an empty text takes it away', () => {
    store().createPlan(debian, t1);
    store().recordStep('upgrade-gateway', { kind: 'skipped', text: 'later' }, t1);
    store().recordStep('upgrade-gateway', { kind: 'failed', text: 'rolled back: 502s' }, t2);
    expect(openPlan().steps['upgrade-gateway']).toEqual({
      failed: { at: t2, note: 'rolled back: 502s' },
    });
    store().recordStep('upgrade-gateway', { kind: 'failed', text: '' }, t3);
    expect(openPlan().steps['upgrade-gateway']).toBeUndefined();
  });

  it('keeps a free note next to the tick, and a tick clears a failure but not the note', () => {
    store().createPlan(debian, t1);
    store().recordStep('upgrade-gateway', { kind: 'failed', text: 'timed out' }, t1);
    store().recordStep('upgrade-gateway', { kind: 'note', text: 'Paged the DBA' }, t2);
    store().setProgress('upgrade-gateway', true, t3, 'f');
    expect(openPlan().progress).toEqual({ 'upgrade-gateway': t3 });
    expect(openPlan().steps['upgrade-gateway']).toEqual({
      note: { at: t2, text: 'Paged the DBA' },
      tickedFor: 'f',
    });
  });

  it('marks a rollback step as used and not used, apart from the ticks', () => {
    store().createPlan(debian, t1);
    store().recordStep('rollback-order', { kind: 'used', isUsed: true }, t2);
    expect(openPlan().progress).toEqual({});
    expect(openPlan().steps['rollback-order']).toEqual({ usedAt: t2 });
    store().recordStep('rollback-order', { kind: 'used', isUsed: false }, t3);
    expect(openPlan().steps).toEqual({});
  });
});

describe('the cover of the change record', () => {
  it('stores the fields with the plan and ignores a save that changes nothing', () => {
    store().createPlan(debian, t1);
    const cover = {
      ticket: 'CHG-1042',
      environment: 'Production EU',
      windowStart: '2026-09-05T21:00',
      windowEnd: '2026-09-05T23:00',
      operator: 'Ana',
      approver: 'Ben',
    };
    store().setCover(cover, t2);
    expect(openPlan().cover).toEqual(cover);
    const revision = openPlan().revision;
    store().setCover({ ...cover }, t3);
    expect(openPlan().revision).toBe(revision);
  });
});
