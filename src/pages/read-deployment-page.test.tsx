import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadDeploymentPage } from '@/pages/read-deployment-page';
import { copyAnswers, defaultAnswers } from '@/rules';
import { useWizardStore } from '@/store/wizard-store';
import { activeAnswers, openPlan, resetStore } from '@/test/wizard-test-router';

// A compose stack laid out as Tyk's own: image tags from .env with a default in the compose file.
const proCompose = `services:
  tyk-dashboard:
    image: tykio/tyk-dashboard:\${DASHBOARD_VERSION:-v5.6.1}
    environment:
      - TYK_DB_STORAGE_MAIN_TYPE=postgres
    ports:
      - "3000:3000"
  tyk-gateway:
    image: tykio/tyk-gateway:\${GATEWAY_VERSION:-v5.6.1}
    ports:
      - "8080:8080"
    environment:
      - TYK_GW_STORAGE_HOST=tyk-redis
      - TYK_GW_STORAGE_PORT=6379
  tyk-redis:
    image: redis:7.2.4
`;
const proDotEnv = 'GATEWAY_VERSION="v5.8.0"\nDASHBOARD_VERSION="v5.8.0"\n';

/** A Gateway and a Dashboard that hash keys differently. */
const mismatchedConfigs: readonly (readonly [string, string])[] = [
  [
    'tyk.conf',
    '{"listen_port": 8080, "secret": "gw-Secret-1", "template_path": "/opt/tyk-gateway/templates", "storage": {"type": "redis", "host": "redis", "port": 6379}, "hash_keys": true}',
  ],
  [
    'tyk_analytics.conf',
    '{"listen_port": 3000, "tyk_api_config": {"Host": "http://tyk-gateway", "Port": "8080"}, "mongo_url": "mongodb://mongo:27017/tyk_analytics", "hash_keys": false, "home_dir": "/opt/tyk-dashboard"}',
  ],
];

beforeEach(resetStore);
// Pasting whole files and reading them is a long journey for jsdom on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

function renderPage() {
  const router = createMemoryRouter(
    [
      { path: '/read', element: <ReadDeploymentPage /> },
      { path: '/wizard/deployment', element: <h1>Your deployment</h1> },
    ],
    { initialEntries: ['/read'] },
  );
  const user = userEvent.setup();
  render(<RouterProvider router={router} />);
  return { router, user };
}

type User = ReturnType<typeof userEvent.setup>;

/** Fills file `number` (from 1) as a user pasting it would. */
async function giveFile(user: User, number: number, name: string, text: string): Promise<void> {
  if (screen.queryByLabelText(`Contents of file ${number}`) === null)
    await user.click(screen.getByRole('button', { name: 'Add another file' }));
  await user.click(screen.getByLabelText(`Name of file ${number}`));
  await user.paste(name);
  await user.click(screen.getByLabelText(`Contents of file ${number}`));
  await user.paste(text);
}

function proposal(name: string): HTMLElement {
  return screen.getByLabelText(name);
}

