import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { AdvisoryList } from '@/components/advisory-list';
import { ExportPanel, fileStemOf } from '@/components/export-panel';
import { PhaseSection, phaseHeadingId } from '@/components/phase-section';
import { ProgressBar } from '@/components/progress-bar';
import { SharePanel } from '@/components/share-panel';
import { stepElementId } from '@/components/step-card';
import { WizardFrame, wizardPath } from '@/components/wizard-frame';
import { findGuide } from '@/content/guides';
import {
  components,
  findModel,
  installs,
  planLinkFor,
  renderMarkdown,
  strategies,
  type FieldMessage,
  type Plan,
  stepOfField,
  planForDraft,
  wizardSteps,
  type WizardStepEntry,
} from '@/rules';
import { useActivePlan, useWizardStore } from '@/store/wizard-store';
import { type SavedPlan } from '@/store/persistence';

const planPath = '/wizard/plan';
const printPath = '/print';
const frameTitle = 'Your upgrade plan';

/** What the shared-plan page hands over when it opens a link as a new plan. */
type OpenedFromLinkState = { readonly openedFromLink: { readonly planName: string } };

/** The navigation state that makes this page say the plan came from a shared link. */
export function openedFromLinkState(planName: string): OpenedFromLinkState {
  return { openedFromLink: { planName } };
}

/** Navigation state is whatever the history entry holds: read it as `unknown`. */
function planNameFromState(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('openedFromLink' in state)) return null;
  const opened: unknown = state.openedFromLink;
  if (typeof opened !== 'object' || opened === null || !('planName' in opened)) return null;
  return typeof opened.planName === 'string' ? opened.planName : null;
}

/** The wizard page that asks for a field, for a link from a message about it. */
function pageForField(field: string): { readonly label: string; readonly path: string } {
  const step = stepOfField(field);
  const entry: WizardStepEntry =
    wizardSteps.find((candidate) => candidate.id === step) ?? wizardSteps[0];
  return { label: entry.label, path: wizardPath(entry.id) };
}

