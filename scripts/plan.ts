// The plan CLI: the same rules as the wizard, printed for a terminal, a runbook file or a script.
//   npm run --silent plan -- --model self-managed --install helm --from 5.0.0 --to 5.3.0
// `runCli` does the work and returns what to print; only the last lines touch the process.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildPlan,
  planLinkFor,
  printableText,
  renderMarkdown,
  renderText,
  type FieldMessage,
} from '@/rules/index';
import { parseCliArgs } from './cli-args';
import { flagForField, helpText, type OutputFormat } from './cli-flags';

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

/** Runs the CLI on argv (without `node` and the script) and says what to print and how to exit. */
export function runCli(argv: readonly string[]): CliOutcome {
  const request = parseCliArgs(argv);
  if (!request.ok) return failure(request.errors, request.format);
  if (request.command === 'help') return { exitCode: 0, stdout: helpText(), stderr: '' };
  const { source, format, linkTarget } = request;
  const linkWarnings = source.kind === 'link' ? source.problems : null;
  const result = buildPlan(source.input);
  if (!result.ok) return failure(result.errors, format, linkWarnings);
  const stderr = linkWarningText(linkWarnings);
  switch (format) {
    case 'json': {
      const body = {
        ok: true,
        plan: result.plan,
        ...(linkWarnings === null ? {} : { warnings: shownMessages(linkWarnings) }),
      };
      return { exitCode: 0, stdout: json(body), stderr: '' };
    }
    case 'markdown':
      return { exitCode: 0, stdout: renderMarkdown(result.plan), stderr };
    case 'text':
      return { exitCode: 0, stdout: renderText(result.plan), stderr };
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
