import { describe, expect, it } from 'vitest';
import { defaultAnswers, fitAnswersToModel } from './answers';
import { deploymentPlanName, distinctPlanName, maxDeploymentNameLength } from './plan-name';
import type { DraftAnswers } from './types';

const moving: Partial<DraftAnswers> = { gateway: { from: '5.3.0', to: '5.8.2' } };

describe('deploymentPlanName', () => {
  it.each<[string, Partial<DraftAnswers>, string]>([
    ['a new plan', {}, 'Docker Compose'],
    ['the Gateway move', moving, 'Docker Compose · Gateway 5.3.0 → 5.8.2'],
    [
      'versions as typed, trimmed',
      { gateway: { from: ' v5.3.0 ', to: '5.8 ' } },
      'Docker Compose · Gateway v5.3.0 → 5.8',
    ],
    ['no target yet', { gateway: { from: '5.3.0', to: '' } }, 'Docker Compose · Gateway 5.3.0 → …'],
    ['only a target', { gateway: { from: '', to: '5.8.2' } }, 'Docker Compose'],
    ['Helm', { ...moving, install: 'helm' }, 'Helm · Gateway 5.3.0 → 5.8.2'],
    [
      'the Helm release',
      { ...moving, install: 'helm', names: { helmRelease: 'tyk-prod', namespace: 'tyk' } },
      'tyk-prod · Helm · Gateway 5.3.0 → 5.8.2',
    ],
    [
      'the namespace when no release is given',
      { ...moving, install: 'helm', names: { helmRelease: '  ', namespace: 'payments' } },
      'payments · Helm · Gateway 5.3.0 → 5.8.2',
    ],
    [
      'the namespace of manifests',
      { ...moving, install: 'kubernetes', names: { namespace: 'edge' } },
      'edge · Kubernetes manifests · Gateway 5.3.0 → 5.8.2',
    ],
    [
      'names the installation does not use',
      { ...moving, install: 'deb', names: { helmRelease: 'tyk-prod', namespace: 'edge' } },
      'Debian / Ubuntu packages · Gateway 5.3.0 → 5.8.2',
    ],
    [
      'a long release, cut',
      { ...moving, install: 'helm', names: { helmRelease: 'tyk-production-eu-west-1-blue' } },
      'tyk-production-eu-west… · Helm · Gateway 5.3.0 → 5.8.2',
    ],
    [
      'a companion-only plan',
      { gateway: { from: '5.8.2', to: '5.8.2' }, pump: { from: '1.8.0', to: '1.12.0' } },
      'Docker Compose · Pump 1.8.0 → 1.12.0',
    ],
    [
      'a Gateway that stays, companions to their defaults',
      { gateway: { from: '5.8.2', to: '5.8.2' }, pump: { from: '1.8.0', to: '' } },
      'Docker Compose · Gateway 5.8.2',
    ],
    [
      'a companion the plan does not have',
      {
        components: ['dashboard', 'gateway'],
        gateway: { from: '5.8.2', to: '5.8.2' },
        pump: { from: '1.8.0', to: '1.12.0' },
      },
      'Docker Compose · Gateway 5.8.2',
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(deploymentPlanName({ ...defaultAnswers, ...overrides })).toBe(expected);
  });

  it('names a model Tyk runs instead of an installation', () => {
    const cloud = fitAnswersToModel({ ...defaultAnswers, ...moving }, 'cloud');
    expect(deploymentPlanName(cloud)).toBe('Tyk Cloud · Gateway 5.3.0 → 5.8.2');
    const hybrid = { ...fitAnswersToModel(cloud, 'cloud-hybrid'), install: 'helm' as const };
    expect(deploymentPlanName(hybrid)).toBe('Helm · Gateway 5.3.0 → 5.8.2');
  });

  it('keeps a name of long versions within its length', () => {
    const name = deploymentPlanName({
      ...defaultAnswers,
      install: 'helm',
      names: { helmRelease: 'tyk-production-eu-west-1-blue' },
      gateway: { from: '5.3.0-rc.1+build.20260901', to: '5.8.2-rc.4+build.20261201' },
    });
    expect(name).toBe('tyk-production-eu-west… · Helm · Gateway 5.3.0-rc.1+build.2…');
    expect(name).toHaveLength(maxDeploymentNameLength);
  });
});

describe('distinctPlanName', () => {
  it.each<[string, string[], string | null, string]>([
    ['A', [], null, 'A'],
    ['A', ['B'], null, 'A'],
    ['A', ['A'], null, 'A (2)'],
    ['A', ['A', 'A (2)', 'A (4)'], null, 'A (3)'],
    ['A', ['A'], 'A (2)', 'A (2)'],
    ['A', [], 'A (3)', 'A (3)'],
    ['A', ['A'], 'A', 'A (2)'],
    ['A', ['A', 'A (2)'], 'A (2)', 'A (3)'],
    ['A', ['A'], 'B', 'A (2)'],
    ['A', [], 'A (1)', 'A'],
    ['A', [], 'A (02)', 'A'],
    ['A', [], 'A (copy)', 'A'],
    ['A', ['A'], 'A (12)', 'A (12)'],
  ])('%j among %j, now %j: %j', (name, taken, current, expected) => {
    expect(distinctPlanName(name, taken, current)).toBe(expected);
  });
});
