import { buildPlan, type PlanResult } from '@/rules';
import { toPlanInput, type DraftAnswers } from '@/store/wizard-store';

/**
 * The plan for a saved plan's answers. The rules return errors rather than throw; the guard keeps
 * a bug in them from blanking a page.
 */
export function planForAnswers(answers: DraftAnswers): PlanResult {
  try {
    return buildPlan(toPlanInput(answers));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ field: 'model', message: `The plan could not be built (${reason}).` }],
      warnings: [],
    };
  }
}
