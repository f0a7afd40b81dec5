import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  companionsFor,
  releaseNotesUrl,
  resolveVersion,
  resolveVersionIn,
  type CompanionAdvice,
  type ReleaseNotesPage,
  type VersionResolution,
} from './release-lookup';
import type { ReleaseLine } from './releases';

const resolved = (version: string, resolvedFrom?: 'latest' | 'minor') =>
  resolvedFrom === undefined ? { ok: true, version } : { ok: true, version, resolvedFrom };

describe('resolveVersion', () => {
  it.each<[string, ReleaseLine, unknown, ReturnType<typeof resolved>]>([
    ['a release as typed', 'gateway', '5.3.0', resolved('5.3.0')],
    ['a v prefix', 'gateway', 'v5.3.0', resolved('5.3.0')],
    ['spaces around it', 'gateway', ' 5.3.0 ', resolved('5.3.0')],
    ['a 4.x patch known from the tags', 'gateway', '4.3.3', resolved('4.3.3')],
    ['a minor line: its newest patch', 'gateway', '5.8', resolved('5.8.15', 'minor')],
    ['a minor line written 5.8.x', 'gateway', '5.8.x', resolved('5.8.15', 'minor')],
    ['a minor line with v and X', 'gateway', 'V5.3.X', resolved('5.3.13', 'minor')],
    ['a minor line whose newest patch is a tag', 'gateway', '5.2', resolved('5.2.6', 'minor')],
    ['a line with one release', 'gateway', '5.4', resolved('5.4.0', 'minor')],
    ['an old line', 'gateway', '4.0.*', resolved('4.0.16', 'minor')],
    ['latest', 'gateway', 'latest', resolved('5.14.0', 'latest')],
    ['latest, any case and spaces', 'gateway', ' Latest ', resolved('5.14.0', 'latest')],
    ['Pump latest', 'pump', 'latest', resolved('1.16.0', 'latest')],
    ['Pump 1.7.0 from the tags', 'pump', '1.7.0', resolved('1.7.0')],
    ['Pump 1.13', 'pump', '1.13', resolved('1.13.3', 'minor')],
    ['MDCB latest', 'mdcb', 'latest', resolved('2.12.0', 'latest')],
    ['MDCB 2.8', 'mdcb', '2.8', resolved('2.8.8', 'minor')],
    ['MDCB 2.9: the patch released after 2.10.0', 'mdcb', '2.9', resolved('2.9.1', 'minor')],
  ])('%s: %s %j', (_name, line, typed, expected) => {
    expect(resolveVersion(line, typed)).toMatchObject(expected);
  });

  it('leaves resolvedFrom out for a version typed in full', () => {
    expect(resolveVersion('gateway', '5.3.0')).not.toHaveProperty('resolvedFrom');
  });

  it('returns the release record with its date and LTS line', () => {
    expect(resolveVersion('gateway', '5.8')).toEqual({
      ok: true,
      version: '5.8.15',
      resolvedFrom: 'minor',
      release: { version: '5.8.15', date: '2026-06-30', ltsLine: '5.8', source: 'release-notes' },
    });
  });

  it.each<[string, ReleaseLine, unknown, string]>([
    [
      'a patch after the last of its line',
      'gateway',
      '5.3.14',
      'Gateway 5.3.14 was never released; the nearest releases are 5.3.13 and 5.4.0.',
    ],
    [
      'a patch between lines',
      'gateway',
      '4.3.9',
      'Gateway 4.3.9 was never released; the nearest releases are 4.3.8 and 5.0.0.',
    ],
    [
      'a gap in a line',
      'gateway',
      'v5.1.3',
      'Gateway 5.1.3 was never released; the nearest releases are 5.1.2 and 5.2.0.',
    ],
    [
      'a release candidate',
      'gateway',
      '5.13.2-rc4',
      'Gateway 5.13.2-rc4 is a pre-release, not a release; the nearest releases are 5.13.1 and 5.14.0.',
    ],
    [
      'a release candidate of a future minor',
      'gateway',
      '5.15.0-rc7',
      'Gateway 5.15.0-rc7 is a pre-release, not a release; the newest release is 5.14.0.',
    ],
    [
      'newer than the catalogue',
      'gateway',
      '5.15.0',
      'Gateway 5.15.0 is not in the release catalogue of 2026-08-21, whose newest Gateway release is 5.14.0.',
    ],
    [
      'an archived release',
      'gateway',
      '2.9.6',
      'Gateway 2.9.6 is older than this catalogue, which starts at 3.0.0; earlier releases are archived.',
    ],
    [
      'a Gateway version in the Pump field',
      'pump',
      '5.3.0',
      'Pump 5.3.0 is not in the release catalogue of 2026-08-21, whose newest Pump release is 1.16.0.',
    ],
    [
      'a Pump release candidate that never shipped',
      'pump',
      '1.8.4',
      'Pump 1.8.4 was never released; the nearest releases are 1.8.3 and 1.9.0.',
    ],
    [
      'an archived Pump',
      'pump',
      '0.8.5',
      'Pump 0.8.5 is older than this catalogue, which starts at 1.0.0; earlier releases are archived.',
    ],
    [
      'an MDCB 1.x',
      'mdcb',
      '1.8.4',
      'MDCB 1.8.4 is older than this catalogue, which starts at 2.0.0; earlier releases are archived.',
    ],
    [
      'a minor line with no release yet',
      'gateway',
      '5.15',
      'Gateway 5.15 has no release in the catalogue of 2026-08-21; the newest line is 5.14 (5.14.0).',
    ],
    [
      'a minor line that never existed',
      'gateway',
      '4.4.x',
      'There was never a Gateway 4.4 line; the nearest releases are 4.3.8 and 5.0.0.',
    ],
    [
      'an archived minor line',
      'gateway',
      '2.9',
      'Gateway 2.9 is older than this catalogue, which starts at 3.0.0; earlier releases are archived.',
    ],
    [
      'a Pump line that does not exist',
      'pump',
      '1.17',
      'Pump 1.17 has no release in the catalogue of 2026-08-21; the newest line is 1.16 (1.16.0).',
    ],
    [
      'nothing typed',
      'gateway',
      '   ',
      'Type the Gateway version: a release such as 5.14.0, a line such as 5.14 for its newest patch, or latest.',
    ],
    [
      'not a string',
      'mdcb',
      undefined,
      'Type the MDCB version: a release such as 2.12.0, a line such as 2.12 for its newest patch, or latest.',
    ],
    [
      'a word',
      'pump',
      'newest',
      'Pump "newest" is not a version. Type a release such as 1.16.0, a line such as 1.16 for its newest patch, or latest.',
    ],
    [
      'a major only',
      'gateway',
      '5',
      'Gateway "5" is not a version. Type a release such as 5.14.0, a line such as 5.14 for its newest patch, or latest.',
    ],
    [
      'leading zeros',
      'gateway',
      '5.08',
      'Gateway "5.08" is not a version. Type a release such as 5.14.0, a line such as 5.14 for its newest patch, or latest.',
    ],
    [
      'control characters are not echoed',
      'gateway',
      '5.3\u0007',
      'Gateway "5.3?" is not a version. Type a release such as 5.14.0, a line such as 5.14 for its newest patch, or latest.',
    ],
  ])('%s: %s %j', (_name, line, typed, message) => {
    expect(resolveVersion(line, typed)).toEqual({ ok: false, message });
  });

  it.each<[string, unknown, VersionResolution]>([
    [
      'latest',
      'latest',
      {
        ok: false,
        message: 'There is no Sync release in the catalogue of 2026-08-21 to call latest.',
      },
    ],
    [
      'a minor line',
      '2.2',
      { ok: false, message: 'There is no Sync release in the catalogue of 2026-08-21.' },
    ],
    [
      'a release',
      '2.2.0',
      { ok: false, message: 'There is no Sync release in the catalogue of 2026-08-21.' },
    ],
  ])('an empty list says why %s cannot be resolved', (_name, typed, expected) => {
    expect(resolveVersionIn('Sync', [], typed)).toEqual(expected);
  });

  it('never throws, whatever it is given', () => {
    const lines = fc.constantFrom<ReleaseLine>('gateway', 'pump', 'mdcb');
    const typed = fc.oneof(
      fc.anything(),
      fc.string(),
      // Fixed odd inputs rather than binary strings, whose generator alone takes seconds to warm up.
      fc.constantFrom(
        '\u0000',
        '5.3.0\n',
        '\u0665.\u0663.\u0660',
        '5.3.0-',
        'v',
        '..',
        '5..3',
        '💥',
      ),
      fc
        .tuple(fc.nat(20), fc.nat(30), fc.option(fc.nat(30)))
        .map(([a, b, c]) => (c === null ? `${a}.${b}` : `${a}.${b}.${c}`)),
    );
    fc.assert(
      fc.property(lines, typed, (line, value) => {
        const result = resolveVersion(line, value);
        if (result.ok) expect(result.release.version).toBe(result.version);
        else expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('companionsFor', () => {
  const advice = (
    mdcb: string,
    pump: string,
    source: CompanionAdvice['source'],
    sourceVersion: string,
    listed: { mdcb: string; pump: string } = { mdcb, pump },
  ): CompanionAdvice => ({ mdcb, pump, source, sourceVersion, listed });

  it.each<[string, unknown, CompanionAdvice | null]>([
    // Rows facts §10.3 extracts as the compatibility matrix.
    ['5.14.0', '5.14.0', advice('2.12.0', '1.16.0', 'compatibility-matrix', '5.14.0')],
    ['5.13.1', '5.13.1', advice('2.12.0', '1.16.0', 'compatibility-matrix', '5.13.1')],
    ['5.13.0', '5.13.0', advice('2.11.0', '1.15.0', 'compatibility-matrix', '5.13.0')],
    ['5.8.15', '5.8.15', advice('2.12.0', '1.16.0', 'compatibility-matrix', '5.8.15')],
    ['5.8.0', '5.8.0', advice('2.8.0', '1.12.0', 'compatibility-matrix', '5.8.0')],
    ['5.3.13', '5.3.13', advice('2.11.0', '1.13.3', 'compatibility-matrix', '5.3.13')],
    [
      '5.3.7 (row 5.3.5-5.3.10)',
      '5.3.7',
      advice('2.5.1', '1.9.0', 'compatibility-matrix', '5.3.7'),
    ],
    // 5.3.0 lists "MDCB v2.5": the newest 2.5 patch.
    [
      '5.3.0',
      '5.3.0',
      advice('2.5.1', '1.9.0', 'compatibility-matrix', '5.3.0', { mdcb: '2.5', pump: '1.9.0' }),
    ],
    // Release notes of that version (gateway.mdx, "Compatibility Matrix For Tyk Components").
    // 5.4.0 lists MDCB v2.6 / Pump v1.10.0, not the 5.3.13 row.
    [
      '5.4.0',
      '5.4.0',
      advice('2.6.0', '1.10.0', 'release-notes', '5.4.0', { mdcb: '2.6', pump: '1.10.0' }),
    ],
    // 5.5.x list MDCB v2.7 and Pump v1.11: the newest patches of those lines.
    [
      '5.5.0',
      '5.5.0',
      advice('2.7.2', '1.11.2', 'release-notes', '5.5.0', { mdcb: '2.7', pump: '1.11' }),
    ],
    [
      '5.6.1',
      'v5.6.1',
      advice('2.7.1', '1.11.2', 'release-notes', '5.6.1', { mdcb: '2.7.1', pump: '1.11' }),
    ],
    ['5.7.3', '5.7.3', advice('2.7.2', '1.11.1', 'release-notes', '5.7.3')],
    ['5.8.11', '5.8.11', advice('2.8.7', '1.13.2', 'release-notes', '5.8.11')],
    ['5.9.0', ' 5.9.0 ', advice('2.8.2', '1.12.0', 'release-notes', '5.9.0')],
    ['5.12.1', '5.12.1', advice('2.9.0', '1.14.1', 'release-notes', '5.12.1')],
    ['5.3.1', '5.3.1', advice('2.5.1', '1.9.0', 'release-notes', '5.3.1')],
    ['5.3.12', '5.3.12', advice('2.8.4', '1.12.0', 'release-notes', '5.3.12')],
    // No source lists companions: the caller asks instead of assuming.
    ['5.2.5 (before the tables start)', '5.2.5', null],
    ['4.3.3', '4.3.3', null],
    ['a version never released', '5.3.14', null],
    ['a minor line', '5.8', null],
    ['not a version', 'latest', null],
    ['not a string', 42, null],
  ])('Gateway %s', (_name, gateway, expected) => {
    expect(companionsFor(gateway)).toEqual(expected);
  });
});

describe('releaseNotesUrl', () => {
  const notes = 'https://tyk.io/docs/developer-support/release-notes';

  it.each<[ReleaseNotesPage, unknown, string]>([
    // The docs' own anchors: "### 5.14.0 Release Notes" -> #5-14-0-release-notes.
    ['gateway', '5.14.0', `${notes}/gateway#5-14-0-release-notes`],
    ['gateway', 'v5.3.6', `${notes}/gateway#5-3-6-release-notes`],
    ['gateway', '5.0.7', `${notes}/gateway#5-0-7-release-notes`],
    ['gateway', '4.3.0', `${notes}/gateway#4-3-0-release-notes`],
    ['dashboard', '5.8.12', `${notes}/dashboard#5-8-12-release-notes`],
    ['pump', '1.14.1', `${notes}/pump#1-14-1-release-notes`],
    ['mdcb', '2.8.4', `${notes}/mdcb#2-8-4-release-notes`],
    // Only a minor heading: "## 5.1 Release Notes" (the Dashboard has a 5.1.0 heading).
    ['gateway', '5.1.0', `${notes}/gateway#5-1-release-notes`],
    ['dashboard', '5.1.0', `${notes}/dashboard#5-1-0-release-notes`],
    ['pump', '1.10.0', `${notes}/pump#1-10-release-notes`],
    ['pump', '1.9.0', `${notes}/pump#1-9-release-notes`],
    // Known only from tags: the public tag page; the Dashboard's minor section.
    ['gateway', '4.3.3', 'https://github.com/TykTechnologies/tyk/releases/tag/v4.3.3'],
    ['gateway', '5.2.6', 'https://github.com/TykTechnologies/tyk/releases/tag/v5.2.6'],
    ['pump', '1.7.0', 'https://github.com/TykTechnologies/tyk-pump/releases/tag/v1.7.0'],
    ['dashboard', '4.3.3', `${notes}/dashboard#4-3-release-notes`],
    // Not a catalogued release: the page itself.
    ['gateway', '5.3.14', `${notes}/gateway`],
    ['mdcb', 'latest', `${notes}/mdcb`],
    ['pump', null, `${notes}/pump`],
  ])('%s %j', (page, version, url) => {
    expect(releaseNotesUrl(page, version)).toBe(url);
  });
});
