import { useMemo } from 'react';
import { downloadText } from '@/components/export-panel';
import { KeptAsideList } from '@/components/kept-aside-list';
import { Notice } from '@/components/notice';
import { SavedPlansList, type SavedPlanRow } from '@/components/saved-plans-list';
import { buildPlan, findModel, checkDraft, planProgress, stepStatus, toPlanInput } from '@/rules';
import { useWizardStore } from '@/store/wizard-store';
import { readText, type SavedPlan } from '@/store/persistence';

function versionsText(plan: SavedPlan): string {
  const { gateway } = plan.answers;
  if (gateway.from.trim() === '') return 'Not given yet';
  const to = gateway.to.trim() === '' ? '…' : gateway.to.trim();
  return `Gateway ${gateway.from.trim()} → ${to}`;
}

/** One saved plan as the list shows it; the plan itself is rebuilt from the answers. */
function rowFor(plan: SavedPlan): SavedPlanRow {
  const built = buildPlan(toPlanInput(plan.answers));
  // The steps of the change only, as the plan page counts them: rollbacks never count.
  const count = built.ok
    ? planProgress(built.plan, (id) =>
        ['done', 'skipped'].includes(stepStatus(plan.progress[id], plan.steps[id])),
      ).overall
    : null;
  const reachable = checkDraft(plan.answers).reachable;
  const resumeStep = built.ok ? 'plan' : (reachable[reachable.length - 1] ?? 'deployment');
  return {
    id: plan.id,
    name: plan.name,
    model: findModel(plan.answers.model).label,
    versions: versionsText(plan),
    updatedAt: plan.updatedAt,
    progress: count,
    resumePath: `/wizard/${resumeStep}`,
  };
}

/** The saved plans: loaded after the landing page's first paint. */
export function SavedPlansSection() {
  const plans = useWizardStore((state) => state.plans);
  const order = useWizardStore((state) => state.order);
  const setActivePlan = useWizardStore((state) => state.setActivePlan);
  const duplicatePlan = useWizardStore((state) => state.duplicatePlan);
  const renamePlan = useWizardStore((state) => state.renamePlan);
  const deletePlan = useWizardStore((state) => state.deletePlan);
  const rows = useMemo(
    () =>
      order
        .map((id) => plans[id])
        .filter((plan): plan is SavedPlan => plan !== undefined)
        .map(rowFor),
    [plans, order],
  );
  const now = () => new Date().toISOString();

  return (
    <>
      <SavedPlansList
        plans={rows}
        onOpen={setActivePlan}
        onDuplicate={(id) => duplicatePlan(id, now())}
        onRename={(id, name) => renamePlan(id, name, now())}
        onDelete={deletePlan}
      />
    </>
  );
}

function downloadKeptAside(key: string): void {
  const read = readText(key);
  if (!read.ok || read.text === null) return;
  const stamp = key.replace(/[^0-9A-Za-z]+/g, '-').replace(/^-+|-+$/g, '');
  downloadText(`${stamp}.json`, read.text, 'application/json;charset=utf-8');
}

/**
 * Any notice about stored data, and the data kept aside because it could not be read, shown at
 * the top of the landing page.
 */
export function StoredDataNotice() {
  const notice = useWizardStore((state) => state.notice);
  const dismissNotice = useWizardStore((state) => state.dismissNotice);
  const keptAside = useWizardStore((state) => state.keptAside);
  const forgetKeptAside = useWizardStore((state) => state.forgetKeptAside);
  if (notice === null && keptAside.length === 0) return null;
  return (
    <>
      {notice === null ? null : <Notice message={notice} onDismiss={dismissNotice} />}
      <KeptAsideList
        entries={keptAside}
        onDownload={downloadKeptAside}
        onDelete={forgetKeptAside}
      />
    </>
  );
}
