import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readPlanIndex } from '@/store/plan-index';
import { loadFromStorage, useWizardStore } from '@/store/wizard-store';
import {
  droppedPlansNotice,
  keptAsidePrefix,
  newerVersionNotice,
  schemaVersion,
  storageKey,
  unreadableNotice,
  type SavedPlan,
} from '@/store/persistence';
import {
  defaultAnswers,
  draftDataPlane,
  fitAnswersToModel,
  toPlanInput,
  type DraftAnswers,
} from '@/rules';

const t1 = '2026-09-01T10:00:00.000Z';
const t2 = '2026-09-01T11:00:00.000Z';

function store() {
  return useWizardStore.getState();
}

function stored(): unknown {
  const raw = localStorage.getItem(storageKey);
  return raw === null ? null : JSON.parse(raw);
}

/** Puts `raw` in storage and reads it as on a page load. */
function reloadFrom(raw: string | null): void {
  localStorage.clear();
  sessionStorage.clear();
  useWizardStore.setState({ plans: {}, order: [], activePlanId: null });
  if (raw !== null) localStorage.setItem(storageKey, raw);
  loadFromStorage();
}

/** The texts kept aside, in the order they were kept. */
function keptAsideTexts(): string[] {
  return Object.keys(localStorage)
    .filter((key) => key.startsWith(keptAsidePrefix))
    .sort()
    .map((key) => localStorage.getItem(key) ?? '');
}

function goodPlan(id: string, overrides: Partial<SavedPlan> = {}): SavedPlan {
  return {
    id,
    name: `Plan ${id}`,
    isNameCustom: true,
    answers: { ...defaultAnswers, gateway: { from: '5.3.0', to: '5.8.2' } },
    progress: { 'backup-redis': t1 },
    steps: {},
    createdAt: t1,
    updatedAt: t2,
    revision: 3,
    ...overrides,
  };
}

