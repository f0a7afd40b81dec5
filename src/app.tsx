import {
  lazy,
  Suspense,
  useSyncExternalStore,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';
import { HashRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { PageErrorBoundary, PageLoading } from '@/components/app-error-page';
import { Layout } from '@/components/layout';
import { NotFound } from '@/components/not-found';
import { SavedPlansPlaceholder } from '@/components/saved-plans-placeholder';
import { UpdateNotice } from '@/components/update-notice';
import { LandingPage } from '@/pages/landing-page';
import { isUpdateAvailable, reloadToUpdate, subscribeToUpdate } from '@/offline';
import { isStoreLoaded, subscribeToStoreLoaded } from '@/store/store-loaded';
// The step list has no imports of its own, so the shell reads it without loading the rules.
import { wizardSteps, type WizardStep } from '@/rules/wizard-steps';

/** The address of the module a failed dynamic import names, when the browser says it. */
function failedModuleUrl(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  return /\bhttps?:\/\/[^\s'"]+\.js\b/.exec(error.message)?.[0] ?? null;
}

/**
 * Loads a lazily loaded module, and once more when that fails. A browser remembers a failed module
 * under its address, so the second try asks for the same file under a query of its own.
 */
export async function loadWithRetry<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const url = failedModuleUrl(error);
    if (url === null) return await load();
    const retried: unknown = await import(/* @vite-ignore */ `${url}?retry=1`);
    return retried as T;
  }
}

// Only the shell and the landing page are in the first load; the store, the rules and every
// other page arrive as their own chunks.
const SavedPlansSection = lazy(async () => ({
  default: (await loadWithRetry(() => import('@/pages/saved-plans-section'))).SavedPlansSection,
}));
const StoredDataNotice = lazy(async () => ({
  default: (await loadWithRetry(() => import('@/pages/saved-plans-section'))).StoredDataNotice,
}));
// Messages about saving are an extra: if their chunk cannot be had, the page goes on without them.
const StorageStatus = lazy(async () => ({
  default: await loadWithRetry(() => import('@/pages/storage-status')).then(
    (module) => module.StorageStatus,
    () => () => null,
  ),
}));

/** A page that arrives as a chunk of its own, loaded when its route is first shown. */
function lazyPage<M>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: pick(await loadWithRetry(load)) }));
}

/** Starts loading a chunk that a page about to be shown will ask for; a failure is left to that page. */
function preload(load: () => Promise<unknown>): void {
  load().catch(() => undefined);
}

// One page per wizard step; the list of steps comes from the rules.
const wizardPageLoaders = {
  deployment: () => import('@/pages/wizard-deployment-page'),
  versions: () => import('@/pages/wizard-versions-page'),
  preparation: () => import('@/pages/wizard-preparation-page'),
  backups: () => import('@/pages/wizard-backups-page'),
  names: () => import('@/pages/wizard-names-page'),
  plan: () => import('@/pages/wizard-plan-page'),
} as const satisfies Readonly<Record<WizardStep, () => Promise<unknown>>>;

const wizardPages: Readonly<Record<WizardStep, LazyExoticComponent<ComponentType>>> = {
  deployment: lazyPage(wizardPageLoaders.deployment, (module) => module.WizardDeploymentPage),
  versions: lazyPage(wizardPageLoaders.versions, (module) => module.WizardVersionsPage),
  preparation: lazyPage(wizardPageLoaders.preparation, (module) => module.WizardPreparationPage),
  backups: lazyPage(wizardPageLoaders.backups, (module) => module.WizardBackupsPage),
  names: lazyPage(wizardPageLoaders.names, (module) => module.WizardNamesPage),
  plan: lazyPage(wizardPageLoaders.plan, (module) => module.WizardPlanPage),
};

/** The wizard step the address names (`#/wizard/plan?step=…` → plan), if any. */
function wizardStepInAddress(): WizardStep | undefined {
  const named = /^#\/wizard\/([a-z]+)/.exec(window.location.hash)?.[1];
  return wizardSteps.find(({ id }) => id === named)?.id;
}

