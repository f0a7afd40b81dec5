// The change record: the runbook as it was carried out, for a change-management ticket. Pure: the
// time of the export comes in as an argument, like every recorded time.
import { limitCoverField } from './answers';
import { isContingencyPhase, stepStatus, type StepStatus } from './runbook';
import { numberedPhases, planProgress, summaryFacts, versionRows } from './summary';
import type { ChangeCover, Plan, StepRecord } from './types';

export type ChangeRun = {
  /** The saved plan's name. */
  readonly name: string;
  /** Step id → ISO time of the tick that holds. */
  readonly ticks: Readonly<Record<string, string>>;
  readonly records: Readonly<Record<string, StepRecord>>;
  readonly cover: ChangeCover | undefined;
  /** ISO time of the export. */
  readonly exportedAt: string;
};

/** The cover fields with the words a reader sees, in the order of the cover. */
export const coverFields: readonly { readonly key: keyof ChangeCover; readonly label: string }[] = [
  { key: 'ticket', label: 'Change ticket' },
  { key: 'environment', label: 'Environment' },
  { key: 'windowStart', label: 'Window start' },
  { key: 'windowEnd', label: 'Window end' },
  { key: 'operator', label: 'Operator' },
  { key: 'approver', label: 'Approver' },
];

export const emptyCover: ChangeCover = {
  ticket: '',
  environment: '',
  windowStart: '',
  windowEnd: '',
  operator: '',
  approver: '',
};

/** The cover with every field a string within its limit; a field that is not text is empty. */
export function limitCover(fields: Readonly<Record<keyof ChangeCover, unknown>>): ChangeCover {
  const cover: Record<string, string> = {};
  for (const { key } of coverFields) {
    const field = fields[key];
    cover[key] = typeof field === 'string' ? limitCoverField(field) : '';
  }
  return cover as ChangeCover;
}

export type RecordedStep = {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly phase: string;
  /** A rollback step: never needed to finish. */
  readonly isContingency: boolean;
  /** For a rollback step: `done` means used. */
  readonly status: StepStatus;
  readonly doneAt: string | null;
  readonly usedAt: string | null;
  readonly skipped: NonNullable<StepRecord['skipped']> | null;
  readonly failed: NonNullable<StepRecord['failed']> | null;
  readonly note: NonNullable<StepRecord['note']> | null;
  /** When the step changed after it had been ticked and has not been ticked again. */
  readonly resetAt: string | null;
};

export function recordedSteps(plan: Plan, run: ChangeRun): readonly RecordedStep[] {
  return numberedPhases(plan).flatMap(({ phase, firstNumber }) =>
    phase.steps.map((step, index) => {
      const record = run.records[step.id];
      const isContingency = isContingencyPhase(phase);
      const usedAt = record?.usedAt ?? null;
      return {
        id: step.id,
        number: firstNumber + index,
        title: step.title,
        phase: phase.title,
        isContingency,
        status: isContingency
          ? usedAt === null
            ? 'open'
            : 'done'
          : stepStatus(run.ticks[step.id], record),
        doneAt: isContingency ? null : (run.ticks[step.id] ?? null),
        usedAt,
        skipped: record?.skipped ?? null,
        failed: record?.failed ?? null,
        note: record?.note ?? null,
        resetAt: run.ticks[step.id] === undefined ? (record?.reset?.at ?? null) : null,
      };
    }),
  );
}

function progressOf(plan: Plan, run: ChangeRun) {
  return planProgress(
    plan,
    (id) => ['done', 'skipped'].includes(stepStatus(run.ticks[id], run.records[id])),
    (id) => run.records[id]?.usedAt !== undefined,
  );
}

/** The change record as data: the cover, the answers, the versions and every step's record. */
export function changeRecordData(plan: Plan, run: ChangeRun) {
  const progress = progressOf(plan, run);
  return {
    kind: 'tyk-upgrade-change-record',
    exportedAt: run.exportedAt,
    plan: { name: run.name, title: plan.title },
    cover: run.cover ?? emptyCover,
    answers: { facts: summaryFacts(plan.input), input: plan.input },
    versions: versionRows(plan).map((row) => ({
      component: row.component,
      label: row.label,
      before: row.from,
      after: row.to,
    })),
    progress: {
      done: progress.overall.done,
      total: progress.overall.total,
      isComplete: progress.isComplete,
      rollbacksUsed: progress.contingency.done,
    },
    steps: recordedSteps(plan, run),
  };
}

export function changeRecordJson(plan: Plan, run: ChangeRun): string {
  return `${JSON.stringify(changeRecordData(plan, run), null, 2)}\n`;
}

const statusWords: Readonly<Record<StepStatus, string>> = {
  open: 'Not done',
  done: 'Done',
  skipped: 'Skipped',
  failed: 'Failed or rolled back',
};

// Markdown cells hold one line; a pipe would end the cell.
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function stepLine(step: RecordedStep): string {
  const status = step.isContingency
    ? step.usedAt === null
      ? 'Not used'
      : `Used ${step.usedAt}`
    : step.status === 'done'
      ? `Done ${step.doneAt ?? ''}`.trim()
      : step.status === 'skipped'
        ? `Skipped ${step.skipped?.at ?? ''}: ${step.skipped?.reason ?? ''}`
        : step.status === 'failed'
          ? `Failed or rolled back ${step.failed?.at ?? ''}: ${step.failed?.note ?? ''}`
          : step.resetAt === null
            ? statusWords.open
            : `Not done: changed since it was ticked (reset ${step.resetAt})`;
  const note = step.note === null ? '' : `Note ${step.note.at}: ${step.note.text}`;
  return `| ${step.number} | ${cell(step.title)} | ${cell(status)} | ${cell(note)} |`;
}

/** The change record as Markdown, ready to paste into a change ticket. */
export function changeRecordMarkdown(plan: Plan, run: ChangeRun): string {
  const data = changeRecordData(plan, run);
  const steps = data.steps;
  const change = steps.filter((step) => !step.isContingency);
  const rollbacks = steps.filter((step) => step.isContingency);
  const { done, total, isComplete, rollbacksUsed } = data.progress;
  const lines = [
    `# Change record: ${run.name}`,
    '',
    plan.title,
    '',
    `Exported ${run.exportedAt}.`,
    isComplete
      ? `Complete: all ${total} steps of the change are done.`
      : `${done} of ${total} steps of the change done.`,
    `${rollbacksUsed} of ${rollbacks.length} rollback steps used.`,
    '',
    '## Change',
    '',
    ...coverFields.map(({ key, label }) => `- ${label}: ${cell(data.cover[key]) || '(not given)'}`),
    '',
    '## Answers',
    '',
    ...data.answers.facts.map((fact) => `- ${fact.label}: ${fact.value}`),
    '',
    '## Versions',
    '',
    '| Component | Before | After |',
    '| --- | --- | --- |',
    ...data.versions.map((row) => `| ${row.label} | ${row.before} | ${row.after} |`),
    '',
    '## Steps of the change',
    '',
    '| Step | Title | Outcome | Note |',
    '| --- | --- | --- | --- |',
    ...change.map(stepLine),
    '',
    '## Rollback steps (a contingency)',
    '',
    '| Step | Title | Outcome | Note |',
    '| --- | --- | --- | --- |',
    ...rollbacks.map(stepLine),
    '',
  ];
  return lines.join('\n');
}
