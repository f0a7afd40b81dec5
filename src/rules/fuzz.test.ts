// Fuzzing the two doors through which outside data reaches the rules: a shared link, and a set of
// answers (typed, stored or decoded). Damaged, random and hostile inputs go through them (about a
// thousand of each by default, FUZZ_RUNS of each when set: see test-support/arbitraries.ts); none
// may throw, and each must end as a plan or as messages that name a field.
//
// Everything is seeded, so a failure reproduces: the link fuzz uses its own small PRNG, and the
// answer fuzz runs fast-check with a fixed seed.
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan';
import { planeFieldIds } from './catalog/plane-fields';
import { inputMatrix } from './input-matrix';
import { decodePlanLink, linkSchemaVersion, planLinkFor } from './link';
import { renderMarkdown } from './render';
import {
  answerSet,
  componentIds,
  fuzzSeed as seed,
  hostileStrings,
  inputFields,
  installIds,
  jsonish,
  modelIds,
  nameIds,
  runsOf,
  strategyIds,
  timeLimitFor,
} from './test-support/arbitraries';
import type { FieldMessage, Plan } from './types';
import { validate } from './validate';

const linkRuns = runsOf(1);
const answerRuns = runsOf(1);

// The known vocabulary: what a decoded link and a message may contain.

const inputKeys = new Set<string>(inputFields);
const planeKeys = new Set(['name', ...planeFieldIds]);
const nameIdSet = new Set<string>(nameIds);
const payloadKeys = ['v', 'm', 'i', 'c', 'gp', 'db', 'dp', 'g', 'p', 'md', 's', 'w', 'n'];

/** The first segment of a message's field is an answer (or the link, or the input as a whole). */
const specificField =
  /^(link|input|model|install|components|usesGoPlugins|database|dataPlanes|gateway|pump|mdcb|strategy|downtimeMinutes|names|images|architecture|sharesDatabase)([.[]|$)/;
/** An HTML or XML tag, as a browser or a shell would trip over it. */
const tagLike = /<[A-Za-z_/!?][^<>\n]*>/;

// A small seeded PRNG (mulberry32): enough to pick mutations reproducibly.

type Random = {
  readonly next: () => number;
  readonly int: (below: number) => number;
  readonly pick: <T>(items: readonly T[]) => T;
  readonly chance: (probability: number) => boolean;
};

function seededRandom(start: number): Random {
  let state = start >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number): number => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    // The list may hold undefined on purpose (a missing schema version).
    return items[int(items.length)] as T;
  };
  return { next, int, pick, chance: (probability) => next() < probability };
}

// Checking what comes out.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function messageProblem(messages: readonly FieldMessage[], what: string): string | null {
  for (const { field, message } of messages) {
    if (typeof field !== 'string' || field.trim() === '') return `${what} without a field`;
    if (!specificField.test(field)) return `${what} on an unknown field "${field}"`;
    if (typeof message !== 'string' || message.trim() === '') return `${what} without text`;
    // Values are echoed shortened (40 characters); no message should carry a payload whole.
    if (message.length > 400) return `${what} of ${message.length} characters`;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(message))
      return `${what} with control characters`;
  }
  return null;
}

function isVersionPair(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value).sort().join(',');
  const { from, to } = value;
  return (
    keys === 'from,to' &&
    typeof from === 'string' &&
    typeof to === 'string' &&
    from.length <= 64 &&
    to.length <= 64
  );
}

