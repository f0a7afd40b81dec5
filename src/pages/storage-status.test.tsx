import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StorageStatus } from '@/pages/storage-status';
import { defaultAnswers } from '@/rules';
import { storageKey, type SavedPlan } from '@/store/persistence';
import { loadFromStorage, useWizardStore } from '@/store/wizard-store';

const t1 = '2026-09-01T10:00:00.000Z';
const t2 = '2026-09-01T11:00:00.000Z';

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

type StoredRecord = { state: { plans: Record<string, SavedPlan> } };

/** Another tab changes the plan and writes it; this tab hears of it. */
function otherTabChanges(id: string, change: (plan: SavedPlan) => SavedPlan): void {
  const record = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as StoredRecord;
  const plan = record.state.plans[id];
  if (plan === undefined) throw new Error(`no stored plan ${id}`);
  record.state.plans[id] = change(plan);
  localStorage.setItem(storageKey, JSON.stringify(record));
  window.dispatchEvent(new StorageEvent('storage', { key: storageKey }));
}

let downloaded: Blob[];

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  useWizardStore.setState({ plans: {}, order: [], activePlanId: null });
  loadFromStorage();
  downloaded = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    downloaded.push(blob);
    return 'blob:test/1';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('StorageStatus', () => {
  it('shows nothing while every change is saved', () => {
    useWizardStore.getState().createPlan(undefined, t1);
    const { container } = render(<StorageStatus />);
    expect(container).toBeEmptyDOMElement();
  });

  it('says at once when a write fails, keeps the answers in memory and exports them', async () => {
    const user = userEvent.setup();
    const id = useWizardStore.getState().createPlan(undefined, t1);
    render(<StorageStatus />);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw quotaError();
    });
    useWizardStore.getState().updateAnswers({ gateway: { from: '5.3.0', to: '5.8.2' } }, t2);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not saved: the storage of this browser is full');
    expect(alert).toHaveTextContent(
      'The latest changes to “Docker Compose · Gateway 5.3.0 → 5.8.2”',
    );
    expect(useWizardStore.getState().plans[id]?.answers.gateway).toEqual({
      from: '5.3.0',
      to: '5.8.2',
    });

    await user.click(within(alert).getByRole('button', { name: 'Download every plan (JSON)' }));
    expect(downloaded).toHaveLength(1);
    expect(await downloaded[0]?.text()).toContain('"to": "5.8.2"');

    setItem.mockRestore();
    await user.click(within(alert).getByRole('button', { name: 'Try saving again' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(localStorage.getItem(storageKey)).toContain('5.8.2');
  });

  it('asks which version to keep when another tab changed the same plan, and keeps both', async () => {
    const user = userEvent.setup();
    const id = useWizardStore.getState().createPlan(undefined, t1);
    render(<StorageStatus />);
    // This tab's change does not reach storage before the other tab writes its own.
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw quotaError();
    });
    useWizardStore.getState().updateAnswers({ strategy: 'blue-green' }, t2);
    setItem.mockRestore();
    otherTabChanges(id, (plan) => ({
      ...plan,
      answers: { ...defaultAnswers, model: 'oss' },
      revision: plan.revision + 1,
      updatedAt: t2,
    }));

    const conflict = (await screen.findAllByRole('alert')).find((alert) =>
      alert.textContent.includes('Changed in two tabs at once'),
    );
    expect(conflict).toHaveTextContent('“Docker Compose” was changed in another tab');
    await user.click(screen.getByRole('button', { name: 'Keep both' }));

    expect(screen.queryByText('Changed in two tabs at once')).toBeNull();
    const kept = Object.values(useWizardStore.getState().plans).map((plan) => [
      plan.name,
      plan.answers.model,
      plan.answers.strategy,
    ]);
    expect(kept).toEqual(
      expect.arrayContaining([
        ['Docker Compose', 'oss', 'rolling'],
        ["Docker Compose (this tab's copy)", 'self-managed', 'blue-green'],
      ]),
    );
  });
});