describe('Read my deployment', () => {
  it('proposes answers with their evidence and applies the chosen ones to the draft', async () => {
    openPlan(defaultAnswers);
    const { user } = renderPage();
    await giveFile(user, 1, 'docker-compose.yml', proCompose);
    await giveFile(user, 2, '.env', proDotEnv);
    await user.click(screen.getByRole('button', { name: 'Read the files' }));

    const gateway = proposal('Current Gateway and Dashboard version: 5.8.0');
    expect(gateway).toBeChecked();
    expect(gateway).toHaveAccessibleDescription(
      'Not answered yet. Read from: .env, line 1 (GATEWAY_VERSION): 5.8.0; image tag v5.8.0; GATEWAY_VERSION sets the tag of tyk-gateway in docker-compose.yml',
    );
    expect(proposal("Dashboard's database: PostgreSQL")).toBeChecked();
    expect(proposal('Deployment model: Tyk Self-Managed')).toBeDisabled();
    expect(
      screen.getByText(
        'GATEWAY_VERSION is v5.8.0 in .env and defaults to v5.6.1 in docker-compose.yml; Compose uses the .env value, v5.8.0. Make sure the .env given is the one next to the compose file.',
      ),
    ).toBeVisible();

    await user.click(proposal('Dashboard container, service or deployment: tyk-dashboard'));
    await user.click(screen.getByRole('button', { name: /^Apply \d+ chosen answers$/ }));

    const applied = await screen.findByRole('heading', {
      name: 'Applied to “Docker Compose · Gateway 5.8.0 → …”',
    });
    // The page moves the focus in the frame after the heading is drawn.
    await waitFor(() => expect(applied).toHaveFocus());
    const answers = activeAnswers();
    expect(answers?.gateway).toEqual({ from: '5.8.0', to: '' });
    expect(answers?.database).toBe('postgres');
    expect(answers?.names.dashboardName).toBeUndefined();
    expect(answers?.names.gatewayName).toBe('tyk-gateway');
    expect(screen.getByRole('link', { name: 'Continue with the wizard' })).toHaveAttribute(
      'href',
      '/wizard/deployment',
    );
  });

  it('shows an answer the user set as a conflict and keeps it', async () => {
    openPlan(copyAnswers({ ...defaultAnswers, gateway: { from: '5.3.0', to: '5.9.0' } }));
    const { user } = renderPage();
    await giveFile(user, 1, 'docker-compose.yml', proCompose);
    await giveFile(user, 2, '.env', proDotEnv);
    await user.click(screen.getByRole('button', { name: 'Read the files' }));

    const gateway = proposal('Current Gateway and Dashboard version: 5.8.0');
    expect(gateway).not.toBeChecked();
    expect(gateway).toHaveAccessibleDescription(
      'Conflict. You answered 5.3.0. Tick this only to replace your answer with the files’ value. Read from: .env, line 1 (GATEWAY_VERSION): 5.8.0; image tag v5.8.0; GATEWAY_VERSION sets the tag of tyk-gateway in docker-compose.yml',
    );
    await user.click(screen.getByRole('button', { name: /^Apply \d+ chosen answers$/ }));
    expect(await screen.findByText(/one answer you set yourself was kept/)).toBeVisible();
    expect(activeAnswers()?.gateway).toEqual({ from: '5.3.0', to: '5.9.0' });
    expect(activeAnswers()?.database).toBe('postgres');
  });

  it('replaces a typed answer when the user ticks its conflict', async () => {
    openPlan(copyAnswers({ ...defaultAnswers, gateway: { from: '5.3.0', to: '5.9.0' } }));
    const { user } = renderPage();
    await giveFile(user, 1, 'docker-compose.yml', proCompose);
    await giveFile(user, 2, '.env', proDotEnv);
    await user.click(screen.getByRole('button', { name: 'Read the files' }));
    await user.click(proposal('Current Gateway and Dashboard version: 5.8.0'));
    await user.click(screen.getByRole('button', { name: /^Apply \d+ chosen answers$/ }));
    await screen.findByRole('heading', {
      name: 'Applied to “Docker Compose · Gateway 5.8.0 → 5.9.0”',
    });
    expect(activeAnswers()?.gateway).toEqual({ from: '5.8.0', to: '5.9.0' });
  });

  it('applies a proposal the user changed, ticking it', async () => {
    openPlan(copyAnswers({ ...defaultAnswers, gateway: { from: '5.3.0', to: '5.9.0' } }));
    const { user } = renderPage();
    await giveFile(user, 1, 'docker-compose.yml', proCompose);
    await giveFile(user, 2, '.env', proDotEnv);
    await user.click(screen.getByRole('button', { name: 'Read the files' }));
    const value = screen.getByRole('textbox', {
      name: 'Current Gateway and Dashboard version to apply',
    });
    expect(value).toHaveValue('5.8.0');
    await user.clear(value);
    await user.type(value, '5.8.1');
    // The conflict was left unticked; changing its value means applying it.
    expect(proposal('Current Gateway and Dashboard version: 5.8.0')).toBeChecked();
    expect(value).not.toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: /^Apply \d+ chosen answers$/ }));
    await screen.findByRole('heading', {
      name: 'Applied to “Docker Compose · Gateway 5.8.1 → 5.9.0”',
    });
    expect(activeAnswers()?.gateway).toEqual({ from: '5.8.1', to: '5.9.0' });
  });

  it('refuses a changed value the wizard would refuse, and keeps what was typed', async () => {
    openPlan(defaultAnswers);
    const { user } = renderPage();
    await giveFile(user, 1, 'docker-compose.yml', proCompose);
    await giveFile(user, 2, '.env', proDotEnv);
    await user.click(screen.getByRole('button', { name: 'Read the files' }));
    const port = screen.getByRole('textbox', { name: 'Gateway port to apply' });
    await user.clear(port);
    await user.type(port, '99999');
    const message = 'Gateway port: "99999" is not a port: use a whole number from 1 to 65535.';
    expect(port).toHaveAttribute('aria-invalid', 'true');
    expect(port).toHaveAccessibleDescription(message);

    await user.click(screen.getByRole('button', { name: /^Apply \d+ chosen answers$/ }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      `Nothing was applied: change this value first.${message}`,
    );
    expect(port).toHaveFocus();
    expect(port).toHaveValue('99999');
    expect(screen.queryByRole('heading', { name: /^Applied to/ })).toBeNull();
    expect(activeAnswers()?.names.gatewayPort).toBeUndefined();

    await user.clear(port);
    await user.type(port, '8081');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: /^Apply \d+ chosen answers$/ }));
    await screen.findByRole('heading', {
      name: 'Applied to “Docker Compose · Gateway 5.8.0 → …”',
    });
    expect(activeAnswers()?.names.gatewayPort).toBe('8081');
  });

  it('names the file that could not be read', async () => {
    const { user } = renderPage();
    await giveFile(user, 1, 'tyk.conf', '{\n  "listen_port": 8080\n  "secret": "x"\n}');
    await giveFile(user, 2, 'bundle.zip', `PK\u0003\u0004${'\u0000\u0001\u0002'.repeat(40)}`);
    await user.click(screen.getByRole('button', { name: 'Read the files' }));
    const alert = screen.getByRole('alert');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'tyk.conf line 3 is not valid JSON: it misses a "," or "}" after a value.',
      'bundle.zip is binary data (an archive, an image or a compiled file?), not text. Give the file as text: a compose file, a config, or the output of a command.',
    ]);
    expect(screen.queryByRole('button', { name: /^Apply/ })).toBeNull();
    expect(Object.keys(useWizardStore.getState().plans)).toEqual([]);
  });

  it('asks for a file when every box is empty', async () => {
    const { user } = renderPage();
    await user.click(screen.getByRole('button', { name: 'Read the files' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Paste at least one file, or open one from this computer, then read it.',
    );
  });

  it('lists findings with their source and keeps them with a new plan', async () => {
    const { user } = renderPage();
    for (const [index, [name, text]] of mismatchedConfigs.entries())
      await giveFile(user, index + 1, name, text);
    await user.click(screen.getByRole('button', { name: 'Read the files' }));
    expect(screen.getByText('Critical: Gateway and Dashboard hash keys differently')).toBeVisible();
    expect(
      screen.getByText(
        'Source: config-risks.md §2; Tyk docs "key hashing"; tyk issues #1603 and #5558',
      ),
    ).toBeVisible();
    await user.type(
      screen.getByRole('textbox', { name: 'Target Gateway version, for the findings' }),
      '5.8.0',
    );
    await user.click(screen.getByRole('button', { name: /^Apply/ }));
    await screen.findByRole('heading', { name: 'Applied to “Docker Compose”' });
    expect(screen.getByRole('region', { name: 'What the files show' }).textContent).not.toContain(
      'gw-Secret-1',
    );
    const { plans, activePlanId } = useWizardStore.getState();
    const findings = plans[activePlanId ?? '']?.findings;
    expect([findings?.target, findings?.findings.map((finding) => finding.id)]).toEqual([
      '5.8.0',
      ['hash-keys-mismatch'],
    ]);
  });

  it('removes a file and leaves the others', async () => {
    const { user } = renderPage();
    await giveFile(user, 1, 'a.yml', 'x: 1');
    await giveFile(user, 2, 'b.env', 'TYK_GW_LISTENPORT=8080');
    await user.click(screen.getByRole('button', { name: 'Remove file 1' }));
    expect(screen.getByRole('textbox', { name: 'Name of file 1' })).toHaveValue('b.env');
    expect(screen.queryByRole('textbox', { name: 'Name of file 2' })).toBeNull();
  });

  it('shows the read-only collector for the chosen installation, with a copy button', async () => {
    const { user } = renderPage();
    const script = screen.getByRole('group', {
      name: 'the collector script for Docker Compose',
    });
    expect(script.textContent).toMatch(
      /^#!\/usr\/bin\/env bash\n# Tyk Upgrade Wizard: read-only fact collector \(docker-compose\)\./,
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Installation type of the collector' }),
      'helm',
    );
    expect(
      screen.getByRole('group', { name: 'the collector script for Helm' }).textContent,
    ).toMatch(/read-only fact collector \(helm\)/);
    expect(
      screen.getByRole('button', { name: 'Copy the collector script for Helm' }),
    ).toBeVisible();
    expect(screen.getByText(/It installs, restarts and writes nothing/)).toBeVisible();
  });
});
