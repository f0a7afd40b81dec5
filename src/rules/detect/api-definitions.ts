// Plugin use in API definitions (config-risks.md §2): classic definitions load Go plugins with
// `custom_middleware.driver: goplugin` or a `custom_middleware_bundle`; Tyk OAS ones through
// `x-tyk-api-gateway.middleware.global.pluginConfig` and the plugin lists beside it. Python is
// the `python` driver. Reads a Tyk Sync dump, the Dashboard's /api/apis, OSS apps/ files.
import { isJsonRecord, type JsonDocument, type JsonRecord, type JsonValue } from './json-reader';
import type { Observations } from './observations';
import { shortText } from './text';

type Definition = {
  readonly value: JsonRecord;
  readonly path: string;
  readonly isOas: boolean;
};

function definitionsOf(value: JsonValue, path: string, found: Definition[], depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => definitionsOf(item, `${path}[${index}]`, found, depth + 1));
    return;
  }
  if (!isJsonRecord(value)) return;
  const join = (key: string): string => (path === '' ? key : `${path}.${key}`);
  if (Array.isArray(value['apis'])) {
    definitionsOf(value['apis'], join('apis'), found, depth + 1);
    return;
  }
  if (isJsonRecord(value['oas'])) {
    found.push({ value: value['oas'], path: join('oas'), isOas: true });
  } else if (isJsonRecord(value['api_definition'])) {
    found.push({ value: value['api_definition'], path: join('api_definition'), isOas: false });
  } else if (isJsonRecord(value['x-tyk-api-gateway'])) {
    found.push({ value, path, isOas: true });
  } else if (typeof value['api_id'] === 'string') {
    found.push({ value, path, isOas: false });
  }
}

function text(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function record(value: JsonValue | undefined): JsonRecord {
  return isJsonRecord(value) ? value : {};
}

type PluginSignals = {
  readonly driver: string;
  readonly hasPlugins: boolean;
  readonly bundle: string;
  readonly files: readonly string[];
};

const classicHooks = ['pre', 'post', 'post_key_auth', 'response'] as const;

function classicSignals(definition: JsonRecord): PluginSignals {
  const middleware = record(definition['custom_middleware']);
  const files: string[] = [];
  let hasPlugins = false;
  for (const hook of classicHooks) {
    const items = middleware[hook];
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      const path = text(record(item)['path']);
      if (path !== '' || text(record(item)['name']) !== '') hasPlugins = true;
      if (path.endsWith('.so')) files.push(path);
    }
  }
  const authCheck = record(middleware['auth_check']);
  if (text(authCheck['path']) !== '' || text(authCheck['name']) !== '') {
    hasPlugins = true;
    if (text(authCheck['path']).endsWith('.so')) files.push(text(authCheck['path']));
  }
  const isBundleDisabled = definition['custom_middleware_bundle_disabled'] === true;
  return {
    driver: text(middleware['driver']),
    hasPlugins,
    bundle: isBundleDisabled ? '' : text(definition['custom_middleware_bundle']),
    files,
  };
}

