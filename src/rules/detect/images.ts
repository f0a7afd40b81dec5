// Container image references: which component an image is, its repository without the tag, and
// what its tag says about the version (facts §2: tags are `v`-prefixed; `v5.3` floats).
import type { ComponentId } from '../types';
import { parseVersion } from '../versions';

export type ImageRef = {
  /** The repository without tag or digest: `tykio/tyk-gateway-ee`, `docker.tyk.io/tyk-gateway/tyk-gateway`. */
  readonly repository: string;
  /** The tag as written, or null when there is none (Docker then pulls `latest`). */
  readonly tag: string | null;
  readonly digest: string | null;
};

export function parseImage(reference: string): ImageRef | null {
  const trimmed = reference.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const at = trimmed.indexOf('@');
  const digest = at >= 0 ? trimmed.slice(at + 1) : null;
  const name = at >= 0 ? trimmed.slice(0, at) : trimmed;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  // A colon before the last slash belongs to a registry port (registry:5000/tyk-gateway).
  const hasTag = colon > slash;
  const repository = hasTag ? name.slice(0, colon) : name;
  const tag = hasTag ? name.slice(colon + 1) : null;
  if (repository === '') return null;
  return { repository, tag: tag === '' ? null : tag, digest };
}

/** What an image is, from the last part of its repository. */
export type ImageRole =
  | { readonly kind: 'component'; readonly component: ComponentId; readonly isFips: boolean }
  | { readonly kind: 'redis'; readonly isValkey: boolean }
  | { readonly kind: 'database'; readonly database: 'mongodb' | 'postgres' }
  | { readonly kind: 'other' };

const componentImages: readonly { readonly pattern: RegExp; readonly component: ComponentId }[] = [
  { pattern: /^tyk-gateway(-ee|-fips)?$/, component: 'gateway' },
  { pattern: /^tyk-hybrid-docker$/, component: 'gateway' },
  { pattern: /^tyk-dashboard$/, component: 'dashboard' },
  { pattern: /^tyk-pump(-docker-pub)?$/, component: 'pump' },
  { pattern: /^tyk-(mdcb(-docker)?|sink)$/, component: 'mdcb' },
];

export function imageRole(repository: string): ImageRole {
  const last = (repository.split('/').pop() ?? '').toLowerCase();
  for (const { pattern, component } of componentImages) {
    if (pattern.test(last)) return { kind: 'component', component, isFips: last.endsWith('-fips') };
  }
  if (/^(redis|redis-stack-server|redis-cluster|valkey)$/.test(last))
    return { kind: 'redis', isValkey: last === 'valkey' };
  if (/^(mongo|mongodb|mongodb-community-server)$/.test(last))
    return { kind: 'database', database: 'mongodb' };
  if (/^(postgres|postgresql)$/.test(last)) return { kind: 'database', database: 'postgres' };
  return { kind: 'other' };
}

/** What a tag says about the version the container runs. */
export type TagVersion =
  | { readonly kind: 'exact'; readonly version: string }
  /** A moving tag for a minor line (`v5.3`): which patch runs is not in the tag. */
  | { readonly kind: 'floating'; readonly line: string }
  | { readonly kind: 'latest' }
  | { readonly kind: 'other' };

export function tagVersion(tag: string | null): TagVersion {
  if (tag === null || tag === 'latest') return { kind: 'latest' };
  const exact = parseVersion(tag.replace(/-(alpine|slim|bookworm|bullseye|distroless)$/, ''));
  if (exact.ok) return { kind: 'exact', version: exact.version };
  const floating = /^v?(\d+)\.(\d+)$/.exec(tag) ?? /^v?(\d+)$/.exec(tag);
  if (floating !== null) return { kind: 'floating', line: floating.slice(1).join('.') };
  return { kind: 'other' };
}

/**
 * A third-party version from a tag or a server's answer (`7.2.4`, `6.2-alpine`, `15.4 (Debian…)`):
 * the version as written and as semver, missing parts as 0 (`7.2` -> `7.2.0`).
 */
export function looseVersion(
  text: string,
): { readonly shown: string; readonly semver: string } | null {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (match === null) return null;
  const [, major = '0', minor, patch] = match;
  const shown = [major, minor, patch].filter((part) => part !== undefined).join('.');
  return { shown, semver: `${Number(major)}.${Number(minor ?? 0)}.${Number(patch ?? 0)}` };
}
