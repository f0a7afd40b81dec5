import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Step } from '@/rules';
import { StepCard, type StepCardProps } from '@/components/step-card';

const upgradeGateway: Step = {
  id: 'upgrade-gateway',
  title: 'Upgrade the Gateway',
  detail: 'Install the new Gateway package and restart the service.',
  kind: 'upgrade',
  component: 'gateway',
  commands: [
    { code: 'sudo apt-get update', lang: 'bash' },
    { code: 'sudo apt-get install -y tyk-gateway=5.3.0', lang: 'bash', label: 'Pin the package' },
  ],
  verify: {
    commands: [{ code: 'curl -s http://localhost:8080/hello', lang: 'bash' }],
    expect: 'status is pass and version is 5.3.0.',
  },
  rollback: {
    detail: 'Install the previous package again.',
    commands: [
      { code: 'sudo apt-get install -y --allow-downgrades tyk-gateway=5.2.5', lang: 'bash' },
    ],
  },
  guide: 'upgrade-order',
};

function renderCard(overrides: Partial<StepCardProps> = {}) {
  const onDoneChange = vi.fn<StepCardProps['onDoneChange']>();
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <StepCard
        step={upgradeGateway}
        number={7}
        onDoneChange={onDoneChange}
        permalink="/wizard/plan?step=upgrade-gateway"
        guideTitle="Upgrade order"
        {...overrides}
      />
    </MemoryRouter>,
  );
  return { onDoneChange, user };
}

describe('StepCard', () => {
  it('shows the number, the title, the detail and the kind and component as text badges', () => {
    renderCard();

    const card = screen.getByRole('article', { name: '7. Upgrade the Gateway' });
    expect(
      within(card).getByText('Install the new Gateway package and restart the service.'),
    ).toBeVisible();
    const badges = within(card).getByRole('list', { name: 'About step 7' });
    expect(within(badges).getByText('Upgrade')).toBeInTheDocument();
    expect(within(badges).getByText('Gateway')).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Pin the package (step 7, command 2)' }),
    ).toHaveTextContent('sudo apt-get install -y tyk-gateway=5.3.0');
  });

  it('folds the check and the rollback, and makes their content when they are first opened', async () => {
    const { user } = renderCard();

    // Not made until opened: a large plan opens faster without every check and rollback.
    expect(screen.queryByText('What good looks like:')).toBeNull();
    await user.click(screen.getByText('Check that it worked'));
    const check = await screen.findByText('What good looks like:');
    expect(check).toBeVisible();
    expect(check.parentElement).toHaveTextContent(
      'What good looks like: status is pass and version is 5.3.0.',
    );
    // Folded again, it keeps its content (hidden), so that a copied command is not lost.
    await user.click(screen.getByText('Check that it worked'));
    expect(check).not.toBeVisible();

    expect(screen.queryByText('Install the previous package again.')).toBeNull();
    await user.click(screen.getByText('How to roll back'));
    const rollback = await screen.findByText('Install the previous package again.');
    expect(rollback).toBeVisible();
    expect(screen.getByRole('group', { name: /rollback command 1/ })).toHaveTextContent(
      '--allow-downgrades',
    );
  });

  it('calls the handler when Done is ticked, from the mouse and the keyboard', async () => {
    const { onDoneChange, user } = renderCard();

    const checkbox = screen.getByRole('checkbox', { name: /^Done/ });
    expect(checkbox).not.toBeChecked();
    await user.click(checkbox);
    expect(onDoneChange).toHaveBeenLastCalledWith('upgrade-gateway', true);

    checkbox.focus();
    await user.keyboard(' ');
    expect(onDoneChange).toHaveBeenCalledTimes(2);
  });

  it('shows when a done step was ticked and lets it be unticked', async () => {
    const { onDoneChange, user } = renderCard({ doneAt: '2026-03-01T10:15:00.000Z' });

    const checkbox = screen.getByRole('checkbox', { name: /^Done/ });
    expect(checkbox).toBeChecked();
    const time = screen.getByText((_, element) => element?.tagName === 'TIME');
    expect(time).toHaveAttribute('datetime', '2026-03-01T10:15:00.000Z');
    expect(time.parentElement).toHaveTextContent(/^Ticked /);

    await user.click(checkbox);
    expect(onDoneChange).toHaveBeenLastCalledWith('upgrade-gateway', false);
  });

  it('links to itself and to its guide', () => {
    renderCard();

    expect(screen.getByRole('link', { name: 'Link to step 7' })).toHaveAttribute(
      'href',
      '/wizard/plan?step=upgrade-gateway',
    );
    expect(screen.getByRole('link', { name: 'Guide: Upgrade order' })).toHaveAttribute(
      'href',
      '/guides/upgrade-order',
    );
  });

  it('copies every command of the step as one block that stops at the first failure', async () => {
    const { user } = renderCard();

    const copyAll = screen.getByRole('button', { name: 'Copy all 2 commands of step 7' });
    expect(copyAll).toHaveAccessibleDescription(
      'Copy all: one block that stops at the first failing command; paste it whole.',
    );
    await user.click(copyAll);
    await expect(navigator.clipboard.readText()).resolves.toBe(
      [
        '{',
        'sudo apt-get update &&',
        'sudo apt-get install -y tyk-gateway=5.3.0 &&',
        `echo 'All 2 commands of step "Upgrade the Gateway" finished.'`,
        `} || echo 'Step "Upgrade the Gateway" stopped at a failing command; the commands after it did not run.' >&2`,
      ].join('\n'),
    );
  });

  it('leaves a YAML snippet out of Copy all and says so', async () => {
    const snippet = {
      code: 'image:\n  tag: v5.3.0',
      lang: 'yaml',
      label: 'In values.yaml',
    } as const;
    const { user } = renderCard({
      step: {
        ...upgradeGateway,
        commands: [
          snippet,
          { code: 'helm upgrade tyk tyk-helm/tyk-oss -f values.yaml', lang: 'bash' },
          { code: 'kubectl rollout status deployment/gateway-tyk-oss', lang: 'bash' },
        ],
      },
    });

    const copyAll = screen.getByRole('button', { name: 'Copy all 2 commands of step 7' });
    expect(copyAll).toHaveAccessibleDescription(
      'Copy all: one block that stops at the first failing command; paste it whole. The YAML snippet is not shell and not in it: put it in place first.',
    );
    await user.click(copyAll);
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain('helm upgrade tyk tyk-helm/tyk-oss -f values.yaml &&\n');
    expect(copied).not.toContain('tag: v5.3.0');
  });

  it('offers no Copy all where one shell command is left besides a snippet', () => {
    renderCard({
      step: {
        ...upgradeGateway,
        commands: [
          { code: 'services:\n  tyk-gateway:\n    image: tykio/tyk-gateway:v5.3.0', lang: 'yaml' },
          { code: 'docker compose up -d tyk-gateway', lang: 'bash' },
        ],
      },
    });

    expect(screen.getAllByRole('button', { name: /^Copy / })).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /^Copy all/ })).toBeNull();
    expect(screen.queryByText(/^Copy all:/)).toBeNull();
  });

  it('leaves out the folds and the copy-all button where a step has none', () => {
    renderCard({
      step: {
        id: 'tell-users',
        title: 'Tell your users',
        detail: 'Send the notice.',
        kind: 'communicate',
        commands: [],
      },
    });

    expect(screen.queryByText('Check that it worked')).toBeNull();
    expect(screen.queryByText('How to roll back')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Copy all/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /^Guide/ })).toBeNull();
  });
});
