import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useWizardStore } from '@/store/wizard-store';
import {
  droppedPlansNotice,
  schemaVersion,
  storageKey,
  unreadableNotice,
  type SavedPlan,
} from '@/store/persistence';
import { defaultAnswers, fitAnswersToModel, toPlanInput, type DraftAnswers } from '@/rules';

const t1 = '2026-09-01T10:00:00.000Z';
const t2 = '2026-09-01T11:00:00.000Z';

function store() {
  return useWizardStore.getState();
}

function stored(): unknown {
  const raw = localStorage.getItem(storageKey);
  return raw === null ? null : JSON.parse(raw);
}

async function reloadFrom(raw: string | null): Promise<void> {
  if (raw === null) localStorage.removeItem(storageKey);
  else localStorage.setItem(storageKey, raw);
  await useWizardStore.persist.rehydrate();
}

function goodPlan(id: string, overrides: Partial<SavedPlan> = {}): SavedPlan {
  return {
    id,
    name: `Plan ${id}`,
    answers: { ...defaultAnswers, gateway: { from: '5.3.0', to: '5.8.2' } },
    progress: { 'backup-redis': t1 },
    createdAt: t1,
    updatedAt: t2,
    ...overrides,
  };
}

beforeEach(async () => {
  await reloadFrom(null);
});

describe('actions', () => {
  it('creates a plan from the defaults and makes it active', () => {
    const id = store().createPlan(undefined, t1);
    const plan = store().plans[id];
    expect(store().activePlanId).toBe(id);
    expect(store().order).toEqual([id]);
    expect(plan).toMatchObject({ id, name: 'Upgrade plan 1', createdAt: t1, updatedAt: t1 });
    expect(plan?.answers).toEqual(defaultAnswers);
    expect(plan?.answers).not.toBe(defaultAnswers);
  });

  it('gives every new plan a fresh name and id, newest first', () => {
    const first = store().createPlan(undefined, t1);
    const second = store().createPlan(undefined, t2);
    expect(first).not.toBe(second);
    expect(store().order).toEqual([second, first]);
    expect(store().plans[second]?.name).toBe('Upgrade plan 2');
  });

  it('updates the answers of the active plan without touching the defaults', () => {
    const id = store().createPlan(undefined, t1);
    store().updateAnswers({ gateway: { from: 'v5.3.0', to: '' }, components: ['gateway'] }, t2);
    const plan = store().plans[id];
    expect(plan?.answers.gateway).toEqual({ from: 'v5.3.0', to: '' });
    expect(plan?.answers.components).toEqual(['gateway']);
    expect(plan?.updatedAt).toBe(t2);
    expect(defaultAnswers.components).toEqual(['dashboard', 'gateway', 'pump']);
  });

  it('ignores answers when no plan is active', () => {
    store().updateAnswers({ model: 'oss' });
    expect(store().plans).toEqual({});
  });

  it('ticks and unticks progress with the time given', () => {
    const id = store().createPlan(undefined, t1);
    store().setProgress('backup-redis', true, t2);
    store().setProgress('check:licence', true, t2);
    expect(store().plans[id]?.progress).toEqual({ 'backup-redis': t2, 'check:licence': t2 });
    store().setProgress('backup-redis', false, t2);
    expect(store().plans[id]?.progress).toEqual({ 'check:licence': t2 });
  });

  it('renames, ignoring blank names', () => {
    const id = store().createPlan(undefined, t1);
    store().renamePlan(id, '  Production EU  ', t2);
    expect(store().plans[id]?.name).toBe('Production EU');
    store().renamePlan(id, '   ', t2);
    expect(store().plans[id]?.name).toBe('Production EU');
  });

  it('duplicates the answers but not the progress', () => {
    const id = store().createPlan(undefined, t1);
    store().updateAnswers({ model: 'oss', components: ['gateway'] }, t1);
    store().setProgress('backup-redis', true, t1);
    const copyId = store().duplicatePlan(id, t2);
    const copy = store().plans[copyId];
    expect(copy?.name).toBe('Upgrade plan 1 (copy)');
    expect(copy?.answers).toEqual(store().plans[id]?.answers);
    expect(copy?.answers.components).not.toBe(store().plans[id]?.answers.components);
    expect(copy?.progress).toEqual({});
    expect(store().order).toEqual([copyId, id]);
    expect(store().activePlanId).toBe(id);
  });

  it('deletes a plan and forgets it as the active one', () => {
    const first = store().createPlan(undefined, t1);
    const second = store().createPlan(undefined, t1);
    store().deletePlan(second);
    expect(Object.keys(store().plans)).toEqual([first]);
    expect(store().order).toEqual([first]);
    expect(store().activePlanId).toBeNull();
    store().setActivePlan(first);
    expect(store().activePlanId).toBe(first);
    store().setActivePlan('no-such-plan');
    expect(store().activePlanId).toBe(first);
  });
});

