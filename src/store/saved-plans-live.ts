// The saved plans straight from the store, for the landing page once the store is loaded (or when
// the index cannot be used): rows, the notice about stored data, what was kept aside, and the
// actions on a plan. Plain functions, so that the page can take them from a chunk it loads later.
import { readText, type KeptAside } from '@/store/storage-access';
import type { SavedPlanRow } from '@/store/plan-index';
import { rowsOf } from '@/store/plan-rows';
import { useWizardStore, type WizardState } from '@/store/wizard-store';

export type LiveSavedPlans = {
  readonly rows: readonly SavedPlanRow[];
  readonly notice: string | null;
  readonly keptAside: readonly KeptAside[];
};

let last: { readonly state: WizardState; readonly value: LiveSavedPlans } | null = null;

function isSameInput(a: WizardState, b: WizardState): boolean {
  return (
    a.plans === b.plans &&
    a.order === b.order &&
    a.notice === b.notice &&
    a.keptAside === b.keptAside
  );
}

/** The saved plans now; the same object for as long as nothing it holds has changed. */
export function savedPlansSnapshot(): LiveSavedPlans {
  const state = useWizardStore.getState();
  if (last !== null && isSameInput(last.state, state)) return last.value;
  const value = {
    rows: rowsOf(state.plans, state.order),
    notice: state.notice,
    keptAside: state.keptAside,
  };
  last = { state, value };
  return value;
}

export function subscribeToSavedPlans(listener: () => void): () => void {
  return useWizardStore.subscribe(listener);
}

function nowIso(): string {
  return new Date().toISOString();
}

export const savedPlanActions = {
  open: (id: string) => useWizardStore.getState().setActivePlan(id),
  duplicate: (id: string) => useWizardStore.getState().duplicatePlan(id, nowIso()),
  rename: (id: string, name: string) => useWizardStore.getState().renamePlan(id, name, nowIso()),
  remove: (id: string) => useWizardStore.getState().deletePlan(id),
  dismissNotice: () => useWizardStore.getState().dismissNotice(),
  forgetKeptAside: (key: string) => useWizardStore.getState().forgetKeptAside(key),
};

/** The text kept aside under `key`, for a download; null when it is gone. */
export function keptAsideText(key: string): string | null {
  const read = readText(key);
  return read.ok ? read.text : null;
}
