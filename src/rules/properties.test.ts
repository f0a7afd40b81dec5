// Properties over arbitrary input: whatever arrives (typed, stored, linked or from the CLI), the
// rules answer with a plan or with messages that name a field, and never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan';
import { models } from './catalog/models';
import { nameFields } from './catalog/name-fields';
import { gatewayReleases, mdcbReleases, pumpReleases } from './catalog/releases';
import { strategies } from './catalog/strategies';
import { defaultNames, isNameRelevant } from './names';
import { renderMarkdown, renderText } from './render';
import type {
  FieldMessage,
  NameId,
  PlanInput,
  PlanResult,
  Release,
  ValidationResult,
} from './types';
import { validate } from './validate';

// Builds a plan for each of its runs; the limit leaves room for a busy two-core machine.
const busyMachineTimeoutMs = 60_000;

const gateway = { from: '5.0.0', to: '5.3.0' };
const pump = { from: '1.9.0', to: '1.10.0' };

/** Valid answers for every model; together they make every name matter somewhere. */
const bases: readonly PlanInput[] = [
  {
    model: 'oss',
    install: 'docker',
    components: ['gateway', 'pump'],
    usesGoPlugins: true,
    gateway,
    pump,
    strategy: 'rolling',
  },
  {
    model: 'self-managed',
    install: 'docker-compose',
    components: ['gateway', 'dashboard', 'pump'],
    usesGoPlugins: true,
    database: 'mongodb',
    gateway,
    pump,
    strategy: 'downtime',
    downtimeMinutes: 90,
  },
  {
    model: 'self-managed',
    install: 'rpm',
    components: ['gateway', 'dashboard'],
    usesGoPlugins: false,
    database: 'postgres',
    gateway,
    strategy: 'blue-green',
  },
  {
    model: 'self-managed-mdcb',
    install: 'helm',
    components: ['gateway', 'dashboard', 'pump', 'mdcb'],
    usesGoPlugins: true,
    database: 'postgres',
    dataPlanes: [{ name: 'eu-west' }, { name: 'us-east' }],
    gateway,
    pump,
    mdcb: { from: '2.4.0', to: '2.5.0' },
    strategy: 'rolling',
  },
  {
    model: 'self-managed-mdcb',
    install: 'deb',
    components: ['gateway', 'dashboard', 'mdcb'],
    usesGoPlugins: false,
    database: 'mongodb',
    gateway,
    mdcb: { from: '2.4.0' },
    strategy: 'rolling',
  },
  {
    model: 'cloud-hybrid',
    install: 'kubernetes',
    components: ['gateway', 'pump'],
    usesGoPlugins: true,
    dataPlanes: [{ name: 'edge' }],
    gateway,
    pump,
    strategy: 'rolling',
  },
  {
    model: 'cloud',
    components: ['dashboard', 'gateway'],
    usesGoPlugins: true,
    gateway,
    strategy: 'rolling',
  },
];

const inputFields = [
  'model',
  'install',
  'components',
  'usesGoPlugins',
  'database',
  'dataPlanes',
  'gateway',
  'pump',
  'mdcb',
  'strategy',
  'downtimeMinutes',
  'names',
] as const;

const nameIds: readonly NameId[] = nameFields.map((field) => field.id);

/** Any value JSON can carry, or a plain string of any code units: what a store or a link holds. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(undefined, null, '', ' ', 0, -1, Number.NaN, Infinity, true, [], {}),
);

/** Values no JSON carries, which only a caller in code could pass. */
const exoticValue = fc.anything({
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withSparseArray: true,
  withBoxedValues: true,
  withTypedArray: true,
});

function expectMessages(messages: readonly FieldMessage[]): void {
  for (const message of messages) {
    expect(typeof message.field).toBe('string');
    expect(message.field.trim()).not.toBe('');
    expect(typeof message.message).toBe('string');
    expect(message.message.trim()).not.toBe('');
  }
}

function expectValidation(result: ValidationResult): void {
  if (result.ok) {
    expect(result.input).toBeTypeOf('object');
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    expectMessages(result.errors);
  }
  expectMessages(result.warnings);
}

function expectPlanResult(result: PlanResult): void {
  if (result.ok) {
    expect(result.plan.phases.length).toBeGreaterThan(0);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    expectMessages(result.errors);
  }
}

/** Both functions, on the same input: neither may throw, both answer in the documented shape. */
function checkBoth(input: unknown): void {
  expectValidation(validate(input));
  expectPlanResult(buildPlan(input));
}

const quick = { numRuns: 150 };

