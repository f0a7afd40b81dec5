// The runbook as Markdown for GitHub and GitLab: escaped text, fenced commands, steps with their
// checks and rollbacks, the advisories and the findings.
import { evidenceText, findingsHeading, noFindingsText } from '../detect/finding-text';
import { fieldLabel } from '../field-labels';
import { stopSentences } from '../stops';
import { advisoryContext, summaryFacts, versionRows } from '../summary';
import type { PlanFindingsView } from '../detect/plan-findings';
import type { Finding } from '../detect/types';
import type { Advisory, Check, Command, FieldMessage, Plan, Rollback } from '../types';
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

const isWordCharacter = (character: string | undefined): boolean =>
  character !== undefined && /[\p{L}\p{N}]/u.test(character);

const entity = /^&#?[A-Za-z0-9]+;/;

/**
 * Escapes characters that would open an inline construct: code, emphasis, links, raw HTML,
 * strikethrough, table cells and entities. Underscores inside words stay as they are (GFM does not
 * treat them as emphasis), so `tyk_analytics.conf` reads naturally in the source.
 */
function escapeInline(text: string): string {
  return text.replace(/[\\`*[\]<>|~_&]/g, (character: string, index: number) => {
    if (character === '_') {
      const isInsideWord = isWordCharacter(text[index - 1]) && isWordCharacter(text[index + 1]);
      return isInsideWord ? '_' : '\\_';
    }
    if (character === '&') return entity.test(text.slice(index, index + 40)) ? '\\&' : '&';
    return `\\${character}`;
  });
}

/** Escapes what Markdown reads at the start of a line: headings, quotes, lists, rules, setext underlines. */
function escapeLineStart(line: string): string {
  const trimmed = line.trim();
  if (/^[#+\-=]/.test(trimmed)) return `\\${trimmed}`;
  // Only a number followed by a space (or nothing) opens an ordered list; a version such as
  // `5.3.0` at the start of a line stays as it is, so the Markdown source reads cleanly.
  return trimmed.replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
}

/** Plain text as Markdown paragraphs, each line escaped; blank lines keep separating paragraphs. */
function markdownText(text: string): readonly string[] {
  return textLines(text).map((line) =>
    line.trim() === '' ? '' : escapeLineStart(escapeInline(line)),
  );
}

/** One line of plain text as Markdown that shows exactly that text (also used by the announcement). */
export function markdownInline(text: string): string {
  return escapeLineStart(escapeInline(oneLine(text)));
}

function markdownHeading(level: number, text: string): string {
  // A heading ends at a run of `#` after a space, so every `#` in it is escaped.
  const content = escapeInline(oneLine(text)).replace(/#/g, '\\#');
  return `${'#'.repeat(level)} ${content}`;
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
}

/** A fence longer than any run of backticks in the code, so no line of the code can close it. */
function codeFence(command: Command): readonly string[] {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(command.code) + 1));
  return [`${fence}${command.lang}`, ...command.code.split('\n'), fence];
}

function markdownCommands(commands: readonly Command[]): readonly string[] {
  return commands.flatMap((command) => [
    ...(command.label === undefined || oneLine(command.label) === ''
      ? []
      : [markdownInline(command.label), '']),
    ...codeFence(command),
    '',
  ]);
}

function markdownCheck(check: Check): readonly string[] {
  return [
    '**Verify:**',
    '',
    ...markdownCommands(check.commands),
    ...prefixFirst('Expected: ', markdownText(check.expect)),
    '',
  ];
}

function markdownRollback(rollback: Rollback): readonly string[] {
  const detail = markdownText(rollback.detail);
  return [
    ...(oneLine(rollback.detail) === ''
      ? ['**Rollback:**']
      : prefixFirst('**Rollback:** ', detail)),
    '',
    ...markdownCommands(rollback.commands),
  ];
}

function prefixFirst(prefix: string, lines: readonly string[]): readonly string[] {
  const [first = '', ...rest] = lines;
  return [`${prefix}${first}`.trimEnd(), ...rest];
}

/** An outbound link; characters that would end the destination are percent-encoded. */
function markdownLink(label: string, url: string): string {
  const destination = url.replace(/[\s()<>]/g, (character) => encodeURIComponent(character));
  return `[${escapeInline(oneLine(label))}](${destination})`;
}

function markdownStep({ number, step }: NumberedStep): readonly string[] {
  const body = [
    ...(oneLine(step.detail) === '' ? [] : [...markdownText(step.detail), '']),
    ...(step.links === undefined || step.links.length === 0
      ? []
      : [...step.links.map((link) => `- ${markdownLink(link.label, link.url)}`), '']),
    ...markdownCommands(step.commands),
    ...(step.verify === undefined ? [] : markdownCheck(step.verify)),
    ...(step.rollback === undefined ? [] : markdownRollback(step.rollback)),
  ];
  const title = `- [ ] **${number}. ${escapeInline(oneLine(step.title))}**`;
  return [title, '', ...indent(trimTrailingBlanks(body), '  '), ''];
}

function markdownWarnings(warnings: readonly FieldMessage[]): readonly string[] {
  if (warnings.length === 0) return [];
  return [
    markdownHeading(2, 'Warnings'),
    '',
    ...warnings.map(
      (warning) =>
        `- **${escapeInline(fieldLabel(warning.field))}:** ${escapeInline(oneLine(warning.message))}`,
    ),
    '',
  ];
}

function markdownAdvisory(advisory: Advisory): readonly string[] {
  const context = advisoryContext(advisory);
  const suffix = context === null ? '' : ` (${escapeInline(context)})`;
  const head = `- **${escapeInline(oneLine(advisory.title))}**${suffix}`;
  const detail =
    oneLine(advisory.detail) === '' ? [] : ['', ...indent(markdownText(advisory.detail), '  ')];
  const link =
    advisory.url === undefined ? [] : ['', `  ${markdownLink('Release notes', advisory.url)}`];
  return [head, ...detail, ...link];
}

function markdownAdvisories(advisories: readonly Advisory[]): readonly string[] {
  const groups = advisoriesBySeverity(advisories);
  if (groups.length === 0) {
    return [markdownHeading(2, 'Advisories'), '', 'No advisories apply to this upgrade.', ''];
  }
  return [
    markdownHeading(2, 'Advisories'),
    '',
    ...groups.flatMap(([severity, group]) => [
      markdownHeading(3, severityLabels[severity]),
      '',
      ...group.flatMap((advisory) => [...markdownAdvisory(advisory), '']),
    ]),
  ];
}

function markdownFinding(finding: Finding): readonly string[] {
  const evidence = finding.evidence.map(
    (item) => `  - ${escapeInline(fileText(evidenceText(item)))}`,
  );
  return [
    `- **${escapeInline(fileText(finding.title))}**`,
    '',
    `  ${markdownInline(fileText(finding.detail))}`,
    ...(evidence.length === 0 ? [] : ['', '  Read from:', '', ...evidence]),
    '',
    `  Source: ${escapeInline(fileText(finding.source))}`,
  ];
}

/** The findings kept with the plan, after the advisories; nothing when the plan has none. */
function markdownFindings(
  view: PlanFindingsView | undefined,
  planTarget: string,
): readonly string[] {
  if (view === undefined) return [];
  const stale = staleFindingsText(view, planTarget);
  const groups = findingsBySeverity(view.findings);
  return [
    markdownHeading(2, findingsHeading),
    '',
    ...(stale === null ? [] : [markdownInline(stale), '']),
    ...(groups.length === 0
      ? [noFindingsText, '']
      : groups.flatMap(([severity, group]) => [
          markdownHeading(3, severityLabels[severity]),
          '',
          ...group.flatMap((finding) => [...markdownFinding(finding), '']),
        ])),
  ];
}

/**
 * The plan as a GitHub/GitLab-flavoured Markdown runbook with a task-list item per step. With
 * `findings` (as `findingsOnPlan` filters them for the plan), they follow the advisories.
 */
export function renderMarkdown(plan: Plan, findings?: PlanFindingsView): string {
  const numbered = numberSteps(plan);
  const lines: string[] = [
    markdownHeading(1, plan.title),
    '',
    escapeInline(countSentence(plan)),
    '',
    markdownHeading(2, 'Summary'),
    '',
    ...summaryFacts(plan.input).map((line) => `- **${line.label}:** ${escapeInline(line.value)}`),
    '- **Versions:**',
    ...versionRows(plan).map(
      (line) =>
        `  - ${escapeInline(line.label)}: ${escapeInline(line.from)} → ${escapeInline(line.to)}` +
        (line.note === null ? '' : ` (${escapeInline(line.note)})`),
    ),
    '- **Required stops:**',
    ...stopSentences(plan).map((sentence) => `  - ${escapeInline(sentence)}`),
    '',
    ...markdownWarnings(plan.warnings),
    ...markdownAdvisories(plan.advisories),
    ...markdownFindings(findings, plan.input.gateway.to),
  ];
  plan.phases.forEach((phase, index) => {
    lines.push(markdownHeading(2, phase.title), '');
    if (oneLine(phase.detail) !== '') lines.push(...markdownText(phase.detail), '');
    for (const numberedStep of numbered[index] ?? []) lines.push(...markdownStep(numberedStep));
  });
  return `${trimTrailingBlanks(lines).join('\n')}\n`;
}
