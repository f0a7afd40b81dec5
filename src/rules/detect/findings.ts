// The findings for what was detected: `findingsFor` selects the rows of finding-rows.ts that apply
// to the target and fills in the evidence (config-risks.md §2, facts §10.4-10.5).
import { satisfiesRange, versionOrNull } from '../versions';
import { findingRows } from './finding-rows';
import type { FindingContext, FindingRow } from './finding-types';
import type { Severity } from '../types';
import type { AnsweredContext, DetectedAnswers, DeploymentFacts, Finding } from './types';

export { findingRows };
export { testedVersions } from './finding-facts';
export type { FindingRow };

/**
 * The findings for what was detected. With a target Gateway version, only rows for that target;
 * without one, the rows that need no target. `answered` are the user's own answers, compared
 * with what the files show.
 */
export function findingsFor(
  detected: { readonly facts: DeploymentFacts; readonly answers: DetectedAnswers },
  targetGatewayVersion?: string,
  answered: AnsweredContext = {},
): readonly Finding[] {
  const target = targetGatewayVersion === undefined ? null : versionOrNull(targetGatewayVersion);
  const currentText = detected.answers.gateway?.from ?? detected.facts.versions.gateway?.value;
  const current = currentText === undefined ? null : versionOrNull(currentText);
  const context: FindingContext = {
    facts: detected.facts,
    answers: detected.answers,
    target,
    current,
    answered,
  };
  const findings: Finding[] = [];
  for (const row of findingRows as readonly FindingRow[]) {
    if (target !== null && row.targets !== '*' && !satisfiesRange(target, row.targets)) continue;
    const trigger = row.when(context);
    if (trigger === null) continue;
    findings.push({
      id: row.id,
      severity: row.severity,
      title: row.title,
      detail: `${trigger.specifics} ${row.action}${target === null && row.targets !== '*' ? ` (This applies to targets ${row.targets.replace('>=', 'from ')}.)` : ''}`,
      source: row.source,
      evidence: trigger.evidence,
    });
  }
  const order: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
  return findings.sort((a, b) => order[a.severity] - order[b.severity]);
}
