// The findings a plan keeps, in its Markdown and text runbooks and in its JSON export: after the
// advisories, filtered for the plan's target, with the note when they were read for another one.
import { describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan';
import { findingsOnPlan } from './detect/plan-findings';
import type { Finding } from './detect/types';
import { renderJson, renderMarkdown, renderText } from './render';
import type { Plan } from './types';

function planTo(target: string): Plan {
  const result = buildPlan({
    model: 'self-managed',
    install: 'docker-compose',
    components: ['gateway', 'dashboard'],
    usesGoPlugins: false,
    database: 'postgres',
    gateway: { from: '5.4.0', to: target },
    strategy: 'rolling',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

const hashKeys: Finding = {
  id: 'hash-keys-mismatch',
  severity: 'critical',
  title: 'Gateway and Dashboard hash keys differently',
  detail: 'true in tyk.conf, key hash_keys and false in .env, line 3. Make them the same.',
  source: 'config-risks.md §2',
  evidence: [
    { value: 'hash_keys true (Gateway tyk.conf)', file: 'tyk.conf', where: 'key hash_keys' },
    { value: 'TYK_DB_ADMINSECRET=****', file: '.env', where: 'line 3' },
  ],
};

const sqlite: Finding = {
  id: 'sqlite-removed',
  severity: 'critical',
  title: 'SQLite storage, which the target removed',
  detail: 'SQLite is used: sqlite (tyk_analytics.conf, key storage.main.type). Move the data.',
  source: 'Dashboard 5.7.0 release notes',
  evidence: [],
};

const redis: Finding = {
  id: 'redis-untested',
  severity: 'warning',
  title: 'Redis is outside what the target is tested with',
  // A bidi override read from a file never reaches the runbook.
  detail: 'Redis 6.0.5 runs (docker-compose.yml, line 16).\u202e Upgrade Redis first.',
  source: 'facts §10.5',
  evidence: [{ value: '6.0.5', file: 'docker-compose.yml', where: 'line 16' }],
};

const stored = [hashKeys, sqlite, redis];

/** The lines from a heading up to the next heading of the same level or higher. */
function section(text: string, heading: string, next: RegExp): string {
  const start = text.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  const rest = text.slice(start + heading.length);
  const end = rest.search(next);
  return heading + (end === -1 ? rest : rest.slice(0, end));
}

describe('findings in the Markdown runbook', () => {
  it('follow the advisories, by severity, with where they were read and their source', () => {
    const plan = planTo('5.8.0');
    const markdown = renderMarkdown(plan, findingsOnPlan(stored, '5.8.0', '5.8.0'));
    expect(markdown.indexOf('## Advisories')).toBeLessThan(
      markdown.indexOf('## Findings from your deployment’s files'),
    );
    expect(section(markdown, '## Findings from your deployment’s files', /\n## /)).toBe(
      [
        '## Findings from your deployment’s files',
        '',
        '### Critical',
        '',
        '- **Gateway and Dashboard hash keys differently**',
        '',
        '  true in tyk.conf, key hash_keys and false in .env, line 3. Make them the same.',
        '',
        '  Read from:',
        '',
        '  - tyk.conf, key hash_keys: hash_keys true (Gateway tyk.conf)',
        '  - .env, line 3: TYK_DB_ADMINSECRET=\\*\\*\\*\\*',
        '',
        '  Source: config-risks.md §2',
        '',
        '- **SQLite storage, which the target removed**',
        '',
        '  SQLite is used: sqlite (tyk_analytics.conf, key storage.main.type). Move the data.',
        '',
        '  Source: Dashboard 5.7.0 release notes',
        '',
        '### Warning',
        '',
        '- **Redis is outside what the target is tested with**',
        '',
        '  Redis 6.0.5 runs (docker-compose.yml, line 16).? Upgrade Redis first.',
        '',
        '  Read from:',
        '',
        '  - docker-compose.yml, line 16: 6.0.5',
        '',
        '  Source: facts §10.5',
        '',
      ].join('\n'),
    );
  });

  it('leave out rows for other targets and say when they were read for another one', () => {
    const markdown = renderMarkdown(planTo('5.6.1'), findingsOnPlan(stored, '5.8.0', '5.6.1'));
    expect(section(markdown, '## Findings from your deployment’s files', /\n### /)).toBe(
      [
        '## Findings from your deployment’s files',
        '',
        'These were checked for target 5.8.0, not 5.6.1. Read the files again (Read my deployment) to check them against 5.6.1.',
        '',
      ].join('\n'),
    );
    expect(markdown).not.toContain('SQLite storage');
  });

  it('say so when nothing is left for the target', () => {
    const markdown = renderMarkdown(planTo('5.6.1'), findingsOnPlan([sqlite], '5.6.1', '5.6.1'));
    expect(section(markdown, '## Findings from your deployment’s files', /\n## /)).toBe(
      [
        '## Findings from your deployment’s files',
        '',
        'The files read showed nothing to fix for this target.',
        '',
      ].join('\n'),
    );
  });

  it('are left out of a plan that has none', () => {
    const plan = planTo('5.8.0');
    expect(renderMarkdown(plan)).not.toContain('Findings');
    expect(renderText(plan)).not.toContain('FINDINGS');
  });
});

describe('findings in the text runbook', () => {
  it('follow the advisories, indented, with the note when read before a target', () => {
    const text = renderText(planTo('5.8.0'), findingsOnPlan(stored, '', '5.8.0'));
    expect(text.indexOf('ADVISORIES')).toBeLessThan(text.indexOf('FINDINGS'));
    expect(section(text, "FINDINGS FROM YOUR DEPLOYMENT'S FILES", /\nPHASE /)).toBe(
      [
        "FINDINGS FROM YOUR DEPLOYMENT'S FILES",
        '  These were read before a target version was chosen, so risks that depend on the target were not checked. Read the files again (Read my deployment) to check them against 5.8.0.',
        '  [critical] Gateway and Dashboard hash keys differently',
        '    true in tyk.conf, key hash_keys and false in .env, line 3. Make them the same.',
        '    Read from: tyk.conf, key hash_keys: hash_keys true (Gateway tyk.conf)',
        '    Read from: .env, line 3: TYK_DB_ADMINSECRET=****',
        '    Source: config-risks.md §2',
        '  [critical] SQLite storage, which the target removed',
        '    SQLite is used: sqlite (tyk_analytics.conf, key storage.main.type). Move the data.',
        '    Source: Dashboard 5.7.0 release notes',
        '  [warning] Redis is outside what the target is tested with',
        '    Redis 6.0.5 runs (docker-compose.yml, line 16).? Upgrade Redis first.',
        '    Read from: docker-compose.yml, line 16: 6.0.5',
        '    Source: facts §10.5',
        '',
      ].join('\n'),
    );
  });
});

describe('findings in the JSON export', () => {
  it('sit beside the plan with the target they were checked for', () => {
    const plan = planTo('5.6.1');
    const body = JSON.parse(renderJson(plan, findingsOnPlan(stored, '5.8.0', '5.6.1'))) as Record<
      string,
      unknown
    >;
    expect([body['title'], body['findingsCheckedFor'], body['findings']]).toEqual([
      plan.title,
      '5.8.0',
      [
        {
          id: 'hash-keys-mismatch',
          severity: 'critical',
          title: 'Gateway and Dashboard hash keys differently',
          detail: 'true in tyk.conf, key hash_keys and false in .env, line 3. Make them the same.',
          source: 'config-risks.md §2',
          evidence: [
            {
              value: 'hash_keys true (Gateway tyk.conf)',
              file: 'tyk.conf',
              where: 'key hash_keys',
            },
            { value: 'TYK_DB_ADMINSECRET=****', file: '.env', where: 'line 3' },
          ],
        },
        {
          id: 'redis-untested',
          severity: 'warning',
          title: 'Redis is outside what the target is tested with',
          detail: 'Redis 6.0.5 runs (docker-compose.yml, line 16).\u202e Upgrade Redis first.',
          source: 'facts §10.5',
          evidence: [{ value: '6.0.5', file: 'docker-compose.yml', where: 'line 16' }],
        },
      ],
    ]);
  });

  it('is the plan alone without findings', () => {
    const plan = planTo('5.8.0');
    expect(renderJson(plan)).toBe(`${JSON.stringify(plan, null, 2)}\n`);
  });
});
