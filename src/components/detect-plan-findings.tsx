// The findings a plan keeps, filtered for its target. Loaded lazily by the plan and print pages:
// the filter needs the finding rows, which bring the deployment reader's code along.
import { Link } from 'react-router';
import { DetectFindings, DetectRunbookFindings } from '@/components/detect-findings';
import { findingsHeading, findingsOnPlan, noFindingsText, type Finding } from '@/rules';

// The exports filter the findings the same way; they load the filter with this module.
export { findingsOnPlan };

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
        {findingsHeading}
      </h2>
      {view.staleNote === null ? null : (
        <p className="max-w-2xl">
          {view.staleNote}{' '}
          <Link
            to="/read"
            className="font-semibold text-blue-700 underline underline-offset-4 dark:text-sky-300"
          >
            Read the files again
          </Link>{' '}
          to check them against {planTarget}.
        </p>
      )}
      <DetectFindings findings={view.findings} emptyText={noFindingsText} />
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
