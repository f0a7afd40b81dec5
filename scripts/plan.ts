// The plan CLI: the same rules as the wizard, printed for a terminal, a runbook file or a script.
//   npm run --silent plan -- --model self-managed --install helm --from 5.0.0 --to 5.3.0
// `runCli` does the work and returns what to print; only the last lines touch the process.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildPlan,
  detectDeployment,
  estimateMarkdown,
  estimateOfPlan,
  estimateText,
  findingsFor,
  findingsOnPlan,
  mergeDetectedAnswers,
  models,
  planLinkFor,
  printableText,
  renderMarkdown,
  renderText,
  type DetectedDeployment,
  type FieldMessage,
  type Finding,
  type InputFile,
} from '@/rules/index';
import { defaultComponents, parseCliArgs } from './cli-args';
import { flagForField, helpText, type OutputFormat } from './cli-flags';
import { readFromDisk, type FileReader } from './detect';

export type CliOutcome = {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
};

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Messages as printed. Values in them are echoed through shownValue already; this is the last
 * guard, so no control, C1 or bidi character from any source reaches the terminal.
 */
function shownMessages(messages: readonly FieldMessage[]): readonly FieldMessage[] {
  return messages.map(({ field, message }) => ({
    field: printableText(field),
    message: printableText(message),
  }));
}

/** What reading a shared link replaced, for stderr; nothing when the answers came from flags. */
function linkWarningText(warnings: readonly FieldMessage[] | null): string {
  if (warnings === null || warnings.length === 0) return '';
  const lines = shownMessages(warnings).map(({ field, message }) => `  ${field}: ${message}`);
  return `${['Warning: the link held values this version replaced.', ...lines].join('\n')}\n`;
}

/**
 * Answers that make no plan. `linkWarnings` is null when the answers came from flags, so a message
 * names the flag to change; for a link there is no flag, only the field.
 */
function failure(
  errors: readonly FieldMessage[],
  format: OutputFormat,
  linkWarnings: readonly FieldMessage[] | null = null,
): CliOutcome {
  if (format === 'json') {
    const body = {
      ok: false,
      errors: shownMessages(errors),
      ...(linkWarnings === null ? {} : { warnings: shownMessages(linkWarnings) }),
    };
    return { exitCode: 2, stdout: json(body), stderr: '' };
  }
  const lines = shownMessages(errors).map(({ field, message }) => {
    const flag = linkWarnings === null ? flagForField(field) : null;
    const where = flag === null || flag === field ? field : `${field} (${flag})`;
    return `  ${where}: ${message}`;
  });
  const stderr = [
    'No plan: the answers need fixing.',
    ...lines,
    'Run with --help to see every flag and its values.',
  ];
  return {
    exitCode: 2,
    stdout: '',
    stderr: `${stderr.join('\n')}\n${linkWarningText(linkWarnings)}`,
  };
}

type Detected =
  | { readonly ok: true; readonly detected: DetectedDeployment | null }
  | { readonly ok: false; readonly errors: readonly FieldMessage[] };

/** Reads the files of `--detect`; any file that cannot be read is an error naming the file. */
function readDetected(paths: readonly string[], readFile: FileReader): Detected {
  if (paths.length === 0) return { ok: true, detected: null };
  const files: InputFile[] = [];
  const errors: FieldMessage[] = [];
  for (const path of paths) {
    const read = readFile(path);
    if (read.ok) files.push({ name: path === '-' ? 'standard input' : path, text: read.text });
    else errors.push({ field: path, message: read.message });
  }
  if (errors.length > 0) return { ok: false, errors };
  const result = detectDeployment(files);
  if (!result.ok) return { ok: false, errors: result.errors };
  const fileErrors = result.problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => ({ field: problem.file, message: problem.message }));
  return fileErrors.length > 0 ? { ok: false, errors: fileErrors } : { ok: true, detected: result };
}

