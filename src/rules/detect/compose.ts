// A docker-compose file with the `.env` and `env_file`s given with it: every service that runs a
// Tyk component becomes a component with its settings (env_file, then `environment:`, over the
// mounted config file), and the tag, env_file and config file the plan edits are proposed.
import type { ComponentId } from '../types';
import { parseVersion } from '../versions';
import { interpolate, type VariableUse } from './env-file';
import { configFileNames } from './fields';
import { observeImage } from './image-facts';
import { parseImage } from './images';
import { isJsonRecord, type JsonDocument, type JsonRecord, type JsonValue } from './json-reader';
import { rank, whereOf, type InstanceDraft, type Observations } from './observations';
import {
  bestMatch,
  configSources,
  envComponents,
  envSources,
  pathMatch,
  type ConfigFileEntry,
  type EnvFileEntry,
  type Pool,
} from './pool';
import { configComponent } from './recognise';
import { componentOfEnv, envPrefixes, rememberSecrets } from './settings';
import type { SourcedValue } from './types';

type Variable = { readonly value: string; readonly file: string; readonly line: number };

/** Variables for substitution: the env files given that no service names as its env_file. */
function variablesFrom(
  composeFile: string,
  sources: readonly EnvFileEntry[],
  observations: Observations,
): ReadonlyMap<string, Variable> {
  const variables = new Map<string, Variable>();
  for (const source of sources) {
    for (const { name, value, line } of source.env.entries) {
      rememberSecrets(name, value, observations.scrubber);
      const earlier = variables.get(name);
      if (earlier !== undefined && earlier.value !== value && !isSecretName(name)) {
        observations.conflicts.push({
          field: `variables.${name}`,
          values: [
            { value: earlier.value, file: earlier.file, where: `line ${earlier.line} (${name})` },
            { value, file: source.file, where: `line ${line} (${name})` },
          ],
          chosen: value,
          message: `${name} is set in two files given with ${composeFile}; the later one, ${source.file}, was used. Compose reads only the .env in the project folder: check which one it is.`,
        });
      }
      variables.set(name, { value, file: source.file, line });
    }
  }
  return variables;
}

function isSecretName(name: string): boolean {
  return /secret|licen|pass|key|token/i.test(name);
}

/** Which component a service runs: its image, else the prefixes of its environment, else its name. */
function serviceComponent(
  name: string,
  image: string | null,
  envNames: readonly string[],
): ComponentId | null {
  if (image !== null) {
    const ref = parseImage(image);
    if (ref !== null) {
      const byImage = componentFromRepository(ref.repository);
      if (byImage !== null) return byImage;
      if (/redis|valkey|mongo|postgres/.test(ref.repository)) return null;
    }
  }
  for (const envName of envNames) {
    const component = componentOfEnv(envName);
    if (component !== null) return component;
  }
  if (/gateway/.test(name)) return 'gateway';
  if (/dashboard/.test(name)) return 'dashboard';
  if (/pump/.test(name)) return 'pump';
  if (/mdcb|sink/.test(name)) return 'mdcb';
  return null;
}

function componentFromRepository(repository: string): ComponentId | null {
  const last = repository.split('/').pop() ?? '';
  if (/^tyk-gateway(-ee|-fips)?$|^tyk-hybrid-docker$/.test(last)) return 'gateway';
  if (last === 'tyk-dashboard') return 'dashboard';
  if (/^tyk-pump(-docker-pub)?$/.test(last)) return 'pump';
  if (/^tyk-(mdcb(-docker)?|sink)$/.test(last)) return 'mdcb';
  return null;
}

/** The variable written in an image's tag: `tykio/tyk-gateway:${GATEWAY_VERSION:-v5.6.1}`. */
export function tagVariable(rawImage: string): string | null {
  const match = /:[\w.-]*(?:\$\{([A-Za-z_]\w*)(?:[:?+-][^}]*)?\}|\$([A-Za-z_]\w*))[\w.-]*$/.exec(
    rawImage,
  );
  return match === null ? null : (match[1] ?? match[2] ?? null);
}

function asStringList(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (isJsonRecord(item) && typeof item['path'] === 'string') return [item['path']];
    return [];
  });
}

type Port = { readonly host: number; readonly container: number };

