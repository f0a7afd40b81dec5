import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { buildPlan, decodePlanLink, planLinkFor, type NormalizedInput } from '@/rules';
import { SharePanel } from '@/components/share-panel';

const appUrl = 'https://tools.example.com/tyk-upgrade-wizard/#/wizard/plan';

function inputWithNames(): NormalizedInput {
  const result = buildPlan({
    model: 'self-managed',
    install: 'helm',
    components: ['gateway', 'dashboard'],
    usesGoPlugins: false,
    gateway: { from: '5.2.5', to: '5.3.0' },
    strategy: 'rolling',
    names: { namespace: 'apis-prod', gatewayHost: 'gw.internal.example.com' },
  });
  if (!result.ok) throw new Error('the test answers should make a plan');
  return result.plan.input;
}

/** The panel as the plan page uses it: the page keeps the checkbox and makes the link. */
function SharePanelWithState() {
  const input = inputWithNames();
  const [includeNames, setIncludeNames] = useState(false);
  return (
    <SharePanel
      id="share"
      link={planLinkFor(appUrl, input, { includeNames })}
      includeNames={includeNames}
      onIncludeNamesChange={setIncludeNames}
    />
  );
}

function linkField(): HTMLTextAreaElement {
  const field = screen.getByRole('textbox', { name: 'Link to this plan' });
  if (!(field instanceof HTMLTextAreaElement)) throw new Error('the link is in a textarea');
  return field;
}

describe('SharePanel', () => {
  it('shows the link in a labelled, read-only field, without names by default', () => {
    render(<SharePanelWithState />);

    expect(screen.getByRole('region', { name: 'Share this plan' })).toHaveAttribute('id', 'share');
    const field = linkField();
    expect(field).toHaveAttribute('readonly');
    expect(field.value).toMatch(
      /^https:\/\/tools\.example\.com\/tyk-upgrade-wizard\/#\/s\/[\w-]+$/,
    );
    const names = screen.getByRole('checkbox', {
      name: 'Include my names (hosts, namespaces, paths)',
    });
    expect(names).not.toBeChecked();
    const decoded = decodePlanLink(field.value);
    expect(decoded.ok && decoded.input['names']).toBeUndefined();
  });

  it('changes the link when the names are included, and says so', async () => {
    const user = userEvent.setup();
    render(<SharePanelWithState />);
    const without = linkField().value;

    await user.click(screen.getByRole('checkbox', { name: /^Include my names/ }));

    const withNames = linkField().value;
    expect(withNames).not.toBe(without);
    const decoded = decodePlanLink(withNames);
    expect(decoded.ok && decoded.input['names']).toEqual({
      namespace: 'apis-prod',
      gatewayHost: 'gw.internal.example.com',
    });
    expect(screen.getByText('The link now carries your names.')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: /^Include my names/ }));
    expect(linkField().value).toBe(without);
    expect(screen.getByText('The link now leaves your names out.')).toBeInTheDocument();
  });

  it('copies the link as it is shown and announces it', async () => {
    const user = userEvent.setup();
    render(<SharePanelWithState />);
    await user.click(screen.getByRole('checkbox', { name: /^Include my names/ }));

    await user.click(screen.getByRole('button', { name: 'Copy the link to this plan' }));

    await expect(navigator.clipboard.readText()).resolves.toBe(linkField().value);
    expect(
      await screen.findByText('Copied the link to this plan to the clipboard.'),
    ).toBeInTheDocument();
  });

  it('selects the whole link when the field gets the keyboard', async () => {
    const user = userEvent.setup();
    render(<SharePanelWithState />);

    await user.tab();
    expect(screen.getByRole('checkbox', { name: /^Include my names/ })).toHaveFocus();
    await user.tab();
    const field = linkField();
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
  });
});
