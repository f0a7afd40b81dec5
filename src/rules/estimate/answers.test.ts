import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../build-plan';
import { readEstimateAnswers } from './answers';
import { estimatePlan } from './estimate';
import type { EstimateAnswersResult } from './types';

const cases: readonly (readonly [string, unknown, EstimateAnswersResult])[] = [
  ['nothing answered', undefined, { ok: true, answers: {} }],
  ['an empty form', { instances: { gateway: '' }, databaseGb: ' ' }, { ok: true, answers: {} }],
  [
    'typed text, with spaces',
    { instances: { gateway: ' 3 ', mdcb: '2' }, databaseGb: '2.5' },
    { ok: true, answers: { instances: { gateway: 3, mdcb: 2 }, databaseGb: 2.5 } },
  ],
  [
    'stored numbers, an empty database',
    { instances: { dashboard: 4 }, databaseGb: 0 },
    { ok: true, answers: { instances: { dashboard: 4 }, databaseGb: 0 } },
  ],
  [
    'a fraction of an instance, and a word for a size',
    { instances: { gateway: '1.5', pump: '2' }, databaseGb: 'big' },
    {
      ok: false,
      errors: [
        {
          field: 'estimate.instances.gateway',
          message: 'Gateway instances "1.5" is not a whole number from 1 to 100.',
        },
        {
          field: 'estimate.databaseGb',
          message: 'Database size "big" is not a number of gigabytes from 0 to 10000.',
        },
      ],
      answers: { instances: { pump: 2 } },
    },
  ],
  [
    'out of range both ways',
    { instances: { mdcb: 0, dashboard: 101 }, databaseGb: -1 },
    {
      ok: false,
      errors: [
        {
          field: 'estimate.instances.dashboard',
          message: 'Dashboard instances "101" is not a whole number from 1 to 100.',
        },
        {
          field: 'estimate.instances.mdcb',
          message: 'MDCB instances "0" is not a whole number from 1 to 100.',
        },
        {
          field: 'estimate.databaseGb',
          message: 'Database size "-1" is not a number of gigabytes from 0 to 10000.',
        },
      ],
      answers: {},
    },
  ],
  [
    'instances that are not per component',
    { instances: 3 },
    {
      ok: false,
      errors: [
        {
          field: 'estimate.instances',
          message: 'Instances must be given per component, such as gateway: 2.',
        },
      ],
      answers: {},
    },
  ],
  [
    'not an object at all',
    'three',
    {
      ok: false,
      errors: [{ field: 'estimate', message: 'The estimate answers must be field: value pairs.' }],
      answers: {},
    },
  ],
];

describe('readEstimateAnswers', () => {
  it.each(cases)('%s', (_, raw, expected) => {
    expect(readEstimateAnswers(raw)).toEqual(expected);
  });
});

describe('arbitrary estimate answers', () => {
  const plan = (() => {
    const result = buildPlan({
      model: 'self-managed-mdcb',
      install: 'helm',
      components: ['gateway', 'dashboard', 'pump', 'mdcb'],
      usesGoPlugins: true,
      database: 'postgres',
      dataPlanes: [{ name: 'eu-west' }, { name: 'us-east' }],
      gateway: { from: '5.0.0', to: '5.3.0' },
      pump: { from: '1.9.0' },
      mdcb: { from: '2.4.0' },
      strategy: 'downtime',
    });
    if (!result.ok) throw new Error('the base answers should make a plan');
    return result.plan;
  })();
  const anyAnswers = fc.oneof(
    fc.anything(),
    fc.record({
      instances: fc.oneof(
        fc.anything(),
        fc.dictionary(fc.constantFrom('gateway', 'dashboard', 'pump', 'mdcb', 'x'), fc.anything()),
      ),
      databaseGb: fc.anything(),
    }),
  );

  it('never throw, name a field of the estimate, and always leave an estimate to show', () => {
    fc.assert(
      fc.property(anyAnswers, (raw) => {
        const result = readEstimateAnswers(raw);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          expect(result.errors.filter((error) => !error.field.startsWith('estimate'))).toEqual([]);
        }
        expect(estimatePlan(plan, result.answers).totalMinutes).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
