import { describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan';
import { changeRecordData, changeRecordMarkdown, type ChangeRun } from './change-record';
import type { Plan } from './types';

function planFor(input: unknown): Plan {
  const result = buildPlan(input);
  if (!result.ok) throw new Error('the answers should make a plan');
  return result.plan;
}

const plan = planFor({
  model: 'oss',
  install: 'docker',
  components: ['gateway'],
  gateway: { from: '5.3.0', to: '5.3.2' },
  strategy: 'rolling',
});

const run: ChangeRun = {
  name: 'Gateway in Docker',
  ticks: { 'backup-folder': '2026-03-05T21:01:00.000Z' },
  records: {
    'record-current-versions': {
      skipped: { at: '2026-03-05T21:02:00.000Z', reason: 'Known | from the CMDB' },
    },
    'upgrade-gateway': {
      failed: { at: '2026-03-05T21:10:00.000Z', note: 'Health check failed\nrolled back' },
      note: { at: '2026-03-05T21:11:00.000Z', text: 'Paged on-call' },
    },
    'rollback-order': { usedAt: '2026-03-05T21:12:00.000Z' },
  },
  cover: {
    ticket: 'CHG-1042',
    environment: 'Production EU',
    windowStart: '2026-03-05T21:00',
    windowEnd: '2026-03-05T23:00',
    operator: 'Ana',
    approver: '',
  },
  exportedAt: '2026-03-05T22:00:00.000Z',
};

describe('the change record', () => {
  const markdown = changeRecordMarkdown(plan, run);

  it.each([
    ['the heading with the plan name', '# Change record: Gateway in Docker'],
    ['the count of the change only', '2 of 19 steps of the change done.'],
    ['the rollbacks used', '1 of 4 rollback steps used.'],
    ['the ticket', '- Change ticket: CHG-1042'],
    ['the window', '- Window start: 2026-03-05T21:00'],
    ['a field left empty', '- Approver: (not given)'],
    ['an answer', '- Installation: Docker'],
    ['the versions before and after', '| Gateway | 5.3.0 | 5.3.2 |'],
    ['a tick with its time', '| 5 | Create the backup folder | Done 2026-03-05T21:01:00.000Z |  |'],
    [
      'a skip with its reason, pipes escaped',
      '| 1 | Record the versions you run now | Skipped 2026-03-05T21:02:00.000Z: Known \\| from the CMDB |  |',
    ],
    [
      'a failure on one line, with the note',
      'Failed or rolled back 2026-03-05T21:10:00.000Z: Health check failed rolled back | Note 2026-03-05T21:11:00.000Z: Paged on-call |',
    ],
    ['a used rollback', 'Used 2026-03-05T21:12:00.000Z'],
  ])('holds %s', (_name, text) => {
    expect(markdown).toContain(text);
  });

  it('keeps step ids in the JSON, and the answers as given', () => {
    const data = changeRecordData(plan, run);
    expect(data.steps.find((step) => step.id === 'upgrade-gateway')).toMatchObject({
      status: 'failed',
      failed: { note: 'Health check failed\nrolled back' },
      note: { text: 'Paged on-call' },
      isContingency: false,
    });
    expect(data.steps.find((step) => step.id === 'rollback-order')).toMatchObject({
      status: 'done',
      isContingency: true,
      usedAt: '2026-03-05T21:12:00.000Z',
    });
    expect(data.versions).toEqual([
      { component: 'gateway', label: 'Gateway', before: '5.3.0', after: '5.3.2' },
    ]);
    expect(data.answers.input.gateway).toMatchObject({ from: '5.3.0', to: '5.3.2' });
    expect(data.progress).toEqual({ done: 2, total: 19, isComplete: false, rollbacksUsed: 1 });
  });

  it('names no internal step id in the Markdown', () => {
    for (const step of plan.phases.flatMap((phase) => phase.steps))
      expect(markdown).not.toContain(step.id);
  });
});
