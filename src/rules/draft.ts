// The wizard's pages and what the typed answers are worth so far: the messages `validate` gives,
// sorted by the page that asks for each field, and which pages the user may open.
import { toPlanInput } from './answers-to-input';
import { buildPlan } from './build-plan';
import type {
  DraftAnswers,
  FieldMessage,
  NormalizedInput,
  PlanResult,
  ValidationResult,
} from './types';
import { validate } from './validate';
import { wizardStepIds, wizardSteps, type WizardStep } from './wizard-steps';

function isUnder(field: string, name: string): boolean {
  return field === name || field.startsWith(`${name}.`) || field.startsWith(`${name}[`);
}

/** The page that asks for a field named as `validate` names it (`gateway.to`, `names.namespace`). */
export function stepOfField(field: string): WizardStep {
  const matches = (pattern: string | RegExp): boolean =>
    typeof pattern === 'string' ? isUnder(field, pattern) : pattern.test(field);
  // A pattern is more specific than a plain name, so it wins: `dataPlanes[0].namespace` is a name.
  const byPattern = wizardSteps.find((step) =>
    step.fields.some((pattern: string | RegExp) => typeof pattern !== 'string' && matches(pattern)),
  );
  if (byPattern !== undefined) return byPattern.id;
  const byName = wizardSteps.find((step) =>
    step.fields.some((pattern: string | RegExp) => typeof pattern === 'string' && matches(pattern)),
  );
  return byName?.id ?? 'deployment';
}

export type DraftCheck = {
  readonly result: ValidationResult;
  readonly errors: readonly FieldMessage[];
  readonly warnings: readonly FieldMessage[];
  /**
   * The answers checked with the names and the downtime window left at Tyk's defaults: present as
   * soon as the deployment and the versions are valid, so that the advisories, the checklist and
   * the backups can be shown before the later steps are done.
   */
  readonly earlyInput: NormalizedInput | null;
  /** Pages the user may open: every page up to and including the first that needs attention. */
  readonly reachable: readonly WizardStep[];
};

export function checkDraft(answers: DraftAnswers): DraftCheck {
  const result = validate(toPlanInput(answers));
  const errors = result.ok ? [] : result.errors;
  const early = validate(toPlanInput({ ...answers, names: {}, downtimeMinutes: '' }));
  const reachable: WizardStep[] = [];
  for (const step of wizardStepIds) {
    reachable.push(step);
    if (errors.some((error) => stepOfField(error.field) === step)) break;
  }
  return {
    result,
    errors,
    warnings: result.warnings,
    earlyInput: early.ok ? early.input : null,
    reachable,
  };
}

/** The messages about one field or about the fields under it (`gateway` gives `gateway.from` too). */
export function messagesFor(
  messages: readonly FieldMessage[],
  field: string,
): readonly FieldMessage[] {
  return messages.filter((message) => isUnder(message.field, field));
}

/** Just the text of the messages about exactly this field. */
export function textsFor(messages: readonly FieldMessage[], field: string): readonly string[] {
  return messages.filter((message) => message.field === field).map((message) => message.message);
}

/**
 * The plan for a draft. The rules return errors rather than throw; the guard keeps a bug in them
 * from blanking a page.
 */
export function planForDraft(answers: DraftAnswers): PlanResult {
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
