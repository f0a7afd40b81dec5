import { TextField } from '@/components/field';
import {
  componentLabel,
  defaultDatabaseGb,
  defaultInstances,
  textsFor,
  type ComponentId,
  type DraftEstimate,
  type FieldMessage,
  type Strategy,
} from '@/rules';

export type EstimateFieldsProps = {
  readonly estimate: DraftEstimate;
  /** The components the deployment runs, in catalogue order. */
  readonly components: readonly ComponentId[];
  readonly strategy: Strategy;
  /** Whether the plan backs up and restores a Dashboard database, whose size the estimate uses. */
  readonly hasDatabase: boolean;
  readonly errors: readonly FieldMessage[];
  readonly onChange: (estimate: DraftEstimate) => void;
  /** Whether a field's message may show yet (see useRevealedErrors). */
  readonly isRevealed: (field: string, value: string) => boolean;
  readonly onLeave: (field: string) => void;
};

/** The answers the time estimate scales with: instances per component and the database size. */
export function EstimateFields({
  estimate,
  components,
  strategy,
  hasDatabase,
  errors,
  onChange,
  isRevealed,
  onLeave,
}: EstimateFieldsProps) {
  const shown = (field: string, value: string) =>
    isRevealed(field, value) ? textsFor(errors, field) : [];
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
      <legend className="px-1 text-lg font-semibold">For the time estimate</legend>
      <p className="max-w-2xl text-slate-700 dark:text-slate-300">
        The plan estimates how long the change and a rollback take. Leave a field empty to use the
        estimate shown in it; the plan marks such figures as defaults.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {components.map((component) => {
          const field = `estimate.instances.${component}`;
          const value = estimate.instances[component];
          const fallback = defaultInstances[strategy][component];
          return (
            <TextField
              key={component}
              field={field}
              label={`${componentLabel(component)} instances`}
              help={`On each site. Empty: ${fallback}, an estimate.`}
              value={value}
              onChange={(typed) =>
                onChange({ ...estimate, instances: { ...estimate.instances, [component]: typed } })
              }
              onBlur={() => onLeave(field)}
              inputMode="numeric"
              placeholder={String(fallback)}
              errors={shown(field, value)}
            />
          );
        })}
        {hasDatabase ? (
          <TextField
            field="estimate.databaseGb"
            label="Dashboard database size, in GB"
            help={`Approximate; it sets the time to back up and restore it. Empty: ${defaultDatabaseGb} GB, an estimate.`}
            value={estimate.databaseGb}
            onChange={(databaseGb) => onChange({ ...estimate, databaseGb })}
            onBlur={() => onLeave('estimate.databaseGb')}
            inputMode="decimal"
            placeholder={String(defaultDatabaseGb)}
            errors={shown('estimate.databaseGb', estimate.databaseGb)}
          />
        ) : null}
      </div>
    </fieldset>
  );
}
