// Reads a deployment's own files and proposes answers for the plan, with evidence, conflicts,
// findings and a message for every file that could not be read. Pure and total: any list of
// files (or anything else) gives a result, never an exception.
import type { ComponentId, FieldMessage } from '../types';
import { readApiDefinitions, readPluginSummary } from './api-definitions';
import { expandCollector } from './collector-doc';
import { readCompose } from './compose';
import { readDockerInspect, readKubectl, readListing } from './containers';
import { findingsFor } from './findings';
import { readHelmList, readHelmValues } from './helm';
import { isJsonRecord, type JsonValue } from './json-reader';
import { Observations } from './observations';
import { configSources, envComponents, envSources, type Pool } from './pool';
import { configComponent, recognise, type Parsed } from './recognise';
import { resolve } from './resolve';
import { readDatabaseVersion, readHello, readPackages, readRedisInfo } from './runtime';
import { credentialsIn, isSecretKey, maxFiles, textProblem } from './text';
import type { DetectedDeployment, DetectResult, FileProblem, InputFile } from './types';

type Queued = {
  readonly name: string;
  readonly text: string;
  readonly hint: 'database-version' | 'plugin-summary' | null;
  readonly database: 'mongodb' | 'postgres' | null;
  readonly isFromCollector: boolean;
};

type ParsedFile = { readonly file: string; readonly parsed: Parsed };

function fileName(value: unknown, index: number): string {
  if (typeof value === 'string' && value.trim() !== '')
    // eslint-disable-next-line no-control-regex
    return value.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 200);
  return `file ${index + 1}`;
}

