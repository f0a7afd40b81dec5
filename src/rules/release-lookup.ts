// Reading the release history: what a typed version stands for, which companions the release
// notes pair with a Gateway release, and where a release's notes can be read.
import {
  gatewayCompanionListings,
  gatewayReleaseHistory,
  mdcbReleaseHistory,
  pumpReleaseHistory,
  type CompanionSource,
  type ReleaseRecord,
} from './catalog/release-history';
import { catalogDate } from './catalog/releases';
import { shownValue } from './message-text';
import type { CompanionVersions, VersionLine } from './types';
import { compareVersions, isNewer, minorLine, parseVersion, versionOrNull } from './versions';

export function releaseHistoryOf(line: VersionLine): readonly ReleaseRecord[] {
  if (line === 'pump') return pumpReleaseHistory;
  if (line === 'mdcb') return mdcbReleaseHistory;
  return gatewayReleaseHistory;
}

function byVersion(history: readonly ReleaseRecord[]): ReadonlyMap<string, ReleaseRecord> {
  return new Map(history.map((release) => [release.version, release]));
}

// Plans look releases up by version many times over; the histories are fixed, so each is indexed once.
const releaseIndex: Readonly<Record<VersionLine, ReadonlyMap<string, ReleaseRecord>>> = {
  gateway: byVersion(gatewayReleaseHistory),
  pump: byVersion(pumpReleaseHistory),
  mdcb: byVersion(mdcbReleaseHistory),
};

/** The catalogued release of exactly this (already parsed) version, or undefined. */
export function releaseOfVersion(
  line: VersionLine,
  version: string | null,
): ReleaseRecord | undefined {
  return version === null ? undefined : releaseIndex[line].get(version);
}

const lineLabels = { gateway: 'Gateway', pump: 'Pump', mdcb: 'MDCB' } as const satisfies Record<
  VersionLine,
  string
>;

export type VersionResolution =
  | {
      readonly ok: true;
      readonly version: string;
      readonly release: ReleaseRecord;
      /** Set when the version was not typed as such: `latest`, or a minor line such as `5.8`. */
      readonly resolvedFrom?: 'latest' | 'minor';
    }
  | { readonly ok: false; readonly message: string };

type History = {
  readonly label: string;
  /** Newest first, in semver order. */
  readonly releases: readonly ReleaseRecord[];
};

const fail = (message: string): VersionResolution => ({ ok: false, message });

/** `5.8`, `v5.8`, `5.8.x`: a minor line, without leading zeros (semver has none). */
const minorLinePattern = /^[vV]?(0|[1-9]\d*)\.(0|[1-9]\d*)(?:\.[xX*])?$/;

/** What may be typed, with examples from the list itself. */
function choices({ releases }: History): string {
  const newest = releases[0]?.version ?? '5.3.0';
  return `a release such as ${newest}, a line such as ${minorLine(newest)} for its newest patch, or latest`;
}

/** The newest release below `version` and the oldest above it, when there are both. */
function neighbours(releases: readonly ReleaseRecord[], version: string): string | null {
  const below = releases.find((release) => compareVersions(release.version, version) < 0);
  const above = releases.findLast((release) => compareVersions(release.version, version) > 0);
  if (below === undefined || above === undefined) return null;
  return `the nearest releases are ${below.version} and ${above.version}`;
}

/** Why a well-formed version is not in the history, with the releases around it. */
function missingRelease({ label, releases }: History, version: string): string {
  const newest = releases[0]?.version;
  const oldest = releases[releases.length - 1]?.version;
  if (newest === undefined || oldest === undefined) {
    return `There is no ${label} release in the catalogue of ${catalogDate}.`;
  }
  const isPreRelease = version.includes('-');
  if (isNewer(version, newest)) {
    // Past the snapshot a version may well exist by now, so it is not called unreleased.
    return isPreRelease
      ? `${label} ${version} is a pre-release, not a release; the newest release is ${newest}.`
      : `${label} ${version} is not in the release catalogue of ${catalogDate}, whose newest ${label} release is ${newest}.`;
  }
  if (isNewer(oldest, version)) {
    return `${label} ${version} is older than this catalogue, which starts at ${oldest}; earlier releases are archived.`;
  }
  const what = isPreRelease ? 'is a pre-release, not a release' : 'was never released';
  return `${label} ${version} ${what}; ${neighbours(releases, version) ?? `the newest release is ${newest}`}.`;
}

function resolveMinorLine(history: History, line: string): VersionResolution {
  const { label, releases } = history;
  // Newest first, so the first release on the line is its newest patch.
  const release = releases.find((candidate) => minorLine(candidate.version) === line);
  if (release !== undefined) {
    return { ok: true, version: release.version, release, resolvedFrom: 'minor' };
  }
  const newest = releases[0]?.version;
  const oldest = releases[releases.length - 1]?.version;
  if (newest === undefined || oldest === undefined) {
    return fail(`There is no ${label} release in the catalogue of ${catalogDate}.`);
  }
  const lineStart = `${line}.0`;
  if (isNewer(lineStart, newest)) {
    return fail(
      `${label} ${line} has no release in the catalogue of ${catalogDate}; the newest line is ${minorLine(newest)} (${newest}).`,
    );
  }
  if (isNewer(oldest, lineStart)) {
    return fail(
      `${label} ${line} is older than this catalogue, which starts at ${oldest}; earlier releases are archived.`,
    );
  }
  const around = neighbours(releases, lineStart) ?? `the newest release is ${newest}`;
  return fail(`There was never a ${label} ${line} line; ${around}.`);
}

