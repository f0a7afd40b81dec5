// Detected answers meet typed ones: what the user typed (or a CLI flag gave) wins, field by
// field, so `plan --detect FILE --to 5.8.0` and an accepted proposal in the wizard both end as
// one set of answers for `validate`.
import type { DetectedAnswers } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Nested objects are merged key by key; lists and plain values from `typed` replace detected ones. */
function merge(detected: unknown, typed: unknown, depth: number): unknown {
  if (typed === undefined) return detected;
  if (depth < 4 && isRecord(detected) && isRecord(typed)) {
    const result: Record<string, unknown> = { ...detected };
    for (const [key, value] of Object.entries(typed)) {
      if (key === '__proto__') continue;
      result[key] = merge(detected[key], value, depth + 1);
    }
    return result;
  }
  return typed;
}

/**
 * The answers to validate: the detected ones, overridden by every field the user gave. Pass only
 * the fields the user set; a default filled in elsewhere would hide what the files showed.
 */
export function mergeDetectedAnswers(
  detected: DetectedAnswers,
  typed: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return merge(detected, typed, 0) as Record<string, unknown>;
}
