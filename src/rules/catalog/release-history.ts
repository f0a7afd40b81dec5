// The release history: every Gateway/Dashboard, Pump and MDCB release with its date, taken from
// the release notes of the docs snapshot (TykTechnologies/tyk-docs @95922c95, facts §10.1) and,
// for the versions those notes leave out, from the public repositories' tags. Each block names its
// source. Lists run newest first in semver order, so a patch of an older line follows newer lines.
import type { Release } from '../types';

/** Where a version is listed: the docs' release notes, or only a tag of the public repository. */
export type ReleaseSource = 'release-notes' | 'tag';

export type ReleaseRecord = Release & {
  /** The release date, YYYY-MM-DD. */
  readonly date: string;
  readonly source: ReleaseSource;
};

const panicOnReconnect =
  'Data-plane Gateways on this release can panic when they reconnect to MDCB or Tyk Cloud.';
// The 5.0.15 notes name the reconnect panic for Gateways connected to MDCB or Tyk Cloud only:
// the models whose Gateways are data planes of a control plane.
const connectedModels = ['cloud', 'cloud-hybrid', 'self-managed-mdcb'] as const;
const healthAndRewrite =
  'On this release /hello answers 503 while Redis is down, so Kubernetes probes restart healthy pods, and URL-rewrite rules need an explicit negate.';

/**
 * Gateway releases from 3.0.0, which is also the Dashboard's list: from 3.0 the two share version
 * numbers (the 3.0.0 notes), and the Dashboard repository is private. The release notes pair every
 * version marked `release-notes`; for the patches known only from Gateway tags (`tag`) a Dashboard
 * release of the same number is assumed, not confirmed. The archived 2.x line (Dashboard 1.x) is
 * left out.
 */