describe('arbitrary input never throws', () => {
  it('holds for wholly arbitrary values', () => {
    fc.assert(fc.property(anyValue, checkBoth), { numRuns: 300 });
  });

  it('holds for values no JSON can carry (BigInt, Map, Date, null prototypes) in any field', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.constantFrom(...inputFields),
        exoticValue,
        (base, key, value) => {
          checkBoth(value);
          checkBoth({ ...base, [key]: value });
        },
      ),
      quick,
    );
  });

  it('holds for arbitrary objects with the right keys', () => {
    const loose = fc.record(Object.fromEntries(inputFields.map((key) => [key, anyValue])), {
      requiredKeys: [],
    });
    fc.assert(fc.property(loose, checkBoth), quick);
  });

  it('holds for an arbitrary value in any one field of valid answers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.constantFrom(...inputFields),
        anyValue,
        (base, key, value) => {
          checkBoth({ ...base, [key]: value });
        },
      ),
      quick,
    );
  });

  it('holds for arbitrary strings as versions, names and data planes', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.record({ from: text, to: text }),
        fc.dictionary(fc.oneof(fc.constantFrom(...nameIds), fc.string()), fc.oneof(text, anyValue)),
        fc.array(
          fc.oneof(
            text,
            fc.record({ name: text, namespace: text, release: text, gatewayHost: text }),
            anyValue,
          ),
          {
            maxLength: 25,
          },
        ),
        (base, version, names, dataPlanes) => {
          checkBoth({ ...base, gateway: version, pump: version, mdcb: version, names });
          checkBoth({ ...base, dataPlanes });
        },
      ),
      quick,
    );
  });
});

