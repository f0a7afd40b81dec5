import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { activeAnswers, openPlan, renderWizard, resetStore } from '@/test/wizard-test-router';
import { useWizardStore } from '@/store/wizard-store';
import { storageKey } from '@/store/persistence';
import { defaultAnswers, fitAnswersToModel } from '@/rules';

beforeEach(resetStore);

describe('Your deployment', () => {
  it('starts a plan from the defaults when none is open', async () => {
    renderWizard('/wizard/deployment');
    expect(await screen.findByRole('heading', { level: 1, name: 'Your deployment' })).toBeVisible();
    expect(Object.keys(useWizardStore.getState().plans)).toHaveLength(1);
    const model = screen.getByRole('group', { name: 'Deployment model' });
    expect(within(model).getByRole('radio', { name: 'Tyk Self-Managed' })).toBeChecked();
    const install = screen.getByRole('group', { name: 'Installation type' });
    expect(within(install).getByRole('radio', { name: 'Docker Compose' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Pump' })).toBeChecked();
  });

  it('describes each model, with a diagram that has a text alternative', async () => {
    renderWizard('/wizard/deployment');
    const mdcb = await screen.findByRole('radio', { name: 'Tyk Self-Managed with MDCB' });
    expect(mdcb).toHaveAccessibleDescription(/control plane \(Dashboard, MDCB/);
    expect(screen.getAllByRole('img', { name: /^Diagram: / })).toHaveLength(5);
  });

  it('hides the installation type for Tyk Cloud', async () => {
    const { user } = renderWizard('/wizard/deployment');
    await user.click(await screen.findByRole('radio', { name: 'Tyk Cloud' }));
    expect(screen.queryByRole('group', { name: 'Installation type' })).not.toBeInTheDocument();
    expect(screen.getByText(/no installation type to choose/)).toBeVisible();
    expect(activeAnswers()?.install).toBeNull();
    expect(screen.queryByRole('group', { name: "The Dashboard's database" })).toBeNull();
  });

  it('offers no Dashboard with Tyk Open Source and says why', async () => {
    const { user } = renderWizard('/wizard/deployment');
    await user.click(await screen.findByRole('radio', { name: 'Tyk Open Source' }));
    const group = screen.getByRole('group', { name: 'Components you run' });
    expect(within(group).queryByRole('checkbox', { name: 'Dashboard' })).toBeNull();
    expect(group).toHaveAccessibleDescription(/Tyk Open Source has no Dashboard and MDCB/);
    const gateway = within(group).getByRole('checkbox', { name: 'Gateway' });
    expect(gateway).toBeChecked();
    expect(gateway).toBeDisabled();
    expect(gateway).toHaveAccessibleDescription(/always includes the Gateway/);
    expect(activeAnswers()?.components).toEqual(['gateway', 'pump']);
  });

  it('lets optional components go and keeps required ones', async () => {
    const { user } = renderWizard('/wizard/deployment');
    await user.click(await screen.findByRole('checkbox', { name: 'Pump' }));
    expect(activeAnswers()?.components).toEqual(['gateway', 'dashboard']);
    expect(screen.getByRole('checkbox', { name: 'Dashboard' })).toBeDisabled();
  });

  it('asks for the database only where there is a Dashboard of your own', async () => {
    const { user } = renderWizard('/wizard/deployment');
    await user.click(await screen.findByRole('radio', { name: 'PostgreSQL' }));
    expect(activeAnswers()?.database).toBe('postgres');
    await user.click(screen.getByRole('radio', { name: 'Tyk Cloud Hybrid' }));
    expect(screen.queryByRole('radio', { name: 'PostgreSQL' })).toBeNull();
  });

  it('records Go plugins', async () => {
    const { user } = renderWizard('/wizard/deployment');
    const group = await screen.findByRole('group', { name: 'Do your APIs use Go plugins?' });
    await user.click(within(group).getByRole('radio', { name: 'Yes' }));
    expect(activeAnswers()?.usesGoPlugins).toBe(true);
  });

  it('checks data plane names as they are typed', async () => {
    openPlan(fitAnswersToModel(defaultAnswers, 'self-managed-mdcb'));
    const { user } = renderWizard('/wizard/deployment');
    const name = await screen.findByRole('textbox', { name: 'Data plane 1 name' });
    expect(screen.getByText(/needs at least one data plane/)).toBeVisible();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();

    await user.clear(name);
    await user.type(name, 'EU_West');
    expect(name).toBeInvalid();
    expect(name).toHaveAccessibleDescription(/Data plane 1 name: "EU_West" .*Kubernetes name/);
    expect(activeAnswers()?.dataPlanes[0]?.name).toBe('EU_West');

    await user.clear(name);
    await user.type(name, 'eu-west');
    expect(name).toBeValid();
  });

  it('adds, renames and removes data planes', async () => {
    openPlan(fitAnswersToModel(defaultAnswers, 'cloud-hybrid'));
    const { user } = renderWizard('/wizard/deployment');
    await user.click(await screen.findByRole('button', { name: 'Add a data plane' }));
    const second = screen.getByRole('textbox', { name: 'Data plane 2 name' });
    expect(second).toHaveValue('data-plane-2');
    await user.clear(second);
    await user.type(second, 'data-plane-1');
    expect(second).toHaveAccessibleDescription(/used twice/);
    await user.click(screen.getByRole('button', { name: 'Remove data plane 1 (data-plane-1)' }));
    expect(activeAnswers()?.dataPlanes.map((plane) => plane.name)).toEqual(['data-plane-1']);
  });

  it('saves every answer as it is given', async () => {
    const { user } = renderWizard('/wizard/deployment');
    await user.click(await screen.findByRole('radio', { name: 'Helm' }));
    expect(activeAnswers()?.install).toBe('helm');
    expect(localStorage.getItem(storageKey)).toContain('"install":"helm"');
  });

  it('marks the current step and links the steps that can be opened', async () => {
    renderWizard('/wizard/deployment');
    const steps = await screen.findByRole('navigation', { name: 'Wizard steps' });
    const items = within(steps).getAllByRole('listitem');
    expect(items).toHaveLength(6);
    expect(
      within(items[0] as HTMLElement)
        .getByText('Your deployment')
        .closest('[aria-current]'),
    ).toHaveAttribute('aria-current', 'step');
    expect(within(steps).getByRole('link', { name: 'Step 2: Versions' })).toHaveAttribute(
      'href',
      '/wizard/versions',
    );
    expect(within(steps).queryByRole('link', { name: /Preparation/ })).toBeNull();
  });

  it('moves on to the versions', async () => {
    const { user, router } = renderWizard('/wizard/deployment');
    await user.click(await screen.findByRole('button', { name: /Next: Versions/ }));
    expect(router.state.location.pathname).toBe('/wizard/versions');
    expect(await screen.findByRole('heading', { level: 1, name: 'Versions' })).toHaveFocus();
  });
});

// Issue 9, item 4 (docs/sources.md: install pages, release notes "Downloads"): the plan keeps the
// repository the deployment runs and changes only the tag, so the wizard asks for it.
describe('Your deployment: images and Go plugin builds', () => {
  it('asks for the image repository of each component on a container install', async () => {
    const { user } = renderWizard('/wizard/deployment');
    const gateway = await screen.findByRole('combobox', { name: 'Gateway image repository' });
    expect(gateway).toHaveAttribute('placeholder', 'tykio/tyk-gateway');
    expect(screen.getByRole('combobox', { name: 'Pump image repository' })).toHaveAttribute(
      'placeholder',
      'tykio/tyk-pump-docker-pub',
    );
    await user.click(gateway);
    await user.paste('tykio/tyk-gateway-ee');
    expect(activeAnswers()?.images.gateway).toBe('tykio/tyk-gateway-ee');
  });

  it('asks for no repository on a Linux package install', async () => {
    const { user } = renderWizard('/wizard/deployment');
    await user.click(await screen.findByRole('radio', { name: 'Debian / Ubuntu packages' }));
    expect(screen.queryByRole('group', { name: 'Image repositories' })).toBeNull();
  });

  it('asks for the Gateway architecture only with Go plugins', async () => {
    const { user } = renderWizard('/wizard/deployment');
    await screen.findByRole('heading', { level: 1, name: 'Your deployment' });
    expect(screen.queryByRole('group', { name: 'Architecture of the Gateway hosts' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    const group = screen.getByRole('group', { name: 'Architecture of the Gateway hosts' });
    expect(within(group).getByRole('radio', { name: 'amd64' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'arm64' }));
    expect(activeAnswers()?.architecture).toBe('arm64');
  });
});
