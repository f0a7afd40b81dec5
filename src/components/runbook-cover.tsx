import type { ReactNode } from 'react';
import { planSummary, type Plan } from '@/rules';
import { QrCode } from '@/components/qr-code';
import { RunbookEstimate } from '@/components/runbook-estimate';

export type RunbookCoverProps = {
  readonly plan: Plan;
  /** The shared link that opens the same plan in the wizard. */
  readonly link: string;
  /** When the runbook was generated: the one value on it that the plan does not decide. */
  readonly generatedOn: Date;
  /** How far the change is, for a runbook printed while or after it is carried out. */
  readonly progressText?: string | null;
  /** The change ticket, environment, window, operator and approver. */
  readonly changeFields?: ReactNode;
};

/** `2026-03-05` for the machine, in local time: the day the reader sees on the calendar. */
function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `5 March 2026`: the day, the month in words and the year, read the same way everywhere. */
export function plainDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** The first page: what is upgraded, how, from which versions to which, and where the plan lives. */
export function RunbookCover({
  plan,
  link,
  generatedOn,
  progressText = null,
  changeFields,
}: RunbookCoverProps) {
  const summary = planSummary(plan);
  return (
    <section aria-labelledby="runbook-title" className="space-y-6">
      <header className="space-y-2 border-b-2 border-black pb-3">
        <p className="text-[0.9em] font-semibold tracking-wide uppercase">
          Tyk Upgrade Wizard · Upgrade runbook
        </p>
        <h1
          id="runbook-title"
          tabIndex={-1}
          className="text-[1.9em] leading-tight font-bold outline-none"
        >
          {plan.title}
        </h1>
        <p>{summary.countText}. Work through them in order; tick each box and note the time.</p>
        {progressText === null ? null : <p className="font-semibold">{progressText}</p>}
      </header>

      {changeFields}

      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        {summary.facts.map((fact) => (
          <div key={fact.label} className="contents">
            <dt className="font-semibold">{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
        <div className="contents">
          <dt className="font-semibold">Generated</dt>
          <dd>
            <time dateTime={isoDay(generatedOn)}>{plainDate(generatedOn)}</time>
          </dd>
        </div>
      </dl>

      <table className="w-full border-collapse text-left">
        <caption className="mb-1 text-left text-[1.1em] font-bold">Versions</caption>
        <thead>
          <tr className="border-b-2 border-black">
            <th scope="col" className="py-1 pr-4 font-semibold">
              Component
            </th>
            <th scope="col" className="py-1 pr-4 font-semibold">
              Current
            </th>
            <th scope="col" className="py-1 font-semibold">
              Target
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.versions.map((version) => (
            <tr key={version.component} className="border-b border-neutral-400">
              <th scope="row" className="py-1 pr-4 font-normal">
                {version.label}
              </th>
              <td className="py-1 pr-4 font-mono">{version.from}</td>
              <td className="py-1 font-mono">
                {version.to}
                {version.note === null ? null : (
                  <span className="font-sans text-neutral-700"> ({version.note})</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="runbook-stops-heading" className="break-inside-avoid space-y-1">
        <h2 id="runbook-stops-heading" className="text-[1.1em] font-bold">
          Required stops
        </h2>
        <ul className="list-disc space-y-1 pl-5 leading-snug">
          {summary.stops.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="runbook-link-heading" className="break-inside-avoid space-y-2">
        <h2 id="runbook-link-heading" className="text-[1.1em] font-bold">
          This plan in the wizard
        </h2>
        <div className="flex flex-wrap items-start gap-6">
          <div className="min-w-0 flex-1 basis-64 space-y-2">
            <p className="leading-snug">
              The link opens the same plan, step for step. It carries the answers but none of your
              host names, namespaces or other names.
            </p>
            <p className="font-mono text-[0.8em] leading-snug break-all">
              <a href={link} className="text-inherit no-underline">
                {link}
              </a>
            </p>
          </div>
          <QrCode
            text={link}
            label="QR code of the plan link"
            className="w-[45mm] max-w-full shrink-0"
          />
        </div>
      </section>

      <RunbookEstimate plan={plan} />
    </section>
  );
}
