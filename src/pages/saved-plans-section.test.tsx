// The landing page's saved plans from their index: listed without the store, which loads only when
// a plan is changed. This file never imports the store itself, so that its loading can be seen.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { SavedPlansSection } from '@/pages/saved-plans-section';
import { defaultAnswers, type DraftAnswers } from '@/rules';
import { storedText, type SavedPlan } from '@/store/persistence';
import { planIndexText, readPlanIndex } from '@/store/plan-index';
import { rowsOf } from '@/store/plan-rows';
import { openPlanKey, planIndexKey, storageKey } from '@/store/storage-keys';
import { isStoreLoaded } from '@/store/store-loaded';

const complete: DraftAnswers = {
  ...defaultAnswers,
  gateway: { from: '5.3.0', to: '5.8.2' },
  pump: { from: '1.8.0', to: '1.12.0' },
};

function savedPlan(id: string, name: string, answers: DraftAnswers): SavedPlan {
  return {
    id,
    name,
    isNameCustom: true,
    answers,
    progress: {},
    steps: {},
    createdAt: '2026-09-01T10:00:00.000Z',
    updatedAt: '2026-09-01T10:00:00.000Z',
    revision: 1,
  };
}

function seed(plans: readonly SavedPlan[]): void {
  const record = {
    plans: Object.fromEntries(plans.map((plan) => [plan.id, plan])),
    order: plans.map((plan) => plan.id),
    deleted: {},
    activePlanId: null,
  };
  const text = storedText(record);
  localStorage.setItem(storageKey, text);
  localStorage.setItem(planIndexKey, planIndexText(rowsOf(record.plans, record.order), text));
}

function renderSection() {
  render(
    <MemoryRouter>
      <SavedPlansSection />
    </MemoryRouter>,
  );
  return userEvent.setup();
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

// In the order written: the first test sees a page that has not loaded the store, and the second loads it.
describe('SavedPlansSection from the index', { shuffle: false }, () => {
  it('lists the plans at once, without loading the store, and resumes one', async () => {
    seed([savedPlan('p1', 'Production', complete), savedPlan('p2', 'Staging', defaultAnswers)]);
    const user = renderSection();
    const production = screen.getByRole('article', { name: 'Production' });
    expect(within(production).getByText('Gateway 5.3.0 → 5.8.2')).toBeVisible();
    expect(
      within(screen.getByRole('article', { name: 'Staging' })).getByText('Not given yet'),
    ).toBeVisible();
    expect(isStoreLoaded()).toBe(false);

    await user.click(screen.getByRole('link', { name: 'Resume Production' }));
    // The wizard's store opens the tab's open plan when it loads.
    expect(sessionStorage.getItem(openPlanKey)).toBe('p1');
    expect(isStoreLoaded()).toBe(false);
  });

  it('loads the store to rename a plan, then follows it, index included', async () => {
    seed([savedPlan('p1', 'Production', complete)]);
    const user = renderSection();
    await user.click(screen.getByRole('button', { name: 'Rename Production' }));
    const input = screen.getByLabelText('New name for Production');
    await user.clear(input);
    await user.type(input, 'Production EU');
    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(await screen.findByRole('article', { name: 'Production EU' })).toBeVisible();
    expect(isStoreLoaded()).toBe(true);
    expect(readPlanIndex(localStorage)?.map((row) => row.name)).toEqual(['Production EU']);
  });
});