function parsePort(value: JsonValue): Port | null {
  if (isJsonRecord(value)) {
    const host = Number(value['published']);
    const container = Number(value['target']);
    return Number.isInteger(host) && Number.isInteger(container) && host > 0
      ? { host, container }
      : null;
  }
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).replace(/\/(tcp|udp)$/, '');
  const parts = text.split(':');
  if (parts.length < 2) return null;
  const host = Number(parts[parts.length - 2]);
  const container = Number(parts[parts.length - 1]);
  return Number.isInteger(host) && Number.isInteger(container) && host > 0 && container > 0
    ? { host, container }
    : null;
}

type Mount = { readonly source: string; readonly target: string };

function parseVolume(value: JsonValue): Mount | null {
  if (isJsonRecord(value)) {
    const source = value['source'];
    const target = value['target'];
    return typeof source === 'string' && typeof target === 'string' ? { source, target } : null;
  }
  if (typeof value !== 'string') return null;
  const parts = value.split(':');
  if (parts.length < 2) return null;
  const [source = '', target = ''] = parts;
  return source !== '' && target.startsWith('/') ? { source, target } : null;
}

export function readCompose(
  file: string,
  doc: JsonDocument,
  pool: Pool,
  observations: Observations,
): void {
  const root = doc.value as JsonRecord;
  const services = root['services'] as JsonRecord;
  const line = (path: string): number | undefined => doc.lines.get(path);

  // Env files this compose file names, matched to the files given by their path.
  const named = new Set<EnvFileEntry>();
  for (const service of Object.values(services)) {
    if (!isJsonRecord(service)) continue;
    for (const path of asStringList(service['env_file'])) {
      const match = bestMatch(pool.envFiles, path);
      if (match !== undefined) named.add(match);
    }
  }
  const variableFiles = pool.envFiles.filter((entry) => !named.has(entry));
  const variables = variablesFrom(file, variableFiles, observations);
  const lookup = (name: string): string | undefined => variables.get(name)?.value;
  const usedVariables = new Set<string>();

  const text = (value: JsonValue | undefined, key: string): string | null => {
    if (typeof value !== 'string') return typeof value === 'number' ? String(value) : null;
    const result = interpolate(value, lookup);
    if (!result.ok) {
      observations.notice(
        file,
        result.isTruncated ? 'truncated' : 'invalid-yaml',
        `${file} ${whereOf(line(key), key)} ${result.message}${result.isTruncated ? ' The file looks cut short.' : ''}`,
        line(key),
      );
      return null;
    }
    for (const use of result.uses) usedVariables.add(use.name);
    return result.value;
  };

  observations.add({
    field: 'install',
    value: 'docker-compose',
    file,
    where: whereOf(line('services'), 'services'),
    rank: rank.declared,
  });

  const summary: string[] = [];
  const unmatchedEnvFiles = new Map<InstanceDraft, string[]>();
  const unmatchedConfigs = new Map<InstanceDraft, string[]>();

  for (const [serviceName, service] of Object.entries(services)) {
    if (!isJsonRecord(service)) continue;
    const base = `services.${serviceName}`;
    const rawImage = typeof service['image'] === 'string' ? service['image'] : null;
    const image = rawImage === null ? null : text(rawImage, `${base}.image`);
    const environment = environmentOf(service['environment'], `${base}.environment`, text, line);
    const component = serviceComponent(
      serviceName,
      image,
      environment.map((entry) => entry.name),
    );
    const imageRef = image === null ? null : parseImage(image);
    const imageWhere = whereOf(line(`${base}.image`), `${base}.image`);

    if (component === null) {
      // Redis and the database run beside Tyk: their tags are worth knowing.
      if (imageRef !== null)
        observeImage(observations, imageRef, { file, where: imageWhere, rank: rank.declared });
      continue;
    }

    summary.push(`${serviceName} (${component})`);
    const instance = observations.addInstance(
      { component, label: serviceName, file, origin: 'compose' },
      whereOf(line(base), base),
    );
    instance.workload = {
      value: serviceName,
      where: whereOf(line(base), base),
      rank: rank.declared,
      note: 'the compose service name',
    };

    if (imageRef !== null && rawImage !== null) {
      const variable = tagVariable(rawImage);
      const use = variable === null ? undefined : lastUse(rawImage, variable, lookup);
      const context = tagContext(file, imageWhere, variable, use, variables, serviceName);
      observeImage(observations, imageRef, context);
      if (variable !== null) {
        observations.add({
          field: `compose.tagVariables.${component}`,
          value: variable,
          file,
          where: imageWhere,
          rank: rank.declared,
        });
        if (use !== undefined)
          tagConflict(observations, file, imageWhere, component, variable, use, variables);
      }
    }

    // env_file entries, in order: each later file wins over an earlier one.
    const envFilePaths = asStringList(service['env_file']);
    const missing: string[] = [];
    envFilePaths.forEach((path, index) => {
      const entry = bestMatch([...named], path);
      if (entry === undefined) {
        missing.push(path);
        return;
      }
      entry.boundTo.push(serviceName);
      instance.sources.push(...envSources(entry, component, observations));
      if (index === 0 || envComponents(entry.env).includes(component)) {
        observations.add({
          field: `compose.envFiles.${component}`,
          value: path,
          file,
          where: whereOf(line(`${base}.env_file`), `${base}.env_file`),
          rank: envComponents(entry.env).includes(component) ? rank.declared : rank.hint,
        });
      }
    });
    if (envFilePaths.length > 0 && missing.length === envFilePaths.length) {
      const first = envFilePaths[0] ?? '';
      observations.add({
        field: `compose.envFiles.${component}`,
        value: first,
        file,
        where: whereOf(line(`${base}.env_file`), `${base}.env_file`),
        rank: rank.declared,
      });
    }
    if (missing.length > 0) unmatchedEnvFiles.set(instance, missing);

    // `environment:` wins over every env_file.
    for (const entry of environment) {
      rememberSecrets(entry.name, entry.value, observations.scrubber);
      if (componentOfEnv(entry.name) !== component) continue;
      instance.sources.push({
        canonical: entry.name.slice(envPrefixes[component].length),
        value: entry.value,
        file,
        where: entry.where,
        origin: 'env',
      });
    }

    // A mounted config file.
    const volumes = Array.isArray(service['volumes']) ? service['volumes'] : [];
    volumes.forEach((volume, index) => {
      const raw = typeof volume === 'string' ? text(volume, `${base}.volumes[${index}]`) : null;
      const mount = parseVolume(raw ?? volume);
      if (mount === null) return;
      const targetName = mount.target.split('/').pop() ?? '';
      const isConfig =
        targetName === configFileNames[component] ||
        (/^\/opt\/tyk-[a-z-]+\/[^/]+\.conf$/.test(mount.target) && targetName.endsWith('.conf'));
      if (!isConfig) return;
      const where = whereOf(line(`${base}.volumes[${index}]`), `${base}.volumes`);
      observations.add({
        field: `compose.configFiles.${component}`,
        value: mount.source,
        file,
        where,
        rank: rank.declared,
      });
      instance.configPath = {
        value: mount.source,
        where,
        rank: rank.declared,
        note: `mounted at ${mount.target}`,
      };
      const config = bestMatch(
        pool.configFiles.filter((entry) => configComponent[entry.kind] === component),
        mount.source,
      );
      if (config === undefined) {
        unmatchedConfigs.set(instance, [...(unmatchedConfigs.get(instance) ?? []), mount.source]);
        return;
      }
      config.boundTo.push(serviceName);
      // The file's keys go first: every environment variable wins over them.
      instance.sources.unshift(...configSources(config, observations));
    });

    const ports = Array.isArray(service['ports']) ? service['ports'] : [];
    ports.forEach((port, index) => {
      const raw = typeof port === 'string' ? text(port, `${base}.ports[${index}]`) : null;
      const parsed = parsePort(raw ?? port);
      if (parsed !== null)
        instance.ports.push({
          ...parsed,
          where: whereOf(line(`${base}.ports[${index}]`), `${base}.ports`),
        });
    });

    const platform = text(service['platform'], `${base}.platform`);
    if (platform !== null) {
      const architecture = /arm64|aarch64/.test(platform)
        ? 'arm64'
        : /amd64|x86_64/.test(platform)
          ? 'amd64'
          : null;
      if (architecture !== null)
        observations.add({
          field: 'architecture',
          value: architecture,
          file,
          where: whereOf(line(`${base}.platform`), `${base}.platform`),
          rank: rank.declared,
        });
    }
  }

  bindByContent(unmatchedEnvFiles, unmatchedConfigs, named, pool, observations);

  const unusedVariableFiles = variableFiles.filter(
    (entry) => !entry.env.entries.some((variable) => usedVariables.has(variable.name)),
  );
  for (const entry of unusedVariableFiles) {
    if (envComponents(entry.env).length > 0) continue;
    observations.notice(
      entry.file,
      'unused',
      `${entry.file} sets no variable that ${file} uses and configures no Tyk component; nothing in it was used.`,
    );
  }
  for (const [instance, paths] of unmatchedEnvFiles) {
    observations.notice(
      file,
      'unused',
      `${file} names ${paths.join(', ')} as env_file of ${instance.label}, and ${paths.length === 1 ? 'that file was' : 'those files were'} not given: add ${paths.length === 1 ? 'it' : 'them'} to read the ${instance.component}'s settings.`,
    );
  }
  for (const [instance, paths] of unmatchedConfigs) {
    observations.notice(
      file,
      'unused',
      `${file} mounts ${paths.join(', ')} into ${instance.label}, and it was not given: add it to read the ${instance.component}'s settings.`,
    );
  }
  observations.readings.push({
    file,
    kind: 'compose',
    summary:
      summary.length > 0
        ? `Docker Compose file: ${summary.join(', ')}`
        : 'Docker Compose file without Tyk services',
  });
}

