// Detection, one format at a time: the answers each file proposes, the evidence behind them, and
// the conflicts where files disagree. Expectations are literal: what the fixture says.
import { describe, expect, it } from 'vitest';
import { detectDeployment } from './detect';
import {
  dashboardApis,
  dashboardApisPage,
  oasWithBundle,
  pythonApp,
  syncDumpApi,
} from './fixtures/apis';
import {
  ossCompose,
  ossGatewayConf,
  ossStack,
  proCompose,
  proDashboardEnv,
  proDotEnv,
  proGatewayEnv,
  proPumpEnv,
  proStack,
} from './fixtures/compose';
import {
  dashboardConf,
  dataPlaneConf,
  gatewayConf,
  gatewayEnvOverride,
  hybridConf,
  mdcbConf,
  pumpConf,
} from './fixtures/configs';
import {
  composeImages,
  dataPlaneHello,
  dataPlaneValues,
  dockerImageInspect,
  dockerInspect,
  dockerPs,
  dpkgPackages,
  gatewayHello,
  helmList,
  helmUserValues,
  kubectlDeployments,
  redisClusterInfo,
  redisInfo,
  rpmPackages,
  valkeyInfo,
} from './fixtures/runtime';
import type { DetectedDeployment, InputFile } from './types';

function detected(files: readonly InputFile[]): DetectedDeployment {
  const result = detectDeployment(files);
  if (!result.ok) throw new Error(`expected a detection, got ${JSON.stringify(result.errors)}`);
  return result;
}

function evidenceOf(result: DetectedDeployment, field: string) {
  return result.evidence.filter((item) => item.field === field);
}

