// The saved plans' index: one short row per plan, written next to the plans whenever they change,
// so that the landing page can list them without loading the store and the rules. The index names
// the stored text it was made from (its length and a hash); when that text has changed since (an
// older version of the app wrote it, or a write of the index failed), the index is not used and
// the landing page reads the plans themselves. No imports beyond the storage keys (and a type).
import type { SavedPlanRow } from '@/components/saved-plans-list';
import { keptAsidePrefix, planIndexKey, schemaVersion, storageKey } from '@/store/storage-keys';

export type { SavedPlanRow };

/**
 * Goes up when the rows change shape or meaning; an index of another version is not used. 2: Resume
 * leads to the plan's next step to do.
 */
export const planIndexVersion = 2;

type StoredIndex = {
  readonly version: typeof planIndexVersion;
  /** `<length>:<hash>` of the text under `storageKey` the rows were made from. */
  readonly source: string;
  readonly rows: readonly SavedPlanRow[];
};

/** FNV-1a over the UTF-16 code units, with the length: cheap, and enough to notice a change. */
export function textStamp(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}

/** The index's text for `rows`, made from the stored text `source`. */
export function planIndexText(rows: readonly SavedPlanRow[], source: string): string {
  const index: StoredIndex = { version: planIndexVersion, source: textStamp(source), rows };
  return JSON.stringify(index);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isProgress(value: unknown): value is SavedPlanRow['progress'] {
  if (value === null) return true;
  return (
    isRecord(value) &&
    Number.isInteger(value.done) &&
    Number.isInteger(value.total) &&
    (value.done as number) >= 0 &&
    (value.done as number) <= (value.total as number)
  );
}

function isRow(value: unknown): value is SavedPlanRow {
  return (
    isRecord(value) &&
    ['id', 'name', 'model', 'versions', 'updatedAt'].every(
      (key) => typeof value[key] === 'string',
    ) &&
    typeof value.resumePath === 'string' &&
    value.resumePath.startsWith('/wizard/') &&
    isProgress(value.progress)
  );
}

/**
 * The rows of a stored index, when it was made from the plans stored now and nothing else needs
 * the store's attention (data kept aside); null otherwise, and whenever storage cannot be read.
 */
export function readPlanIndex(
  storage: Pick<Storage, 'getItem' | 'key' | 'length'>,
): readonly SavedPlanRow[] | null {
  try {
    for (let index = 0; index < storage.length; index += 1) {
      if (storage.key(index)?.startsWith(keptAsidePrefix) === true) return null;
    }
    const plans = storage.getItem(storageKey);
    if (plans === null) return [];
    // Plans of another schema (a newer version of the app wrote them) are for the store to explain.
    if (!plans.endsWith(`"version":${schemaVersion}}`)) return null;
    const text = storage.getItem(planIndexKey);
    if (text === null) return null;
    const parsed: unknown = JSON.parse(text);
    if (!isRecord(parsed) || parsed.version !== planIndexVersion) return null;
    if (parsed.source !== textStamp(plans)) return null;
    const { rows } = parsed;
    if (!Array.isArray(rows) || !rows.every(isRow)) return null;
    return rows;
  } catch {
    return null;
  }
}
