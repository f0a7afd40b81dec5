// The one place that talks to semver. Its comparators throw on bad input; these never do.
import semver from 'semver';
import { shownValue } from './message-text';

// Plans ask the same few questions of the same few versions thousands of times; parsing with
// semver each time costs most of a plan's budget. The answers never change, so they are kept,
// with a bound so that arbitrary input cannot grow the caches without limit.
const cacheLimit = 4096;

function remembered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * A cache keyed by two strings, one map inside another: joining the two into one key would build
 * and hash a new string on every call, which cost more than the answer it looked up. The bound
 * counts every answer kept, across the inner maps.
 */
type PairCache<T> = { readonly byOuter: Map<string, Map<string, T>>; size: number };

function pairCache<T>(): PairCache<T> {
  return { byOuter: new Map(), size: 0 };
}

function rememberedPair<T>(cache: PairCache<T>, outer: string, inner: string, compute: () => T): T {
  const answers = cache.byOuter.get(outer);
  const known = answers?.get(inner);
  if (known !== undefined) return known;
  const value = compute();
  if (cache.size >= cacheLimit) {
    cache.byOuter.clear();
    cache.size = 0;
  }
  let kept = cache.byOuter.get(outer);
  if (kept === undefined) {
    kept = new Map<string, T>();
    cache.byOuter.set(outer, kept);
  }
  kept.set(inner, value);
  cache.size += 1;
  return value;
}

const parsedVersions = new Map<string, ParsedVersion>();
const rangeAnswers = pairCache<boolean>();
const validRanges = new Map<string, boolean>();
const comparisons = pairCache<number>();
const minorLines = new Map<string, string>();

export type ParsedVersion =
  | { readonly ok: true; readonly version: string }
  | { readonly ok: false; readonly message: string };

/** Accepts `5.3.0`, `v5.3.0` and surrounding spaces; returns the bare version or why it is not one. */
export function parseVersion(raw: unknown): ParsedVersion {
  if (typeof raw !== 'string') return { ok: false, message: 'is missing' };
  return remembered(parsedVersions, raw, () => parseVersionText(raw));
}

function parseVersionText(raw: string): ParsedVersion {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, message: 'is empty' };
  const bare = trimmed.replace(/^[vV]/, '');
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(bare) || semver.valid(bare) === null) {
    // shownValue shortens the echo and replaces control characters, which a terminal would obey.
    return { ok: false, message: `"${shownValue(trimmed)}" is not a version like 5.3.0` };
  }
  return { ok: true, version: semver.valid(bare) ?? bare };
}

/** A valid version or null, for code that only needs to know whether it can compare. */
export function versionOrNull(raw: unknown): string | null {
  const parsed = parseVersion(raw);
  return parsed.ok ? parsed.version : null;
}

export function compareVersions(a: string, b: string): number {
  const left = versionOrNull(a);
  const right = versionOrNull(b);
  if (left === null || right === null) return 0;
  if (left === right) return 0;
  return rememberedPair(comparisons, left, right, () => semver.compare(left, right));
}

export function isNewer(candidate: string, than: string): boolean {
  return compareVersions(candidate, than) > 0;
}

/** True when `version` satisfies `range` (node-semver syntax); false on any bad input. */
export function satisfiesRange(version: string, range: string): boolean {
  const parsed = versionOrNull(version);
  if (parsed === null || !isValidRange(range)) return false;
  return rememberedPair(rangeAnswers, range, parsed, () =>
    semver.satisfies(parsed, range, { includePrerelease: true }),
  );
}

export function isValidRange(range: string): boolean {
  return remembered(validRanges, range, () => semver.validRange(range) !== null);
}

/** `5.3.0` → `5.3`. */
export function minorLine(version: string): string {
  return remembered(minorLines, version, () => {
    const parsed = versionOrNull(version);
    if (parsed === null) return '';
    const [major = '', minor = ''] = parsed.split('.');
    return `${major}.${minor}`;
  });
}

/** Docker tags are `v`-prefixed. */
export function dockerTag(version: string): string {
  return `v${version}`;
}

/** True when some release strictly after `from` and at or before `to` lies in `range`: the upgrade crosses it. */
export function crosses(from: string, to: string, version: string): boolean {
  return isNewer(version, from) && !isNewer(version, to);
}
