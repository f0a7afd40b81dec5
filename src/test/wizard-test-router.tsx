// Test support: the wizard's routes in a memory router, as the app nests them.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { LandingPage } from '@/pages/landing-page';
import { NewPlanPage } from '@/pages/new-plan-page';
import { SavedPlansSection, StoredDataNotice } from '@/pages/saved-plans-section';
import { WizardBackupsPage } from '@/pages/wizard-backups-page';
import { WizardDeploymentPage } from '@/pages/wizard-deployment-page';
import { WizardLayout } from '@/pages/wizard-layout';
import { WizardNamesPage } from '@/pages/wizard-names-page';
import { WizardPreparationPage } from '@/pages/wizard-preparation-page';
import { WizardVersionsPage } from '@/pages/wizard-versions-page';
import { type DraftAnswers } from '@/rules';
import { useWizardStore } from '@/store/wizard-store';

export function renderWizard(path: string) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <LandingPage notice={<StoredDataNotice />} savedPlans={<SavedPlansSection />} />,
      },
      { path: '/wizard/new', element: <NewPlanPage /> },
      {
        path: '/wizard',
        element: <WizardLayout />,
        children: [
          { path: 'deployment', element: <WizardDeploymentPage /> },
          { path: 'versions', element: <WizardVersionsPage /> },
          { path: 'preparation', element: <WizardPreparationPage /> },
          { path: 'backups', element: <WizardBackupsPage /> },
          { path: 'names', element: <WizardNamesPage /> },
          { path: 'plan', element: <h1>The plan page</h1> },
        ],
      },
      { path: '/guides/:slug', element: <h1>A guide</h1> },
    ],
    { initialEntries: [path] },
  );
  const user = userEvent.setup();
  render(<RouterProvider router={router} />);
  return { router, user };
}

/** Empties the store, as on a first visit. */
export function resetStore(): void {
  useWizardStore.setState({ plans: {}, order: [], activePlanId: null, notice: null });
}

/** Opens a plan with these answers, as if the user had typed them. */
export function openPlan(answers: DraftAnswers): string {
  return useWizardStore.getState().createPlan(answers, '2026-09-01T10:00:00.000Z');
}

export function activeAnswers(): DraftAnswers | undefined {
  const { plans, activePlanId } = useWizardStore.getState();
  return activePlanId === null ? undefined : plans[activePlanId]?.answers;
}
