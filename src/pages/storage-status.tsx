// Saving, as the whole app shows it: changes that are not reaching storage, and plans changed in
// two tabs at once. Loaded after the first paint, like everything that needs the store.
import { downloadText } from '@/components/export-panel';
import { PlanConflictAlert, SaveProblemAlert } from '@/components/storage-alerts';
import { exportText } from '@/store/persistence';
import { useWizardStore } from '@/store/wizard-store';

/** The file every plan is downloaded to: the stored record, which reads back like stored data. */
function exportFileName(): string {
  return `tyk-upgrade-wizard-plans-${new Date().toISOString().slice(0, 10)}.json`;
}

export function StorageStatus() {
  const saveProblem = useWizardStore((state) => state.saveProblem);
  const conflicts = useWizardStore((state) => state.conflicts);
  const resolveConflict = useWizardStore((state) => state.resolveConflict);
  const retrySave = useWizardStore((state) => state.retrySave);
  const plans = useWizardStore((state) => state.plans);
  // A newer version's data, or data that could not be kept aside, matters once there is something
  // to save; storage that cannot be used at all is said at once.
  const isProblemShown =
    saveProblem !== null &&
    (saveProblem.unsaved.length > 0 ||
      saveProblem.reason === 'unavailable' ||
      saveProblem.reason === 'full');
  if (!isProblemShown && conflicts.length === 0) return null;

  function downloadEveryPlan(): void {
    const { plans: all, order } = useWizardStore.getState();
    downloadText(exportFileName(), exportText(all, order), 'application/json;charset=utf-8');
  }

  return (
    // Kept in view while the page scrolls: whatever the user does next is not being saved.
    <div className="sticky top-0 z-10 mb-6 space-y-3 bg-white py-2 dark:bg-slate-950">
      {isProblemShown ? (
        <SaveProblemAlert
          kind={saveProblem.reason}
          unsaved={saveProblem.unsaved}
          onDownload={downloadEveryPlan}
          onRetry={retrySave}
        />
      ) : null}
      {conflicts.map((conflict) => (
        <PlanConflictAlert
          key={conflict.id}
          planName={conflict.mine?.name ?? conflict.theirs?.name ?? plans[conflict.id]?.name ?? ''}
          mineChangedAt={conflict.mine?.updatedAt ?? null}
          theirsChangedAt={conflict.theirs?.updatedAt ?? null}
          onChoose={(choice) => resolveConflict(conflict.id, choice)}
        />
      ))}
    </div>
  );
}
