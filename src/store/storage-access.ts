// The few calls that touch the browser's storage. Each reports what went wrong (a full or
// switched-off storage) rather than throwing.
import { keptAsidePrefix } from '@/store/storage-keys';

export type StorageProblem = 'full' | 'unavailable';

export type TextRead =
  | { readonly ok: true; readonly text: string | null }
  | { readonly ok: false; readonly problem: StorageProblem };

export type TextWrite =
  { readonly ok: true } | { readonly ok: false; readonly problem: StorageProblem };

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof DOMException)) return false;
  // Chromium and Safari name it QuotaExceededError; older Firefox used its own name and code.
  return (
    error.name === 'QuotaExceededError' ||
    error.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    error.code === 22 ||
    error.code === 1014
  );
}

function problemOf(error: unknown): StorageProblem {
  return isQuotaError(error) ? 'full' : 'unavailable';
}

export type StorageName = 'localStorage' | 'sessionStorage';

// Reading the property itself throws when storage is switched off for the site.
function area(name: StorageName): Storage {
  return name === 'localStorage' ? window.localStorage : window.sessionStorage;
}

export function readText(key: string, from: StorageName = 'localStorage'): TextRead {
  try {
    return { ok: true, text: area(from).getItem(key) };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

export function writeText(key: string, text: string, to: StorageName = 'localStorage'): TextWrite {
  try {
    area(to).setItem(key, text);
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

export function removeText(key: string): void {
  try {
    area('localStorage').removeItem(key);
  } catch {
    // Nothing to remove when storage is switched off.
  }
}

/** Data kept aside because this version could not read it. */
export type KeptAside = {
  readonly key: string;
  /** When it was kept aside (ISO time), or '' for the stored data itself. */
  readonly keptAt: string;
  readonly characters: number;
};

function isTaken(key: string): boolean {
  const read = readText(key);
  return read.ok && read.text !== null;
}

/** Keeps `text` under a key of its own; the key, or null when there was no room for it. */
export function keepAside(text: string, atIso: string): string | null {
  const base = `${keptAsidePrefix}${atIso}`;
  let key = base;
  for (let n = 2; isTaken(key); n += 1) key = `${base}-${n}`;
  return writeText(key, text).ok ? key : null;
}

export function listKeptAside(): KeptAside[] {
  try {
    const storage = area('localStorage');
    const found: KeptAside[] = [];
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key === null || !key.startsWith(keptAsidePrefix)) continue;
      found.push({
        key,
        keptAt: key.slice(keptAsidePrefix.length).replace(/-\d+$/, ''),
        characters: storage.getItem(key)?.length ?? 0,
      });
    }
    return found.sort((a, b) => (a.key < b.key ? -1 : 1));
  } catch {
    return [];
  }
}
