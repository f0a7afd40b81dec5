import { describe, expect, it } from 'vitest';
import { catalogDate, gatewayReleases, ltsWindows, mdcbReleases, pumpReleases } from './releases';
import type { Release } from '../types';
import { compareVersions, minorLine, versionOrNull } from '../versions';
import {
  gatewayCompanionListings,
  gatewayReleaseHistory,
  mdcbReleaseHistory,
  pumpReleaseHistory,
  type ReleaseRecord,
} from './release-history';

const histories: readonly (readonly [string, readonly ReleaseRecord[]])[] = [
  ['gateway', gatewayReleaseHistory],
  ['pump', pumpReleaseHistory],
  ['mdcb', mdcbReleaseHistory],
];

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** A real calendar day: no Date in the rules, so the check is spelled out. */
function isCalendarDay(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 && !leap ? 28 : (daysInMonth[month - 1] ?? 0);
  return day >= 1 && day <= last;
}

describe('release history integrity', () => {
  it.each(histories)(
    '%s: plain releases (no pre-release), newest first, no duplicates',
    (_line, releases) => {
      for (const release of releases) {
        expect(versionOrNull(release.version)).toBe(release.version);
        expect(release.version).not.toContain('-');
      }
      for (let index = 1; index < releases.length; index += 1) {
        const newer = releases[index - 1]?.version ?? '';
        const older = releases[index]?.version ?? '';
        expect(compareVersions(newer, older), `${newer} before ${older}`).toBe(1);
      }
      expect(new Set(releases.map((release) => release.version)).size).toBe(releases.length);
    },
  );

  it.each(histories)(
    '%s: every date is a calendar day on or before the snapshot',
    (_line, releases) => {
      for (const release of releases) {
        expect(isCalendarDay(release.date), `${release.version} ${release.date}`).toBe(true);
        expect(release.date <= catalogDate, `${release.version} ${release.date}`).toBe(true);
      }
    },
  );

  it.each(histories)(
    '%s: avoid texts are plain text and pick a real release',
    (_line, releases) => {
      for (const release of releases.filter((candidate) => candidate.avoid !== undefined)) {
        const text = release.avoid ?? '';
        expect(text).not.toMatch(/[<>]|\{\{|\]\(/);
        const picked = /Pick (\d+\.\d+\.\d+)/.exec(text)?.[1] ?? '';
        expect(releases.map((candidate) => candidate.version)).toContain(picked);
      }
    },
  );

  it('marks exactly the releases of the LTS lines with their line', () => {
    const ltsLines: readonly string[] = ltsWindows.map((window) => window.line);
    for (const release of gatewayReleaseHistory) {
      const line = minorLine(release.version);
      expect(release.ltsLine, release.version).toBe(ltsLines.includes(line) ? line : undefined);
    }
    for (const release of [...pumpReleaseHistory, ...mdcbReleaseHistory]) {
      expect(release.ltsLine).toBeUndefined();
    }
  });

  // The figures of the report: how many releases, the oldest and the newest.
  it.each([
    ['gateway', gatewayReleaseHistory, 132, '3.0.0', '5.14.0'],
    ['pump', pumpReleaseHistory, 30, '1.0.0', '1.16.0'],
    ['mdcb', mdcbReleaseHistory, 35, '2.0.0', '2.12.0'],
  ] as const)('%s: %i releases from %s to %s', (_line, releases, count, oldest, newest) => {
    expect(releases).toHaveLength(count);
    expect(releases[releases.length - 1]?.version).toBe(oldest);
    expect(releases[0]?.version).toBe(newest);
  });

  it.each([
    // The releases the report said were missing (issue 9 item 6).
    ['gateway', '4.3.3', '2023-02-07', 'tag'], // TykTechnologies/tyk tag v4.3.3
    ['gateway', '4.0.16', '2024-05-20', 'tag'], // tag v4.0.16, the last 4.0 LTS patch
    ['gateway', '3.0.12', '2022-06-02', 'tag'], // tag v3.0.12
    ['pump', '1.7.0', '2022-12-02', 'tag'], // TykTechnologies/tyk-pump tag v1.7.0
    ['pump', '1.6.0', '2022-06-27', 'tag'], // tyk-pump tag v1.6.0
    // Named by the 5.4.0 notes, tagged, but without a section of their own.
    ['gateway', '5.2.6', '2024-03-06', 'tag'],
    ['gateway', '5.1.2', '2023-08-21', 'tag'],
    // Release notes: "Release Date" lines. The Dashboard notes say 2025 for 5.8.11, a slip.
    ['gateway', '5.14.0', '2026-07-07', 'release-notes'],
    ['gateway', '5.8.11', '2026-02-12', 'release-notes'],
    ['gateway', '5.1.0', '2023-06-23', 'release-notes'], // the single "5.1 Release Notes" section
    ['gateway', '5.0.7', '2023-10-27', 'release-notes'], // listed; the date is the tag's
    ['gateway', '4.3.0', '2022-11-29', 'release-notes'], // listed without a date: the tag's
    ['pump', '1.10.0', '2024-07-03', 'release-notes'],
    ['pump', '1.8.1', '2023-06-20', 'release-notes'], // listed without a date: the tag's
    ['mdcb', '2.9.1', '2026-06-29', 'release-notes'], // a 2.9 patch after 2.10.0
    ['mdcb', '2.0.0', '2022-05-17', 'release-notes'],
  ] as const)('%s %s was released on %s (source %s)', (line, version, date, source) => {
    const releases = histories.find(([name]) => name === line)?.[1] ?? [];
    expect(releases.find((release) => release.version === version)).toMatchObject({
      date,
      source,
    });
  });

  it.each([
    // Release candidates and other pre-release tags are not releases.
    ['gateway', '5.13.2'], // only v5.13.2-rc1 to -rc4
    ['gateway', '5.15.0'], // only alphas and release candidates
    ['gateway', '4.0.17'],
    ['pump', '1.17.0'], // only v1.17.0-rc1 to -rc3
    ['pump', '1.8.4'], // only release candidates
    ['pump', '1.6.1'],
    ['pump', '0.8.5'], // before 1.0.0: the archived 2.x era
    ['gateway', '2.9.6'], // archived
  ] as const)('%s %s is not a release in the history', (line, version) => {
    const releases = histories.find(([name]) => name === line)?.[1] ?? [];
    expect(releases.map((release) => release.version)).not.toContain(version);
  });

  it('lists the releases known only from tags', () => {
    const tagged = (releases: readonly ReleaseRecord[]) =>
      releases.filter((release) => release.source === 'tag').map((release) => release.version);
    expect(tagged(gatewayReleaseHistory)).toEqual([
      ...['5.2.6', '5.1.2', '5.1.1'],
      ...['4.3.8', '4.3.7', '4.3.6', '4.3.5', '4.3.4', '4.3.3', '4.3.2', '4.3.1'],
      ...['4.2.4', '4.2.3', '4.2.2', '4.2.1'],
      ...['4.0.16', '4.0.15', '4.0.14', '4.0.13', '4.0.12', '4.0.11', '4.0.10', '4.0.9'],
      ...['4.0.8', '4.0.7', '4.0.6', '4.0.5', '4.0.4', '4.0.3', '4.0.2', '4.0.1'],
      ...['3.2.3', '3.2.2', '3.2.1', '3.1.3', '3.1.2', '3.1.1'],
      ...['3.0.12', '3.0.11', '3.0.10', '3.0.9', '3.0.8', '3.0.7', '3.0.6', '3.0.5', '3.0.4'],
      ...['3.0.3', '3.0.2', '3.0.1'],
    ]);
    expect(tagged(pumpReleaseHistory)).toEqual([
      ...['1.7.0', '1.6.0', '1.5.1', '1.5.0', '1.4.0', '1.3.0', '1.2.0', '1.1.0', '1.0.1', '1.0.0'],
    ]);
    expect(tagged(mdcbReleaseHistory)).toEqual([]);
  });

  it.each([
    ['gateway', ['5.9.0', '5.8.3', '5.6.0', '5.3.6', '5.2.0', '5.0.14']],
    ['pump', ['1.8.3', '1.8.2', '1.8.1', '1.8.0']],
    ['mdcb', []],
  ] as const)('%s: the releases to avoid are %j', (line, versions) => {
    const releases = histories.find(([name]) => name === line)?.[1] ?? [];
    const avoided = releases.filter((release) => release.avoid !== undefined);
    expect(avoided.map((release) => release.version)).toEqual(versions);
  });

  // Nothing of the catalogue in catalog/releases.ts is lost: every release with its line and avoid text.
  // 5.2.0's text changes on purpose: 5.2.5 is no longer the newest 5.2 patch (5.2.6 is).
  it.each([
    ['gateway', gatewayReleases, gatewayReleaseHistory],
    ['pump', pumpReleases, pumpReleaseHistory],
    ['mdcb', mdcbReleases, mdcbReleaseHistory],
  ] as const)('%s keeps every release of the current catalogue', (_line, current, history) => {
    for (const release of current as readonly Release[]) {
      const record = history.find((candidate) => candidate.version === release.version);
      expect(record, release.version).toBeDefined();
      expect(record?.ltsLine, release.version).toBe(release.ltsLine);
      if (release.version !== '5.2.0') expect(record?.avoid, release.version).toBe(release.avoid);
    }
  });
});

describe('companion listings integrity', () => {
  it('has one row per Gateway release from 5.3.0, newest first, and none before', () => {
    const fromFiveThree = gatewayReleaseHistory
      .filter((release) => compareVersions(release.version, '5.3.0') >= 0)
      .map((release) => release.version);
    expect(gatewayCompanionListings.map((row) => row.gateway)).toEqual(fromFiveThree);
    expect(gatewayCompanionListings).toHaveLength(53);
  });

  it('marks as matrix rows exactly the ones facts §10.3 extracts', () => {
    const matrixRows = gatewayCompanionListings
      .filter((row) => row.source === 'compatibility-matrix')
      .map((row) => row.gateway);
    expect(matrixRows).toEqual([
      ...['5.14.0', '5.13.1', '5.13.0', '5.8.15', '5.8.0', '5.3.13'],
      ...['5.3.10', '5.3.9', '5.3.8', '5.3.7', '5.3.6', '5.3.5', '5.3.0'],
    ]);
  });

  it('names companions that are releases or minor lines of their histories', () => {
    const linesOf = (releases: readonly ReleaseRecord[]) => [
      ...releases.map((release) => release.version),
      ...releases.map((release) => minorLine(release.version)),
    ];
    for (const row of gatewayCompanionListings) {
      expect(linesOf(mdcbReleaseHistory), row.gateway).toContain(row.mdcb);
      expect(linesOf(pumpReleaseHistory), row.gateway).toContain(row.pump);
    }
  });
});
