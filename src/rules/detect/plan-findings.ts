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
  /** The target the findings were checked against when read, trimmed; empty for none. */
  readonly checkedTarget: string;
  /** Why the list may be stale, in a sentence; null when it was checked for the plan's target. */
  readonly staleNote: string | null;
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
  const isCheckedForTarget = target !== null && checked === target;
  const shownChecked = checkedTarget.trim();
  const staleNote = isCheckedForTarget
    ? null
    : shownChecked === ''
      ? 'These were read before a target version was chosen, so risks that depend on the target were not checked.'
      : `These were checked for target ${shownChecked}, not ${planTarget}.`;
  return { findings: kept, isCheckedForTarget, checkedTarget: shownChecked, staleNote };
}
