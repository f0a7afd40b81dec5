import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  crosses,
  dockerTag,
  minorLine,
  parseVersion,
  satisfiesRange,
} from './versions';

describe('parseVersion', () => {
  it.each([
    ['5.3.0', '5.3.0'],
    ['v5.3.0', '5.3.0'],
    ['  V5.8.15 ', '5.8.15'],
    ['2.12.0', '2.12.0'],
    ['5.3.0-rc1', '5.3.0-rc1'],
  ])('accepts %j as %s', (raw, expected) => {
    expect(parseVersion(raw)).toEqual({ ok: true, version: expected });
  });

  it.each([[''], ['5.3'], ['5'], ['latest'], ['5.3.0; rm -rf /'], ['vv5.3.0'], ['05.3.0']])(
    'rejects %j',
    (raw) => {
      expect(parseVersion(raw).ok).toBe(false);
    },
  );

  it.each([[undefined], [null], [5.3], [{}], [['5.3.0']]])('rejects the non-string %j', (raw) => {
    expect(parseVersion(raw)).toEqual({ ok: false, message: 'is missing' });
  });
});

describe('comparisons never throw', () => {
  it('orders versions numerically, not as text', () => {
    expect(compareVersions('5.10.0', '5.9.2')).toBe(1);
    expect(compareVersions('5.3.0', '5.3.0')).toBe(0);
  });
  it('treats garbage as incomparable instead of throwing', () => {
    expect(compareVersions('x', '5.3.0')).toBe(0);
    expect(satisfiesRange('x', '>=5.0.0')).toBe(false);
    expect(satisfiesRange('5.3.0', 'not a range')).toBe(false);
  });
  it('knows which releases an upgrade crosses', () => {
    expect(crosses('5.2.5', '5.3.0', '5.3.0')).toBe(true);
    expect(crosses('5.3.0', '5.8.0', '5.3.0')).toBe(false);
    expect(crosses('5.0.0', '5.2.5', '5.3.0')).toBe(false);
  });
  it('formats minor lines and Docker tags', () => {
    expect(minorLine('5.13.1')).toBe('5.13');
    expect(dockerTag('5.3.0')).toBe('v5.3.0');
  });
});
