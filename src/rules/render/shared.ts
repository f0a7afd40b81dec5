// What the Markdown and the plain-text runbooks share: step numbering, grouping by severity and
// the clean-up of text read from the deployment's files.
import { printableText } from '../message-text';
import { numberedPhases, planSummary } from '../summary';
import type { PlanFindingsView } from '../detect/plan-findings';
import type { Finding } from '../detect/types';
import type { Advisory, Plan, Severity, Step } from '../types';

const severityOrder: readonly Severity[] = ['critical', 'warning', 'info'];

export const severityLabels: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Info',
};

/** A step with its place in the plan: numbering runs on across phases. */
export type NumberedStep = { readonly number: number; readonly step: Step };

export function numberSteps(plan: Plan): readonly (readonly NumberedStep[])[] {
  return numberedPhases(plan).map(({ phase, firstNumber }) =>
    phase.steps.map((step, index) => ({ number: firstNumber + index, step })),
  );
}

export function advisoriesBySeverity(
  advisories: readonly Advisory[],
): readonly (readonly [Severity, readonly Advisory[]])[] {
  return severityOrder
    .map(
      (severity) =>
        [severity, advisories.filter((advisory) => advisory.severity === severity)] as const,
    )
    .filter(([, group]) => group.length > 0);
}

export function findingsBySeverity(
  findings: readonly Finding[],
): readonly (readonly [Severity, readonly Finding[]])[] {
  return severityOrder
    .map(
      (severity) =>
        [severity, findings.filter((finding) => finding.severity === severity)] as const,
    )
    .filter(([, group]) => group.length > 0);
}

/** What a runbook says when the findings were read for another target, or for none. */
export function staleFindingsText(view: PlanFindingsView, planTarget: string): string | null {
  if (view.staleNote === null) return null;
  return `${view.staleNote} Read the files again (Read my deployment) to check them against ${planTarget}.`;
}

/** Text read from the deployment's files reaches a runbook without control or bidi characters. */
export function fileText(text: string): string {
  return oneLine(printableText(text));
}

export function countSentence(plan: Plan): string {
  const summary = planSummary(plan);
  return `${summary.countText}.`;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function textLines(text: string): readonly string[] {
  return text.split('\n').map((line) => line.trimEnd());
}

/** Indents a list item's body so the item owns it; blank lines stay empty (no trailing spaces). */
export function indent(lines: readonly string[], by: string): readonly string[] {
  return lines.map((line) => (line === '' ? '' : `${by}${line}`));
}

export function trimTrailingBlanks(lines: readonly string[]): readonly string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1] === '') end--;
  return lines.slice(0, end);
}
