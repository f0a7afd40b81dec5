// The limits of what a user may type, with no imports of their own: the landing page reads them
// without loading the rest of the rules.

/** The limits every source of answers is held to. */
export const answerLimits = {
  /** Data planes in one plan; more is a split upgrade. */
  maxDataPlanes: 20,
  /** A downtime window of at most a week, in minutes. */
  maxDowntimeMinutes: 7 * 24 * 60,
  /** Characters in a version as typed (`v5.3.0-rc.1` and the like); a link carries as many. */
  maxVersionLength: 64,
  /** Characters in a name, host or path: a path, the longest of them, may have 255. */
  maxNameLength: 255,
  /** Characters in a data plane's name, which becomes part of Kubernetes names. */
  maxDataPlaneNameLength: 40,
  /** Characters in the downtime window as typed: a number of minutes and some spaces. */
  maxDowntimeLength: 12,
  /** Characters in the name of a saved plan. */
  maxPlanNameLength: 120,
  /** Characters in an estimate answer as typed: an instance count or a size in gigabytes. */
  maxEstimateLength: 12,
  /** Characters in a cover field of the change record (ticket, environment, a name). */
  maxCoverFieldLength: 200,
  /** Characters in a note, a reason for a skip or what went wrong, recorded on a step. */
  maxStepNoteLength: 2000,
} as const;
