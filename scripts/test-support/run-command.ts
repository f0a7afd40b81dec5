// Runs a command without blocking the test worker, so that several CLI runs overlap instead of
// queueing one behind the other. The promise never rejects: a command that cannot start reads as
// a run with no status and the reason on stderr, which the test's expectations then report.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type CommandRun = {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
};

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `command` in the repository's root and collects what it prints. */
export function run(
  command: string,
  args: readonly string[],
  timeout: number,
): Promise<CommandRun> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const child = spawn(command, args, { cwd: root, timeout });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => resolve({ status: null, stdout, stderr: stderr + error.message }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
