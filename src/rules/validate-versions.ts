// Reading a version change: the current and target version of one line, resolved against the
// release history (`5.8` and `latest` included), checked against each other, with the companion
// versions the sources list for the Gateway as defaults.
import { answerLimits } from './answers';
import { catalogDate } from './catalog/releases';
import { isBlank, isRecord, type Messages } from './read-input';
import { releaseHistoryOf, resolveVersion } from './release-lookup';
import { shownValue } from './message-text';
import type { ResolvedChange, VersionLine } from './types';
import { isNewer, parseVersion } from './versions';

/** The label of a line where the components are not known: the Gateway line carries the Dashboard. */
const lineLabel = { gateway: 'Gateway and Dashboard', pump: 'Pump', mdcb: 'MDCB' } as const;
const exampleVersion = { gateway: '5.3.0', pump: '1.9.0', mdcb: '2.5.0' } as const;

/** A companion version one of the sources lists for a Gateway release. */
export type SuggestedVersion = {
  readonly version: string;
  /** "the compatibility matrix" or "the Gateway 5.4.0 release notes". */
  readonly source: string;
};

/** What a companion line falls back on when a version is left empty. Null everywhere for the Gateway. */
export type LineDefaults = {
  readonly from: SuggestedVersion | null;
  readonly to: SuggestedVersion | null;
  /** The Gateway versions the suggestions are for, to say why there is none; null when unknown. */
  readonly gatewayFrom: string | null;
  readonly gatewayTo: string | null;
};

export const noDefaults: LineDefaults = {
  from: null,
  to: null,
  gatewayFrom: null,
  gatewayTo: null,
};

/**
 * One typed version: a release, a minor line (its newest patch), `latest`, or a well-formed
 * version the history does not list (kept, with the history's reason as a warning). Null, with
 * an error, for anything else.
 */
function readTyped(
  raw: unknown,
  line: VersionLine,
  field: string,
  what: string,
  m: Messages,
): string | null {
  const resolution = resolveVersion(line, raw);
  if (resolution.ok) {
    const typed = shownValue(typeof raw === 'string' ? raw.trim() : raw);
    if (resolution.resolvedFrom === 'minor') {
      m.warnings.push({
        field,
        message: `${what} ${typed} is ${resolution.version}, its newest patch in the release catalogue of ${catalogDate}; the plan uses ${resolution.version}.`,
      });
    } else if (resolution.resolvedFrom === 'latest') {
      m.warnings.push({
        field,
        message: `${what} latest is ${resolution.version}, the newest release in the catalogue of ${catalogDate}; the plan uses ${resolution.version}.`,
      });
    }
    return resolution.version;
  }
  const parsed = parseVersion(raw);
  // The field's own words first: the history's message names only the release line.
  const message = `${what}: ${resolution.message}`;
  if (!parsed.ok) {
    m.errors.push({ field, message });
    return null;
  }
  // Inside the catalogue's range the history is complete, so a version it lacks was never
  // released, and a pre-release is no release: both are errors. A version past the catalogue may
  // exist by now, and an archived one did: keep it, and say so.
  const releases = releaseHistoryOf(line);
  const newest = releases[0]?.version;
  const oldest = releases.at(-1)?.version;
  const isInRange =
    newest !== undefined &&
    oldest !== undefined &&
    !isNewer(parsed.version, newest) &&
    !isNewer(oldest, parsed.version);
  if (isInRange || parsed.version.includes('-')) {
    m.errors.push({ field, message });
    return null;
  }
  m.warnings.push({ field, message: `${message} Check it before you rely on the plan.` });
  return parsed.version;
}

function readCurrent(
  raw: unknown,
  line: VersionLine,
  label: string,
  defaults: LineDefaults,
  m: Messages,
) {
  const field = `${line}.from`;
  if (!isBlank(raw)) return readTyped(raw, line, field, `Current ${label} version`, m);
  if (defaults.from !== null) {
    // A companion's current version defaults to what the sources pair with the current Gateway.
    m.warnings.push({
      field,
      message: `The current ${label} version was not given; the plan assumes ${defaults.from.version}, the ${label} version for Gateway ${defaults.gatewayFrom ?? ''} in ${defaults.from.source}. Check it and correct it if it differs.`,
    });
    return defaults.from.version;
  }
  const why =
    line === 'gateway' || defaults.gatewayFrom === null
      ? ''
      : ` It cannot be assumed: no release notes list the ${label} that goes with Gateway ${defaults.gatewayFrom} (their lists start at 5.3.0).`;
  m.errors.push({
    field,
    message: `Enter the ${label} version you run now, for example ${exampleVersion[line]}.${why}`,
  });
  return null;
}

