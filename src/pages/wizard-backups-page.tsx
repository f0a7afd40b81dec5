import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { StepCard } from '@/components/step-card';
import { WizardFrame } from '@/components/wizard-frame';
import { findGuide } from '@/content/guides';
import {
  buildPlan,
  stepFingerprint,
  type Plan,
  type Step,
  toPlanInput,
  type DraftAnswers,
} from '@/rules';
import { useActiveDraft, type ActiveDraft } from '@/store/use-active-draft';

type BackupPlan = {
  readonly plan: Plan;
  /** True when the user's names could not be used yet and the commands show Tyk's defaults. */
  readonly usesDefaultNames: boolean;
};

function backupPlanFor(answers: DraftAnswers): BackupPlan | null {
  const own = buildPlan(toPlanInput(answers));
  if (own.ok) return { plan: own.plan, usesDefaultNames: false };
  // The names come on a later step; until they are valid the backups use Tyk's defaults.
  const withDefaults = buildPlan(toPlanInput({ ...answers, names: {} }));
  return withDefaults.ok ? { plan: withDefaults.plan, usesDefaultNames: true } : null;
}

/** The backup steps with their numbers in the whole plan, as the plan page counts them. */
function numberedBackupSteps(
  plan: Plan,
): readonly { readonly step: Step; readonly number: number }[] {
  let number = 0;
  const numbered: { step: Step; number: number }[] = [];
  for (const phase of plan.phases) {
    for (const step of phase.steps) {
      number += 1;
      if (phase.kind === 'backup') numbered.push({ step, number });
    }
  }
  return numbered;
}

export function WizardBackupsPage() {
  const draft = useActiveDraft();
  if (draft === null) return null;
  return <Backups draft={draft} />;
}

type BackupsProps = { readonly draft: ActiveDraft };

function Backups({ draft }: BackupsProps) {
  const { answers, plan: saved, setDone } = draft;
  const backup = useMemo(() => backupPlanFor(answers), [answers]);
  const steps = useMemo(() => (backup === null ? [] : numberedBackupSteps(backup.plan)), [backup]);
  const tick = useCallback(
    (stepId: string, isDone: boolean) => {
      // With Tyk's default names the step differs from the plan's: the plan fingerprints the tick.
      const step = backup?.usesDefaultNames
        ? undefined
        : steps.find((candidate) => candidate.step.id === stepId)?.step;
      setDone(stepId, isDone, step === undefined ? undefined : stepFingerprint(step));
    },
    [backup, steps, setDone],
  );
  const doneCount = steps.filter(({ step }) => saved.progress[step.id] !== undefined).length;

  return (
    <WizardFrame step="backups" title="Backups" canContinue>
      <p className="max-w-2xl text-slate-700 dark:text-slate-300">
        Take these backups before anything changes, and keep them until the upgrade has been
        verified. Ticks here are the same as the ticks on your plan.
      </p>
      {backup === null ? (
        <p>
          The backups appear once your deployment and versions are complete.{' '}
          <Link to="/wizard/versions" className="text-blue-700 underline dark:text-sky-300">
            Go to the versions
          </Link>
        </p>
      ) : (
        <>
          {backup.usesDefaultNames ? (
            <p className="max-w-2xl rounded-lg border-l-4 border-amber-700 bg-amber-50 p-3 dark:border-amber-300 dark:bg-amber-950/40">
              These commands use Tyk&apos;s default names. Enter your own on the next step and your
              plan will use them.
            </p>
          ) : null}
          <h2 className="text-lg font-semibold">Backup steps</h2>
          <p className="text-slate-700 dark:text-slate-300" aria-live="polite">
            {doneCount} of {steps.length} backups done.
          </p>
          <ol className="space-y-4">
            {steps.map(({ step, number }) => (
              <li key={step.id}>
                <StepCard
                  step={step}
                  number={number}
                  doneAt={saved.progress[step.id]}
                  onDoneChange={tick}
                  permalink={`/wizard/plan?step=${encodeURIComponent(step.id)}`}
                  guideTitle={step.guide === undefined ? undefined : findGuide(step.guide)?.title}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </WizardFrame>
  );
}
