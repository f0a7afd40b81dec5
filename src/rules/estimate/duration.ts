// Minutes as people read them: `1 h 5 min` for a length, `1:05` for a point in the change.

/** `45 min`, `1 h`, `1 h 5 min`. */
export function formatMinutes(minutes: number): string {
  const whole = Number.isFinite(minutes) ? Math.max(0, Math.round(minutes)) : 0;
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** `0:45`, `1:05`: minutes from the start of the change, on a clock that starts at 0:00. */
export function formatOffset(minutes: number): string {
  const whole = Number.isFinite(minutes) ? Math.max(0, Math.round(minutes)) : 0;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The next multiple of `step` at or above `minutes`. */
export function roundUpTo(minutes: number, step: number): number {
  return Math.ceil(minutes / step) * step;
}
