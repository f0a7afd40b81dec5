import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildPlan, isContingencyPhase, type Plan } from '@/rules';
import { RunbookDocument } from '@/components/runbook-document';

function planOf(input: unknown): Plan {
  const result = buildPlan(input);
  if (!result.ok) throw new Error('the test answers should make a plan');
  return result.plan;
}

const plan = planOf({
  model: 'oss',
  install: 'docker',
  components: ['gateway'],
  gateway: { from: '5.3.0', to: '5.3.2' },
  strategy: 'rolling',
});
const at = '2026-03-05T21:04:00.000Z';
const changeIds = plan.phases
  .filter((phase) => !isContingencyPhase(phase))
  .flatMap((phase) => phase.steps.map((step) => step.id));
const rollbackPhase = plan.phases.find(isContingencyPhase);

function renderRunbook(ticks: Record<string, string>, records = {}) {
  render(
    <RunbookDocument
      plan={plan}
      link="https://example.test/#/s/eyJ2IjoxfQ"
      generatedOn={new Date(2026, 2, 5)}
      ticks={ticks}
      records={records}
    />,
  );
}

describe('the printed runbook as carried out', () => {
  it('says on the cover that the change is complete once every change step is done', () => {
    renderRunbook(Object.fromEntries(changeIds.map((id) => [id, at])));
    expect(
      screen.getByText(`Complete: all ${changeIds.length} steps of the change are done.`),
    ).toBeInTheDocument();
  });

  it('counts only the change on the cover, and prints the rollbacks as a contingency', () => {
    const first = rollbackPhase?.steps[0]?.id ?? '';
    renderRunbook({ [changeIds[0] ?? '']: at }, { [first]: { usedAt: at } });
    expect(
      screen.getByText(`1 of ${changeIds.length} steps of the change done. 1 rollback step used.`),
    ).toBeInTheDocument();
    const phase = document.querySelector(`[data-phase-id="${rollbackPhase?.id ?? ''}"]`);
    expect(
      within(phase as HTMLElement).getByText(/^A contingency: carry out these steps only if/),
    ).toBeInTheDocument();
    const used = document.querySelector(`[data-step-id="${first}"]`) as HTMLElement;
    expect(within(used).getByText(/^Used /)).toBeInTheDocument();
  });

  it('prints skips, failures and notes with their text, and no internal step id', () => {
    const [a, b] = changeIds;
    renderRunbook(
      {},
      {
        [a ?? '']: { skipped: { at, reason: 'Done by the platform team' } },
        [b ?? '']: {
          failed: { at, note: 'Rolled back: 502s' },
          note: { at, text: 'Paged on-call' },
        },
      },
    );
    expect(screen.getByText(/^Skipped .*: Done by the platform team$/)).toBeInTheDocument();
    expect(screen.getByText(/^Failed or rolled back .*: Rolled back: 502s$/)).toBeInTheDocument();
    expect(screen.getByText(/^Note .*: Paged on-call$/)).toBeInTheDocument();
    const steps = document.querySelectorAll('article[data-step-id]');
    for (const article of steps) {
      const id = (article as HTMLElement).dataset['stepId'] ?? '';
      expect(article.textContent).not.toContain(id);
    }
  });
});
