// The generators (fast-check arbitraries) of the property and fuzz suites, in one place, and how
// many runs they get.
//
// Run counts: each group of properties (a `describe` of properties.test.ts or fuzz.test.ts) shares
// about 1,000 runs by default, which keeps `npx vitest run` quick. Set FUZZ_RUNS to give every
// group that many runs instead, for a deeper search when there is time (a nightly CI job, or
// before a release):
//
//   FUZZ_RUNS=10000 npx vitest run src/rules/fuzz.test.ts src/rules/properties.test.ts
//
// The fuzz suite runs with a fixed seed, so a failure reproduces; fast-check prints the seed and
// the path of any failure of the other properties.
import { env } from 'node:process';
import fc from 'fast-check';
import {
  gatewayReleases,
  installs,
  mdcbReleases,
  models,
  nameFields,
  pumpReleases,
  strategies,
  type ComponentId,
  type Database,
  type NameKind,
  type PlanInput,
  type Release,
  type VersionChange,
} from '../index';

// How many runs.

const defaultGroupRuns = 1_000;

function groupRunsFrom(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return defaultGroupRuns;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`FUZZ_RUNS must be a whole number of runs such as 10000, not "${raw}".`);
  }
  return runs;
}

/** The runs one group of properties shares: 1,000, or FUZZ_RUNS when it is set. */
export const groupRuns: number = groupRunsFrom(env['FUZZ_RUNS']);

/** One property's part of its group's runs, as a fraction of them (at least one run). */
export function runsOf(share: number): number {
  return Math.max(1, Math.round(groupRuns * share));
}

/**
 * A time limit for a property of `runs` runs: a minute, plus 20 ms a run, some thirty times what
 * a run takes on two quiet cores, so a loaded machine still finishes.
 */
export function timeLimitFor(runs: number): number {
  return 60_000 + runs * 20;
}

/** The seed of the fuzz suite. */
export const fuzzSeed = 20260901;

// The vocabulary of an answer set.

export const inputFields = [
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
  'images',
  'architecture',
  'sharesDatabase',
] as const;

export const modelIds = models.map((model) => model.id);
export const installIds = installs.map((install) => install.id);
export const strategyIds = strategies.map((strategy) => strategy.id);
export const componentIds: readonly ComponentId[] = ['gateway', 'dashboard', 'pump', 'mdcb'];
export const databases: readonly Database[] = ['mongodb', 'postgres'];
export const nameIds = nameFields.map((field) => field.id);

// Hostile and arbitrary values.

/** Text that has broken parsers, shells and pages elsewhere. */
export const hostileStrings: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  '$(reboot)',
  '`id`',
  '; rm -rf /',
  '__proto__',
  'constructor',
  'toString',
  '\u202egnp.exe',
  '\ud83d\ude80\ud83d\ude80',
  'e\u0301\u0301\u0301',
  '\ud800',
  '\u0000',
  '',
  ' ',
  '5.3.0\n5.4.0',
  'x'.repeat(5000),
  '9'.repeat(400),
];

/** A value where an answer should be: small, odd, or hostile. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom<unknown>(...hostileStrings, null, undefined, Number.NaN, -1, 1e21, [], {}),
);

/** A JSON value, hostile text or binary text: what a hand-edited link may hold. */
export const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(...hostileStrings),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Any value JSON can carry, or a plain string of any code units: what a store or a link holds. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(undefined, null, '', ' ', 0, -1, Number.NaN, Infinity, true, [], {}),
);

/** Values no JSON carries, which only a caller in code could pass. */
export const exoticValue: fc.Arbitrary<unknown> = fc.anything({
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withSparseArray: true,
  withBoxedValues: true,
  withTypedArray: true,
});

/** Text of every kind: printable, any code units, and grapheme clusters. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
);

/** Mostly a valid value, now and then junk. */
export function mostly<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: junk });
}

// Names as the "Your names" page accepts them.

export const dnsLabel = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/);
export const hostName: fc.Arbitrary<string> = fc.oneof(
  fc.constant('localhost'),
  dnsLabel,
  fc.tuple(dnsLabel, dnsLabel).map(([host, domain]) => `${host}.${domain}.example`),
  fc.ipV4(),
);
export const safePath = fc.stringMatching(
  /^\/[A-Za-z0-9_.][A-Za-z0-9_.-]{0,11}(\/[A-Za-z0-9_.][A-Za-z0-9_.-]{0,11}){0,3}$/,
);
export const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,15}$/);
export const port = fc.integer({ min: 1, max: 65535 });

const nameOfKind: Readonly<Record<NameKind, fc.Arbitrary<string | number>>> = {
  'k8s-name': dnsLabel,
  'docker-name': dnsLabel,
  host: hostName,
  context: fc.stringMatching(/^[a-z0-9][a-z0-9_.:@/-]{0,30}$/),
  'tag-variable': fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,15}$/),
  port: fc.oneof(port, port.map(String)),
  path: safePath,
  identifier,
};

/** Any of the names, each with a value of its kind. */
export const validNames: fc.Arbitrary<Partial<Record<string, string | number>>> = fc.record(
  Object.fromEntries(nameFields.map((field) => [field.id, nameOfKind[field.kind]])),
  { requiredKeys: [] },
);

/** A value that would pass as some name. */
export const validNameValue: fc.Arbitrary<string | number> = fc.oneof(dnsLabel, safePath, port);

/** Mostly a name-like value, now and then junk. */
export const nameValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: validNameValue },
  { weight: 1, arbitrary: junk },
);

const metacharacters = [';', '$(', '`', '|', '&', '\n', "'", '"', ' ', '>', '<', '\\'];
const word = fc.stringMatching(/^[a-z0-9/._-]{0,8}[a-z0-9]$/);

