import { describe, expect, it } from 'vitest';
import { planIndexText, readPlanIndex, textStamp, type SavedPlanRow } from '@/store/plan-index';
import { keptAsidePrefix, planIndexKey, schemaVersion, storageKey } from '@/store/storage-keys';

const row: SavedPlanRow = {
  id: 'plan-1',
  name: 'Production gateways',
  model: 'Tyk Self-Managed',
  versions: 'Gateway 5.3.0 → 5.8.2',
  updatedAt: '2026-09-01T10:00:00.000Z',
  progress: { done: 3, total: 33 },
  resumePath: '/wizard/plan',
};

// What the store writes under `storageKey`: the schema version comes last.
const plansText = `{"state":{"plans":{},"order":["plan-1"],"activePlanId":null,"deleted":{}},"version":${schemaVersion}}`;
const newerText = plansText.replace(
  `"version":${schemaVersion}}`,
  `"version":${schemaVersion + 1}}`,
);

function storageWith(entries: Record<string, string>): Pick<Storage, 'getItem' | 'key' | 'length'> {
  const keys = Object.keys(entries);
  return {
    length: keys.length,
    key: (index) => keys[index] ?? null,
    getItem: (key) => entries[key] ?? null,
  };
}

describe('textStamp', () => {
  // The published FNV-1a 32-bit values: 0x811c9dc5 for "", 0xe40c292c for "a", 0x4d2505ca for "ab".
  it.each([
    ['', '0:ztntfp'],
    ['a', '1:1r9wi7g'],
    ['ab', '2:lekqmi'],
  ])('stamps %j as %s', (text, stamp) => {
    expect(textStamp(text)).toBe(stamp);
  });

  it('tells texts of the same length apart', () => {
    expect(textStamp('{"order":["a"]}')).not.toBe(textStamp('{"order":["b"]}'));
  });
});

describe('readPlanIndex', () => {
  it('gives the rows of an index made from the plans stored now', () => {
    const storage = storageWith({
      [storageKey]: plansText,
      [planIndexKey]: planIndexText([row], plansText),
    });
    expect(readPlanIndex(storage)).toEqual([row]);
  });

  it('gives no rows when no plans are stored', () => {
    expect(readPlanIndex(storageWith({}))).toEqual([]);
  });

  it.each<[string, Record<string, string>]>([
    ['there is no index', { [storageKey]: plansText }],
    [
      'the plans changed after the index was written',
      {
        [storageKey]: plansText.replace('plan-1', 'plan-2'),
        [planIndexKey]: planIndexText([row], plansText),
      },
    ],
    [
      'a newer schema wrote the plans',
      {
        [storageKey]: newerText,
        [planIndexKey]: planIndexText([row], newerText),
      },
    ],
    [
      'data was kept aside',
      {
        [storageKey]: plansText,
        [planIndexKey]: planIndexText([row], plansText),
        [`${keptAsidePrefix}2026-09-01T10:00:00.000Z`]: 'not json',
      },
    ],
    ['the index is not JSON', { [storageKey]: plansText, [planIndexKey]: '{"version":1,' }],
    [
      'the index is of another version',
      {
        [storageKey]: plansText,
        [planIndexKey]: planIndexText([row], plansText).replace('"version":2', '"version":9'),
      },
    ],
    [
      // Its rows resume at the top of the plan, not at the next step to do.
      'the index was written by a build before version 2',
      {
        [storageKey]: plansText,
        [planIndexKey]: planIndexText([row], plansText).replace('"version":2', '"version":1'),
      },
    ],
    [
      'a row lacks its name',
      {
        [storageKey]: plansText,
        [planIndexKey]: planIndexText(
          [{ ...row, name: undefined as unknown as string }],
          plansText,
        ),
      },
    ],
    [
      'a row counts more done than there are steps',
      {
        [storageKey]: plansText,
        [planIndexKey]: planIndexText([{ ...row, progress: { done: 34, total: 33 } }], plansText),
      },
    ],
    [
      'a row resumes outside the wizard',
      {
        [storageKey]: plansText,
        [planIndexKey]: planIndexText([{ ...row, resumePath: 'javascript:alert(1)' }], plansText),
      },
    ],
  ])('is not used when %s', (_case, entries) => {
    expect(readPlanIndex(storageWith(entries))).toBeNull();
  });

  it('is not used when storage cannot be read', () => {
    const storage = {
      length: 0,
      key: () => null,
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    expect(readPlanIndex(storage)).toBeNull();
  });
});