/** What is wrong with a decoded link's answers, or null: only known keys, only plain values. */
function decodedShapeProblem(input: Record<string, unknown>): string | null {
  if (!isPlainObject(input)) return 'the answers are not a plain object';
  for (const key of Object.keys(input)) if (!inputKeys.has(key)) return `unknown key "${key}"`;
  const { model, install, components, usesGoPlugins, database, strategy } = input;
  if (typeof model !== 'string' || !modelIds.some((id) => id === model)) return 'model';
  if (install !== undefined && !installIds.some((id) => id === install)) return 'install';
  if (strategy !== undefined && !strategyIds.some((id) => id === strategy)) return 'strategy';
  if (database !== undefined && database !== 'mongodb' && database !== 'postgres')
    return 'database';
  if (typeof usesGoPlugins !== 'boolean') return 'usesGoPlugins';
  if (
    components !== undefined &&
    (!Array.isArray(components) ||
      components.some(
        (id) => typeof id !== 'string' || !componentIds.some((known) => known === id),
      ) ||
      new Set(components).size !== components.length)
  )
    return 'components';
  for (const line of ['gateway', 'pump', 'mdcb'] as const) {
    if (input[line] !== undefined && !isVersionPair(input[line])) return line;
  }
  const window = input['downtimeMinutes'];
  if (window !== undefined && typeof window !== 'number' && typeof window !== 'string')
    return 'downtimeMinutes';
  const planes = input['dataPlanes'];
  if (planes !== undefined) {
    if (!Array.isArray(planes) || planes.length > 50) return 'dataPlanes';
    for (const plane of planes) {
      if (!isPlainObject(plane)) return 'a data plane is not a plain object';
      for (const [key, value] of Object.entries(plane)) {
        if (!planeKeys.has(key)) return `unknown data plane key "${key}"`;
        if (typeof value !== 'string') return `data plane ${key} is not text`;
      }
    }
  }
  const names = input['names'];
  if (names !== undefined) {
    if (!isPlainObject(names)) return 'names';
    for (const [key, value] of Object.entries(names)) {
      if (!nameIdSet.has(key)) return `unknown name "${key}"`;
      if (typeof value !== 'string' && typeof value !== 'number') return `name ${key} is not text`;
    }
  }
  return null;
}

function planProblem(plan: Plan): string | null {
  if (plan.phases.length === 0) return 'a plan without phases';
  for (const step of plan.phases.flatMap((phase) => phase.steps)) {
    const commands = [
      ...step.commands,
      ...(step.verify?.commands ?? []),
      ...(step.rollback?.commands ?? []),
    ];
    for (const { code } of commands) {
      if (tagLike.test(code)) return `${step.id} has a tag in a command: ${code}`;
    }
  }
  return null;
}

type Outcome = { readonly problem: string | null; readonly isPlan: boolean };

function failed(problem: string): Outcome {
  return { problem, isPlan: false };
}

