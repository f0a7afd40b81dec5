// The runbook as plain text for a terminal: indented bodies and commands, and the same sections
// as the Markdown.
import { evidenceText, findingsHeading, noFindingsText } from '../detect/finding-text';
import { fieldLabel } from '../field-labels';
import { stopSentences } from '../stops';
import { advisoryContext, summaryFacts, versionRows } from '../summary';
import type { PlanFindingsView } from '../detect/plan-findings';
import type { Advisory, Command, Plan } from '../types';
import {
  severityLabels,
  numberSteps,
  advisoriesBySeverity,
  findingsBySeverity,
  staleFindingsText,
  fileText,
  countSentence,
  oneLine,
  textLines,
  indent,
  trimTrailingBlanks,
  type NumberedStep,
} from './shared';

const textBody = '  ';
const textCommand = '    ';

function plainText(text: string, by: string): readonly string[] {
  return indent(
    textLines(text).map((line) => line.trim()),
    by,
  );
}

function textCommands(commands: readonly Command[]): readonly string[] {
  return commands.flatMap((command) => [
    ...(command.label === undefined || oneLine(command.label) === ''
      ? []
      : [`${textBody}${oneLine(command.label)}`]),
    ...indent(command.code.split('\n'), textCommand),
    '',
  ]);
}

/** `  Label: first line` with the rest of the text under it, for Verify's answer and Rollback's detail. */
function labelledText(label: string, text: string): readonly string[] {
  const [first = '', ...rest] = textLines(text)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return [`${textBody}${label}: ${first}`.trimEnd(), ...indent(rest, textBody)];
}

function textStep({ number, step }: NumberedStep): readonly string[] {
  const lines: string[] = [`[ ] ${number}. ${oneLine(step.title)}`];
  if (oneLine(step.detail) !== '') lines.push(...plainText(step.detail, textBody));
  for (const link of step.links ?? []) lines.push(`${textBody}${oneLine(link.label)}: ${link.url}`);
  lines.push('', ...textCommands(step.commands));
  if (step.verify !== undefined) {
    lines.push(`${textBody}Verify:`, ...textCommands(step.verify.commands));
    lines.push(...labelledText('Expected', step.verify.expect), '');
  }
  if (step.rollback !== undefined) {
    lines.push(
      ...labelledText('Rollback', step.rollback.detail),
      ...textCommands(step.rollback.commands),
    );
  }
  return [...trimTrailingBlanks(lines), ''];
}

function textAdvisories(advisories: readonly Advisory[]): readonly string[] {
  const groups = advisoriesBySeverity(advisories);
  if (groups.length === 0)
    return ['ADVISORIES', `${textBody}No advisories apply to this upgrade.`, ''];
  return [
    'ADVISORIES',
    ...groups.flatMap(([severity, group]) =>
      group.flatMap((advisory) => {
        const context = advisoryContext(advisory);
        const suffix = context === null ? '' : ` (${context})`;
        return [
          `${textBody}[${severityLabels[severity].toLowerCase()}] ${oneLine(advisory.title)}${suffix}`,
          ...plainText(advisory.detail, textCommand).filter((line) => line !== ''),
          ...(advisory.url === undefined ? [] : [`${textCommand}Release notes: ${advisory.url}`]),
        ];
      }),
    ),
    '',
  ];
}

function textFindings(view: PlanFindingsView | undefined, planTarget: string): readonly string[] {
  if (view === undefined) return [];
  const stale = staleFindingsText(view, planTarget);
  const heading = findingsHeading.replace('’', "'").toUpperCase();
  if (view.findings.length === 0)
    return [
      heading,
      ...(stale === null ? [] : [`${textBody}${stale}`]),
      `${textBody}${noFindingsText}`,
      '',
    ];
  return [
    heading,
    ...(stale === null ? [] : [`${textBody}${stale}`]),
    ...findingsBySeverity(view.findings).flatMap(([severity, group]) =>
      group.flatMap((finding) => [
        `${textBody}[${severityLabels[severity].toLowerCase()}] ${fileText(finding.title)}`,
        `${textCommand}${fileText(finding.detail)}`,
        ...finding.evidence.map(
          (item) => `${textCommand}Read from: ${fileText(evidenceText(item))}`,
        ),
        `${textCommand}Source: ${fileText(finding.source)}`,
      ]),
    ),
    '',
  ];
}

/**
 * The plan as plain text for a terminal: no Markdown, commands indented by four spaces. With
 * `findings`, they follow the advisories.
 */
export function renderText(plan: Plan, findings?: PlanFindingsView): string {
  const numbered = numberSteps(plan);
  const summary = summaryFacts(plan.input);
  const versions = versionRows(plan);
  const width = Math.max(
    ...summary.map((line) => line.label.length),
    ...versions.map((line) => line.label.length),
  );
  const lines: string[] = [
    oneLine(plan.title),
    countSentence(plan),
    '',
    'SUMMARY',
    ...summary.map((line) => `${textBody}${`${line.label}:`.padEnd(width + 2)}${line.value}`),
    ...versions.map(
      (line) =>
        `${textBody}${`${line.label}:`.padEnd(width + 2)}${line.from} -> ${line.to}` +
        (line.note === null ? '' : ` (${line.note})`),
    ),
    '',
    'REQUIRED STOPS',
    ...stopSentences(plan).map((sentence) => `${textBody}${oneLine(sentence)}`),
    '',
  ];
  if (plan.warnings.length > 0) {
    lines.push(
      'WARNINGS',
      ...plan.warnings.map(
        (warning) => `${textBody}${fieldLabel(warning.field)}: ${oneLine(warning.message)}`,
      ),
      '',
    );
  }
  lines.push(...textAdvisories(plan.advisories), ...textFindings(findings, plan.input.gateway.to));
  plan.phases.forEach((phase, index) => {
    lines.push(`PHASE ${index + 1} OF ${plan.phases.length}: ${oneLine(phase.title)}`);
    if (oneLine(phase.detail) !== '') lines.push(...plainText(phase.detail, ''));
    lines.push('');
    for (const numberedStep of numbered[index] ?? []) lines.push(...textStep(numberedStep));
  });
  return `${trimTrailingBlanks(lines).join('\n')}\n`;
}
