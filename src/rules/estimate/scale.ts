// The scale a plan's estimate is figured at (instances, database size, data planes, a one-way
// change on the path), and a step's parts summed and described at that scale.
import { oneWayChanges } from '../catalog/one-way-changes';
import type { Plan } from '../types';
import { crosses } from '../versions';
import { resolveEstimateAnswers, type ResolvedEstimateAnswers } from './answers';
import type { EstimateAnswers, EstimatePart } from './types';

export type Scale = {
  readonly resolved: ResolvedEstimateAnswers;
  readonly hasDatabase: boolean;
  /** The database size the `gb` parts scale with: 0 where the plan has no Dashboard database. */
  readonly databaseGb: number;
  readonly dataPlanes: number;
  readonly crossesOneWay: boolean;
};

function partMinutes(part: EstimatePart, instances: number, scale: Scale): number {
  switch (part.per) {
    case 'step':
      return part.minutes;
    case 'instance':
      return part.minutes * instances;
    case 'gb':
      return Math.ceil(part.minutes * scale.databaseGb);
    case 'data-plane':
      return part.minutes * scale.dataPlanes;
  }
}

export function sumParts(parts: readonly EstimatePart[], instances: number, scale: Scale): number {
  return parts.reduce((total, part) => total + partMinutes(part, instances, scale), 0);
}

function countedPart(part: EstimatePart, count: number, unit: string): string {
  return `${part.label} ${count}${unit} × ${part.minutes} min`;
}

/** One part in words at the scale, or null when the scale leaves it out (no database, no planes). */
function describePart(part: EstimatePart, instances: number, scale: Scale): string | null {
  switch (part.per) {
    case 'step':
      return `${part.label} ${part.minutes} min`;
    case 'instance':
      return countedPart(part, instances, instances === 1 ? ' instance' : ' instances');
    case 'gb':
      return scale.hasDatabase ? countedPart(part, scale.databaseGb, ' GB') : null;
    case 'data-plane':
      if (scale.dataPlanes === 0) return null;
      return countedPart(
        part,
        scale.dataPlanes,
        scale.dataPlanes === 1 ? ' data plane' : ' data planes',
      );
  }
}

export function describeParts(
  parts: readonly EstimatePart[],
  instances: number,
  scale: Scale,
): string {
  // A loop rather than map and filter: every step of every estimate passes through here.
  let described = '';
  for (const part of parts) {
    const words = describePart(part, instances, scale);
    if (words === null) continue;
    described = described === '' ? words : `${described} + ${words}`;
  }
  return described === '' ? 'no work of its own' : described;
}

/** The plan dumps and restores a Dashboard database: the steps say so, whatever the model. */
function hasDashboardDatabase(plan: Plan): boolean {
  return plan.phases.some((phase) =>
    phase.steps.some(
      (step) => step.id === 'backup-database' || step.id === 'rollback-restore-database',
    ),
  );
}

export function scaleOf(plan: Plan, answers: EstimateAnswers): Scale {
  const { input } = plan;
  const resolved = resolveEstimateAnswers(input, answers);
  const hasDatabase = hasDashboardDatabase(plan);
  return {
    resolved,
    hasDatabase,
    databaseGb: hasDatabase ? resolved.databaseGb : 0,
    dataPlanes: input.dataPlanes.length,
    crossesOneWay: oneWayChanges.some((change) =>
      crosses(input.gateway.from, input.gateway.to, change.version),
    ),
  };
}