describe('Docker Compose, laid out as Tyk’s own stacks', () => {
  const result = detected(proStack);

  it('proposes every answer the stack shows', () => {
    expect(result.answers).toEqual({
      model: 'self-managed',
      install: 'docker-compose',
      components: ['gateway', 'dashboard', 'pump'],
      database: 'postgres',
      gateway: { from: '5.8.0' },
      pump: { from: '1.11.0' },
      names: {
        gatewayName: 'tyk-gateway',
        dashboardName: 'tyk-dashboard',
        pumpName: 'tyk-pump',
        gatewayPort: 8080,
        dashboardPort: 3000,
        redisHost: 'tyk-redis',
        redisPort: 6379,
        databaseHost: 'tyk-postgres',
        databaseName: 'tyk_analytics',
      },
      images: {
        gateway: 'tykio/tyk-gateway',
        dashboard: 'tykio/tyk-dashboard',
        pump: 'tykio/tyk-pump-docker-pub',
      },
      compose: {
        tagVariables: { gateway: 'GATEWAY_VERSION', dashboard: 'DASHBOARD_VERSION' },
        envFiles: {
          gateway: './confs/tyk.env',
          dashboard: './confs/tyk_analytics.env',
          pump: './confs/pump.env',
        },
      },
      redis: { version: '7.2.4' },
      fips: false,
    });
  });

  it('takes the version from .env over the compose default, and says so', () => {
    expect(evidenceOf(result, 'gateway.from')).toEqual([
      {
        field: 'gateway.from',
        value: '5.8.0',
        file: '.env',
        where: 'line 3 (GATEWAY_VERSION)',
        note: 'image tag v5.8.0; GATEWAY_VERSION sets the tag of tyk-gateway in docker-compose.yml',
      },
    ]);
    expect(result.conflicts.find((conflict) => conflict.field === 'gateway.from')).toEqual({
      field: 'gateway.from',
      values: [
        { value: 'v5.8.0', file: '.env', where: 'line 3 (GATEWAY_VERSION)' },
        {
          value: 'v5.6.1',
          file: 'docker-compose.yml',
          where: 'line 21, key services.tyk-gateway.image (the default)',
        },
      ],
      chosen: '5.8.0',
      message:
        'GATEWAY_VERSION is v5.8.0 in .env and defaults to v5.6.1 in docker-compose.yml; Compose uses the .env value, v5.8.0. Make sure the .env given is the one next to the compose file.',
    });
  });

  it('reads settings from the env_files, environment: winning over them', () => {
    expect(evidenceOf(result, 'names.redisHost')).toEqual([
      {
        field: 'names.redisHost',
        value: 'tyk-redis',
        file: 'confs/tyk.env',
        where: 'line 14 (TYK_GW_STORAGE_ADDRS)',
        note: 'as the Gateway tyk-gateway is configured',
      },
    ]);
    expect(evidenceOf(result, 'database')).toEqual([
      {
        field: 'database',
        value: 'postgres',
        file: 'docker-compose.yml',
        where: 'line 8 (TYK_DB_STORAGE_MAIN_TYPE)',
      },
    ]);
  });

  it('keeps one line of evidence per proposed field, one per component', () => {
    const fields = result.evidence.map((item) => item.field);
    expect(fields.filter((field) => field !== 'components')).toEqual([
      ...new Set(fields.filter((field) => field !== 'components')),
    ]);
    expect(evidenceOf(result, 'components').map((item) => item.value)).toEqual([
      'gateway',
      'dashboard',
      'pump',
    ]);
  });

  it('uses the compose default when no .env is given, with a note instead of a conflict', () => {
    const withoutEnv = detected(proStack.filter((file) => file.name !== '.env'));
    expect(withoutEnv.answers.gateway).toEqual({ from: '5.6.1' });
    expect(evidenceOf(withoutEnv, 'gateway.from')[0]?.note).toBe(
      'image tag v5.6.1; the default of ${GATEWAY_VERSION}; GATEWAY_VERSION in the .env or the shell wins over it, and no .env was given',
    );
    expect(withoutEnv.conflicts.filter((conflict) => conflict.field === 'gateway.from')).toEqual(
      [],
    );
  });

  it('takes the default when .env sets the variable empty, as ":-" does', () => {
    const empty = detected([
      { name: 'docker-compose.yml', text: proCompose },
      {
        name: '.env',
        text: 'GATEWAY_VERSION=\nDASHBOARD_VERSION=v5.8.0\nDASH_LICENSE=x-licence-long',
      },
    ]);
    expect(empty.answers.gateway).toEqual({ from: '5.6.1' });
  });

  it('matches env_files by content when pasted text has no file names', () => {
    const pasted = detected([
      { name: 'Pasted text 1', text: proCompose },
      { name: 'Pasted text 2', text: proDotEnv },
      { name: 'Pasted text 3', text: proGatewayEnv },
      { name: 'Pasted text 4', text: proDashboardEnv },
      { name: 'Pasted text 5', text: proPumpEnv },
    ]);
    expect(pasted.answers.gateway).toEqual({ from: '5.8.0' });
    expect(pasted.answers.names?.redisHost).toBe('tyk-redis');
    expect(evidenceOf(pasted, 'names.redisHost')[0]?.file).toBe('Pasted text 3');
  });

  it('says which env_files it was not given', () => {
    const alone = detected([{ name: 'docker-compose.yml', text: proCompose }]);
    expect(alone.problems.map((problem) => problem.message)).toContain(
      'docker-compose.yml names ./confs/tyk.env as env_file of tyk-gateway, and that file was not given: add it to read the gateway’s settings.'.replace(
        '’',
        "'",
      ),
    );
  });

  it('reports a tag of latest as a conflict with nothing chosen', () => {
    const latest = detected([
      {
        name: 'compose.yaml',
        text: 'services:\n  gw:\n    image: tykio/tyk-gateway:latest\n    environment:\n      TYK_GW_POLICIES_POLICYSOURCE: file\n',
      },
    ]);
    expect(latest.answers.gateway).toBeUndefined();
    expect(latest.conflicts).toEqual([
      {
        field: 'gateway.from',
        values: [{ value: 'latest', file: 'compose.yaml', where: 'line 3, key services.gw.image' }],
        chosen: null,
        message:
          'The Gateway version cannot be read from the files: the tag latest does not say which version runs; /hello does. Enter it yourself.',
      },
    ]);
  });

  it('reports two Redis hosts, proposing the Gateway’s', () => {
    const twoRedis = detected([
      { name: 'docker-compose.yml', text: proCompose },
      { name: '.env', text: proDotEnv },
      { name: 'confs/tyk.env', text: proGatewayEnv },
      {
        name: 'confs/tyk_analytics.env',
        text: proDashboardEnv.replace('tyk-redis:6379', 'other-redis:6379'),
      },
    ]);
    expect(twoRedis.answers.names?.redisHost).toBe('tyk-redis');
    const conflict = twoRedis.conflicts.find((item) => item.field === 'names.redisHost');
    expect(conflict?.chosen).toBe('tyk-redis');
    expect(conflict?.message).toBe(
      'Sources disagree on Redis host: tyk-redis (confs/tyk.env, line 14 (TYK_GW_STORAGE_ADDRS)); other-redis (confs/tyk_analytics.env, line 7 (TYK_DB_REDISADDRS)). Proposed tyk-redis, what the files declare. The Gateways, the Dashboard and MDCB of one control plane share one Redis: check the one that differs.',
    );
  });

  it('reads the open-source stack: a mounted tyk.conf, file policies, Redis 6.2', () => {
    expect(detected(ossStack).answers).toEqual({
      model: 'oss',
      install: 'docker-compose',
      components: ['gateway'],
      gateway: { from: '5.5.0' },
      names: {
        gatewayName: 'tyk-gateway',
        gatewayPort: 8080,
        redisHost: 'tyk-redis',
        redisPort: 6379,
        gatewayConfig: './tyk.standalone.conf',
      },
      images: { gateway: 'docker.tyk.io/tyk-gateway/tyk-gateway' },
      compose: { configFiles: { gateway: './tyk.standalone.conf' } },
      redis: { version: '6.2.14' },
      fips: false,
    });
  });

  it('lets environment: win over the mounted config file', () => {
    const overridden = detected([
      {
        name: 'docker-compose.yml',
        text: ossCompose.replace('TYK_GW_SECRET=oss-Secret-9911', 'TYK_GW_STORAGE_HOST=redis-env'),
      },
      { name: 'tyk.standalone.conf', text: ossGatewayConf },
    ]);
    expect(evidenceOf(overridden, 'names.redisHost')).toEqual([
      {
        field: 'names.redisHost',
        value: 'redis-env',
        file: 'docker-compose.yml',
        where: 'line 12 (TYK_GW_STORAGE_HOST)',
        note: 'as the Gateway tyk-gateway is configured',
      },
    ]);
  });
});

