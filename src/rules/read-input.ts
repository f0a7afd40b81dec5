// Small readers shared by the parts of `validate`: input arrives as `unknown` and is narrowed here.
import type { FieldMessage } from './types';

export type Messages = { errors: FieldMessage[]; warnings: FieldMessage[] };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value.trim())
    ? (value.trim() as T)
    : null;
}