type EnvironmentEntry = { readonly name: string; readonly value: string; readonly where: string };

function environmentOf(
  value: JsonValue | undefined,
  key: string,
  text: (value: JsonValue | undefined, key: string) => string | null,
  line: (path: string) => number | undefined,
): EnvironmentEntry[] {
  const entries: EnvironmentEntry[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (typeof item !== 'string') return;
      const equals = item.indexOf('=');
      if (equals <= 0) return;
      const name = item.slice(0, equals);
      const resolved = text(item.slice(equals + 1), `${key}[${index}]`);
      if (resolved !== null)
        entries.push({
          name,
          value: resolved,
          where: whereOf(line(`${key}[${index}]`), name, 'name'),
        });
    });
  } else if (isJsonRecord(value)) {
    for (const [name, item] of Object.entries(value)) {
      if (item === null) continue;
      const resolved =
        typeof item === 'string'
          ? text(item, `${key}.${name}`)
          : String(item as string | number | boolean);
      if (resolved !== null)
        entries.push({
          name,
          value: resolved,
          where: whereOf(line(`${key}.${name}`), name, 'name'),
        });
    }
  }
  return entries;
}

/** How substitution treated the tag variable. */
function lastUse(
  rawImage: string,
  variable: string,
  lookup: (name: string) => string | undefined,
): VariableUse | undefined {
  const result = interpolate(rawImage, lookup);
  if (!result.ok) return undefined;
  return [...result.uses].reverse().find((use) => use.name === variable);
}