/** Reads the files and proposes answers. `files[i].name` is only used in messages and to match `env_file`s. */
export function detectDeployment(files: readonly InputFile[]): DetectResult {
  const list: readonly unknown[] = Array.isArray(files) ? files : [];
  if (list.length === 0)
    return {
      ok: false,
      errors: [
        {
          field: 'files',
          message:
            'Give at least one file: a compose file, a config, command output or the collector’s JSON.',
        },
      ],
      problems: [],
    };
  const observations = new Observations();
  const queue: Queued[] = [];
  list.slice(0, maxFiles).forEach((item, index) => {
    const record =
      typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const name = fileName(record['name'], index);
    const text = record['text'];
    if (typeof text !== 'string') {
      observations.error(name, 'empty', `${name} has no text to read.`);
      return;
    }
    queue.push({ name, text, hint: null, database: null, isFromCollector: false });
  });
  if (list.length > maxFiles)
    observations.error(
      `files ${maxFiles + 1}-${list.length}`,
      'too-many-files',
      `Only the first ${maxFiles} files were read; give the ${list.length - maxFiles} others in a second round.`,
    );

  const parsedFiles: ParsedFile[] = [];
  for (let index = 0; index < queue.length; index++) {
    const item = queue[index] as Queued;
    if (item.hint !== null) {
      const bad = textProblem(item.text);
      if (bad !== null) {
        observations.error(item.name, bad.kind, `${item.name} ${bad.message}`);
        continue;
      }
      if (item.hint === 'plugin-summary') readPluginSummary(item.name, item.text, observations);
      else readDatabaseVersion(item.name, item.text, item.database ?? 'mongodb', observations);
      continue;
    }
    const recognition = recognise({ name: item.name, text: item.text });
    if (!recognition.ok) {
      // The collector gathers every .env and .conf beside a compose file; one it does not know
      // is worth a note, not a failed read.
      observations.problems.push(
        item.isFromCollector ? { ...recognition.problem, severity: 'notice' } : recognition.problem,
      );
      continue;
    }
    observations.problems.push(...recognition.notices);
    const { parsed } = recognition;
    noteSecrets(item.name, parsed, observations);
    if (parsed.kind === 'collector') {
      if (item.isFromCollector) {
        observations.error(
          item.name,
          'unknown-kind',
          `${item.name} is a collector document inside another one; it was skipped.`,
        );
        continue;
      }
      for (const section of expandCollector(item.name, parsed.doc, observations))
        queue.push({
          name: section.name,
          text: section.text,
          hint: section.hint,
          database: section.database,
          isFromCollector: true,
        });
      continue;
    }
    parsedFiles.push({ file: item.name, parsed });
  }

  const pool: Pool = { envFiles: [], configFiles: [] };
  for (const { file, parsed } of parsedFiles) {
    if (parsed.kind === 'env') pool.envFiles.push({ file, env: parsed.env, boundTo: [] });
    if (
      parsed.kind === 'gateway-config' ||
      parsed.kind === 'dashboard-config' ||
      parsed.kind === 'pump-config' ||
      parsed.kind === 'mdcb-config'
    )
      pool.configFiles.push({ file, kind: parsed.kind, doc: parsed.doc, boundTo: [] });
  }

  // Compose files and containers first: they claim the env and config files that belong to them.
  for (const { file, parsed } of parsedFiles)
    if (parsed.kind === 'compose') readCompose(file, parsed.doc, pool, observations);
  for (const { file, parsed } of parsedFiles) {
    switch (parsed.kind) {
      case 'docker-inspect':
        readDockerInspect(file, parsed.rows, pool, observations);
        break;
      case 'docker-ps':
      case 'compose-ps':
      case 'compose-images':
        readListing(file, parsed.kind, parsed.rows, observations);
        break;
      case 'kubectl':
        readKubectl(file, parsed.docs, observations);
        break;
      case 'helm-list':
        readHelmList(file, parsed.rows, observations);
        break;
      case 'helm-values':
        readHelmValues(file, parsed.doc, observations);
        break;
      case 'hello':
        readHello(file, parsed.doc, observations);
        break;
      case 'api-definitions':
        readApiDefinitions(file, parsed.docs, observations);
        break;
      case 'redis-info':
        readRedisInfo(file, parsed.text, observations);
        break;
      case 'packages':
        readPackages(file, parsed.text, observations);
        break;
      default:
        break;
    }
  }
  readLooseFiles(pool, parsedFiles, observations);

  const { answers, evidence, conflicts, facts } = resolve(observations);
  const readFiles = new Set(observations.readings.map((reading) => reading.file));
  const errors: FieldMessage[] = observations.problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => ({ field: problem.file, message: problem.message }));
  if (readFiles.size === 0) {
    return scrub(
      {
        ok: false,
        errors:
          errors.length > 0
            ? errors
            : [{ field: 'files', message: 'Nothing in the files given could be read.' }],
        problems: observations.problems,
      },
      observations,
    );
  }
  const detected: DetectedDeployment = {
    ok: true,
    answers,
    evidence,
    conflicts,
    findings: [],
    problems: observations.problems,
    readings: observations.readings,
    facts,
  };
  return scrub({ ...detected, findings: findingsFor(detected) }, observations);
}

/** Env and config files no compose file or container claimed: one component each, env over file. */
function readLooseFiles(
  pool: Pool,
  parsedFiles: readonly ParsedFile[],
  observations: Observations,
): void {
  const loose = new Map<ComponentId, ReturnType<Observations['addInstance']>>();
  const instanceFor = (
    component: ComponentId,
    file: string,
  ): ReturnType<Observations['addInstance']> => {
    const known = loose.get(component);
    if (known !== undefined) return known;
    const created = observations.addInstance(
      { component, label: file, file, origin: 'standalone' },
      'recognised by its keys',
    );
    loose.set(component, created);
    return created;
  };
  for (const entry of pool.configFiles) {
    const component = configComponent[entry.kind];
    if (entry.boundTo.length === 0)
      instanceFor(component, entry.file).sources.push(...configSources(entry, observations));
    observations.readings.push({
      file: entry.file,
      kind: entry.kind,
      summary: `${entry.kind.replace('-config', '')} config${entry.boundTo.length > 0 ? ` of ${entry.boundTo.join(', ')}` : ''}`,
    });
  }
  for (const entry of pool.envFiles) {
    const components = envComponents(entry.env);
    if (entry.boundTo.length === 0)
      for (const component of components)
        instanceFor(component, entry.file).sources.push(
          ...envSources(entry, component, observations),
        );
    const isVariablesOnly = components.length === 0;
    const hasCompose = parsedFiles.some((file) => file.parsed.kind === 'compose');
    if (isVariablesOnly && !hasCompose) {
      observations.notice(
        entry.file,
        'unused',
        `${entry.file} sets no TYK_GW_, TYK_DB_, TYK_PMP_ or TYK_MDCB_ variable; give the docker-compose file it belongs to so its variables can be used.`,
      );
    }
    observations.readings.push({
      file: entry.file,
      kind: 'env',
      summary:
        entry.boundTo.length > 0
          ? `env_file of ${entry.boundTo.join(', ')}`
          : isVariablesOnly
            ? 'variables for the compose file'
            : `environment of the ${components.join(', ')}`,
    });
  }
}

