import { useId } from 'react';
import { planeLabel, stepComponentLabel, type Step, type StepRecord } from '@/rules';
import { RunbookCommand } from '@/components/runbook-command';
import { formatRecorded } from '@/components/recorded-time';
import { stepKindNames } from '@/components/step-card';

export type RunbookStepProps = {
  readonly step: Step;
  /** Position in the whole plan, counted from 1 across phases, as on the plan page. */
  readonly number: number;
  /** A rollback step: its box is for "used", and it is never needed to finish. */
  readonly isContingency?: boolean;
  /** When it was ticked, if it was; the paper then shows the tick and its time. */
  readonly tickedAt?: string | undefined;
  readonly record?: StepRecord | undefined;
};

/** What was recorded on the step, as lines of text for paper. */
function recordedLines(
  tickedAt: string | undefined,
  record: StepRecord | undefined,
  isContingency: boolean,
): readonly string[] {
  const at = (iso: string) => formatRecorded(iso) ?? 'at a time that cannot be read';
  const lines: string[] = [];
  if (isContingency && record?.usedAt !== undefined) lines.push(`Used ${at(record.usedAt)}`);
  if (!isContingency && tickedAt !== undefined) lines.push(`Done ${at(tickedAt)}`);
  if (!isContingency && tickedAt === undefined && record?.reset !== undefined)
    lines.push(`Changed since it was ticked on ${at(record.reset.tickedAt)}; check again`);
  if (record?.skipped !== undefined)
    lines.push(`Skipped ${at(record.skipped.at)}: ${record.skipped.reason}`);
  if (record?.failed !== undefined)
    lines.push(`Failed or rolled back ${at(record.failed.at)}: ${record.failed.note}`);
  if (record?.note !== undefined) lines.push(`Note ${at(record.note.at)}: ${record.note.text}`);
  return lines;
}

/** One step on paper: a box to tick and lines for the time and initials, then everything to do. */
export function RunbookStep({
  step,
  number,
  isContingency = false,
  tickedAt,
  record,
}: RunbookStepProps) {
  const headingId = useId();
  const isMarked = isContingency ? record?.usedAt !== undefined : tickedAt !== undefined;
  const lines = recordedLines(tickedAt, record, isContingency);
  const about = [
    stepKindNames[step.kind],
    step.component === undefined ? null : stepComponentLabel(step.component),
    step.plane === undefined ? null : planeLabel(step.plane),
  ].filter((part): part is string => part !== null);

  return (
    <article aria-labelledby={headingId} data-step-id={step.id} className="space-y-2">
      {/* The title stays with what comes first below it: the first command, or the check. */}
      <div className="break-after-avoid break-inside-avoid space-y-1">
        <header className="flex flex-wrap items-start gap-x-3 gap-y-1">
          <span
            aria-hidden="true"
            className="mt-0.5 flex size-[1.1em] shrink-0 items-center justify-center border-2 border-black text-[0.8em] leading-none font-bold"
          >
            {isMarked ? '✓' : null}
          </span>
          <h3 id={headingId} className="min-w-0 flex-1 font-semibold">
            {number}. {step.title}
          </h3>
          <p className="flex shrink-0 items-end gap-1.5 text-[0.85em]">
            {isContingency ? <span className="font-semibold">Used?</span> : null}
            <span>Time</span>
            <span className="inline-block w-16 border-b border-black" />
            <span>Initials</span>
            <span className="inline-block w-12 border-b border-black" />
          </p>
        </header>
        <p className="text-[0.85em] text-neutral-700">
          {[...about, ...(isContingency ? ['Only if you roll back'] : [])].join(' · ')}
        </p>
        {lines.length === 0 ? null : (
          <ul className="space-y-0.5 border-l-4 border-black pl-2 text-[0.9em] font-semibold">
            {lines.map((line) => (
              <li key={line} className="whitespace-pre-line break-words">
                {line}
              </li>
            ))}
          </ul>
        )}
        {step.detail.trim() === '' ? null : (
          <p className="leading-snug whitespace-pre-line">{step.detail}</p>
        )}
        {(step.links ?? []).map((link) => (
          <p key={link.url} className="font-mono text-[0.85em] break-all">
            {link.label}:{' '}
            <a href={link.url} rel="noreferrer" className="text-inherit">
              {link.url}
            </a>
          </p>
        ))}
      </div>

      {step.commands.map((command, index) => (
        <RunbookCommand key={index} command={command} />
      ))}

      {step.verify === undefined ? null : (
        <div className="space-y-1.5 border-l-2 border-neutral-400 pl-3">
          <h4 className="break-after-avoid font-semibold">Check that it worked</h4>
          {step.verify.commands.map((command, index) => (
            <RunbookCommand key={index} command={command} />
          ))}
          <p className="leading-snug">
            <strong className="font-semibold">What good looks like:</strong> {step.verify.expect}
          </p>
        </div>
      )}

      {step.rollback === undefined ? null : (
        <div className="space-y-1.5 border-l-2 border-dashed border-neutral-400 pl-3">
          <h4 className="break-after-avoid font-semibold">How to roll back</h4>
          {step.rollback.detail.trim() === '' ? null : (
            <p className="leading-snug whitespace-pre-line">{step.rollback.detail}</p>
          )}
          {step.rollback.commands.map((command, index) => (
            <RunbookCommand key={index} command={command} />
          ))}
        </div>
      )}
    </article>
  );
}
