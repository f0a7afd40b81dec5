import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan';
import {
  buildPlanLink,
  decodePlanLink,
  encodePlanPayload,
  extractPayload,
  planLinkFor,
} from './link';
import { matrixCases, matrixTimeLimit } from './test-support/matrix-plans';
import type { PlanInput } from './types';

const input: PlanInput = {
  model: 'self-managed-mdcb',
  install: 'helm',
  components: ['mdcb', 'dashboard', 'gateway', 'pump'],
  usesGoPlugins: true,
  database: 'postgres',
  dataPlanes: [{ name: 'eu-west', namespace: 'edge-eu' }, { name: 'us-east' }],
  gateway: { from: '5.0.0', to: '5.3.0' },
  pump: { from: '1.8.0', to: '1.9.0' },
  mdcb: { from: '2.4.0' },
  strategy: 'blue-green',
  names: { namespace: 'tyk-prod', gatewayHost: 'gw.example.com', gatewayPort: 8443 },
};

function encodeRaw(payload: unknown): string {
  return btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('shared links', () => {
  it('round-trips every answer when names are included', () => {
    const link = buildPlanLink('https://example.com/tools/wizard/#/wizard/plan', input, {
      includeNames: true,
    });
    expect(link.startsWith('https://example.com/tools/wizard/#/s/')).toBe(true);
    const decoded = decodePlanLink(link);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.problems).toEqual([]);
    expect(decoded.input).toEqual({
      model: 'self-managed-mdcb',
      install: 'helm',
      components: ['mdcb', 'dashboard', 'gateway', 'pump'],
      usesGoPlugins: true,
      database: 'postgres',
      dataPlanes: [{ name: 'eu-west', namespace: 'edge-eu' }, { name: 'us-east' }],
      gateway: { from: '5.0.0', to: '5.3.0' },
      pump: { from: '1.8.0', to: '1.9.0' },
      mdcb: { from: '2.4.0', to: '' },
      strategy: 'blue-green',
      names: { namespace: 'tyk-prod', gatewayHost: 'gw.example.com', gatewayPort: 8443 },
    });
  });

  it('leaves the names out unless asked', () => {
    const decoded = decodePlanLink(encodePlanPayload(input, { includeNames: false }));
    expect(decoded.ok && decoded.input['names']).toBeUndefined();
    expect(decoded.ok && decoded.input['dataPlanes']).toEqual([
      { name: 'eu-west' },
      { name: 'us-east' },
    ]);
  });

  it('uses only characters chat tools leave alone', () => {
    const payload = encodePlanPayload(input, { includeNames: true });
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('forgives what chat tools add around a link', () => {
    const link = buildPlanLink('https://example.com/', input, { includeNames: false });
    const wrapped = `<${link.slice(0, 40)}\n${link.slice(40)}>).`;
    expect(extractPayload(wrapped)).toBe(extractPayload(link));
    expect(decodePlanLink(wrapped).ok).toBe(true);
  });

  it.each([
    ['empty', '', /holds no plan/],
    ['not base64', 'https://x/#/s/%%%%', /damaged/],
    [
      'cut short',
      buildPlanLink('https://x/', input, { includeNames: true }).slice(0, -30),
      /cut short|damaged/,
    ],
    ['not an object', encodeRaw([1, 2]), /does not hold a plan/],
    ['no version', encodeRaw({ m: 'oss' }), /no schema version/],
    ['newer schema', encodeRaw({ v: 99, m: 'oss' }), /newer version/],
    ['huge', 'A'.repeat(9000), /far longer/],
  ])('refuses a link that is %s with a message', (_name, link, message) => {
    const decoded = decodePlanLink(link);
    expect(decoded.ok).toBe(false);
    expect(decoded.problems[0]?.message).toMatch(message);
  });

  it('replaces unknown values and lists what was used instead', () => {
    const decoded = decodePlanLink(
      encodeRaw({
        v: 1,
        m: 'mainframe',
        i: 'ansible',
        c: ['gateway', 'portal'],
        g: ['5.0.0', '5.3.0'],
        s: 'yolo',
        zz: 1,
        n: { colour: 'red', namespace: ['x'] },
      }),
    );
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.input['model']).toBe('self-managed');
    expect(decoded.input['strategy']).toBe('rolling');
    expect(decoded.input['components']).toEqual(['gateway']);
    expect(decoded.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        'model',
        'install',
        'components',
        'strategy',
        'link',
        'names.colour',
        'names.namespace',
      ]),
    );
    expect(decoded.problems.find((p) => p.field === 'model')?.message).toMatch(
      /self-managed was used instead/,
    );
  });

  it('never throws on arbitrary text', () => {
    for (const text of [
      '#/s/',
      '#/s/e30',
      'eyJ2IjoxfQ',
      '\u0000\u0001',
      '#/s/' + '_'.repeat(3),
      'null',
      '{"v":1}',
    ]) {
      expect(() => decodePlanLink(text)).not.toThrow();
    }
    expect(decodePlanLink(undefined).ok).toBe(false);
  });
});

describe('a link reproduces the plan', () => {
  // The shared plans of the matrix may be built here first.
  beforeAll(() => void matrixCases(), matrixTimeLimit);

  it('builds exactly the same plan from the link, with and without names', () => {
    const matrix = matrixCases();
    for (let index = 0; index < matrix.length; index += 37) {
      const original = matrix[index];
      if (original === undefined) throw new Error(`no case ${index} in the matrix`);
      for (const includeNames of [true, false]) {
        const link = planLinkFor('https://example.com/wizard/', original.plan.input, {
          includeNames,
        });
        const decoded = decodePlanLink(link);
        expect(decoded.ok && decoded.problems).toEqual([]);
        const rebuilt = decoded.ok ? buildPlan(decoded.input) : null;
        expect(rebuilt?.ok).toBe(true);
        // The link keeps the resolved versions (5.3 is 5.3.13), so only the resolution notes differ.
        const resolvedPlan = {
          ...original.plan,
          warnings: original.plan.warnings.filter(
            (warning) =>
              !/ is [\d.]+, (its newest patch|the newest release) in the /.test(warning.message),
          ),
        };
        if (includeNames) expect(rebuilt?.ok && rebuilt.plan).toEqual(resolvedPlan);
        else
          expect(rebuilt?.ok && rebuilt.plan.phases.map((p) => p.id)).toEqual(
            original.plan.phases.map((p) => p.id),
          );
      }
    }
  });

  it('keeps the resolved versions: 5.3 and latest come back as 5.3.13 and 5.14.0', () => {
    const original = buildPlan({ ...input, gateway: { from: '5.3', to: 'latest' } });
    if (!original.ok) throw new Error(JSON.stringify(original.errors));
    const decoded = decodePlanLink(
      planLinkFor('https://example.com/wizard/', original.plan.input, { includeNames: false }),
    );
    expect(decoded.ok && decoded.input['gateway']).toEqual({ from: '5.3.13', to: '5.14.0' });
  });

  it('carries the names the user changed when asked to', () => {
    const original = buildPlan({ ...input, names: { namespace: 'tyk-prod', gatewayPort: 8443 } });
    if (!original.ok) throw new Error(JSON.stringify(original.errors));
    const withNames = decodePlanLink(
      planLinkFor('https://x/', original.plan.input, { includeNames: true }),
    );
    const without = decodePlanLink(
      planLinkFor('https://x/', original.plan.input, { includeNames: false }),
    );
    expect(withNames.ok && withNames.input['names']).toEqual({
      namespace: 'tyk-prod',
      gatewayPort: 8443,
    });
    expect(without.ok && without.input['names']).toBeUndefined();
  });
});
