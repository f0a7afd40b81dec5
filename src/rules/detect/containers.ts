// What runs now: `docker inspect`, `docker ps --format '{{json .}}'`, `docker compose ps` and
// `docker compose images --format json`, and `kubectl get deploy -o json` (or pods, or manifests).
import { configFileNames, workloadNameField } from './fields';
import { observeImage } from './image-facts';
import { parseImage } from './images';
import { isJsonRecord, type JsonDocument, type JsonRecord, type JsonValue } from './json-reader';
import { rank, whereOf, type Observations } from './observations';
import { bestMatch, configSources, envListSources, type Pool } from './pool';
import { configComponent, type Row } from './recognise';

function stringOf(value: JsonValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function recordOf(value: JsonValue | undefined): JsonRecord {
  return isJsonRecord(value) ? value : {};
}

function architectureOf(text: string | null): 'amd64' | 'arm64' | null {
  if (text === null) return null;
  if (/arm64|aarch64/.test(text)) return 'arm64';
  if (/amd64|x86_64/.test(text)) return 'amd64';
  return null;
}

/** `docker inspect` of containers or images. */
export function readDockerInspect(
  file: string,
  rows: readonly Row[],
  pool: Pool,
  observations: Observations,
): void {
  const summary: string[] = [];
  for (const { value, line } of rows) {
    const config = recordOf(value['Config']);
    const repoTags = Array.isArray(value['RepoTags']) ? value['RepoTags'] : [];
    const imageText = stringOf(config['Image']) ?? stringOf(repoTags[0]);
    const containerName = stringOf(value['Name'])?.replace(/^\//, '') ?? null;
    const isImage = containerName === null && repoTags.length > 0;
    const label = containerName ?? imageText ?? 'image';
    const where =
      whereOf(line, undefined) + (containerName === null ? '' : ` (container ${containerName})`);
    const image =
      imageText === null || imageText.startsWith('sha256:') ? null : parseImage(imageText);
    // An image on disk may be one pulled for the upgrade: it says less than a running container.
    const running = isImage ? rank.hint : rank.running;
    const component =
      image === null ? null : observeImage(observations, image, { file, where, rank: running });
    const architecture = architectureOf(
      stringOf(value['Architecture']) ?? stringOf(value['Platform']),
    );
    if (architecture !== null && (component !== null || isImage))
      observations.add({
        field: 'architecture',
        value: architecture,
        file,
        where,
        rank: rank.declared,
      });
    if (component === null) continue;
    summary.push(`${label} (${component})`);
    if (isImage) {
      observations.addComponent(component, file, where);
      continue;
    }

    const labels = recordOf(config['Labels']);
    const service = stringOf(labels['com.docker.compose.service']);
    const workingDir = stringOf(labels['com.docker.compose.project.working_dir']);
    observations.add({
      field: 'install',
      value: service === null ? 'docker' : 'docker-compose',
      file,
      where,
      rank: running,
      ...(service === null ? {} : { note: 'the container carries Docker Compose labels' }),
    });
    if (workingDir !== null)
      observations.add({
        field: 'names.composeDir',
        value: workingDir,
        file,
        where,
        rank: running,
        note: 'the compose project folder the container was started from',
      });

    const instance = observations.addInstance(
      { component, label, file, origin: 'container' },
      where,
    );
    instance.workload = {
      value: service ?? label,
      where,
      rank: running,
      note: service === null ? 'the container name' : 'the compose service name',
    };
    const env = Array.isArray(config['Env']) ? config['Env'] : [];
    const pairs = env.flatMap((item) => {
      if (typeof item !== 'string') return [];
      const equals = item.indexOf('=');
      if (equals <= 0) return [];
      const name = item.slice(0, equals);
      return [{ name, value: item.slice(equals + 1), where: `${where}, Env ${name}` }];
    });
    instance.sources.push(...envListSources(pairs, component, file, observations));

    const mounts = Array.isArray(value['Mounts']) ? value['Mounts'] : [];
    for (const mount of mounts) {
      const record = recordOf(mount);
      const source = stringOf(record['Source']);
      const destination = stringOf(record['Destination']);
      if (source === null || destination === null) continue;
      if ((destination.split('/').pop() ?? '') !== configFileNames[component]) continue;
      instance.configPath = {
        value: source,
        where: `${where}, Mounts`,
        rank: running,
        note: `mounted at ${destination}`,
      };
      const entry = bestMatch(
        pool.configFiles.filter((candidate) => configComponent[candidate.kind] === component),
        source,
      );
      if (entry !== undefined) {
        entry.boundTo.push(label);
        instance.sources.unshift(...configSources(entry, observations));
      }
    }

    const bindings = recordOf(recordOf(value['HostConfig'])['PortBindings']);
    for (const [containerPort, hosts] of Object.entries(bindings)) {
      const container = Number(containerPort.replace(/\/(tcp|udp)$/, ''));
      const first = Array.isArray(hosts) ? recordOf(hosts[0]) : {};
      const host = Number(stringOf(first['HostPort']) ?? NaN);
      if (Number.isInteger(container) && Number.isInteger(host) && host > 0)
        instance.ports.push({ host, container, where: `${where}, HostConfig.PortBindings` });
    }
  }
  observations.readings.push({
    file,
    kind: 'docker-inspect',
    summary: `docker inspect: ${summary.length > 0 ? summary.join(', ') : 'no Tyk container'}`,
  });
}

function labelsFromText(text: string | null): Record<string, string> {
  const labels: Record<string, string> = {};
  if (text === null) return labels;
  for (const pair of text.split(',')) {
    const equals = pair.indexOf('=');
    if (equals > 0) labels[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return labels;
}

/** `docker ps --format '{{json .}}'`, `docker compose ps --format json`, `docker compose images --format json`. */
export function readListing(
  file: string,
  kind: 'docker-ps' | 'compose-ps' | 'compose-images',
  rows: readonly Row[],
  observations: Observations,
): void {
  const summary: string[] = [];
  for (const { value, line } of rows) {
    const imageText =
      kind === 'compose-images'
        ? [stringOf(value['Repository']), stringOf(value['Tag'])].filter(Boolean).join(':')
        : stringOf(value['Image']);
    const name =
      kind === 'compose-images'
        ? stringOf(value['ContainerName'])
        : (stringOf(value['Names']) ?? stringOf(value['Name']));
    const where = `${whereOf(line)}${name === null ? '' : ` (${name})`}`;
    const image = imageText === null || imageText === '' ? null : parseImage(imageText);
    if (image === null) continue;
    const component = observeImage(observations, image, { file, where, rank: rank.running });
    const architecture = architectureOf(stringOf(value['Platform']));
    if (component !== null && architecture !== null)
      observations.add({
        field: 'architecture',
        value: architecture,
        file,
        where,
        rank: rank.running,
      });
    if (component === null) continue;
    observations.addComponent(component, file, where);
    const labels = labelsFromText(stringOf(value['Labels']));
    const service = stringOf(value['Service']) ?? labels['com.docker.compose.service'] ?? null;
    const isCompose = kind !== 'docker-ps' || service !== null;
    observations.add({
      field: 'install',
      value: isCompose ? 'docker-compose' : 'docker',
      file,
      where,
      rank: rank.running,
    });
    const workload = isCompose ? service : name;
    if (workload !== null)
      observations.add({
        field: `names.${workloadNameField[component]}`,
        value: workload,
        file,
        where,
        rank: rank.running,
        note: isCompose ? 'the compose service name' : 'the container name',
      });
    summary.push(`${workload ?? name ?? image.repository} (${component})`);
  }
  const titles = {
    'docker-ps': 'docker ps',
    'compose-ps': 'docker compose ps',
    'compose-images': 'docker compose images',
  } as const;
  observations.readings.push({
    file,
    kind,
    summary: `${titles[kind]}: ${summary.length > 0 ? summary.join(', ') : 'no Tyk container'}`,
  });
}

const workloadKinds = /* @__PURE__ */ new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
]);

/** `kubectl get deploy -o json` (a List), a single object, pods, or YAML manifests. */
export function readKubectl(
  file: string,
  docs: readonly JsonDocument[],
  observations: Observations,
): void {
  const summary: string[] = [];
  docs.forEach((doc, docIndex) => {
    const root = doc.value;
    if (!isJsonRecord(root)) return;
    const prefix = docs.length > 1 ? `document ${docIndex + 1}, ` : '';
    const items: { item: JsonRecord; path: string }[] =
      root['kind'] === 'List' && Array.isArray(root['items'])
        ? root['items'].flatMap((item, index) =>
            isJsonRecord(item) ? [{ item, path: `items[${index}]` }] : [],
          )
        : [{ item: root, path: '' }];
    for (const { item, path } of items) {
      const kind = stringOf(item['kind']) ?? '';
      const metadata = recordOf(item['metadata']);
      const name = stringOf(metadata['name']) ?? '';
      const namespace = stringOf(metadata['namespace']);
      const labels = recordOf(metadata['labels']);
      const annotations = recordOf(metadata['annotations']);
      const podSpec = workloadKinds.has(kind)
        ? recordOf(recordOf(recordOf(item['spec'])['template'])['spec'])
        : kind === 'Pod'
          ? recordOf(item['spec'])
          : {};
      const specPath = workloadKinds.has(kind)
        ? `${path === '' ? '' : `${path}.`}spec.template.spec`
        : `${path === '' ? '' : `${path}.`}spec`;
      const containers = Array.isArray(podSpec['containers']) ? podSpec['containers'] : [];
      const release =
        stringOf(annotations['meta.helm.sh/release-name']) ??
        (labels['app.kubernetes.io/managed-by'] === 'Helm'
          ? stringOf(labels['app.kubernetes.io/instance'])
          : null);
      const architecture = architectureOf(
        stringOf(recordOf(podSpec['nodeSelector'])['kubernetes.io/arch']),
      );
      containers.forEach((container, index) => {
        const record = recordOf(container);
        const containerPath = `${specPath}.containers[${index}]`;
        const line = doc.lines.get(`${containerPath}.image`) ?? doc.lines.get(containerPath);
        const where = `${prefix}${whereOf(line)} (${kind} ${name}, container ${stringOf(record['name']) ?? index})`;
        const imageText = stringOf(record['image']);
        const image = imageText === null ? null : parseImage(imageText);
        if (image === null) return;
        const component = observeImage(observations, image, { file, where, rank: rank.running });
        if (component === null) return;
        summary.push(`${name} (${component})`);
        observations.add({
          field: 'install',
          value: release === null ? 'kubernetes' : 'helm',
          file,
          where,
          rank: rank.running,
          ...(release === null ? {} : { note: 'the workload is managed by Helm' }),
        });
        if (architecture !== null)
          observations.add({
            field: 'architecture',
            value: architecture,
            file,
            where,
            rank: rank.running,
          });
        const instance = observations.addInstance(
          { component, label: name, file, origin: 'kubernetes' },
          where,
        );
        if (kind !== 'Pod')
          instance.workload = { value: name, where, rank: rank.running, note: `the ${kind} name` };
        if (namespace !== null)
          instance.namespace = { value: namespace, where, rank: rank.running };
        if (release !== null) instance.release = { value: release, where, rank: rank.running };
        const env = Array.isArray(record['env']) ? record['env'] : [];
        const fromSecrets: string[] = [];
        const pairs = env.flatMap((entry, envIndex) => {
          const pair = recordOf(entry);
          const envName = stringOf(pair['name']);
          if (envName === null) return [];
          const envValue = pair['value'];
          if (typeof envValue !== 'string') {
            if (pair['valueFrom'] !== undefined) fromSecrets.push(envName);
            return [];
          }
          const envLine = doc.lines.get(`${containerPath}.env[${envIndex}]`);
          return [
            {
              name: envName,
              value: envValue,
              where: `${prefix}${whereOf(envLine)} (${envName})`.trim(),
            },
          ];
        });
        instance.sources.push(...envListSources(pairs, component, file, observations));
        const interesting = fromSecrets.filter((envName) =>
          /HASHKEYS|USERPC|STORAGE|POLICYSOURCE|MONGODRIVER|STORAGE_MAIN/.test(envName),
        );
        if (interesting.length > 0)
          observations.notice(
            file,
            'unused',
            `${file}: ${name} takes ${interesting.join(', ')} from a Secret or ConfigMap, which this output does not show; those settings were not read.`,
          );
      });
    }
  });
  observations.readings.push({
    file,
    kind: 'kubectl',
    summary: `kubectl: ${summary.length > 0 ? summary.join(', ') : 'no Tyk workload'}`,
  });
}
