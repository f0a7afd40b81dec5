import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AdvisoryList } from '@/components/advisory-list';
import { AnnouncementPanel } from '@/components/announcement-panel';
import { ChangeEstimatePanel } from '@/components/change-estimate-panel';
import { CommandWrapToggle } from '@/components/command-wrap';
import { OpenedFromLinkNotice } from '@/components/opened-from-link-notice';
import { PhaseSection, phaseHeadingId } from '@/components/phase-section';
import { PlanErrors, PlanWarnings, type FieldPage } from '@/components/plan-problems';
import { PlanNavigator } from '@/components/plan-navigator';
import { PlanSummary } from '@/components/plan-summary';
import { ChangeCoverForm } from '@/components/change-cover-form';
import { PlanToolbar } from '@/components/plan-toolbar';
import { PlanCompleteMessage, RunbookProgress } from '@/components/runbook-progress';
import { stepElementId } from '@/components/step-card';
import { WizardFrame, wizardPath } from '@/components/wizard-frame';
import { findGuide } from '@/content/guides';
import {
  announcementStepIds,
  estimateOfPlan,
  nextStepToDo,
  numberedPhases,
  planForDraft,
  stepOfField,
  wizardSteps,
  type ChangeDetails,
  type FieldMessage,
  type Plan,
  type WizardStepEntry,
} from '@/rules';
import type { PlanFindings, SavedPlan } from '@/store/persistence';
import { useActivePlan } from '@/store/wizard-store';
import { useRunbookState } from '@/store/use-runbook-state';
import { usePreferences } from '@/store/preferences';

// Only plans read from a deployment's files have findings; the rest never load the reader's code.
const DetectPlanFindings = lazy(async () => ({
  default: (await import('@/components/detect-plan-findings')).DetectPlanFindings,
}));

const planPath = '/wizard/plan';
const printPath = '/print';
const frameTitle = 'Your upgrade plan';

/** The wizard page that asks for a field, for a link from a message about it. */
function pageForField(field: string): FieldPage {
  const step = stepOfField(field);
  const entry: WizardStepEntry =
    wizardSteps.find((candidate) => candidate.id === step) ?? wizardSteps[0];
  return { label: entry.label, path: wizardPath(entry.id) };
}

function permalinkFor(stepId: string): string {
  return `${planPath}?step=${encodeURIComponent(stepId)}`;
}

function phasePathFor(phaseId: string): string {
  return `${planPath}?phase=${encodeURIComponent(phaseId)}`;
}

/** Puts the keyboard on an element of the plan and scrolls it to the top of the screen. */
function bringIntoView(elementId: string): void {
  const element = document.getElementById(elementId);
  if (!element) return;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: 'start' });
}

function guideTitleFor(slug: string): string | undefined {
  return findGuide(slug)?.title;
}

export function WizardPlanPage() {
  const saved = useActivePlan();
  if (saved === null) return <NoActivePlan />;
  return (
    <>
      <OpenedFromLinkNotice />
      <PlanForAnswers saved={saved} />
    </>
  );
}

function NoActivePlan() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Your upgrade plan</h1>
      <p>
        There is no plan open in this browser yet. Answer a few questions and the plan appears here.
      </p>
      <Link
        to="/wizard/deployment"
        className="inline-block rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
      >
        Start planning
      </Link>
    </div>
  );
}

type PlanForAnswersProps = { readonly saved: SavedPlan };

type PlanProblemsProps = {
  readonly errors: readonly FieldMessage[];
  readonly warnings: readonly FieldMessage[];
};

function PlanForAnswers({ saved }: PlanForAnswersProps) {
  const answers = saved.answers;
  const result = useMemo(() => planForDraft(answers), [answers]);
  if (!result.ok) return <PlanProblems errors={result.errors} warnings={result.warnings} />;
  return <PlanView plan={result.plan} saved={saved} findings={saved.findings} />;
}

function PlanProblems({ errors, warnings }: PlanProblemsProps) {
  return (
    <WizardFrame step="plan" title={frameTitle} canContinue={false}>
      <PlanErrors errors={errors} pageForField={pageForField} />
      <PlanWarnings warnings={warnings} pageForField={pageForField} />
    </WizardFrame>
  );
}

