// The detect CLI: reads a deployment's files and prints the answers they propose, or prints the
// read-only collector script for an installation type.
//   npm run --silent detect -- docker-compose.yml .env confs/tyk.env [--format json|text] [--to 5.8.0]
//   npm run --silent detect -- --collector --install docker-compose > tyk-collect.sh
// `runDetectCli` does the work with an injected file reader; only the last lines touch the process.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  collectorScript,
  detectDeployment,
  findingsFor,
  installs,
  type DetectedDeployment,
  type FieldMessage,
  type InputFile,
  type InstallType,
} from '@/rules/index';

export type CliOutcome = {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
};

/** Reads one named file as text, or says why it cannot. `-` is standard input. */
export type FileReader = (
  path: string,
) => { ok: true; text: string } | { ok: false; message: string };

const formats = ['json', 'text'] as const;
type Format = (typeof formats)[number];

/** Larger files are not even read: the rules would refuse them anyway. */
const maxReadBytes = 64 * 1024 * 1024;

export const helpText = `Read a Tyk deployment's own files and propose the upgrade wizard's answers.

Usage:
  npm run --silent detect -- FILE... [--format json|text] [--to VERSION]
  npm run --silent detect -- --collector --install INSTALL

FILE is any of: a docker-compose file with its .env and env_files, tyk.conf,
tyk_analytics.conf, pump.conf, tyk_sink.conf, an env file with TYK_GW_/TYK_DB_/TYK_PMP_/
TYK_MDCB_ variables, docker inspect, docker ps --format '{{json .}}', docker compose images
--format json, kubectl get deploy -o json, helm list -o json, helm get values -o yaml or a
values.yaml, a /hello answer, an API definitions export, Redis INFO server, rpm -qa or
dpkg-query -W output, or the collector's JSON. Files are recognised by their content; "-"
reads standard input.

Flags:
  --format FORMAT   json (default): { "ok": true, "answers", "evidence", "conflicts",
                    "findings", "problems" }; text: the same for a terminal.
  --to VERSION      The target Gateway version, so findings that depend on it are checked.
  --collector       Print the read-only collector script instead (needs --install).
  --install INSTALL With --collector: ${installs.map((install) => install.id).join(', ')}.
  --help, -h        Print this help.

Exit status: 0 answers (or the script) printed; 2 bad flags or a file that could not be read,
with { "ok": false, "errors": [{ "field", "message" }] }; 1 an unexpected failure.
`;

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function failure(errors: readonly FieldMessage[], format: Format): CliOutcome {
  if (format === 'json') return { exitCode: 2, stdout: json({ ok: false, errors }), stderr: '' };
  const lines = errors.map(({ field, message }) => `  ${field}: ${message}`);
  return { exitCode: 2, stdout: '', stderr: `${['Nothing was read:', ...lines].join('\n')}\n` };
}

const installIds: readonly string[] = installs.map((install) => install.id);

export function runDetectCli(argv: readonly string[], readFile: FileReader): CliOutcome {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return failure([argumentError(error)], 'json');
  }
  const { values, positionals } = parsed;
  const formatText = values.format ?? 'json';
  const format: Format = (formats as readonly string[]).includes(formatText)
    ? (formatText as Format)
    : 'json';
  if (!(formats as readonly string[]).includes(formatText))
    return failure(
      [{ field: 'format', message: `Format "${formatText}" does not exist; use json or text.` }],
      'json',
    );
  if (values.help === true) return { exitCode: 0, stdout: helpText, stderr: '' };

  if (values.collector === true) {
    const errors: FieldMessage[] = [];
    if (positionals.length > 0)
      errors.push({ field: 'files', message: 'Give files or --collector, not both.' });
    if (values.install === undefined)
      errors.push({
        field: 'install',
        message: `--collector needs --install, one of ${installIds.join(', ')}.`,
      });
    else if (!installIds.includes(values.install))
      errors.push({
        field: 'install',
        message: `Installation type "${values.install}" does not exist; choose one of ${installIds.join(', ')}.`,
      });
    if (errors.length > 0) return failure(errors, format);
    return { exitCode: 0, stdout: collectorScript(values.install as InstallType), stderr: '' };
  }
  if (values.install !== undefined)
    return failure(
      [{ field: 'install', message: '--install only goes with --collector.' }],
      format,
    );
  if (positionals.length === 0)
    return failure(
      [
        {
          field: 'files',
          message:
            'Give at least one file to read, or --collector --install TYPE. Run with --help for the kinds of file.',
        },
      ],
      format,
    );

  const files: InputFile[] = [];
  const errors: FieldMessage[] = [];
  for (const path of positionals) {
    const read = readFile(path);
    if (read.ok) files.push({ name: path === '-' ? 'standard input' : path, text: read.text });
    else errors.push({ field: path, message: read.message });
  }
  if (errors.length > 0) return failure(errors, format);

  const result = detectDeployment(files);
  if (!result.ok) return failure(result.errors, format);
  const fileErrors = result.problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => ({ field: problem.file, message: problem.message }));
  if (fileErrors.length > 0) return failure(fileErrors, format);

  const findings = values.to === undefined ? result.findings : findingsFor(result, values.to);
  return {
    exitCode: 0,
    stdout: format === 'json' ? json(jsonBody(result, findings)) : textBody(result, findings),
    stderr: '',
  };
}

