// One summary of a plan, for everything that shows one: the text and Markdown runbooks, the plan
// page, the printed cover, the wizard frame and the saved-plans list. Labels come from the catalogue.
import { componentLabel, findComponent } from './catalog/components';
import { databaseLabel } from './catalog/databases';
import { findInstall } from './catalog/installs';
import { findModel } from './catalog/models';
import { findStrategy } from './catalog/strategies';
import { isContingencyPhase } from './runbook';
import { stopSentences } from './stops';
import type {
  Advisory,
  ComponentId,
  NormalizedInput,
  Phase,
  Plan,
  Plane,
  Step,
  StepComponent,
  VersionLine,
} from './types';

/** One fact about the deployment: "Deployment model: Tyk Self-Managed". */
export type SummaryFact = { readonly label: string; readonly value: string };

/** One component's move, with its label. */
export type VersionRow = {
  readonly component: ComponentId;
  readonly label: string;
  readonly from: string;
  readonly to: string;
  /** The target is the companion the sources list for the Gateway target. */
  readonly isDefaultTarget: boolean;
  /** What a reader should know about the target: where the suggestion comes from, or that it stays. */
  readonly note: string | null;
};

export type PlanSummary = {
  readonly title: string;
  readonly facts: readonly SummaryFact[];
  readonly versions: readonly VersionRow[];
  /** Whether an intermediate stop is needed, in sentences: each stop, or that none is. */
  readonly stops: readonly string[];
  readonly stepCount: number;
  readonly phaseCount: number;
  /** "40 steps in 8 phases" */
  readonly countText: string;
};

/** A phase with the number of its first step: numbering runs on across phases. */
export type NumberedPhase = { readonly phase: Phase; readonly firstNumber: number };

export function installLabel(input: Pick<NormalizedInput, 'install'>): string {
  return input.install === null ? 'Run by Tyk' : findInstall(input.install).label;
}

export function summaryFacts(input: NormalizedInput): readonly SummaryFact[] {
  return [
    { label: 'Deployment model', value: findModel(input.model).label },
    { label: 'Installation', value: installLabel(input) },
    ...(input.database === null
      ? []
      : [{ label: 'Database', value: databaseLabel(input.database) }]),
    { label: 'Go plugins', value: input.usesGoPlugins ? 'in use' : 'not in use' },
    ...(input.dataPlanes.length === 0
      ? []
      : [{ label: 'Data planes', value: input.dataPlanes.map((plane) => plane.name).join(', ') }]),
    { label: 'Strategy', value: findStrategy(input.strategy).label },
    ...(input.downtimeMinutes === null
      ? []
      : [{ label: 'Window', value: `${input.downtimeMinutes} minutes` }]),
  ];
}

export function versionRows(plan: Pick<Plan, 'input' | 'versions'>): readonly VersionRow[] {
  return plan.versions.map((summary) => {
    const change = plan.input[findComponent(summary.component).versionLine];
    const isDefaultTarget = change?.isDefaultTarget ?? false;
    const note =
      summary.from === summary.to
        ? 'stays'
        : isDefaultTarget && change?.recommendedBy !== undefined
          ? `recommended by ${change.recommendedBy}`
          : null;
    return {
      component: summary.component,
      label: componentLabel(summary.component),
      from: summary.from,
      to: summary.to,
      isDefaultTarget,
      note,
    };
  });
}

export function countText(steps: number, phases: number): string {
  return `${steps} ${steps === 1 ? 'step' : 'steps'} in ${phases} ${phases === 1 ? 'phase' : 'phases'}`;
}

export function allSteps(plan: Pick<Plan, 'phases'>): readonly Step[] {
  return plan.phases.flatMap((phase) => phase.steps);
}

export function planSummary(plan: Plan): PlanSummary {
  const stepCount = allSteps(plan).length;
  return {
    title: plan.title,
    facts: summaryFacts(plan.input),
    versions: versionRows(plan),
    stops: stopSentences(plan),
    stepCount,
    phaseCount: plan.phases.length,
    countText: countText(stepCount, plan.phases.length),
  };
}

export function numberedPhases(plan: Pick<Plan, 'phases'>): readonly NumberedPhase[] {
  let next = 1;
  return plan.phases.map((phase) => {
    const firstNumber = next;
    next += phase.steps.length;
    return { phase, firstNumber };
  });
}

export type ProgressCount = { readonly done: number; readonly total: number };

export type PlanProgress = {
  /** The steps of the change only: the rollback phase is a contingency and never counts. */
  readonly overall: ProgressCount;
  /** Per phase; for the rollback phase, `done` counts the steps marked as used. */
  readonly byPhase: Readonly<Record<string, ProgressCount>>;
  /** Phases of the change with steps, every one of them done. */
  readonly finishedPhaseIds: readonly string[];
  /** Rollback steps marked as used, out of all of them. */
  readonly contingency: ProgressCount;
  /** Every step of the change is done; rollback steps are never needed. */
  readonly isComplete: boolean;
};

/** How far the runbook is, given which steps of the change are done and which rollbacks were used. */
export function planProgress(
  plan: Pick<Plan, 'phases'>,
  isDone: (stepId: string) => boolean,
  isUsed: (stepId: string) => boolean = () => false,
): PlanProgress {
  const byPhase: Record<string, ProgressCount> = {};
  const finishedPhaseIds: string[] = [];
  let done = 0;
  let total = 0;
  let used = 0;
  let rollbacks = 0;
  for (const phase of plan.phases) {
    if (isContingencyPhase(phase)) {
      const phaseUsed = phase.steps.filter((step) => isUsed(step.id)).length;
      byPhase[phase.id] = { done: phaseUsed, total: phase.steps.length };
      used += phaseUsed;
      rollbacks += phase.steps.length;
      continue;
    }
    const phaseDone = phase.steps.filter((step) => isDone(step.id)).length;
    byPhase[phase.id] = { done: phaseDone, total: phase.steps.length };
    if (phase.steps.length > 0 && phaseDone === phase.steps.length) finishedPhaseIds.push(phase.id);
    done += phaseDone;
    total += phase.steps.length;
  }
  return {
    overall: { done, total },
    byPhase,
    finishedPhaseIds,
    contingency: { done: used, total: rollbacks },
    isComplete: total > 0 && done === total,
  };
}

/** Where an advisory applies: "Gateway, from 5.3.0", or null when it names neither. */
export function advisoryContext(advisory: Advisory): string | null {
  const parts = [
    advisory.component === undefined ? null : componentLabel(advisory.component),
    advisory.version === undefined ? null : `from ${advisory.version}`,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join(', ');
}

/** What a step works on: a component, or the Go plugins. */
export function stepComponentLabel(component: StepComponent): string {
  return component === 'go-plugins' ? 'Go plugins' : componentLabel(component);
}

export function planeLabel(plane: Plane): string {
  return plane === 'control' ? 'Control plane' : 'Data plane';
}

/** What a version line is called for a deployment: the Gateway line carries the Dashboard along. */
export function versionLineLabel(line: VersionLine, chosen: readonly ComponentId[]): string {
  if (line !== 'gateway') return componentLabel(line);
  return chosen.includes('dashboard') ? 'Gateway and Dashboard' : 'Gateway';
}