/** The detected answers under the flags' (flags win), with the defaults the flags alone would get. */
function detectedInput(
  detected: DetectedDeployment,
  typed: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged = mergeDetectedAnswers(detected.answers, typed);
  const model = models.find((entry) => entry.id === merged['model'])?.id ?? null;
  return {
    ...merged,
    components: merged['components'] ?? defaultComponents(model, merged['pump'] !== undefined),
    usesGoPlugins: merged['usesGoPlugins'] ?? false,
  };
}

/** What the files showed about the upgrade, for stderr: disagreements and findings. */
function detectText(detected: DetectedDeployment, findings: readonly Finding[]): string {
  const lines: string[] = [];
  if (detected.conflicts.length > 0) {
    lines.push('Where the files disagree:');
    for (const conflict of detected.conflicts)
      lines.push(`  ${conflict.field}: ${conflict.message}`);
  }
  if (findings.length > 0) {
    lines.push('Findings from the files:');
    for (const finding of findings)
      lines.push(
        `  [${finding.severity}] ${finding.title}  (${finding.id})`,
        `    ${finding.detail}`,
      );
  }
  return lines.length === 0 ? '' : `${lines.map(printableText).join('\n')}\n`;
}

/**
 * Runs the CLI on argv (without `node` and the script) and says what to print and how to exit.
 * `readFile` reads the files of `--detect`; the tests pass their own.
 */
export function runCli(argv: readonly string[], readFile: FileReader = readFromDisk): CliOutcome {
  const request = parseCliArgs(argv);
  if (!request.ok) return failure(request.errors, request.format);
  if (request.command === 'help') return { exitCode: 0, stdout: helpText(), stderr: '' };
  const { source, format, linkTarget } = request;
  const linkWarnings = source.kind === 'link' ? source.problems : null;
  const read = readDetected(request.detectFiles, readFile);
  if (!read.ok) return failure(read.errors, format);
  const { detected } = read;
  const result = buildPlan(
    detected === null ? source.input : detectedInput(detected, source.input),
  );
  if (!result.ok) return failure(result.errors, format, linkWarnings);
  const findings =
    detected === null
      ? []
      : findingsFor(detected, result.plan.input.gateway.to, {
          model: result.plan.input.model,
          usesGoPlugins: result.plan.input.usesGoPlugins,
        });
  // The findings were checked for the plan's own target, so the runbook shows them all, no note.
  const runbookFindings =
    detected === null
      ? undefined
      : findingsOnPlan(findings, result.plan.input.gateway.to, result.plan.input.gateway.to);
  const stderr = `${linkWarningText(linkWarnings)}${detected === null ? '' : detectText(detected, findings)}`;
  switch (format) {
    case 'json': {
      const body = {
        ok: true,
        plan: result.plan,
        ...(linkWarnings === null ? {} : { warnings: shownMessages(linkWarnings) }),
        ...(detected === null
          ? {}
          : {
              findings: findings.map(({ id, severity, title, detail }) => ({
                id,
                severity,
                title,
                detail,
              })),
            }),
      };
      return { exitCode: 0, stdout: json(body), stderr: detected === null ? '' : stderr };
    }
    case 'markdown':
      return {
        exitCode: 0,
        stdout: `${renderMarkdown(result.plan, runbookFindings)}\n${estimateMarkdown(estimateOfPlan(result.plan))}`,
        stderr,
      };
    case 'text':
      return {
        exitCode: 0,
        stdout: `${renderText(result.plan, runbookFindings)}\n${estimateText(estimateOfPlan(result.plan))}`,
        stderr,
      };
    case 'link': {
      const link = planLinkFor(linkTarget.appUrl, result.plan.input, {
        includeNames: linkTarget.includeNames,
      });
      return { exitCode: 0, stdout: `${link}\n`, stderr };
    }
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  let outcome: CliOutcome;
  try {
    outcome = runCli(process.argv.slice(2));
  } catch (error) {
    const reason = printableText(error instanceof Error ? error.message : String(error));
    outcome = { exitCode: 1, stdout: '', stderr: `The plan CLI failed unexpectedly: ${reason}\n` };
  }
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  // exitCode, not exit(): the writes above finish even when stdout is a pipe.
  process.exitCode = outcome.exitCode;
}