beforeEach(() => {
  reloadFrom(null);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('actions', () => {
  it('creates a plan from the defaults and makes it active', () => {
    const id = store().createPlan(undefined, t1);
    const plan = store().plans[id];
    expect(store().activePlanId).toBe(id);
    expect(store().order).toEqual([id]);
    expect(plan).toMatchObject({
      id,
      name: 'Docker Compose',
      isNameCustom: false,
      createdAt: t1,
      updatedAt: t1,
    });
    expect(plan?.answers).toEqual(defaultAnswers);
    expect(plan?.answers).not.toBe(defaultAnswers);
  });

  it('gives every new plan a fresh name and id, newest first', () => {
    const first = store().createPlan(undefined, t1);
    const second = store().createPlan(undefined, t2);
    expect(first).not.toBe(second);
    expect(store().order).toEqual([second, first]);
    expect(store().plans[second]?.name).toBe('Docker Compose (2)');
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
    expect(copy?.name).toBe('Docker Compose (copy)');
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

describe('plan names', () => {
  const helm: Partial<DraftAnswers> = {
    install: 'helm',
    names: { helmRelease: 'tyk-prod' },
    gateway: { from: '5.3.0', to: '5.8.2' },
  };

  it('names a new plan after its deployment and follows the answers', () => {
    const id = store().createPlan({ ...defaultAnswers, ...helm }, t1);
    expect(store().plans[id]?.name).toBe('tyk-prod · Helm · Gateway 5.3.0 → 5.8.2');
    store().updateAnswers({ gateway: { from: '5.3.0', to: '5.9.0' } }, t2);
    expect(store().plans[id]).toMatchObject({
      name: 'tyk-prod · Helm · Gateway 5.3.0 → 5.9.0',
      isNameCustom: false,
      revision: 2,
    });
    store().updateAnswers({ install: 'deb' }, t2);
    expect(store().plans[id]?.name).toBe('Debian / Ubuntu packages · Gateway 5.3.0 → 5.9.0');
    // The saved plans' index lists the plan under the name it has now.
    expect(readPlanIndex(localStorage)?.map((row) => row.name)).toEqual([
      'Debian / Ubuntu packages · Gateway 5.3.0 → 5.9.0',
    ]);
  });

  it('keeps the name the user gave whatever the answers become', () => {
    const id = store().createPlan(undefined, t1);
    store().renamePlan(id, 'Production EU', t2);
    expect(store().plans[id]?.isNameCustom).toBe(true);
    store().updateAnswers(helm, t2);
    expect(store().plans[id]?.name).toBe('Production EU');
    const copyId = store().duplicatePlan(id, t2);
    store().setActivePlan(copyId);
    store().updateAnswers({ install: 'kubernetes' }, t2);
    expect(store().plans[copyId]?.name).toBe('Production EU (copy)');
  });

  it('numbers a name another plan has, and keeps the number while it is needed', () => {
    const first = store().createPlan({ ...defaultAnswers, ...helm }, t1);
    const second = store().createPlan({ ...defaultAnswers, ...helm }, t1);
    expect(store().plans[second]?.name).toBe('tyk-prod · Helm · Gateway 5.3.0 → 5.8.2 (2)');
    store().updateAnswers({ strategy: 'blue-green' }, t2);
    expect(store().plans[second]?.name).toBe('tyk-prod · Helm · Gateway 5.3.0 → 5.8.2 (2)');
    store().setActivePlan(first);
    store().updateAnswers({ names: { helmRelease: 'tyk-stage' } }, t2);
    expect(store().plans[first]?.name).toBe('tyk-stage · Helm · Gateway 5.3.0 → 5.8.2');
    // A copy of a plan named after its deployment follows its own answers once they change.
    const copyId = store().duplicatePlan(first, t2);
    expect(store().plans[copyId]?.name).toBe('tyk-stage · Helm · Gateway 5.3.0 → 5.8.2 (copy)');
    store().setActivePlan(copyId);
    store().updateAnswers({ strategy: 'blue-green' }, t2);
    expect(store().plans[copyId]?.name).toBe('tyk-stage · Helm · Gateway 5.3.0 → 5.8.2 (2)');
  });

  it('loads plans saved before the flag, and renames only those it had named itself', () => {
    const plans = {
      old: goodPlan('old', { name: 'Upgrade plan 3' }),
      mine: goodPlan('mine', { name: 'Production' }),
    };
    for (const plan of Object.values(plans)) delete (plan as Partial<SavedPlan>).isNameCustom;
    const raw = JSON.stringify({
      version: schemaVersion,
      state: { plans, order: ['old', 'mine'] },
    });
    reloadFrom(raw);
    expect(store().notice).toBeNull();
    expect(store().plans['old']).toMatchObject({ name: 'Upgrade plan 3', isNameCustom: false });
    expect(store().plans['mine']).toMatchObject({ name: 'Production', isNameCustom: true });
    // Loading renames nothing: storage keeps what it held until a plan changes.
    expect(localStorage.getItem(storageKey)).toBe(raw);

    for (const id of ['old', 'mine']) {
      store().setActivePlan(id);
      store().updateAnswers({ install: 'helm' }, t2);
    }
    expect(store().plans['old']?.name).toBe('Helm · Gateway 5.3.0 → 5.8.2');
    expect(store().plans['mine']?.name).toBe('Production');
    reloadFrom(localStorage.getItem(storageKey));
    expect(store().plans['old']?.isNameCustom).toBe(false);
    expect(store().plans['mine']?.isNameCustom).toBe(true);
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
    const planes = [draftDataPlane('eu', { namespace: 'tyk-eu', release: 'dp-eu' })];
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
    fresh.stopFollowingOtherTabs();
  });

  it('round-trips plans through localStorage', () => {
    const id = store().createPlan(undefined, t1);
    store().updateAnswers({ gateway: { from: '5.3.0', to: '5.8.2' } }, t2);
    store().setProgress('backup-redis', true, t2);
    expect(stored()).toMatchObject({ version: schemaVersion, state: { activePlanId: id } });
    expect(stored()).not.toHaveProperty('state.notice');

    const saved = localStorage.getItem(storageKey);
    reloadFrom(saved);
    expect(store().activePlanId).toBe(id);
    expect(store().plans[id]?.answers.gateway).toEqual({ from: '5.3.0', to: '5.8.2' });
    expect(store().plans[id]?.progress).toEqual({ 'backup-redis': t2 });
    expect(store().notice).toBeNull();
  });

  it('counts every change of a plan in its revision', () => {
    const id = store().createPlan(undefined, t1);
    expect(store().plans[id]?.revision).toBe(1);
    store().updateAnswers({ model: 'oss' }, t2);
    store().setProgress('backup-redis', true, t2);
    store().renamePlan(id, 'Edge', t2);
    expect(store().plans[id]?.revision).toBe(4);
    expect(stored()).toMatchObject({ state: { plans: { [id]: { revision: 4 } } } });
  });

  it('starts empty and quiet on a first visit', () => {
    reloadFrom(null);
    expect(store().plans).toEqual({});
    expect(store().notice).toBeNull();
    expect(localStorage.getItem(storageKey)).toBeNull();
  });

  it('migrates version 1 (plans in a list, progress as ticked keys)', () => {
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
    reloadFrom(JSON.stringify(v1));
    expect(store().notice).toBeNull();
    expect(store().activePlanId).toBe('a');
    expect(store().plans['a']?.progress).toEqual({ 'backup-redis': t2, 'check:licence': t2 });
    expect(store().plans['a']?.revision).toBe(0);
    expect(stored()).toMatchObject({ version: schemaVersion, state: { order: ['a'] } });
    expect(keptAsideTexts()).toEqual([]);
  });

  it.each([
    ['corrupt JSON', '{"state": {"plans": {'],
    ['truncated JSON', JSON.stringify({ state: { plans: {} }, version: 2 }).slice(0, 20)],
    ['a foreign object', JSON.stringify({ theme: 'dark', user: 42 })],
    ['a foreign array', JSON.stringify([1, 2, 3])],
    ['plain text', 'hello'],
    ['null', 'null'],
    ['plans of the wrong type', JSON.stringify({ state: { plans: 'many' }, version: 2 })],
    ['the version as a string', JSON.stringify({ state: { plans: {} }, version: '2' })],
  ])('keeps %s aside, says so, and starts afresh', (_name, raw) => {
    reloadFrom(raw);
    expect(store().plans).toEqual({});
    expect(store().activePlanId).toBeNull();
    expect(store().notice).toBe(unreadableNotice);
    expect(keptAsideTexts()).toEqual([raw]);
    expect(store().keptAside).toHaveLength(1);
    expect(stored()).toEqual({
      version: schemaVersion,
      state: { plans: {}, order: [], activePlanId: null, deleted: {} },
    });
    store().dismissNotice();
    expect(store().notice).toBeNull();
  });

  it('keeps the good plans, and the whole record aside when some cannot be read', () => {
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
    reloadFrom(raw);
    expect(Object.keys(store().plans).sort()).toEqual(['good', 'other']);
    expect(store().order).toEqual(['other', 'good']);
    expect(store().activePlanId).toBeNull();
    expect(store().plans['good']).toEqual(goodPlan('good'));
    expect(store().notice).toBe(droppedPlansNotice(6, 2));
    expect(store().notice).toMatch(/6 saved plans could not be read.*other plans are kept/);
    expect(keptAsideTexts()).toEqual([raw]);
    expect(stored()).toMatchObject({ state: { order: ['other', 'good'] } });
  });

  it('fills in fields a plan was saved without', () => {
    const sparse = { id: 'sparse', answers: { model: 'oss' } };
    reloadFrom(JSON.stringify({ version: schemaVersion, state: { plans: { sparse } } }));
    expect(store().notice).toBeNull();
    expect(store().plans['sparse']).toMatchObject({
      name: 'Upgrade plan',
      answers: { model: 'oss', components: ['gateway'], install: 'docker-compose' },
      progress: {},
      revision: 0,
    });
  });

  it('shortens answers and names over their limits and keeps the original aside', () => {
    const long = goodPlan('long', {
      name: 'n'.repeat(500),
      answers: { ...defaultAnswers, gateway: { from: '5'.repeat(1000), to: '5.8.2' } },
    });
    const raw = JSON.stringify({ version: schemaVersion, state: { plans: { long } } });
    reloadFrom(raw);
    expect(store().plans['long']?.name).toHaveLength(120);
    expect(store().plans['long']?.answers.gateway).toEqual({ from: '5'.repeat(64), to: '5.8.2' });
    expect(keptAsideTexts()).toEqual([raw]);
    expect(store().notice).toMatch(/longer than this version allows and were shortened/);
  });

  it('leaves data of a newer schema untouched and says so', () => {
    const raw = JSON.stringify({
      version: schemaVersion + 1,
      state: { plans: { good: goodPlan('good') } },
    });
    reloadFrom(raw);
    expect(store().plans).toEqual({});
    expect(store().notice).toBe(newerVersionNotice);
    store().createPlan(undefined, t1);
    expect(localStorage.getItem(storageKey)).toBe(raw);
    expect(store().saveProblem).toEqual({ reason: 'newer-version', unsaved: ['Docker Compose'] });
    expect(keptAsideTexts()).toEqual([]);
  });
});

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

describe('writes that fail', () => {
  it('reports a full storage at once, names what is not saved, and saves when there is room', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw quotaError();
    });
    const id = store().createPlan(undefined, t1);
    store().renamePlan(id, 'Production', t2);
    expect(store().saveProblem).toEqual({ reason: 'full', unsaved: ['Production'] });
    // The app goes on from memory.
    expect(store().plans[id]?.name).toBe('Production');
    expect(localStorage.getItem(storageKey)).toBeNull();

    setItem.mockRestore();
    store().retrySave();
    expect(store().saveProblem).toBeNull();
    expect(stored()).toMatchObject({ state: { plans: { [id]: { name: 'Production' } } } });
  });

  it('reports storage that is switched off', () => {
    const getItem = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    loadFromStorage();
    store().createPlan(undefined, t1);
    expect(store().saveProblem).toEqual({ reason: 'unavailable', unsaved: ['Docker Compose'] });
    getItem.mockRestore();
  });
});

/** What another tab does: writes the record, and this tab hears of it. */
function otherTabWrites(change: (state: Record<string, unknown>) => void): void {
  const record = stored() as { state: Record<string, unknown> };
  change(record.state);
  localStorage.setItem(storageKey, JSON.stringify(record));
  window.dispatchEvent(new StorageEvent('storage', { key: storageKey }));
}

type StoredPlans = Record<string, SavedPlan>;

describe('several tabs', () => {
  it('shows a plan created, renamed or deleted in another tab', () => {
    const mine = store().createPlan(undefined, t1);
    otherTabWrites((state) => {
      (state['plans'] as StoredPlans)['theirs'] = goodPlan('theirs', {
        name: 'From the other tab',
      });
      state['order'] = ['theirs', ...(state['order'] as string[])];
    });
    expect(store().order).toEqual(['theirs', mine]);
    expect(store().activePlanId).toBe(mine);

    otherTabWrites((state) => {
      const plans = state['plans'] as StoredPlans;
      const plan = plans['theirs'];
      if (plan !== undefined) plans['theirs'] = { ...plan, name: 'Renamed', revision: 4 };
    });
    expect(store().plans['theirs']?.name).toBe('Renamed');

    otherTabWrites((state) => {
      state['plans'] = { theirs: (state['plans'] as StoredPlans)['theirs'] };
      state['order'] = ['theirs'];
      state['deleted'] = { [mine]: t2 };
    });
    expect(Object.keys(store().plans)).toEqual(['theirs']);
    expect(store().activePlanId).toBeNull();
    expect(store().notice).toBe('“Docker Compose” was deleted in another tab.');
  });

  it('keeps a plan another tab dropped without recording a deletion (an older build)', () => {
    const mine = store().createPlan(undefined, t1);
    otherTabWrites((state) => {
      state['plans'] = {};
      state['order'] = [];
      delete state['deleted'];
    });
    expect(Object.keys(store().plans)).toEqual([mine]);
    expect(Object.keys((stored() as { state: { plans: object } }).state.plans)).toEqual([mine]);
  });

  it('asks when a plan changed here and in another tab, and can keep both', () => {
    const id = store().createPlan(undefined, t1);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw quotaError();
    });
    store().updateAnswers({ strategy: 'blue-green' }, t2);
    setItem.mockRestore();
    otherTabWrites((state) => {
      const plans = state['plans'] as StoredPlans;
      const plan = plans[id];
      if (plan === undefined) return;
      plans[id] = { ...plan, answers: { ...plan.answers, model: 'oss' }, revision: 2 };
    });
    expect(store().conflicts).toHaveLength(1);
    expect(store().conflicts[0]?.mine?.answers.strategy).toBe('blue-green');
    expect(store().conflicts[0]?.theirs?.answers.model).toBe('oss');
    // Neither side is written over while the user decides.
    expect(store().plans[id]?.answers.strategy).toBe('blue-green');
    expect((stored() as { state: { plans: StoredPlans } }).state.plans[id]?.answers.model).toBe(
      'oss',
    );

    store().resolveConflict(id, 'both');
    expect(store().conflicts).toEqual([]);
    const plans = Object.values(store().plans);
    expect(plans.map((plan) => [plan.name, plan.answers.model, plan.answers.strategy])).toEqual(
      expect.arrayContaining([
        ['Docker Compose', 'oss', 'rolling'],
        ["Docker Compose (this tab's copy)", 'self-managed', 'blue-green'],
      ]),
    );
    expect(Object.keys((stored() as { state: { plans: object } }).state.plans)).toHaveLength(2);
  });

  it('takes a plan renamed by an answer change in another tab, with no conflict', () => {
    const id = store().createPlan(undefined, t1);
    otherTabWrites((state) => {
      const plans = state['plans'] as StoredPlans;
      const plan = plans[id];
      if (plan === undefined) return;
      const answers = { ...plan.answers, install: 'helm' as const };
      plans[id] = { ...plan, answers, name: 'Helm', revision: 2 };
    });
    expect(store().conflicts).toEqual([]);
    expect(store().plans[id]).toMatchObject({ name: 'Helm', isNameCustom: false });
  });

  it('sees no conflict when two tabs make the same answer change', () => {
    const id = store().createPlan(undefined, t1);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw quotaError();
    });
    store().updateAnswers({ gateway: { from: '5.3.0', to: '5.8.2' } }, t2);
    setItem.mockRestore();
    // The other tab made the same change, which gave the plan the same name there.
    otherTabWrites((state) => {
      const plans = state['plans'] as StoredPlans;
      const plan = plans[id];
      if (plan === undefined) return;
      const answers = { ...plan.answers, gateway: { from: '5.3.0', to: '5.8.2' } };
      plans[id] = { ...plan, answers, name: 'Docker Compose · Gateway 5.3.0 → 5.8.2', revision: 2 };
    });
    expect(store().conflicts).toEqual([]);
    expect(store().plans[id]?.name).toBe('Docker Compose · Gateway 5.3.0 → 5.8.2');
  });

  it('round-trips the findings of a plan and drops only findings it cannot read', () => {
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
    reloadFrom(saved);
    expect(store().plans[id]?.findings).toEqual({ target: '5.8.0', findings: [finding] });

    const plans = {
      good: goodPlan('good'),
      badFindings: {
        ...goodPlan('badFindings'),
        findings: { target: '5.8.0', findings: [{ id: 3 }] },
      },
    };
    reloadFrom(JSON.stringify({ version: schemaVersion, state: { plans } }));
    expect(Object.keys(store().plans).sort()).toEqual(['badFindings', 'good']);
    expect(store().plans['badFindings']).toEqual(goodPlan('badFindings'));
    expect(store().notice).toBeNull();

    store().setActivePlan('good');
    store().setFindings({ target: '', findings: [finding] }, t2);
    store().setFindings(null, t2);
    // Both changes count as revisions, so the other tabs see them; the findings are gone again.
    expect(store().plans['good']).toEqual({ ...goodPlan('good'), revision: 5, updatedAt: t2 });
  });
});
