import { describe, expect, it } from 'vitest';
import {
  catalogDate,
  gatewayReleases,
  ltsWindows,
  mdcbReleases,
  pumpReleases,
} from './catalog/releases';
import {
  findRelease,
  latestRelease,
  releasesOf,
  supportStatus,
  type ReleaseLine,
} from './releases';
import type { Release, SupportStatus } from './types';
import { compareVersions, minorLine, versionOrNull } from './versions';

const lines: readonly (readonly [ReleaseLine, readonly Release[]])[] = [
  ['gateway', gatewayReleases],
  ['pump', pumpReleases],
  ['mdcb', mdcbReleases],
];

describe('release catalogue integrity', () => {
  it('is dated for deterministic support status', () => {
    expect(catalogDate).toBe('2026-08-21');
  });

  it.each(lines)(
    '%s releases parse, are sorted newest first and have no duplicates',
    (_line, releases) => {
      expect(releases.length).toBeGreaterThan(0);
      for (const release of releases) expect(versionOrNull(release.version)).toBe(release.version);
      for (let index = 1; index < releases.length; index += 1) {
        const newer = releases[index - 1]?.version ?? '';
        const older = releases[index]?.version ?? '';
        expect(compareVersions(newer, older), `${newer} before ${older}`).toBe(1);
      }
      expect(new Set(releases.map((release) => release.version)).size).toBe(releases.length);
    },
  );

  it.each(lines)('%s avoid texts are plain text that says what to pick', (_line, releases) => {
    for (const release of releases.filter((candidate) => candidate.avoid !== undefined)) {
      const text = release.avoid ?? '';
      expect(text).toMatch(/Pick \d+\.\d+\.\d+/);
      expect(text).not.toMatch(/[<>]|\{\{|\]\(/);
    }
  });

  it('spans the documented releases of each line', () => {
    expect(gatewayReleases[0]?.version).toBe('5.14.0');
    expect(gatewayReleases.at(-1)?.version).toBe('3.0.0');
    expect(gatewayReleases.some((release) => release.version.startsWith('2.'))).toBe(false);
    expect(pumpReleases[0]?.version).toBe('1.16.0');
    expect(pumpReleases.at(-1)?.version).toBe('1.0.0');
    expect(mdcbReleases.every((release) => release.version.startsWith('2.'))).toBe(true);
    expect(mdcbReleases.at(-1)?.version).toBe('2.0.0');
    expect(gatewayReleases.filter((release) => minorLine(release.version) === '5.8')).toHaveLength(
      16,
    );
    expect(gatewayReleases.filter((release) => minorLine(release.version) === '5.3')).toHaveLength(
      14,
    );
    expect(gatewayReleases.filter((release) => minorLine(release.version) === '5.0')).toHaveLength(
      16,
    );
    expect(mdcbReleases.filter((release) => minorLine(release.version) === '2.8')).toHaveLength(9);
  });

  it('marks exactly the LTS lines, and each release with its own line', () => {
    const ltsLines = new Set(
      gatewayReleases.flatMap((release) =>
        release.ltsLine === undefined ? [] : [release.ltsLine],
      ),
    );
    expect([...ltsLines]).toEqual(['5.13', '5.8', '5.3', '5.0', '4.0']);
    for (const release of gatewayReleases) {
      const isLts = ltsLines.has(minorLine(release.version));
      expect(release.ltsLine, release.version).toBe(isLts ? minorLine(release.version) : undefined);
    }
    expect(ltsWindows.map((window) => window.line)).toEqual([...ltsLines]);
  });

  it.each([
    ['gateway', ['5.9.0', '5.8.3', '5.6.0', '5.3.6', '5.2.0', '5.0.14']],
    ['pump', ['1.8.3', '1.8.2', '1.8.1', '1.8.0']],
    ['mdcb', []],
  ] as const)('%s avoids exactly %j', (line, expected) => {
    const avoided = releasesOf(line)
      .filter((release) => release.avoid !== undefined)
      .map((release) => release.version);
    expect(avoided).toEqual(expected);
  });
});

describe('findRelease and latestRelease', () => {
  it.each([
    ['gateway', '5.3.0', '5.3.0'],
    ['gateway', ' v5.8.15 ', '5.8.15'],
    // 5.2.6 and 4.3.3 are known from the tyk repository's tags (release-history.ts).
    ['gateway', '5.2.6', '5.2.6'],
    ['gateway', '4.3.3', '4.3.3'],
    ['gateway', '5.3.14', undefined],
    ['pump', '1.7.0', '1.7.0'],
    ['gateway', '2.9.0', undefined],
    ['pump', '1.14.1', '1.14.1'],
    ['pump', '5.3.0', undefined],
    ['mdcb', '2.12.0', '2.12.0'],
    ['mdcb', '5.0.0', undefined],
    ['mdcb', 'tyk-mdcb-stable-5.0.0', undefined],
    ['gateway', '', undefined],
  ] as const)('%s %j → %s', (line, version, expected) => {
    expect(findRelease(line, version)?.version).toBe(expected);
  });

  it('keeps the avoid text on the release it finds', () => {
    expect(findRelease('gateway', '5.2.0')?.avoid).toMatch(/5\.2\.5/);
    expect(findRelease('gateway', '5.6.0')?.avoid).toMatch(/5\.6\.1/);
    expect(findRelease('gateway', '5.3.6')?.avoid).toMatch(/5\.3\.7/);
    expect(findRelease('gateway', '5.0.14')?.avoid).toMatch(/5\.0\.15/);
    expect(findRelease('gateway', '5.8.4')?.avoid).toBeUndefined();
  });

  it.each([
    ['gateway', '5.14.0'],
    ['pump', '1.16.0'],
    ['mdcb', '2.12.0'],
  ] as const)('latest %s is %s', (line, expected) => {
    expect(latestRelease(line)).toBe(expected);
  });
});

describe('supportStatus as of the catalogue date', () => {
  it.each([
    ['5.14.0', 'latest'],
    ['5.13.1', 'full-support'],
    ['v5.13.0', 'full-support'],
    ['5.8.15', 'maintenance'],
    ['5.8.0', 'maintenance'],
    ['5.8.16', 'maintenance'],
    ['5.3.13', 'unsupported'],
    ['5.3.0', 'unsupported'],
    ['5.0.15', 'unsupported'],
    ['4.0.0', 'unsupported'],
    ['5.12.1', 'unsupported'],
    ['5.9.2', 'unsupported'],
    ['5.1.0', 'unsupported'],
    ['4.3.0', 'unsupported'],
    ['3.0.0', 'unsupported'],
    ['2.9.0', 'unsupported'],
    ['5.15.0', 'unknown'],
    ['6.0.0', 'unknown'],
    ['3.5.0', 'unknown'],
    ['latest', 'unknown'],
    ['', 'unknown'],
  ] as const satisfies readonly (readonly [string, SupportStatus])[])(
    '%j is %s',
    (version, expected) => {
      expect(supportStatus(version).status).toBe(expected);
    },
  );

  it.each([
    [
      '5.13.0',
      /full support until June 2027.*maintenance until June 2028.*newest patch on this line is 5\.13\.1/,
    ],
    ['5.8.2', /only critical fixes until June 2027.*5\.13 LTS/],
    ['5.3.13', /ended after July 2026.*Upgrade to 5\.13 LTS or 5\.14/],
    ['5.12.0', /not a long-term support line.*when 5\.13 shipped/],
    ['5.1.0', /when 5\.2 shipped/],
    ['4.3.0', /when 5\.0 shipped/],
    ['5.14.0', /newest release line/],
    ['2.9.0', /archived/],
    ['5.8.16', /not in the release catalogue/],
  ])('%s explains itself: %s', (version, pattern) => {
    expect(supportStatus(version).detail).toMatch(pattern);
  });

  it('gives a plain-text detail for every release', () => {
    for (const release of gatewayReleases) {
      const { status, detail } = supportStatus(release.version);
      expect(status).not.toBe('unknown');
      expect(detail).not.toMatch(/[<>]|\{\{|\]\(/);
      expect(detail.length).toBeGreaterThan(20);
    }
  });
});
