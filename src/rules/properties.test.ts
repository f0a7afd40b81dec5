// Properties over arbitrary input: whatever arrives (typed, stored, linked or from the CLI), the
// rules answer with a plan or with messages that name a field, and never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan';
import { nameFields } from './catalog/name-fields';
import { defaultNames, isNameRelevant } from './names';
import { renderMarkdown, renderText } from './render';
import {
  anyText,
  anyValue,
  anyValuedAnswers,
  exoticValue,
  inputFields,
  nameIds,
  runsOf,
  shellValue,
  timeLimitFor,
  typedVersion,
  validAnswers,
} from './test-support/arbitraries';
import type { FieldMessage, NameKind, PlanInput, PlanResult, ValidationResult } from './types';
import { validate } from './validate';

// Run counts are shares of a group's runs (about 1,000 by default, FUZZ_RUNS when set: see
// test-support/arbitraries.ts).

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
  {
    model: 'self-managed-mdcb',
    install: 'docker-compose',
    components: ['gateway', 'dashboard', 'mdcb'],
    usesGoPlugins: false,
    database: 'mongodb',
    gateway,
    mdcb: { from: '2.4.0' },
    strategy: 'rolling',
  },
];

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

describe('arbitrary input never throws', () => {
  const wholeRuns = runsOf(0.3);
  const fieldRuns = runsOf(0.175);

  it('holds for wholly arbitrary values', () => {
    fc.assert(fc.property(anyValue, checkBoth), { numRuns: wholeRuns });
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
      { numRuns: fieldRuns },
    );
  });

  it('holds for arbitrary objects with the right keys', () => {
    fc.assert(fc.property(anyValuedAnswers, checkBoth), { numRuns: fieldRuns });
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
      { numRuns: fieldRuns },
    );
  });

  it('holds for arbitrary strings as versions, names and data planes', () => {
    const text = anyText;
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
      { numRuns: fieldRuns },
    );
  });
});

/**
 * A path may hold spaces, which the commands quote; any other metacharacter would run. The
 * answer is trimmed first, as the wizard trims it: ". +\n" is the path ". +".
 */
function runsInShell(kind: NameKind, value: string): boolean {
  return kind !== 'path' || /[;$`|&\n'"<>\\]/.test(value.trim());
}

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

  const rejectedRuns = runsOf(2 / 3);
  const ignoredRuns = runsOf(1 / 3);

  it('the valid answers make every name matter somewhere', () => {
    const covered = new Set(relevantPairs.map((pair) => pair.field.id));
    expect(nameIds.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('are rejected with a message on names.<key> wherever a command uses them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...relevantPairs), shellValue, ({ base, field }, value) => {
        fc.pre(runsInShell(field.kind, value));
        const answers = { ...base, names: { [field.id]: value } };
        for (const result of [validate(answers), buildPlan(answers)]) {
          expect(result.ok).toBe(false);
          if (result.ok) return;
          const error = result.errors.find((candidate) => candidate.field === `names.${field.id}`);
          expect(error?.message.trim()).toBeTruthy();
        }
      }),
      { numRuns: rejectedRuns },
    );
  });

  it('never reach a plan where no command uses them: the default stays', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ignoredPairs), shellValue, ({ base, input, field }, value) => {
        fc.pre(runsInShell(field.kind, value));
        const result = validate({ ...base, names: { [field.id]: value } });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.input.names[field.id]).toBe(
          defaultNames(input.model, input.install)[field.id],
        );
      }),
      { numRuns: ignoredRuns },
    );
  });
});

describe('versions as people type them', () => {
  // The typed forms are few (75 of each version), and each run builds an MDCB plan.
  const runs = runsOf(0.15);

  it(
    'accepts a leading v and surrounding spaces and keeps the bare version',
    () => {
      const mdcbBase = bases.find((base) => base.model === 'self-managed-mdcb') as PlanInput;
      fc.assert(
        fc.property(
          typedVersion(gateway.from),
          typedVersion(gateway.to),
          typedVersion(pump.from),
          typedVersion('2.5.1'),
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
        { numRuns: runs },
      );
    },
    timeLimitFor(runs),
  );
});

describe('plans from valid answers', () => {
  // Each run builds a plan twice and renders it twice: a tenth of a group's runs.
  const runs = runsOf(0.1);
  it(
    'build deterministically and render to Markdown and text without throwing',
    () => {
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
          // Every command reaches the runbook whole (render.suite.ts parses the Markdown back).
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
    },
    timeLimitFor(runs * 10),
  );
});
