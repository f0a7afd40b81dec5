// The estimate in a few lines: what the plan page, the printed cover and the CLI all show about
// it, worded once here so that the three never disagree.
import { markdownInline } from '../render';
import { formatMinutes, formatOffset } from './duration';
import type { ChangeEstimate } from './types';

export type EstimateFact = {
  readonly id: 'total' | 'point-of-no-return' | 'rollback' | 'ahead' | 'window' | 'assumptions';
  readonly label: string;
  readonly value: string;
};

/** `Gateway instances on each site: 2 (default)`, one figure after another. */
function assumptionText(estimate: ChangeEstimate): string {
  return estimate.assumptions
    .map(
      (entry) =>
        `${entry.label}: ${entry.value}${entry.unit.startsWith('instance') ? '' : ` ${entry.unit}`}${entry.isDefault ? ' (default estimate)' : ''}`,
    )
    .join('; ');
}

/** The estimate's headline figures, in the order a reader needs them. */
export function estimateFacts(estimate: ChangeEstimate): readonly EstimateFact[] {
  const point = estimate.pointOfNoReturn;
  const { rollback, window } = estimate;
  const worst = estimate.steps.find((step) => step.stepId === rollback.fromStepId);
  return [
    {
      id: 'total',
      label: 'The change',
      value: `about ${formatMinutes(estimate.totalMinutes)}`,
    },
    {
      id: 'point-of-no-return',
      label: 'Point of no return',
      value:
        point === null
          ? 'none: nothing in this plan changes a running system'
          : `at ${formatOffset(point.atMinute)} (${formatMinutes(point.atMinute)} in), after “${point.stepTitle}”`,
    },
    {
      id: 'rollback',
      label: 'Full rollback from the worst point',
      value: `about ${formatMinutes(rollback.minutes)} more, from ${formatOffset(rollback.fromMinute)}${worst === undefined ? '' : ` (after “${worst.title}”)`}`,
    },
    ...(window.kind === 'no-window'
      ? []
      : [
          {
            id: 'window' as const,
            label: window.kind === 'fits' ? 'Downtime window' : 'Downtime window too short',
            value: window.message,
          },
        ]),
    {
      id: 'ahead',
      label: 'Before the day',
      value: `about ${formatMinutes(estimate.aheadMinutes)} of reading, checks and the announcement`,
    },
    ...(estimate.assumptions.length === 0
      ? []
      : [{ id: 'assumptions' as const, label: 'Assumes', value: assumptionText(estimate) }]),
  ];
}

/** What to change when the window is too short; empty when it holds. */
function suggestionLines(estimate: ChangeEstimate): readonly string[] {
  return estimate.window.kind === 'too-short'
    ? estimate.window.suggestions.map((suggestion) => suggestion.text)
    : [];
}

/** The estimate as a section of the plain-text plan. */
export function estimateText(estimate: ChangeEstimate): string {
  const facts = estimateFacts(estimate);
  const width = Math.max(...facts.map((fact) => fact.label.length));
  const suggestions = suggestionLines(estimate);
  return [
    'ESTIMATE (planning figures: a rehearsal gives better ones)',
    ...facts.map((fact) => `  ${`${fact.label}:`.padEnd(width + 2)}${fact.value}`),
    ...(suggestions.length === 0
      ? []
      : ['  To make it fit:', ...suggestions.map((text) => `    - ${text}`)]),
    '',
  ].join('\n');
}

/** The estimate as a section of the Markdown plan. */
export function estimateMarkdown(estimate: ChangeEstimate): string {
  const suggestions = suggestionLines(estimate);
  return [
    '## Estimate',
    '',
    'Planning figures: a rehearsal in a lower environment gives better ones.',
    '',
    ...estimateFacts(estimate).map(
      (fact) => `- **${markdownInline(fact.label)}:** ${markdownInline(fact.value)}`,
    ),
    ...(suggestions.length === 0
      ? []
      : ['', '**To make it fit:**', '', ...suggestions.map((text) => `- ${markdownInline(text)}`)]),
    '',
  ].join('\n');
}
