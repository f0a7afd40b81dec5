import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildPlan, type Plan } from '@/rules';
import { RunbookDocument } from '@/components/runbook-document';

function planOf(input: unknown): Plan {
  const result = buildPlan(input);
  if (!result.ok) throw new Error('the test answers should make a plan');
  return result.plan;
}

const plan = planOf({
  model: 'self-managed',
  install: 'deb',
  components: ['gateway', 'dashboard', 'pump'],
  usesGoPlugins: false,
  database: 'mongodb',
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0' },
  strategy: 'rolling',
});

const steps = plan.phases.flatMap((phase) => phase.steps);

function renderRunbook() {
  render(
    <RunbookDocument
      plan={plan}
      link="https://example.test/#/s/eyJ2IjoxfQ"
      generatedOn={new Date(2026, 0, 2)}
    />,
  );
}

/**
 * Finds a printed command by its exact code: a line too long for the paper is printed cut, with
 * `↩`, a line break, its indent and `↪` where it was cut, which are taken out again here.
 */
function printedCommand(code: string) {
  return (_content: string, element: Element | null): boolean =>
    element?.tagName === 'CODE' && element.textContent.replace(/↩\n *↪/g, '') === code;
}

/** The block a heading opens: the check or the rollback of a step. */
function blockUnder(heading: HTMLElement): HTMLElement {
  if (heading.parentElement === null) throw new Error('a heading always has a parent');
  return heading.parentElement;
}

describe('RunbookDocument', () => {
  it('numbers every step in plan order, running on across phases', () => {
    renderRunbook();

    const articles = screen.getAllByRole('article');
    expect(articles.map((article) => article.dataset['stepId'])).toEqual(
      steps.map((step) => step.id),
    );
    expect(
      screen.getAllByRole('heading', { level: 3, name: /^\d+\. / }).map((h) => h.textContent),
    ).toEqual(steps.map((step, index) => `${index + 1}. ${step.title}`));
    // Each phase's list starts where the one before it stopped.
    const lists = plan.phases.map((phase) =>
      screen.getByRole('list', { name: new RegExp(`^Phase \\d+: ${phase.title}$`) }),
    );
    expect(lists.map((list) => list.getAttribute('start'))).toEqual(
      plan.phases.map((_, index) =>
        String(1 + plan.phases.slice(0, index).reduce((sum, p) => sum + p.steps.length, 0)),
      ),
    );
  });

  it('prints the commands, the check and the rollback of a step, none of them folded', () => {
    renderRunbook();
    const number = steps.findIndex((step) => step.id === 'upgrade-gateway') + 1;
    const step = steps[number - 1];
    if (step?.verify === undefined || step.rollback === undefined) {
      throw new Error('upgrade-gateway should have a check and a rollback');
    }

    const card = screen.getByRole('article', { name: `${number}. ${step.title}` });
    expect(within(card).getByText('sudo apt-get install -y tyk-gateway=5.3.0')).toBeVisible();
    const check = blockUnder(within(card).getByRole('heading', { level: 4, name: /^Check/ }));
    expect(within(check).getByText(step.verify.expect)).toBeVisible();
    for (const command of step.verify.commands) {
      expect(within(check).getByText(printedCommand(command.code))).toBeVisible();
    }
    const rollback = blockUnder(
      within(card).getByRole('heading', { level: 4, name: 'How to roll back' }),
    );
    expect(within(rollback).getByText(step.rollback.detail)).toBeVisible();
    for (const command of step.rollback.commands) {
      expect(within(rollback).getByText(printedCommand(command.code))).toBeVisible();
    }
    expect(card.querySelector('details')).toBeNull();
    expect(within(card).getByText('Time')).toBeVisible();
    expect(within(card).getByText('Initials')).toBeVisible();
  });

  it('cuts a command line too long for the paper with marks, and says how to read them', () => {
    renderRunbook();
    const number = steps.findIndex((step) => step.id === 'upgrade-gateway') + 1;
    const card = screen.getByRole('article', { name: `${number}. ${steps[number - 1]?.title}` });
    const check = blockUnder(within(card).getByRole('heading', { level: 4, name: /^Check/ }));
    const code = [...check.querySelectorAll('code')].find((element) =>
      element.textContent.includes('journalctl'),
    );
    expect(code?.textContent).toBe(
      "sudo journalctl -u tyk-gateway -n 200 --no-pager | grep 'Tyk API Gateway' | tail -n 1 ↩\n" +
        '↪| grep -F 5.3.0',
    );
    expect(screen.getByText(/Long command lines are cut to fit the paper/)).toBeVisible();
  });

  it('lists the phases with their step numbers, the advisories and the sign-off', () => {
    renderRunbook();

    const contents = screen.getByRole('region', { name: 'Contents' });
    const first = plan.phases[0];
    if (first === undefined) throw new Error('the plan has phases');
    expect(
      within(contents).getByText(`steps 1–${first.steps.length}`, { exact: true }),
    ).toBeVisible();
    expect(within(contents).getAllByRole('listitem')).toHaveLength(plan.phases.length + 1);

    const advisories = screen.getByRole('region', { name: 'Advisories' });
    for (const advisory of plan.advisories) {
      expect(within(advisories).getByText(`${advisory.title}.`)).toBeVisible();
    }

    const signOff = screen.getByRole('region', { name: 'Sign-off' });
    for (const role of ['Operator', 'Approver']) {
      const block = within(signOff).getByRole('region', { name: role });
      for (const field of ['Name', 'Signature', 'Date']) {
        expect(within(block).getByText(field)).toBeVisible();
      }
    }
  });
});
