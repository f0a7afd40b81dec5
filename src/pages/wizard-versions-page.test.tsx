import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultAnswers, fitAnswersToModel } from '@/rules';
import { activeAnswers, openPlan, renderWizard, resetStore } from '@/test/wizard-test-router';

beforeEach(resetStore);

describe('Versions', () => {
  it('sends the user to the first step when no plan is open', async () => {
    const { router } = renderWizard('/wizard/versions');
    expect(await screen.findByRole('heading', { level: 1, name: 'Your deployment' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/wizard/deployment');
  });

  it('names the field of a version that is not one', async () => {
    openPlan(defaultAnswers);
    const { user } = renderWizard('/wizard/versions');
    const current = await screen.findByRole('combobox', {
      name: 'Current Gateway and Dashboard version',
    });
    await user.type(current, '5.x');
    expect(current).toBeInvalid();
    expect(current).toHaveAccessibleDescription(
      /Gateway "5.x" is not a version. Type a release such as 5.14.0, a line such as 5.14 for its newest patch, or latest./,
    );
    expect(activeAnswers()?.gateway.from).toBe('5.x');
  });

  it('keeps quiet about empty fields until they are left', async () => {
    openPlan(defaultAnswers);
    const { user } = renderWizard('/wizard/versions');
    const target = await screen.findByRole('combobox', {
      name: 'Target Gateway and Dashboard version',
    });
    expect(target).toBeValid();
    await user.click(target);
    await user.tab();
    expect(target).toBeInvalid();
    expect(target).toHaveAccessibleDescription(/Enter the Gateway and Dashboard version you want/);
  });

  it('lists what is missing when Next is pressed too early', async () => {
    openPlan(defaultAnswers);
    const { user, router } = renderWizard('/wizard/versions');
    await user.click(await screen.findByRole('button', { name: /Next: Preparation/ }));
    expect(router.state.location.pathname).toBe('/wizard/versions');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveFocus();
    expect(
      within(alert).getByRole('button', { name: /Enter the Pump version you run now/ }),
    ).toBeVisible();
    await user.click(
      within(alert).getByRole('button', { name: /Gateway and Dashboard version you run now/ }),
    );
    expect(
      screen.getByRole('combobox', { name: 'Current Gateway and Dashboard version' }),
    ).toHaveFocus();
  });

  it('accepts a leading v and spaces, shows the advisories and moves on', async () => {
    openPlan(defaultAnswers);
    const { user, router } = renderWizard('/wizard/versions');
    expect(await screen.findByText(/appear here once the versions are valid/)).toBeVisible();
    await user.type(
      screen.getByRole('combobox', { name: 'Current Gateway and Dashboard version' }),
      ' v5.3.0 ',
    );
    await user.type(
      screen.getByRole('combobox', { name: 'Target Gateway and Dashboard version' }),
      '5.8.2',
    );
    await user.type(screen.getByRole('combobox', { name: 'Current Pump version' }), '1.8.0');
    expect(await screen.findByText(/advisor(y|ies) for this upgrade/)).toBeVisible();
    const advisories = screen.getByRole('region', { name: 'What changes on the way' });
    expect(within(advisories).getAllByRole('heading').length).toBeGreaterThan(1);
    await user.click(screen.getByRole('button', { name: /Next: Preparation/ }));
    expect(router.state.location.pathname).toBe('/wizard/preparation');
  });

  it('suggests the Pump and MDCB that go with the target Gateway, naming the source', async () => {
    openPlan({
      ...fitAnswersToModel(defaultAnswers, 'self-managed-mdcb'),
      gateway: { from: '5.3.0', to: '5.8.2' },
    });
    renderWizard('/wizard/versions');
    // The Gateway 5.8.2 release notes list MDCB 2.8.1 and Pump 1.12.0.
    const pump = await screen.findByRole('combobox', { name: 'Target Pump version' });
    expect(pump).toHaveAttribute('placeholder', '1.12.0 (recommended)');
    expect(pump).toHaveAccessibleDescription(
      /Leave empty for 1\.12\.0, the Pump version for Gateway 5\.8\.2 in the Gateway 5\.8\.2 release notes\./,
    );
    expect(screen.getByRole('combobox', { name: 'Target MDCB version' })).toHaveAttribute(
      'placeholder',
      '2.8.1 (recommended)',
    );
  });

  it('asks for the companion target where no release notes list one', async () => {
    openPlan({
      ...fitAnswersToModel(defaultAnswers, 'self-managed-mdcb'),
      gateway: { from: '4.3.0', to: '5.2.5' },
    });
    renderWizard('/wizard/versions');
    const mdcb = await screen.findByRole('combobox', { name: 'Target MDCB version' });
    expect(mdcb).not.toHaveAttribute('placeholder');
    expect(mdcb).toHaveAccessibleDescription(
      /No release notes list the MDCB that goes with Gateway 5\.2\.5: enter the version you want\./,
    );
  });

  it('shows what 5.8 and latest stand for, and keeps the release itself', async () => {
    openPlan(defaultAnswers);
    const { user } = renderWizard('/wizard/versions');
    const target = await screen.findByRole('combobox', {
      name: 'Target Gateway and Dashboard version',
    });
    await user.type(target, '5.8');
    await user.tab();
    expect(target).toHaveValue('5.8.15');
    expect(target).toHaveAccessibleDescription(
      /5\.8 is 5\.8\.15, its newest patch; the plan uses 5\.8\.15\./,
    );
    expect(activeAnswers()?.gateway.to).toBe('5.8.15');
    const current = screen.getByRole('combobox', { name: 'Current Pump version' });
    await user.type(current, 'latest');
    await user.tab();
    expect(current).toHaveValue('1.16.0');
    expect(current).toHaveAccessibleDescription(/latest is 1\.16\.0, the newest release/);
  });

  it('names the nearest releases of a version that was never released', async () => {
    openPlan(defaultAnswers);
    const { user } = renderWizard('/wizard/versions');
    const current = await screen.findByRole('combobox', {
      name: 'Current Gateway and Dashboard version',
    });
    await user.type(current, '5.3.14');
    await user.tab();
    expect(current).toHaveAccessibleDescription(
      /Gateway 5\.3\.14 was never released; the nearest releases are 5\.3\.13 and 5\.4\.0\./,
    );
  });

  it('asks only for the versions of the components in use', async () => {
    openPlan({ ...fitAnswersToModel(defaultAnswers, 'oss'), components: ['gateway'] });
    renderWizard('/wizard/versions');
    expect(await screen.findByRole('combobox', { name: 'Current Gateway version' })).toBeVisible();
    expect(screen.queryByRole('combobox', { name: /Pump/ })).toBeNull();
    expect(screen.queryByRole('combobox', { name: /MDCB/ })).toBeNull();
  });

  it('offers the known releases, with LTS marked', async () => {
    openPlan(defaultAnswers);
    renderWizard('/wizard/versions');
    const target = await screen.findByRole('combobox', {
      name: 'Target Gateway and Dashboard version',
    });
    const listId = target.getAttribute('list') ?? '';
    const options = [...(document.getElementById(listId)?.querySelectorAll('option') ?? [])];
    expect(options.map((option) => option.value)).toContain('5.8.2');
    expect(options.find((option) => option.value === '5.8.2')?.textContent).toBe('LTS 5.8');
  });

  it('tells how to find the running version for the chosen installation', async () => {
    openPlan(defaultAnswers);
    const { user } = renderWizard('/wizard/versions');
    await user.click(await screen.findByText('How do I find my current version?'));
    const commands = screen.getAllByRole('group', { name: /version, command 1/ });
    expect(commands.length).toBeGreaterThan(0);
    expect(commands[0]?.textContent).toMatch(/docker compose|curl/);
  });
});
