import { memo } from 'react';
import type { ReactNode } from 'react';
import type { Plan } from '@/rules';
import { RunbookAdvisories } from '@/components/runbook-advisories';
import { RunbookContents } from '@/components/runbook-contents';
import { RunbookCover } from '@/components/runbook-cover';
import { numberPhases, RunbookPhase } from '@/components/runbook-phase';
import { RunbookSignOff } from '@/components/runbook-sign-off';

export type RunbookDocumentProps = {
  readonly plan: Plan;
  /** The shared link that opens the same plan in the wizard. */
  readonly link: string;
  readonly generatedOn: Date;
  /** Findings read from the deployment's files, printed after the advisories; absent when none were read. */
  readonly findings?: ReactNode;
};

/**
 * The whole runbook, in the order it is printed: the cover on a page of its own, the contents and
 * the advisories, then the phases from a fresh page, and the sign-off at the end. Memoised: another
 * paper size changes the sheet around the runbook, never the runbook itself.
 */
export const RunbookDocument = memo(function RunbookDocument({
  plan,
  link,
  generatedOn,
  findings,
}: RunbookDocumentProps) {
  const phases = numberPhases(plan);
  return (
    <div className="space-y-8">
      <RunbookCover plan={plan} link={link} generatedOn={generatedOn} />
      <div className="space-y-6">
        <RunbookContents phases={phases} />
        <RunbookAdvisories advisories={plan.advisories} warnings={plan.warnings} />
        {findings}
      </div>
      <div className="space-y-8 break-before-page">
        {phases.map((numbered, index) => (
          <RunbookPhase key={numbered.phase.id} numbered={numbered} position={index + 1} />
        ))}
      </div>
      <RunbookSignOff />
    </div>
  );
});
