import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMinutes,
  formatDateTime,
  formatRange,
  parseLocalDateTime,
  type LocalDateTime,
} from './local-date-time';

function read(text: string): LocalDateTime {
  const value = parseLocalDateTime(text);
  if (value === null) throw new Error(`${text} should read as a date-time`);
  return value;
}

describe('parseLocalDateTime', () => {
  it.each([
    ['2026-03-07T22:00', { year: 2026, month: 3, day: 7, hour: 22, minute: 0, zone: null }],
    [' 2026-03-07 22:00:30 ', { year: 2026, month: 3, day: 7, hour: 22, minute: 0, zone: null }],
    [
      '2026-03-07T22:00:00.000Z',
      { year: 2026, month: 3, day: 7, hour: 22, minute: 0, zone: 'UTC' },
    ],
    [
      '2024-02-29T09:05+0530',
      { year: 2024, month: 2, day: 29, hour: 9, minute: 5, zone: 'UTC+05:30' },
    ],
  ])('reads %s', (text, expected) => {
    expect(parseLocalDateTime(text)).toEqual(expected);
  });

  it.each([
    'Saturday night',
    '2026-02-29T10:00',
    '2026-13-01T10:00',
    '2026-04-31T10:00',
    '2026-03-07T24:00',
    '2026-03-07T22:60',
    '2026-03-07',
    '',
  ])('refuses %s', (text) => {
    expect(parseLocalDateTime(text)).toBeNull();
  });

  it('refuses what is not text', () => {
    expect(parseLocalDateTime(20260307)).toBeNull();
    expect(parseLocalDateTime(null)).toBeNull();
  });
});

describe('showing date-times', () => {
  it.each([
    ['2026-03-07T22:00', 'Saturday 7 March 2026, 22:00'],
    ['2024-02-29T09:05', 'Thursday 29 February 2024, 09:05'],
    ['2000-01-01T00:00Z', 'Saturday 1 January 2000, 00:00 UTC'],
    ['1999-12-31T23:59-03:00', 'Friday 31 December 1999, 23:59 UTC-03:00'],
  ])('%s', (text, expected) => {
    expect(formatDateTime(read(text))).toBe(expected);
  });

  it.each([
    ['2026-03-07T22:00', 95, 'Saturday 7 March 2026, 23:35'],
    ['2026-03-07T22:00', 160, 'Sunday 8 March 2026, 00:40'],
    ['2024-02-28T23:30', 60, 'Thursday 29 February 2024, 00:30'],
    ['2026-02-28T23:30', 60, 'Sunday 1 March 2026, 00:30'],
    ['2026-12-31T23:00', 120, 'Friday 1 January 2027, 01:00'],
    ['2026-03-07T22:00', 0, 'Saturday 7 March 2026, 22:00'],
  ])('%s plus %d minutes', (text, minutes, expected) => {
    expect(formatDateTime(addMinutes(read(text), minutes))).toBe(expected);
  });

  it('names the second day of a range only when it differs', () => {
    expect(formatRange(read('2026-03-07T22:00'), read('2026-03-07T23:30'))).toBe(
      'Saturday 7 March 2026, 22:00 to 23:30',
    );
    expect(formatRange(read('2026-03-07T22:00'), read('2026-03-08T01:30'))).toBe(
      'Saturday 7 March 2026, 22:00 to Sunday 8 March 2026, 01:30',
    );
  });
});

describe('date-time arithmetic', () => {
  const anyDateTime = fc
    .record({
      year: fc.integer({ min: 1900, max: 2200 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    })
    .map((value) => ({ ...value, zone: null }));

  it('comes back to the same time after going forward and back', () => {
    fc.assert(
      fc.property(anyDateTime, fc.integer({ min: 0, max: 5_000_000 }), (value, minutes) => {
        expect(addMinutes(addMinutes(value, minutes), -minutes)).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back what it shows as ISO text', () => {
    fc.assert(
      fc.property(anyDateTime, fc.integer({ min: 0, max: 100_000 }), (value, minutes) => {
        const later = addMinutes(value, minutes);
        const pad = (number: number) => String(number).padStart(2, '0');
        const iso = `${later.year}-${pad(later.month)}-${pad(later.day)}T${pad(later.hour)}:${pad(later.minute)}`;
        expect(parseLocalDateTime(iso)).toEqual(later);
      }),
      { numRuns: 300 },
    );
  });
});
