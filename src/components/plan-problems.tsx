import { Link } from 'react-router';
import { fieldLabel, type FieldMessage } from '@/rules';

/** Where the wizard asks for a field: the page's name and its route. */
export type FieldPage = { readonly label: string; readonly path: string };

export type PlanErrorsProps = {
  readonly errors: readonly FieldMessage[];
  /** The wizard page that asks for a field, for a link from its message. */
  readonly pageForField: (field: string) => FieldPage;
};

/** Why there is no plan yet: each answer that needs a change, with a link to its page. */
export function PlanErrors({ errors, pageForField }: PlanErrorsProps) {
  return (
    <section
      aria-labelledby="plan-errors-heading"
      className="space-y-3 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 dark:border-red-400 dark:bg-red-950/40"
    >
      <h2 id="plan-errors-heading" className="text-lg font-semibold">
        The plan cannot be built yet:{' '}
        {errors.length === 1 ? 'one answer needs' : `${errors.length} answers need`} a change
      </h2>
      <ul className="space-y-2">
        {errors.map((error, index) => {
          const page = pageForField(error.field);
          return (
            <li key={`${error.field}-${index}`}>
              <span className="font-semibold">{fieldLabel(error.field)}</span>: {error.message}{' '}
              <Link
                className="text-blue-800 underline underline-offset-2 dark:text-sky-300"
                to={page.path}
              >
                Fix it on “{page.label}”
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export type PlanWarningsProps = {
  readonly warnings: readonly FieldMessage[];
  readonly pageForField: (field: string) => FieldPage;
};

/** Notes on answers that made a plan all the same, each with a link to review it. */
export function PlanWarnings({ warnings, pageForField }: PlanWarningsProps) {
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="plan-warnings-heading" className="space-y-2">
      <h2 id="plan-warnings-heading" className="text-lg font-semibold">
        Notes on your answers
      </h2>
      <ul className="list-disc space-y-1 pl-6">
        {warnings.map((warning, index) => (
          <li key={`${warning.field}-${index}`}>
            {warning.message}{' '}
            <Link
              className="text-blue-700 underline underline-offset-2 dark:text-sky-300"
              to={pageForField(warning.field).path}
            >
              Review {fieldLabel(warning.field)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
