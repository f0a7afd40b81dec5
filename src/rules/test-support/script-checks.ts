// Checks of many generated scripts in a few processes: shellcheck, and bash's own parser, each
// over four batches at once, each report with the temporary file names replaced by what a reader
// knows them as.
//
// Either tool's verdict on a script depends only on the script, the tool's version and its
// flags, so a script that passed once is not sent again: the hashes of the scripts that passed
// are kept under node_modules/.cache, one list per suite and tool, and each run writes its list
// afresh. A script that failed, or one in a batch that did not finish cleanly, is never kept.
// `SCRIPT_CHECK_CACHE=off` checks every script. A script given with its text is written to its
// file only when it has to be checked: writing two thousand files took longer than checking the
// few that changed.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { env, pid } from 'node:process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

type ToolId = 'shellcheck' | 'bash-syntax';

/**
 * A script to check: a file already on disk, or a file to write with `text` when it has to be
 * checked (its folder must exist).
 */
export type Script = string | { readonly file: string; readonly text: string };

const fileOf = (script: Script): string => (typeof script === 'string' ? script : script.file);

const bytesOf = (script: Script): Buffer | string =>
  typeof script === 'string' ? readFileSync(script) : script.text;

type Tool = {
  /** Names the tool's list of passed scripts. */
  readonly id: ToolId;
  readonly command: string;
  readonly args: (files: readonly string[]) => readonly string[];
  /** `--version` output, read once: a new version checks everything again. */
  readonly version: () => string;
};

function versionOf(command: string): () => string {
  let text: string | null = null;
  return () => (text ??= execFileSync(command, ['--version'], { encoding: 'utf8' }));
}

// --norc: a .shellcheckrc above the temporary folder or in the home folder changes nothing here.
const shellcheckFlags = ['--norc', '--format=gcc'];

const shellcheck: Tool = {
  id: 'shellcheck',
  command: 'shellcheck',
  args: (files) => [...shellcheckFlags, ...files],
  version: versionOf('shellcheck'),
};

// One bash runs `bash -n` on each file of its batch, so a batch costs one process per file,
// started by bash rather than by the test. Anything printed is a syntax error and fails the batch.
const bashParse = 'for file in "$@"; do bash -n "$file" 2>&1; done; exit 0';

const bashSyntax: Tool = {
  id: 'bash-syntax',
  command: 'bash',
  args: (files) => ['-c', bashParse, 'bash', ...files],
  version: versionOf('bash'),
};

const cacheFolder = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../node_modules/.cache/tyk-upgrade-wizard',
);

function cacheEnabled(): boolean {
  return env.SCRIPT_CHECK_CACHE !== 'off';
}

/** Where the hashes of the scripts that passed `tool` in `suite` are kept. */
export function listFile(tool: ToolId, suite: string): string {
  if (!/^[a-z0-9-]+$/.test(suite)) throw new Error(`"${suite}" is not a cache name`);
  return join(cacheFolder, `${tool}-${suite}.json`);
}

function readPassed(file: string): ReadonlySet<string> {
  if (!cacheEnabled()) return new Set();
  try {
    const kept: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return new Set(Array.isArray(kept) ? kept.filter((hash) => typeof hash === 'string') : []);
  } catch {
    return new Set();
  }
}

function writePassed(file: string, hashes: readonly string[]): void {
  if (!cacheEnabled()) return;
  mkdirSync(dirname(file), { recursive: true });
  // Written beside and renamed over, so a run that stops halfway leaves the old list whole.
  const partial = `${file}.${pid}.partial`;
  writeFileSync(partial, JSON.stringify(hashes));
  renameSync(partial, file);
}

/** What decides `tool`'s verdict on a script: its text, the version, the flags. */
function verdictKey(tool: Tool, script: Script): string {
  return createHash('sha256')
    .update(tool.version())
    .update('\0')
    .update(tool.args([]).join(' '))
    .update('\0')
    .update(bytesOf(script))
    .digest('hex');
}

/** The key shellcheck's list keeps for a script. */
export function shellcheckKey(script: Script): string {
  return verdictKey(shellcheck, script);
}

type BatchResult = { readonly report: string; readonly clean: boolean };

async function checkBatch(
  tool: Tool,
  chunk: readonly string[],
  name: (report: string) => string,
): Promise<BatchResult> {
  try {
    const { stdout } = await run(tool.command, tool.args(chunk), { maxBuffer: 64 * 1024 * 1024 });
    return stdout === '' ? { report: '', clean: true } : { report: name(stdout), clean: false };
  } catch (error) {
    // shellcheck exits with a failure when it finds something, so its report is in the error.
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    const report =
      stdout === undefined || stdout === '' ? `${stderr ?? ''}${String(error)}` : stdout;
    return { report: name(report), clean: false };
  }
}

async function checkScripts(
  tool: Tool,
  scripts: readonly Script[],
  name: (report: string) => string,
  suite: string,
): Promise<string> {
  const list = listFile(tool.id, suite);
  const passed = readPassed(list);
  const files = scripts.map(fileOf);
  const keys = new Map(scripts.map((script) => [fileOf(script), verdictKey(tool, script)]));
  const unchecked = files.filter((file) => !passed.has(keys.get(file) ?? ''));
  const toCheck = new Set(unchecked);
  for (const script of scripts)
    if (typeof script !== 'string' && toCheck.has(script.file))
      writeFileSync(script.file, script.text);
  const chunkSize = Math.max(1, Math.ceil(unchecked.length / 4));
  const chunks = Array.from({ length: Math.ceil(unchecked.length / chunkSize) }, (_, i) =>
    unchecked.slice(i * chunkSize, (i + 1) * chunkSize),
  );
  const results = await Promise.all(chunks.map((chunk) => checkBatch(tool, chunk, name)));
  const failed = new Set(chunks.flatMap((chunk, i) => (results[i]?.clean === true ? [] : chunk)));
  writePassed(
    list,
    files.filter((file) => !failed.has(file)).map((file) => keys.get(file) ?? ''),
  );
  return results.map((result) => result.report).join('');
}

/**
 * Every shellcheck finding in `files` (gcc format), renamed by `name`; '' when there is none.
 * `suite` names the list of scripts that passed, kept for the next run.
 */
export function shellcheckReport(
  files: readonly Script[],
  name: (report: string) => string,
  suite: string,
): Promise<string> {
  return checkScripts(shellcheck, files, name, suite);
}

/** Every syntax error bash reports in `files`, renamed by `name`; '' when there is none. */
export function bashSyntaxReport(
  files: readonly Script[],
  name: (report: string) => string,
  suite: string,
): Promise<string> {
  return checkScripts(bashSyntax, files, name, suite);
}
