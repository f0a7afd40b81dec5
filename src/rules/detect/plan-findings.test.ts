import { describe, expect, it } from 'vitest';
import { findingsOnPlan } from './plan-findings';
import type { Finding } from './types';

function finding(id: string): Finding {
  return { id, severity: 'warning', title: id, detail: '', source: '', evidence: [] };
}

// hash-keys-mismatch concerns every target, sqlite-removed targets from 5.7.0.
const stored = [finding('hash-keys-mismatch'), finding('sqlite-removed'), finding('retired-row')];

describe('findingsOnPlan', () => {
  it.each<[string, string, string, readonly string[], boolean]>([
    [
      'checked for the plan target',
      '5.8.0',
      '5.8.0',
      ['hash-keys-mismatch', 'sqlite-removed', 'retired-row'],
      true,
    ],
    [
      'checked with a v for the same target',
      'v5.8.0',
      '5.8.0',
      ['hash-keys-mismatch', 'sqlite-removed', 'retired-row'],
      true,
    ],
    [
      'read before a target was chosen',
      '',
      '5.8.0',
      ['hash-keys-mismatch', 'sqlite-removed', 'retired-row'],
      false,
    ],
    [
      'a plan target before the row applies',
      '5.8.0',
      '5.3.0',
      ['hash-keys-mismatch', 'retired-row'],
      false,
    ],
  ])('%s', (_name, checked, target, ids, isChecked) => {
    const view = findingsOnPlan(stored, checked, target);
    expect([view.findings.map((item) => item.id), view.isCheckedForTarget]).toEqual([
      ids,
      isChecked,
    ]);
  });
});

describe('the note of findings read for another target', () => {
  it.each<[string, string, string, string | null]>([
    ['checked for the plan target', '5.8.0', '5.8.0', null],
    [
      'read before a target was chosen',
      ' ',
      '5.8.0',
      'These were read before a target version was chosen, so risks that depend on the target were not checked.',
    ],
    [
      'checked for another target',
      ' 5.7.0 ',
      '5.8.0',
      'These were checked for target 5.7.0, not 5.8.0.',
    ],
  ])('%s', (_name, checked, target, note) => {
    expect(findingsOnPlan(stored, checked, target).staleNote).toBe(note);
  });
});
