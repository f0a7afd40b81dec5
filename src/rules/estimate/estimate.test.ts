import { describe, expect, it } from 'vitest';
import { buildPlan } from '../build-plan';
import type { Plan, PlanInput } from '../types';
import { estimatePlan } from './estimate';
import type { ChangeEstimate, EstimateAnswers, PointOfNoReturnReason } from './types';

function planOf(input: PlanInput): Plan {
  const result = buildPlan(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

/** The README's example: `--model self-managed-mdcb --install helm --from 5.0.0 --to 5.3.0 --mdcb-from 2.4.0 --data-planes eu-west,us-east`. */
const readmeInput: PlanInput = {
  model: 'self-managed-mdcb',
  install: 'helm',
  components: ['gateway', 'dashboard', 'mdcb'],
  usesGoPlugins: false,
  dataPlanes: [{ name: 'eu-west' }, { name: 'us-east' }],
  gateway: { from: '5.0.0', to: '5.3.0' },
  mdcb: { from: '2.4.0' },
  strategy: 'rolling',
};

type Expected = {
  readonly total: number;
  readonly ahead: number;
  readonly pointOfNoReturn: readonly [string, number, PointOfNoReturnReason];
  /** The worst point's step, its minute, and the rollback's length. */
  readonly rollback: readonly [string, number, number];
  /** Every phase of the change: id, start and length. */
  readonly phases: readonly (readonly [string, number, number])[];
};

const phasesOfChange = (estimate: ChangeEstimate) =>
  estimate.phases
    .filter((phase) => phase.timing === 'change')
    .map((phase) => [phase.phaseId, phase.startMinute, phase.minutes] as const);

// Each row worked out by hand from the catalogue; the comments carry the sums.
const handChecked: readonly (readonly [string, PlanInput, EstimateAnswers, Expected])[] = [
  [
    'the README example: MDCB on Helm, two data planes, rolling, every default',
    readmeInput,
    {},
    {
      // prepare (3 + 2×2) + 2 + 5 + 2 planes × (3 + 5) = 30; each variable is asked for by the
      // step that first reads it, so no step of its own sets them (issue 16)
      // backup 1 + 3 sites × (2 + 2) + (5 + 3) + 3 sites' Redis × 3 + 5 + (10 + 4) = 49
      // control plane: MDCB 5 + 2×3 = 11, Dashboard 5 + 3 + 2×3 + 2×2 = 18, Gateway 11
      // data planes 11 each; verify (3 + 2) + (5 + 4) + 5 + 3 = 22
      total: 163,
      ahead: 55, // prerequisites 15, release notes 30, announcement 10
      pointOfNoReturn: ['upgrade-dashboard', 108, 'one-way-migration'],
      // Undo three Gateways (2 + 2×3 each), the Dashboard (2 + 2×3 + 2×2) and MDCB (8): 44;
      // then 2 + database (5 + 5) + 3 sites' Redis × 5 + APIs 10 = 37.
      rollback: ['rolling-rebalance', 163, 81],
      phases: [
        ['prepare', 0, 30],
        ['backup', 30, 49],
        ['control-plane', 79, 40],
        ['data-plane-eu-west', 119, 11],
        ['data-plane-us-east', 130, 11],
        ['verify', 141, 22],
      ],
    },
  ],
  [
    'open source on Debian packages, a patch release, rolling',
    {
      model: 'oss',
      install: 'deb',
      components: ['gateway'],
      usesGoPlugins: false,
      gateway: { from: '5.13.0', to: '5.13.1' },
      strategy: 'rolling',
    },
    {},
    {
      // prepare 3; backup 1 + 2 + 3 + 5 + 10 (no database);
      // Gateway 2 + 2 × (5 + 2 for the load balancer); verify 3 + 5 + 3
      total: 51,
      ahead: 75, // 15 + 5 + 15 + 30 + 10
      pointOfNoReturn: ['upgrade-gateway', 40, 'first-upgrade'],
      // Gateway 1 + 2 × (4 + 2) = 13; 2 + Redis 5 + APIs 10
      rollback: ['rolling-rebalance', 51, 30],
      phases: [
        ['prepare', 0, 3],
        ['backup', 3, 21],
        ['upgrade', 24, 16],
        ['verify', 40, 11],
      ],
    },
  ],
  [
    'Self-Managed on Docker across 5.3.0 with Pump, a 60-minute downtime window',
    {
      model: 'self-managed',
      install: 'docker',
      components: ['gateway', 'dashboard', 'pump'],
      usesGoPlugins: false,
      database: 'postgres',
      gateway: { from: '5.2.5', to: '5.3.0' },
      pump: { from: '1.8.0' },
      strategy: 'downtime',
      downtimeMinutes: 60,
    },
    {},
    {
      // prepare 3; rehearsal backups 1 + 3×2 + (5 + 3) + 3 + 5 + (10 + 4) = 37, then stop traffic 3
      // and the final backups 5 + 3 (1 GB) = 8, all in the backup phase: 48
      // Dashboard 3 + (2 + 2 + 1 + 2) = 10, Gateway 5, Pump 5; verify 3 + 5 + 5 + 5 + reopen 3
      total: 92,
      ahead: 55,
      pointOfNoReturn: ['upgrade-dashboard', 61, 'one-way-migration'],
      // From the last check before reopening: Pump 3, Gateway 3, Dashboard 3 + 2;
      // then 2 + database (5 + 5) + Redis 5 + APIs 10
      rollback: ['verify-analytics', 89, 38],
      phases: [
        ['prepare', 0, 3],
        ['backup', 3, 48],
        ['upgrade', 51, 20],
        ['verify', 71, 21],
      ],
    },
  ],
  [
    'Tyk Cloud with Go plugins, blue-green: console upgrades, no switch to make',
    {
      model: 'cloud',
      components: ['gateway', 'dashboard'],
      usesGoPlugins: true,
      gateway: { from: '5.2.5', to: '5.3.0' },
      strategy: 'blue-green',
    },
    { instances: { gateway: 9 }, databaseGb: 50 },
    {
      // The console redeploys whatever the instance count, and Cloud has no database to copy.
      // prepare 3; backup 1 + 5 + 10; plugins 10 + 15 + 3 + 3 + 5; control plane 15;
      // Cloud data planes 5 + 10; verify 3 + 5 + 10
      total: 103,
      ahead: 70, // 15 + 15 + 30 + 10
      pointOfNoReturn: ['upgrade-control-plane', 70, 'one-way-migration'],
      // Undo 10 + 5 + 15, then 2 + APIs 10
      rollback: ['verify-go-plugins', 103, 42],
      phases: [
        ['prepare', 0, 3],
        ['backup', 3, 16],
        ['go-plugins', 19, 36],
        ['control-plane', 55, 15],
        ['data-plane-cloud', 70, 15],
        ['verify', 85, 18],
      ],
    },
  ],
  [
    'Self-Managed on Kubernetes, blue-green, three Gateways and a 10 GB database',
    {
      model: 'self-managed',
      install: 'kubernetes',
      components: ['gateway', 'dashboard'],
      usesGoPlugins: false,
      gateway: { from: '5.8.0', to: '5.14.0' },
      strategy: 'blue-green',
    },
    { instances: { gateway: 3 }, databaseGb: 10 },
    {
      // prepare 3 + idle copy (60 + 10×2) + green's database copy 5; backup 1 + 2 + (5 + 30) + 3 + 5 + (10 + 40)
      // Dashboard 2 + (3 + 2), Gateway 2 + 3×3; verify 3 + 5 + 5 + switch 5
      total: 220,
      ahead: 55,
      pointOfNoReturn: ['blue-green-switch-traffic', 220, 'traffic-switch'],
      rollback: ['blue-green-switch-traffic', 220, 10],
      phases: [
        ['prepare', 0, 88],
        ['backup', 88, 96],
        ['upgrade', 184, 18],
        ['verify', 202, 18],
      ],
    },
  ],
];

describe('estimatePlan: hand-checked plans', () => {
  it.each(handChecked)('%s', (_, input, answers, expected) => {
    const estimate = estimatePlan(planOf(input), answers);

    expect(estimate.totalMinutes).toBe(expected.total);
    expect(estimate.aheadMinutes).toBe(expected.ahead);
    const point = estimate.pointOfNoReturn;
    expect(point === null ? null : [point.stepId, point.atMinute, point.reason]).toEqual(
      expected.pointOfNoReturn,
    );
    const { rollback } = estimate;
    expect([rollback.fromStepId, rollback.fromMinute, rollback.minutes]).toEqual(expected.rollback);
    expect(phasesOfChange(estimate)).toEqual(expected.phases);
  });

  it('times every step of a small plan, with how each figure is made up', () => {
    const [, input, answers] = handChecked[1] ?? [];
    if (input === undefined) throw new Error('the row exists');
    const steps = estimatePlan(planOf(input), answers).steps.map((step) => [
      step.stepId,
      step.timing,
      step.startMinute,
      step.minutes,
      step.basis,
    ]);

    expect(steps).toEqual([
      ['record-current-versions', 'change', 0, 3, 'record the versions 3 min'],
      ['strategy-prerequisites', 'ahead', null, 15, 'check the prerequisites 15 min'],
      ['linux-target-available', 'ahead', null, 5, 'check the repositories 5 min'],
      ['linux-local-packages', 'ahead', null, 15, 'fetch the packages 15 min'],
      ['read-release-notes', 'ahead', null, 30, 'read the release notes 30 min'],
      ['announce-upgrade', 'ahead', null, 10, 'send the announcement 10 min'],
      ['backup-folder', 'change', 3, 1, 'create the folder 1 min'],
      ['backup-gateway-config', 'change', 4, 2, 'copy the config 2 min'],
      ['backup-redis', 'change', 6, 3, 'save and copy the snapshot 3 min'],
      ['backup-apis-policies', 'change', 9, 5, 'export 5 min'],
      ['backup-test-restore', 'change', 14, 10, 'prepare the test restore 10 min'],
      [
        'upgrade-gateway',
        'change',
        24,
        16,
        'refresh the repository 2 min + package install, restart and check 2 instances × 5 min + out of the load balancer and back 2 instances × 2 min',
      ],
      ['verify-versions', 'change', 40, 3, 'check the versions 3 min'],
      ['verify-api-calls', 'change', 43, 5, 'call the APIs 5 min'],
      ['rolling-rebalance', 'change', 48, 3, 'check the load balancer 3 min'],
      ['rollback-order', 'contingency', null, 0, 'no work of its own'],
      ['rollback-one-way-changes', 'contingency', null, 2, 'decide what needs the backups 2 min'],
      ['rollback-restore-redis', 'contingency', null, 5, 'restore Redis 5 min'],
      ['rollback-restore-apis-policies', 'contingency', null, 10, 'import 10 min'],
      ['after-monitor', 'after', null, 30, 'look at the dashboards 30 min'],
      ['after-update-records', 'after', null, 15, 'update the records 15 min'],
      ['after-keep-backups', 'after', null, 2, 'check the backups 2 min'],
      ['announce-complete', 'after', null, 5, 'send the message 5 min'],
    ]);
  });

  it('shows what is out of service when, per strategy', () => {
    const gapsOf = (index: number) => {
      const [, input, answers] = handChecked[index] ?? [];
      if (input === undefined) throw new Error('the row exists');
      return estimatePlan(planOf(input), answers).serviceGaps.map((gap) => [
        gap.row,
        gap.label,
        gap.startMinute,
        gap.minutes,
      ]);
    };

    expect(gapsOf(0).slice(0, 3)).toEqual([
      ['instances', 'MDCB instance 1 of 2 on the control plane', 84, 3],
      ['instances', 'MDCB instance 2 of 2 on the control plane', 87, 3],
      ['instances', 'Dashboard instance 1 of 2 on the control plane', 98, 5],
    ]);
    expect(gapsOf(0).slice(-1)).toEqual([
      ['instances', 'Gateway instance 2 of 2 on data plane us-east', 138, 3],
    ]);
    expect(gapsOf(1)).toEqual([
      ['instances', 'Gateway instance 1 of 2', 26, 7],
      ['instances', 'Gateway instance 2 of 2', 33, 7],
    ]);
    expect(gapsOf(2)).toEqual([['outage', 'Every API unavailable', 40, 52]]);
    expect(gapsOf(3)).toEqual([]);
    expect(gapsOf(4)).toEqual([
      ['upgraded-side', 'Upgraded side: not live until the switch', 3, 212],
      [
        'cut-over',
        'Cut-over: traffic moves to the upgraded side; the old side stays ready to switch back',
        215,
        5,
      ],
    ]);
  });

  it('lists the figures it assumed, and which are defaults', () => {
    const assumed = (input: PlanInput, answers: EstimateAnswers) =>
      estimatePlan(planOf(input), answers).assumptions.map((entry) => [
        entry.label,
        entry.value,
        entry.unit,
        entry.isDefault,
      ]);

    expect(assumed(readmeInput, { instances: { gateway: 4 } })).toEqual([
      ['Gateway instances on each site', 4, 'instances', false],
      ['Dashboard instances', 2, 'instances', true],
      ['MDCB instances', 2, 'instances', true],
      ['Dashboard database size', 1, 'GB', true],
    ]);
    const [, cloud] = handChecked[3] ?? [];
    if (cloud === undefined) throw new Error('the row exists');
    expect(assumed(cloud, { instances: { gateway: 9 } })).toEqual([]);
    expect(assumed({ ...readmeInput, strategy: 'downtime' }, { databaseGb: 0 })).toEqual([
      ['Gateway instances on each site', 1, 'instance', true],
      ['Dashboard instances', 1, 'instance', true],
      ['MDCB instances', 1, 'instance', true],
      ['Dashboard database size', 0, 'GB', false],
    ]);
  });

  it('explains the point of no return in the plan’s words', () => {
    const [, oss] = handChecked[1] ?? [];
    if (oss === undefined) throw new Error('the row exists');
    expect(estimatePlan(planOf(oss)).pointOfNoReturn?.explanation).toBe(
      'No release on this path is known to make a change a downgrade cannot undo, but from “Upgrade the Gateway to 5.13.1” on a new version may write data (database, Redis) the old one cannot read, so the way back may need the backups.',
    );
    expect(
      estimatePlan(planOf({ ...readmeInput, gateway: { from: '5.2.5', to: '5.3.0' } }))
        .pointOfNoReturn?.explanation,
    ).toBe(
      'The 5.3.0 Dashboard migrates Tyk OAS API definitions to a format older versions cannot read. After “Upgrade the Dashboard on the control plane to 5.3.0” the way back needs the backups taken before it.',
    );
  });

  it('never throws on answers that are out of range, and uses the defaults instead', () => {
    const plan = planOf(readmeInput);
    const odd = [
      { instances: { gateway: -1, dashboard: 0.5, mdcb: Number.NaN } },
      { instances: { gateway: 1e9 } },
      { databaseGb: -3 },
      { databaseGb: Number.POSITIVE_INFINITY },
    ] as const satisfies readonly EstimateAnswers[];
    for (const answers of odd) expect(estimatePlan(plan, answers).totalMinutes).toBe(163);
  });

  it('times a data plane by its installation whatever its name, even one named like a console step', () => {
    const named = (name: string) =>
      estimatePlan(planOf({ ...readmeInput, dataPlanes: [{ name }, { name: 'us-east' }] }));
    expect(named('cloud').totalMinutes).toBe(163);
    expect(named('backup').totalMinutes).toBe(163);
    expect(named('cloud').steps.find((step) => step.stepId === 'cloud-upgrade-gateway')).toEqual(
      expect.objectContaining({
        minutes: 11,
        basis: 'Helm upgrade 5 min + image pull and pod ready 2 instances × 3 min',
      }),
    );
  });

  it('gives the same estimate for the same plan and answers', () => {
    const plan = planOf(readmeInput);
    expect(estimatePlan(plan, { databaseGb: 3 })).toEqual(estimatePlan(plan, { databaseGb: 3 }));
  });
});
