import { checkDraft, stepOfField, defaultAnswers, type DraftAnswers } from './index';
import { describe, expect, it } from 'vitest';

const complete: DraftAnswers = {
  ...defaultAnswers,
  gateway: { from: '5.3.0', to: '5.8.2' },
  pump: { from: '1.8.0', to: '' },
};

describe('stepOfField', () => {
  it.each([
    ['model', 'deployment'],
    ['components', 'deployment'],
    ['dataPlanes', 'deployment'],
    ['dataPlanes[0].name', 'deployment'],
    ['dataPlanes[2].namespace', 'names'],
    ['dataPlanes[0].gatewayHost', 'names'],
    ['gateway.from', 'versions'],
    ['pump.to', 'versions'],
    ['mdcb', 'versions'],
    ['downtimeMinutes', 'preparation'],
    ['strategy', 'preparation'],
    ['names.namespace', 'names'],
    ['input', 'deployment'],
  ])('puts %s on the %s step', (field, step) => {
    expect(stepOfField(field)).toBe(step);
  });
});

describe('checkDraft', () => {
  it('opens the steps up to the first that needs an answer', () => {
    expect(checkDraft(defaultAnswers).reachable).toEqual(['deployment', 'versions']);
    expect(checkDraft(complete).reachable).toEqual([
      'deployment',
      'versions',
      'preparation',
      'backups',
      'names',
      'plan',
    ]);
    const badName = { ...complete, names: { composeDir: 'a;b' } };
    expect(checkDraft(badName).reachable.at(-1)).toBe('names');
  });

  it('checks the deployment and versions early, whatever the names and the window', () => {
    const draft = {
      ...complete,
      names: { composeDir: 'a;b' },
      strategy: 'downtime' as const,
      downtimeMinutes: 'x',
    };
    const check = checkDraft(draft);
    expect(check.result.ok).toBe(false);
    expect(check.earlyInput?.gateway).toEqual({
      from: '5.3.0',
      to: '5.8.2',
      isDefaultTarget: false,
    });
    expect(checkDraft(defaultAnswers).earlyInput).toBeNull();
  });
});
