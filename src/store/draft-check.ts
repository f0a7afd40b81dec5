// What the typed answers are worth so far: the messages `validate` gives, sorted by the wizard
// step that asks for each field, and which steps the user may open.
import { validate, type FieldMessage, type NormalizedInput, type ValidationResult } from '@/rules';
import { toPlanInput, type DraftAnswers } from '@/store/wizard-store';

/** The wizard's steps in order; the ids match the routes under `wizard/`. */
export const draftSteps = [
  'deployment',
  'versions',
  'preparation',
  'backups',
  'names',
  'plan',
] as const satisfies readonly string[];

export type DraftStep = (typeof draftSteps)[number];

/** The step that asks for a field named as `validate` names it (`gateway.to`, `names.namespace`). */
export function stepOfField(field: string): DraftStep {
  const head = field.split(/[.[]/, 1)[0] ?? '';
  if (head === 'gateway' || head === 'pump' || head === 'mdcb') return 'versions';
  if (head === 'strategy' || head === 'downtimeMinutes') return 'preparation';
  if (head === 'names') return 'names';
  // A data plane's name is part of the deployment; its namespace, release and host are names.
  if (/^dataPlanes\[\d+\]\.(namespace|release|gatewayHost)$/.test(field)) return 'names';
  return 'deployment';
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
  /** Steps the user may open: every step up to and including the first that needs attention. */
  readonly reachable: readonly DraftStep[];
};

export function checkDraft(answers: DraftAnswers): DraftCheck {
  const result = validate(toPlanInput(answers));
  const errors = result.ok ? [] : result.errors;
  const early = validate(toPlanInput({ ...answers, names: {}, downtimeMinutes: '' }));
  const reachable: DraftStep[] = [];
  for (const step of draftSteps) {
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
  return messages.filter(
    (message) =>
      message.field === field ||
      message.field.startsWith(`${field}.`) ||
      message.field.startsWith(`${field}[`),
  );
}

/** Just the text of the messages about exactly this field. */
export function textsFor(messages: readonly FieldMessage[], field: string): readonly string[] {
  return messages.filter((message) => message.field === field).map((message) => message.message);
}
