import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel, fileStemOf } from '@/components/export-panel';

const markdown = '# Upgrade Tyk\n\n```bash\ntyk version\n```\n';
const json = '{\n  "title": "Upgrade Tyk"\n}\n';

type Download = { readonly href: string; readonly fileName: string; readonly isInPage: boolean };

let downloads: Download[];
let blobs: Map<string, Blob>;
let revoked: string[];
const { createObjectURL, revokeObjectURL } = URL;

beforeEach(() => {
  downloads = [];
  blobs = new Map();
  revoked = [];
  // jsdom has no object URLs and cannot navigate, so both are stood in for.
  let next = 0;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${next++}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn((url: string) => {
    revoked.push(url);
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({ href: this.href, fileName: this.download, isInPage: this.isConnected });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  // Other suites share this jsdom: leave URL as it was.
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

function renderPanel() {
  const router = createMemoryRouter(
    [
      {
        path: '/wizard/plan',
        element: (
          <ExportPanel
            id="export"
            markdown={markdown}
            json={json}
            fileStem="tyk-self-managed-5-2-5-to-5-3-0"
            printPath="/print"
          />
        ),
      },
      { path: '/print', element: <h1>Printable runbook page</h1> },
    ],
    { initialEntries: ['/wizard/plan'] },
  );
  const user = userEvent.setup();
  render(<RouterProvider router={router} />);
  return { router, user };
}

async function contentOf(url: string): Promise<string | undefined> {
  return blobs.get(url)?.text();
}

describe('ExportPanel', () => {
  it('downloads the Markdown runbook under the name of the plan, then frees the URL', async () => {
    const { user } = renderPanel();

    await user.click(screen.getByRole('button', { name: 'Download Markdown' }));

    expect(downloads).toEqual([
      { href: 'blob:test/0', fileName: 'tyk-self-managed-5-2-5-to-5-3-0.md', isInPage: true },
    ]);
    expect(blobs.get('blob:test/0')?.type).toBe('text/markdown;charset=utf-8');
    await expect(contentOf('blob:test/0')).resolves.toBe(markdown);
    await waitFor(() => expect(revoked).toEqual(['blob:test/0']));
    expect(document.querySelector('a[download]')).toBeNull();
    expect(
      screen.getByText('Your browser is saving tyk-self-managed-5-2-5-to-5-3-0.md.'),
    ).toBeInTheDocument();
  });

  it('downloads the plan as JSON', async () => {
    const { user } = renderPanel();

    await user.click(screen.getByRole('button', { name: 'Download JSON' }));

    expect(downloads.map((download) => download.fileName)).toEqual([
      'tyk-self-managed-5-2-5-to-5-3-0.json',
    ]);
    expect(blobs.get('blob:test/0')?.type).toBe('application/json;charset=utf-8');
    await expect(contentOf('blob:test/0')).resolves.toBe(json);
  });

  it('names the file each download button saves', () => {
    renderPanel();
    expect(screen.getByRole('button', { name: 'Download Markdown' })).toHaveAccessibleDescription(
      'as tyk-self-managed-5-2-5-to-5-3-0.md',
    );
    expect(screen.getByRole('button', { name: 'Download JSON' })).toHaveAccessibleDescription(
      'as tyk-self-managed-5-2-5-to-5-3-0.json',
    );
  });

  it('copies the Markdown and announces it', async () => {
    const { user } = renderPanel();

    await user.click(screen.getByRole('button', { name: 'Copy the Markdown runbook' }));

    await expect(navigator.clipboard.readText()).resolves.toBe(markdown);
    expect(
      await screen.findByText('Copied the Markdown runbook to the clipboard.'),
    ).toBeInTheDocument();
  });

  it('links to the printable runbook', async () => {
    const { router, user } = renderPanel();

    await user.click(screen.getByRole('link', { name: 'Printable runbook' }));

    expect(router.state.location.pathname).toBe('/print');
    expect(screen.getByRole('heading', { name: 'Printable runbook page' })).toBeVisible();
  });
});

describe('fileStemOf', () => {
  it.each([
    [
      'Tyk Self-Managed on Debian / Ubuntu packages: Gateway 5.2.5 to 5.3.0',
      'tyk-self-managed-on-debian-ubuntu-packages-gateway-5-2-5-to-5-3-0',
    ],
    ['  Ünïcödé — plan  ', 'unicode-plan'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['***', 'upgrade-plan'],
    ['a'.repeat(200), 'a'.repeat(80)],
  ])('%s → %s', (title, stem) => {
    expect(fileStemOf(title)).toBe(stem);
  });
});
