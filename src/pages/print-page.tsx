import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { RunbookChangeFields } from '@/components/change-cover-form';
import { RunbookDocument } from '@/components/runbook-document';
import {
  checkTicks,
  planLinkFor,
  type FieldMessage,
  type Plan,
  planForDraft,
  type StepRecord,
} from '@/rules';
import type { PlanFindings, SavedPlan } from '@/store/persistence';
import { useActivePlan } from '@/store/wizard-store';
import '@/print.css';

export type Paper = 'a4' | 'letter';

type PaperEntry = { readonly id: Paper; readonly label: string; readonly width: string };

const papers: Readonly<Record<Paper, PaperEntry>> = {
  a4: { id: 'a4', label: 'A4', width: 'max-w-[210mm]' },
  letter: { id: 'letter', label: 'US Letter', width: 'max-w-[8.5in]' },
};

/** The paper asked for in `?paper=`; anything but `letter` prints on A4. */
export function paperOf(value: string | null): Paper {
  return value === 'letter' ? 'letter' : 'a4';
}

/** The printable runbook of the open plan, at `#/print?paper=a4|letter`. */
export function PrintPage() {
  const saved = useActivePlan();
  const answers = saved?.answers;
  const result = useMemo(() => (answers === undefined ? null : planForDraft(answers)), [answers]);

  if (saved === null || result === null) {
    return (
      <PrintMessage>
        <p>There is no plan open in this browser, so there is no runbook to print yet.</p>
        <Link to="/wizard/deployment" className={primaryLinkClass}>
          Start planning
        </Link>
      </PrintMessage>
    );
  }
  if (!result.ok) {
    return (
      <PrintMessage>
        <p>
          The answers of “{saved.name}” do not make a plan yet, so there is no runbook to print.
        </p>
        <PlanErrors errors={result.errors} />
        <Link to="/wizard/plan" className={primaryLinkClass}>
          Back to the plan
        </Link>
      </PrintMessage>
    );
  }
  return <PrintView plan={result.plan} stored={saved.findings} saved={saved} />;
}

// Only plans read from a deployment's files have findings; the rest never load the reader's code.
const DetectPrintFindings = lazy(async () => ({
  default: (await import('@/components/detect-plan-findings')).DetectPrintFindings,
}));

const primaryLinkClass =
  'inline-block rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800';

type PrintMessageProps = { readonly children: ReactNode };

function PrintMessage({ children }: PrintMessageProps) {
  return (
    <div className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <main className="mx-auto max-w-2xl space-y-4 px-4 py-12">
        <h1 className="text-2xl font-bold tracking-tight">Printable runbook</h1>
        {children}
      </main>
    </div>
  );
}

type PlanErrorsProps = { readonly errors: readonly FieldMessage[] };

function PlanErrors({ errors }: PlanErrorsProps) {
  return (
    <ul className="list-disc space-y-1 pl-6">
      {errors.map((error, index) => (
        <li key={`${error.field}-${index}`}>{error.message}</li>
      ))}
    </ul>
  );
}

type PrintViewProps = {
  readonly plan: Plan;
  /** Findings read from the deployment's files, as the plan keeps them. */
  readonly stored: PlanFindings | undefined;
  readonly saved: SavedPlan;
};

type HeldTicks = {
  readonly ticks: Readonly<Record<string, string>>;
  readonly records: Readonly<Record<string, StepRecord>>;
};

function PrintView({ plan, stored, saved }: PrintViewProps) {
  // The ticks that still hold for the steps as printed; a changed step prints as "check again".
  const held: HeldTicks = useMemo(
    () => checkTicks(plan, saved.progress, saved.steps, ''),
    [plan, saved.progress, saved.steps],
  );
  const target = plan.input.gateway.to;
  const findings = useMemo(
    () =>
      stored === undefined ? undefined : (
        <Suspense fallback={<p>Loading the findings…</p>}>
          <DetectPrintFindings
            findings={stored.findings}
            checkedTarget={stored.target}
            planTarget={target}
          />
        </Suspense>
      ),
    [stored, target],
  );
  const [searchParams, setSearchParams] = useSearchParams();
  const linkedPaper = paperOf(searchParams.get('paper'));
  // The choice shows at once; the address follows as a transition and then takes over again
  // (so that going back in the history still changes the paper).
  const [chosenPaper, setChosenPaper] = useState<Paper | null>(null);
  useEffect(() => setChosenPaper(null), [linkedPaper]);
  const paper = chosenPaper ?? linkedPaper;
  const paperEntry = papers[paper];
  // The date is read once, when the page opens: the rules stay free of clocks.
  const [generatedOn] = useState(() => new Date());
  const link = useMemo(
    () => planLinkFor(window.location.href, plan.input, { includeNames: false }),
    [plan.input],
  );

  // A new page: the keyboard and screen readers start at the runbook's heading, not the body.
  useEffect(() => document.getElementById('runbook-title')?.focus(), []);

  // Browsers offer the title as the name of a saved PDF.
  useEffect(() => {
    const previous = document.title;
    document.title = `Runbook: ${plan.title}`;
    return () => {
      document.title = previous;
    };
  }, [plan.title]);

  function choosePaper(next: Paper): void {
    setChosenPaper(next);
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        params.set('paper', next);
        return params;
      },
      { replace: true },
    );
  }

  return (
    <div className="min-h-screen bg-slate-200 text-slate-900 dark:bg-slate-900 dark:text-slate-100 print:bg-white print:text-black">
      <header className="border-b border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-950 print:hidden">
        <div className="mx-auto flex max-w-[8.5in] flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
          <Link
            to="/wizard/plan"
            className="font-semibold text-blue-700 underline underline-offset-4 dark:text-sky-300"
          >
            <span aria-hidden="true">← </span>Back to the plan
          </Link>
          <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <legend className="float-left mr-1 font-semibold">Paper</legend>
            {Object.values(papers).map((entry) => (
              <label key={entry.id} className="inline-flex items-center gap-2">
                <input
                  type="radio"
                  name="paper"
                  value={entry.id}
                  checked={entry.id === paper}
                  onChange={() => choosePaper(entry.id)}
                  className="size-4"
                />
                {entry.label}
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            onClick={() => window.print()}
            className="ml-auto rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
          >
            Print
          </button>
        </div>
        <p className="mx-auto max-w-[8.5in] px-4 pb-3 text-sm text-slate-700 dark:text-slate-300">
          Set the printer to {paperEntry.label} paper: the runbook sets its own margins and page
          numbers. To keep a copy, choose “Save as PDF” as the printer.
        </p>
      </header>
      <main className="px-2 py-6 sm:px-4 print:p-0">
        <div
          data-paper={paper}
          className={`runbook-sheet mx-auto ${paperEntry.width} bg-white p-4 text-sm leading-normal text-black shadow-md sm:p-[15mm] sm:text-base print:max-w-none print:p-0 print:text-[10pt] print:shadow-none`}
        >
          <RunbookDocument
            plan={plan}
            link={link}
            generatedOn={generatedOn}
            findings={findings}
            ticks={held.ticks}
            records={held.records}
            cover={<RunbookChangeFields cover={saved.cover} />}
          />
        </div>
      </main>
    </div>
  );
}
