// The findings a plan keeps from the deployment's files, seen against the plan's own target: a
// row for other targets is left out, and the plan says when the findings were checked for another
// target (or for none), so the user reads the files again instead of trusting a stale list.
import { satisfiesRange, versionOrNull } from '../versions';
import { findingRows, type FindingRow } from './findings';
import type { Finding } from './types';

export type PlanFindingsView = {
  readonly findings: readonly Finding[];
  /** The findings were checked against this very target. */
  readonly isCheckedForTarget: boolean;
};

export function findingsOnPlan(
  findings: readonly Finding[],
  checkedTarget: string,
  planTarget: string,
): PlanFindingsView {
  const target = versionOrNull(planTarget);
  const checked = versionOrNull(checkedTarget);
  const rows: readonly FindingRow[] = findingRows;
  const kept = findings.filter((finding) => {
    const row = rows.find((candidate) => candidate.id === finding.id);
    if (row === undefined || row.targets === '*' || target === null) return true;
    return satisfiesRange(target, row.targets);
  });
  return { findings: kept, isCheckedForTarget: target !== null && checked === target };
}
