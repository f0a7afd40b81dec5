// ISO local date-times as typed into a form (`2026-03-07T22:00`), read and shown without `Date`:
// the rules stay deterministic, and a time the user typed is never shifted into another zone.

export type LocalDateTime = {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** `UTC` or `UTC+01:00` when the text carried a zone; null for a local time. */
  readonly zone: string | null;
};

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const weekdayNames = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): {
  readonly year: number;
  readonly month: number;
  readonly day: number;
} {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pattern =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

function zoneOf(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (raw === 'Z') return 'UTC';
  const digits = raw.replace(':', '');
  return `UTC${digits.slice(0, 3)}:${digits.slice(3)}`;
}

/** `2026-03-07T22:00`, with optional seconds and zone; null for anything else or a day that does not exist. */
export function parseLocalDateTime(raw: unknown): LocalDateTime | null {
  if (typeof raw !== 'string') return null;
  const match = pattern.exec(raw.trim());
  if (match === null) return null;
  const [, year, month, day, hour, minute, zone] = match;
  const value = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    zone: zoneOf(zone),
  };
  const isValid =
    value.month >= 1 &&
    value.month <= 12 &&
    value.day >= 1 &&
    value.day <= daysInMonth(value.year, value.month) &&
    value.hour <= 23 &&
    value.minute <= 59;
  return isValid ? value : null;
}

/** The same clock `minutes` later, across midnight, month and year ends. */
export function addMinutes(value: LocalDateTime, minutes: number): LocalDateTime {
  const whole = Number.isFinite(minutes) ? Math.round(minutes) : 0;
  const total =
    daysFromCivil(value.year, value.month, value.day) * 1440 +
    value.hour * 60 +
    value.minute +
    whole;
  const days = Math.floor(total / 1440);
  const inDay = total - days * 1440;
  return {
    ...civilFromDays(days),
    hour: Math.floor(inDay / 60),
    minute: inDay % 60,
    zone: value.zone,
  };
}

/** `Saturday 7 March 2026`. */
export function formatDay(value: LocalDateTime): string {
  const days = daysFromCivil(value.year, value.month, value.day);
  // 1970-01-01 was a Thursday.
  const weekday = weekdayNames[(((days + 4) % 7) + 7) % 7] ?? '';
  return `${weekday} ${value.day} ${monthNames[value.month - 1] ?? ''} ${value.year}`;
}

/** `22:00`, or `22:00 UTC+01:00` when the value carries a zone. */
export function formatTime(value: LocalDateTime): string {
  const clock = `${String(value.hour).padStart(2, '0')}:${String(value.minute).padStart(2, '0')}`;
  return value.zone === null ? clock : `${clock} ${value.zone}`;
}

/** `Saturday 7 March 2026, 22:00`. */
export function formatDateTime(value: LocalDateTime): string {
  return `${formatDay(value)}, ${formatTime(value)}`;
}

/** `Saturday 7 March 2026, 22:00 to 23:30`, naming the second day only when it differs. */
export function formatRange(start: LocalDateTime, end: LocalDateTime): string {
  const sameDay =
    start.year === end.year &&
    start.month === end.month &&
    start.day === end.day &&
    start.zone === end.zone;
  return sameDay
    ? `${formatDateTime(start)} to ${formatTime(end)}`
    : `${formatDateTime(start)} to ${formatDateTime(end)}`;
}

/** Whole minutes since 1970-01-01 00:00 on the value's own clock (its zone is not applied). */
export function minutesSinceEpoch(value: LocalDateTime): number {
  return daysFromCivil(value.year, value.month, value.day) * 1440 + value.hour * 60 + value.minute;
}
