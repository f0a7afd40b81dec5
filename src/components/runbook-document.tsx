import { memo } from 'react';
import type { ReactNode } from 'react';
import {
  continuationMark,
  continuedMark,
  planProgress,
  printedLines,
  stepStatus,
  type Plan,
  type StepRecord,
} from '@/rules';
import { RunbookAdvisories } from '@/components/runbook-advisories';
import { RunbookContents } from '@/components/runbook-contents';
import { printColumns } from '@/components/runbook-command';
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
  /** The ticks that hold, by step id; absent for a blank runbook. */
  readonly ticks?: Readonly<Record<string, string>>;
  /** What was recorded on each step besides its tick. */
  readonly records?: Readonly<Record<string, StepRecord>>;
  /** The change-management fields of the cover, shown between the title and the facts. */
  readonly cover?: ReactNode;
};

/**
 * The whole runbook, in the order it is printed: the cover, the contents and the advisories, then
 * the phases, and the sign-off at the end. No part is forced onto a fresh page: the cover of a
 * large plan runs over three pages, and a forced break after it or before the phases left a page
 * three-quarters blank. Headings keep to what follows them instead. Memoised: another
 * paper size changes the sheet around the runbook, never the runbook itself.
 */
export const RunbookDocument = memo(function RunbookDocument({
  plan,
  link,
  generatedOn,
  findings,
  ticks = {},
  records = {},
  cover,
}: RunbookDocumentProps) {
  const phases = numberPhases(plan);
  const progress = planProgress(
    plan,
    (id) => ['done', 'skipped'].includes(stepStatus(ticks[id], records[id])),
    (id) => records[id]?.usedAt !== undefined,
  );
  const hasRecords = Object.keys(ticks).length > 0 || Object.keys(records).length > 0;
  return (
    <div className="space-y-8">
      <RunbookCover
        plan={plan}
        link={link}
        generatedOn={generatedOn}
        progressText={hasRecords ? progressText(progress) : null}
        changeFields={cover}
      />
      <div className="space-y-6">
        <RunbookContents phases={phases} />
        <RunbookAdvisories advisories={plan.advisories} warnings={plan.warnings} />
        {findings}
      </div>
      <div className="space-y-8">
        {hasCutLines(plan) ? <CutLinesNote /> : null}
        {phases.map((numbered, index) => (
          <RunbookPhase
            key={numbered.phase.id}
            numbered={numbered}
            position={index + 1}
            ticks={ticks}
            records={records}
          />
        ))}
      </div>
      <RunbookSignOff />
    </div>
  );
});

/** The cover's line about how far the change is: complete, or so many steps of so many. */
export function progressText(progress: ReturnType<typeof planProgress>): string {
  const { done, total } = progress.overall;
  const used = progress.contingency.done;
  const rollbacks = used === 0 ? '' : ` ${used} rollback ${used === 1 ? 'step' : 'steps'} used.`;
  return progress.isComplete
    ? `Complete: all ${total} steps of the change are done.${rollbacks}`
    : `${done} of ${total} steps of the change done.${rollbacks}`;
}

/** Whether a command of the plan has a line too long for the paper, which is printed cut. */
function hasCutLines(plan: Plan): boolean {
  return plan.phases.some((phase) =>
    phase.steps.some((step) =>
      [...step.commands, ...(step.verify?.commands ?? []), ...(step.rollback?.commands ?? [])].some(
        (command) => printedLines(command.code, printColumns).some((line) => line.isContinued),
      ),
    ),
  );
}

/** How to read a cut command line, said once before the steps. */
function CutLinesNote() {
  return (
    <p className="break-inside-avoid border-l-4 border-black pl-2 leading-snug">
      <strong className="font-semibold">Long command lines are cut to fit the paper.</strong> A line
      that ends with <span className="font-mono font-bold">{continuedMark}</span> goes on in the
      next line, which starts with <span className="font-mono font-bold">{continuationMark}</span>:
      type the parts as one line, without the marks.
    </p>
  );
}