function permalinkFor(stepId: string): string {
  return `${planPath}?step=${encodeURIComponent(stepId)}`;
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

/**
 * Says that the open plan was just made from a shared link. The live region is in the page from
 * the start and the message arrives after it, so screen readers announce it. The history entry
 * forgets the message at once: a reload does not claim a second plan was made.
 */
function OpenedFromLinkNotice() {
  const location = useLocation();
  const navigate = useNavigate();
  const [planName, setPlanName] = useState<string | null>(null);
  const regionRef = useRef<HTMLDivElement>(null);
  const fromState = planNameFromState(location.state);

  useEffect(() => {
    if (fromState === null) return;
    setPlanName(fromState);
    void navigate(
      { pathname: location.pathname, search: location.search },
      { replace: true, state: null },
    );
  }, [fromState, location.pathname, location.search, navigate]);

  function dismiss(): void {
    setPlanName(null);
    // The button goes away with the message; the page's heading takes the keyboard.
    regionRef.current?.parentElement?.querySelector<HTMLElement>('h1')?.focus();
  }

  return (
    <div ref={regionRef} role="status" className={planName === null ? 'sr-only' : 'mb-6'}>
      {planName === null ? null : (
        <div className="flex flex-wrap items-start justify-between gap-3 rounded-lg border-l-4 border-blue-700 bg-blue-50 p-4 text-slate-900 dark:border-sky-300 dark:bg-sky-950/40 dark:text-slate-100">
          <p className="min-w-0 flex-1">
            This plan was opened from a shared link as a new plan, “{planName}”. Your other plans
            are unchanged.
          </p>
          <button
            type="button"
            onClick={dismiss}
            aria-label="Dismiss this message"
            className="rounded-md border border-slate-700 px-3 py-1 text-sm font-semibold dark:border-slate-300"
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
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

function PlanForAnswers({ saved }: PlanForAnswersProps) {
  const answers = saved.answers;
  const result = useMemo(() => planForDraft(answers), [answers]);
  if (!result.ok) return <PlanErrors errors={result.errors} warnings={result.warnings} />;
  return <PlanView plan={result.plan} progress={saved.progress} />;
}

type PlanErrorsProps = {
  readonly errors: readonly FieldMessage[];
  readonly warnings: readonly FieldMessage[];
};

function PlanErrors({ errors, warnings }: PlanErrorsProps) {
  return (
    <WizardFrame step="plan" title={frameTitle} canContinue={false}>
      <section
        aria-labelledby="plan-errors-heading"
        className="space-y-3 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 dark:border-red-400 dark:bg-red-950/40"
      >
        <h2 id="plan-errors-heading" className="text-lg font-semibold">
          The plan cannot be built yet:{' '}
          {errors.length === 1 ? 'one answer needs' : `${errors.length} answers need`} a change
        </h2>
        <ul className="space-y-2">
          {errors.map((error, index) => {
            const page = pageForField(error.field);
            return (
              <li key={`${error.field}-${index}`}>
                <span className="font-mono text-sm">{error.field}</span>: {error.message}{' '}
                <Link
                  className="text-blue-800 underline underline-offset-2 dark:text-sky-300"
                  to={page.path}
                >
                  Fix it on “{page.label}”
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
      <PlanWarnings warnings={warnings} />
    </WizardFrame>
  );
}

type PlanWarningsProps = { readonly warnings: readonly FieldMessage[] };

function PlanWarnings({ warnings }: PlanWarningsProps) {
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="plan-warnings-heading" className="space-y-2">
      <h2 id="plan-warnings-heading" className="text-lg font-semibold">
        Notes on your answers
      </h2>
      <ul className="list-disc space-y-1 pl-6">
        {warnings.map((warning, index) => (
          <li key={`${warning.field}-${index}`}>
            {warning.message}{' '}
            <Link
              className="text-blue-700 underline underline-offset-2 dark:text-sky-300"
              to={pageForField(warning.field).path}
            >
              Review <span className="font-mono text-sm">{warning.field}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

type PlanViewProps = {
  readonly plan: Plan;
  readonly progress: Readonly<Record<string, string>>;
};

function PlanView({ plan, progress }: PlanViewProps) {
  const setProgress = useWizardStore((state) => state.setProgress);
  const [searchParams] = useSearchParams();
  const targetStepId = searchParams.get('step') ?? undefined;
  const [isHidingFinished, setHidingFinished] = useState(false);

  const steps = plan.phases.flatMap((phase) => phase.steps);
  const doneCount = steps.filter((step) => progress[step.id] !== undefined).length;
  const isTargetKnown =
    targetStepId === undefined || steps.some((step) => step.id === targetStepId);

  // A link to one step opens the plan at that step and puts the keyboard there. The frame focuses
  // its heading when it mounts, after this effect; the next frame comes after both.
  useEffect(() => {
    if (targetStepId === undefined) return;
    const frame = requestAnimationFrame(() => {
      const card = document.getElementById(stepElementId(targetStepId));
      if (!card) return;
      card.focus({ preventScroll: true });
      card.scrollIntoView({ block: 'start' });
    });
    return () => cancelAnimationFrame(frame);
  }, [targetStepId]);

  // Ticking the last step of a phase while finished phases are hidden folds the phase away, and
  // with it the checkbox that had the focus: the keyboard then goes to the folded phase's heading.
  const finishedPhaseIds = plan.phases
    .filter((phase) => phase.steps.length > 0)
    .filter((phase) => phase.steps.every((step) => progress[step.id] !== undefined))
    .map((phase) => phase.id);
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

  const onDoneChange = useCallback(
    (stepId: string, isDone: boolean) => setProgress(stepId, isDone, new Date().toISOString()),
    [setProgress],
  );

  let nextNumber = 1;
  const numberedPhases = plan.phases.map((phase) => {
    const firstNumber = nextNumber;
    nextNumber += phase.steps.length;
    return { phase, firstNumber };
  });

  return (
    <WizardFrame step="plan" title={frameTitle} canContinue>
      <section aria-labelledby="plan-summary-heading" className="space-y-4">
        <h2 id="plan-summary-heading" className="text-xl font-semibold tracking-tight">
          {plan.title}
        </h2>
        <PlanSummary plan={plan} />
      </section>

      <PlanToolbar plan={plan} />

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

      <PlanWarnings warnings={plan.warnings} />

      <section aria-labelledby="steps-heading" className="space-y-6">
        <div className="space-y-3 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
          <h2 id="steps-heading" className="text-xl font-semibold tracking-tight">
            Steps
          </h2>
          <ProgressBar
            done={doneCount}
            total={steps.length}
            label="Overall progress"
            size="large"
          />
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
        </div>
        {numberedPhases.map(({ phase, firstNumber }) => {
          const isFinished = finishedPhaseIds.includes(phase.id);
          const holdsTarget = phase.steps.some((step) => step.id === targetStepId);
          return (
            <PhaseSection
              key={phase.id}
              phase={phase}
              firstNumber={firstNumber}
              progress={progress}
              onDoneChange={onDoneChange}
              permalinkFor={permalinkFor}
              guideTitleFor={guideTitleFor}
              targetStepId={targetStepId}
              isCollapsed={isHidingFinished && isFinished && !holdsTarget}
            />
          );
        })}
        {steps.length > 0 && doneCount === steps.length ? (
          <p className="rounded-md border-l-4 border-green-700 bg-green-50 p-3 font-medium dark:border-green-400 dark:bg-green-950/40">
            Every step is done. Keep the backups until the new versions have run well for a while.
          </p>
        ) : null}
      </section>
    </WizardFrame>
  );
}

type ToolbarPanel = 'share' | 'export';

type PlanToolbarProps = { readonly plan: Plan };

/** Share and Export, each a button that opens its panel under the buttons; one panel at a time. */
function PlanToolbar({ plan }: PlanToolbarProps) {
  const [openPanel, setOpenPanel] = useState<ToolbarPanel | null>(null);
  const shareButton = useRef<HTMLButtonElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  const shareId = useId();
  const exportId = useId();

  function toggle(panel: ToolbarPanel): void {
    setOpenPanel((open) => (open === panel ? null : panel));
  }

  // Escape closes the open panel and gives the keyboard back to the button that opened it.
  function closeOnEscape(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'Escape' || openPanel === null) return;
    event.preventDefault();
    (openPanel === 'share' ? shareButton : exportButton).current?.focus();
    setOpenPanel(null);
  }

  const toggleClass =
    'inline-flex items-center gap-1 rounded-md border border-blue-700 px-4 py-2 font-semibold text-blue-700 hover:bg-blue-50 aria-expanded:bg-blue-700 aria-expanded:text-white dark:border-sky-300 dark:text-sky-300 dark:hover:bg-slate-900 dark:aria-expanded:bg-sky-300 dark:aria-expanded:text-slate-950';

  return (
    <div className="space-y-4 print:hidden" onKeyDown={closeOnEscape}>
      <div role="group" aria-label="Share and export" className="flex flex-wrap gap-3">
        <button
          ref={shareButton}
          type="button"
          aria-expanded={openPanel === 'share'}
          aria-controls={shareId}
          onClick={() => toggle('share')}
          className={toggleClass}
        >
          Share
        </button>
        <button
          ref={exportButton}
          type="button"
          aria-expanded={openPanel === 'export'}
          aria-controls={exportId}
          onClick={() => toggle('export')}
          className={toggleClass}
        >
          Export
        </button>
      </div>
      {openPanel === 'share' ? <PlanShare id={shareId} plan={plan} /> : null}
      {openPanel === 'export' ? <PlanExport id={exportId} plan={plan} /> : null}
    </div>
  );
}

type PlanPanelProps = { readonly id: string; readonly plan: Plan };

function PlanShare({ id, plan }: PlanPanelProps) {
  const [includeNames, setIncludeNames] = useState(false);
  // The app's own address: the link opens this same build, wherever it is hosted.
  const link = useMemo(
    () => planLinkFor(window.location.href, plan.input, { includeNames }),
    [plan.input, includeNames],
  );
  return (
    <SharePanel
      id={id}
      link={link}
      includeNames={includeNames}
      onIncludeNamesChange={setIncludeNames}
    />
  );
}

function PlanExport({ id, plan }: PlanPanelProps) {
  const markdown = useMemo(() => renderMarkdown(plan), [plan]);
  const json = useMemo(() => `${JSON.stringify(plan, null, 2)}\n`, [plan]);
  return (
    <ExportPanel
      id={id}
      markdown={markdown}
      json={json}
      fileStem={fileStemOf(plan.title)}
      printPath={printPath}
    />
  );
}

type PlanSummaryProps = { readonly plan: Plan };

function PlanSummary({ plan }: PlanSummaryProps) {
  const { input } = plan;
  const install = installs.find((entry) => entry.id === input.install);
  const strategy = strategies.find((entry) => entry.id === input.strategy);
  const componentLabel = (id: string) => components.find((entry) => entry.id === id)?.label ?? id;

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium text-slate-700 dark:text-slate-300">Deployment</dt>
        <dd>{findModel(input.model).label}</dd>
        <dt className="font-medium text-slate-700 dark:text-slate-300">Installation</dt>
        <dd>{install?.label ?? 'Run by Tyk'}</dd>
        <dt className="font-medium text-slate-700 dark:text-slate-300">Strategy</dt>
        <dd>
          {strategy?.label ?? input.strategy}
          {input.strategy === 'downtime' && input.downtimeMinutes !== null
            ? `, about ${input.downtimeMinutes} minutes`
            : null}
        </dd>
        {input.dataPlanes.length > 0 ? (
          <>
            <dt className="font-medium text-slate-700 dark:text-slate-300">Data planes</dt>
            <dd>{input.dataPlanes.map((plane) => plane.name).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <table className="w-full border-collapse text-left text-sm sm:text-base">
        <caption className="sr-only">Version changes</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-1 pr-3 font-medium">
              Component
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              From
            </th>
            <th scope="col" className="py-1 font-medium">
              To
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.versions.map((version) => (
            <tr key={version.component} className="border-b border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-1 pr-3 font-normal">
                {componentLabel(version.component)}
              </th>
              <td className="py-1 pr-3 font-mono">{version.from}</td>
              <td className="py-1 font-mono">{version.to}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
