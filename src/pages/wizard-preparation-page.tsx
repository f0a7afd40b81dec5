import { useMemo } from 'react';
import { ChecklistItemRow } from '@/components/checklist-item-row';
import { ChoiceCard } from '@/components/choice-card';
import { EstimateFields } from '@/components/estimate-fields';
import { FieldGroup, TextField } from '@/components/field';
import { useRevealedErrors } from '@/components/use-revealed-errors';
import { WizardFrame } from '@/components/wizard-frame';
import { findGuide } from '@/content/guides';
import {
  findModel,
  hasDashboardDatabase,
  preparationChecklist,
  strategies,
  strategyNeeds,
  validate,
  stepOfField,
  textsFor,
  toPlanInput,
} from '@/rules';
import { useActiveDraft, type ActiveDraft } from '@/store/use-active-draft';
import { checklistKey } from '@/store/persistence';

export function WizardPreparationPage() {
  const draft = useActiveDraft();
  if (draft === null) return null;
  return <PreparationForm draft={draft} />;
}

type PreparationFormProps = { readonly draft: ActiveDraft };

function PreparationForm({ draft }: PreparationFormProps) {
  const { answers, check, plan, update, setDone } = draft;
  const revealed = useRevealedErrors();
  const errors = check.errors.filter((error) => stepOfField(error.field) === 'preparation');
  const earlyInput = check.earlyInput;
  const checklist = useMemo(() => {
    // The user's own downtime window words the announcement; the names do not matter here.
    const withStrategy = validate(toPlanInput({ ...answers, names: {} }));
    const input = withStrategy.ok ? withStrategy.input : earlyInput;
    return input === null ? null : preparationChecklist(input);
  }, [answers, earlyInput]);
  const doneCount =
    checklist?.filter((item) => plan.progress[checklistKey(item.id)] !== undefined).length ?? 0;
  const minutesErrors = revealed.isRevealed('downtimeMinutes', answers.downtimeMinutes)
    ? textsFor(errors, 'downtimeMinutes')
    : [];

  return (
    <WizardFrame
      step="preparation"
      title="Preparation"
      canContinue={errors.length === 0}
      problems={errors}
      onBlocked={revealed.revealAll}
    >
      <p className="max-w-2xl text-slate-700 dark:text-slate-300">
        Choose how you keep APIs available during the upgrade, then work through the checklist
        before the change window.
      </p>
      {findModel(answers.model).installs.length === 0 ? (
        <p className="max-w-2xl text-slate-700 dark:text-slate-300">
          Tyk upgrades the Tyk Cloud deployments for you; the strategy still decides how you
          announce the change and test it first.
        </p>
      ) : null}

      <FieldGroup
        field="strategy"
        legend="Upgrade strategy"
        layout="stack"
        errors={textsFor(errors, 'strategy')}
      >
        {strategies.map((entry) => (
          <ChoiceCard
            key={entry.id}
            type="radio"
            name="strategy"
            value={entry.id}
            checked={answers.strategy === entry.id}
            onChange={() => update({ strategy: entry.id })}
            label={entry.label}
            description={entry.description}
          >
            <dl className="grid gap-1 pt-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3">
              <dt className="font-semibold">Needs</dt>
              <dd className="text-slate-700 dark:text-slate-300">
                {strategyNeeds(entry, hasDashboardDatabase(answers.model, answers.components))}
              </dd>
              <dt className="font-semibold">Risks</dt>
              <dd className="text-slate-700 dark:text-slate-300">{entry.risks}</dd>
            </dl>
          </ChoiceCard>
        ))}
      </FieldGroup>

      {answers.strategy === 'blue-green' &&
      hasDashboardDatabase(answers.model, answers.components) ? (
        <FieldGroup
          field="sharesDatabase"
          legend="Does green get its own copy of the Dashboard database?"
          help={
            <p>
              The green Dashboard migrates the data it reads when it starts. With a copy, blue stays
              a way back; with one shared database, it stops being one from that moment.
            </p>
          }
          errors={textsFor(errors, 'sharesDatabase')}
        >
          <ChoiceCard
            type="radio"
            name="sharesDatabase"
            value="copy"
            checked={!answers.sharesDatabase}
            onChange={() => update({ sharesDatabase: false })}
            label="Yes, a copy"
            description="The plan copies the database for green before the upgrade."
          />
          <ChoiceCard
            type="radio"
            name="sharesDatabase"
            value="shared"
            checked={answers.sharesDatabase}
            onChange={() => update({ sharesDatabase: true })}
            label="No, both share one database"
            description="The plan says where switching back to blue stops being a way back."
          />
        </FieldGroup>
      ) : null}

      {answers.strategy === 'downtime' ? (
        <TextField
          field="downtimeMinutes"
          label="Downtime window, in minutes"
          help="How long APIs may be unavailable, including the checks and time for a rollback. Leave empty for 60."
          value={answers.downtimeMinutes}
          onChange={(downtimeMinutes) => update({ downtimeMinutes })}
          onBlur={() => revealed.reveal('downtimeMinutes')}
          inputMode="numeric"
          placeholder="60"
          errors={minutesErrors}
          className="max-w-xs"
        />
      ) : null}

      <EstimateFields
        estimate={answers.estimate}
        components={answers.components}
        strategy={answers.strategy}
        hasDatabase={hasDashboardDatabase(answers.model, answers.components)}
        errors={errors}
        onChange={(estimate) => update({ estimate })}
        isRevealed={revealed.isRevealed}
        onLeave={revealed.reveal}
      />

      <section aria-labelledby="checklist-heading" className="space-y-3">
        <h2 id="checklist-heading" className="text-lg font-semibold">
          Before the change window
        </h2>
        {checklist === null ? (
          <p>The checklist appears once your deployment and versions are complete.</p>
        ) : (
          <>
            <p className="text-slate-700 dark:text-slate-300" aria-live="polite">
              {doneCount} of {checklist.length} checked. Ticks are saved with this plan.
            </p>
            <ul className="space-y-3">
              {checklist.map((item) => {
                const guide = item.guide === undefined ? undefined : findGuide(item.guide);
                return (
                  <li key={item.id}>
                    <ChecklistItemRow
                      title={item.title}
                      detail={item.detail}
                      checked={plan.progress[checklistKey(item.id)] !== undefined}
                      onChange={(isDone) => setDone(checklistKey(item.id), isDone)}
                      links={item.links}
                      guide={
                        guide === undefined
                          ? undefined
                          : { title: guide.title, to: `/guides/${guide.slug}` }
                      }
                    />
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
    </WizardFrame>
  );
}
