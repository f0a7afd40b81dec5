import { describe, expect, it } from 'vitest';
import { formatMinutes, formatOffset, roundUpTo } from './duration';

describe('durations', () => {
  it.each([
    [0, '0 min', '0:00'],
    [7, '7 min', '0:07'],
    [60, '1 h', '1:00'],
    [65, '1 h 5 min', '1:05'],
    [160, '2 h 40 min', '2:40'],
    [1505, '25 h 5 min', '25:05'],
    [-4, '0 min', '0:00'],
    [Number.NaN, '0 min', '0:00'],
  ])('%d minutes', (minutes, length, offset) => {
    expect(formatMinutes(minutes)).toBe(length);
    expect(formatOffset(minutes)).toBe(offset);
  });

  it.each([
    [119, 15, 120],
    [120, 15, 120],
    [1, 15, 15],
  ])('rounds %d up to a multiple of %d', (minutes, step, expected) => {
    expect(roundUpTo(minutes, step)).toBe(expected);
  });
});
