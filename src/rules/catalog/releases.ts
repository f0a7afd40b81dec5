// The release catalogue as data: every Gateway/Dashboard, Pump and MDCB release, the versions to
// avoid, the compatibility matrix and the LTS windows (docs/sources.md: release notes, LTS page).
import type { Release } from '../types';

/** The date of the fact snapshot. */
export const catalogDate = '2026-08-21';

const panicOnReconnect =
  'Data-plane Gateways on this release can panic when they reconnect to MDCB or Tyk Cloud.';
const healthAndRewrite =
  'On this release /hello answers 503 while Redis is down, so Kubernetes probes restart healthy pods, and URL-rewrite rules need an explicit negate.';

/** Gateway and Dashboard releases (they share version numbers), newest first. The archived 2.x line is left out. */
// Annotated rather than `as const`: users read `avoid` and `ltsLine` on any entry.
export const gatewayReleases: readonly Release[] = [
  { version: '5.14.0' },
  { version: '5.13.1', ltsLine: '5.13' },
  { version: '5.13.0', ltsLine: '5.13' },
  { version: '5.12.1' },
  { version: '5.12.0' },
  { version: '5.11.1' },
  { version: '5.11.0' },
  { version: '5.10.2' },
  { version: '5.10.1' },
  { version: '5.10.0' },
  { version: '5.9.2' },
  { version: '5.9.1' },
  {
    version: '5.9.0',
    avoid: `${healthAndRewrite} Pick 5.9.1 or later instead (5.9.2 or later if you run MDCB).`,
  },
  { version: '5.8.15', ltsLine: '5.8' },
  { version: '5.8.14', ltsLine: '5.8' },
  { version: '5.8.13', ltsLine: '5.8' },
  { version: '5.8.12', ltsLine: '5.8' },
  { version: '5.8.11', ltsLine: '5.8' },
  { version: '5.8.10', ltsLine: '5.8' },
  { version: '5.8.9', ltsLine: '5.8' },
  { version: '5.8.8', ltsLine: '5.8' },
  { version: '5.8.7', ltsLine: '5.8' },
  { version: '5.8.6', ltsLine: '5.8' },
  { version: '5.8.5', ltsLine: '5.8' },
  { version: '5.8.4', ltsLine: '5.8' },
  {
    version: '5.8.3',
    ltsLine: '5.8',
    avoid: `${healthAndRewrite} Pick 5.8.4 or later instead (5.8.5 or later if you run MDCB).`,
  },
  { version: '5.8.2', ltsLine: '5.8' },
  { version: '5.8.1', ltsLine: '5.8' },
  { version: '5.8.0', ltsLine: '5.8' },
  { version: '5.7.3' },
  { version: '5.7.2' },
  { version: '5.7.1' },
  { version: '5.7.0' },
  { version: '5.6.1' },
  { version: '5.6.0', avoid: `${panicOnReconnect} Pick 5.6.1 instead.` },
  { version: '5.5.2' },
  { version: '5.5.1' },
  { version: '5.5.0' },
  { version: '5.4.0' },
  { version: '5.3.13', ltsLine: '5.3' },
  { version: '5.3.12', ltsLine: '5.3' },
  { version: '5.3.11', ltsLine: '5.3' },
  { version: '5.3.10', ltsLine: '5.3' },
  { version: '5.3.9', ltsLine: '5.3' },
  { version: '5.3.8', ltsLine: '5.3' },
  { version: '5.3.7', ltsLine: '5.3' },
  { version: '5.3.6', ltsLine: '5.3', avoid: `${panicOnReconnect} Pick 5.3.7 or later instead.` },
  { version: '5.3.5', ltsLine: '5.3' },
  { version: '5.3.4', ltsLine: '5.3' },
  { version: '5.3.3', ltsLine: '5.3' },
  { version: '5.3.2', ltsLine: '5.3' },
  { version: '5.3.1', ltsLine: '5.3' },
  { version: '5.3.0', ltsLine: '5.3' },
  { version: '5.2.5' },
  { version: '5.2.4' },
  { version: '5.2.3' },
  { version: '5.2.2' },
  { version: '5.2.1' },
  {
    version: '5.2.0',
    avoid: 'The release notes say to skip 5.2.0. Pick 5.2.5, the newest 5.2 patch, instead.',
  },
  { version: '5.1.0' },
  { version: '5.0.15', ltsLine: '5.0' },
  { version: '5.0.14', ltsLine: '5.0', avoid: `${panicOnReconnect} Pick 5.0.15 instead.` },
  { version: '5.0.13', ltsLine: '5.0' },
  { version: '5.0.12', ltsLine: '5.0' },
  { version: '5.0.11', ltsLine: '5.0' },
  { version: '5.0.10', ltsLine: '5.0' },
  { version: '5.0.9', ltsLine: '5.0' },
  { version: '5.0.8', ltsLine: '5.0' },
  { version: '5.0.7', ltsLine: '5.0' },
  { version: '5.0.6', ltsLine: '5.0' },
  { version: '5.0.5', ltsLine: '5.0' },
  { version: '5.0.4', ltsLine: '5.0' },
  { version: '5.0.3', ltsLine: '5.0' },
  { version: '5.0.2', ltsLine: '5.0' },
  { version: '5.0.1', ltsLine: '5.0' },
  { version: '5.0.0', ltsLine: '5.0' },
  { version: '4.3.0' },
  { version: '4.2.0' },
  { version: '4.1.0' },
  { version: '4.0.0', ltsLine: '4.0' },
  { version: '3.2.0' },
  { version: '3.1.0' },
  { version: '3.0.0' },
];

