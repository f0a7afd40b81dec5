import { lazy, Suspense, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ExportPanel, fileStemOf } from '@/components/export-panel';
import { SharePanel } from '@/components/share-panel';
import {
  changeRecordJson,
  changeRecordMarkdown,
  planLinkFor,
  renderJson,
  renderMarkdown,
  type ChangeCover,
  type ChangeRun,
  type Finding,
  type Plan,
  type PlanFindingsView,
} from '@/rules';

/** Findings kept with the plan: those read from the deployment's files and their checked target. */
export type ToolbarFindings = {
  readonly findings: readonly Finding[];
  /** The target Gateway version they were checked against; empty for none. */
  readonly target: string;
};

type FindingsFilter = (
  findings: readonly Finding[],
  checkedTarget: string,
  planTarget: string,
) => PlanFindingsView;

// The filter needs the finding rows, which load with the plan's findings section: a plan without
// findings never fetches them.
const PlanExportWithFindings = lazy(async () => {
  const { findingsOnPlan } = await import('@/components/detect-plan-findings');
  return {
    default: function PlanExportFiltered(props: PlanExportProps) {
      return <PlanExport {...props} filter={findingsOnPlan} />;
    },
  };
});

type ToolbarPanel = 'share' | 'export';

export type PlanToolbarProps = {
  readonly plan: Plan;
  /** The app's own address: a shared link opens this same build, wherever it is hosted. */
  readonly appUrl: string;
  /** Router path of the printable runbook. */
  readonly printPath: string;
  /** What was recorded while carrying the plan out, for the change record; the time is set on export. */
  readonly run?: Omit<ChangeRun, 'exportedAt'> | undefined;
  /** Findings read from the deployment's files, for the Markdown and JSON exports. */
  readonly findings?: ToolbarFindings | undefined;
};

/** Share and Export, each a button that opens its panel under the buttons; one panel at a time. */
export function PlanToolbar({ plan, appUrl, printPath, run, findings }: PlanToolbarProps) {
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
      {openPanel === 'share' ? (
        <PlanShare id={shareId} plan={plan} appUrl={appUrl} cover={run?.cover} />
      ) : null}
      {openPanel === 'export' ? (
        findings === undefined ? (
          <PlanExport id={exportId} plan={plan} printPath={printPath} run={run} />
        ) : (
          <Suspense fallback={<p id={exportId}>Loading the findings for the export…</p>}>
            <PlanExportWithFindings
              id={exportId}
              plan={plan}
              printPath={printPath}
              run={run}
              findings={findings}
            />
          </Suspense>
        )
      ) : null}
    </div>
  );
}

type PlanShareProps = {
  readonly id: string;
  readonly plan: Plan;
  readonly appUrl: string;
  readonly cover: ChangeCover | undefined;
};

function PlanShare({ id, plan, appUrl, cover }: PlanShareProps) {
  const [includeNames, setIncludeNames] = useState(false);
  const [includeChange, setIncludeChange] = useState(false);
  const hasChangeFields = cover !== undefined && Object.values(cover).some((field) => field !== '');
  const link = useMemo(
    () =>
      planLinkFor(
        appUrl,
        plan.input,
        { includeNames },
        includeChange && hasChangeFields ? cover : undefined,
      ),
    [appUrl, plan.input, includeNames, includeChange, hasChangeFields, cover],
  );
  return (
    <SharePanel
      id={id}
      link={link}
      includeNames={includeNames}
      onIncludeNamesChange={setIncludeNames}
      hasChangeFields={hasChangeFields}
      includeChange={includeChange}
      onIncludeChangeChange={setIncludeChange}
    />
  );
}

type PlanExportProps = {
  readonly id: string;
  readonly plan: Plan;
  readonly printPath: string;
  readonly run: Omit<ChangeRun, 'exportedAt'> | undefined;
  readonly findings?: ToolbarFindings | undefined;
  /** Filters the findings for the plan's target (`findingsOnPlan`), loaded with them. */
  readonly filter?: FindingsFilter | undefined;
};

function PlanExport({ id, plan, printPath, run, findings, filter }: PlanExportProps) {
  const target = plan.input.gateway.to;
  const view = useMemo(
    () =>
      findings === undefined || filter === undefined
        ? undefined
        : filter(findings.findings, findings.target, target),
    [filter, findings, target],
  );
  const markdown = useMemo(() => renderMarkdown(plan, view), [plan, view]);
  const json = useMemo(() => renderJson(plan, view), [plan, view]);
  // The export's time is when the panel opened with these records: the rules keep no clock.
  const [openedAt] = useState(() => new Date().toISOString());
  const changeRecord = useMemo(() => {
    if (run === undefined) return undefined;
    const withTime: ChangeRun = { ...run, exportedAt: openedAt };
    return {
      markdown: changeRecordMarkdown(plan, withTime),
      json: changeRecordJson(plan, withTime),
    };
  }, [plan, run, openedAt]);
  return (
    <ExportPanel
      id={id}
      markdown={markdown}
      json={json}
      fileStem={fileStemOf(plan.title)}
      printPath={printPath}
      changeRecord={changeRecord}
      hasFindings={view !== undefined}
    />
  );
}
