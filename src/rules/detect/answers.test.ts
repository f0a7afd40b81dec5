// Detected answers are answers the plan accepts: completed with versions (and an installation
// type where the files cannot tell it), every set passes `validate`, and a plan built from them
// equals the plan built from the same answers typed.
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../build-plan';
import type { PlanInput } from '../types';
import { validate } from '../validate';
import { mergeDetectedAnswers } from './answers';
import { detectDeployment } from './detect';
import { dashboardApis } from './fixtures/apis';
import { ossStack, proStack } from './fixtures/compose';
import {
  dashboardConf,
  dataPlaneConf,
  gatewayConf,
  gatewayEnvOverride,
  hybridConf,
  mdcbConf,
  pumpConf,
} from './fixtures/configs';
import {
  composeImages,
  dataPlaneValues,
  dockerInspect,
  dockerPs,
  dpkgPackages,
  helmList,
  helmUserValues,
  kubectlDeployments,
  rpmPackages,
} from './fixtures/runtime';
import type { DetectedAnswers, InputFile } from './types';

const sets: readonly [string, readonly InputFile[]][] = [
  ['the Tyk compose stack', proStack],
  ['the open-source compose stack', ossStack],
  [
    'control-plane configs with env overrides',
    [
      { name: 'tyk.conf', text: gatewayConf },
      { name: 'tyk.env', text: gatewayEnvOverride },
      { name: 'tyk_analytics.conf', text: dashboardConf },
      { name: 'pump.conf', text: pumpConf },
      { name: 'tyk_sink.conf', text: mdcbConf },
    ],
  ],
  ['a data-plane tyk.conf', [{ name: 'tyk.conf', text: dataPlaneConf }]],
  ['a Hybrid tyk.conf', [{ name: 'tyk.conf', text: hybridConf }]],
  ['docker inspect', [{ name: 'inspect.json', text: dockerInspect }]],
  ['docker ps', [{ name: 'ps.txt', text: dockerPs }]],
  ['docker compose images', [{ name: 'images.json', text: composeImages }]],
  ['kubectl get deploy', [{ name: 'deploy.json', text: kubectlDeployments }]],
  [
    'helm list and values',
    [
      { name: 'helm.json', text: helmList },
      { name: 'values.yaml', text: helmUserValues },
      { name: 'dp-values.yaml', text: dataPlaneValues },
    ],
  ],
  ['rpm packages', [{ name: 'rpm.txt', text: rpmPackages }]],
  [
    'deb packages with MDCB',
    [
      { name: 'dpkg.txt', text: dpkgPackages },
      { name: 'tyk_sink.conf', text: mdcbConf },
    ],
  ],
  [
    'a compose stack with its API definitions',
    [...proStack, { name: 'apis.json', text: dashboardApis }],
  ],
];

function answersOf(files: readonly InputFile[]): DetectedAnswers {
  const result = detectDeployment(files);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.answers;
}

/** The answers plus what a user adds on the versions page, and an installation where none showed. */
function completed(answers: DetectedAnswers): Record<string, unknown> {
  return mergeDetectedAnswers(answers, {
    ...(answers.install === undefined ? { install: 'deb' } : {}),
    gateway: { from: answers.gateway?.from ?? '5.3.0', to: '5.14.0' },
  });
}

describe('detected answers', () => {
  it.each(sets)('from %s pass validate once completed with versions', (_name, files) => {
    const answers = answersOf(files);
    expect(answers.model).toBeDefined();
    const result = validate(completed(answers));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('make the same plan as the same answers typed', () => {
    const typed: PlanInput = {
      model: 'self-managed',
      install: 'docker-compose',
      components: ['gateway', 'dashboard', 'pump'],
      usesGoPlugins: false,
      database: 'postgres',
      gateway: { from: '5.8.0', to: '5.14.0' },
      pump: { from: '1.11.0' },
      strategy: 'rolling',
      // The repositories the compose file runs, which the plan keeps (issue 9).
      images: {
        gateway: 'tykio/tyk-gateway',
        dashboard: 'tykio/tyk-dashboard',
        pump: 'tykio/tyk-pump-docker-pub',
      },
      names: {
        gatewayName: 'tyk-gateway',
        dashboardName: 'tyk-dashboard',
        pumpName: 'tyk-pump',
        gatewayPort: 8080,
        dashboardPort: 3000,
        redisHost: 'tyk-redis',
        redisPort: 6379,
        databaseHost: 'tyk-postgres',
        databaseName: 'tyk_analytics',
      },
    };
    const fromFiles = buildPlan(
      mergeDetectedAnswers(answersOf(proStack), { gateway: { to: '5.14.0' } }),
    );
    expect(fromFiles.ok).toBe(true);
    expect(fromFiles).toEqual(buildPlan(typed));
  });
});

describe('mergeDetectedAnswers', () => {
  const answers: DetectedAnswers = {
    model: 'self-managed',
    gateway: { from: '5.8.0' },
    names: { redisHost: 'tyk-redis', gatewayPort: 8080 },
    components: ['gateway', 'dashboard', 'pump'],
  };

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['keeps what nothing overrides', {}, answers],
    [
      'lets a typed field win, key by key inside objects',
      { gateway: { to: '5.14.0' }, names: { redisHost: 'redis.internal' } },
      {
        ...answers,
        gateway: { from: '5.8.0', to: '5.14.0' },
        names: { redisHost: 'redis.internal', gatewayPort: 8080 },
      },
    ],
    [
      'replaces lists whole',
      { components: ['gateway', 'dashboard'] },
      { ...answers, components: ['gateway', 'dashboard'] },
    ],
    [
      'takes a typed model over the detected one',
      { model: 'self-managed-mdcb' },
      { ...answers, model: 'self-managed-mdcb' },
    ],
  ])('%s', (_name, typed, expected) => {
    expect(mergeDetectedAnswers(answers, typed)).toEqual(expected);
  });

  it('never changes the detected answers it is given', () => {
    const before = JSON.stringify(answers);
    mergeDetectedAnswers(answers, { names: { redisHost: 'x' } });
    expect(JSON.stringify(answers)).toBe(before);
  });
});
