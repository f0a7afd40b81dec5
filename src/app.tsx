import { lazy, Suspense, type ComponentType } from 'react';
import { createHashRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { Layout } from '@/components/layout';
import { LandingPage } from '@/pages/landing-page';
import { NotFound } from '@/components/not-found';
// The step list has no imports of its own, so the shell reads it without loading the rules.
import { wizardSteps, type WizardStep } from '@/rules/wizard-steps';

// Only the shell and the landing page are in the first load; the store, the rules and every
// other page arrive as their own chunks.
const SavedPlansSection = lazy(async () => ({
  default: (await import('@/pages/saved-plans-section')).SavedPlansSection,
}));
const StoredDataNotice = lazy(async () => ({
  default: (await import('@/pages/saved-plans-section')).StoredDataNotice,
}));

type PageModule = Promise<{ Component: ComponentType }>;

// One page per wizard step; the list of steps comes from the rules.
const wizardPages: Readonly<Record<WizardStep, () => PageModule>> = {
  deployment: async () => ({
    Component: (await import('@/pages/wizard-deployment-page')).WizardDeploymentPage,
  }),
  versions: async () => ({
    Component: (await import('@/pages/wizard-versions-page')).WizardVersionsPage,
  }),
  preparation: async () => ({
    Component: (await import('@/pages/wizard-preparation-page')).WizardPreparationPage,
  }),
  backups: async () => ({
    Component: (await import('@/pages/wizard-backups-page')).WizardBackupsPage,
  }),
  names: async () => ({ Component: (await import('@/pages/wizard-names-page')).WizardNamesPage }),
  plan: async () => ({ Component: (await import('@/pages/wizard-plan-page')).WizardPlanPage }),
};

// Hash routes: a static host serves index.html from any sub-path and a reloaded deep link still resolves.
export const routes: RouteObject[] = [
  {
    element: <Layout />,
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
              <Suspense fallback={null}>
                <SavedPlansSection />
              </Suspense>
            }
          />
        ),
      },
      {
        path: 'wizard/new',
        lazy: async () => ({ Component: (await import('@/pages/new-plan-page')).NewPlanPage }),
      },
      {
        path: 'wizard',
        lazy: async () => ({ Component: (await import('@/pages/wizard-layout')).WizardLayout }),
        children: [
          { index: true, element: <Navigate to="deployment" replace /> },
          ...wizardSteps.map(({ id }) => ({ path: id, lazy: wizardPages[id] })),
        ],
      },
      {
        path: 'read',
        lazy: async () => ({
          Component: (await import('@/pages/read-deployment-page')).ReadDeploymentPage,
        }),
      },
      {
        // A shared plan link: `#/s/<payload>`.
        path: 's/:payload',
        lazy: async () => ({
          Component: (await import('@/pages/shared-plan-page')).SharedPlanPage,
        }),
      },
      {
        path: 'guides/:slug',
        lazy: async () => ({ Component: (await import('@/pages/guide-page')).GuidePage }),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
  {
    // The printable runbook has no header, footer or navigation of its own.
    path: 'print',
    lazy: async () => ({ Component: (await import('@/pages/print-page')).PrintPage }),
  },
];

const router = createHashRouter(routes);

export function App() {
  return <RouterProvider router={router} />;
}