type Target = { readonly to: string; readonly isDefault: boolean } | null;

function readTarget(
  raw: unknown,
  line: VersionLine,
  label: string,
  defaults: LineDefaults,
  m: Messages,
): Target {
  const field = `${line}.to`;
  if (!isBlank(raw)) {
    const to = readTyped(raw, line, field, `Target ${label} version`, m);
    return to === null ? null : { to, isDefault: false };
  }
  if (defaults.to !== null) return { to: defaults.to.version, isDefault: true };
  if (line === 'gateway') {
    m.errors.push({
      field,
      message: `Enter the ${label} version you want, for example ${exampleVersion[line]}.`,
    });
  } else if (defaults.gatewayTo !== null) {
    // Without a listed companion the wizard does not pick one; an invalid Gateway target has its own message.
    m.errors.push({
      field,
      message: `Enter the ${label} version you want, for example ${exampleVersion[line]}: no release notes list the ${label} that goes with Gateway ${defaults.gatewayTo}, so the wizard does not pick one.`,
    });
  }
  return null;
}

/**
 * The change of one version line, or null with the reasons in `m`. A Gateway that stays on its
 * version is returned as it is: whether anything moves at all is decided over every line.
 */
export function readVersionChange(
  raw: unknown,
  line: VersionLine,
  defaults: LineDefaults,
  m: Messages,
  label: string = lineLabel[line],
): ResolvedChange | null {
  if (!isRecord(raw) && raw !== undefined && raw !== null) {
    m.errors.push({
      field: line,
      message: `${label} versions must be given as a current and a target version.`,
    });
    return null;
  }
  const record = isRecord(raw) ? raw : {};
  // Checked first, so that no pattern runs over (and no cache keeps) a value of any length.
  const sides = [
    { which: 'from', raw: record['from'], word: 'Current' },
    { which: 'to', raw: record['to'], word: 'Target' },
  ] as const;
  const tooLong = sides.filter(
    ({ raw: side }) => typeof side === 'string' && side.length > answerLimits.maxVersionLength,
  );
  for (const { which, word } of tooLong) {
    m.errors.push({
      field: `${line}.${which}`,
      message: `${word} ${label} version is longer than ${answerLimits.maxVersionLength} characters; a version looks like ${exampleVersion[line]}.`,
    });
  }
  if (tooLong.length > 0) return null;
  const from = readCurrent(record['from'], line, label, defaults, m);
  const target = readTarget(record['to'], line, label, defaults, m);
  if (from === null || target === null) return null;
  const { to } = target;
  const recommended = defaults.to;
  const recommendedBy = recommended === null ? {} : { recommendedBy: recommended.source };

  if (target.isDefault && !isNewer(to, from)) {
    // The suggested companion is not newer than what runs: leave the component where it is.
    m.warnings.push({
      field: `${line}.to`,
      message: `${label} ${from} is already at or past ${to}, the version ${recommended?.source ?? 'the sources'} list for Gateway ${defaults.gatewayTo ?? ''}; it stays on ${from}.`,
    });
    return { from, to: from, isDefaultTarget: true, ...recommendedBy };
  }
  if (isNewer(from, to)) {
    m.errors.push({
      field: `${line}.to`,
      message: `Target ${label} version ${to} is older than the current ${from}. This wizard plans upgrades; to go back, follow the rollback section of your upgrade plan and restore the backups you took.`,
    });
    return null;
  }
  if (from === to && line !== 'gateway') {
    m.warnings.push({
      field: `${line}.to`,
      message: `${label} stays on ${from}: it gets no upgrade step.`,
    });
  }
  // A typed target that equals the suggestion is the suggested target all the same.
  const isDefaultTarget = target.isDefault || to === recommended?.version;
  return isDefaultTarget
    ? { from, to, isDefaultTarget, ...recommendedBy }
    : { from, to, isDefaultTarget: false };
}
