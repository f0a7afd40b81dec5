// What running components answer: a Gateway or Dashboard `/hello`, Redis `INFO server`, the
// installed packages (`rpm -qa`, `dpkg-query -W`, `dpkg -l`) and the database's own version.
import type { ComponentId } from '../types';
import { parseVersion } from '../versions';
import { looseVersion } from './images';
import { isJsonRecord, type JsonDocument, type JsonRecord } from './json-reader';
import { rank, type Observations } from './observations';

export function readHello(file: string, doc: JsonDocument, observations: Observations): void {
  const value = doc.value as JsonRecord;
  const description = typeof value['description'] === 'string' ? value['description'] : '';
  const message = typeof value['message'] === 'string' ? value['message'] : '';
  // The Gateway's answer names itself "Tyk GW" and lists its connections; where the answer does
  // not say, the name it was given under ("dashboard /hello" from the collector) decides.
  const saysGateway = description === 'Tyk GW' || isJsonRecord(value['details']);
  const saysDashboard = /dashboard/i.test(`${description} ${message}`);
  const component: ComponentId =
    saysDashboard || (!saysGateway && /dashboard/i.test(file)) ? 'dashboard' : 'gateway';
  const versionLine = doc.lines.get('version');
  const where = versionLine === undefined ? 'key version' : `line ${versionLine} (version)`;
  const parsed = parseVersion(value['version']);
  observations.addComponent(component, file, where);
  const details = isJsonRecord(value['details']) ? value['details'] : {};
  const isDataPlane = component === 'gateway' && isJsonRecord(details['rpc']);
  if (parsed.ok) {
    observations.add({
      field: `${component}.from`,
      value: parsed.version,
      file,
      where,
      // A data plane may lag its control plane; the control plane's own answer decides.
      rank: isDataPlane ? rank.reported - 5 : rank.reported,
      note: `the running ${component === 'gateway' ? 'Gateway' : 'Dashboard'}${isDataPlane ? ', a data plane,' : ''} reports it on /hello`,
    });
  }
  if (component === 'gateway' && isJsonRecord(details['rpc'])) {
    observations.claimModel({
      models: ['self-managed-mdcb', 'cloud-hybrid'],
      file,
      where: 'key details.rpc',
      reason: 'the Gateway reports an RPC connection: it is a data plane',
    });
  } else if (component === 'gateway' && isJsonRecord(details['dashboard'])) {
    observations.claimModel({
      models: ['self-managed', 'self-managed-mdcb'],
      file,
      where: 'key details.dashboard',
      reason: 'the Gateway reports a Dashboard connection',
    });
  }
  const status = typeof value['status'] === 'string' ? value['status'] : '';
  if (status === 'warn' || status === 'fail') {
    const failing = Object.entries(details)
      .filter(([, detail]) => isJsonRecord(detail) && detail['status'] !== 'pass')
      .map(([name]) => name.replace(/[^\w-]/g, ''));
    observations.notice(
      file,
      'unused',
      `${file}: the ${component} answers status "${status}"${failing.length > 0 ? ` (${failing.join(', ')} not passing)` : ''}. Fix that before the upgrade, or a failing check afterwards cannot be told apart from an upgrade problem.`,
    );
  }
  observations.readings.push({
    file,
    kind: 'hello',
    summary: `/hello of the ${component}${parsed.ok ? `: ${parsed.version}` : ''}`,
  });
}

export function readRedisInfo(file: string, text: string, observations: Observations): void {
  const info = new Map<string, { value: string; line: number }>();
  text.split(/\r?\n/).forEach((line, index) => {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#'))
      info.set(line.slice(0, colon).trim(), {
        value: line.slice(colon + 1).trim(),
        line: index + 1,
      });
  });
  const found = (key: string): { value: string; where: string } | null => {
    const entry = info.get(key);
    return entry === undefined
      ? null
      : { value: entry.value, where: `line ${entry.line} (${key})` };
  };
  const version = found('redis_version');
  const valkey = found('valkey_version');
  const mode = found('redis_mode') ?? found('server_mode');
  const clusterEnabled = found('cluster_enabled');
  const note = 'Redis INFO server';
  if (version !== null) {
    const loose = looseVersion(version.value);
    if (loose !== null)
      observations.add({
        field: 'redis.version',
        value: loose.shown,
        file,
        where: version.where,
        rank: rank.reported,
        note,
      });
  }
  if (valkey !== null) {
    const loose = looseVersion(valkey.value);
    if (loose !== null)
      observations.add({
        field: 'redis.valkeyVersion',
        value: loose.shown,
        file,
        where: valkey.where,
        rank: rank.reported,
        note,
      });
  }
  if (mode !== null) {
    observations.add({
      field: 'redis.isCluster',
      value: String(mode.value === 'cluster'),
      file,
      where: mode.where,
      rank: rank.reported,
      note,
    });
    observations.add({
      field: 'redis.isSentinel',
      value: String(mode.value === 'sentinel'),
      file,
      where: mode.where,
      rank: rank.reported,
      note,
    });
  } else if (clusterEnabled !== null) {
    observations.add({
      field: 'redis.isCluster',
      value: String(clusterEnabled.value === '1'),
      file,
      where: clusterEnabled.where,
      rank: rank.reported,
      note,
    });
  }
  observations.readings.push({
    file,
    kind: 'redis-info',
    summary: `Redis INFO${version === null ? '' : `: ${version.value}`}${mode === null ? '' : `, ${mode.value}`}`,
  });
}