describe('fitAnswersToModel', () => {
  it('keeps required components and drops those the model lacks', () => {
    const fitted = fitAnswersToModel(defaultAnswers, 'oss');
    expect(fitted.components).toEqual(['gateway', 'pump']);
    expect(fitted.install).toBe('docker-compose');
  });

  it('clears the installation for Tyk Cloud and restores a default afterwards', () => {
    const cloud = fitAnswersToModel(defaultAnswers, 'cloud');
    expect(cloud.install).toBeNull();
    expect(cloud.components).toEqual(['gateway', 'dashboard']);
    const back = fitAnswersToModel(cloud, 'self-managed');
    expect(back.install).toBe('docker-compose');
    expect(back.components).toEqual(['gateway', 'dashboard', 'pump']);
  });

  it('adds MDCB and a data plane for the MDCB model', () => {
    const mdcb = fitAnswersToModel({ ...defaultAnswers, dataPlanes: [] }, 'self-managed-mdcb');
    expect(mdcb.components).toEqual(['gateway', 'dashboard', 'pump', 'mdcb']);
    expect(mdcb.dataPlanes.map((plane) => plane.name)).toEqual(['data-plane-1']);
  });
});

describe('toPlanInput', () => {
  const answers: DraftAnswers = {
    ...defaultAnswers,
    gateway: { from: 'v5.3.0 ', to: '' },
    pump: { from: '1.8.0', to: '1.12.0' },
    mdcb: { from: '2.4.0', to: '' },
    names: { composeDir: '/srv/tyk', namespace: 'tyk-prod', gatewayPort: '8443', gatewayName: '' },
  };

  it('leaves out what the model does not use and blank values', () => {
    expect(toPlanInput(answers)).toEqual({
      model: 'self-managed',
      install: 'docker-compose',
      components: ['dashboard', 'gateway', 'pump'],
      usesGoPlugins: false,
      database: 'mongodb',
      gateway: { from: 'v5.3.0 ' },
      pump: { from: '1.8.0', to: '1.12.0' },
      strategy: 'rolling',
      names: { composeDir: '/srv/tyk', gatewayPort: '8443' },
    });
  });

  it('has no installation or database for Tyk Cloud', () => {
    const input = toPlanInput({ ...fitAnswersToModel(answers, 'cloud') });
    expect(input).not.toHaveProperty('install');
    expect(input).not.toHaveProperty('database');
  });

  it('passes data planes with only the names the installation uses', () => {
    const planes = [{ name: 'eu', namespace: 'tyk-eu', release: 'dp-eu', gatewayHost: '' }];
    const mdcb = { ...fitAnswersToModel(answers, 'self-managed-mdcb'), dataPlanes: planes };
    expect(toPlanInput(mdcb)).toMatchObject({
      dataPlanes: [{ name: 'eu' }],
      mdcb: { from: '2.4.0' },
    });
    expect(toPlanInput({ ...mdcb, install: 'helm' })).toMatchObject({
      dataPlanes: [{ name: 'eu', namespace: 'tyk-eu', release: 'dp-eu' }],
    });
  });

  it.each([
    ['90', 90],
    [' 45 ', 45],
    ['1.5', 1.5],
    ['', ''],
    ['soon', 'soon'],
  ])('turns downtime minutes %j into %j', (typed, expected) => {
    const input = toPlanInput({ ...answers, strategy: 'downtime', downtimeMinutes: typed });
    expect(input).toMatchObject({ downtimeMinutes: expected });
  });
});

