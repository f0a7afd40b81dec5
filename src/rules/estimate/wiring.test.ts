// The estimate's answers on their way through the wizard: typed, checked, linked, stored.
import { describe, expect, it } from 'vitest';
import { copyAnswers, defaultAnswers, limitAnswers } from '../answers';
import { answersFromInput } from '../answers-from-input';
import { toPlanInput } from '../answers-to-input';
import { stepOfField } from '../draft';
import { decodePlanLink, planLinkFor } from '../link';
import { readStoredAnswers } from '../stored-answers';
import type { DraftAnswers, DraftEstimate } from '../types';
import { validate } from '../validate';

const typedAnswers: DraftAnswers = {
  ...copyAnswers(defaultAnswers),
  gateway: { from: '5.0.0', to: '5.3.0' },
  pump: { from: '1.8.0', to: '' },
};

function withEstimate(
  estimate: Partial<DraftEstimate['instances']>,
  databaseGb = '',
): DraftAnswers {
  return {
    ...typedAnswers,
    estimate: {
      instances: { gateway: '', dashboard: '', pump: '', mdcb: '', ...estimate },
      databaseGb,
    },
  };
}

describe('estimate answers as the plan input', () => {
  const inputRows: readonly (readonly [string, DraftAnswers, unknown])[] = [
    ['nothing typed', withEstimate({}), undefined],
    ['a count', withEstimate({ gateway: '3' }), { instances: { gateway: '3' } }],
    ['a size', withEstimate({}, ' 12.5 '), { databaseGb: ' 12.5 ' }],
    // MDCB is not part of this deployment: its count is not an answer.
    ['a count for a component not run', withEstimate({ mdcb: '4' }), undefined],
    [
      'a size without a Dashboard',
      { ...withEstimate({}, '5'), model: 'oss', components: ['gateway'] },
      undefined,
    ],
  ];
  it.each(inputRows)('%s', (_name, answers, expected) => {
    const input = toPlanInput(answers) as Record<string, unknown>;
    expect(input['estimate']).toEqual(expected);
  });

  it.each([
    [
      'valid answers',
      withEstimate({ gateway: '3', pump: '2' }, '20'),
      [],
      { instances: { gateway: 3, pump: 2 }, databaseGb: 20 },
    ],
    [
      'a count that is not a whole number',
      withEstimate({ gateway: '2.5' }),
      ['estimate.instances.gateway: Gateway instances "2.5" is not a whole number from 1 to 100.'],
      undefined,
    ],
    [
      'a size that is not a number',
      withEstimate({}, 'lots'),
      ['estimate.databaseGb: Database size "lots" is not a number of gigabytes from 0 to 10000.'],
      undefined,
    ],
  ] as const)('validate reads %s', (_name, answers, errors, estimate) => {
    const result = validate(toPlanInput(answers));
    expect(
      result.ok ? [] : result.errors.map((error) => `${error.field}: ${error.message}`),
    ).toEqual(errors);
    if (result.ok) expect(result.input.estimate).toEqual(estimate);
  });

  it('drops a count for a component the deployment does not run, even a bad one', () => {
    const result = validate({
      model: 'self-managed',
      install: 'docker',
      components: ['gateway', 'dashboard'],
      usesGoPlugins: false,
      gateway: { from: '5.0.0', to: '5.3.0' },
      strategy: 'rolling',
      estimate: { instances: { gateway: 2, mdcb: 'x' } },
    });
    expect(result.ok && result.input.estimate).toEqual({ instances: { gateway: 2 } });
  });

  it('asks for the estimate on the preparation page', () => {
    expect(stepOfField('estimate.instances.gateway')).toBe('preparation');
    expect(stepOfField('estimate.databaseGb')).toBe('preparation');
  });
});

describe('estimate answers in a link', () => {
  function checked(answers: DraftAnswers) {
    const result = validate(toPlanInput(answers));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.input;
  }

  it('travel in the link and come back as typed text', () => {
    const link = planLinkFor('https://x.example/', checked(withEstimate({ gateway: '3' }, '20')), {
      includeNames: false,
    });
    const decoded = decodePlanLink(link);
    expect(decoded.ok && decoded.problems).toEqual([]);
    if (!decoded.ok) return;
    expect(decoded.input['estimate']).toEqual({ instances: { gateway: 3 }, databaseGb: 20 });
    expect(answersFromInput(decoded.input).estimate).toEqual({
      instances: { gateway: '3', dashboard: '', pump: '', mdcb: '' },
      databaseGb: '20',
    });
  });

  it('are left out of the link when none was given, as in links made before them', () => {
    const link = planLinkFor('https://x.example/', checked(withEstimate({})), {
      includeNames: false,
    });
    const decoded = decodePlanLink(link);
    expect(decoded.ok && decoded.input['estimate']).toBeUndefined();
    expect(decoded.ok && answersFromInput(decoded.input).estimate).toEqual(defaultAnswers.estimate);
  });

  it.each([
    [{ i: { gateway: 'x' } }, 'estimate.instances.gateway', undefined],
    [{ i: { gateway: 2 }, gb: -3 }, 'estimate.databaseGb', { instances: { gateway: 2 } }],
    ['lots', 'estimate', undefined],
  ])('replace a bad figure %j by its default and say so', (entry, field, kept) => {
    const payload = {
      v: 1,
      m: 'oss',
      c: ['gateway'],
      g: ['5.0.0', '5.3.0'],
      s: 'rolling',
      e: entry,
    };
    const decoded = decodePlanLink(Buffer.from(JSON.stringify(payload)).toString('base64url'));
    expect(decoded.ok && decoded.problems.map((problem) => problem.field)).toEqual([field]);
    expect(decoded.ok && decoded.input['estimate']).toEqual(kept);
  });
});

describe('estimate answers in storage', () => {
  it('reads a plan saved before the estimate was asked with every figure blank', () => {
    const old: Record<string, unknown> = { ...withEstimate({ gateway: '3' }) };
    delete old['estimate'];
    expect(readStoredAnswers(old)?.estimate).toEqual(defaultAnswers.estimate);
  });

  it('reads the figures back as typed, bad ones included', () => {
    const answers = withEstimate({ gateway: 'three' }, '7');
    expect(readStoredAnswers(JSON.parse(JSON.stringify(answers)))?.estimate).toEqual(
      answers.estimate,
    );
  });

  it.each([
    ['a list', []],
    ['a number for a count', { instances: { gateway: 3 } }],
  ])('refuses estimate answers of the wrong shape: %s', (_name, estimate) => {
    expect(readStoredAnswers({ ...typedAnswers, estimate })).toBeNull();
  });

  it('keeps each figure within its length, and the same object when nothing is too long', () => {
    const short = withEstimate({ gateway: '3' });
    expect(limitAnswers(short)).toBe(short);
    const long = withEstimate({ pump: '1234567890123456' }, '9'.repeat(20));
    expect(limitAnswers(long).estimate).toEqual({
      instances: { gateway: '', dashboard: '', pump: '123456789012', mdcb: '' },
      databaseGb: '999999999999',
    });
  });
});
