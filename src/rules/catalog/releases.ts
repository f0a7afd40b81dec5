// The release catalogue as data: the releases of each line (the release history, with dates and
// sources, in release-history.ts) and the LTS windows (docs/sources.md: release notes, LTS page).
import {
  gatewayReleaseHistory,
  mdcbReleaseHistory,
  pumpReleaseHistory,
  type ReleaseRecord,
} from './release-history';

/** The date of the fact snapshot. */
export const catalogDate = '2026-08-21';

/** Gateway and Dashboard releases (they share version numbers), newest first. */
export const gatewayReleases: readonly ReleaseRecord[] = gatewayReleaseHistory;

/** Pump releases, newest first. */
export const pumpReleases: readonly ReleaseRecord[] = pumpReleaseHistory;

/** MDCB releases (its own 2.x numbering), newest first. */
export const mdcbReleases: readonly ReleaseRecord[] = mdcbReleaseHistory;

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
