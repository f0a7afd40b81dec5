// The entries of one compose service, read as Compose reads them in either of their forms: the
// env_file list, `ports:`, `volumes:` and `environment:`.
import { isJsonRecord, type JsonValue } from './json-reader';
import { whereOf } from './observations';

export function asStringList(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (isJsonRecord(item) && typeof item['path'] === 'string') return [item['path']];
    return [];
  });
}

type Port = { readonly host: number; readonly container: number };

export function parsePort(value: JsonValue): Port | null {
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

export function parseVolume(value: JsonValue): Mount | null {
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

export type EnvironmentEntry = {
  readonly name: string;
  readonly value: string;
  readonly where: string;
};

export function environmentOf(
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
