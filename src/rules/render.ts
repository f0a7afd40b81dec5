// Turns a plan into a runbook: Markdown for GitHub/GitLab and plain text for terminals.
// Both are deterministic: the same plan always gives the same text.
// This file is the renderers' entry point and holds the JSON; the runbooks live in ./render/.
import type { PlanFindingsView } from './detect/plan-findings';
import type { Plan } from './types';

export { markdownInline, renderMarkdown } from './render/markdown';
export { renderText } from './render/text';

// ---------------------------------------------------------------------------------------------
// JSON

/**
 * The plan as JSON: the `Plan` the rules build and, with `findings`, the findings for its target
 * and the target they were checked for (empty for none), so a tool can tell a stale list.
 */
export function renderJson(plan: Plan, findings?: PlanFindingsView): string {
  const body =
    findings === undefined
      ? plan
      : {
          ...plan,
          findingsCheckedFor: findings.checkedTarget,
          findings: findings.findings.map(({ id, severity, title, detail, source, evidence }) => ({
            id,
            severity,
            title,
            detail,
            source,
            evidence,
          })),
        };
  return `${JSON.stringify(body, null, 2)}\n`;
}
