// Findings from the deployment's own configuration: which rows apply to which files and target,
// stated as literal ids, and the catalogue checked like the advisories are.
import { describe, expect, it } from 'vitest';
import { thirdPartyRows } from '../catalog/advisories';
import { isValidRange } from '../versions';
import { detectDeployment } from './detect';
import { findingRows, findingsFor, testedVersions } from './findings';
import { dashboardApis, oasWithBundle, pythonApp, syncDumpApi } from './fixtures/apis';
import { proStack } from './fixtures/compose';
import {
  dashboardConf,
  dataPlaneConf,
  gatewayConf,
  gatewayEnvOverride,
  pumpConf,
} from './fixtures/configs';
import { helmList, kubectlDeployments, redisClusterInfo } from './fixtures/runtime';
import type { AnsweredContext, DetectedDeployment, InputFile } from './types';

function detected(files: readonly InputFile[]): DetectedDeployment {
  const result = detectDeployment(files);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

const collector = (
  sections: readonly { name: string; kind?: string; database?: string; text: string }[],
): InputFile => ({
  name: 'tyk-facts.json',
  text: JSON.stringify({ tykUpgradeCollector: 1, install: 'docker', sections }),
});

const gatewayVersion = (version: string): InputFile => ({
  name: 'hello.json',
  text: `{"status":"pass","version":"v${version}","description":"Tyk GW","details":{}}`,
});

const database = (kind: 'mongodb' | 'postgres', version: string) => ({
  name: `${kind} version`,
  kind: 'database-version',
  database: kind,
  text: version,
});

describe('findingsFor', () => {
  it.each<[string, readonly InputFile[], string | undefined, AnsweredContext, readonly string[]]>([
    ['a consistent stack with no target', proStack, undefined, {}, []],
    ['a consistent stack with a target', proStack, '5.8.0', {}, []],
    [
      'hash_keys differing between Gateway (env override) and Dashboard',
      [
        { name: 'tyk.conf', text: gatewayConf },
        { name: 'tyk.env', text: gatewayEnvOverride },
        { name: 'tyk_analytics.conf', text: dashboardConf },
      ],
      '5.8.0',
      {},
      ['hash-keys-mismatch', 'mgo-driver'],
    ],
    [
      'hash_keys differing between two kubectl workloads',
      [{ name: 'deploy.json', text: kubectlDeployments }],
      undefined,
      {},
      ['hash-keys-mismatch'],
    ],
    [
      'hash_key_function differing between two Gateways',
      [
        {
          name: 'docker-compose.yml',
          text: 'services:\n  gw-a:\n    image: tykio/tyk-gateway:v5.3.2\n    environment:\n      TYK_GW_HASHKEYFUNCTION: murmur64\n  gw-b:\n    image: tykio/tyk-gateway:v5.3.2\n    environment:\n      TYK_GW_HASHKEYFUNCTION: murmur128\n',
        },
      ],
      undefined,
      {},
      ['hash-keys-mismatch'],
    ],
    ['mgo with a target before 5.3.0', [{ name: 'pump.conf', text: pumpConf }], '5.2.5', {}, []],
    [
      'mgo with a target from 5.3.0',
      [{ name: 'pump.conf', text: pumpConf }],
      '5.3.0',
      {},
      ['mgo-driver'],
    ],
    [
      'mgo with MongoDB 6',
      [{ name: 'pump.conf', text: pumpConf }, collector([database('mongodb', '6.0.14')])],
      '5.2.5',
      {},
      ['mgo-driver-newer-mongodb'],
    ],
    [
      'MongoDB 4.4 with a 5.3 target',
      [collector([database('mongodb', '4.4.29')])],
      '5.3.0',
      {},
      ['mongodb-untested'],
    ],
    [
      'MongoDB 5.0 with a 5.13 target, which dropped it',
      [collector([database('mongodb', '5.0.26')])],
      '5.13.0',
      {},
      ['mongodb-untested'],
    ],
    [
      'MongoDB 7.0 with a 5.8 target',
      [collector([database('mongodb', '7.0.12')])],
      '5.8.0',
      {},
      [],
    ],
    [
      'PostgreSQL 12 with a 5.8 target',
      [collector([database('postgres', '12.19')])],
      '5.8.0',
      {},
      ['postgres-untested'],
    ],
    [
      'Redis 6.0 with a 5.3 target',
      [
        collector([
          { name: 'redis INFO server', text: 'redis_version:6.0.20\nredis_mode:standalone' },
        ]),
      ],
      '5.3.0',
      {},
      ['redis-untested'],
    ],
    [
      'Redis 8.2 with a 5.8 target, tested up to 7.x',
      [
        collector([
          { name: 'redis INFO server', text: 'redis_version:8.2.1\nredis_mode:standalone' },
        ]),
      ],
      '5.8.0',
      {},
      ['redis-untested'],
    ],
    [
      'Redis 8.2 with a 5.9 target',
      [
        collector([
          { name: 'redis INFO server', text: 'redis_version:8.2.1\nredis_mode:standalone' },
        ]),
      ],
      '5.9.0',
      {},
      [],
    ],
    [
      'Valkey 8.0 with a 5.12 target, before Valkey was tested',
      [
        collector([
          {
            name: 'redis INFO server',
            text: 'redis_version:7.2.4\nvalkey_version:8.0.1\nredis_mode:standalone',
          },
        ]),
      ],
      '5.12.0',
      {},
      ['redis-untested'],
    ],
    [
      'Valkey 8.0 with a 5.13 target',
      [
        collector([
          {
            name: 'redis INFO server',
            text: 'redis_version:7.2.4\nvalkey_version:8.0.1\nredis_mode:standalone',
          },
        ]),
      ],
      '5.13.0',
      {},
      [],
    ],
    [
      'Redis 7 in cluster mode with a Gateway on 5.2',
      [gatewayVersion('5.2.5'), { name: 'info.txt', text: redisClusterInfo }],
      '5.8.0',
      {},
      ['redis7-cluster-old-gateway'],
    ],
    [
      'Redis 7 in cluster mode with Gateways on 5.3',
      [gatewayVersion('5.3.2'), { name: 'info.txt', text: redisClusterInfo }],
      '5.8.0',
      {},
      [],
    ],
    [
      'Python plugins, current 5.2, target 5.3',
      [gatewayVersion('5.2.5'), { name: 'app.json', text: pythonApp }],
      '5.3.0',
      {},
      ['python-plugins-no-python'],
    ],
    [
      'Python plugins already on 5.3',
      [gatewayVersion('5.3.0'), { name: 'app.json', text: pythonApp }],
      '5.8.0',
      {},
      [],
    ],
    [
      'Python plugins with a target before 5.3',
      [gatewayVersion('5.0.14'), { name: 'app.json', text: pythonApp }],
      '5.2.5',
      {},
      [],
    ],
    [
      'SQLite storage with a 5.7 target',
      [
        {
          name: 'tyk_analytics.env',
          text: 'TYK_DB_STORAGE_MAIN_TYPE=sqlite\nTYK_DB_HASHKEYS=true',
        },
      ],
      '5.7.0',
      {},
      ['sqlite-removed'],
    ],
    [
      'SQLite storage with a 5.6 target',
      [{ name: 'tyk_analytics.env', text: 'TYK_DB_STORAGE_MAIN_TYPE=sqlite' }],
      '5.6.1',
      {},
      [],
    ],
    [
      'a data-plane Gateway while the answers say Self-Managed',
      [{ name: 'tyk.conf', text: dataPlaneConf }],
      undefined,
      { model: 'self-managed' },
      ['data-plane-on-self-managed'],
    ],
    [
      'a data-plane Gateway while the answers say MDCB',
      [{ name: 'tyk.conf', text: dataPlaneConf }],
      undefined,
      { model: 'self-managed-mdcb' },
      [],
    ],
    [
      'Go plugins while the answers say none',
      [{ name: 'apis.json', text: dashboardApis }],
      undefined,
      { usesGoPlugins: false },
      ['go-plugins-not-answered'],
    ],
    [
      'a Tyk OAS Go bundle while the answers say none',
      [{ name: 'oas.json', text: oasWithBundle }],
      undefined,
      { usesGoPlugins: false },
      ['go-plugins-not-answered'],
    ],
    [
      'Go plugins, answered',
      [{ name: 'apis.json', text: dashboardApis }],
      undefined,
      { usesGoPlugins: true },
      [],
    ],
    [
      'a bundle of unknown driver',
      [{ name: 'api.json', text: syncDumpApi }],
      undefined,
      {},
      ['plugin-bundle-driver-unknown'],
    ],
    [
      'charts before 2.0',
      [{ name: 'helm.json', text: helmList }],
      undefined,
      {},
      ['chart-2-strict-routes'],
    ],
    [
      'charts before 2.0 whose values keep the old matching',
      [
        { name: 'helm.json', text: helmList },
        {
          name: 'values.yaml',
          text: 'tyk-gateway:\n  gateway:\n    enablePathPrefixMatching: false\n    enablePathSuffixMatching: false\n    enableStrictRoutes: false\n',
        },
      ],
      undefined,
      {},
      [],
    ],
    [
      'a deprecated chart',
      [
        {
          name: 'helm.json',
          text: '[{"name":"tyk-pro","namespace":"tyk","chart":"tyk-pro-0.9.7","app_version":"4.3.3"}]',
        },
      ],
      undefined,
      {},
      ['chart-2-strict-routes', 'deprecated-helm-chart'],
    ],
  ])('%s', (_name, files, target, answered, expected) => {
    const result = detected(files);
    expect(findingsFor(result, target, answered).map((finding) => finding.id)).toEqual(expected);
  });

  it('says what it found, what to do and where the fact comes from', () => {
    const result = detected([{ name: 'deploy.json', text: kubectlDeployments }]);
    expect(findingsFor(result)).toEqual([
      {
        id: 'hash-keys-mismatch',
        severity: 'critical',
        title: 'Gateway and Dashboard hash keys differently',
        detail:
          'hash_keys true (Gateway gateway-tyk-prod-tyk-gateway) in deploy.json, line 26 (TYK_GW_HASHKEYS) and hash_keys false (Dashboard dashboard-tyk-prod-tyk-dashboard) in deploy.json, line 54 (TYK_DB_HASHKEYS). Mixing hashed and unhashed keys, or changing the hash function, makes every existing key stop working. Make hash_keys and hash_key_function the same everywhere before the upgrade, and change neither during it.',
        source: 'config-risks.md §2; Tyk docs "key hashing"; tyk issues #1603 and #5558',
        evidence: [
          {
            value: 'hash_keys true (Gateway gateway-tyk-prod-tyk-gateway)',
            file: 'deploy.json',
            where: 'line 26 (TYK_GW_HASHKEYS)',
          },
          {
            value: 'hash_keys false (Dashboard dashboard-tyk-prod-tyk-dashboard)',
            file: 'deploy.json',
            where: 'line 54 (TYK_DB_HASHKEYS)',
          },
        ],
      },
    ]);
  });

  it('names the tested versions in the words of the advisories', () => {
    const result = detected([collector([database('mongodb', '4.4.29')])]);
    expect(findingsFor(result, '5.3.0')[0]?.detail).toBe(
      'MongoDB 4.4.29 runs (tyk-facts.json › mongodb version, line 1); Gateway 5.3.0 is tested with MongoDB 5.0.x, 6.0.x or 7.0.x. Upgrade MongoDB to a tested version before the Tyk upgrade (back it up first), or choose a target that is tested with the MongoDB you run.',
    );
  });

  it('says which targets a finding concerns when no target is known yet', () => {
    const result = detected([{ name: 'pump.conf', text: pumpConf }]);
    expect(findingsFor(result)[0]?.detail.endsWith('(This applies to targets from 5.3.0.)')).toBe(
      true,
    );
  });

  it('are part of what detectDeployment hands back, without a target', () => {
    const result = detected([{ name: 'deploy.json', text: kubectlDeployments }]);
    expect(result.findings.map((finding) => finding.id)).toEqual(['hash-keys-mismatch']);
  });

  it('ignores a target that is not a version', () => {
    const result = detected([{ name: 'pump.conf', text: pumpConf }]);
    expect(findingsFor(result, 'not a version').map((finding) => finding.id)).toEqual([
      'mgo-driver',
    ]);
  });
});

describe('the finding catalogue', () => {
  it('has unique kebab-case ids', () => {
    const ids = findingRows.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has a valid target range, a source, a condition and an action on every row', () => {
    for (const row of findingRows) {
      expect(row.targets === '*' || isValidRange(row.targets), row.id).toBe(true);
      for (const text of [row.title, row.reads, row.condition, row.action, row.source])
        expect(text.length, row.id).toBeGreaterThan(10);
      expect(row.action, row.id).not.toMatch(/<[a-z]/i);
    }
  });

  it('checks versions over the same Gateway ranges as the advisories’ third-party rows', () => {
    const ours = testedVersions.map((row) => `${row.store} ${row.gateway}`);
    const theirs = thirdPartyRows.map((row) => `${row.store} ${row.gateway}`);
    expect(ours).toEqual(theirs);
    for (const row of testedVersions) expect(isValidRange(row.tested), row.tested).toBe(true);
  });
});