function oasSignals(definition: JsonRecord): PluginSignals {
  const extension = record(definition['x-tyk-api-gateway']);
  const middleware = record(extension['middleware']);
  const global = record(middleware['global']);
  const pluginConfig = record(global['pluginConfig']);
  const bundle = record(pluginConfig['bundle']);
  const files: string[] = [];
  let hasPlugins = false;
  const scan = (node: JsonValue | undefined, depth: number): void => {
    if (depth > 6 || !isJsonRecord(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (/Plugins?$/.test(key) && key !== 'pluginConfig') {
        const items = Array.isArray(value) ? value : [value];
        for (const item of items) {
          const entry = record(item);
          if (entry['enabled'] === false) continue;
          const path = text(entry['path']);
          if (path !== '' || text(entry['functionName']) !== '') hasPlugins = true;
          if (path.endsWith('.so')) files.push(path);
        }
      } else if (isJsonRecord(value)) {
        scan(value, depth + 1);
      }
    }
  };
  scan(middleware, 0);
  const custom = record(record(record(extension['server'])['authentication'])['custom']);
  if (custom['enabled'] === true) hasPlugins = true;
  return {
    driver: text(pluginConfig['driver']),
    hasPlugins,
    bundle: bundle['enabled'] === true ? text(bundle['path']) : '',
    files,
  };
}

function nameOf(definition: Definition): string {
  const value = definition.value;
  if (definition.isOas) {
    const info = record(record(value['x-tyk-api-gateway'])['info']);
    return (
      text(info['name']) || text(record(value['info'])['title']) || text(info['id']) || 'an API'
    );
  }
  return text(value['name']) || text(value['api_id']) || 'an API';
}

export function readApiDefinitions(
  file: string,
  docs: readonly JsonDocument[],
  observations: Observations,
): void {
  const plugins = observations.plugins;
  let count = 0;
  docs.forEach((doc, docIndex) => {
    const root = doc.value;
    if (isJsonRecord(root) && root['type'] === 'apidef' && Array.isArray(root['files'])) {
      observations.notice(
        file,
        'unused',
        `${file} is the index of a Tyk Sync dump; give the api-*.json files it lists to check them for plugins.`,
      );
      return;
    }
    if (isJsonRecord(root) && typeof root['pages'] === 'number' && root['pages'] > 1) {
      plugins.isPartial = true;
      observations.notice(
        file,
        'unused',
        `${file} is one page of ${root['pages']} from the Dashboard; ask for every page (?p=-1) to check all APIs for plugins.`,
      );
    }
    const found: Definition[] = [];
    definitionsOf(root, '', found);
    for (const definition of found) {
      count++;
      const signals = definition.isOas
        ? oasSignals(definition.value)
        : classicSignals(definition.value);
      const name = shortText(nameOf(definition), 80);
      const line = doc.lines.get(definition.path);
      const where =
        `${docs.length > 1 ? `document ${docIndex + 1}, ` : ''}${line === undefined ? '' : `line ${line} `}(API ${name})`.trim();
      const entry = { api: name, file, where };
      const usesPlugin = signals.hasPlugins || signals.bundle !== '';
      if (signals.driver === 'goplugin' && usesPlugin) plugins.goPlugins.push(entry);
      else if (signals.driver === 'python' && usesPlugin) plugins.python.push(entry);
      else if (signals.bundle !== '' && signals.driver === '') plugins.bundles.push(entry);
      for (const path of signals.files) plugins.pluginFiles.add(path);
    }
  });
  plugins.definitions += count;
  plugins.wasRead = plugins.wasRead || count > 0;
  observations.readings.push({
    file,
    kind: 'api-definitions',
    summary: `${count} API definition${count === 1 ? '' : 's'}`,
  });
}

/** The collector's count of plugin drivers over the API definitions it could reach. */
export function readPluginSummary(file: string, text: string, observations: Observations): void {
  const plugins = observations.plugins;
  let definitions = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const [key = '', first = '', second = ''] = raw.trim().split(/\s+/);
    const where = `line ${index + 1}`;
    if (key === 'definitions') definitions = Number(first) || 0;
    if (key === 'driver') {
      const count = Number(second) || 0;
      const entry = {
        api: `${count} API definition${count === 1 ? '' : 's'} (counted by the collector)`,
        file,
        where,
      };
      if (count > 0 && first === 'goplugin') plugins.goPlugins.push(entry);
      if (count > 0 && first === 'python') plugins.python.push(entry);
    }
    if (key === 'bundles' && Number(first) > 0)
      plugins.bundles.push({
        api: `${first} API definition(s) with a bundle (counted by the collector)`,
        file,
        where,
      });
    if (key === 'file' && first.endsWith('.so')) plugins.pluginFiles.add(first);
  });
  plugins.definitions += definitions;
  plugins.wasRead = plugins.wasRead || definitions > 0;
  observations.readings.push({
    file,
    kind: 'plugin-summary',
    summary: `plugin use counted over ${definitions} API definitions`,
  });
}
