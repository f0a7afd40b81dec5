import { useCallback, useState, useEffect, useSyncExternalStore } from 'react';
import { downloadText } from '@/components/download-text';
import { KeptAsideList } from '@/components/kept-aside-list';
import { Notice } from '@/components/notice';
import { SavedPlansList } from '@/components/saved-plans-list';
import { SavedPlansPlaceholder } from '@/components/saved-plans-placeholder';
import { readPlanIndex, type SavedPlanRow } from '@/store/plan-index';
import type * as SavedPlansLive from '@/store/saved-plans-live';
import type { LiveSavedPlans } from '@/store/saved-plans-live';
import { keptAsidePrefix, openPlanKey, planIndexKey, storageKey } from '@/store/storage-keys';
import { isStoreLoaded } from '@/store/store-loaded';

// The landing page lists the saved plans from their index (src/store/plan-index.ts), which needs
// neither the store nor the rules. The store is loaded when the index cannot be used, and when
// the user does something to a plan; from then on the list follows the store.

type LiveModule = typeof SavedPlansLive;

let live: LiveModule | null = null;
let liveLoad: Promise<LiveModule> | null = null;
const liveListeners = new Set<() => void>();

function connectStore(): Promise<LiveModule> {
  liveLoad ??= import('@/store/saved-plans-live').then((module) => {
    live = module;
    for (const listener of liveListeners) listener();
    return module;
  });
  return liveLoad;
}

function subscribeToLive(listener: () => void): () => void {
  liveListeners.add(listener);
  return () => liveListeners.delete(listener);
}

function useLive(): LiveModule | null {
  return useSyncExternalStore(
    subscribeToLive,
    () => live,
    () => null,
  );
}

function storedIndex(): readonly SavedPlanRow[] | null {
  try {
    return readPlanIndex(window.localStorage);
  } catch {
    // Reading `localStorage` itself throws where storage is switched off: the store explains that.
    return null;
  }
}

const noSubscription = () => () => undefined;

function useLiveSavedPlans(module: LiveModule | null): LiveSavedPlans | null {
  const subscribe = useCallback(
    (listener: () => void) =>
      module === null ? noSubscription() : module.subscribeToSavedPlans(listener),
    [module],
  );
  const snapshot = useCallback(
    () => (module === null ? null : module.savedPlansSnapshot()),
    [module],
  );
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** Resume opens the plan when the wizard loads the store, which reads the tab's open plan. */
function openWithoutStore(id: string): void {
  try {
    window.sessionStorage.setItem(openPlanKey, id);
  } catch {
    // Without session storage the store opens the plan it last had open; nothing else to do.
  }
}

function isAboutPlans(key: string | null): boolean {
  return (
    key === null || key === storageKey || key === planIndexKey || key.startsWith(keptAsidePrefix)
  );
}

/** The saved plans: loaded after the landing page's first paint. */
export function SavedPlansSection() {
  const module = useLive();
  const [indexRows, setIndexRows] = useState(() => (isStoreLoaded() ? null : storedIndex()));
  const liveState = useLiveSavedPlans(module);
  const needsStore = module === null && (indexRows === null || isStoreLoaded());

  useEffect(() => {
    if (needsStore) void connectStore();
  }, [needsStore]);

  // Until the store is here, other tabs' changes arrive as storage events.
  useEffect(() => {
    if (module !== null) return undefined;
    function reread(event: StorageEvent): void {
      if (isAboutPlans(event.key)) setIndexRows(storedIndex());
    }
    window.addEventListener('storage', reread);
    return () => window.removeEventListener('storage', reread);
  }, [module]);

  const rows = liveState?.rows ?? (needsStore ? null : indexRows);
  if (rows === null) return <SavedPlansPlaceholder />;

  function withStore(act: (actions: LiveModule['savedPlanActions']) => void): void {
    void connectStore().then((loaded) => act(loaded.savedPlanActions));
  }

  return (
    <SavedPlansList
      plans={rows}
      onOpen={(id) => (module === null ? openWithoutStore(id) : module.savedPlanActions.open(id))}
      onDuplicate={(id) => withStore((actions) => actions.duplicate(id))}
      onRename={(id, name) => withStore((actions) => actions.rename(id, name))}
      onDelete={(id) => withStore((actions) => actions.remove(id))}
    />
  );
}

function LiveNotice({ module }: { readonly module: LiveModule }) {
  const state = useLiveSavedPlans(module);
  if (state === null || (state.notice === null && state.keptAside.length === 0)) return null;

  function downloadKeptAside(key: string): void {
    const text = module.keptAsideText(key);
    if (text === null) return;
    const stamp = key.replace(/[^0-9A-Za-z]+/g, '-').replace(/^-+|-+$/g, '');
    downloadText(`${stamp}.json`, text, 'application/json;charset=utf-8');
  }

  return (
    <>
      {state.notice === null ? null : (
        <Notice message={state.notice} onDismiss={module.savedPlanActions.dismissNotice} />
      )}
      <KeptAsideList
        entries={state.keptAside}
        onDownload={downloadKeptAside}
        onDelete={module.savedPlanActions.forgetKeptAside}
      />
    </>
  );
}

/**
 * Any notice about stored data, and the data kept aside because it could not be read, shown at
 * the top of the landing page. While the plans come from their index there is none: the index is
 * only used when the stored data needs no word from the store.
 */
export function StoredDataNotice() {
  const module = useLive();
  return module === null ? null : <LiveNotice module={module} />;
}