const packageComponents: Readonly<Record<string, ComponentId>> = {
  'tyk-gateway': 'gateway',
  'tyk-gateway-fips': 'gateway',
  'tyk-dashboard': 'dashboard',
  'tyk-pump': 'pump',
  'tyk-sink': 'mdcb',
  'tyk-mdcb': 'mdcb',
};

/** `rpm -qa 'tyk*'`, `dpkg-query -W 'tyk*'` or `dpkg -l | grep tyk`. */
export function readPackages(file: string, text: string, observations: Observations): void {
  const summary: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const rpm = /^(tyk-[a-z]+(?:-fips)?)-(\d+\.\d+\.\d+(?:~[\w.]+)?)-\d+\.(\w+)$/.exec(line);
    const deb =
      /^(?:[a-z]{2}\s+)?(tyk-[a-z]+(?:-fips)?)(?::\w+)?\s+(\d+\.\d+\.\d+(?:~[\w.]+)?)(?:\S*)?(?:\s+(\w+))?/.exec(
        line,
      );
    const match = rpm ?? deb;
    if (match === null) return;
    const [, name = '', rawVersion = '', arch] = match;
    const component = packageComponents[name];
    if (component === undefined) return;
    const where = `line ${index + 1} (${name})`;
    const version = parseVersion(rawVersion.replace('~', '-'));
    observations.addComponent(component, file, where);
    observations.add({
      field: 'install',
      value: rpm === null ? 'deb' : 'rpm',
      file,
      where,
      rank: rank.running,
    });
    if (version.ok)
      observations.add({
        field: `${component}.from`,
        value: version.version,
        file,
        where,
        rank: rank.running,
        note: `the installed ${name} package`,
      });
    if (component === 'gateway')
      observations.add({
        field: 'fips',
        value: String(name.endsWith('-fips')),
        file,
        where,
        rank: rank.running,
      });
    const architecture =
      arch === undefined
        ? null
        : /aarch64|arm64/.test(arch)
          ? 'arm64'
          : /x86_64|amd64/.test(arch)
            ? 'amd64'
            : null;
    if (architecture !== null)
      observations.add({
        field: 'architecture',
        value: architecture,
        file,
        where,
        rank: rank.running,
      });
    summary.push(`${name} ${rawVersion}`);
  });
  observations.readings.push({
    file,
    kind: 'packages',
    summary: `installed packages: ${summary.join(', ') || 'no Tyk package'}`,
  });
}

/** The database's answer to its version query, as the collector records it. */
export function readDatabaseVersion(
  file: string,
  text: string,
  database: 'mongodb' | 'postgres',
  observations: Observations,
): void {
  const firstLine = text.split(/\r?\n/).find((line) => /\d+\.\d+/.test(line)) ?? '';
  const version = looseVersion(firstLine.replace(/^[^\d]*/, ''));
  if (version === null) {
    observations.notice(
      file,
      'unused',
      `${file} holds no ${database === 'mongodb' ? 'MongoDB' : 'PostgreSQL'} version.`,
    );
    return;
  }
  observations.add({
    field: 'databaseVersion',
    value: `${database} ${version.shown}`,
    file,
    where: 'line 1',
    rank: rank.reported,
    note: 'the database server reports it',
  });
  observations.add({
    field: 'database',
    value: database,
    file,
    where: 'line 1',
    rank: rank.related,
  });
  observations.readings.push({
    file,
    kind: 'database-version',
    summary: `${database === 'mongodb' ? 'MongoDB' : 'PostgreSQL'} ${version.shown}`,
  });
}