describe('persistence', () => {
  it('restores the saved plans when the app first loads the store', async () => {
    // A fresh module, as on a page load: the store must read what is already in localStorage.
    localStorage.setItem(
      storageKey,
      JSON.stringify({
        version: schemaVersion,
        state: { plans: { a: goodPlan('a') }, order: ['a'], activePlanId: 'a' },
      }),
    );
    vi.resetModules();
    const fresh = await import('@/store/wizard-store');
    expect(fresh.useWizardStore.getState().activePlanId).toBe('a');
    expect(fresh.useWizardStore.getState().plans['a']?.progress).toEqual({ 'backup-redis': t1 });
    expect(fresh.useWizardStore.getState().notice).toBeNull();
  });

  it('round-trips plans through localStorage', async () => {
    const id = store().createPlan(undefined, t1);
    store().updateAnswers({ gateway: { from: '5.3.0', to: '5.8.2' } }, t2);
    store().setProgress('backup-redis', true, t2);
    expect(stored()).toMatchObject({ version: schemaVersion, state: { activePlanId: id } });
    expect(stored()).not.toHaveProperty('state.notice');

    const saved = localStorage.getItem(storageKey);
    useWizardStore.setState({ plans: {}, order: [], activePlanId: null });
    await reloadFrom(saved);
    expect(store().activePlanId).toBe(id);
    expect(store().plans[id]?.answers.gateway).toEqual({ from: '5.3.0', to: '5.8.2' });
    expect(store().plans[id]?.progress).toEqual({ 'backup-redis': t2 });
    expect(store().notice).toBeNull();
  });

  it('starts empty and quiet on a first visit', async () => {
    await reloadFrom(null);
    expect(store().plans).toEqual({});
    expect(store().notice).toBeNull();
  });

  it('migrates version 1 (plans in a list, progress as ticked keys)', async () => {
    const v1 = {
      version: 1,
      state: {
        activePlanId: 'a',
        plans: [
          {
            id: 'a',
            name: 'Old plan',
            answers: { ...defaultAnswers, gateway: { from: '5.0.0', to: '' } },
            progress: ['backup-redis', 'check:licence'],
            createdAt: t1,
            updatedAt: t2,
          },
        ],
      },
    };
    await reloadFrom(JSON.stringify(v1));
    expect(store().notice).toBeNull();
    expect(store().activePlanId).toBe('a');
    expect(store().plans['a']?.progress).toEqual({ 'backup-redis': t2, 'check:licence': t2 });
    expect(stored()).toMatchObject({ version: schemaVersion, state: { order: ['a'] } });
  });

  it.each([
    ['corrupt JSON', '{"state": {"plans": {'],
    ['truncated JSON', JSON.stringify({ state: { plans: {} }, version: 2 }).slice(0, 20)],
    ['a foreign object', JSON.stringify({ theme: 'dark', user: 42 })],
    ['a foreign array', JSON.stringify([1, 2, 3])],
    ['plain text', 'hello'],
    ['null', 'null'],
    ['plans of the wrong type', JSON.stringify({ state: { plans: 'many' }, version: 2 })],
  ])('recovers from %s with a notice and writes clean data back', async (_name, raw) => {
    await reloadFrom(raw);
    expect(store().plans).toEqual({});
    expect(store().activePlanId).toBeNull();
    expect(store().notice).toBe(unreadableNotice);
    expect(stored()).toEqual({
      version: schemaVersion,
      state: { plans: {}, order: [], activePlanId: null },
    });
    store().dismissNotice();
    expect(store().notice).toBeNull();
  });

  it('keeps the good plans and drops those of the wrong shape', async () => {
    const plans = {
      good: goodPlan('good'),
      other: goodPlan('other', { answers: { ...defaultAnswers, model: 'oss' } }),
      noModel: { ...goodPlan('noModel'), answers: { ...defaultAnswers, model: 'mainframe' } },
      badComponents: {
        ...goodPlan('badComponents'),
        answers: { ...defaultAnswers, components: 'gateway' },
      },
      badProgress: { ...goodPlan('badProgress'), progress: { step: 3 } },
      badVersion: { ...goodPlan('badVersion'), answers: { ...defaultAnswers, gateway: 5 } },
      noId: { ...goodPlan(''), id: 7 },
      notAPlan: 'x',
    };
    const raw = JSON.stringify({
      version: schemaVersion,
      state: { plans, order: ['other', 'gone', 'good'], activePlanId: 'badProgress' },
    });
    await reloadFrom(raw);
    expect(Object.keys(store().plans).sort()).toEqual(['good', 'other']);
    expect(store().order).toEqual(['other', 'good']);
    expect(store().activePlanId).toBeNull();
    expect(store().plans['good']).toEqual(goodPlan('good'));
    expect(store().notice).toBe(droppedPlansNotice(6, 2));
    expect(store().notice).toMatch(/6 saved plans could not be read.*other plans are kept/);
    expect(stored()).toMatchObject({ state: { order: ['other', 'good'] } });
  });

  it('fills in fields a plan was saved without', async () => {
    const sparse = { id: 'sparse', answers: { model: 'oss' } };
    await reloadFrom(JSON.stringify({ version: schemaVersion, state: { plans: { sparse } } }));
    expect(store().notice).toBeNull();
    expect(store().plans['sparse']).toMatchObject({
      name: 'Upgrade plan',
      answers: { model: 'oss', components: ['gateway'], install: 'docker-compose' },
      progress: {},
    });
  });

  it('reads a plan from a newer version when its shape is known', async () => {
    const raw = JSON.stringify({ version: 99, state: { plans: { good: goodPlan('good') } } });
    await reloadFrom(raw);
    expect(store().plans['good']).toEqual(goodPlan('good'));
    expect(store().notice).toBeNull();
  });

  it('round-trips the findings of a plan and drops only findings it cannot read', async () => {
    const finding = {
      id: 'hash-keys-mismatch',
      severity: 'critical',
      title: 'Gateway and Dashboard hash keys differently',
      detail: 'Make hash_keys the same everywhere.',
      source: 'config-risks.md §2',
      evidence: [{ value: 'hash_keys true', file: 'tyk.conf', where: 'key hash_keys' }],
    } as const;
    const id = store().createPlan(undefined, t1);
    store().setFindings({ target: '5.8.0', findings: [finding] }, t2);
    const saved = localStorage.getItem(storageKey);
    useWizardStore.setState({ plans: {}, order: [], activePlanId: null });
    await reloadFrom(saved);
    expect(store().plans[id]?.findings).toEqual({ target: '5.8.0', findings: [finding] });

    const plans = {
      good: goodPlan('good'),
      badFindings: {
        ...goodPlan('badFindings'),
        findings: { target: '5.8.0', findings: [{ id: 3 }] },
      },
    };
    await reloadFrom(JSON.stringify({ version: schemaVersion, state: { plans } }));
    expect(Object.keys(store().plans).sort()).toEqual(['badFindings', 'good']);
    expect(store().plans['badFindings']).toEqual(goodPlan('badFindings'));
    expect(store().notice).toBeNull();

    store().setActivePlan('good');
    store().setFindings({ target: '', findings: [finding] }, t2);
    store().setFindings(null, t2);
    expect(store().plans['good']).toEqual(goodPlan('good'));
  });
});
