// The plan and print pages show these without loading the reader: evidenceText has no imports.
import {
  evidenceText,
  findingsHeading,
  noFindingsText,
  type Finding,
  type Severity,
} from '@/rules';
import { SeverityIcon } from '@/components/severity-icon';

export type DetectFindingsProps = {
  readonly findings: readonly Finding[];
  /** Said when there is nothing to list. */
  readonly emptyText: string;
};

const severityLabels: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Info',
};

const severityBoxes: Readonly<Record<Severity, string>> = {
  critical: 'border-red-700 bg-red-50 dark:border-red-400 dark:bg-red-950/40',
  warning: 'border-amber-700 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40',
  info: 'border-sky-700 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/40',
};

/** Risks found in the deployment's own configuration, most severe first, each with its source. */
export function DetectFindings({ findings, emptyText }: DetectFindingsProps) {
  if (findings.length === 0) return <p>{emptyText}</p>;
  return (
    <ul className="space-y-3">
      {findings.map((finding) => (
        <li
          key={finding.id}
          className={`space-y-1 rounded-md border-l-4 p-3 ${severityBoxes[finding.severity]}`}
        >
          <p className="flex items-start gap-2 font-semibold">
            <SeverityIcon severity={finding.severity} />
            <span>
              {severityLabels[finding.severity]}: {finding.title}
            </span>
          </p>
          <p>{finding.detail}</p>
          {finding.evidence.length === 0 ? null : (
            <div className="text-sm">
              <span className="font-medium">Read from:</span>
              <ul className="list-disc pl-5 break-words">
                {finding.evidence.map((item, index) => (
                  <li key={`${item.file}-${item.where}-${index}`}>{evidenceText(item)}</li>
                ))}
              </ul>
            </div>
          )}
          <p className="text-sm text-slate-700 dark:text-slate-300">Source: {finding.source}</p>
        </li>
      ))}
    </ul>
  );
}

export type DetectRunbookFindingsProps = { readonly findings: readonly Finding[] };

/** The same findings on paper: black on white, the severity in words before each title. */
export function DetectRunbookFindings({ findings }: DetectRunbookFindingsProps) {
  return (
    <section aria-labelledby="runbook-findings-heading" className="space-y-2">
      <h2 id="runbook-findings-heading" className="text-[1.3em] font-bold">
        {findingsHeading} ({findings.length})
      </h2>
      {findings.length === 0 ? (
        <p>{noFindingsText}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-[0.9em] leading-snug">
          {findings.map((finding) => (
            <li key={finding.id} className="break-inside-avoid">
              <strong className="font-semibold">
                [{severityLabels[finding.severity]}] {finding.title}.
              </strong>{' '}
              {finding.detail}
              <span className="text-neutral-700">
                {' '}
                (Read from {finding.evidence.map(evidenceText).join('; ') || 'the files'}. Source:{' '}
                {finding.source}.)
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
