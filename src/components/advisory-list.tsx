import { memo, useId } from 'react';
import { componentLabel, type Advisory, type Severity } from '@/rules';
import { SeverityIcon } from '@/components/severity-icon';

export type AdvisoryListProps = {
  readonly advisories: readonly Advisory[];
  /** Heading level of each severity group; the list sits under an h2 on the plan page. */
  readonly headingLevel?: 3 | 4;
};

type SeverityStyle = {
  readonly heading: string;
  readonly label: string;
  readonly box: string;
  readonly badge: string;
};

// Most severe first: what can break the upgrade is read before what is good to know.
const severityOrder: readonly Severity[] = ['critical', 'warning', 'info'];

const severityStyles: Readonly<Record<Severity, SeverityStyle>> = {
  critical: {
    heading: 'Critical',
    label: 'Critical',
    box: 'border-red-700 bg-red-50 dark:border-red-400 dark:bg-red-950/40',
    badge: 'bg-red-700 text-white dark:bg-red-300 dark:text-red-950',
  },
  warning: {
    heading: 'Warnings',
    label: 'Warning',
    box: 'border-amber-700 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40',
    badge: 'bg-amber-800 text-white dark:bg-amber-300 dark:text-amber-950',
  },
  info: {
    heading: 'Good to know',
    label: 'Info',
    box: 'border-sky-700 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/40',
    badge: 'bg-sky-800 text-white dark:bg-sky-300 dark:text-sky-950',
  },
};

// Memoised: ticking a step re-renders the progress, not this.
export const AdvisoryList = memo(function AdvisoryList({
  advisories,
  headingLevel = 3,
}: AdvisoryListProps) {
  const idPrefix = useId();
  if (advisories.length === 0) {
    return <p>No advisories apply to the versions you cross.</p>;
  }

  const Heading = headingLevel === 3 ? 'h3' : 'h4';

  return (
    <div className="space-y-4">
      {severityOrder.map((severity) => {
        const group = advisories.filter((advisory) => advisory.severity === severity);
        if (group.length === 0) return null;
        const style = severityStyles[severity];
        const headingId = `${idPrefix}-${severity}`;
        const items = (
          <ul aria-labelledby={headingId} className="space-y-3">
            {group.map((advisory) => (
              <AdvisoryItem
                key={advisory.id}
                advisory={advisory}
                style={style}
                severity={severity}
              />
            ))}
          </ul>
        );
        const heading = (
          <Heading id={headingId} className="inline-flex items-center gap-2 text-lg font-semibold">
            <SeverityIcon severity={severity} />
            {style.heading} ({group.length})
          </Heading>
        );

        // Information is folded: it should not push the steps off the screen.
        if (severity === 'info') {
          return (
            <details key={severity} className="group">
              <summary className="flex cursor-pointer list-none items-center gap-2 rounded py-1 [&::-webkit-details-marker]:hidden">
                <svg
                  aria-hidden="true"
                  viewBox="0 0 16 16"
                  width="14"
                  height="14"
                  className="shrink-0 transition-transform group-open:rotate-90 motion-reduce:transition-none"
                  fill="currentColor"
                >
                  <path d="M5 3l6 5-6 5z" />
                </svg>
                {heading}
              </summary>
              <div className="mt-3">{items}</div>
            </details>
          );
        }
        return (
          <section key={severity} aria-labelledby={headingId} className="space-y-3">
            {heading}
            {items}
          </section>
        );
      })}
    </div>
  );
});

type AdvisoryItemProps = {
  readonly advisory: Advisory;
  readonly severity: Severity;
  readonly style: SeverityStyle;
};

function AdvisoryItem({ advisory, severity, style }: AdvisoryItemProps) {
  return (
    <li id={`advisory-${advisory.id}`} className={`rounded-md border-l-4 p-3 ${style.box}`}>
      <p className="flex flex-wrap items-center gap-2">
        <span
          className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ${style.badge}`}
        >
          <SeverityIcon severity={severity} />
          {style.label}
        </span>
        <strong className="font-semibold">{advisory.title}</strong>
      </p>
      <p className="mt-1 leading-relaxed">{advisory.detail}</p>
      {advisory.component || advisory.version ? (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          {advisory.component ? componentLabel(advisory.component) : null}
          {advisory.component && advisory.version ? ' ' : null}
          {advisory.version ? `from ${advisory.version}` : null}
        </p>
      ) : null}
      {advisory.url ? (
        <p className="mt-1 text-sm">
          <a
            href={advisory.url}
            target="_blank"
            rel="noreferrer"
            className="text-blue-700 underline underline-offset-2 dark:text-sky-300"
          >
            Release notes
            <span className="sr-only">: {advisory.title} (opens in a new tab)</span>
          </a>
        </p>
      ) : null}
    </li>
  );
}
