// `npm run test:e2e`: find a Chromium (or provision one), then run Playwright against the build.
// Extra arguments go to `playwright test` as they are, e.g. `npm run test:e2e -- --project=light`.
//
// Chromium is looked for in this order, and the first that works wins:
//   1. CHROMIUM_PATH, when set (it must point at an existing file)
//   2. /usr/bin/chromium (the Debian and Ubuntu package)
//   3. Playwright's own browser, when it was downloaded before
//   4. `npx playwright install chromium` (needs access to Playwright's download host)
//   5. `apt-get install -y chromium`, on Debian when running as root
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const systemChromium = '/usr/bin/chromium';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function say(line) {
  process.stdout.write(`e2e: ${line}\n`);
}

function run(command, args, env = process.env) {
  say(`running ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function canUseApt() {
  return (
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    existsSync('/etc/debian_version') &&
    spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  );
}

async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    return { error: `CHROMIUM_PATH is set to ${fromEnv}, but no file exists there.` };
  }
  if (existsSync(systemChromium)) return { path: systemChromium, source: 'system package' };

  const downloaded = await playwrightChromium();
  if (downloaded) return { path: downloaded, source: "Playwright's browser" };

  if (run(npx, ['playwright', 'install', 'chromium'])) {
    const installed = await playwrightChromium();
    if (installed) return { path: installed, source: "Playwright's browser, just downloaded" };
  }

  if (canUseApt()) {
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (
      run('apt-get', ['update'], aptEnv) &&
      run('apt-get', ['install', '-y', 'chromium'], aptEnv) &&
      existsSync(systemChromium)
    ) {
      return { path: systemChromium, source: 'system package, just installed' };
    }
  }

  return {
    error:
      'no Chromium found or installable: set CHROMIUM_PATH, install the chromium package, or run `npx playwright install chromium` where its download host is reachable.',
  };
}

// The tests run against the production build; make one if there is none yet.
if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
  say('dist/index.html is missing, building first');
  if (!run(npm, ['run', 'build'])) {
    say('the production build failed, so the end-to-end tests cannot run.');
    process.exit(1);
  }
}

const chromium = await findChromium();
if ('error' in chromium) {
  say(chromium.error);
  process.exit(1);
}
say(`using Chromium at ${chromium.path} (${chromium.source})`);

// The Playwright CLI is the one `npx playwright` would run; calling it directly skips npx's start-up.
const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const child = spawn(process.execPath, [playwrightCli, 'test', ...process.argv.slice(2)], {
  cwd: repoRoot,
  env: { ...process.env, CHROMIUM_PATH: chromium.path },
  // Without a terminal on stdin the HTML reporter stays quiet, so the run ends on the summary line.
  stdio: ['ignore', 'inherit', 'inherit'],
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}

child.on('error', (error) => {
  say(`could not start Playwright: ${error.message}`);
  process.exit(1);
});
// Playwright keeps, for every failed attempt, a snapshot of the page's accessibility tree. A CI log
// is all that is left of a run on a clean clone, so the snapshots go into it.
function printFailureSnapshots() {
  const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));
  if (!existsSync(resultsDir)) return;
  const snapshots = readdirSync(resultsDir, { recursive: true })
    .map(String)
    .filter((path) => path.endsWith('error-context.md'))
    .sort();
  for (const path of snapshots) {
    say(`what the page showed when a test failed (test-results/${path}):`);
    process.stdout.write(`${readFileSync(resultsDir + path, 'utf8').trimEnd()}\n\n`);
  }
}

child.on('exit', (code) => {
  printFailureSnapshots();
  process.exit(code ?? 1);
});
