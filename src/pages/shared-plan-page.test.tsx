import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildPlan, planLinkFor, sharedRoutePrefix, type PlanInput, defaultAnswers } from '@/rules';
import { SharedPlanPage } from '@/pages/shared-plan-page';
import { WizardLayout } from '@/pages/wizard-layout';
import { WizardPlanPage } from '@/pages/wizard-plan-page';
import { openPlan, resetStore } from '@/test/wizard-test-router';
import { useWizardStore } from '@/store/wizard-store';

const debian: PlanInput = {
  model: 'self-managed',
  install: 'deb',
  components: ['gateway', 'dashboard', 'pump'],
  usesGoPlugins: false,
  database: 'mongodb',
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0' },
  strategy: 'rolling',
  names: { gatewayHost: 'gw.internal' },
};

function planOf(input: PlanInput) {
  const result = buildPlan(input);
  if (!result.ok) throw new Error('the test answers should make a plan');
  return result.plan;
}

/** The payload of the link the plan page would share for these answers. */
function payloadFor(input: PlanInput, includeNames = true): string {
  const link = planLinkFor('https://example.com/', planOf(input).input, { includeNames });
  return link.slice(link.indexOf(sharedRoutePrefix) + sharedRoutePrefix.length);
}

/** A payload as a hand-edited or hostile link might carry it. */
function rawPayload(payload: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function renderShared(payload: string) {
  const router = createMemoryRouter(
    [
      { path: '/', element: <h1>Start page</h1> },
      { path: '/s/*', element: <SharedPlanPage /> },
      { path: '/wizard/new', element: <h1>New plan page</h1> },
      {
        path: '/wizard',
        element: <WizardLayout />,
        children: [
          { path: 'deployment', element: <h1>Deployment page</h1> },
          { path: 'versions', element: <h1>Versions page</h1> },
          { path: 'names', element: <h1>Names page</h1> },
          { path: 'plan', element: <WizardPlanPage /> },
        ],
      },
      { path: '/guides/:slug', element: <h1>A guide</h1> },
      { path: '/print', element: <h1>Print page</h1> },
    ],
    { initialEntries: ['/', `/s/${payload}`], initialIndex: 1 },
  );
  const user = userEvent.setup();
  // StrictMode runs every effect twice: the page must still make one plan.
  render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
  return { router, user };
}

function plans() {
  return useWizardStore.getState().plans;
}

beforeEach(() => {
  resetStore();
  Element.prototype.scrollIntoView = () => undefined;
});

describe('SharedPlanPage: a link that reads cleanly', () => {
  it('opens it as a new plan, leaves the other plans alone and says so', async () => {
    const own = openPlan({ ...defaultAnswers, gateway: { from: '5.0.0', to: '5.3.0' } });
    const ownBefore = structuredClone(plans()[own]);
    const { router } = renderShared(payloadFor(debian));

    const plan = planOf(debian);
    expect(await screen.findByRole('heading', { level: 2, name: plan.title })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/wizard/plan');
    expect(Object.keys(plans())).toHaveLength(2);
    expect(plans()[own]).toEqual(ownBefore);

    const { activePlanId, order } = useWizardStore.getState();
    expect(activePlanId).not.toBe(own);
    expect(order).toEqual([activePlanId, own]);
    const shared = plans()[activePlanId ?? ''];
    expect(shared?.name).toBe(`Shared plan: ${plan.title}`);
    expect(shared?.progress).toEqual({});
    expect(shared?.answers).toMatchObject({
      install: 'deb',
      gateway: { from: '5.2.5', to: '5.3.0' },
      names: { gatewayHost: 'gw.internal' },
    });

    const ids = plan.phases.flatMap((phase) => phase.steps.map((step) => step.id));
    expect(screen.getAllByRole('article').map((card) => card.dataset['stepId'])).toEqual(ids);
    expect(
      await screen.findByText(/^This plan was opened from a shared link as a new plan/),
    ).toBeInTheDocument();
  });

  it('replaces the shared address, so going back or reloading makes no second plan', async () => {
    const { router } = renderShared(payloadFor(debian));
    await screen.findByRole('heading', { level: 1, name: 'Your upgrade plan' });
    expect(router.state.historyAction).toBe('REPLACE');
    // The message is shown once; the history entry no longer asks for it.
    expect(router.state.location.state).toBeNull();

    await router.navigate(-1);
    expect(router.state.location.pathname).toBe('/');
    expect(Object.keys(plans())).toHaveLength(1);
  });

  it('numbers the name when the same link is opened again', async () => {
    const first = renderShared(payloadFor(debian));
    await screen.findByRole('heading', { level: 1, name: 'Your upgrade plan' });
    first.router.dispose();
    document.body.innerHTML = '';
    renderShared(payloadFor(debian));
    await screen.findByRole('heading', { level: 1, name: 'Your upgrade plan' });

    const names = Object.values(plans()).map((plan) => plan.name);
    expect(names.sort()).toEqual([
      `Shared plan: ${planOf(debian).title}`,
      `Shared plan: ${planOf(debian).title} (2)`,
    ]);
  });

  it('lets the message about the link be dismissed, with the keyboard on the heading', async () => {
    const { user } = renderShared(payloadFor(debian));
    const status = await screen.findByText(/^This plan was opened from a shared link/);
    const region = status.closest('[role="status"]');
    expect(region).not.toBeNull();

    await user.click(
      within(region as HTMLElement).getByRole('button', { name: 'Dismiss this message' }),
    );

    expect(screen.queryByText(/^This plan was opened from a shared link/)).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Your upgrade plan' })).toHaveFocus();
  });
});

describe('SharedPlanPage: a link that cannot be read', () => {
  it.each([
    ['cut short', payloadFor(debian).slice(0, -25)],
    ['not a plan link at all', 'not!a!plan'],
    ['from a newer wizard', rawPayload({ v: 99, m: 'oss' })],
    ['empty (`#/s/` and nothing after it)', ''],
  ])('explains a link that is %s, links home and saves nothing', async (_name, payload) => {
    const own = openPlan(defaultAnswers);
    renderShared(payload);

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'This link cannot be opened',
    });
    expect(heading).toHaveFocus();
    expect(screen.getByRole('listitem')).toHaveTextContent(
      /damaged|cut short|newer version|empty|holds no plan/,
    );
    expect(screen.getByRole('link', { name: 'Back to the start page' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(screen.queryByRole('button', { name: /anyway/ })).toBeNull();
    expect(Object.keys(plans())).toEqual([own]);
  });

  it('asks for a reload, not a resend, when the link is newer than this wizard', async () => {
    renderShared(rawPayload({ v: 99, m: 'oss' }));
    await screen.findByRole('heading', { level: 1, name: 'This link cannot be opened' });
    expect(screen.getByRole('listitem')).toHaveTextContent(
      'The link was made by a newer version of the wizard (link schema 99; this copy reads up to 1).',
    );
    expect(screen.getByText(/^Reload this page first/)).toBeInTheDocument();
    expect(screen.queryByText(/copy the whole link again/)).toBeNull();
  });

  it('asks for the whole link again when it was cut short', async () => {
    renderShared(payloadFor(debian).slice(0, -25));
    await screen.findByRole('heading', { level: 1, name: 'This link cannot be opened' });
    expect(screen.getByText(/copy the whole link again/)).toBeInTheDocument();
    expect(screen.queryByText(/^Reload this page first/)).toBeNull();
  });
});

describe('SharedPlanPage: a link with unknown values', () => {
  const tampered = rawPayload({
    v: 1,
    m: 'mainframe',
    i: 'deb',
    c: ['gateway', 'dashboard', 'toaster'],
    g: ['5.2.5', '5.3.0'],
    s: 'rolling',
  });

  it('lists each field with what was used instead, and saves nothing yet', async () => {
    renderShared(tampered);

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'This shared plan needs a look before it opens',
      }),
    ).toHaveFocus();
    const replaced = screen.getByRole('region', { name: 'Replaced while reading the link' });
    const items = within(replaced)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      'model: Deployment model "mainframe" is unknown; self-managed was used instead.',
      'components: Unknown components were left out: toaster.',
    ]);
    expect(
      within(screen.getByRole('region', { name: 'What the link holds' })).getByText(
        'Tyk Self-Managed',
      ),
    ).toBeInTheDocument();
    expect(Object.keys(plans())).toEqual([]);
  });

  it('opens the repaired answers as a new plan on the first page that needs a look', async () => {
    const own = openPlan(defaultAnswers);
    const { router, user } = renderShared(tampered);

    await user.click(await screen.findByRole('button', { name: 'Open as a new plan anyway' }));

    expect(await screen.findByRole('heading', { name: 'Deployment page' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/wizard/deployment');
    expect(router.state.historyAction).toBe('REPLACE');
    const { activePlanId } = useWizardStore.getState();
    expect(activePlanId).not.toBe(own);
    expect(Object.keys(plans())).toHaveLength(2);
    expect(plans()[activePlanId ?? '']?.answers).toMatchObject({
      model: 'self-managed',
      install: 'deb',
      components: ['gateway', 'dashboard'],
      gateway: { from: '5.2.5', to: '5.3.0' },
    });
  });

  it('names the page of each answer that keeps the plan from being built', async () => {
    const { user } = renderShared(
      rawPayload({
        v: 1,
        m: 'oss',
        i: 'docker',
        c: ['gateway'],
        g: ['five', '5.3.0'],
        s: 'rolling',
      }),
    );

    const errors = await screen.findByRole('region', {
      name: 'Answers to change before there is a plan',
    });
    expect(within(errors).getByRole('listitem')).toHaveTextContent(
      /^gateway\.from: .*"five".* \(asked on “Versions”\)$/,
    );
    expect(screen.queryByRole('region', { name: 'Replaced while reading the link' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Open as a new plan anyway' }));
    expect(await screen.findByRole('heading', { name: 'Versions page' })).toBeInTheDocument();
  });

  it('shows markup from a link as text and never as an element', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { user } = renderShared(
      rawPayload({
        v: 1,
        m: hostile,
        i: 'deb',
        c: ['gateway', '<script>alert(2)</script>'],
        g: ['<b>5.2.5</b>', '5.3.0'],
        s: 'rolling',
        n: { [hostile]: 'x' },
      }),
    );

    await screen.findByRole('heading', { level: 1, name: /needs a look/ });
    expect(document.querySelector('img, script, b')).toBeNull();
    const replaced = within(
      screen.getByRole('region', { name: 'Replaced while reading the link' }),
    ).getAllByRole('listitem');
    expect(replaced.map((item) => item.textContent)).toEqual(
      expect.arrayContaining([
        `model: Deployment model "${hostile}" is unknown; self-managed was used instead.`,
        `names.${hostile}: Name "${hostile}" is unknown; it was ignored.`,
      ]),
    );
    expect(screen.getAllByText(/<b>5\.2\.5<\/b>/).length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Open as a new plan anyway' }));
    await screen.findByRole('heading', { name: /page$/ });
    expect(document.querySelector('img, script, b')).toBeNull();
  });
});
