import { useCallback, useEffect, useMemo } from 'react';
import {
  checkTicks,
  numberedPhases,
  planProgress,
  resetStepIds,
  stepFingerprint,
  stepStatus,
  changeSteps,
  type ChangeCover,
  type ChangeRun,
  type Plan,
  type PlanProgress,
  type StepChange,
  type StepRecord,
} from '@/rules';
import type { SavedPlan } from '@/store/persistence';
import { useWizardStore } from '@/store/wizard-store';

/** A step whose tick was taken away because it changed with the answers. */
export type ResetStep = {
  readonly id: string;
  /** "Step 4" */
  readonly name: string;
  readonly title: string;
  /** Router path that opens the plan at the step. */
  readonly permalink: string;
};

export type RunbookState = {
  /** The ticks that hold for the plan as it reads now. */
  readonly progress: Readonly<Record<string, string>>;
  readonly records: Readonly<Record<string, StepRecord>>;
  readonly done: PlanProgress;
  readonly skipped: number;
  readonly failed: number;
  readonly resetSteps: readonly ResetStep[];
  readonly onDoneChange: (stepId: string, isDone: boolean) => void;
  readonly onRecord: (stepId: string, change: StepChange) => void;
  readonly onCoverSave: (cover: ChangeCover) => void;
  /** What the change record is made of, but its time. */
  readonly run: Omit<ChangeRun, 'exportedAt'>;
};

function nowIso(): string {
  return new Date().toISOString();
}

/**
 * The open plan's runbook as the plan page shows it. Ticks are held against the steps as they read
 * now: the page shows the result at once, and the store records it (fingerprints, resets) after.
 */
export function useRunbookState(
  plan: Plan,
  saved: SavedPlan,
  permalinkFor: (stepId: string) => string,
): RunbookState {
  const setProgress = useWizardStore((state) => state.setProgress);
  const recordStep = useWizardStore((state) => state.recordStep);
  const checkOpenPlanTicks = useWizardStore((state) => state.checkOpenPlanTicks);
  const setCover = useWizardStore((state) => state.setCover);
  const onCoverSave = useCallback((cover: ChangeCover) => setCover(cover, nowIso()), [setCover]);

  const checked = useMemo(
    () => checkTicks(plan, saved.progress, saved.steps, ''),
    [plan, saved.progress, saved.steps],
  );
  const isPending = checked.isChanged;
  useEffect(() => {
    if (isPending) checkOpenPlanTicks(nowIso());
  }, [isPending, checkOpenPlanTicks]);

  const { ticks: progress, records } = checked;
  const run = useMemo(
    () => ({ name: saved.name, ticks: progress, records, cover: saved.cover }),
    [saved.name, saved.cover, progress, records],
  );
  const fingerprints = useMemo(
    () =>
      new Map(plan.phases.flatMap((phase) => phase.steps).map((s) => [s.id, stepFingerprint(s)])),
    [plan],
  );

  const done = planProgress(
    plan,
    (id) => {
      const status = stepStatus(progress[id], records[id]);
      return status === 'done' || status === 'skipped';
    },
    (id) => records[id]?.usedAt !== undefined,
  );
  const statuses = changeSteps(plan).map((step) => stepStatus(progress[step.id], records[step.id]));

  const resetIds = resetStepIds(plan, records);
  const resetSteps = numberedPhases(plan).flatMap(({ phase, firstNumber }) =>
    phase.steps.flatMap((step, index) =>
      resetIds.includes(step.id) && progress[step.id] === undefined
        ? [
            {
              id: step.id,
              name: `Step ${firstNumber + index}`,
              title: step.title,
              permalink: permalinkFor(step.id),
            },
          ]
        : [],
    ),
  );

  const onDoneChange = useCallback(
    (stepId: string, isDone: boolean) =>
      setProgress(stepId, isDone, nowIso(), fingerprints.get(stepId)),
    [setProgress, fingerprints],
  );
  const onRecord = useCallback(
    (stepId: string, change: StepChange) => recordStep(stepId, change, nowIso()),
    [recordStep],
  );

  return {
    progress,
    records,
    done,
    skipped: statuses.filter((status) => status === 'skipped').length,
    failed: statuses.filter((status) => status === 'failed').length,
    resetSteps,
    onDoneChange,
    onRecord,
    onCoverSave,
    run,
  };
}
