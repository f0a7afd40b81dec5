import { describe, expect, it } from 'vitest';
import { buildPlanLink, decodePlanLink } from './link';
import type { ChangeCover, PlanInput } from './types';

const input: PlanInput = {
  model: 'oss',
  install: 'docker',
  components: ['gateway'],
  usesGoPlugins: false,
  gateway: { from: '5.3.0', to: '5.3.2' },
  strategy: 'rolling',
};

const cover: ChangeCover = {
  ticket: 'CHG-1042',
  environment: 'Production EU',
  windowStart: '2026-03-05T21:00',
  windowEnd: '2026-03-05T23:00',
  operator: 'Ana Núñez',
  approver: '',
};

describe('the change fields in a shared link', () => {
  it('travel only when given, and come back as they were', () => {
    const plain = decodePlanLink(buildPlanLink('https://x.test/', input, { includeNames: false }));
    expect(plain.ok && plain.cover).toBe(undefined);
    const withCover = decodePlanLink(
      buildPlanLink('https://x.test/', input, { includeNames: false }, cover),
    );
    expect(withCover).toMatchObject({ ok: true, cover, problems: [] });
  });

  it('leave out an empty cover', () => {
    const empty = {
      ...cover,
      ticket: '',
      environment: '',
      windowStart: '',
      windowEnd: '',
      operator: '',
    };
    expect(buildPlanLink('https://x.test/', input, { includeNames: false }, empty)).toBe(
      buildPlanLink('https://x.test/', input, { includeNames: false }),
    );
  });

  it('are left out, and said so, when malformed', () => {
    const payload = btoa(
      JSON.stringify({
        v: 1,
        m: 'oss',
        i: 'docker',
        c: ['gateway'],
        g: ['5.3.0', '5.3.2'],
        s: 'rolling',
        cv: ['only one'],
      }),
    );
    const decoded = decodePlanLink(payload.replace(/=+$/, ''));
    expect(decoded.ok && decoded.cover).toBe(undefined);
    expect(decoded.problems).toEqual([
      {
        field: 'link',
        message: 'The change fields in the link are malformed; they were left out.',
      },
    ]);
  });
});
