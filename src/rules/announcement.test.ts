import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { announcementFor, announcementStepIds, type ChangeDetails } from './announcement';
import { buildPlan } from './build-plan';
import { estimatePlan } from './estimate/estimate';
import type { EstimateAnswers } from './estimate/types';
import type { Plan, PlanInput } from './types';

function planOf(input: PlanInput): Plan {
  const result = buildPlan(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

function announce(
  input: PlanInput,
  details: ChangeDetails,
  answers: EstimateAnswers = {},
  stepId: 'announce-upgrade' | 'announce-complete' = 'announce-upgrade',
) {
  const plan = planOf(input);
  return announcementFor(plan, estimatePlan(plan, answers), details, stepId);
}

// The three plans of estimate.test.ts: their estimates are worked out by hand there.
const mdcbRolling: PlanInput = {
  model: 'self-managed-mdcb',
  install: 'helm',
  components: ['gateway', 'dashboard', 'mdcb'],
  usesGoPlugins: false,
  dataPlanes: [{ name: 'eu-west' }, { name: 'us-east' }],
  gateway: { from: '5.0.0', to: '5.3.0' },
  mdcb: { from: '2.4.0' },
  strategy: 'rolling',
};

const dockerDowntime = (downtimeMinutes: number): PlanInput => ({
  model: 'self-managed',
  install: 'docker',
  components: ['gateway', 'dashboard', 'pump'],
  usesGoPlugins: false,
  database: 'postgres',
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0' },
  strategy: 'downtime',
  downtimeMinutes,
});

const kubernetesBlueGreen: PlanInput = {
  model: 'self-managed',
  install: 'kubernetes',
  components: ['gateway', 'dashboard'],
  usesGoPlugins: false,
  gateway: { from: '5.8.0', to: '5.14.0' },
  strategy: 'blue-green',
};

const lines = (...text: readonly string[]): string => `${text.join('\n')}\n`;

describe('the announcement before the change', () => {
  it('rolling: the window as given, no interruption, every detail filled in', () => {
    const message = announce(mdcbRolling, {
      windowStart: '2026-03-07T22:00',
      windowEnd: '2026-03-08T01:30',
      contact: 'Platform team, #tyk-upgrade',
      environment: 'production',
      ticket: 'CHG-1234',
      operator: 'Ana Lopez',
      approver: 'Sam Lee',
    });

    expect(message.subject).toBe(
      'Planned Tyk upgrade on production: Saturday 7 March 2026, 22:00 to Sunday 8 March 2026, 01:30 (CHG-1234)',
    );
    expect(message.text).toBe(
      lines(
        'Planned Tyk upgrade on production: Saturday 7 March 2026, 22:00 to Sunday 8 March 2026, 01:30 (CHG-1234)',
        '',
        'We will upgrade Tyk on production (Tyk Self-Managed with MDCB; data planes eu-west and us-east).',
        '',
        'What changes',
        '- Gateway from 5.0.0 to 5.3.0',
        '- Dashboard from 5.0.0 to 5.3.0',
        '- MDCB from 2.4.0 to 2.5.1',
        '',
        'When',
        'Saturday 7 March 2026, 22:00 to Sunday 8 March 2026, 01:30. The work is estimated at about 2 h 43 min; a rollback, if one is needed, about 1 h 21 min more.',
        '',
        'Expected impact',
        'No interruption expected: the instances are upgraded one at a time behind the load balancer, so the APIs stay available. While it runs, some requests are answered by the old version and some by the new.',
        '',
        'Contact',
        'Questions or problems: Platform team, #tyk-upgrade.',
        '',
        'Carried out by Ana Lopez; approved by Sam Lee.',
        '',
        'Change ticket: CHG-1234',
      ),
    );
    expect(message.markdown).toBe(
      lines(
        '**Planned Tyk upgrade on production: Saturday 7 March 2026, 22:00 to Sunday 8 March 2026, 01:30 (CHG-1234)**',
        '',
        'We will upgrade Tyk on production (Tyk Self-Managed with MDCB; data planes eu-west and us-east).',
        '',
        '**What changes**',
        '',
        '- Gateway from 5.0.0 to 5.3.0',
        '- Dashboard from 5.0.0 to 5.3.0',
        '- MDCB from 2.4.0 to 2.5.1',
        '',
        '**When**',
        '',
        'Saturday 7 March 2026, 22:00 to Sunday 8 March 2026, 01:30. The work is estimated at about 2 h 43 min; a rollback, if one is needed, about 1 h 21 min more.',
        '',
        '**Expected impact**',
        '',
        'No interruption expected: the instances are upgraded one at a time behind the load balancer, so the APIs stay available. While it runs, some requests are answered by the old version and some by the new.',
        '',
        '**Contact**',
        '',
        'Questions or problems: Platform team, #tyk-upgrade.',
        '',
        'Carried out by Ana Lopez; approved by Sam Lee.',
        '',
        'Change ticket: CHG-1234',
      ),
    );
  });

  it('downtime: the outage from when traffic stops, and an end that the estimate overruns', () => {
    // Traffic stops 40 minutes in (22:40), after the rehearsal backups and their restore test
    // (issue 16); the outage lasts 52 minutes and the change 92 (23:32).
    const message = announce(dockerDowntime(45), {
      windowStart: '2026-03-07T22:00',
      contact: 'ops@example.com',
      environment: 'staging',
    });

    expect(message.text).toBe(
      lines(
        'Planned Tyk upgrade on staging: Saturday 7 March 2026, 22:00',
        '',
        'We will upgrade Tyk on staging (Tyk Self-Managed).',
        '',
        'What changes',
        '- Gateway from 5.2.5 to 5.3.0',
        '- Dashboard from 5.2.5 to 5.3.0',
        '- Pump from 1.8.0 to 1.9.0',
        '',
        'When',
        'From Saturday 7 March 2026, 22:00 until about 23:32, later than the end of the 45-minute downtime window. The work is estimated at about 1 h 32 min; a rollback, if one is needed, about 38 min more.',
        '',
        'Expected impact',
        'An outage: the APIs are unavailable from about 22:40 for about 52 min, longer than the agreed 45-minute window; clients get a maintenance page instead.',
        '',
        'Contact',
        'Questions or problems: ops@example.com.',
      ),
    );
  });

  it('downtime: a window that holds the change ends the announced time', () => {
    const message = announce(dockerDowntime(120), { windowStart: '2026-03-07T22:00' });

    expect(message.text).toContain(
      'From Saturday 7 March 2026, 22:00 until about 00:40, the end of the downtime window.',
    );
    expect(message.text).toContain(
      'An outage: the APIs are unavailable from about 22:40 for up to 120 minutes; clients get a maintenance page instead.',
    );
  });

  it('blue-green: a cut-over, timed from the start when no date is given', () => {
    const message = announce(
      kubernetesBlueGreen,
      {},
      { instances: { gateway: 3 }, databaseGb: 10 },
    );

    expect(message.text).toBe(
      lines(
        'Planned Tyk upgrade: date to be confirmed',
        '',
        'We will upgrade Tyk (Tyk Self-Managed).',
        '',
        'What changes',
        '- Gateway from 5.8.0 to 5.14.0',
        '- Dashboard from 5.8.0 to 5.14.0',
        '',
        'When',
        'The date and time follow in a separate message. The work is estimated at about 3 h 40 min; a rollback, if one is needed, about 10 min more.',
        '',
        'Expected impact',
        'A short cut-over: the upgrade runs on a copy of the environment, and traffic moves to it about 3 h 35 min after the start. Requests in flight at that moment may fail and should be retried. Please avoid changing APIs, policies or keys during the change: changes made on the live side meanwhile may not reach the upgraded side.',
        '',
        'Contact',
        'Questions or problems: reply to this message.',
      ),
    );
  });

  it('blue-green: the cut-over on the clock when the start is given', () => {
    const message = announce(
      kubernetesBlueGreen,
      { windowStart: '2026-03-07T20:00Z' },
      { instances: { gateway: 3 }, databaseGb: 10 },
    );

    expect(message.text).toContain('traffic moves to it at about 23:35 UTC.');
    expect(message.text).toContain(
      'From Saturday 7 March 2026, 20:00 UTC until about 23:40 UTC (an estimate); a rollback, if one is needed, about 10 min more.',
    );
  });

  it('keeps words that are not a date-time as typed', () => {
    const message = announce(mdcbRolling, {
      windowStart: 'Saturday night',
      windowEnd: 'Sunday 2am',
    });

    expect(message.subject).toBe('Planned Tyk upgrade: Saturday night');
    expect(message.text).toContain('Saturday night to Sunday 2am. The work is estimated');
  });

  it('escapes what the user typed, so the Markdown shows it as written', () => {
    const { markdown, text } = announce(mdcbRolling, {
      environment: 'prod_eu *main*',
      ticket: '[CHG-1](https://evil.example)',
      contact: '<img src=x onerror=alert(1)> `rm -rf /`',
      operator: '# Ana\n- Lopez',
    });

    expect(markdown.split('\n')).toEqual(
      expect.arrayContaining([
        '**Planned Tyk upgrade on prod_eu \\*main\\*: date to be confirmed (\\[CHG-1\\](https://evil.example))**',
        'Questions or problems: \\<img src=x onerror=alert(1)\\> \\`rm -rf /\\`.',
        'Carried out by # Ana - Lopez.',
        'Change ticket: \\[CHG-1\\](https://evil.example)',
      ]),
    );
    expect(text).toContain('Carried out by # Ana - Lopez.');
    expect(text).toContain('Questions or problems: <img src=x onerror=alert(1)> `rm -rf /`.');
  });
});

describe('the announcement after the change', () => {
  it('says what runs now, per strategy', () => {
    const message = announce(
      dockerDowntime(60),
      { environment: 'staging', ticket: 'CHG-9', contact: 'ops@example.com' },
      {},
      'announce-complete',
    );

    expect(message.stepId).toBe('announce-complete');
    expect(message.text).toBe(
      lines(
        'Tyk upgrade complete on staging (CHG-9)',
        '',
        'The upgrade of Tyk on staging is complete.',
        '',
        'What changed',
        '- Gateway: now 5.3.0 (was 5.2.5)',
        '- Dashboard: now 5.3.0 (was 5.2.5)',
        '- Pump: now 1.9.0 (was 1.8.0)',
        '',
        'What to expect',
        'The APIs are available again. If an API behaves differently from before, please tell us.',
        '',
        'Contact',
        'Questions or problems: ops@example.com.',
        '',
        'Change ticket: CHG-9',
      ),
    );
    expect(announce(mdcbRolling, {}, {}, 'announce-complete').text).toContain(
      'Nothing changes in how the APIs are called.',
    );
    expect(announce(kubernetesBlueGreen, {}, {}, 'announce-complete').text).toContain(
      'Traffic now goes to the upgraded environment; the old one stays ready for a quick switch back for a few days.',
    );
  });

  it('names a component that stays on its version', () => {
    const message = announce(
      { ...mdcbRolling, mdcb: { from: '2.5.0', to: '2.5.0' } },
      {},
      {},
      'announce-complete',
    );
    expect(message.text).toContain('- MDCB: still 2.5.0\n');
    expect(announce({ ...mdcbRolling, mdcb: { from: '2.5.0', to: '2.5.0' } }, {}).text).toContain(
      '- MDCB stays on 2.5.0\n',
    );
  });
});

describe('arbitrary details', () => {
  const plan = planOf(mdcbRolling);
  const estimate = estimatePlan(plan);
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constantFrom('<b>x</b>', '[a](b)', '`', '*', '# h', '1. x', '\u0000\n\r\t', 'a&amp;b'),
  );
  const anyDetails = fc.record(
    {
      windowStart: anyText,
      windowEnd: anyText,
      contact: anyText,
      environment: anyText,
      ticket: anyText,
      operator: anyText,
      approver: anyText,
    },
    { requiredKeys: [] },
  );

  it('never throw, keep to printable lines, and never open Markdown markup', () => {
    fc.assert(
      fc.property(anyDetails, fc.constantFrom(...announcementStepIds), (details, stepId) => {
        const { text, markdown } = announcementFor(plan, estimate, details, stepId);
        // eslint-disable-next-line no-control-regex
        expect(/[\u0000-\u0009\u000b-\u001f\u007f]/.test(text + markdown)).toBe(false);
        expect(/(^|[^\\])[<[`]/m.test(markdown)).toBe(false);
        expect(
          markdown.split('\n').filter((line) => /^(#|\d+[.)] |[-+] (?!\S))/.test(line)),
        ).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