function resolveIn(history: History, typed: unknown): VersionResolution {
  const { label, releases } = history;
  const text = typeof typed === 'string' ? typed.trim() : '';
  if (text === '') return fail(`Type the ${label} version: ${choices(history)}.`);
  if (text.toLowerCase() === 'latest') {
    const newest = releases[0];
    if (newest === undefined) {
      return fail(
        `There is no ${label} release in the catalogue of ${catalogDate} to call latest.`,
      );
    }
    return { ok: true, version: newest.version, release: newest, resolvedFrom: 'latest' };
  }
  const line = minorLinePattern.exec(text);
  if (line !== null) return resolveMinorLine(history, `${line[1]}.${line[2]}`);
  const parsed = parseVersion(text);
  if (!parsed.ok) {
    return fail(`${label} "${shownValue(text)}" is not a version. Type ${choices(history)}.`);
  }
  const release = releases.find((candidate) => candidate.version === parsed.version);
  if (release === undefined) return fail(missingRelease(history, parsed.version));
  return { ok: true, version: release.version, release };
}

/**
 * What a typed version stands for on a release line: `5.3.0`, `v5.3.0` and spaces give that
 * release; `5.8` or `5.8.x` the newest 5.8 patch; `latest` the newest release. Anything else, a
 * version that was never released included, gets a message that says why and what is near.
 * Never throws.
 */
export function resolveVersion(line: VersionLine, typed: unknown): VersionResolution {
  return resolveIn({ label: lineLabels[line], releases: releaseHistoryOf(line) }, typed);
}

/** resolveVersion against any list, newest first; the tests use it for an empty list. */
export function resolveVersionIn(
  label: string,
  releases: readonly ReleaseRecord[],
  typed: unknown,
): VersionResolution {
  return resolveIn({ label, releases }, typed);
}

export type CompanionAdvice = CompanionVersions & {
  readonly source: CompanionSource;
  /** The Gateway release whose notes list the companions. */
  readonly sourceVersion: string;
  /** The companions as the notes write them: a minor line such as `2.7` resolves to its newest patch. */
  readonly listed: CompanionVersions;
};

/**
 * The MDCB and Pump releases the release notes list for this Gateway release, and where that list
 * is. Null where no source lists companions for it (before 5.3.0, or not a release): the caller
 * asks rather than assumes. Never throws.
 */
export function companionsFor(gatewayVersion: unknown): CompanionAdvice | null {
  const version = versionOrNull(gatewayVersion);
  const row = gatewayCompanionListings.find((listing) => listing.gateway === version);
  if (row === undefined) return null;
  const mdcb = resolveVersion('mdcb', row.mdcb);
  const pump = resolveVersion('pump', row.pump);
  if (!mdcb.ok || !pump.ok) return null;
  return {
    mdcb: mdcb.version,
    pump: pump.version,
    source: row.source,
    sourceVersion: row.gateway,
    listed: { mdcb: row.mdcb, pump: row.pump },
  };
}

/** Where a companion suggestion comes from, as a sentence names it. */
export function companionSourceText(advice: CompanionAdvice): string {
  return advice.source === 'compatibility-matrix'
    ? 'the compatibility matrix'
    : `the Gateway ${advice.sourceVersion} release notes`;
}

/** The release-notes pages of the docs site, one per component. */
export type ReleaseNotesPage = 'gateway' | 'dashboard' | 'pump' | 'mdcb';

const releaseNotesBase = 'https://tyk.io/docs/developer-support/release-notes';

// Public repositories, whose tag pages describe the releases the docs have no section for. The
// Dashboard and MDCB repositories are private.
const publicRepositories: Partial<Record<ReleaseNotesPage, string>> = {
  gateway: 'TykTechnologies/tyk',
  pump: 'TykTechnologies/tyk-pump',
};

// Releases whose notes sit under a minor heading ("## 5.1 Release Notes") with no heading of
// their own, read from the tyk-docs mdx files.
const minorHeadingOnly: Record<ReleaseNotesPage, readonly string[]> = {
  gateway: ['5.1.0'],
  dashboard: [],
  pump: ['1.10.0', '1.9.0'],
  mdcb: [],
};

// The docs site (Mintlify) makes a heading's anchor by lowercasing it, turning each dot between
// two characters into a hyphen and each space into a hyphen: "### 5.14.0 Release Notes" becomes
// #5-14-0-release-notes. The docs link to their own notes this way (for example
// gateway#5-13-0-release-notes) and their link checker, scripts/validate_mintlify_docs.py, states
// the rule ("5.3.0" -> "5-3-0"). The older Hugo site dropped the dots (#5140-release-notes).
const headingAnchor = (heading: string): string => `${heading.replaceAll('.', '-')}-release-notes`;

/**
 * The public page with the release notes of this version: its section on the docs site, or the
 * tag page of the public repository for releases the docs do not describe. A version that is not
 * a catalogued release gets the page itself. Pure string building; never throws.
 */
export function releaseNotesUrl(page: ReleaseNotesPage, version: unknown): string {
  const pageUrl = `${releaseNotesBase}/${page}`;
  const parsed = versionOrNull(version);
  const release = releaseOfVersion(page === 'dashboard' ? 'gateway' : page, parsed);
  if (release === undefined) return pageUrl;
  if (release.source === 'tag') {
    const repository = publicRepositories[page];
    if (repository !== undefined) {
      return `https://github.com/${repository}/releases/tag/v${release.version}`;
    }
    // The Dashboard notes have a section per minor line, which is the nearest public text.
    return `${pageUrl}#${headingAnchor(minorLine(release.version))}`;
  }
  const heading = minorHeadingOnly[page].includes(release.version)
    ? minorLine(release.version)
    : release.version;
  return `${pageUrl}#${headingAnchor(heading)}`;
}
