// The shapes of a change estimate: how long each step takes, when the change passes the point of
// no return, how long the way back takes, and whether a downtime window holds it all.
import type { ComponentId, FieldMessage, InstallType, PhaseKind, Strategy } from '../types';

/**
 * The answers an estimate reads. Every field is optional: a missing one takes its default, and the
 * estimate lists which figures are defaults.
 */
export type EstimateAnswers = {
  /** Instances of each component on every site (the whole stack, the control plane, each data plane). */
  readonly instances?: Partial<Readonly<Record<ComponentId, number>>>;
  /** Approximate size of the Dashboard database in gigabytes. */
  readonly databaseGb?: number;
};

export type EstimateAnswersResult =
  | { readonly ok: true; readonly answers: EstimateAnswers }
  | {
      readonly ok: false;
      readonly errors: readonly FieldMessage[];
      /** The fields that did read well, so the page can still show an estimate. */
      readonly answers: EstimateAnswers;
    };

/** One figure the estimate rests on, for the page to show next to it. */
export type EstimateAssumption = {
  /** `estimate.instances.gateway`, `estimate.databaseGb`: the field a form edits. */
  readonly field: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly isDefault: boolean;
};

/**
 * When a step is done. `ahead`: before the day of the change (reading, checking, announcing).
 * `change`: the change itself, counted in the total. `after`: once the change is closed.
 * `contingency`: only if the change is rolled back; never counted in the total.
 */
export type EstimateTiming = 'ahead' | 'change' | 'after' | 'contingency';

/** A piece of work that makes up an estimate, with what it scales with. */
export type EstimatePart = {
  readonly label: string;
  readonly minutes: number;
  /** `step`: once. `instance`: once per instance. `gb`: per gigabyte of database. `data-plane`: per data plane. */
  readonly per: 'step' | 'instance' | 'gb' | 'data-plane';
};

export type StepEstimate = {
  readonly stepId: string;
  readonly phaseId: string;
  readonly title: string;
  readonly timing: EstimateTiming;
  readonly minutes: number;
  /** Minutes from the start of the change; null for a step outside it. */
  readonly startMinute: number | null;
  /** How the figure is made up: `Helm upgrade 5 min + 2 instances × 3 min`. */
  readonly basis: string;
};

export type PhaseEstimate = {
  readonly phaseId: string;
  readonly kind: PhaseKind;
  readonly title: string;
  /** `change` when the phase has any step of the change, else the timing all its steps share. */
  readonly timing: EstimateTiming;
  /** Start and length of the phase's steps of the change; 0 and 0 for a phase outside it. */
  readonly startMinute: number;
  readonly minutes: number;
};

/**
 * Why the point of no return sits where it does. `traffic-switch`: blue-green, after traffic moves.
 * `one-way-migration`: the upgrade that crosses a release whose data change a downgrade does not
 * undo (the 5.3.0 Dashboard's Tyk OAS migration). `first-upgrade`: the first component on a new
 * version, which may write data the old version cannot read.
 */
export type PointOfNoReturnReason = 'traffic-switch' | 'one-way-migration' | 'first-upgrade';

export type PointOfNoReturn = {
  readonly stepId: string;
  readonly stepTitle: string;
  /** The end of that step, in minutes from the start of the change. */
  readonly atMinute: number;
  readonly reason: PointOfNoReturnReason;
  readonly explanation: string;
};

export type RollbackPart = {
  /** The step undone (an upgrade) or the rollback step run. */
  readonly stepId: string;
  readonly title: string;
  readonly minutes: number;
  readonly basis: string;
};

export type RollbackEstimate = {
  /** The worst point: the change is rolled back after this step. */
  readonly fromStepId: string;
  readonly fromMinute: number;
  readonly minutes: number;
  readonly parts: readonly RollbackPart[];
  readonly explanation: string;
};

/** A stretch of time in which something does not serve: an instance, a side, or every API. */
export type ServiceGap = {
  readonly id: string;
  /** Gaps with the same row are drawn on one line of the timeline. */
  readonly row: 'instances' | 'upgraded-side' | 'cut-over' | 'outage';
  readonly label: string;
  readonly startMinute: number;
  readonly minutes: number;
};

export type WindowSuggestionId =
  'longer-window' | 'blue-green' | 'companion-window' | 'data-plane-windows' | 'go-plugins-ahead';

export type WindowSuggestion = {
  readonly id: WindowSuggestionId;
  readonly text: string;
  /** Minutes the suggestion takes out of this window, or the window it asks for. */
  readonly minutes: number | null;
};

export type WindowFit =
  | { readonly kind: 'no-window' }
  | {
      readonly kind: 'fits' | 'too-short';
      readonly windowMinutes: number;
      /** Minutes from the start of the change at which the window opens (traffic stops). */
      readonly opensAtMinute: number;
      /** The change as planned, from traffic stopping to traffic reopening. */
      readonly plannedMinutes: number;
      /** The change up to the worst point, a full rollback, and reopening. */
      readonly worstCaseMinutes: number;
      /** Window minus the worst case: negative when the window is too short. */
      readonly spareMinutes: number;
      readonly message: string;
      /** Empty when the window fits. */
      readonly suggestions: readonly WindowSuggestion[];
    };

export type ChangeEstimate = {
  readonly strategy: Strategy;
  readonly assumptions: readonly EstimateAssumption[];
  readonly steps: readonly StepEstimate[];
  readonly phases: readonly PhaseEstimate[];
  /** The change, every step timed `change`: the rollback and the steps before and after stay out. */
  readonly totalMinutes: number;
  /** Preparation done before the day: reading, checking, announcing. */
  readonly aheadMinutes: number;
  readonly pointOfNoReturn: PointOfNoReturn | null;
  readonly rollback: RollbackEstimate;
  readonly serviceGaps: readonly ServiceGap[];
  readonly window: WindowFit;
};

/** How one installation type's upgrade of one component is made up. */
export type UpgradeEstimateEntry = {
  readonly install: InstallType;
  readonly upgrade: readonly EstimatePart[];
  readonly rollback: readonly EstimatePart[];
};