type PlanViewProps = {
  readonly plan: Plan;
  readonly saved: SavedPlan;
  /** Findings read from the deployment's files, when the answers came from them. */
  readonly findings?: PlanFindings | undefined;
};

/** The change fields kept with the plan, as the announcement's details: those filled in. */
function detailsOfCover(cover: SavedPlan['cover']): ChangeDetails {
  if (cover === undefined) return {};
  return Object.fromEntries(
    Object.entries(cover).filter(([, value]) => value.trim() !== ''),
  ) satisfies ChangeDetails;
}

function PlanView({ plan, saved, findings }: PlanViewProps) {
  const runbook = useRunbookState(plan, saved, permalinkFor);
  const { progress, records, done } = runbook;
  const [searchParams, setSearchParams] = useSearchParams();
  const targetStepId = searchParams.get('step') ?? undefined;
  const targetPhaseId = searchParams.get('phase') ?? undefined;
  const [isHidingFinished, setHidingFinished] = useState(false);
  const wrapsCommands = usePreferences((state) => state.wrapsCommands);
  const setWrapsCommands = usePreferences((state) => state.setWrapsCommands);
  const estimate = useMemo(() => estimateOfPlan(plan), [plan]);
  // What is typed into an announcement, over the change fields the plan keeps.
  const [changeDetails, setChangeDetails] = useState<ChangeDetails>({});
  const announcementDetails = useMemo(
    () => ({ ...detailsOfCover(saved.cover), ...changeDetails }),
    [saved.cover, changeDetails],
  );

  const steps = plan.phases.flatMap((phase) => phase.steps);
  const isTargetKnown =
    targetStepId === undefined || steps.some((step) => step.id === targetStepId);

  const nextStep = useMemo(() => nextStepToDo(plan, progress, records), [plan, progress, records]);

  // A link to one step (or phase) opens the plan there and puts the keyboard there. The frame
  // focuses its heading when it mounts, after this effect; the next frame comes after both.
  const targetElementId =
    targetStepId !== undefined
      ? stepElementId(targetStepId)
      : targetPhaseId !== undefined
        ? phaseHeadingId(targetPhaseId)
        : undefined;
  useEffect(() => {
    if (targetElementId === undefined) return;
    const frame = requestAnimationFrame(() => bringIntoView(targetElementId));
    return () => cancelAnimationFrame(frame);
  }, [targetElementId]);

  // A jump from the navigator moves at once, even to where the address already points, and the
  // address follows so that a reload opens the plan at the same place.
  function jumpToStep(stepId: string): void {
    bringIntoView(stepElementId(stepId));
    setSearchParams({ step: stepId }, { replace: true });
  }
  function jumpToPhase(phaseId: string): void {
    bringIntoView(phaseHeadingId(phaseId));
    setSearchParams({ phase: phaseId }, { replace: true });
  }

  // Ticking the last step of a phase while finished phases are hidden folds the phase away, and
  // with it the checkbox that had the focus: the keyboard then goes to the folded phase's heading.
  const finishedPhaseIds = done.finishedPhaseIds;
  const finishedKey = finishedPhaseIds.join(' ');
  const previouslyFinished = useRef(finishedKey);
  useEffect(() => {
    const before = new Set(previouslyFinished.current.split(' '));
    previouslyFinished.current = finishedKey;
    if (!isHidingFinished) return;
    const isFocusLost = document.activeElement === null || document.activeElement === document.body;
    const folded = finishedKey.split(' ').find((id) => id !== '' && !before.has(id));
    if (isFocusLost && folded !== undefined)
      document.getElementById(phaseHeadingId(folded))?.focus();
  }, [finishedKey, isHidingFinished]);

  return (
    <WizardFrame step="plan" title={frameTitle} canContinue>
      <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:items-start lg:gap-8">
        <PlanNavigator
          phases={plan.phases}
          progress={done}
          nextStep={nextStep}
          stepPath={permalinkFor}
          phasePath={phasePathFor}
          onJumpToStep={jumpToStep}
          onJumpToPhase={jumpToPhase}
          className="lg:col-start-2 lg:row-start-1"
        />
        <div className="min-w-0 space-y-8 lg:col-start-1 lg:row-start-1">
          <section aria-labelledby="plan-summary-heading" className="space-y-4">
            <h2 id="plan-summary-heading" className="text-xl font-semibold tracking-tight">
              {plan.title}
            </h2>
            <PlanSummary plan={plan} />
          </section>

          <ChangeEstimatePanel
            estimate={estimate}
            progress={progress}
            changeFigures={
              <Link to={wizardPath('preparation')} className="font-semibold underline">
                Change the figures it rests on
              </Link>
            }
          />

          <PlanToolbar
            plan={plan}
            appUrl={window.location.href}
            printPath={printPath}
            run={runbook.run}
            findings={findings}
          />

          <ChangeCoverForm key={saved.id} cover={saved.cover} onSave={runbook.onCoverSave} />

          {!isTargetKnown ? (
            <p
              role="status"
              className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 dark:border-amber-400 dark:bg-amber-950/40"
            >
              The linked step is not part of this plan. It may come from a plan with other answers.
            </p>
          ) : null}

          <section aria-labelledby="advisories-heading" className="space-y-3">
            <h2 id="advisories-heading" className="text-xl font-semibold tracking-tight">
              Before you start: advisories
            </h2>
            <AdvisoryList advisories={plan.advisories} />
          </section>

          {findings === undefined ? null : (
            <Suspense fallback={<p>Loading the findings from your deployment’s files…</p>}>
              <DetectPlanFindings
                findings={findings.findings}
                checkedTarget={findings.target}
                planTarget={plan.input.gateway.to}
              />
            </Suspense>
          )}

          <PlanWarnings warnings={plan.warnings} pageForField={pageForField} />

          <section aria-labelledby="steps-heading" className="space-y-6">
            <div className="space-y-3 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
              <h2 id="steps-heading" className="text-xl font-semibold tracking-tight">
                Steps
              </h2>
              <RunbookProgress
                progress={done}
                skipped={runbook.skipped}
                failed={runbook.failed}
                resetSteps={runbook.resetSteps}
              >
                <span className="inline-flex items-center gap-2">
                  <input
                    id="hide-finished-phases"
                    type="checkbox"
                    checked={isHidingFinished}
                    onChange={(event) => setHidingFinished(event.target.checked)}
                    className="size-5"
                  />
                  <label htmlFor="hide-finished-phases">Hide finished phases</label>
                </span>
                <CommandWrapToggle isWrapped={wrapsCommands} onChange={setWrapsCommands} />
              </RunbookProgress>
            </div>
            {numberedPhases(plan).map(({ phase, firstNumber }) => {
              const isFinished = finishedPhaseIds.includes(phase.id);
              const holdsTarget = phase.steps.some((step) => step.id === targetStepId);
              const announcements = announcementStepIds.filter((id) =>
                phase.steps.some((step) => step.id === id),
              );
              return (
                <div key={phase.id} className="space-y-3">
                  <PhaseSection
                    phase={phase}
                    firstNumber={firstNumber}
                    progress={progress}
                    records={records}
                    count={done.byPhase[phase.id] ?? { done: 0, total: phase.steps.length }}
                    onDoneChange={runbook.onDoneChange}
                    onRecord={runbook.onRecord}
                    permalinkFor={permalinkFor}
                    guideTitleFor={guideTitleFor}
                    targetStepId={targetStepId}
                    isCollapsed={isHidingFinished && isFinished && !holdsTarget}
                    wrapsCommands={wrapsCommands}
                  />
                  {announcements.map((stepId) => (
                    <AnnouncementPanel
                      key={stepId}
                      plan={plan}
                      estimate={estimate}
                      stepId={stepId}
                      details={announcementDetails}
                      onDetailsChange={setChangeDetails}
                    />
                  ))}
                </div>
              );
            })}
            {done.isComplete ? <PlanCompleteMessage /> : null}
          </section>
        </div>
      </div>
    </WizardFrame>
  );
}
