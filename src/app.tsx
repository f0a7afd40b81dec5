import { lazy, Suspense, useSyncExternalStore, type ComponentType } from 'react';
import { createHashRouter, Navigate, type RouteObject } from 'react-router';
// The DOM build of the provider: only it honours `flushSync`, which the print page's paper radio
// relies on to show the choice as soon as it is pressed rather than after a transition.
import { RouterProvider } from 'react-router/dom';
import { AppErrorPage, PageLoading } from '@/components/app-error-page';
import { Layout } from '@/components/layout';
import { NotFound } from '@/components/not-found';
import { SavedPlansPlaceholder } from '@/components/saved-plans-placeholder';
import { UpdateNotice } from '@/components/update-notice';
import { LandingPage } from '@/pages/landing-page';
import { isUpdateAvailable, reloadToUpdate, subscribeToUpdate } from '@/offline';
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

type PageModule = Promise<{ Component: ComponentType }>;

// One page per wizard step; the list of steps comes from the rules.
const wizardPages: Readonly<Record<WizardStep, () => PageModule>> = {
  deployment: async () => ({
    Component: (await loadWithRetry(() => import('@/pages/wizard-deployment-page')))
      .WizardDeploymentPage,
  }),
  versions: async () => ({
    Component: (await loadWithRetry(() => import('@/pages/wizard-versions-page')))
      .WizardVersionsPage,
  }),
  preparation: async () => ({
    Component: (await loadWithRetry(() => import('@/pages/wizard-preparation-page')))
      .WizardPreparationPage,
  }),
  backups: async () => ({
    Component: (await loadWithRetry(() => import('@/pages/wizard-backups-page'))).WizardBackupsPage,
  }),
  names: async () => ({
    Component: (await loadWithRetry(() => import('@/pages/wizard-names-page'))).WizardNamesPage,
  }),
  plan: async () => ({
    Component: (await loadWithRetry(() => import('@/pages/wizard-plan-page'))).WizardPlanPage,
  }),
};

const sharedPlanPage = async () => ({
  Component: (await loadWithRetry(() => import('@/pages/shared-plan-page'))).SharedPlanPage,
});

/** Messages for the whole app, above every page: a new version, and anything about saving. */
function AppAlerts() {
  const isUpdateReady = useSyncExternalStore(subscribeToUpdate, isUpdateAvailable, () => false);
  return (
    <>
      {isUpdateReady ? <UpdateNotice onReload={reloadToUpdate} /> : null}
      <Suspense fallback={null}>
        <StorageStatus />
      </Suspense>
    </>
  );
}

// Hash routes: a static host serves index.html from any sub-path and a reloaded deep link still resolves.
export const routes: RouteObject[] = [
  {
    element: <Layout alerts={<AppAlerts />} />,
    // The app's own error page everywhere, never the router's built-in one.
    errorElement: <AppErrorPage />,
    children: [
      {
        // Inside the layout, so that an error or the first load of a page keeps the header.
        errorElement: <AppErrorPage />,
        hydrateFallbackElement: <PageLoading />,
        children: [
          {
            index: true,
            element: (
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
            ),
          },
          {
            path: 'wizard/new',
            lazy: async () => ({
              Component: (await loadWithRetry(() => import('@/pages/new-plan-page'))).NewPlanPage,
            }),
          },
          {
            path: 'wizard',
            lazy: async () => ({
              Component: (await loadWithRetry(() => import('@/pages/wizard-layout'))).WizardLayout,
            }),
            children: [
              { index: true, element: <Navigate to="deployment" replace /> },
              ...wizardSteps.map(({ id }) => ({ path: id, lazy: wizardPages[id] })),
            ],
          },
          // A shared plan link: `#/s/<payload>`. Whatever follows `s/` (nothing, more slashes)
          // goes to the shared-plan page, which explains a link it cannot read.
          {
            path: 'read',
            lazy: async () => ({
              Component: (await loadWithRetry(() => import('@/pages/read-deployment-page')))
                .ReadDeploymentPage,
            }),
          },
          { path: 's', lazy: sharedPlanPage },
          { path: 's/*', lazy: sharedPlanPage },
          {
            path: 'guides/:slug',
            lazy: async () => ({
              Component: (await loadWithRetry(() => import('@/pages/guide-page'))).GuidePage,
            }),
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
  {
    // The printable runbook has no header, footer or navigation of its own.
    path: 'print',
    errorElement: <AppErrorPage />,
    hydrateFallbackElement: <PageLoading />,
    lazy: async () => ({
      Component: (await loadWithRetry(() => import('@/pages/print-page'))).PrintPage,
    }),
  },
];

const router = createHashRouter(routes);

export function App() {
  return <RouterProvider router={router} />;
}
