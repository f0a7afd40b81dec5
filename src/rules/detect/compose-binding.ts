// Binds a compose service to the pasted env file or config it names when the names do not match:
// the one unclaimed file that configures that component is it.
import type { InstanceDraft, Observations } from './observations';
import {
  configSources,
  envComponents,
  envSources,
  pathMatch,
  type ConfigFileEntry,
  type EnvFileEntry,
  type Pool,
} from './pool';
import { configComponent } from './recognise';

/**
 * Pasted text has no useful names. When a service's env_file or mounted config was not matched by
 * name and exactly one unclaimed file configures that component, it is that file.
 */
export function bindByContent(
  unmatchedEnvFiles: Map<InstanceDraft, string[]>,
  unmatchedConfigs: Map<InstanceDraft, string[]>,
  named: Set<EnvFileEntry>,
  pool: Pool,
  observations: Observations,
): void {
  for (const [instance, paths] of [...unmatchedEnvFiles]) {
    const candidates = pool.envFiles.filter(
      (entry) =>
        entry.boundTo.length === 0 &&
        !named.has(entry) &&
        envComponents(entry.env).includes(instance.component) &&
        paths.every((path) => pathMatch(entry.file, path) === 0),
    );
    const only = onlyOne(candidates);
    if (only === undefined) continue;
    only.boundTo.push(instance.label);
    instance.sources.push(...envSources(only, instance.component, observations));
    unmatchedEnvFiles.delete(instance);
  }
  for (const [instance] of [...unmatchedConfigs]) {
    const candidates = pool.configFiles.filter(
      (entry) => entry.boundTo.length === 0 && configComponent[entry.kind] === instance.component,
    );
    const only: ConfigFileEntry | undefined = onlyOne(candidates);
    if (only === undefined) continue;
    only.boundTo.push(instance.label);
    instance.sources.unshift(...configSources(only, observations));
    unmatchedConfigs.delete(instance);
  }
}

function onlyOne<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