function thrown(error: unknown): Outcome {
  return failed(`threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** buildPlan (which validates first): a plan, or errors with a named field. */
function planOutcome(answers: unknown, rendersMarkdown: boolean): Outcome {
  const result = buildPlan(answers);
  if (!result.ok) {
    if (result.errors.length === 0) return failed('buildPlan: no plan and no error');
    return { problem: messageProblem(result.errors, 'buildPlan: an error'), isPlan: false };
  }
  const problem = planProblem(result.plan);
  if (problem !== null) return failed(problem);
  const steps = result.plan.phases.reduce((total, phase) => total + phase.steps.length, 0);
  if (rendersMarkdown && !renderMarkdown(result.plan).includes(`- [ ] **${steps}. `))
    return failed('the Markdown lacks the last step');
  return { problem: null, isPlan: true };
}

/** validate, then buildPlan and the Markdown runbook; the two must agree. Never a throw. */
function checkAnswers(answers: unknown): Outcome {
  try {
    const checked = validate(answers);
    const checkedProblem = checked.ok
      ? messageProblem(checked.warnings, 'a warning')
      : checked.errors.length === 0
        ? 'invalid without an error'
        : messageProblem([...checked.errors, ...checked.warnings], 'a message');
    if (checkedProblem !== null) return failed(`validate: ${checkedProblem}`);
    const outcome = planOutcome(answers, true);
    if (outcome.problem === null && outcome.isPlan !== checked.ok)
      return failed('validate and buildPlan disagree');
    return outcome;
  } catch (error) {
    return thrown(error);
  }
}

/** Decodes a link, checks what it holds, then builds the plan of the decoded answers. */
function checkLink(link: unknown): Outcome & { readonly isDecoded: boolean } {
  try {
    const decoded = decodePlanLink(link);
    if (!decoded.ok) {
      const problem =
        decoded.problems.length === 0
          ? 'refused without a problem'
          : messageProblem(decoded.problems, 'a refusal');
      return { problem, isPlan: false, isDecoded: false };
    }
    const problem =
      messageProblem(decoded.problems, 'a link problem') ??
      decodedShapeProblem(decoded.input) ??
      (decoded.schemaVersion === linkSchemaVersion ? null : `schema ${decoded.schemaVersion}`);
    if (problem !== null) return { problem, isPlan: false, isDecoded: true };
    return { ...planOutcome(decoded.input, false), isDecoded: true };
  } catch (error) {
    return { ...thrown(error), isDecoded: false };
  }
}

// Making links.

const appUrl = 'https://wizard.example/tools/tyk/';

function toBase64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function fromBase64Url(payload: string): string {
  return Buffer.from(payload, 'base64url').toString('utf8');
}

function payloadOf(link: string): string {
  return link.slice(link.indexOf('#/s/') + 4);
}

/** Real links: a spread of the matrix, with and without names. */
function realLinks(): readonly string[] {
  const matrix = inputMatrix();
  const links: string[] = [];
  for (let index = 0; index < matrix.length; index += 29) {
    const input = matrix[index];
    if (input === undefined) continue;
    const checked = validate(input);
    if (!checked.ok) throw new Error(`matrix input ${index} is invalid`);
    for (const includeNames of [false, true]) {
      links.push(planLinkFor(appUrl, checked.input, { includeNames }));
    }
  }
  return links;
}

const base64UrlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const oddCharacters = [
  ' ',
  '\n',
  '\t',
  '\u00a0',
  ')',
  '>',
  '<',
  '.',
  ',',
  '"',
  "'",
  '?',
  '&',
  '=',
  '%',
  '#',
  '/',
  '+',
  '=',
  '\u0000',
  '\u200b',
  '\u202e',
  '\u2028',
  'é',
  '\ud83d\ude80',
  '\ud800',
  '\udfff',
  '\ufeff',
];

/** Random JSON values, drawn once from fast-check with the fixed seed. */
const jsonPool: readonly unknown[] = fc.sample(jsonish, { seed, numRuns: 400 });

/** The decoded JSON of a payload; real links always decode. */
function payloadJson(link: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(fromBase64Url(payloadOf(link)));
  if (!isPlainObject(parsed)) throw new Error('a real link without an object');
  return parsed;
}

function withPayload(link: string, payload: string): string {
  return `${link.slice(0, link.indexOf('#/s/') + 4)}${payload}`;
}

type Mutation = (link: string, random: Random) => unknown;

const mutations: readonly (readonly [string, Mutation])[] = [
  [
    'a character of the payload replaced',
    (link, random) => {
      const payload = payloadOf(link).split('');
      for (let flips = 1 + random.int(3); flips > 0; flips--) {
        payload[random.int(payload.length)] = random.chance(0.8)
          ? random.pick([...base64UrlAlphabet])
          : random.pick(oddCharacters);
      }
      return withPayload(link, payload.join(''));
    },
  ],
  [
    'bits of the encoded bytes flipped',
    (link, random) => {
      const bytes = Buffer.from(payloadOf(link), 'base64url');
      for (let flips = 1 + random.int(3); flips > 0; flips--) {
        const at = random.int(bytes.length);
        bytes[at] = (bytes[at] ?? 0) ^ (1 << random.int(8));
      }
      return withPayload(link, bytes.toString('base64url'));
    },
  ],
  [
    'the payload cut at any length',
    (link, random) => {
      const payload = payloadOf(link);
      // Every remainder modulo 4: base64 treats each differently.
      const length = Math.max(0, random.int(payload.length) - random.int(4));
      return withPayload(link, payload.slice(0, length));
    },
  ],
  [
    'the JSON cut after a structural character, then encoded again',
    (link, random) => {
      const json = fromBase64Url(payloadOf(link));
      const marks = [...json.matchAll(/[{}[\]:,"0-9]/g)].map((match) => match.index);
      const at = marks.length === 0 ? 0 : random.pick(marks) + random.int(2);
      return withPayload(link, toBase64Url(json.slice(0, at)));
    },
  ],
  [
    'the link cut inside its address or route',
    (link, random) => link.slice(0, random.int(link.indexOf('#/s/') + 5)),
  ],
  [
    'odd characters inserted into the payload',
    (link, random) => {
      let payload = payloadOf(link);
      for (let count = 1 + random.int(4); count > 0; count--) {
        const at = random.int(payload.length + 1);
        payload = `${payload.slice(0, at)}${random.pick(oddCharacters)}${payload.slice(at)}`;
      }
      return withPayload(link, payload);
    },
  ],
  [
    'JSON fragments inserted into the JSON',
    (link, random) => {
      const json = fromBase64Url(payloadOf(link));
      const fragment = random.pick([
        ',',
        '"',
        '}',
        ']',
        ':null',
        ',"x":1',
        ',"__proto__":{"polluted":1}',
        JSON.stringify(random.pick(jsonPool)) ?? 'null',
      ]);
      const at = random.int(json.length + 1);
      return withPayload(link, toBase64Url(`${json.slice(0, at)}${fragment}${json.slice(at)}`));
    },
  ],
  [
    'the link as chat tools and mail clients mangle it',
    (link, random) => {
      const wrapped = random.chance(0.5) ? link.replace(/(.{60})/g, '$1\n') : link;
      return random.pick([
        `<${wrapped}>`,
        `${wrapped}).`,
        `(see ${wrapped}),`,
        `[the plan](${wrapped})`,
        `${wrapped}?utm_source=chat&x=1`,
        `  ${wrapped}\n`,
        `"${wrapped}"`,
        `${wrapped}${random.pick(oddCharacters)}${random.pick(oddCharacters)}`,
      ]);
    },
  ],
  [
    'base64 of a random JSON value',
    (link, random) => withPayload(link, toBase64Url(JSON.stringify(random.pick(jsonPool)) ?? '')),
  ],
  [
    'the right keys with values of the wrong type',
    (link, random) => {
      const payload: Record<string, unknown> = { v: 1 };
      for (const key of payloadKeys) {
        if (key !== 'v' && random.chance(0.6)) payload[key] = random.pick(jsonPool);
      }
      return withPayload(link, toBase64Url(JSON.stringify(payload)));
    },
  ],
  [
    'one value of a real payload replaced by a value of the wrong type',
    (link, random) => {
      const payload = payloadJson(link);
      payload[random.pick(payloadKeys)] = random.pick(jsonPool);
      return withPayload(link, toBase64Url(JSON.stringify(payload)));
    },
  ],
  [
    'another schema version',
    (link, random) => {
      const payload = payloadJson(link);
      const version = random.pick<unknown>([
        0,
        -1,
        2,
        3,
        99,
        1.5,
        '1',
        null,
        true,
        [],
        {},
        1e308,
        Number.MAX_SAFE_INTEGER + 2,
        undefined,
      ]);
      if (version === undefined) delete payload['v'];
      else payload['v'] = version;
      return withPayload(link, toBase64Url(JSON.stringify(payload)));
    },
  ],
  [
    'huge values',
    (link, random) => {
      const payload = payloadJson(link);
      const huge = random.pick(['x', '9', '\ud83d\ude80', '<b>']).repeat(100 + random.int(9000));
      const target = random.int(4);
      if (target === 0) payload['g'] = [huge, huge];
      else if (target === 1) payload['n'] = { namespace: huge, [huge.slice(0, 500)]: 'x' };
      else if (target === 2) payload['dp'] = Array.from({ length: 400 }, (_, i) => [`p${i}`]);
      else return `${link}${huge}`;
      return withPayload(link, toBase64Url(JSON.stringify(payload)));
    },
  ],
  [
    'hostile and unicode text in every string field',
    (link, random) => {
      const payload = payloadJson(link);
      const text = () => random.pick(hostileStrings);
      const field = random.int(5);
      if (field === 0) payload['m'] = text();
      else if (field === 1) payload['g'] = [text(), text()];
      else if (field === 2) payload['dp'] = [[text(), text(), text(), text()]];
      else if (field === 3) payload['n'] = Object.fromEntries(nameIds.map((id) => [id, text()]));
      else payload[text()] = text();
      return withPayload(link, toBase64Url(JSON.stringify(payload)));
    },
  ],
  [
    'not a string at all',
    (_link, random) => random.pick<unknown>([undefined, null, 42, {}, [], true, Symbol('link')]),
  ],
];

function describeLink(link: unknown): string {
  if (typeof link !== 'string') return String(link);
  return link.length > 300 ? `${link.slice(0, 300)}… (${link.length} characters)` : link;
}

describe('fuzzing shared links', () => {
  const originals = realLinks();
  // Every real link builds a plan; the limit leaves room for a busy two-core machine.
  const linkTimeoutMs = 60_000;

  it(
    'every real link of the spread decodes without a problem and makes a plan',
    () => {
      const failures = originals.flatMap((link) => {
        const decoded = decodePlanLink(link);
        const outcome = checkLink(link);
        if (!decoded.ok || decoded.problems.length > 0) return [`problems: ${link}`];
        return outcome.problem === null && outcome.isPlan ? [] : [`${outcome.problem}: ${link}`];
      });
      expect(failures.slice(0, 5)).toEqual([]);
      // The longest of them leaves ample room below the limit (8000 characters) on links.
      const longest = Math.max(...originals.map((link) => payloadOf(link).length));
      expect(longest).toBeLessThan(4000);
    },
    linkTimeoutMs,
  );

  it(
    `${linkRuns} damaged, random and hostile links never throw and decode only known keys`,
    () => {
      const random = seededRandom(seed);
      const failures: string[] = [];
      const counts = { links: 0, refused: 0, decoded: 0, plans: 0 };
      const rounds = Math.ceil(linkRuns / mutations.length);
      for (let round = 0; round < rounds; round++) {
        for (const [name, mutate] of mutations) {
          const link = mutate(random.pick(originals), random);
          const outcome = checkLink(link);
          if (outcome.problem !== null)
            failures.push(`${name}: ${outcome.problem}: ${describeLink(link)}`);
          counts.links += 1;
          counts[outcome.isDecoded ? 'decoded' : 'refused'] += 1;
          if (outcome.isPlan) counts.plans += 1;
        }
      }
      expect(failures.slice(0, 5)).toEqual([]);
      expect(counts.links).toBeGreaterThanOrEqual(linkRuns);
      // Every outcome occurs often, or the mutations would test one side only.
      expect(counts.refused).toBeGreaterThan(linkRuns / 10);
      expect(counts.decoded).toBeGreaterThan(linkRuns / 10);
      expect(counts.plans).toBeGreaterThan(linkRuns / 20);
      // Keys like __proto__ in a payload reach no prototype.
      expect(Object.keys(Object.prototype)).toEqual([]);
    },
    timeLimitFor(linkRuns),
  );
});

// Answer sets: valid answers drawn from the catalogue, the same with a few fields replaced by
// junk, and loose records where any field may be junk (test-support/arbitraries.ts).

describe('fuzzing answers', () => {
  it(
    `${answerRuns} random answer sets give a plan or specific messages, and render`,
    () => {
      let plans = 0;
      fc.assert(
        fc.property(answerSet, (answers) => {
          const outcome = checkAnswers(answers);
          if (outcome.problem !== null) throw new Error(outcome.problem);
          if (outcome.isPlan) plans += 1;
        }),
        { numRuns: answerRuns, seed },
      );
      // Enough of them make a plan for the rendering to be exercised, and enough do not.
      expect(plans).toBeGreaterThan(answerRuns / 4);
      expect(plans).toBeLessThan((answerRuns * 3) / 4);
    },
    timeLimitFor(answerRuns),
  );
});
