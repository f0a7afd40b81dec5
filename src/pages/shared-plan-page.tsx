import { useEffect, useMemo, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ChangeEstimatePanel } from '@/components/change-estimate-panel';
import { wizardPath } from '@/components/wizard-frame';
import {
  buildPlan,
  planTitleOf,
  decodePlanLink,
  estimateOfPlan,
  findModel,
  installs,
  validate,
  type FieldMessage,
  checkDraft,
  wizardStepIds,
  stepOfField,
  type WizardStep,
  answersFromInput,
  toPlanInput,
  type DraftAnswers,
  wizardSteps,
  type ChangeCover,
  newerSchemaField,
} from '@/rules';
import { openedFromLinkState } from '@/components/opened-from-link-notice';
import { useWizardStore } from '@/store/wizard-store';

/** What a shared link turned out to hold. */
type SharedLink =
  | { readonly kind: 'unreadable'; readonly problems: readonly FieldMessage[] }
  | {
      readonly kind: 'ready';
      readonly answers: DraftAnswers;
      readonly planName: string;
      readonly cover: ChangeCover | undefined;
    }
  | {
      readonly kind: 'needs-review';
      readonly answers: DraftAnswers;
      readonly planName: string;
      /** The change fields, when the sender chose to send them. */
      readonly cover: ChangeCover | undefined;
      /** What the link held that was unknown or malformed, and what stands in for it. */
      readonly replaced: readonly FieldMessage[];
      readonly errors: readonly FieldMessage[];
      readonly warnings: readonly FieldMessage[];
      /** The first wizard page with something to look at. */
      readonly firstStep: WizardStep;
    };

const sharedPlanName = 'Shared plan';

function planNameFor(answers: DraftAnswers): string {
  const title = planTitleOf(toPlanInput(answers));
  return title === null ? sharedPlanName : `${sharedPlanName}: ${title}`;
}

function earliestStep(steps: readonly WizardStep[]): WizardStep {
  const indexes = steps.map((step) => wizardStepIds.indexOf(step));
  return wizardStepIds[Math.min(...indexes)] ?? 'deployment';
}

function readSharedLink(payload: string): SharedLink {
  const decoded = decodePlanLink(payload);
  if (!decoded.ok) return { kind: 'unreadable', problems: decoded.problems };
  const answers = answersFromInput(decoded.input);
  const validation = validate(decoded.input);
  const planName = planNameFor(answers);
  const cover = decoded.cover;
  if (decoded.problems.length === 0 && validation.ok)
    return { kind: 'ready', answers, planName, cover };
  const check = checkDraft(answers);
  // A problem about the link as a whole (an ignored extra entry) asks nothing of any page.
  const fieldSteps = decoded.problems
    .filter((problem) => problem.field !== 'link')
    .map((problem) => stepOfField(problem.field));
  return {
    kind: 'needs-review',
    answers,
    planName,
    cover,
    replaced: decoded.problems,
    errors: validation.ok ? [] : validation.errors,
    warnings: validation.warnings,
    firstStep: earliestStep([check.reachable.at(-1) ?? 'deployment', ...fieldSteps]),
  };
}

// The rules return messages rather than throw; this guard keeps a bug in them from blanking the page.
function safelyRead(payload: string): SharedLink {
  try {
    return readSharedLink(payload);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'unreadable',
      problems: [{ field: 'link', message: `The link could not be read (${reason}).` }],
    };
  }
}

function stepPath(step: WizardStep): string {
  return wizardPath(step);
}

function stepLabel(step: WizardStep): string {
  return wizardSteps.find((entry) => entry.id === step)?.label ?? step;
}

/**
 * `#/s/<payload>`: opens a shared plan as a new plan of this browser's own. A link that reads
 * cleanly opens at once; anything else is explained first, and nothing is saved until asked.
 */
export function SharedPlanPage() {
  // Everything after `#/s/`, slashes included: a link with more of them is damaged, not missing.
  const { '*': payload = '' } = useParams();
  const link = useMemo(() => safelyRead(payload), [payload]);
  const importPlan = useWizardStore((state) => state.importPlan);
  const setCover = useWizardStore((state) => state.setCover);
  const navigate = useNavigate();
  // The ref survives StrictMode's second effect and a second press: one link makes one plan.
  const hasOpened = useRef(false);

  const openAsNewPlan = (
    answers: DraftAnswers,
    planName: string,
    step: WizardStep,
    cover: ChangeCover | undefined,
  ): void => {
    if (hasOpened.current) return;
    hasOpened.current = true;
    const at = new Date().toISOString();
    const id = importPlan(answers, planName, at);
    // The new plan is the open one: the change fields the sender chose to send go with it.
    if (cover !== undefined) setCover(cover, at);
    const savedName = useWizardStore.getState().plans[id]?.name ?? planName;
    // Replace: the shared address leaves the history, so a reload or Back makes no second plan.
    void navigate(stepPath(step), {
      replace: true,
      state: step === 'plan' ? openedFromLinkState(savedName) : null,
    });
  };

  useEffect(() => {
    if (link.kind === 'ready') openAsNewPlan(link.answers, link.planName, 'plan', link.cover);
  });

  if (link.kind === 'ready') {
    return (
      // A screen high, like the page loading: the plan replaces it without pushing the footer.
      <p role="status" className="min-h-screen text-lg">
        Opening the shared plan…
      </p>
    );
  }
  if (link.kind === 'unreadable') return <UnreadableLink problems={link.problems} />;
  return (
    <LinkNeedsReview
      link={link}
      onOpenAnyway={() => openAsNewPlan(link.answers, link.planName, link.firstStep, link.cover)}
    />
  );
}