const loadWizardLayout = () => import('@/pages/wizard-layout');

const NewPlanPage = lazyPage(
  () => import('@/pages/new-plan-page'),
  (module) => module.NewPlanPage,
);
// The layout and the page inside it are fetched side by side, not one after the other.
const WizardLayout = lazyPage(
  () => {
    const step = wizardStepInAddress();
    if (step !== undefined) preload(wizardPageLoaders[step]);
    return loadWizardLayout();
  },
  (module) => module.WizardLayout,
);
const ReadDeploymentPage = lazyPage(
  () => import('@/pages/read-deployment-page'),
  (module) => module.ReadDeploymentPage,
);
// A shared link that reads well opens the plan, so its pages are fetched while the link is read.
const SharedPlanPage = lazyPage(
  () => {
    preload(loadWizardLayout);
    preload(wizardPageLoaders.plan);
    return import('@/pages/shared-plan-page');
  },
  (module) => module.SharedPlanPage,
);
const GuidePage = lazyPage(
  () => import('@/pages/guide-page'),
  (module) => module.GuidePage,
);
const PrintPage = lazyPage(
  () => import('@/pages/print-page'),
  (module) => module.PrintPage,
);

/** Messages for the whole app, above every page: a new version, and anything about saving. */
function AppAlerts() {
  const isUpdateReady = useSyncExternalStore(subscribeToUpdate, isUpdateAvailable, () => false);
  // Saving is the store's business: until a page has loaded the store, nothing has been saved.
  const hasStore = useSyncExternalStore(subscribeToStoreLoaded, isStoreLoaded, () => false);
  return (
    <>
      {isUpdateReady ? <UpdateNotice onReload={reloadToUpdate} /> : null}
      {hasStore ? (
        <Suspense fallback={null}>
          <StorageStatus />
        </Suspense>
      ) : null}
    </>
  );
}

/**
 * Where a page is shown: while its code arrives on the first visit it says so, and an error in it
 * shows the app's own error page in its place. Later moves between pages happen as transitions,
 * so the page on screen stays until the next one is ready.
 */
function PageFrame({ children }: { readonly children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <PageErrorBoundary resetKey={pathname}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </PageErrorBoundary>
  );
}

/** The pages inside the header and footer: an error or a first load keeps them on screen. */
function FramedOutlet() {
  return (
    <PageFrame>
      <Outlet />
    </PageFrame>
  );
}

// The routes are declared, not loaded through the router's data layer: the shell stays small
// because every page is a lazy component of its own.
// Hash routes: a static host serves index.html from any sub-path and a reloaded deep link still resolves.
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout alerts={<AppAlerts />} />}>
        <Route element={<FramedOutlet />}>
          <Route
            index
            element={
              <LandingPage
                notice={
                  <Suspense fallback={null}>
                    <StoredDataNotice />
                  </Suspense>
                }
                savedPlans={
                  <Suspense fallback={<SavedPlansPlaceholder />}>
                    <SavedPlansSection />
                  </Suspense>
                }
              />
            }
          />
          <Route path="wizard/new" element={<NewPlanPage />} />
          <Route path="wizard" element={<WizardLayout />}>
            <Route index element={<Navigate to="deployment" replace />} />
            {wizardSteps.map(({ id }) => {
              const Page = wizardPages[id];
              return <Route key={id} path={id} element={<Page />} />;
            })}
          </Route>
          <Route path="read" element={<ReadDeploymentPage />} />
          {/* A shared plan link: `#/s/<payload>`. Whatever follows `s/` (nothing, more slashes)
              goes to the shared-plan page, which explains a link it cannot read. */}
          <Route path="s" element={<SharedPlanPage />} />
          <Route path="s/*" element={<SharedPlanPage />} />
          <Route path="guides/:slug" element={<GuidePage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
      {/* The printable runbook has no header, footer or navigation of its own. */}
      <Route
        path="print"
        element={
          <PageFrame>
            <PrintPage />
          </PageFrame>
        }
      />
    </Routes>
  );
}

export function App() {
  return (
    <HashRouter>
      <AppRoutes />
    </HashRouter>
  );
}
