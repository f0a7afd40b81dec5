import { advisoryContext, type Advisory, type FieldMessage, type Severity } from '@/rules';

export type RunbookAdvisoriesProps = {
  readonly advisories: readonly Advisory[];
  /** Notes the rules made about the answers themselves. */
  readonly warnings: readonly FieldMessage[];
};

// Most severe first. On paper the severity is in the heading, never only in a colour.
const severityGroups: readonly { readonly severity: Severity; readonly heading: string }[] = [
  { severity: 'critical', heading: 'Critical' },
  { severity: 'warning', heading: 'Warnings' },
  { severity: 'info', heading: 'Good to know' },
];

/** The advisories in brief, grouped by severity, to read before the first step. */
export function RunbookAdvisories({ advisories, warnings }: RunbookAdvisoriesProps) {
  return (
    <section aria-labelledby="runbook-advisories-heading" className="space-y-2">
      <h2 id="runbook-advisories-heading" className="text-[1.3em] font-bold">
        Advisories
      </h2>
      {advisories.length === 0 ? (
        <p>No advisories apply to the versions this upgrade crosses.</p>
      ) : (
        severityGroups.map(({ severity, heading }) => {
          const group = advisories.filter((advisory) => advisory.severity === severity);
          if (group.length === 0) return null;
          const headingId = `runbook-advisories-${severity}`;
          return (
            <section key={severity} aria-labelledby={headingId} className="space-y-1">
              <h3 id={headingId} className="break-after-avoid font-semibold">
                {heading} ({group.length})
              </h3>
              <ul className="list-disc space-y-1 pl-5 text-[0.9em] leading-snug">
                {group.map((advisory) => {
                  const context = advisoryContext(advisory);
                  return (
                    <li key={advisory.id} className="break-inside-avoid">
                      <strong className="font-semibold">{advisory.title}.</strong> {advisory.detail}
                      {context === null ? null : (
                        <span className="text-neutral-700"> ({context})</span>
                      )}
                      {advisory.url === undefined ? null : (
                        <span className="block font-mono text-[0.85em] break-all text-neutral-700">
                          Release notes:{' '}
                          <a href={advisory.url} rel="noreferrer" className="text-inherit">
                            {advisory.url}
                          </a>
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })
      )}
      {warnings.length === 0 ? null : (
        <section aria-labelledby="runbook-warnings-heading" className="space-y-1">
          <h3 id="runbook-warnings-heading" className="break-after-avoid font-semibold">
            Notes on your answers ({warnings.length})
          </h3>
          <ul className="list-disc space-y-1 pl-5 text-[0.9em] leading-snug">
            {warnings.map((warning, index) => (
              <li key={`${warning.field}-${index}`} className="break-inside-avoid">
                {warning.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
