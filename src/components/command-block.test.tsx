import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Command } from '@/rules';
import { CommandBlock } from '@/components/command-block';
import { CommandWrapContext, CommandWrapToggle } from '@/components/command-wrap';

const install: Command = {
  code: 'sudo apt-get update\nsudo apt-get install -y tyk-gateway=5.3.0',
  lang: 'bash',
  label: 'Install the new Gateway package',
};

describe('CommandBlock', () => {
  it('shows the code unwrapped in a named, focusable scroll region with its language', () => {
    render(<CommandBlock command={install} name="Install the Gateway (step 4, command 1)" />);

    const region = screen.getByRole('group', { name: 'Install the Gateway (step 4, command 1)' });
    expect(region).toHaveTextContent('sudo apt-get install -y tyk-gateway=5.3.0');
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toHaveClass('overflow-x-auto', 'whitespace-pre');
    expect(screen.getByText('Shell')).toBeInTheDocument();
    expect(screen.getByText('Install the new Gateway package')).toBeInTheDocument();
  });

  it('wraps long lines when the page asks, each line hanging below its own indentation', () => {
    const values: Command = {
      code: 'helm upgrade tyk tyk-helm/tyk-control-plane \\\n  --set a.b.c=1\n\nexit',
      lang: 'bash',
    };
    render(
      <CommandWrapContext value>
        <CommandBlock command={values} name="Upgrade (step 9, command 1)" />
      </CommandWrapContext>,
    );

    const region = screen.getByRole('group', { name: 'Upgrade (step 9, command 1)' });
    expect(region).toHaveAttribute('data-wrapped');
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toHaveClass('whitespace-pre-wrap');
    expect(region).not.toHaveClass('overflow-x-auto');
    // The text on screen is the command as it is, lines and all.
    expect(region.textContent).toBe(values.code);
    const lines = [...region.querySelectorAll('code > span')] as HTMLElement[];
    expect(lines.map((line) => line.style.paddingLeft)).toEqual(['2ch', '4ch', '2ch', '2ch']);
    expect(lines.map((line) => line.style.textIndent)).toEqual(['-2ch', '-4ch', '-2ch', '-2ch']);
  });

  it('copies a selection of wrapped lines as the characters selected', () => {
    render(
      <CommandWrapContext value>
        <CommandBlock command={install} />
      </CommandWrapContext>,
    );
    const region = screen.getByRole('group', { name: 'Install the new Gateway package' });
    const range = document.createRange();
    range.selectNodeContents(region);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    const setData = vi.fn<(format: string, data: string) => void>();

    fireEvent.copy(region, { clipboardData: { setData } });

    expect(setData).toHaveBeenCalledWith('text/plain', install.code);
  });

  it('copies the exact code when its lines are wrapped', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(
      <CommandWrapContext value>
        <CommandBlock command={install} />
      </CommandWrapContext>,
    );

    await user.click(screen.getByRole('button', { name: /^Copy Install the new Gateway package/ }));

    expect(writeText).toHaveBeenCalledWith(install.code);
    await expect(navigator.clipboard.readText()).resolves.toBe(install.code);
  });

  it('copies the exact code and announces it', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<CommandBlock command={install} />);

    await user.click(screen.getByRole('button', { name: /^Copy Install the new Gateway package/ }));

    expect(writeText).toHaveBeenCalledWith(install.code);
    await expect(navigator.clipboard.readText()).resolves.toBe(install.code);
    expect(await screen.findByRole('button', { name: /^Copied/ })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Copied Install the new Gateway package to the clipboard.',
    );
  });

  it('is operated from the keyboard', async () => {
    const user = userEvent.setup();
    render(<CommandBlock command={{ code: 'helm repo update', lang: 'bash' }} />);

    await user.tab();
    expect(screen.getByRole('button', { name: /^Copy/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Copied/));
    await expect(navigator.clipboard.readText()).resolves.toBe('helm repo update');

    await user.tab();
    expect(screen.getByRole('group', { name: 'Shell command' })).toHaveFocus();
  });

  it('falls back to a hidden textarea when the Clipboard API is missing', async () => {
    const user = userEvent.setup();
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const execCommand = vi.fn<(command: string) => boolean>(() => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    try {
      render(<CommandBlock command={{ code: 'docker compose pull tyk-gateway', lang: 'bash' }} />);
      await user.click(screen.getByRole('button', { name: /^Copy/ }));

      expect(execCommand).toHaveBeenCalledWith('copy');
      expect(await screen.findByRole('status')).toHaveTextContent(/^Copied/);
      expect(document.querySelector('textarea')).toBeNull();
    } finally {
      Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
      Reflect.deleteProperty(document, 'execCommand');
    }
  });

  it('says so when copying fails', async () => {
    const user = userEvent.setup();
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    try {
      render(<CommandBlock command={{ code: 'kubectl get pods', lang: 'bash' }} />);
      await user.click(screen.getByRole('button', { name: /^Copy/ }));

      expect(await screen.findByRole('button', { name: /^Copy failed/ })).toBeInTheDocument();
      expect(screen.getByRole('status')).toHaveTextContent(/copy it by hand/);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
      Reflect.deleteProperty(document, 'execCommand');
    }
  });
});

describe('CommandWrapToggle', () => {
  it('is a labelled toggle button that says whether lines wrap', async () => {
    const user = userEvent.setup();
    const changes: boolean[] = [];
    const { rerender } = render(
      <CommandWrapToggle isWrapped={false} onChange={(value) => changes.push(value)} />,
    );

    const toggle = screen.getByRole('button', { name: 'Wrap long command lines' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.tab();
    expect(toggle).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(changes).toEqual([true]);

    rerender(<CommandWrapToggle isWrapped onChange={(value) => changes.push(value)} />);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/A wrapped line goes on indented/)).toBeVisible();
    await user.click(toggle);
    expect(changes).toEqual([true, false]);
  });
});
