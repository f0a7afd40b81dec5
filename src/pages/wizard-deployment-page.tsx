import { useEffect } from 'react';
import { Link } from 'react-router';
import { ChoiceCard } from '@/components/choice-card';
import { FieldGroup, TextField } from '@/components/field';
import { ModelDiagram } from '@/components/model-diagram';
import { WizardFrame } from '@/components/wizard-frame';
import {
  answerLimits,
  architectures,
  combinationProblem,
  componentLabel,
  components,
  componentsOf,
  databases,
  findInstall,
  findModel,
  installs,
  models,
  type ComponentId,
  type FieldMessage,
  messagesFor,
  stepOfField,
  textsFor,
  defaultAnswers,
  draftDataPlane,
  fitAnswersToModel,
  type DraftDataPlane,
} from '@/rules';
import { useActiveDraft, type ActiveDraft } from '@/store/use-active-draft';
import { useWizardStore } from '@/store/wizard-store';

const maxDataPlanes = answerLimits.maxDataPlanes;

function listOf(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] ?? ''}`;
}

function newPlaneName(planes: readonly DraftDataPlane[]): string {
  const taken = new Set(planes.map((plane) => plane.name));
  let n = planes.length + 1;
  while (taken.has(`data-plane-${n}`)) n += 1;
  return `data-plane-${n}`;
}

export function WizardDeploymentPage() {
  const draft = useActiveDraft();
  const createPlan = useWizardStore((state) => state.createPlan);

  // The first step starts a plan when none is open. Reading the store directly (not the render's
  // value) keeps a second run of the effect, as in StrictMode, from starting two.
  useEffect(() => {
    if (useWizardStore.getState().activePlanId === null) {
      createPlan(defaultAnswers, new Date().toISOString());
    }
  }, [createPlan]);

  if (draft === null) return <p role="status">Starting a new plan…</p>;
  return <DeploymentForm draft={draft} />;
}

type DeploymentFormProps = { readonly draft: ActiveDraft };

function DeploymentForm({ draft }: DeploymentFormProps) {
  const { answers, check, update } = draft;
  const model = findModel(answers.model);
  const offered = componentsOf(answers.model);
  const notOffered = components.filter((entry) => !offered.includes(entry.id));
  const errors: readonly FieldMessage[] = check.errors.filter(
    (error) => stepOfField(error.field) === 'deployment',
  );
  const hasDatabase = model.hasDatabase && answers.components.includes('dashboard');
  const install = model.installs.length === 0 ? null : answers.install;
  const usesImages = install !== null && findInstall(install).isContainer;

  function setImage(id: ComponentId, repository: string): void {
    update({ images: { ...answers.images, [id]: repository } });
  }

  function toggleComponent(id: ComponentId, isChosen: boolean): void {
    const chosen = new Set(answers.components);
    if (isChosen) chosen.add(id);
    else chosen.delete(id);
    update({ components: offered.filter((candidate) => chosen.has(candidate)) });
  }

  function updatePlane(index: number, name: string): void {
    update({
      dataPlanes: answers.dataPlanes.map((plane, at) =>
        at === index ? { ...plane, name } : plane,
      ),
    });
  }

  function removePlane(index: number): void {
    update({ dataPlanes: answers.dataPlanes.filter((_, at) => at !== index) });
  }

  function addPlane(): void {
    const plane = {
      ...draftDataPlane(newPlaneName(answers.dataPlanes)),
    };
    update({ dataPlanes: [...answers.dataPlanes, plane] });
  }

  return (
    <WizardFrame
      step="deployment"
      title="Your deployment"
      canContinue={errors.length === 0}
      problems={errors}
    >
      <p className="max-w-2xl text-slate-700 dark:text-slate-300">
        Tell the wizard what you run. Your answers are saved in this browser as you go.
      </p>
      <p className="max-w-2xl">
        Have the files at hand?{' '}
        <Link
          to="/read"
          className="font-semibold text-blue-700 underline underline-offset-4 dark:text-sky-300"
        >
          Read my deployment
        </Link>{' '}
        proposes these answers from your compose file, configs or Helm values.
      </p>

      <FieldGroup field="model" legend="Deployment model" errors={textsFor(errors, 'model')}>
        {models.map((entry) => (
          <ChoiceCard
            key={entry.id}
            type="radio"
            name="model"
            value={entry.id}
            checked={answers.model === entry.id}
            onChange={() => update(fitAnswersToModel(answers, entry.id))}
            label={entry.label}
            description={entry.description}
          >
            <ModelDiagram model={entry.id} />
          </ChoiceCard>
        ))}
      </FieldGroup>

      {model.installs.length === 0 ? (
        <section aria-labelledby="install-heading" className="space-y-1">
          <h2 id="install-heading" className="text-lg font-semibold">
            Installation type
          </h2>
          <p className="text-slate-700 dark:text-slate-300">
            Tyk runs {model.label} for you, so there is no installation type to choose.
          </p>
        </section>
      ) : (
        <FieldGroup field="install" legend="Installation type" errors={textsFor(errors, 'install')}>
          {installs.map((entry) => {
            const problem = combinationProblem(answers.model, entry.id, answers.components);
            return (
              <ChoiceCard
                key={entry.id}
                type="radio"
                name="install"
                value={entry.id}
                checked={answers.install === entry.id}
                onChange={() => update({ install: entry.id })}
                label={entry.label}
                description={entry.description}
                disabledReason={problem?.field === 'install' ? problem.message : null}
              />
            );
          })}
        </FieldGroup>
      )}

      <FieldGroup
        field="components"
        legend="Components you run"
        help={
          notOffered.length === 0 ? undefined : (
            <p>
              {model.label} has no {listOf(notOffered.map((entry) => entry.label))}, so{' '}
              {notOffered.length === 1 ? 'it is' : 'they are'} not offered.
            </p>
          )
        }
        errors={textsFor(errors, 'components')}
      >
        {offered.map((id) => {
          const isRequired = model.requiredComponents.includes(id);
          return (
            <ChoiceCard
              key={id}
              type="checkbox"
              name="components"
              value={id}
              checked={isRequired || answers.components.includes(id)}
              onChange={(isChosen) => toggleComponent(id, isChosen)}
              label={componentLabel(id)}
              description={components.find((entry) => entry.id === id)?.description}
              disabledReason={
                isRequired ? `${model.label} always includes the ${componentLabel(id)}.` : null
              }
            />
          );
        })}
      </FieldGroup>

      <FieldGroup
        field="usesGoPlugins"
        legend="Do your APIs use Go plugins?"
        help={<p>Go plugins must be rebuilt for each new Gateway version, before the upgrade.</p>}
        errors={textsFor(errors, 'usesGoPlugins')}
      >
        <ChoiceCard
          type="radio"
          name="usesGoPlugins"
          value="yes"
          checked={answers.usesGoPlugins}
          onChange={() => update({ usesGoPlugins: true })}
          label="Yes"
          description="The plan adds steps to rebuild and load them."
        />
        <ChoiceCard
          type="radio"
          name="usesGoPlugins"
          value="no"
          checked={!answers.usesGoPlugins}
          onChange={() => update({ usesGoPlugins: false })}
          label="No"
          description="None of your APIs load a Go plugin (driver goplugin in the API definition)."
        />
      </FieldGroup>

      {answers.usesGoPlugins && install !== null ? (
        <FieldGroup
          field="architecture"
          legend="Architecture of the Gateway hosts"
          help={<p>Go plugins are compiled for the architecture the Gateways run on.</p>}
          errors={textsFor(errors, 'architecture')}
        >
          {architectures.map((id) => (
            <ChoiceCard
              key={id}
              type="radio"
              name="architecture"
              value={id}
              checked={answers.architecture === id}
              onChange={() => update({ architecture: id })}
              label={id}
              description={
                id === 'amd64' ? 'x86-64 hosts.' : '64-bit Arm hosts, such as AWS Graviton.'
              }
            />
          ))}
        </FieldGroup>
      ) : null}

      {usesImages ? (
        <FieldGroup
          field="images"
          legend="Image repositories"
          layout="stack"
          help={
            <p>
              The repository each component runs today, without the tag: the plan keeps it and
              changes only the tag. Leave a field empty for{' '}
              {install === 'helm' ? "the chart's own default" : "Tyk's Docker Hub image"}.
            </p>
          }
          errors={textsFor(errors, 'images')}
        >
          {answers.components.map((id) => {
            const entry = components.find((candidate) => candidate.id === id);
            const listId = `image-choices-${id}`;
            return (
              <div key={id}>
                <TextField
                  field={`images.${id}`}
                  label={`${componentLabel(id)} image repository`}
                  value={answers.images[id]}
                  onChange={(repository) => setImage(id, repository)}
                  placeholder={install === 'helm' ? "the chart's default" : entry?.image}
                  list={listId}
                  errors={textsFor(errors, `images.${id}`)}
                  isMonospace
                />
                <datalist id={listId}>
                  {(entry?.imageChoices ?? []).map((choice) => (
                    <option key={choice} value={choice} />
                  ))}
                </datalist>
              </div>
            );
          })}
        </FieldGroup>
      ) : null}

      {hasDatabase ? (
        <FieldGroup
          field="database"
          legend="The Dashboard's database"
          errors={textsFor(errors, 'database')}
        >
          {databases.map((entry) => (
            <ChoiceCard
              key={entry.id}
              type="radio"
              name="database"
              value={entry.id}
              checked={answers.database === entry.id}
              onChange={() => update({ database: entry.id })}
              label={entry.label}
            />
          ))}
        </FieldGroup>
      ) : null}

      {model.hasDataPlanes ? (
        <FieldGroup
          field="dataPlanes"
          legend="Data planes"
          layout="stack"
          help={
            <p>
              Name each data plane you upgrade, for example by region. Names use lowercase letters,
              digits and hyphens.
            </p>
          }
          errors={textsFor(errors, 'dataPlanes')}
        >
          <ol className="space-y-3">
            {answers.dataPlanes.map((plane, index) => {
              const field = `dataPlanes[${index}].name`;
              const planeErrors = messagesFor(errors, `dataPlanes[${index}]`).map(
                (message) => message.message,
              );
              return (
                <li key={index} className="flex flex-wrap items-end gap-2">
                  <TextField
                    field={field}
                    label={`Data plane ${index + 1} name`}
                    value={plane.name}
                    onChange={(name) => updatePlane(index, name)}
                    errors={planeErrors}
                    isMonospace
                    className="min-w-0 flex-1 basis-56"
                  />
                  {answers.dataPlanes.length > 1 ? (
                    <button
                      type="button"
                      onClick={() => removePlane(index)}
                      aria-label={`Remove data plane ${index + 1} (${plane.name})`}
                      className="mb-auto rounded-md border border-slate-600 px-3 py-2 text-sm font-semibold sm:mt-7 dark:border-slate-300"
                    >
                      Remove
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {answers.dataPlanes.length < maxDataPlanes ? (
            <button
              type="button"
              onClick={addPlane}
              className="rounded-md border border-blue-700 px-3 py-2 font-semibold text-blue-700 dark:border-sky-300 dark:text-sky-300"
            >
              Add a data plane
            </button>
          ) : (
            <p>One plan holds at most {maxDataPlanes} data planes.</p>
          )}
          {answers.dataPlanes.length === 1 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {model.label} needs at least one data plane, so the last one cannot be removed.
            </p>
          ) : null}
        </FieldGroup>
      ) : null}
    </WizardFrame>
  );
}
