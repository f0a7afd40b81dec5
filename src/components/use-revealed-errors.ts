import { useCallback, useState } from 'react';

export type RevealedErrors = {
  /** Call when the user leaves a field: its message shows from then on. */
  readonly reveal: (field: string) => void;
  /** Call when the user tries to go on: every message shows. */
  readonly revealAll: () => void;
  /** A field's message shows once something is typed, the field is left, or Next is pressed. */
  readonly isRevealed: (field: string, value: string) => boolean;
};

/** Keeps "this field is empty" quiet until the user has had a chance to fill the field in. */
export function useRevealedErrors(): RevealedErrors {
  const [left, setLeft] = useState<ReadonlySet<string>>(() => new Set());
  const [isAll, setIsAll] = useState(false);
  const reveal = useCallback(
    (field: string) =>
      setLeft((previous) => (previous.has(field) ? previous : new Set(previous).add(field))),
    [],
  );
  const revealAll = useCallback(() => setIsAll(true), []);
  const isRevealed = useCallback(
    (field: string, value: string) => isAll || left.has(field) || value.trim() !== '',
    [isAll, left],
  );
  return { reveal, revealAll, isRevealed };
}
