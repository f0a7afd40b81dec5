// shellcheck over many script files in a few runs: four batches at once, each report with the
// temporary file names replaced by what a reader knows them as.
//
// shellcheck's verdict on a script depends only on the script, shellcheck's version and the
// flags, so a script it passed once is not sent again: the hashes of the scripts that passed are
// kept under node_modules/.cache, one list per suite, and each run writes its own list afresh.
// A script that failed, or one in a batch that did not finish cleanly, is never remembered.
// `SHELLCHECK_CACHE=off` checks every script.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { env, pid } from 'node:process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

// --norc: a .shellcheckrc above the temporary folder or in the home folder changes nothing here.
const flags = ['--norc', '--format=gcc'];

const cacheFolder = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../node_modules/.cache/tyk-upgrade-wizard',
);

let versionText: string | null = null;

function shellcheckVersion(): string {
  versionText ??= execFileSync('shellcheck', ['--version'], { encoding: 'utf8' });
  return versionText;
}

function cacheEnabled(): boolean {
  return env.SHELLCHECK_CACHE !== 'off';
}

/** Where the hashes of the scripts that passed in `suite` are kept. */
export function listFile(suite: string): string {
  if (!/^[a-z0-9-]+$/.test(suite)) throw new Error(`"${suite}" is not a cache name`);
  return join(cacheFolder, `shellcheck-${suite}.json`);
}

function readPassed(suite: string): ReadonlySet<string> {
  if (!cacheEnabled()) return new Set();
  try {
    const kept: unknown = JSON.parse(readFileSync(listFile(suite), 'utf8'));
    return new Set(Array.isArray(kept) ? kept.filter((hash) => typeof hash === 'string') : []);
  } catch {
    return new Set();
  }
}

function writePassed(suite: string, hashes: readonly string[]): void {
  if (!cacheEnabled()) return;
  const file = listFile(suite);
  mkdirSync(dirname(file), { recursive: true });
  // Written beside and renamed over, so a run that stops halfway leaves the old list whole.
  const partial = `${file}.${pid}.partial`;
  writeFileSync(partial, JSON.stringify(hashes));
  renameSync(partial, file);
}

/** What decides shellcheck's verdict on the script in `file`: its text, the version, the flags. */
export function verdictKey(file: string): string {
  return createHash('sha256')
    .update(shellcheckVersion())
    .update('\0')
    .update(flags.join(' '))
    .update('\0')
    .update(readFileSync(file))
    .digest('hex');
}

type BatchResult = { readonly report: string; readonly clean: boolean };

async function checkBatch(
  chunk: readonly string[],
  name: (report: string) => string,
): Promise<BatchResult> {
  try {
    await run('shellcheck', [...flags, ...chunk], { maxBuffer: 64 * 1024 * 1024 });
    return { report: '', clean: true };
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    const report =
      stdout === undefined || stdout === '' ? `${stderr ?? ''}${String(error)}` : stdout;
    return { report: name(report), clean: false };
  }
}

/**
 * Every shellcheck finding in `files` (gcc format), renamed by `name`; '' when there is none.
 * shellcheck exits with a failure when it finds something, so its report comes from the error.
 * `suite` names the list of scripts that passed, kept for the next run.
 */
export async function shellcheckReport(
  files: readonly string[],
  name: (report: string) => string,
  suite: string,
): Promise<string> {
  const passed = readPassed(suite);
  const keys = new Map(files.map((file) => [file, verdictKey(file)]));
  const unchecked = files.filter((file) => !passed.has(keys.get(file) ?? ''));
  const chunkSize = Math.max(1, Math.ceil(unchecked.length / 4));
  const chunks = Array.from({ length: Math.ceil(unchecked.length / chunkSize) }, (_, i) =>
    unchecked.slice(i * chunkSize, (i + 1) * chunkSize),
  );
  const results = await Promise.all(chunks.map((chunk) => checkBatch(chunk, name)));
  const failed = new Set(chunks.flatMap((chunk, i) => (results[i]?.clean === true ? [] : chunk)));
  writePassed(
    suite,
    files.filter((file) => !failed.has(file)).map((file) => keys.get(file) ?? ''),
  );
  return results.map((result) => result.report).join('');
}
