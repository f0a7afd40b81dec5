import { describe, expect, it } from 'vitest';
import { readEstimateAnswers } from './answers';
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
