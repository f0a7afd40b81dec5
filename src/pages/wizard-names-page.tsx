import { useMemo } from 'react';
import { TextField } from '@/components/field';
import { WizardFrame } from '@/components/wizard-frame';
import {
  dataPlaneDefaults,
  defaultNames,
  findModel,
  planeFieldHelp,
  planeFieldLabel,
  planeFieldsFor,
  relevantNameFields,
  type NameField,
  type ResolvedDataPlane,
  stepOfField,
  textsFor,
  type DraftAnswers,
  type DraftDataPlane,
  type PlaneFieldId,
} from '@/rules';
import { useActiveDraft, type ActiveDraft } from '@/store/use-active-draft';

/** Tyk's default namespace, release and host of each data plane, as `validate` fills them in. */
function defaultPlanes(answers: DraftAnswers): readonly ResolvedDataPlane[] {
  return answers.dataPlanes.map((plane) => ({
    name: plane.name,
    ...dataPlaneDefaults(plane.name.trim(), answers.dataPlanes.length),
  }));
}

export function WizardNamesPage() {
  const draft = useActiveDraft();
  if (draft === null) return null;
  return <NamesForm draft={draft} />;
}

type NamesFormProps = { readonly draft: ActiveDraft };

function NamesForm({ draft }: NamesFormProps) {
  const { answers, check, update } = draft;
  const model = findModel(answers.model);
  const install = model.installs.length === 0 ? null : answers.install;
  const errors = check.errors.filter((error) => stepOfField(error.field) === 'names');
  const fields = relevantNameFields({ ...answers, install });
  const defaults = defaultNames(answers.model, install);
  const planeDefaults = useMemo(() => defaultPlanes(answers), [answers]);

  function setName(field: NameField, value: string): void {
    update({ names: { ...answers.names, [field.id]: value } });
  }

  function setPlane(index: number, key: PlaneFieldId, value: string): void {
    const dataPlanes: DraftDataPlane[] = answers.dataPlanes.map((plane, at) =>
      at === index ? { ...plane, [key]: value } : plane,
    );
    update({ dataPlanes });
  }

  const planeFields = planeFieldsFor(install);

  return (
    <WizardFrame
      step="names"
      title="Your names"
      canContinue={errors.length === 0}
      problems={errors}
    >
      <p className="max-w-2xl text-slate-700 dark:text-slate-300">
        Optional. The commands use Tyk&apos;s default names. Where yours differ, type them here and
        every command in the plan uses them. Names are checked as you type, so nothing unsafe
        reaches a command.
      </p>

      <section aria-labelledby="names-heading" className="space-y-4">
        <h2 id="names-heading" className="text-lg font-semibold">
          {model.hasDataPlanes ? 'Control plane' : 'Your deployment'}
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {fields.map((field) => (
            <TextField
              key={field.id}
              field={`names.${field.id}`}
              label={field.label}
              help={
                <>
                  {field.help} Default: <code className="font-mono">{defaults[field.id]}</code>
                </>
              }
              value={answers.names[field.id] ?? ''}
              onChange={(value) => setName(field, value)}
              inputMode={field.kind === 'port' ? 'numeric' : undefined}
              isMonospace
              errors={textsFor(errors, `names.${field.id}`)}
            />
          ))}
        </div>
      </section>

      {model.hasDataPlanes
        ? answers.dataPlanes.map((plane, index) => (
            <section key={index} aria-labelledby={`plane-${index}-heading`} className="space-y-4">
              <h2 id={`plane-${index}-heading`} className="text-lg font-semibold">
                Data plane {plane.name.trim() === '' ? index + 1 : plane.name}
              </h2>
              <div className="grid gap-4 md:grid-cols-2">
                {planeFields.map((entry) => {
                  const key = entry.id;
                  const field = `dataPlanes[${index}].${key}`;
                  const fallback = planeDefaults?.[index]?.[key];
                  return (
                    <TextField
                      key={key}
                      field={field}
                      label={`${planeFieldLabel(entry, install)} of data plane ${plane.name.trim() === '' ? index + 1 : plane.name}`}
                      value={plane[key]}
                      onChange={(value) => setPlane(index, key, value)}
                      help={
                        fallback === undefined || fallback === '' ? (
                          planeFieldHelp(entry, install)
                        ) : (
                          <>
                            {planeFieldHelp(entry, install)} Default:{' '}
                            <code className="font-mono">{fallback}</code>
                          </>
                        )
                      }
                      inputMode={entry.kind === 'port' ? 'numeric' : undefined}
                      isMonospace
                      errors={textsFor(errors, field)}
                    />
                  );
                })}
              </div>
            </section>
          ))
        : null}
    </WizardFrame>
  );
}
