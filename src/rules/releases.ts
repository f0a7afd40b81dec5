// Questions about releases: which exist and the support status of a version. Support status is
// worked out as of `catalogDate`, never as of today, so the same answers always give the same plan.
// The data is in catalog/releases.ts; the companions of a Gateway release in release-lookup.ts.
import { catalogDate, gatewayReleases, ltsWindows, type LtsWindow } from './catalog/releases';
import { releaseHistoryOf, releaseOfVersion } from './release-lookup';
import type { Release, SupportStatus, VersionLine } from './types';
import { compareVersions, isNewer, minorLine, versionOrNull } from './versions';

export type ReleaseLine = VersionLine;

export function releasesOf(line: ReleaseLine): readonly Release[] {
  return releaseHistoryOf(line);
}

/** The catalogued release, accepting `v5.3.0` and spaces; undefined when the version is not in the release history. */
export function findRelease(line: ReleaseLine, version: string): Release | undefined {
  return releaseOfVersion(line, versionOrNull(version));
}

export function latestRelease(line: ReleaseLine): string {
  // Each list is sorted newest first and never empty.
  return releasesOf(line)[0]?.version ?? '';
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `2027-06` → `June 2027`. */
function monthLabel(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${monthNames[Number(month) - 1] ?? month} ${year}`;
}

const catalogMonth = catalogDate.slice(0, 7);

function ltsStatus(window: LtsWindow): 'full-support' | 'maintenance' | 'unsupported' {
  if (catalogMonth <= window.fullSupportUntil) return 'full-support';
  if (catalogMonth <= window.maintenanceUntil) return 'maintenance';
  return 'unsupported';
}

/** The newest patch of each minor line of the Gateway catalogue, oldest line first: `3.0` … `5.14`. */
const newestPatchByLine: ReadonlyMap<string, string> = (() => {
  const byLine = new Map<string, string>();
  // The catalogue lists the newest release first, so the first release seen on a line is its newest.
  const newestFirst = gatewayReleases.map((release) => release.version);
  for (const version of newestFirst) {
    const line = minorLine(version);
    if (!byLine.has(line)) byLine.set(line, version);
  }
  return new Map([...byLine].reverse());
})();

const gatewayLines: readonly string[] = [...newestPatchByLine.keys()];

function newestPatchOf(line: string): string {
  return newestPatchByLine.get(line) ?? '';
}

/** What to move to: the LTS line in full support and the newest line, when they differ. */
function supportedChoices(): string {
  const lts = ltsWindows.find((window) => ltsStatus(window) === 'full-support');
  const newest = minorLine(latestRelease('gateway'));
  if (lts === undefined) return `${newest} (the newest line)`;
  if (lts.line === newest) return `${lts.line} LTS`;
  return `${lts.line} LTS or ${newest}`;
}

function patchNote(version: string, line: string): string {
  const newest = newestPatchOf(line);
  if (findRelease('gateway', version) === undefined) {
    return ` ${version} is not in the release catalogue of ${catalogDate}; check that it exists.`;
  }
  return newest !== '' && newest !== version ? ` The newest patch on this line is ${newest}.` : '';
}

/** Support status of a Gateway/Dashboard version as of `catalogDate`. Never throws. */
export function supportStatus(version: string): {
  readonly status: SupportStatus;
  readonly detail: string;
} {
  const parsed = versionOrNull(version);
  if (parsed === null) {
    return {
      status: 'unknown',
      detail:
        'This is not a version like 5.3.0, so its support status is unknown. Check the version you run.',
    };
  }
  const latest = latestRelease('gateway');
  if (isNewer(parsed, latest)) {
    return {
      status: 'unknown',
      detail: `${parsed} is newer than the release catalogue of ${catalogDate} (newest ${latest}). Read its release notes for its support dates.`,
    };
  }
  const line = minorLine(parsed);
  const choices = supportedChoices();
  if (!newestPatchByLine.has(line)) {
    const oldest = gatewayReleases[gatewayReleases.length - 1]?.version ?? latest;
    if (compareVersions(parsed, oldest) < 0) {
      return {
        status: 'unsupported',
        detail: `${line} belongs to the archived releases and has long been out of support. Upgrade to ${choices}.`,
      };
    }
    return {
      status: 'unknown',
      detail: `There is no ${line} line in the release notes of ${catalogDate}. Check the version you run.`,
    };
  }
  const note = patchNote(parsed, line);
  const window = ltsWindows.find((candidate) => candidate.line === line);
  if (window !== undefined) {
    const status = ltsStatus(window);
    if (status === 'full-support') {
      return {
        status,
        detail: `${line} is a long-term support line in full support until ${monthLabel(window.fullSupportUntil)}, then in maintenance until ${monthLabel(window.maintenanceUntil)}.${note}`,
      };
    }
    if (status === 'maintenance') {
      return {
        status,
        detail: `${line} is a long-term support line in maintenance: only critical fixes until ${monthLabel(window.maintenanceUntil)}. Plan the move to ${choices} before then.${note}`,
      };
    }
    return {
      status,
      detail: `${line} was a long-term support line; its support ended after ${monthLabel(window.maintenanceUntil)}. Upgrade to ${choices}.`,
    };
  }
  if (line === minorLine(latest)) {
    return {
      status: 'latest',
      detail: `${line} is the newest release line and is supported until the next minor release ships. Keep up with new minors, or choose an LTS line for longer support.${note}`,
    };
  }
  const next = gatewayLines[gatewayLines.indexOf(line) + 1] ?? minorLine(latest);
  return {
    status: 'unsupported',
    detail: `${line} was not a long-term support line; it reached end of life when ${next} shipped. Upgrade to ${choices}.`,
  };
}
