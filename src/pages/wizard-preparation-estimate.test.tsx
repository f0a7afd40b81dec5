import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { activeAnswers, openPlan, renderWizard, resetStore } from '@/test/wizard-test-router';
import { defaultAnswers, type DraftAnswers } from '@/rules';

const withVersions: DraftAnswers = {
  ...defaultAnswers,
  gateway: { from: '5.3.0', to: '5.8.2' },
  pump: { from: '1.8.0', to: '' },
};

beforeEach(resetStore);

describe('Preparation: the figures of the time estimate', () => {
  it('asks for instances of each component run and the database size, defaults shown', async () => {
    openPlan(withVersions);
    renderWizard('/wizard/preparation');
    const group = await screen.findByRole('group', { name: 'For the time estimate' });
    const fields = within(group).getAllByRole('textbox');
    expect(fields.map((field) => field.getAttribute('placeholder'))).toEqual(['2', '2', '1', '1']);
    expect(
      within(group).getByRole('textbox', { name: 'Gateway instances' }),
    ).toHaveAccessibleDescription(/Empty: 2, an estimate\./);
    expect(
      within(group).getByRole('textbox', { name: 'Dashboard database size, in GB' }),
    ).toBeVisible();
  });

  it('keeps a bad count as typed and names the field in the message', async () => {
    openPlan(withVersions);
    const { user } = renderWizard('/wizard/preparation');
    const gateways = await screen.findByRole('textbox', { name: 'Gateway instances' });
    await user.type(gateways, 'two');
    expect(activeAnswers()?.estimate.instances.gateway).toBe('two');
    expect(gateways).toBeInvalid();
    expect(gateways).toHaveAccessibleDescription(
      /Gateway instances "two" is not a whole number from 1 to 100\./,
    );
    await user.clear(gateways);
    await user.type(gateways, '4');
    expect(gateways).toBeValid();
    expect(activeAnswers()?.estimate.instances.gateway).toBe('4');
  });

  it('checks the database size', async () => {
    openPlan(withVersions);
    const { user } = renderWizard('/wizard/preparation');
    const size = await screen.findByRole('textbox', { name: 'Dashboard database size, in GB' });
    await user.type(size, '-2');
    expect(size).toHaveAccessibleDescription(
      /Database size "-2" is not a number of gigabytes from 0 to 10000\./,
    );
  });

  it('asks no database size where there is no Dashboard', async () => {
    openPlan({ ...withVersions, model: 'oss', components: ['gateway'] });
    renderWizard('/wizard/preparation');
    const group = await screen.findByRole('group', { name: 'For the time estimate' });
    expect(
      within(group)
        .getAllByRole('textbox')
        .map((field) => field.id),
    ).toEqual(['field-estimate-instances-gateway']);
  });
});
