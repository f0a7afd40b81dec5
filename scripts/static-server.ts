// Starts scripts/serve-static.mjs on a free loopback port for the benchmarks and the runbook
// sample, and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export type StaticServer = { readonly url: string; readonly stop: () => Promise<void> };

export type StaticServerOptions = {
  /** The sub-path the site is served under, with slashes: `/tyk-upgrade-wizard/`. */
  readonly basePath: string;
  /** The build to serve; by default the repository's dist/. */
  readonly distDir?: string;
};

async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (typeof address === 'object' && address !== null) resolvePort(address.port);
        else reject(new Error('no free port found'));
      });
    });
  });
}

async function waitUntilServing(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`serve-static exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
  throw new Error(`${url} did not answer within 15 s`);
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const port = await findFreePort();
  const server = spawn(process.execPath, [join(repoRoot, 'scripts', 'serve-static.mjs')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      BASE_PATH: options.basePath,
      ...(options.distDir === undefined ? {} : { DIST_DIR: options.distDir }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async (): Promise<void> => {
    if (server.exitCode !== null) return;
    const exited = new Promise((resolveExit) => server.once('exit', resolveExit));
    server.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}${options.basePath}`;
  try {
    await waitUntilServing(url, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