describe('config files with environment overrides', () => {
  const controlPlane = detected([
    { name: 'tyk.conf', text: gatewayConf },
    { name: 'tyk.env', text: gatewayEnvOverride },
    { name: 'tyk_analytics.conf', text: dashboardConf },
    { name: 'pump.conf', text: pumpConf },
    { name: 'tyk_sink.conf', text: mdcbConf },
  ]);

  it('recognises each file by its content, not its name', () => {
    const renamed = detected([
      { name: 'a.json', text: gatewayConf },
      { name: 'b.json', text: dashboardConf },
      { name: 'c.json', text: pumpConf },
      { name: 'd.json', text: mdcbConf },
    ]);
    expect(renamed.readings.map((reading) => [reading.file, reading.kind])).toEqual([
      ['a.json', 'gateway-config'],
      ['b.json', 'dashboard-config'],
      ['c.json', 'pump-config'],
      ['d.json', 'mdcb-config'],
    ]);
  });

  it('proposes the MDCB model, the database and the names', () => {
    expect(controlPlane.answers).toEqual({
      model: 'self-managed-mdcb',
      components: ['gateway', 'dashboard', 'pump', 'mdcb'],
      database: 'mongodb',
      names: {
        gatewayPort: 8081,
        dashboardPort: 3000,
        pumpHealthPort: 8090,
        mdcbHttpPort: 8181,
        redisHost: 'redis-cp.internal',
        redisPort: 6380,
        databaseHost: 'mongo.internal',
        databaseName: 'tyk_analytics',
      },
      redis: { isCluster: false },
    });
  });

  it('lets TYK_GW_ variables win over tyk.conf', () => {
    expect(evidenceOf(controlPlane, 'names.gatewayPort')).toEqual([
      {
        field: 'names.gatewayPort',
        value: '8081',
        file: 'tyk.env',
        where: 'line 3 (TYK_GW_LISTENPORT)',
      },
    ]);
    const gateway = controlPlane.facts.instances.find(
      (instance) => instance.component === 'gateway',
    );
    expect(gateway?.settings['hash_keys']).toEqual({
      value: false,
      file: 'tyk.env',
      where: 'line 2 (TYK_GW_HASHKEYS)',
    });
    expect(gateway?.settings['hash_key_function']).toEqual({
      value: 'murmur128',
      file: 'tyk.conf',
      where: 'line 22 (hash_key_function)',
    });
  });

  it.each<[string, string, Record<string, unknown>]>([
    [
      'a data plane connected to MDCB',
      dataPlaneConf,
      {
        model: 'self-managed-mdcb',
        dataPlanes: [
          { name: 'eu-west', redisHost: 'redis-edge.eu-west.internal', redisPort: 6379 },
        ],
      },
    ],
    [
      'a Hybrid data plane connected to Tyk Cloud',
      hybridConf,
      {
        model: 'cloud-hybrid',
        components: ['gateway'],
        dataPlanes: [{ name: 'hybrid-eu', redisHost: 'localhost', redisPort: 6379 }],
      },
    ],
  ])('reads %s from slave_options', (_name, text, expected) => {
    expect(detected([{ name: 'tyk.conf', text }]).answers).toMatchObject(expected);
  });

  it('leaves the model open when a data plane does not say where it connects', () => {
    const unknown = detected([
      { name: 'tyk.conf', text: dataPlaneConf.replace('mdcb.internal:9091', '<MDCB-INGRESS>:443') },
    ]);
    expect(unknown.answers.model).toBeUndefined();
    expect(unknown.conflicts.map((conflict) => [conflict.field, conflict.chosen])).toEqual([
      ['model', null],
    ]);
  });

  it('refuses to pick a model when the files describe two environments', () => {
    const mixed = detected([
      { name: 'tyk.conf', text: ossGatewayConf },
      { name: 'tyk_analytics.conf', text: dashboardConf },
    ]);
    expect(mixed.answers.model).toBeUndefined();
    expect(mixed.conflicts.find((conflict) => conflict.field === 'model')?.message).toBe(
      'The files describe more than one deployment model: tyk.conf reads policies from files (policy_source file), as an open-source Gateway does (tyk.conf, line 16 (policies.policy_source)); a Dashboard is part of the deployment (tyk_analytics.conf, recognised by its keys). Were files of two environments given together? Choose the model.',
    );
  });
});

