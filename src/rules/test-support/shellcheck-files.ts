// shellcheck over many script files in a few runs: four batches at once, each report with the
// temporary file names replaced by what a reader knows them as.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Every shellcheck finding in `files` (gcc format), renamed by `name`; '' when there is none.
 * shellcheck exits with a failure when it finds something, so its report comes from the error.
 */
export async function shellcheckReport(
  files: readonly string[],
  name: (report: string) => string,
): Promise<string> {
  const chunkSize = Math.max(1, Math.ceil(files.length / 4));
  const chunks = Array.from({ length: Math.ceil(files.length / chunkSize) }, (_, i) =>
    files.slice(i * chunkSize, (i + 1) * chunkSize),
  );
  const reports = await Promise.all(
    chunks.map(async (chunk) => {
      try {
        await run('shellcheck', ['--format=gcc', ...chunk], { maxBuffer: 64 * 1024 * 1024 });
        return '';
      } catch (error) {
        return name((error as { stdout?: string }).stdout ?? String(error));
      }
    }),
  );
  return reports.join('');
}
