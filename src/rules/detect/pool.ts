// Env files and config files wait here until a compose file, a container or a Deployment claims
// them; what nobody claims is read on its own afterwards.
import type { ComponentId } from '../types';
import type { EnvReading } from './env-file';
import type { JsonDocument } from './json-reader';
import type { Observations } from './observations';
import type { ConfigKind } from './recognise';
import {
  componentOfEnv,
  envPrefixes,
  flattenConfig,
  rememberSecrets,
  type SettingSource,
} from './settings';

export type EnvFileEntry = {
  readonly file: string;
  readonly env: EnvReading;
  /** Instances this file configures (as an `env_file`). */
  readonly boundTo: string[];
};

export type ConfigFileEntry = {
  readonly file: string;
  readonly kind: ConfigKind;
  readonly doc: JsonDocument;
  readonly boundTo: string[];
};

export type Pool = {
  readonly envFiles: EnvFileEntry[];
  readonly configFiles: ConfigFileEntry[];
};

function normalisePath(path: string): string {
  return path
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/{2,}/g, '/');
}

function baseName(path: string): string {
  return normalisePath(path).split('/').pop() ?? path;
}

/**
 * How well a given file's name matches a path a compose file or a mount names: the length of the
 * matching tail when the whole path matches, 1 for the same base name, 0 for none.
 */
export function pathMatch(givenName: string, reference: string): number {
  const given = normalisePath(givenName);
  const wanted = normalisePath(reference);
  if (wanted === '') return 0;
  if (given === wanted || given.endsWith(`/${wanted}`)) return wanted.length + 1;
  return baseName(given) === baseName(wanted) ? 1 : 0;
}

/** The pool entry whose name best matches `reference`, or undefined. */
export function bestMatch<T extends { readonly file: string }>(
  entries: readonly T[],
  reference: string,
): T | undefined {
  let best: T | undefined;
  let bestScore = 0;
  for (const entry of entries) {
    const score = pathMatch(entry.file, reference);
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}

/** The components an env file configures, by the prefixes of its variables. */
export function envComponents(env: EnvReading): readonly ComponentId[] {
  const found = new Set<ComponentId>();
  for (const entry of env.entries) {
    const component = componentOfEnv(entry.name);
    if (component !== null) found.add(component);
  }
  return [...found];
}

/** The settings an env file gives one component, and its secrets handed to the scrubber. */
export function envSources(
  entry: EnvFileEntry,
  component: ComponentId,
  observations: Observations,
): SettingSource[] {
  const sources: SettingSource[] = [];
  for (const { name, value, line } of entry.env.entries) {
    rememberSecrets(name, value, observations.scrubber);
    if (componentOfEnv(name) !== component) continue;
    sources.push({
      canonical: name.slice(envPrefixes[component].length),
      value,
      file: entry.file,
      where: `line ${line} (${name})`,
      origin: 'env',
    });
  }
  return sources;
}

/** The settings a config file gives, from every key it holds. */
export function configSources(entry: ConfigFileEntry, observations: Observations): SettingSource[] {
  const flat = flattenConfig(entry.doc.value, entry.doc.lines, observations.scrubber);
  return [...flat].map(([canonical, { value, path, line }]) => ({
    canonical,
    value,
    file: entry.file,
    where: line === undefined ? `key ${path}` : `line ${line} (${path})`,
    origin: 'file',
  }));
}

/** Environment variables from a `NAME=value` list (docker inspect) or name/value pairs (kubectl). */
export function envListSources(
  names: readonly { readonly name: string; readonly value: string; readonly where: string }[],
  component: ComponentId,
  file: string,
  observations: Observations,
): SettingSource[] {
  const sources: SettingSource[] = [];
  for (const { name, value, where } of names) {
    rememberSecrets(name, value, observations.scrubber);
    if (componentOfEnv(name) !== component) continue;
    sources.push({
      canonical: name.slice(envPrefixes[component].length),
      value,
      file,
      where,
      origin: 'env',
    });
  }
  return sources;
}
