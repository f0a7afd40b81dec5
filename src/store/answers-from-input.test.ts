import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildPlan,
  decodePlanLink,
  planLinkFor,
  answersFromInput,
  defaultAnswers,
  draftDataPlane,
  toPlanInput,
  describeInput,
  inputMatrix,
  type DraftAnswers,
} from '@/rules';
import { useWizardStore } from '@/store/wizard-store';

// Over the input matrix; the limit leaves room for a busy two-core machine.
const busyMachineTimeoutMs = 60_000;

const t1 = '2026-09-01T10:00:00.000Z';

function decoded(link: string): Record<string, unknown> {
  const result = decodePlanLink(link);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.input;
}

describe('answersFromInput', () => {
  it.each<[string, Record<string, unknown>, Partial<DraftAnswers>]>([
    [
      'keeps every answer of a full input, strings as typed',
      {
        model: 'self-managed-mdcb',
        install: 'helm',
        components: ['mdcb', 'gateway', 'dashboard'],
        usesGoPlugins: true,
        database: 'postgres',
        dataPlanes: [{ name: 'eu-west', namespace: 'edge-eu' }, { name: 'us-east' }],
        gateway: { from: 'v5.0.0 ', to: '5.3.0' },
        mdcb: { from: '2.4.0', to: '' },
        strategy: 'downtime',
        downtimeMinutes: 90,
        names: { namespace: 'tyk-prod', gatewayPort: 8443 },
      },
      {
        model: 'self-managed-mdcb',
        install: 'helm',
        components: ['gateway', 'dashboard', 'mdcb'],
        usesGoPlugins: true,
        database: 'postgres',
        dataPlanes: [
          draftDataPlane('eu-west', { namespace: 'edge-eu' }),
          draftDataPlane('us-east'),
        ],
        gateway: { from: 'v5.0.0 ', to: '5.3.0' },
        pump: { from: '', to: '' },
        mdcb: { from: '2.4.0', to: '' },
        strategy: 'downtime',
        downtimeMinutes: '90',
        names: { namespace: 'tyk-prod', gatewayPort: '8443' },
      },
    ],
    [
      'falls back to the defaults for unknown and malformed values',
      {
        model: 'mainframe',
        install: 'ansible',
        components: 'everything',
        usesGoPlugins: 'yes',
        database: 'oracle',
        gateway: ['5.0.0'],
        strategy: 'yolo',
        downtimeMinutes: { minutes: 5 },
        names: ['tyk'],
      },
      {
        model: defaultAnswers.model,
        install: defaultAnswers.install,
        components: ['gateway', 'dashboard', 'pump'],
        usesGoPlugins: false,
        database: defaultAnswers.database,
        gateway: { from: '', to: '' },
        strategy: defaultAnswers.strategy,
        downtimeMinutes: '',
        names: {},
      },
    ],
    [
      'adds the required components and drops those the model lacks',
      { model: 'oss', install: 'docker', components: ['mdcb', 'dashboard'] },
      { model: 'oss', components: ['gateway'] },
    ],
    [
      'has no installation for Tyk Cloud',
      { model: 'cloud', install: 'helm', components: ['gateway', 'dashboard'] },
      { model: 'cloud', install: null },
    ],
    [
      'gives a model with data planes its default plane when the input has none',
      { model: 'cloud-hybrid', components: ['gateway'] },
      { dataPlanes: [draftDataPlane('data-plane-1')] },
    ],
    [
      'keeps only known names that are text or numbers',
      { model: 'self-managed', names: { colour: 'red', gatewayHost: 'gw', redisPort: [6379] } },
      { names: { gatewayHost: 'gw' } },
    ],
    [
      'keeps a value with markup as plain text',
      { model: 'self-managed', gateway: { from: '<b>5</b>', to: '' } },
      { gateway: { from: '<b>5</b>', to: '' } },
    ],
  ])('%s', (_name, input, expected) => {
    expect(answersFromInput(input)).toMatchObject(expected);
  });

  it('never shares arrays with the defaults or the input', () => {
    const input = { model: 'self-managed', components: ['gateway', 'dashboard'] };
    const answers = answersFromInput(input);
    answers.components.push('pump');
    expect(input.components).toEqual(['gateway', 'dashboard']);
    expect(answersFromInput({}).components).not.toBe(defaultAnswers.components);
  });

  it(
    'rebuilds exactly the plan a link was made from, names included',
    () => {
      const matrix = inputMatrix();
      let checked = 0;
      for (let index = 0; index < matrix.length; index += 29) {
        const input = matrix[index];
        if (input === undefined) continue;
        const direct = buildPlan(input);
        // The plan as the wizard holds it: names and data-plane fields the deployment never uses are
        // not answers there, so they leave the input but change no step.
        const drafted = buildPlan(toPlanInput(answersFromInput(input)));
        if (!direct.ok || !drafted.ok) throw new Error(`${describeInput(input)} makes no plan`);
        expect({ ...drafted.plan, input: null }, describeInput(input)).toEqual({
          ...direct.plan,
          input: null,
        });

        const link = planLinkFor('https://example.com/', drafted.plan.input, {
          includeNames: true,
        });
        const rebuilt = buildPlan(toPlanInput(answersFromInput(decoded(link))));
        // The link keeps the resolved versions (5.3 is 5.3.13), so only the resolution notes differ.
        const resolved = {
          ...drafted.plan,
          warnings: drafted.plan.warnings.filter(
            (warning) =>
              !/ is [\d.]+, (its newest patch|the newest release) in the /.test(warning.message),
          ),
        };
        expect(rebuilt.ok && rebuilt.plan, describeInput(input)).toEqual(resolved);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(50);
    },
    busyMachineTimeoutMs,
  );
});

describe('importPlan', () => {
  beforeEach(() => {
    useWizardStore.setState({ plans: {}, order: [], activePlanId: null, notice: null });
  });

  it('adds a plan next to the others, opens it and leaves the others alone', () => {
    const store = useWizardStore.getState;
    const own = store().createPlan(defaultAnswers, t1);
    const before = structuredClone(store().plans[own]);
    const answers = { ...defaultAnswers, install: 'deb' as const };
    const id = store().importPlan(answers, 'Shared plan: Tyk on Debian', t1);
    expect(id).not.toBe(own);
    expect(store().activePlanId).toBe(id);
    expect(store().order).toEqual([id, own]);
    expect(store().plans[own]).toEqual(before);
    expect(store().plans[id]).toMatchObject({
      name: 'Shared plan: Tyk on Debian',
      answers,
      progress: {},
      createdAt: t1,
    });
  });

  it('numbers a name that is taken', () => {
    const store = useWizardStore.getState;
    const names = [1, 2, 3].map((n) => {
      const id = store().importPlan(defaultAnswers, 'Shared plan', `2026-09-0${n}T10:00:00.000Z`);
      return store().plans[id]?.name;
    });
    expect(names).toEqual(['Shared plan', 'Shared plan (2)', 'Shared plan (3)']);
  });
});
