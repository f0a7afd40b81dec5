// Reads the host, port and database name out of the addresses and connection strings that Tyk's
// configs hold (`host:port`, `redis://...`, `mongodb://...`, `host=... dbname=...`).

/** `host:port`, `redis://user:pass@host:port/0` -> host and port. */
export function hostAndPort(
  address: string,
): { readonly host: string; readonly port: number | null } | null {
  const withoutScheme = address.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const withoutCredentials = withoutScheme.slice(withoutScheme.lastIndexOf('@') + 1);
  const hostPart = withoutCredentials.split(/[/?,]/)[0] ?? '';
  if (hostPart === '' || hostPart.startsWith('[')) return null;
  const colon = hostPart.lastIndexOf(':');
  if (colon < 0) return { host: hostPart, port: null };
  const port = Number(hostPart.slice(colon + 1));
  return { host: hostPart.slice(0, colon), port: Number.isInteger(port) && port > 0 ? port : null };
}

/** A Dashboard, Pump or MDCB connection string: the database host and name it points at. */
export function databaseTarget(connection: string): {
  readonly host: string | null;
  readonly name: string | null;
} {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(connection.trim())) {
    const target = hostAndPort(connection);
    const path = /^[a-z][a-z0-9+.-]*:\/\/[^/]*\/([^?]*)/i.exec(connection.trim())?.[1] ?? '';
    return { host: target?.host ?? null, name: path === '' ? null : decodeSafely(path) };
  }
  const host = /(?:^|\s)host=([^\s]+)/.exec(connection)?.[1] ?? null;
  const name = /(?:^|\s)(?:dbname|database)=([^\s]+)/.exec(connection)?.[1] ?? null;
  return { host, name };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