/** A value with a shell metacharacter inside it, where trimming cannot remove it. */
export const shellValue: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(word, fc.constantFrom(...metacharacters), word)
    .map(([before, metacharacter, after]) => `${before}${metacharacter}${after}`),
  fc
    .tuple(fc.string(), fc.constantFrom(...metacharacters), fc.string())
    .map((parts) => parts.join(''))
    .filter((value) => /[;$`|&\n'" <>\\]/.test(value.trim())),
);

// Versions.

/** A catalogued version most of the time; otherwise one typed loosely, or noise. */
export function versionOf(releases: readonly Release[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...releases.map((release) => release.version)) },
    { weight: 1, arbitrary: fc.constantFrom('v5.3.0', ' 5.3.0 ', '5.3', '5.3.0-rc1', '05.3.0') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  );
}

/**
 * An upgrade between two catalogued releases, older first (now and then the same release twice).
 * Where the target may be left out (Pump and MDCB, filled in from the compatibility matrix), it
 * is left out about half the time.
 */
export function upgradeOf(
  releases: readonly Release[],
  mayLeaveTargetOut: boolean,
): fc.Arbitrary<VersionChange> {
  return fc
    .tuple(fc.nat({ max: releases.length - 1 }), fc.nat({ max: releases.length - 1 }), fc.boolean())
    .map(([a, b, isTargetLeftOut]): VersionChange => {
      const from = releases[Math.max(a, b)]?.version ?? '';
      const to = releases[Math.min(a, b)]?.version ?? '';
      return isTargetLeftOut && mayLeaveTargetOut ? { from } : { from, to };
    });
}

const padding = fc.constantFrom('', ' ', '  ', '\t', ' \t ');
const versionPrefix = fc.constantFrom('', 'v', 'V');

/** A version as people type it: with a leading v or V and spaces around it. */
export function typedVersion(version: string): fc.Arbitrary<string> {
  return fc
    .tuple(padding, versionPrefix, padding)
    .map(([before, prefix, after]) => `${before}${prefix}${version}${after}`);
}

// Answer sets.

/** Coherent answers drawn from the catalogue: every model, installation and option. */
export const validAnswers: fc.Arbitrary<PlanInput> = fc.constantFrom(...models).chain((model) =>
  fc
    .record({
      install: model.installs.length === 0 ? fc.constant(null) : fc.constantFrom(...model.installs),
      optional: fc.subarray([...model.optionalComponents]),
      usesGoPlugins: fc.boolean(),
      database: fc.constantFrom(...databases),
      gateway: upgradeOf(gatewayReleases, false),
      pump: upgradeOf(pumpReleases, true),
      mdcb: upgradeOf(mdcbReleases, true),
      strategy: fc.constantFrom(...strategyIds),
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
        ...(chosen.includes('pump') ? { pump: drawn.pump } : {}),
        ...(chosen.includes('mdcb') ? { mdcb: drawn.mdcb } : {}),
        strategy: drawn.strategy,
        ...(drawn.strategy === 'downtime' ? { downtimeMinutes: drawn.downtimeMinutes } : {}),
        // Names go through the same record a user fills in; a few may still be refused.
        names: drawn.names,
      };
    }),
);

/** Valid answers with one to three fields replaced by junk or by a value of another field. */
export const damagedAnswers: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    validAnswers,
    fc.uniqueArray(fc.constantFrom(...inputFields), { minLength: 1, maxLength: 3 }),
    fc.array(fc.oneof(junk, validNameValue, versionOf(gatewayReleases)), {
      minLength: 3,
      maxLength: 3,
    }),
  )
  .map(([answers, fields, values]) => {
    const damaged: Record<string, unknown> = { ...answers };
    fields.forEach((field, index) => {
      damaged[field] = values[index];
    });
    return damaged;
  });

/** A loose record where any field may be missing or junk. */
export const looseAnswers: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    model: mostly(fc.constantFrom(...modelIds)),
    install: mostly(fc.constantFrom(...installIds)),
    components: mostly(fc.subarray([...componentIds])),
    usesGoPlugins: mostly(fc.boolean()),
    database: mostly(fc.constantFrom(...databases)),
    dataPlanes: mostly(
      fc.array(
        fc.record(
          {
            name: mostly(dnsLabel),
            namespace: nameValue,
            release: nameValue,
            gatewayHost: nameValue,
          },
          { requiredKeys: ['name'] },
        ),
        { maxLength: 4 },
      ),
    ),
    gateway: mostly(
      fc.record({ from: versionOf(gatewayReleases), to: versionOf(gatewayReleases) }),
    ),
    pump: mostly(fc.record({ from: versionOf(pumpReleases), to: versionOf(pumpReleases) })),
    mdcb: mostly(fc.record({ from: versionOf(mdcbReleases), to: versionOf(mdcbReleases) })),
    strategy: mostly(fc.constantFrom(...strategyIds)),
    downtimeMinutes: mostly(fc.integer({ min: 1, max: 2000 })),
    names: mostly(
      fc.dictionary(
        fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...nameIds) }, fc.string()),
        nameValue,
        { maxKeys: 6 },
      ),
    ),
  },
  { requiredKeys: [] },
);

/** Answer sets of every quality: valid, damaged and loose. */
export const answerSet: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: validAnswers },
  { weight: 3, arbitrary: damagedAnswers },
  { weight: 3, arbitrary: looseAnswers },
);

/** Records with exactly the answer keys (any of them missing), each holding any value. */
export const anyValuedAnswers: fc.Arbitrary<Record<string, unknown>> = fc.record(
  Object.fromEntries(inputFields.map((key) => [key, anyValue])),
  { requiredKeys: [] },
);
