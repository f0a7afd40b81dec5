import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';
import { runCli } from './plan';

const base = ['--model', 'self-managed', '--install', 'docker', '--from', '5.0.0', '--to', '5.3.0'];

describe('the estimate on the command line', () => {
  it.each([
    ['no estimate flags', [], undefined],
    [
      'two counts and a size',
      ['--instances', 'gateway=3', '--instances', 'dashboard=2', '--database-gb', '20'],
      { instances: { gateway: '3', dashboard: '2' }, databaseGb: '20' },
    ],
    ['a size alone', ['--database-gb=0.5'], { databaseGb: '0.5' }],
  ] as const)('reads %s as typed', (_name, flags, expected) => {
    const request = parseCliArgs([...base, ...flags]);
    if (!request.ok || request.command !== 'plan' || request.source.kind !== 'flags')
      throw new Error(JSON.stringify(request));
    expect(request.source.input.estimate).toEqual(expected);
  });

  it.each([
    ['an unknown component', 'redis=2', '--instances needs COMPONENT=COUNT'],
    ['no equals sign', 'gateway', '--instances needs COMPONENT=COUNT'],
  ])('refuses %s', (_name, pair, message) => {
    const request = parseCliArgs([...base, '--instances', pair]);
    expect(request.ok).toBe(false);
    if (request.ok) return;
    expect(request.errors).toEqual([
      expect.objectContaining({ field: '--instances', message: expect.stringContaining(message) }),
    ]);
  });

  it('refuses the same component twice', () => {
    const request = parseCliArgs([...base, '--instances', 'gateway=2', '--instances', 'gateway=3']);
    expect(request.ok ? [] : request.errors.map((error) => error.message)).toEqual([
      '--instances: gateway is given more than once.',
    ]);
  });

  it('names the flag and the field of a count that is not a number', () => {
    const outcome = runCli([...base, '--instances', 'gateway=many', '--database-gb', 'big']);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toContain(
      'estimate.instances.gateway (--instances gateway=): Gateway instances "many" is not a whole number from 1 to 100.',
    );
    expect(outcome.stderr).toContain(
      'estimate.databaseGb (--database-gb): Database size "big" is not a number of gigabytes from 0 to 10000.',
    );
  });

  it('prints the estimate after the plan, with the figures given and the defaults marked', () => {
    const outcome = runCli([...base, '--instances', 'gateway=3']);
    expect(outcome.exitCode).toBe(0);
    const section = outcome.stdout.slice(outcome.stdout.indexOf('ESTIMATE'));
    expect(section).toMatch(/^ESTIMATE \(planning figures/);
    expect(section).toContain('The change:');
    expect(section).toContain('Full rollback from the worst point:');
    expect(section).toContain('Gateway instances: 3;');
    expect(section).toContain('Dashboard instances: 2 (default estimate)');
  });

  it('says in the Markdown what to change when the downtime window is too short', () => {
    const outcome = runCli([
      ...base,
      '--strategy',
      'downtime',
      '--window',
      '20',
      '--format',
      'markdown',
    ]);
    const section = outcome.stdout.slice(outcome.stdout.indexOf('## Estimate'));
    expect(section).toContain('- **Downtime window too short:**');
    expect(section).toContain('**To make it fit:**');
    expect(section).toContain('- Ask for a window of at least');
  });

  it('carries the estimate answers in the link it prints, and reads them back', () => {
    const link = runCli([...base, '--instances', 'gateway=4', '--format', 'link']).stdout.trim();
    const back = runCli(['--link', link, '--format', 'json']);
    const body = JSON.parse(back.stdout) as { plan: { input: { estimate?: unknown } } };
    expect(body.plan.input.estimate).toEqual({ instances: { gateway: 4 } });
  });
});