// Annotated rather than `as const`: callers read `avoid` and `ltsLine` on any entry.
export const gatewayReleaseHistory: readonly ReleaseRecord[] = [
  // 5.14.0 to 5.2.0: the Gateway and Dashboard release notes list each version with its
  // release date (developer-support/release-notes/gateway.mdx and dashboard.mdx).
  { version: '5.14.0', date: '2026-07-07', source: 'release-notes' },
  { version: '5.13.1', date: '2026-07-02', ltsLine: '5.13', source: 'release-notes' },
  { version: '5.13.0', date: '2026-05-19', ltsLine: '5.13', source: 'release-notes' },
  { version: '5.12.1', date: '2026-04-21', source: 'release-notes' },
  { version: '5.12.0', date: '2026-03-06', source: 'release-notes' },
  { version: '5.11.1', date: '2026-02-13', source: 'release-notes' },
  { version: '5.11.0', date: '2025-12-18', source: 'release-notes' },
  { version: '5.10.2', date: '2025-12-02', source: 'release-notes' },
  { version: '5.10.1', date: '2025-11-19', source: 'release-notes' },
  { version: '5.10.0', date: '2025-10-13', source: 'release-notes' },
  { version: '5.9.2', date: '2025-09-05', source: 'release-notes' },
  { version: '5.9.1', date: '2025-08-14', source: 'release-notes' },
  {
    version: '5.9.0',
    date: '2025-08-04',
    avoid: `${healthAndRewrite} Pick 5.9.1 or later instead (5.9.2 or later if you run MDCB).`,
    source: 'release-notes',
  },
  { version: '5.8.15', date: '2026-06-30', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.8.14', date: '2026-05-21', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.8.13', date: '2026-04-22', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.8.12', date: '2026-03-11', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.8.11', date: '2026-02-12', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.8.10', date: '2025-12-23', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.8.9', date: '2025-12-12', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.8.8', date: '2025-11-20', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.8.7', date: '2025-10-29', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.8.6', date: '2025-09-25', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.8.5', date: '2025-08-18', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.8.4', date: '2025-08-13', ltsLine: '5.8', source: 'release-notes' },
  {
    version: '5.8.3',
    date: '2025-07-15',
    ltsLine: '5.8',
    avoid: `${healthAndRewrite} Pick 5.8.4 or later instead (5.8.5 or later if you run MDCB).`,
    source: 'release-notes',
  },
  { version: '5.8.2', date: '2025-07-01', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.8.1', date: '2025-05-09', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.8.0', date: '2025-03-28', ltsLine: '5.8', source: 'release-notes' },
  { version: '5.7.3', date: '2025-06-05', source: 'release-notes' },
  { version: '5.7.2', date: '2025-02-19', source: 'release-notes' },
  { version: '5.7.1', date: '2024-12-31', source: 'release-notes' },
  { version: '5.7.0', date: '2024-12-03', source: 'release-notes' },
  { version: '5.6.1', date: '2024-10-18', source: 'release-notes' },
  {
    version: '5.6.0',
    date: '2024-10-10',
    avoid: `${panicOnReconnect} Pick 5.6.1 instead.`,
    avoidFor: connectedModels,
    source: 'release-notes',
  },
  { version: '5.5.2', date: '2024-10-03', source: 'release-notes' },
  { version: '5.5.1', date: '2024-09-26', source: 'release-notes' },
  { version: '5.5.0', date: '2024-08-12', source: 'release-notes' },
  { version: '5.4.0', date: '2024-07-02', source: 'release-notes' },
  { version: '5.3.13', date: '2026-05-18', ltsLine: '5.3', source: 'release-notes' },
  { version: '5.3.12', date: '2025-09-12', ltsLine: '5.3', source: 'release-notes' },
  { version: '5.3.11', date: '2025-05-07', ltsLine: '5.3', source: 'release-notes' },
  { version: '5.3.10', date: '2025-02-19', ltsLine: '5.3', source: 'release-notes' },
  { version: '5.3.9', date: '2024-12-31', ltsLine: '5.3', source: 'release-notes' },
  { version: '5.3.8', date: '2024-11-07', ltsLine: '5.3', source: 'release-notes' },
  { version: '5.3.7', date: '2024-10-22', ltsLine: '5.3', source: 'release-notes' },
  {
    version: '5.3.6',
    date: '2024-10-04',
    ltsLine: '5.3',
    avoid: `${panicOnReconnect} Pick 5.3.7 or later instead.`,
    avoidFor: connectedModels,
    source: 'release-notes',
  },
  { version: '5.3.5', date: '2024-09-26', ltsLine: '5.3', source: 'release-notes' },
  { version: '5.3.4', date: '2024-08-26', ltsLine: '5.3', source: 'release-notes' },
  { version: '5.3.3', date: '2024-08-02', ltsLine: '5.3', source: 'release-notes' },
  { version: '5.3.2', date: '2024-06-05', ltsLine: '5.3', source: 'release-notes' },
  { version: '5.3.1', date: '2024-04-24', ltsLine: '5.3', source: 'release-notes' },
  { version: '5.3.0', date: '2024-04-05', ltsLine: '5.3', source: 'release-notes' },
  // 5.2.6, 5.1.2 and 5.1.1 have no section of their own, though the 5.4.0 notes name them among
  // the affected versions: version and date come from the TykTechnologies/tyk tags.
  { version: '5.2.6', date: '2024-03-06', source: 'tag' },
  // 5.2.5 to 5.2.0: release notes, as above.
  { version: '5.2.5', date: '2023-12-19', source: 'release-notes' },
  { version: '5.2.4', date: '2023-12-07', source: 'release-notes' },
  { version: '5.2.3', date: '2023-11-21', source: 'release-notes' },
  { version: '5.2.2', date: '2023-10-31', source: 'release-notes' },
  { version: '5.2.1', date: '2023-10-10', source: 'release-notes' },
  {
    version: '5.2.0',
    date: '2023-09-29',
    avoid:
      'The release notes say to skip 5.2.0. Pick 5.2.5 or later instead; 5.2.6 is the newest 5.2 patch.',
    source: 'release-notes',
  },
  { version: '5.1.2', date: '2023-08-21', source: 'tag' },
  { version: '5.1.1', date: '2023-07-21', source: 'tag' },
  // The Gateway notes have one 5.1 section (no 5.1.0 heading); the Dashboard notes a 5.1.0 section.
  { version: '5.1.0', date: '2023-06-23', source: 'release-notes' },
  // 5.0.x: in the release notes. 5.0.12 to 5.0.3 only point to their GitHub releases, so their
  // dates are the tag dates (TykTechnologies/tyk tags).
  { version: '5.0.15', date: '2024-10-24', ltsLine: '5.0', source: 'release-notes' },
  {
    version: '5.0.14',
    date: '2024-09-18',
    ltsLine: '5.0',
    avoid: `${panicOnReconnect} Pick 5.0.15 instead.`,
    avoidFor: connectedModels,
    source: 'release-notes',
  },
  { version: '5.0.13', date: '2024-07-04', ltsLine: '5.0', source: 'release-notes' },
  { version: '5.0.12', date: '2024-04-29', ltsLine: '5.0', source: 'release-notes' },
  { version: '5.0.11', date: '2024-04-09', ltsLine: '5.0', source: 'release-notes' },
  { version: '5.0.10', date: '2023-12-18', ltsLine: '5.0', source: 'release-notes' },
  { version: '5.0.9', date: '2023-12-07', ltsLine: '5.0', source: 'release-notes' },
  { version: '5.0.8', date: '2023-11-08', ltsLine: '5.0', source: 'release-notes' },
  { version: '5.0.7', date: '2023-10-27', ltsLine: '5.0', source: 'release-notes' },
  { version: '5.0.6', date: '2023-09-04', ltsLine: '5.0', source: 'release-notes' },
  { version: '5.0.5', date: '2023-08-11', ltsLine: '5.0', source: 'release-notes' },
  { version: '5.0.4', date: '2023-07-17', ltsLine: '5.0', source: 'release-notes' },
  { version: '5.0.3', date: '2023-06-30', ltsLine: '5.0', source: 'release-notes' },
  { version: '5.0.2', date: '2023-05-29', ltsLine: '5.0', source: 'release-notes' },
  { version: '5.0.1', date: '2023-04-25', ltsLine: '5.0', source: 'release-notes' },
  { version: '5.0.0', date: '2023-03-28', ltsLine: '5.0', source: 'release-notes' },
  // 4.3.8 to 3.0.0: every x.y.0 is in the release notes, without a date; the patches are only
  // tags. Versions and dates come from the TykTechnologies/tyk tags without a pre-release suffix
  // (rc, alpha, beta, dev and the 4.0.8-p1 to -p4 builds are not releases). A tag's date is that of
  // the tagged commit, which can be a few days before the announcement.
  { version: '4.3.8', date: '2023-09-04', source: 'tag' },
  { version: '4.3.7', date: '2023-08-11', source: 'tag' },
  { version: '4.3.6', date: '2023-07-26', source: 'tag' },
  { version: '4.3.5', date: '2023-07-20', source: 'tag' },
  { version: '4.3.4', date: '2023-04-04', source: 'tag' },
  { version: '4.3.3', date: '2023-02-07', source: 'tag' },
  { version: '4.3.2', date: '2023-01-11', source: 'tag' },
  { version: '4.3.1', date: '2022-12-06', source: 'tag' },
  { version: '4.3.0', date: '2022-11-29', source: 'release-notes' },
  { version: '4.2.4', date: '2022-11-07', source: 'tag' },
  { version: '4.2.3', date: '2022-10-25', source: 'tag' },
  { version: '4.2.2', date: '2022-10-04', source: 'tag' },
  { version: '4.2.1', date: '2022-09-15', source: 'tag' },
  { version: '4.2.0', date: '2022-08-24', source: 'release-notes' },
  { version: '4.1.0', date: '2022-08-09', source: 'release-notes' },
  { version: '4.0.16', date: '2024-05-20', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.15', date: '2023-10-20', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.14', date: '2023-07-04', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.13', date: '2023-04-06', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.12', date: '2023-02-07', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.11', date: '2023-01-12', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.10', date: '2022-12-06', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.9', date: '2022-11-03', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.8', date: '2022-10-24', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.7', date: '2022-10-04', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.6', date: '2022-09-05', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.5', date: '2022-08-16', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.4', date: '2022-07-18', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.3', date: '2022-06-14', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.2', date: '2022-05-20', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.1', date: '2022-04-21', ltsLine: '4.0', source: 'tag' },
  { version: '4.0.0', date: '2022-02-07', ltsLine: '4.0', source: 'release-notes' },
  { version: '3.2.3', date: '2022-03-29', source: 'tag' },
  { version: '3.2.2', date: '2021-09-30', source: 'tag' },
  { version: '3.2.1', date: '2021-05-20', source: 'tag' },
  { version: '3.2.0', date: '2021-05-06', source: 'release-notes' },
  { version: '3.1.3', date: '2022-09-12', source: 'tag' },
  { version: '3.1.2', date: '2020-12-21', source: 'tag' },
  { version: '3.1.1', date: '2020-12-01', source: 'tag' },
  { version: '3.1.0', date: '2020-10-19', source: 'release-notes' },
  { version: '3.0.12', date: '2022-06-02', source: 'tag' },
  { version: '3.0.11', date: '2022-04-07', source: 'tag' },
  { version: '3.0.10', date: '2022-02-22', source: 'tag' },
  { version: '3.0.9', date: '2021-12-09', source: 'tag' },
  { version: '3.0.8', date: '2021-10-18', source: 'tag' },
  { version: '3.0.7', date: '2021-09-23', source: 'tag' },
  { version: '3.0.6', date: '2021-05-19', source: 'tag' },
  { version: '3.0.5', date: '2021-04-06', source: 'tag' },
  { version: '3.0.4', date: '2021-01-15', source: 'tag' },
  { version: '3.0.3', date: '2020-12-21', source: 'tag' },
  { version: '3.0.2', date: '2020-12-01', source: 'tag' },
  { version: '3.0.1', date: '2020-08-31', source: 'tag' },
  { version: '3.0.0', date: '2020-07-09', source: 'release-notes' },
];

const skipPump18 =
  'The Pump 1.9.0 release notes say to go straight past 1.8. Pick 1.9.0 or later instead.';

/** Pump releases from 1.0.0. */
export const pumpReleaseHistory: readonly ReleaseRecord[] = [
  // 1.16.0 to 1.8.0: the Pump release notes (developer-support/release-notes/pump.mdx), dates
  // from their release-date lines; 1.8.3 to 1.8.1 have none, so theirs are the dates of the
  // TykTechnologies/tyk-pump tags.
  { version: '1.16.0', date: '2026-07-07', source: 'release-notes' },
  { version: '1.15.0', date: '2026-05-19', source: 'release-notes' },
  { version: '1.14.1', date: '2026-04-20', source: 'release-notes' },
  { version: '1.14.0', date: '2026-03-06', source: 'release-notes' },
  { version: '1.13.3', date: '2026-02-12', source: 'release-notes' },
  { version: '1.13.2', date: '2025-12-18', source: 'release-notes' },
  { version: '1.13.1', date: '2025-11-27', source: 'release-notes' },
  { version: '1.13.0', date: '2025-10-29', source: 'release-notes' },
  { version: '1.12.2', date: '2025-10-15', source: 'release-notes' },
  { version: '1.12.1', date: '2025-08-18', source: 'release-notes' },
  { version: '1.12.0', date: '2025-03-28', source: 'release-notes' },
  { version: '1.11.2', date: '2025-01-10', source: 'release-notes' },
  { version: '1.11.1', date: '2024-12-04', source: 'release-notes' },
  { version: '1.11.0', date: '2024-08-13', source: 'release-notes' },
  { version: '1.10.0', date: '2024-07-03', source: 'release-notes' },
  { version: '1.9.0', date: '2024-04-05', source: 'release-notes' },
  { version: '1.8.3', date: '2023-09-07', avoid: skipPump18, source: 'release-notes' },
  { version: '1.8.2', date: '2023-08-29', avoid: skipPump18, source: 'release-notes' },
  { version: '1.8.1', date: '2023-06-20', avoid: skipPump18, source: 'release-notes' },
  { version: '1.8.0', date: '2023-05-04', avoid: skipPump18, source: 'release-notes' },
  // 1.7.0 to 1.0.0: only tags of TykTechnologies/tyk-pump without a pre-release suffix. 1.0.0 came
  // with Gateway 3.0.0; the 0.x releases belong to the archived 2.x Gateways and are left out.
  { version: '1.7.0', date: '2022-12-02', source: 'tag' },
  { version: '1.6.0', date: '2022-06-27', source: 'tag' },
  { version: '1.5.1', date: '2022-01-24', source: 'tag' },
  { version: '1.5.0', date: '2021-09-23', source: 'tag' },
  { version: '1.4.0', date: '2021-06-16', source: 'tag' },
  { version: '1.3.0', date: '2021-04-22', source: 'tag' },
  { version: '1.2.0', date: '2021-02-04', source: 'tag' },
  { version: '1.1.0', date: '2020-08-28', source: 'tag' },
  { version: '1.0.1', date: '2020-08-07', source: 'tag' },
  { version: '1.0.0', date: '2020-07-16', source: 'tag' },
];

/** MDCB releases (its own 2.x numbering). */
export const mdcbReleaseHistory: readonly ReleaseRecord[] = [
  // The MDCB release notes (developer-support/release-notes/mdcb.mdx), dates from their
  // release-date lines. The MDCB repository (tyk-sink) is private; 1.x is not in the notes.
  { version: '2.12.0', date: '2026-07-07', source: 'release-notes' },
  { version: '2.11.0', date: '2026-05-19', source: 'release-notes' },
  { version: '2.10.0', date: '2026-04-23', source: 'release-notes' },
  { version: '2.9.1', date: '2026-06-29', source: 'release-notes' },
  { version: '2.9.0', date: '2026-03-06', source: 'release-notes' },
  { version: '2.8.8', date: '2026-02-12', source: 'release-notes' },
  { version: '2.8.7', date: '2025-12-12', source: 'release-notes' },
  { version: '2.8.6', date: '2025-11-20', source: 'release-notes' },
  { version: '2.8.5', date: '2025-10-13', source: 'release-notes' },
  { version: '2.8.4', date: '2025-08-18', source: 'release-notes' },
  { version: '2.8.3', date: '2025-08-13', source: 'release-notes' },
  { version: '2.8.2', date: '2025-08-04', source: 'release-notes' },
  { version: '2.8.1', date: '2025-05-09', source: 'release-notes' },
  { version: '2.8.0', date: '2025-03-28', source: 'release-notes' },
  { version: '2.7.2', date: '2024-12-03', source: 'release-notes' },
  { version: '2.7.1', date: '2024-10-10', source: 'release-notes' },
  { version: '2.7.0', date: '2024-08-12', source: 'release-notes' },
  { version: '2.6.0', date: '2024-07-02', source: 'release-notes' },
  { version: '2.5.1', date: '2024-04-24', source: 'release-notes' },
  { version: '2.5.0', date: '2024-04-05', source: 'release-notes' },
  { version: '2.4.3', date: '2024-02-27', source: 'release-notes' },
  { version: '2.4.2', date: '2024-01-09', source: 'release-notes' },
  { version: '2.4.1', date: '2023-11-21', source: 'release-notes' },
  { version: '2.4.0', date: '2023-11-14', source: 'release-notes' },
  { version: '2.3.1', date: '2023-08-31', source: 'release-notes' },
  { version: '2.3.0', date: '2023-06-28', source: 'release-notes' },
  { version: '2.2.0', date: '2023-05-26', source: 'release-notes' },
  { version: '2.1.1', date: '2023-03-29', source: 'release-notes' },
  { version: '2.1.0', date: '2023-02-20', source: 'release-notes' },
  { version: '2.0.5', date: '2023-01-31', source: 'release-notes' },
  { version: '2.0.4', date: '2022-12-06', source: 'release-notes' },
  { version: '2.0.3', date: '2022-08-12', source: 'release-notes' },
  { version: '2.0.2', date: '2022-08-12', source: 'release-notes' },
  { version: '2.0.1', date: '2022-07-20', source: 'release-notes' },
  { version: '2.0.0', date: '2022-05-17', source: 'release-notes' },
];

/** Where a companion row comes from: facts §10.3's matrix extract, or that version's own notes. */
export type CompanionSource = 'compatibility-matrix' | 'release-notes';

export type CompanionListing = {
  /** The Gateway release whose notes list these companions. */
  readonly gateway: string;
  /** As the notes write it, without the `v`: a release (2.8.4) or only a minor line (2.7). */
  readonly mdcb: string;
  readonly pump: string;
  readonly source: CompanionSource;
};

// The "Recommended Releases" column of the "Compatibility Matrix For Tyk Components" table in the
// Gateway release notes (developer-support/release-notes/gateway.mdx): every release from 5.3.0
// has one, none before it. Rows marked `compatibility-matrix` are the ones facts §10.3 extracts as
// the matrix (5.3.0, 5.3.5-5.3.10, 5.3.13, 5.8.0, 5.8.15, 5.13.0, 5.13.1, 5.14.0); the others are
// read from the notes of that version. Where the Dashboard notes differ (5.8.11 lists MDCB 2.8.8
// and Pump 1.13.3 there), the Gateway notes win: the Gateway is what the companions talk to.
export const gatewayCompanionListings = [
  { gateway: '5.14.0', mdcb: '2.12.0', pump: '1.16.0', source: 'compatibility-matrix' },
  { gateway: '5.13.1', mdcb: '2.12.0', pump: '1.16.0', source: 'compatibility-matrix' },
  { gateway: '5.13.0', mdcb: '2.11.0', pump: '1.15.0', source: 'compatibility-matrix' },
  { gateway: '5.12.1', mdcb: '2.9.0', pump: '1.14.1', source: 'release-notes' },
  { gateway: '5.12.0', mdcb: '2.9.0', pump: '1.14.0', source: 'release-notes' },
  { gateway: '5.11.1', mdcb: '2.8.8', pump: '1.13.3', source: 'release-notes' },
  { gateway: '5.11.0', mdcb: '2.8.8', pump: '1.13.3', source: 'release-notes' },
  { gateway: '5.10.2', mdcb: '2.8.6', pump: '1.13.0', source: 'release-notes' },
  { gateway: '5.10.1', mdcb: '2.8.5', pump: '1.13.0', source: 'release-notes' },
  { gateway: '5.10.0', mdcb: '2.8.5', pump: '1.12.2', source: 'release-notes' },
  { gateway: '5.9.2', mdcb: '2.8.4', pump: '1.12.1', source: 'release-notes' },
  { gateway: '5.9.1', mdcb: '2.8.3', pump: '1.12.0', source: 'release-notes' },
  { gateway: '5.9.0', mdcb: '2.8.2', pump: '1.12.0', source: 'release-notes' },
  { gateway: '5.8.15', mdcb: '2.12.0', pump: '1.16.0', source: 'compatibility-matrix' },
  { gateway: '5.8.14', mdcb: '2.11.0', pump: '1.15.0', source: 'release-notes' },
  { gateway: '5.8.13', mdcb: '2.9.0', pump: '1.14.1', source: 'release-notes' },
  { gateway: '5.8.12', mdcb: '2.9.0', pump: '1.14.0', source: 'release-notes' },
  { gateway: '5.8.11', mdcb: '2.8.7', pump: '1.13.2', source: 'release-notes' },
  { gateway: '5.8.10', mdcb: '2.8.7', pump: '1.13.2', source: 'release-notes' },
  { gateway: '5.8.9', mdcb: '2.8.7', pump: '1.13.1', source: 'release-notes' },
  { gateway: '5.8.8', mdcb: '2.8.6', pump: '1.13.1', source: 'release-notes' },
  { gateway: '5.8.7', mdcb: '2.8.5', pump: '1.13.0', source: 'release-notes' },
  { gateway: '5.8.6', mdcb: '2.8.4', pump: '1.12.2', source: 'release-notes' },
  { gateway: '5.8.5', mdcb: '2.8.4', pump: '1.12.1', source: 'release-notes' },
  { gateway: '5.8.4', mdcb: '2.8.3', pump: '1.12.0', source: 'release-notes' },
  { gateway: '5.8.3', mdcb: '2.8.2', pump: '1.12.0', source: 'release-notes' },
  { gateway: '5.8.2', mdcb: '2.8.1', pump: '1.12.0', source: 'release-notes' },
  { gateway: '5.8.1', mdcb: '2.8.1', pump: '1.12.0', source: 'release-notes' },
  { gateway: '5.8.0', mdcb: '2.8.0', pump: '1.12.0', source: 'compatibility-matrix' },
  { gateway: '5.7.3', mdcb: '2.7.2', pump: '1.11.1', source: 'release-notes' },
  { gateway: '5.7.2', mdcb: '2.7.2', pump: '1.11.1', source: 'release-notes' },
  { gateway: '5.7.1', mdcb: '2.7.2', pump: '1.11.1', source: 'release-notes' },
  { gateway: '5.7.0', mdcb: '2.7.2', pump: '1.11.1', source: 'release-notes' },
  { gateway: '5.6.1', mdcb: '2.7.1', pump: '1.11', source: 'release-notes' },
  { gateway: '5.6.0', mdcb: '2.7.1', pump: '1.11', source: 'release-notes' },
  { gateway: '5.5.2', mdcb: '2.7', pump: '1.11', source: 'release-notes' },
  { gateway: '5.5.1', mdcb: '2.7', pump: '1.11', source: 'release-notes' },
  { gateway: '5.5.0', mdcb: '2.7', pump: '1.11', source: 'release-notes' },
  { gateway: '5.4.0', mdcb: '2.6', pump: '1.10.0', source: 'release-notes' },
  { gateway: '5.3.13', mdcb: '2.11.0', pump: '1.13.3', source: 'compatibility-matrix' },
  { gateway: '5.3.12', mdcb: '2.8.4', pump: '1.12.0', source: 'release-notes' },
  { gateway: '5.3.11', mdcb: '2.8.0', pump: '1.12.0', source: 'release-notes' },
  { gateway: '5.3.10', mdcb: '2.5.1', pump: '1.9.0', source: 'compatibility-matrix' },
  { gateway: '5.3.9', mdcb: '2.5.1', pump: '1.9.0', source: 'compatibility-matrix' },
  { gateway: '5.3.8', mdcb: '2.5.1', pump: '1.9.0', source: 'compatibility-matrix' },
  { gateway: '5.3.7', mdcb: '2.5.1', pump: '1.9.0', source: 'compatibility-matrix' },
  { gateway: '5.3.6', mdcb: '2.5.1', pump: '1.9.0', source: 'compatibility-matrix' },
  { gateway: '5.3.5', mdcb: '2.5.1', pump: '1.9.0', source: 'compatibility-matrix' },
  { gateway: '5.3.4', mdcb: '2.5.1', pump: '1.9.0', source: 'release-notes' },
  { gateway: '5.3.3', mdcb: '2.5.1', pump: '1.9.0', source: 'release-notes' },
  { gateway: '5.3.2', mdcb: '2.5.1', pump: '1.9.0', source: 'release-notes' },
  { gateway: '5.3.1', mdcb: '2.5.1', pump: '1.9.0', source: 'release-notes' },
  { gateway: '5.3.0', mdcb: '2.5', pump: '1.9.0', source: 'compatibility-matrix' },
] as const satisfies readonly CompanionListing[];