describe('names that could run in a shell', () => {
  const validBases = bases.map((base) => {
    const result = validate(base);
    if (!result.ok)
      throw new Error(`base ${base.model} is invalid: ${JSON.stringify(result.errors)}`);
    return { base, input: result.input };
  });
  const pairs = validBases.flatMap(({ base, input }) =>
    nameFields.map((field) => ({ base, input, field, isRelevant: isNameRelevant(field, input) })),
  );
  const relevantPairs = pairs.filter((pair) => pair.isRelevant);
  const ignoredPairs = pairs.filter((pair) => !pair.isRelevant);

  const metacharacters = [';', '$(', '`', '|', '&', '\n', "'", '"', ' ', '>', '<', '\\'];
  const word = fc.stringMatching(/^[a-z0-9/._-]{0,8}[a-z0-9]$/);
  /** A value with a metacharacter inside it, where trimming cannot remove it. */
  const shellValue = fc.oneof(
    fc
      .tuple(word, fc.constantFrom(...metacharacters), word)
      .map(([before, metacharacter, after]) => `${before}${metacharacter}${after}`),
    fc
      .tuple(fc.string(), fc.constantFrom(...metacharacters), fc.string())
      .map((parts) => parts.join(''))
      .filter((value) => /[;$`|&\n'" <>\\]/.test(value.trim())),
  );

  it('the valid answers make every name matter somewhere', () => {
    const covered = new Set(relevantPairs.map((pair) => pair.field.id));
    expect(nameIds.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('are rejected with a message on names.<key> wherever a command uses them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...relevantPairs), shellValue, ({ base, field }, value) => {
        const answers = { ...base, names: { [field.id]: value } };
        for (const result of [validate(answers), buildPlan(answers)]) {
          expect(result.ok).toBe(false);
          if (result.ok) return;
          const error = result.errors.find((candidate) => candidate.field === `names.${field.id}`);
          expect(error?.message.trim()).toBeTruthy();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never reach a plan where no command uses them: the default stays', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ignoredPairs), shellValue, ({ base, input, field }, value) => {
        const result = validate({ ...base, names: { [field.id]: value } });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.input.names[field.id]).toBe(
          defaultNames(input.model, input.install)[field.id],
        );
      }),
      quick,
    );
  });
});

describe('versions as people type them', () => {
  const padding = fc.constantFrom('', ' ', '  ', '\t', ' \t ');
  const prefix = fc.constantFrom('', 'v', 'V');
  const typed = (version: string) =>
    fc
      .tuple(padding, prefix, padding)
      .map(([before, v, after]) => `${before}${v}${version}${after}`);

  it(
    'accepts a leading v and surrounding spaces and keeps the bare version',
    () => {
      const mdcbBase = bases.find((base) => base.model === 'self-managed-mdcb') as PlanInput;
      fc.assert(
        fc.property(
          typed(gateway.from),
          typed(gateway.to),
          typed(pump.from),
          typed('2.5.1'),
          (gatewayFrom, gatewayTo, pumpFrom, mdcbTo) => {
            const answers = {
              ...mdcbBase,
              gateway: { from: gatewayFrom, to: gatewayTo },
              pump: { from: pumpFrom, to: pump.to },
              mdcb: { from: '2.4.0', to: mdcbTo },
            };
            const result = validate(answers);
            expect(result.ok).toBe(true);
            if (!result.ok) return;
            expect(result.input.gateway).toEqual({ ...gateway, isDefaultTarget: false });
            expect(result.input.pump).toEqual({ ...pump, isDefaultTarget: false });
            // The matrix lists MDCB v2.5 for Gateway 5.3.0, whose newest patch is 2.5.1 (docs/sources.md:
            // release notes), so a typed 2.5.1 counts as the recommended one.
            expect(result.input.mdcb).toEqual({
              from: '2.4.0',
              to: '2.5.1',
              isDefaultTarget: true,
              recommendedBy: 'the compatibility matrix',
            });
            expect(buildPlan(answers).ok).toBe(true);
          },
        ),
        quick,
      );
    },
    busyMachineTimeoutMs,
  );
});

// Valid answers drawn from the catalogue, to render every kind of plan the rules can build.

const dnsLabel = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/);
const hostName = fc.oneof(
  fc.constant('localhost'),
  fc.tuple(dnsLabel, dnsLabel).map(([host, domain]) => `${host}.${domain}.example`),
  fc.ipV4(),
);
const safePath = fc.stringMatching(
  /^\/[A-Za-z0-9_.][A-Za-z0-9_.-]{0,11}(\/[A-Za-z0-9_.][A-Za-z0-9_.-]{0,11}){0,3}$/,
);
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,15}$/);
const port = fc.integer({ min: 1, max: 65535 });

const validNames = fc.record(
  {
    namespace: dnsLabel,
    helmRelease: dnsLabel,
    valuesFile: safePath,
    composeDir: safePath,
    gatewayName: dnsLabel,
    dashboardName: dnsLabel,
    pumpName: dnsLabel,
    mdcbName: dnsLabel,
    gatewayHost: hostName,
    gatewayPort: port,
    dashboardHost: hostName,
    dashboardPort: port,
    redisHost: hostName,
    redisPort: port,
    databaseName: identifier,
    gatewayConfig: safePath,
    backupDir: safePath,
    pluginSourceDir: safePath,
    pluginName: identifier,
  },
  { requiredKeys: [] },
);

/** An upgrade between two catalogued releases, older first. */
function releasePair(releases: readonly Release[]) {
  return fc
    .uniqueArray(fc.nat({ max: releases.length - 1 }), { minLength: 2, maxLength: 2 })
    .map(([a = 0, b = 1]) => ({
      from: releases[Math.max(a, b)]?.version ?? '',
      to: releases[Math.min(a, b)]?.version ?? '',
    }));
}

const validAnswers = fc.constantFrom(...models).chain((model) =>
  fc
    .record({
      install: model.installs.length === 0 ? fc.constant(null) : fc.constantFrom(...model.installs),
      optional: fc.subarray([...model.optionalComponents]),
      usesGoPlugins: fc.boolean(),
      database: fc.constantFrom('mongodb' as const, 'postgres' as const),
      gateway: releasePair(gatewayReleases),
      pump: releasePair(pumpReleases),
      mdcb: releasePair(mdcbReleases),
      isPumpTargetDefault: fc.boolean(),
      strategy: fc.constantFrom(...strategies.map((strategy) => strategy.id)),
      downtimeMinutes: fc.integer({ min: 1, max: 7 * 24 * 60 }),
      dataPlanes: fc.uniqueArray(dnsLabel, { minLength: 1, maxLength: 4 }),
      names: validNames,
    })
    .map((drawn): PlanInput => {
      const chosen = [...model.requiredComponents, ...drawn.optional];
      return {
        model: model.id,
        ...(drawn.install === null ? {} : { install: drawn.install }),
        components: chosen,
        usesGoPlugins: drawn.usesGoPlugins,
        ...(model.hasDatabase ? { database: drawn.database } : {}),
        ...(model.hasDataPlanes ? { dataPlanes: drawn.dataPlanes.map((name) => ({ name })) } : {}),
        gateway: drawn.gateway,
        ...(chosen.includes('pump')
          ? { pump: drawn.isPumpTargetDefault ? { from: drawn.pump.from } : drawn.pump }
          : {}),
        ...(chosen.includes('mdcb') ? { mdcb: drawn.mdcb } : {}),
        strategy: drawn.strategy,
        ...(drawn.strategy === 'downtime' ? { downtimeMinutes: drawn.downtimeMinutes } : {}),
        names: drawn.names,
      };
    }),
);

describe('plans from valid answers', () => {
  const runs = 80;
  it('build deterministically and render to Markdown and text without throwing', () => {
    let built = 0;
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const result = buildPlan(answers);
        expectPlanResult(result);
        if (!result.ok) return;
        built++;
        expect(buildPlan(structuredClone(answers))).toEqual(result);
        const steps = result.plan.phases.reduce((total, phase) => total + phase.steps.length, 0);
        const markdown = renderMarkdown(result.plan);
        expect(markdown).toContain(`- [ ] **${steps}. `);
        expect(renderText(result.plan)).toContain(`[ ] ${steps}. `);
        // Every command reaches the runbook whole (render.test.ts parses the Markdown back).
        for (const phase of result.plan.phases) {
          for (const step of phase.steps) {
            for (const command of step.commands) {
              const indented = command.code
                .split('\n')
                .map((line) => (line === '' ? '' : `  ${line}`))
                .join('\n');
              expect(markdown).toContain(indented);
            }
          }
        }
      }),
      { numRuns: runs },
    );
    // Most drawn answers must make a plan, or the property above would prove little.
    expect(built).toBeGreaterThan(runs / 2);
  }, 30_000);
});
