// What the finding rows read from the detected files: a setting of one instance as evidence, the
// data-plane flag, the database and Redis versions held against the versions each target is
// tested with, and the small phrases the rows build their sentences from.
import { thirdPartyRows } from '../catalog/advisories';
import { satisfiesRange } from '../versions';
import { componentLabel } from './fields';
import { looseVersion } from './images';
import type { Trigger } from './finding-types';
import type { ComponentInstance, DeploymentFacts, SourcedValue } from './types';

/** Tested third-party versions per target Gateway (facts §10.5), as ranges to compare with. */
export type TestedVersions = {
  readonly store: 'redis' | 'mongodb' | 'postgres';
  /** The same Gateway ranges as the advisories' third-party rows. */
  readonly gateway: string;
  readonly tested: string;
};

export const testedVersions = [
  { store: 'redis', gateway: '>=5.0.0 <5.9.0', tested: '>=6.2.0 <8.0.0' },
  { store: 'redis', gateway: '>=5.9.0 <5.12.0', tested: '>=6.2.0 <8.3.0' },
  { store: 'redis', gateway: '>=5.12.0 <5.13.0', tested: '>=6.2.0 <8.5.0' },
  { store: 'redis', gateway: '>=5.13.0', tested: '>=6.2.0 <8.5.0' },
  { store: 'mongodb', gateway: '>=5.3.0 <5.9.0', tested: '>=5.0.0 <8.0.0' },
  { store: 'mongodb', gateway: '>=5.9.0 <5.13.0', tested: '>=5.0.0 <9.0.0' },
  { store: 'mongodb', gateway: '>=5.13.0', tested: '>=6.0.0 <9.0.0' },
  { store: 'postgres', gateway: '>=5.3.0 <5.3.2', tested: '>=11.0.0 <16.0.0' },
  { store: 'postgres', gateway: '>=5.3.2 <5.3.11 || >=5.4.0 <5.8.0', tested: '>=12.0.0 <17.0.0' },
  { store: 'postgres', gateway: '>=5.3.11 <5.4.0 || >=5.8.0', tested: '>=13.0.0 <18.0.0' },
] as const satisfies readonly TestedVersions[];

/** Valkey, tested from Gateway 5.13.0 (facts §10.5). */
export const testedValkey = {
  gateway: '>=5.13.0',
  tested: '>=7.2.0 <7.3.0 || >=8.0.0 <8.2.0',
} as const;

function testedRow(store: TestedVersions['store'], target: string): TestedVersions | undefined {
  return testedVersions.find((row) => row.store === store && satisfiesRange(target, row.gateway));
}

/** The advisory text for the same store and target, so the words have one home. */
export function testedText(store: TestedVersions['store'], target: string): string {
  return (
    thirdPartyRows.find((row) => row.store === store && satisfiesRange(target, row.gateway))
      ?.versions ?? ''
  );
}

export function settingOf(instance: ComponentInstance, key: string): SourcedValue | null {
  const found = instance.settings[key];
  if (found === undefined) return null;
  const shown = Array.isArray(found.value) ? found.value.join(',') : String(found.value);
  return {
    value: `${key} ${shown} (${componentLabel(instance.component)} ${instance.label})`,
    file: found.file,
    where: found.where,
  };
}

export function isDataPlane(instance: ComponentInstance): boolean {
  return (
    instance.component === 'gateway' &&
    (instance.settings['slave_options.use_rpc']?.value === true ||
      instance.settings['policies.policy_source']?.value === 'rpc')
  );
}

export function list(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1] ?? ''}`;
}

export function where(value: SourcedValue): string {
  return `${value.file}${value.where === '' ? '' : `, ${value.where}`}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function mongoVersion(
  facts: DeploymentFacts,
): { shown: string; semver: string; source: SourcedValue } | null {
  const version = facts.database.version;
  if (version === undefined || !version.value.startsWith('mongodb ')) return null;
  const loose = looseVersion(version.value.slice('mongodb '.length));
  return loose === null ? null : { ...loose, source: version };
}

export function storeTrigger(
  store: TestedVersions['store'],
  facts: DeploymentFacts,
  target: string | null,
): Trigger | null {
  if (target === null) return null;
  const row = testedRow(store, target);
  if (row === undefined) return null;
  const source = store === 'redis' ? facts.redis.version : facts.database.version;
  if (source === undefined) return null;
  if (store !== 'redis' && !source.value.startsWith(`${store} `)) return null;
  const version = looseVersion(
    store === 'redis' ? source.value : source.value.slice(store.length + 1),
  );
  if (version === null || satisfiesRange(version.semver, row.tested)) return null;
  const name = store === 'redis' ? 'Redis' : store === 'mongodb' ? 'MongoDB' : 'PostgreSQL';
  return {
    evidence: [source],
    specifics: `${name} ${version.shown} runs (${where(source)}); Gateway ${target} is tested with ${testedText(store, target)}.`,
  };
}
