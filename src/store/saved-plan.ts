// One saved plan as the store makes and changes it. Every change goes through `changedPlan`, so that
// its revision goes up and other tabs can tell the copies apart.
import { copyAnswers, limitAnswers, limitPlanName, type DraftAnswers } from '@/rules';
import type { SavedPlan } from '@/store/persistence';

type Plans = Readonly<Record<string, SavedPlan>>;

export function newPlanId(taken: Readonly<Record<string, unknown>>): string {
  for (;;) {
    const id =
      typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
        ? crypto.randomUUID()
        : `plan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    if (!(id in taken)) return id;
  }
}

export function nextPlanName(plans: Plans): string {
  const names = new Set(Object.values(plans).map((plan) => plan.name));
  let n = 1;
  while (names.has(`Upgrade plan ${n}`)) n += 1;
  return `Upgrade plan ${n}`;
}

/** `name`, or `name (2)`, `name (3)` … when a plan is already called so. */
export function uniquePlanName(plans: Plans, name: string): string {
  const trimmed = limitPlanName(name.trim());
  const base = trimmed === '' ? 'Shared plan' : trimmed;
  const names = new Set(Object.values(plans).map((plan) => plan.name));
  if (!names.has(base)) return base;
  let n = 2;
  while (names.has(`${base} (${n})`)) n += 1;
  return `${base} (${n})`;
}

export function newPlan(
  plans: Plans,
  name: string,
  answers: DraftAnswers,
  atIso: string,
): SavedPlan {
  return {
    id: newPlanId(plans),
    name,
    answers: limitAnswers(copyAnswers(answers)),
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

/** The plan with new answers. */
export function withAnswers(
  plan: SavedPlan,
  patch: Partial<DraftAnswers>,
  atIso: string,
): SavedPlan {
  const answers = limitAnswers(copyAnswers({ ...plan.answers, ...patch }));
  return changedPlan(plan, { answers }, atIso);
}

/** The plan under a new name; null for a blank name or the name it has. */
export function renamedPlan(plan: SavedPlan, name: string, atIso: string): SavedPlan | null {
  const trimmed = limitPlanName(name.trim()).trim();
  if (trimmed === '' || trimmed === plan.name) return null;
  return changedPlan(plan, { name: trimmed }, atIso);
}
