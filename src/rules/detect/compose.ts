// A docker-compose file with the `.env` and `env_file`s given with it: every service that runs a
// Tyk component becomes a component with its settings (env_file, then `environment:`, over the
// mounted config file), and the tag, env_file and config file the plan edits are proposed.
import { bindByContent } from './compose-binding';
import { serviceComponent } from './compose-components';
import { asStringList, environmentOf, parsePort, parseVolume } from './compose-entries';
import { lastUse, tagConflict, tagContext, tagVariable, variablesFrom } from './compose-variables';
import { interpolate } from './env-file';
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
  type EnvFileEntry,
  type Pool,
} from './pool';
import { configComponent } from './recognise';
import { componentOfEnv, envPrefixes, rememberSecrets } from './settings';

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
