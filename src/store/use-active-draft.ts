import { useCallback, useMemo } from 'react';
import { useActivePlan, useWizardStore } from '@/store/wizard-store';
import { type SavedPlan } from '@/store/persistence';
import { checkDraft, type DraftCheck, type DraftAnswers } from '@/rules';

export type ActiveDraft = {
  readonly plan: SavedPlan;
  readonly answers: DraftAnswers;
  readonly check: DraftCheck;
  /** Saves a change to the answers at once, stamped with the current time. */
  readonly update: (patch: Partial<DraftAnswers>) => void;
  /** Ticks or unticks a step id (with its fingerprint, `stepFingerprint`) or `check:<item id>`. */
  readonly setDone: (key: string, isDone: boolean, fingerprint?: string) => void;
};

/** The open plan with its answers checked, or null when no plan is open. */
export function useActiveDraft(): ActiveDraft | null {
  const plan = useActivePlan();
  const updateAnswers = useWizardStore((state) => state.updateAnswers);
  const setProgress = useWizardStore((state) => state.setProgress);
  const answers = plan?.answers;
  const check = useMemo(() => (answers === undefined ? null : checkDraft(answers)), [answers]);
  const update = useCallback(
    (patch: Partial<DraftAnswers>) => updateAnswers(patch, new Date().toISOString()),
    [updateAnswers],
  );
  const setDone = useCallback(
    (key: string, isDone: boolean, fingerprint?: string) =>
      setProgress(key, isDone, new Date().toISOString(), fingerprint),
    [setProgress],
  );
  if (plan === null || answers === undefined || check === null) return null;
  return { plan, answers, check, update, setDone };
}