describe('what runs: docker, compose listings and kubectl', () => {
  it('reads docker inspect: image, container name, env, mounts and ports', () => {
    const result = detected([{ name: 'inspect.json', text: dockerInspect }]);
    expect(result.answers).toEqual({
      model: 'oss',
      install: 'docker',
      components: ['gateway'],
      gateway: { from: '5.3.2' },
      names: {
        gatewayName: 'tyk_gateway',
        gatewayPort: 8080,
        redisHost: 'redis.local',
        redisPort: 6379,
        gatewayConfig: '/srv/tyk/tyk.conf',
      },
      images: { gateway: 'tykio/tyk-gateway' },
      fips: false,
    });
  });

  it('counts an image on disk for less than the running container', () => {
    const result = detected([
      { name: 'inspect.json', text: dockerInspect },
      { name: 'image.json', text: dockerImageInspect },
    ]);
    expect(result.answers.gateway).toEqual({ from: '5.3.2' });
    expect(result.answers.fips).toBe(false);
    expect(result.answers.architecture).toBe('arm64');
    expect(result.conflicts.find((conflict) => conflict.field === 'gateway.from')?.chosen).toBe(
      '5.3.2',
    );
  });

  it('reads docker ps lines with compose labels as a compose install', () => {
    expect(detected([{ name: 'ps.txt', text: dockerPs }]).answers).toEqual({
      model: 'self-managed',
      install: 'docker-compose',
      components: ['gateway', 'dashboard'],
      gateway: { from: '5.3.2' },
      names: { gatewayName: 'gateway', dashboardName: 'dashboard' },
      images: { gateway: 'tykio/tyk-gateway', dashboard: 'tykio/tyk-dashboard' },
      redis: { version: '6.2' },
      fips: false,
    });
  });

  it('reads docker compose images --format json', () => {
    expect(detected([{ name: 'images.json', text: composeImages }]).answers).toEqual({
      model: 'self-managed',
      install: 'docker-compose',
      components: ['gateway', 'dashboard'],
      gateway: { from: '5.6.1' },
      images: { gateway: 'tykio/tyk-gateway', dashboard: 'tykio/tyk-dashboard' },
      architecture: 'amd64',
      fips: false,
    });
  });

  it('reads kubectl get deploy -o json, with Helm labels as a Helm install', () => {
    const result = detected([{ name: 'deploy.json', text: kubectlDeployments }]);
    expect(result.answers).toEqual({
      model: 'self-managed',
      install: 'helm',
      components: ['gateway', 'dashboard'],
      database: 'postgres',
      gateway: { from: '5.8.3' },
      names: {
        namespace: 'tyk-prod',
        helmRelease: 'tyk-prod',
        gatewayName: 'gateway-tyk-prod-tyk-gateway',
        dashboardName: 'dashboard-tyk-prod-tyk-dashboard',
        gatewayPort: 8080,
        redisHost: 'tyk-redis-master.tyk-prod.svc',
        redisPort: 6379,
        databaseHost: 'tyk-postgres-postgresql.tyk-prod.svc',
        databaseName: 'tyk_analytics',
      },
      images: { gateway: 'tykio/tyk-gateway-ee', dashboard: 'tykio/tyk-dashboard' },
      architecture: 'arm64',
      fips: false,
    });
    expect(evidenceOf(result, 'gateway.from')[0]?.where).toBe(
      'line 23 (Deployment gateway-tyk-prod-tyk-gateway, container gateway-tyk-gateway)',
    );
  });

  it('reads plain manifests without Helm labels as a kubernetes install', () => {
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: tyk-gtw
  namespace: gateways
spec:
  template:
    spec:
      containers:
        - name: tyk-gtw
          image: tykio/tyk-gateway:v5.0.14
`;
    expect(detected([{ name: 'gateway.yaml', text: manifest }]).answers).toMatchObject({
      install: 'kubernetes',
      gateway: { from: '5.0.14' },
      names: { namespace: 'gateways', gatewayName: 'tyk-gtw' },
    });
  });
});

describe('Helm', () => {
  const result = detected([
    { name: 'helm-list.json', text: helmList },
    { name: 'values.yaml', text: helmUserValues },
    { name: 'dp-values.yaml', text: dataPlaneValues },
  ]);

  it('reads helm list, the control plane values and a data plane', () => {
    expect(result.answers).toEqual({
      model: 'self-managed-mdcb',
      install: 'helm',
      components: ['gateway', 'dashboard', 'mdcb'],
      database: 'mongodb',
      gateway: { from: '5.3.0' },
      mdcb: { from: '2.5.1' },
      names: {
        namespace: 'tyk',
        helmRelease: 'tyk-cp',
        redisHost: 'tyk-redis-master.tyk.svc',
        redisPort: 6379,
        databaseHost: 'tyk-mongo-mongodb.tyk.svc',
        databaseName: 'tyk_analytics',
      },
      images: {
        gateway: 'tykio/tyk-gateway-ee',
        dashboard: 'tykio/tyk-dashboard',
        mdcb: 'tykio/tyk-mdcb-docker',
      },
      redis: { isCluster: true },
      fips: false,
      dataPlanes: [
        {
          name: 'tyk-dp-eu',
          namespace: 'tyk-dp-eu',
          release: 'tyk-dp-eu',
          redisHost: 'redis.tyk-dp.svc',
          redisPort: 6379,
        },
      ],
    });
  });

  it('takes the image tag from the values over the chart’s app version', () => {
    expect(evidenceOf(result, 'gateway.from')).toEqual([
      {
        field: 'gateway.from',
        value: '5.3.0',
        file: 'values.yaml',
        where: 'line 18, key tyk-gateway.gateway.image.tag',
        note: 'image tag v5.3.0',
      },
    ]);
    expect(
      result.facts.helm.releases.map((release) => [
        release.name,
        release.chart,
        release.chartVersion,
      ]),
    ).toEqual([
      ['tyk-cp', 'tyk-control-plane', '1.6.0'],
      ['tyk-dp-eu', 'tyk-data-plane', '1.6.0'],
    ]);
  });
});

describe('Helm values of each chart', () => {
  it.each<[string, string, Record<string, unknown>]>([
    [
      'tyk-oss',
      'global:\n  components:\n    pump: true\n  redis:\n    addrs:\n      - redis.tyk.svc:6379\n  hashKeys: true\ntyk-gateway:\n  gateway:\n    image:\n      repository: docker.tyk.io/tyk-gateway/tyk-gateway\n      tag: v5.8.1\ntyk-pump:\n  pump:\n    image:\n      repository: docker.tyk.io/tyk-pump/tyk-pump\n      tag: v1.12.0\n',
      {
        model: 'oss',
        install: 'helm',
        components: ['gateway', 'pump'],
        gateway: { from: '5.8.1' },
        pump: { from: '1.12.0' },
        images: {
          gateway: 'docker.tyk.io/tyk-gateway/tyk-gateway',
          pump: 'docker.tyk.io/tyk-pump/tyk-pump',
        },
        names: { redisHost: 'redis.tyk.svc', redisPort: 6379 },
      },
    ],
    [
      'tyk-stack',
      'global:\n  license:\n    dashboard: stack-Licence-9191\n  storageType: postgres\n  postgres:\n    host: tyk-postgres-postgresql.tyk.svc\n    port: 5432\n    database: tyk_analytics\ntyk-gateway:\n  gateway:\n    image:\n      repository: tykio/tyk-gateway-ee\n      tag: v5.8.2\ntyk-dashboard:\n  dashboard:\n    image:\n      repository: tykio/tyk-dashboard\n      tag: v5.8.2\n',
      {
        model: 'self-managed',
        install: 'helm',
        components: ['gateway', 'dashboard'],
        database: 'postgres',
        gateway: { from: '5.8.2' },
        names: { databaseHost: 'tyk-postgres-postgresql.tyk.svc', databaseName: 'tyk_analytics' },
      },
    ],
    [
      'tyk-data-plane connected to Tyk Cloud',
      'global:\n  remoteControlPlane:\n    enabled: true\n    connectionString: "tall-stone-hyb.aws-euw2.cloud-ara.tyk.io:443"\n    groupID: "edge"\ntyk-gateway:\n  gateway:\n    image:\n      tag: v5.8.2\n',
      {
        model: 'cloud-hybrid',
        install: 'helm',
        components: ['gateway'],
        gateway: { from: '5.8.2' },
        images: { gateway: 'tykio/tyk-gateway-ee' },
        dataPlanes: [{ name: 'edge' }],
      },
    ],
  ])('reads the values of %s', (_name, text, expected) => {
    const result = detected([{ name: 'values.yaml', text }]);
    expect(result.answers).toMatchObject(expected);
    expect(JSON.stringify(result)).not.toContain('stack-Licence-9191');
  });

  it('reads docker compose ps --format json lines', () => {
    const lines =
      '{"Name":"tyk-tyk-gateway-1","Service":"tyk-gateway","Image":"tykio/tyk-gateway:v5.8.0","State":"running","Project":"tyk"}\n{"Name":"tyk-tyk-pump-1","Service":"tyk-pump","Image":"tykio/tyk-pump-docker-pub:v1.12.0","State":"running","Project":"tyk"}\n';
    expect(detected([{ name: 'ps.json', text: lines }]).answers).toMatchObject({
      install: 'docker-compose',
      components: ['gateway', 'pump'],
      gateway: { from: '5.8.0' },
      pump: { from: '1.12.0' },
      names: { gatewayName: 'tyk-gateway', pumpName: 'tyk-pump' },
    });
  });
});

describe('what components report', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['a Gateway /hello', gatewayHello, { gateway: { from: '5.8.2' } }],
    ['a data-plane /hello', dataPlaneHello, { gateway: { from: '5.3.2' } }],
  ])('reads %s', (_name, text, expected) => {
    expect(detected([{ name: 'hello.json', text }]).answers).toMatchObject(expected);
  });

  it.each<[string, string, string]>([
    [
      'says it is the Dashboard',
      'hello.json',
      '{"status":"pass","version":"v5.3.1","description":"Tyk Dashboard"}',
    ],
    [
      'was given as the Dashboard’s',
      'tyk-facts.json › dashboard /hello',
      '{"status":"ok","version":"v5.3.1","message":"ok"}',
    ],
  ])('reads a /hello that %s as the Dashboard’s', (_name, name, text) => {
    const result = detected([{ name, text }]);
    expect(result.facts.versions).toEqual({
      dashboard: { value: '5.3.1', file: name, where: 'line 1 (version)' },
    });
    expect(result.answers.gateway).toEqual({ from: '5.3.1' });
  });

  it('notices a Gateway that is not healthy', () => {
    expect(detected([{ name: 'hello.json', text: dataPlaneHello }]).problems).toEqual([
      {
        file: 'hello.json',
        kind: 'unused',
        severity: 'notice',
        message:
          'hello.json: the gateway answers status "warn" (rpc not passing). Fix that before the upgrade, or a failing check afterwards cannot be told apart from an upgrade problem.',
      },
    ]);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['Redis standalone', redisInfo, { version: '7.2.4', isCluster: false, isSentinel: false }],
    ['Redis Cluster', redisClusterInfo, { version: '7.0.15', isCluster: true, isSentinel: false }],
    [
      'Valkey',
      valkeyInfo,
      { version: '7.2.4', valkeyVersion: '8.0.1', isCluster: false, isSentinel: false },
    ],
  ])('reads INFO server of %s', (_name, text, expected) => {
    expect(detected([{ name: 'info.txt', text }]).answers.redis).toEqual(expected);
  });

  it.each<[string, string, Record<string, unknown>]>([
    [
      'rpm -qa',
      rpmPackages,
      {
        install: 'rpm',
        gateway: { from: '5.3.2' },
        pump: { from: '1.9.0' },
        architecture: 'amd64',
      },
    ],
    [
      'dpkg-query -W',
      dpkgPackages,
      { install: 'deb', gateway: { from: '5.8.1' }, mdcb: { from: '2.8.0' } },
    ],
  ])('reads installed packages from %s', (_name, text, expected) => {
    expect(detected([{ name: 'packages.txt', text }]).answers).toMatchObject(expected);
  });
});

describe('API definitions', () => {
  it('finds Go plugins in a Dashboard export and proposes the plugin name', () => {
    const result = detected([{ name: 'apis.json', text: dashboardApis }]);
    expect(result.answers).toEqual({
      usesGoPlugins: true,
      names: { pluginName: 'OrderPlugin' },
      architecture: 'amd64',
    });
    expect(evidenceOf(result, 'usesGoPlugins')).toEqual([
      {
        field: 'usesGoPlugins',
        value: 'true',
        file: 'apis.json',
        where: 'line 4 (API Orders)',
        note: '1 API definition load a Go plugin',
      },
    ]);
  });

  it.each<[string, string, readonly string[], readonly string[], readonly string[]]>([
    ['a Tyk OAS definition with a Go bundle', oasWithBundle, ['Payments'], [], []],
    ['an OSS app with a Python plugin', pythonApp, [], ['Legacy auth'], []],
    ['a Tyk Sync file with a bundle of unknown driver', syncDumpApi, [], [], ['Inventory']],
  ])('reads %s', (_name, text, goPlugins, python, bundles) => {
    const plugins = detected([{ name: 'api.json', text }]).facts.plugins;
    expect(plugins?.goPlugins.map((item) => item.value)).toEqual(goPlugins);
    expect(plugins?.python.map((item) => item.value)).toEqual(python);
    expect(plugins?.bundles.map((item) => item.value)).toEqual(bundles);
  });

  it('proposes no Go plugins when none of the definitions loads one, and says a page is partial', () => {
    const result = detected([{ name: 'page.json', text: dashboardApisPage }]);
    expect(result.answers.usesGoPlugins).toBe(false);
    expect(evidenceOf(result, 'usesGoPlugins')[0]?.note).toBe(
      'none of the 1 API definitions given loads a Go plugin, but they are only part of your APIs',
    );
  });
});

describe('the collector’s document', () => {
  it('fills the same answers as the files it holds', () => {
    const collector = JSON.stringify({
      tykUpgradeCollector: 1,
      install: 'docker-compose',
      architecture: 'x86_64',
      sections: proStack.map((file) => ({
        name: `file ${file.name}`,
        kind: '',
        database: '',
        text: file.text,
      })),
    });
    const fromCollector = detected([{ name: 'tyk-facts.json', text: collector }]);
    expect(fromCollector.answers).toEqual(detected(proStack).answers);
  });

  it('reads the database version and the plugin count it took', () => {
    const collector = JSON.stringify({
      tykUpgradeCollector: 1,
      install: 'rpm',
      architecture: 'aarch64',
      sections: [
        { name: 'installed packages', kind: '', database: '', text: rpmPackages },
        { name: 'mongodb version', kind: 'database-version', database: 'mongodb', text: '4.4.29' },
        {
          name: 'plugin use in API definitions',
          kind: 'plugin-summary',
          database: '',
          text: 'definitions 7\ndriver goplugin 2\ndriver python 0\nbundles 0\nfile /opt/tyk-gateway/middleware/Auth.so',
        },
      ],
    });
    const result = detected([{ name: 'tyk-facts.json', text: collector }]);
    expect(result.answers).toMatchObject({
      install: 'rpm',
      usesGoPlugins: true,
      architecture: 'amd64',
      database: 'mongodb',
      names: { pluginName: 'Auth' },
    });
    expect(result.facts.database.version?.value).toBe('mongodb 4.4.29');
  });
});
