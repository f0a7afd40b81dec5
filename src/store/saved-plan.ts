// One saved plan as the store makes and changes it. Every change goes through `changedPlan`, so that
// its revision goes up and other tabs can tell the copies apart. A plan the user never named goes
// by its deployment: its name is made from the answers in the same change as the answers, so an
// answer changed in one tab reaches the others as one change, never as a rename of its own.
import {
  copyAnswers,
  deploymentPlanName,
  distinctPlanName,
  limitAnswers,
  limitPlanName,
  type DraftAnswers,
} from '@/rules';
import type { SavedPlan } from '@/store/persistence';

type Plans = Readonly<Record<string, SavedPlan>>;

/** What a new plan is called, and whether the user chose it (then answers never change it). */
export type PlanNaming = { readonly name: string; readonly isNameCustom: boolean };

export function newPlanId(taken: Readonly<Record<string, unknown>>): string {
  for (;;) {
    const id =
      typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
        ? crypto.randomUUID()
        : `plan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    if (!(id in taken)) return id;
  }
}

function namesBesides(plans: Plans, id: string | null): string[] {
  return Object.values(plans)
    .filter((plan) => plan.id !== id)
    .map((plan) => plan.name);
}

/** The deployment's name for `answers`, apart from every other plan's; `plan` keeps its number. */
function automaticName(plans: Plans, answers: DraftAnswers, plan: SavedPlan | null): string {
  const name = deploymentPlanName(answers);
  return distinctPlanName(name, namesBesides(plans, plan?.id ?? null), plan?.name ?? null);
}

/** A name given from elsewhere (a shared link), numbered when a plan already has it. */
export function givenName(plans: Plans, name: string): PlanNaming {
  const trimmed = limitPlanName(name.trim());
  const base = trimmed === '' ? 'Shared plan' : trimmed;
  return { name: distinctPlanName(base, namesBesides(plans, null)), isNameCustom: true };
}

/** A new plan with `answers`, named after its deployment unless `naming` says otherwise. */
export function newPlan(
  plans: Plans,
  answers: DraftAnswers,
  atIso: string,
  naming: PlanNaming | null = null,
): SavedPlan {
  const limited = limitAnswers(copyAnswers(answers));
  return {
    id: newPlanId(plans),
    name: naming?.name ?? automaticName(plans, limited, null),
    isNameCustom: naming?.isNameCustom ?? false,
    answers: limited,
    progress: {},
    steps: {},
    createdAt: atIso,
    updatedAt: atIso,
    revision: 1,
  };
}

export function changedPlan(
  plan: SavedPlan,
  patch: Partial<Omit<SavedPlan, 'id' | 'revision'>>,
  atIso: string,
): SavedPlan {
  return { ...plan, ...patch, updatedAt: atIso, revision: plan.revision + 1 };
}

/** The plan with new answers; one the user never named follows its deployment's name. */
export function withAnswers(
  plans: Plans,
  plan: SavedPlan,
  patch: Partial<DraftAnswers>,
  atIso: string,
): SavedPlan {
  const answers = limitAnswers(copyAnswers({ ...plan.answers, ...patch }));
  const name = plan.isNameCustom ? plan.name : automaticName(plans, answers, plan);
  return changedPlan(plan, { answers, name }, atIso);
}

/**
 * The plan under the user's own name, which answers no longer change; null for a blank name or the
 * name it has (leaving the name as it is renames nothing).
 */
export function renamedPlan(plan: SavedPlan, name: string, atIso: string): SavedPlan | null {
  const trimmed = limitPlanName(name.trim()).trim();
  if (trimmed === '' || trimmed === plan.name) return null;
  return changedPlan(plan, { name: trimmed, isNameCustom: true }, atIso);
}
