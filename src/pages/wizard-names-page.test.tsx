import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultAnswers, fitAnswersToModel, type DraftAnswers } from '@/rules';
import { activeAnswers, openPlan, renderWizard, resetStore } from '@/test/wizard-test-router';

const withVersions: DraftAnswers = {
  ...defaultAnswers,
  gateway: { from: '5.3.0', to: '5.8.2' },
  pump: { from: '1.8.0', to: '' },
};

beforeEach(resetStore);

describe('Your names', () => {
  it('shows the names this installation uses, with the defaults', async () => {
    openPlan(withVersions);
    renderWizard('/wizard/names');
    const folder = await screen.findByRole('textbox', { name: 'Compose project folder' });
    expect(folder).toHaveValue('');
    expect(folder).toHaveAccessibleDescription(/compose file.*Default: \./);
    expect(screen.queryByRole('textbox', { name: 'Kubernetes namespace' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Go plugin name' })).toBeNull();
  });

  it('refuses a name with a shell metacharacter, naming the field', async () => {
    openPlan(withVersions);
    const { user, router } = renderWizard('/wizard/names');
    const gateway = await screen.findByRole('textbox', {
      name: 'Gateway container, service or deployment',
    });
    await user.type(gateway, 'tyk;reboot');
    expect(gateway).toBeInvalid();
    expect(gateway).toHaveAccessibleDescription(
      /Gateway container, service or deployment: "tyk;reboot" contains ";"/,
    );
    expect(activeAnswers()?.names.gatewayName).toBe('tyk;reboot');

    await user.click(screen.getByRole('button', { name: /Next: Your plan/ }));
    expect(router.state.location.pathname).toBe('/wizard/names');
    expect(
      within(screen.getByRole('alert')).getByRole('button', { name: /tyk;reboot/ }),
    ).toBeVisible();
  });

  it('takes ports as digits', async () => {
    openPlan(withVersions);
    const { user } = renderWizard('/wizard/names');
    const port = await screen.findByRole('textbox', { name: 'Gateway port' });
    await user.type(port, '8443');
    expect(port).toBeValid();
    await user.type(port, 'x');
    expect(port).toHaveAccessibleDescription(/not a port/);
  });

  it('asks for each data plane’s namespace and release on Kubernetes', async () => {
    openPlan({
      ...fitAnswersToModel(withVersions, 'self-managed-mdcb'),
      install: 'helm',
      mdcb: { from: '2.4.0', to: '' },
    });
    const { user } = renderWizard('/wizard/names');
    const namespace = await screen.findByRole('textbox', {
      name: 'Kubernetes namespace of data plane data-plane-1',
    });
    expect(namespace).toHaveAccessibleDescription(/Default: tyk-dp/);
    expect(
      screen.getByRole('textbox', { name: 'Helm release name of data plane data-plane-1' }),
    ).toBeVisible();
    await user.type(namespace, 'Bad_NS');
    expect(namespace).toBeInvalid();
    expect(activeAnswers()?.dataPlanes[0]?.namespace).toBe('Bad_NS');
  });

  it.each([
    ['helm', 'Kube context', /--kube-context/],
    ['docker', 'Docker context', /docker context ls/],
    ['deb', 'SSH host', /ssh/],
  ] as const)(
    'on %s asks where each data plane runs (%s) and for its own Redis',
    async (install, contextLabel, help) => {
      openPlan({
        ...fitAnswersToModel(withVersions, 'self-managed-mdcb'),
        install,
        mdcb: { from: '2.4.0', to: '' },
      });
      const { user } = renderWizard('/wizard/names');
      const context = await screen.findByRole('textbox', {
        name: `${contextLabel} of data plane data-plane-1`,
      });
      expect(context).toHaveAccessibleDescription(help);
      const port = screen.getByRole('textbox', { name: 'Redis port of data plane data-plane-1' });
      expect(port).toHaveAccessibleDescription(/Default: 6379/);
      expect(
        screen.getByRole('textbox', { name: 'Redis host of data plane data-plane-1' }),
      ).toBeVisible();
      await user.type(port, '63a');
      expect(port).toBeInvalid();
      expect(port).toHaveAccessibleDescription(/not a port/);
      expect(activeAnswers()?.dataPlanes[0]?.redisPort).toBe('63a');
    },
  );

  it('moves on to the plan when the names are fine', async () => {
    openPlan(withVersions);
    const { user, router } = renderWizard('/wizard/names');
    await user.click(await screen.findByRole('button', { name: /Next: Your plan/ }));
    expect(router.state.location.pathname).toBe('/wizard/plan');
  });
});