const skipPump18 =
  'The Pump 1.9.0 release notes say to go straight past 1.8. Pick 1.9.0 or later instead.';

/** Pump releases, newest first. */
export const pumpReleases: readonly Release[] = [
  { version: '1.16.0' },
  { version: '1.15.0' },
  { version: '1.14.1' },
  { version: '1.14.0' },
  { version: '1.13.3' },
  { version: '1.13.2' },
  { version: '1.13.1' },
  { version: '1.13.0' },
  { version: '1.12.2' },
  { version: '1.12.1' },
  { version: '1.12.0' },
  { version: '1.11.2' },
  { version: '1.11.1' },
  { version: '1.11.0' },
  { version: '1.10.0' },
  { version: '1.9.0' },
  { version: '1.8.3', avoid: skipPump18 },
  { version: '1.8.2', avoid: skipPump18 },
  { version: '1.8.1', avoid: skipPump18 },
  { version: '1.8.0', avoid: skipPump18 },
];

/** MDCB releases (its own 2.x numbering), newest first. */
export const mdcbReleases: readonly Release[] = [
  { version: '2.12.0' },
  { version: '2.11.0' },
  { version: '2.10.0' },
  { version: '2.9.1' },
  { version: '2.9.0' },
  { version: '2.8.8' },
  { version: '2.8.7' },
  { version: '2.8.6' },
  { version: '2.8.5' },
  { version: '2.8.4' },
  { version: '2.8.3' },
  { version: '2.8.2' },
  { version: '2.8.1' },
  { version: '2.8.0' },
  { version: '2.7.2' },
  { version: '2.7.1' },
  { version: '2.7.0' },
  { version: '2.6.0' },
  { version: '2.5.1' },
  { version: '2.5.0' },
  { version: '2.4.3' },
  { version: '2.4.2' },
  { version: '2.4.1' },
  { version: '2.4.0' },
  { version: '2.3.1' },
  { version: '2.3.0' },
  { version: '2.2.0' },
  { version: '2.1.1' },
  { version: '2.1.0' },
  { version: '2.0.5' },
  { version: '2.0.4' },
  { version: '2.0.3' },
  { version: '2.0.2' },
  { version: '2.0.1' },
  { version: '2.0.0' },
];

// Compatibility matrix (release notes). Each documented row covers the versions from it up to the next
// documented row, so a Gateway between two rows takes the row at or below it. Pump and MDCB are
// delivered continuously and stay backwards compatible (LTS page), so the later row's newer
// companions are safe for the versions in the gap.
export type CompanionRow = {
  /** The Gateway versions this row covers. */
  readonly gateway: string;
  /** The matrix row the values come from. */
  readonly documentedAt: string;
  readonly mdcb: string;
  readonly pump: string;
};

export const companionMatrix = [
  // The matrix starts at 5.3.0. Older Gateways get its first row: MDCB 2.5.0 is the release the
  // 5.3 upgrade needs anyway, and the Pump 1.9.0 release notes tell 1.8 users to go straight to 1.9.
  { gateway: '<5.3.0', documentedAt: '5.3.0', mdcb: '2.5.0', pump: '1.9.0' },
  { gateway: '>=5.3.0 <5.3.5', documentedAt: '5.3.0', mdcb: '2.5.0', pump: '1.9.0' },
  { gateway: '>=5.3.5 <5.3.13', documentedAt: '5.3.5', mdcb: '2.5.1', pump: '1.9.0' },
  { gateway: '>=5.3.13 <5.8.0', documentedAt: '5.3.13', mdcb: '2.11.0', pump: '1.13.3' },
  { gateway: '>=5.8.0 <5.8.15', documentedAt: '5.8.0', mdcb: '2.8.0', pump: '1.12.0' },
  { gateway: '>=5.8.15 <5.13.0', documentedAt: '5.8.15', mdcb: '2.12.0', pump: '1.16.0' },
  { gateway: '>=5.13.0 <5.13.1', documentedAt: '5.13.0', mdcb: '2.11.0', pump: '1.15.0' },
  { gateway: '>=5.13.1', documentedAt: '5.13.1', mdcb: '2.12.0', pump: '1.16.0' },
] as const satisfies readonly CompanionRow[];

// LTS windows (LTS page), as year-month strings so they compare as text. 4.0's maintenance was
// called extended support.
export type LtsWindow = {
  readonly line: string;
  /** Last month of full support. */
  readonly fullSupportUntil: string;
  /** Last month of maintenance (critical fixes only). */
  readonly maintenanceUntil: string;
};

export const ltsWindows = [
  { line: '5.13', fullSupportUntil: '2027-06', maintenanceUntil: '2028-06' },
  { line: '5.8', fullSupportUntil: '2026-06', maintenanceUntil: '2027-06' },
  { line: '5.3', fullSupportUntil: '2025-05', maintenanceUntil: '2026-07' },
  { line: '5.0', fullSupportUntil: '2024-04', maintenanceUntil: '2025-04' },
  { line: '4.0', fullSupportUntil: '2023-05', maintenanceUntil: '2024-05' },
] as const satisfies readonly LtsWindow[];