/** parseArgs' own messages, in this CLI's words. */
function argumentError(error: unknown): FieldMessage {
  const code = (error as { code?: string }).code;
  const text = error instanceof Error ? error.message : String(error);
  const flag = /'(-[^' ]+)/.exec(text)?.[1] ?? '';
  const message =
    code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? `Unknown flag "${flag}".`
      : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? `${flag} ${/argument missing/.test(text) ? 'needs a value' : 'takes no value'}.`
        : text.replace(/\s+/g, ' ').trim();
  return { field: 'arguments', message: `${message} Run with --help to see the flags.` };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      to: { type: 'string' },
      collector: { type: 'boolean' },
      install: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function jsonBody(result: DetectedDeployment, findings: DetectedDeployment['findings']) {
  return {
    ok: true,
    answers: result.answers,
    evidence: result.evidence,
    conflicts: result.conflicts.map(({ field, chosen, message }) => ({ field, chosen, message })),
    findings: findings.map(({ id, severity, title, detail }) => ({ id, severity, title, detail })),
    problems: result.problems.map(({ file, kind, message }) => ({ file, kind, message })),
  };
}

function textBody(result: DetectedDeployment, findings: DetectedDeployment['findings']): string {
  const lines: string[] = [
    `Read ${result.readings.length} file${result.readings.length === 1 ? '' : 's'}:`,
  ];
  for (const reading of result.readings) lines.push(`  ${reading.file}: ${reading.summary}`);
  lines.push('', 'Proposed answers:');
  if (result.evidence.length === 0) lines.push('  none');
  for (const item of result.evidence) {
    const note = item.note === undefined ? '' : `; ${item.note}`;
    lines.push(
      `  ${item.field}: ${item.value}  (${item.file}${item.where === '' ? '' : `, ${item.where}`}${note})`,
    );
  }
  if (result.conflicts.length > 0) {
    lines.push('', 'Where the files disagree:');
    for (const conflict of result.conflicts) lines.push(`  ${conflict.field}: ${conflict.message}`);
  }
  if (findings.length > 0) {
    lines.push('', 'Findings:');
    for (const finding of findings)
      lines.push(`  [${finding.severity}] ${finding.title}`, `    ${finding.detail}`);
  }
  if (result.problems.length > 0) {
    lines.push('', 'Notes:');
    for (const problem of result.problems) lines.push(`  ${problem.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a file from disk as UTF-8 text; undecodable bytes become U+FFFD, which the rules notice. */
export function readFromDisk(
  path: string,
): { ok: true; text: string } | { ok: false; message: string } {
  try {
    if (path !== '-') {
      const stat = statSync(path);
      if (stat.isDirectory())
        return { ok: false, message: `${path} is a folder; give the files in it.` };
      if (stat.size > maxReadBytes)
        return {
          ok: false,
          message: `${path} is ${(stat.size / (1024 * 1024)).toFixed(0)} MB; give the one config file or output instead.`,
        };
    }
    const bytes = readFileSync(path === '-' ? 0 : path);
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : 'it cannot be read';
    return {
      ok: false,
      message: `${path === '-' ? 'Standard input' : path} cannot be read: ${reason}.`,
    };
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
    outcome = runDetectCli(process.argv.slice(2), readFromDisk);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    outcome = {
      exitCode: 1,
      stdout: '',
      stderr: `The detect CLI failed unexpectedly: ${reason}\n`,
    };
  }
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
}