/** One notice per file that holds secrets, naming the keys, never the values. */
function noteSecrets(file: string, parsed: Parsed, observations: Observations): void {
  const names = new Set<string>();
  let hasCredentials = false;
  const visitString = (key: string, value: string): void => {
    if (value.trim() === '' || /^\*+$/.test(value.trim())) return;
    if (isSecretKey(key) && !/^\$\{?[A-Za-z_]/.test(value)) names.add(key);
    if (credentialsIn(value).length > 0) hasCredentials = true;
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(value);
    const assigned = (assignment?.[2] ?? '').trim();
    if (
      assignment !== null &&
      isSecretKey(assignment[1] ?? '') &&
      !/^(\$\{?[A-Za-z_]|\*+$)/.test(assigned)
    )
      names.add(assignment[1] ?? '');
  };
  const walk = (value: JsonValue, key: string, depth: number): void => {
    if (depth > 30 || names.size > 20) return;
    if (typeof value === 'string') visitString(key, value);
    else if (Array.isArray(value)) for (const item of value) walk(item, key, depth + 1);
    else if (isJsonRecord(value))
      for (const [child, item] of Object.entries(value))
        walk(item, key === '' ? child : `${key}.${child}`, depth + 1);
  };
  switch (parsed.kind) {
    case 'env':
      for (const entry of parsed.env.entries) visitString(entry.name, entry.value);
      break;
    case 'redis-info':
    case 'packages':
    case 'collector':
      break;
    case 'kubectl':
    case 'api-definitions':
      for (const doc of parsed.docs) walk(doc.value, '', 0);
      break;
    case 'docker-inspect':
    case 'docker-ps':
    case 'compose-ps':
    case 'compose-images':
    case 'helm-list':
      for (const row of parsed.rows) walk(row.value, '', 0);
      break;
    default:
      walk(parsed.doc.value, '', 0);
  }
  if (names.size === 0 && !hasCredentials) return;
  const shown = [...names].slice(0, 6).map((name) => name.split('.').slice(-2).join('.'));
  const what = [
    ...(shown.length > 0 ? [`secrets (${shown.join(', ')}${names.size > 6 ? ', …' : ''})`] : []),
    ...(hasCredentials ? ['a connection string with credentials'] : []),
  ].join(' and ');
  observations.notice(
    file,
    'secrets',
    `${file} holds ${what}. They were read only to keep them out of what is shown here, where they appear as ****; keep the file private.`,
  );
}

/** Every text handed back with the secrets seen replaced by ****. */
function scrub<T>(value: T, observations: Observations): T {
  const visit = (node: unknown, depth: number): unknown => {
    if (depth > 40) return node;
    if (typeof node === 'string') return observations.scrubber.scrub(node);
    if (Array.isArray(node)) return node.map((item) => visit(item, depth + 1));
    if (typeof node === 'object' && node !== null) {
      const result: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) result[key] = visit(item, depth + 1);
      return result;
    }
    return node;
  };
  return visit(value, 0) as T;
}

export type { FileProblem };
