// The findings a plan keeps, filtered for its target. Loaded lazily by the plan and print pages:
// the filter needs the finding rows, which bring the deployment reader's code along.
import { Link } from 'react-router';
import { DetectFindings, DetectRunbookFindings } from '@/components/detect-findings';
import { findingsOnPlan, type Finding } from '@/rules';

export type DetectPlanFindingsProps = {
  readonly findings: readonly Finding[];
  /** The target the findings were checked against when they were read; empty for none. */
  readonly checkedTarget: string;
  /** The plan's target Gateway version. */
  readonly planTarget: string;
};

/** The plan's section of findings: those for its target, and a note when they may be stale. */
export function DetectPlanFindings({
  findings,
  checkedTarget,
  planTarget,
}: DetectPlanFindingsProps) {
  const view = findingsOnPlan(findings, checkedTarget, planTarget);
  return (
    <section aria-labelledby="plan-findings-heading" className="space-y-3">
      <h2 id="plan-findings-heading" className="text-xl font-semibold tracking-tight">
        Findings from your deployment’s files
      </h2>
      {view.isCheckedForTarget ? null : (
        <p className="max-w-2xl">
          {checkedTarget.trim() === ''
            ? 'These were read before a target version was chosen, so risks that depend on the target were not checked.'
            : `These were checked for target ${checkedTarget.trim()}, not ${planTarget}.`}{' '}
          <Link
            to="/read"
            className="font-semibold text-blue-700 underline underline-offset-4 dark:text-sky-300"
          >
            Read the files again
          </Link>{' '}
          to check them against {planTarget}.
        </p>
      )}
      <DetectFindings
        findings={view.findings}
        emptyText="The files read showed nothing to fix for this target."
      />
    </section>
  );
}

export type DetectPrintFindingsProps = Omit<DetectPlanFindingsProps, 'checkedTarget'> & {
  readonly checkedTarget: string;
};

/** The printed runbook's findings: only those for the plan's target. */
export function DetectPrintFindings({
  findings,
  checkedTarget,
  planTarget,
}: DetectPrintFindingsProps) {
  return (
    <DetectRunbookFindings
      findings={findingsOnPlan(findings, checkedTarget, planTarget).findings}
    />
  );
}
