import type { Page } from '@playwright/test';
import {
  buildPlan,
  draftDataPlane,
  toPlanInput,
  type ChangeCover,
  type DraftAnswers,
  type Plan,
} from '../src/rules/index';

// The largest plans the wizard makes, for the tests of the printed runbook and of the layout.

/** Self-Managed with MDCB on Helm, with Go plugins and two data planes: the longest plans. */
export const largeAnswers: DraftAnswers = {
  model: 'self-managed-mdcb',
  install: 'helm',
  components: ['gateway', 'dashboard', 'pump', 'mdcb'],
  usesGoPlugins: true,
  database: 'mongodb',
  dataPlanes: [draftDataPlane('eu-west'), draftDataPlane('us-east')],
  gateway: { from: '5.3.0', to: '5.8.0' },
  pump: { from: '1.9.0', to: '' },
  mdcb: { from: '2.5.0', to: '' },
  strategy: 'rolling',
  downtimeMinutes: '',
  names: {},
  images: { gateway: '', dashboard: '', pump: '', mdcb: '' },
  architecture: 'amd64',
  sharesDatabase: false,
  estimate: { instances: { gateway: '', dashboard: '', pump: '', mdcb: '' }, databaseGb: '' },
};

export function planOf(answers: DraftAnswers): Plan {
  const result = buildPlan(toPlanInput(answers));
  if (!result.ok) throw new Error('the large answers should make a plan');
  return result.plan;
}

export const largePlan = planOf(largeAnswers);

/** Puts the plan into storage in the store's persisted shape, open, before the app starts. */
export async function seedPlan(
  page: Page,
  answers: DraftAnswers,
  cover?: ChangeCover,
): Promise<void> {
  const id = 'print-test-plan';
  const at = '2026-01-01T09:00:00.000Z';
  const stored = {
    state: {
      plans: {
        [id]: {
          id,
          name: 'Large plan',
          answers,
          progress: {},
          createdAt: at,
          updatedAt: at,
          ...(cover === undefined ? {} : { cover }),
        },
      },
      order: [id],
      activePlanId: id,
    },
    version: 2,
  };
  await page.addInitScript((value) => {
    localStorage.setItem('tyk-upgrade-wizard', value);
  }, JSON.stringify(stored));
}
