// The shape of a finding row: the context its condition reads (the detected facts, the answers,
// the current and target Gateway) and what it reports when it applies.
import type { Severity } from '../types';
import type { AnsweredContext, DetectedAnswers, DeploymentFacts, SourcedValue } from './types';

export type FindingContext = {
  readonly facts: DeploymentFacts;
  readonly answers: DetectedAnswers;
  /** The target Gateway version, bare, or null when none is known yet. */
  readonly target: string | null;
  /** The current Gateway version, bare, or null. */
  readonly current: string | null;
  readonly answered: AnsweredContext;
};

export type Trigger = {
  readonly evidence: readonly SourcedValue[];
  /** What was found, in a sentence; the row's action follows it. */
  readonly specifics: string;
};

export type FindingRow = {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  /** Target Gateway versions the row concerns (node-semver range); `*` for every target. */
  readonly targets: string;
  /** The file and key the row reads. */
  readonly reads: string;
  /** When the row applies, in words. */
  readonly condition: string;
  /** What to do. */
  readonly action: string;
  readonly source: string;
  readonly when: (context: FindingContext) => Trigger | null;
};