function tagContext(
  file: string,
  where: string,
  variable: string | null,
  use: VariableUse | undefined,
  variables: ReadonlyMap<string, Variable>,
  service: string,
): Parameters<typeof observeImage>[2] {
  const base = { file, where, rank: rank.declared };
  if (variable === null || use === undefined) return base;
  const given = variables.get(variable);
  if (use.source === 'variables' && given !== undefined) {
    return {
      ...base,
      versionSource: { file: given.file, where: `line ${given.line} (${variable})` },
      versionNote: `${variable} sets the tag of ${service} in ${file}`,
    };
  }
  if (use.source === 'default') {
    return {
      ...base,
      versionNote: `the default of \${${variable}}; ${variable} in the .env or the shell wins over it${variables.size > 0 ? ', and the files given do not set it' : ', and no .env was given'}`,
    };
  }
  return {
    ...base,
    versionNote: `${variable} is not set in the files given and has no default`,
  };
}

function tagConflict(
  observations: Observations,
  file: string,
  where: string,
  component: ComponentId,
  variable: string,
  use: VariableUse,
  variables: ReadonlyMap<string, Variable>,
): void {
  const given = variables.get(variable);
  if (use.source !== 'variables' || given === undefined || use.defaultValue === null) return;
  if (use.defaultValue === given.value) return;
  const values: SourcedValue[] = [
    { value: given.value, file: given.file, where: `line ${given.line} (${variable})` },
    { value: use.defaultValue, file, where: `${where} (the default)` },
  ];
  const bare = parseVersion(given.value);
  observations.conflicts.push({
    field: `${component}.from`,
    values,
    chosen: bare.ok ? bare.version : given.value,
    message: `${variable} is ${given.value} in ${given.file} and defaults to ${use.defaultValue} in ${file}; Compose uses the .env value, ${given.value}. Make sure the .env given is the one next to the compose file.`,
  });
}

/**
 * Pasted text has no useful names. When a service's env_file or mounted config was not matched by
 * name and exactly one unclaimed file configures that component, it is that file.
 */
function bindByContent(
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
