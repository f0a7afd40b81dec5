import { useMemo } from 'react';
import { Notice } from '@/components/notice';
import { SavedPlansList, type SavedPlanRow } from '@/components/saved-plans-list';
import { buildPlan, findModel, checkDraft, toPlanInput } from '@/rules';
import { useWizardStore } from '@/store/wizard-store';
import { type SavedPlan } from '@/store/persistence';

function versionsText(plan: SavedPlan): string {
  const { gateway } = plan.answers;
  if (gateway.from.trim() === '') return 'Not given yet';
  const to = gateway.to.trim() === '' ? '…' : gateway.to.trim();
  return `Gateway ${gateway.from.trim()} → ${to}`;
}

/** One saved plan as the list shows it; the plan itself is rebuilt from the answers. */
function rowFor(plan: SavedPlan): SavedPlanRow {
  const built = buildPlan(toPlanInput(plan.answers));
  const stepIds = built.ok
    ? built.plan.phases.flatMap((phase) => phase.steps.map((s) => s.id))
    : [];
  const reachable = checkDraft(plan.answers).reachable;
  const resumeStep = built.ok ? 'plan' : (reachable[reachable.length - 1] ?? 'deployment');
  return {
    id: plan.id,
    name: plan.name,
    model: findModel(plan.answers.model).label,
    versions: versionsText(plan),
    updatedAt: plan.updatedAt,
    progress: built.ok
      ? {
          done: stepIds.filter((id) => plan.progress[id] !== undefined).length,
          total: stepIds.length,
        }
      : null,
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

/** Any notice about stored data that could not be read, shown at the top of the landing page. */
export function StoredDataNotice() {
  const notice = useWizardStore((state) => state.notice);
  const dismissNotice = useWizardStore((state) => state.dismissNotice);
  return notice === null ? null : <Notice message={notice} onDismiss={dismissNotice} />;
}