function usePageHeading() {
  const heading = useRef<HTMLHeadingElement>(null);
  // A new page: start reading at its heading.
  useEffect(() => heading.current?.focus(), []);
  return heading;
}

const headingClass = 'text-2xl font-bold tracking-tight outline-none sm:text-3xl';
const linkClass = 'font-semibold text-blue-700 underline underline-offset-4 dark:text-sky-300';

type UnreadableLinkProps = { readonly problems: readonly FieldMessage[] };

function UnreadableLink({ problems }: UnreadableLinkProps) {
  const heading = usePageHeading();
  // A resend cannot help a link that is newer than this copy of the wizard; a reload may.
  const isFromNewerWizard = problems.some((problem) => problem.field === newerSchemaField);
  return (
    <div className="space-y-4">
      <h1 ref={heading} tabIndex={-1} className={headingClass}>
        This link cannot be opened
      </h1>
      <ul className="space-y-1 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 dark:border-red-300 dark:bg-red-950/40">
        {problems.map((problem, index) => (
          <li key={`${problem.field}-${index}`}>{problem.message}</li>
        ))}
      </ul>
      {isFromNewerWizard ? (
        <p>
          Reload this page first: this browser may still be showing an older copy of the wizard. If
          the message stays, the wizard at this address is older than the one the link was made
          with, so open the link at the address it was sent from. Nothing was saved, and your own
          plans are as they were.
        </p>
      ) : (
        <p>
          Ask whoever sent it to copy the whole link again: chat tools and email sometimes cut long
          links short. Nothing was saved, and your own plans are as they were.
        </p>
      )}
      <p className="flex flex-wrap gap-x-6 gap-y-2">
        <Link to="/" className={linkClass}>
          Back to the start page
        </Link>
        <Link to="/wizard/new" className={linkClass}>
          Start a new plan
        </Link>
      </p>
    </div>
  );
}

type LinkNeedsReviewProps = {
  readonly link: Extract<SharedLink, { kind: 'needs-review' }>;
  readonly onOpenAnyway: () => void;
};

function LinkNeedsReview({ link, onOpenAnyway }: LinkNeedsReviewProps) {
  const heading = usePageHeading();
  const { answers } = link;
  const install = installs.find((entry) => entry.id === answers.install);
  // When the answers make a plan despite the replacements, its estimate helps decide.
  const estimate = useMemo(() => {
    const result = buildPlan(toPlanInput(answers));
    return result.ok ? estimateOfPlan(result.plan) : null;
  }, [answers]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 ref={heading} tabIndex={-1} className={headingClass}>
          This shared plan needs a look before it opens
        </h1>
        <p>
          The link was read, but some of what it holds is unknown or does not make a plan yet.
          Nothing has been saved so far.
        </p>
      </header>

      <section aria-labelledby="shared-answers-heading" className="space-y-2">
        <h2 id="shared-answers-heading" className="text-xl font-semibold">
          What the link holds
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium text-slate-700 dark:text-slate-300">Deployment</dt>
          <dd>{findModel(answers.model).label}</dd>
          {install === undefined ? null : (
            <>
              <dt className="font-medium text-slate-700 dark:text-slate-300">Installation</dt>
              <dd>{install.label}</dd>
            </>
          )}
          <dt className="font-medium text-slate-700 dark:text-slate-300">Gateway and Dashboard</dt>
          <dd className="break-all">
            {answers.gateway.from === '' ? 'no version' : answers.gateway.from} →{' '}
            {answers.gateway.to === '' ? 'the recommended version' : answers.gateway.to}
          </dd>
        </dl>
      </section>

      {estimate === null ? null : <ChangeEstimatePanel estimate={estimate} />}

      <MessageList
        id="shared-replaced-heading"
        title="Replaced while reading the link"
        messages={link.replaced}
      />
      <MessageList
        id="shared-errors-heading"
        title="Answers to change before there is a plan"
        messages={link.errors}
        showStep
      />
      <MessageList
        id="shared-warnings-heading"
        title="Notes on the answers"
        messages={link.warnings}
      />

      <section
        aria-labelledby="shared-next-heading"
        className="space-y-3 border-t border-slate-300 pt-4 dark:border-slate-700"
      >
        <h2 id="shared-next-heading" className="text-xl font-semibold">
          What next
        </h2>
        <p>
          Opening it anyway saves these answers, with the replacements above, as a new plan next to
          your own and takes you to “{stepLabel(link.firstStep)}”, the first page with something to
          look at.
        </p>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <button
            type="button"
            onClick={onOpenAnyway}
            className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 dark:bg-sky-300 dark:text-slate-950 dark:hover:bg-sky-200"
          >
            Open as a new plan anyway
          </button>
          <Link to="/" className={linkClass}>
            Back to the start page
          </Link>
        </div>
      </section>
    </div>
  );
}

type MessageListProps = {
  readonly id: string;
  readonly title: string;
  readonly messages: readonly FieldMessage[];
  /** Adds the wizard page that asks for each field. */
  readonly showStep?: boolean;
};

/** Messages as plain text, each naming its field; whatever a link held is never markup here. */
function MessageList({ id, title, messages, showStep = false }: MessageListProps) {
  if (messages.length === 0) return null;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <ul className="list-disc space-y-1 pl-6">
        {messages.map((message, index) => (
          <li key={`${message.field}-${index}`} className="break-words">
            <span className="font-mono text-sm">{message.field}</span>: {message.message}
            {showStep ? ` (asked on “${stepLabel(stepOfField(message.field))}”)` : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
