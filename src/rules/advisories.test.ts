import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advisoriesFor, advisoryIds } from './advisories';
import {
  advisoryEntries,
  companionRequirements,
  computedAdvisoryRows,
  goVersionRows,
  thirdPartyRows,
  type AdvisoryEntry,
} from './catalog/advisories';
import { componentsOf, models } from './catalog/models';
import { gatewayReleases } from './catalog/releases';
import { dataPlaneDefaults, defaultNames } from './names';
import { releasesOf } from './releases';
import type { Advisory, Names, NormalizedInput, ResolvedChange } from './types';
import { compareVersions, isNewer, isValidRange, satisfiesRange } from './versions';

// Advisories never read the names: Tyk's defaults will do.
const names: Names = defaultNames('self-managed', 'helm');

function change(from: string, to: string): ResolvedChange {
  return { from, to, isDefaultTarget: false };
}

/** Self-Managed on Docker with PostgreSQL, 5.8.0 → 5.8.2: a change that crosses almost nothing. */
function fixture(overrides: Partial<NormalizedInput> = {}): NormalizedInput {
  return {
    model: 'self-managed',
    install: 'docker',
    components: ['dashboard', 'gateway'],
    usesGoPlugins: false,
    database: 'postgres',
    dataPlanes: [],
    gateway: change('5.8.0', '5.8.2'),
    pump: null,
    mdcb: null,
    strategy: 'rolling',
    downtimeMinutes: null,
    names,
    images: { gateway: null, dashboard: null, pump: null, mdcb: null },
    architecture: 'amd64',
    sharesDatabase: false,
    ...overrides,
  };
}

const mdcbModel = {
  model: 'self-managed-mdcb',
  components: ['mdcb', 'dashboard', 'gateway'],
  dataPlanes: [
    { name: 'eu', ...dataPlaneDefaults('eu', 2), namespace: 'tyk-dp-eu', release: 'tyk-dp-eu' },
  ],
} as const satisfies Partial<NormalizedInput>;
const hybridModel = {
  model: 'cloud-hybrid',
  components: ['gateway'],
  database: null,
  dataPlanes: [
    { name: 'eu', ...dataPlaneDefaults('eu', 2), namespace: 'tyk-dp-eu', release: 'tyk-dp-eu' },
  ],
} as const satisfies Partial<NormalizedInput>;
const cloudModel = {
  model: 'cloud',
  install: null,
  components: ['dashboard', 'gateway'],
  database: null,
} as const satisfies Partial<NormalizedInput>;
const ossModel = {
  model: 'oss',
  components: ['gateway'],
  database: null,
} as const satisfies Partial<NormalizedInput>;
const withPump = {
  components: ['dashboard', 'gateway', 'pump'],
} as const satisfies Partial<NormalizedInput>;

function ids(input: NormalizedInput): readonly string[] {
  return advisoriesFor(input).map((advisory) => advisory.id);
}

function find(input: NormalizedInput, id: string): Advisory | undefined {
  return advisoriesFor(input).find((advisory) => advisory.id === id);
}

type Row = readonly [
  name: string,
  overrides: Partial<NormalizedInput>,
  present: readonly string[],
  absent: readonly string[],
];

const cases: readonly Row[] = [
  // Crossings in and out
  [
    '5.2.5 → 5.3.0 reaches the point of no return',
    { gateway: change('5.2.5', '5.3.0') },
    ['oas-5-3-point-of-no-return', 'header-injector-deprecated'],
    ['oas-5-2-early-access'],
  ],
  [
    '5.3.0 → 5.3.1 is past it already',
    { gateway: change('5.3.0', '5.3.1') },
    [],
    ['oas-5-3-point-of-no-return'],
  ],
  [
    '5.1.0 → 5.2.5 enters the 5.2 early access',
    { gateway: change('5.1.0', '5.2.5') },
    ['oas-5-2-early-access'],
    ['oas-5-3-point-of-no-return', 'oas-5-1-one-way'],
  ],
  [
    '4.3.0 → 5.1.0 rewrites OAS',
    { gateway: change('4.3.0', '5.1.0') },
    ['oas-5-1-one-way', 'letsencrypt-removed'],
    ['oas-5-2-early-access', 'x509-common-name-ignored'],
  ],
  [
    '4.2.0 → 5.0.0 crosses 4.3.0 and 5.0.0',
    { gateway: change('4.2.0', '5.0.0') },
    ['x509-common-name-ignored', 'letsencrypt-removed'],
    [],
  ],
  [
    '5.3.13 → 5.4.0 recalculates rate limits',
    { gateway: change('5.3.13', '5.4.0') },
    ['rate-limits-multiple-policies'],
    ['distroless-images'],
  ],
  [
    '5.6.1 → 5.7.0 drops SQLite in the Dashboard',
    { gateway: change('5.6.1', '5.7.0') },
    ['dashboard-sqlite-removed', 'external-oauth-oidc-deprecated'],
    ['prefer-server-ciphers-deprecated'],
  ],
  [
    '5.7.0 → 5.7.1 deprecates prefer_server_ciphers',
    { gateway: change('5.7.0', '5.7.1') },
    ['prefer-server-ciphers-deprecated'],
    ['dashboard-sqlite-removed'],
  ],
  [
    '5.3.8 → 5.3.9 deprecates prefer_server_ciphers on the LTS line',
    { gateway: change('5.3.8', '5.3.9') },
    ['prefer-server-ciphers-deprecated'],
    [],
  ],
  [
    '5.8.13 → 5.8.14 changes TLS defaults and tyk:// loops',
    { gateway: change('5.8.13', '5.8.14') },
    ['tls-defaults-changed', 'tyk-loop-query-params'],
    ['gateway-log-format'],
  ],
  [
    '5.8.14 → 5.13.0 is past the TLS change',
    { gateway: change('5.8.14', '5.13.0') },
    ['strict-policy-ids', 'portal-before-mcp-policies'],
    ['tls-defaults-changed', 'gateway-log-format'],
  ],
  [
    '5.8.11 → 5.8.12 enforces mTLS on Auth Token',
    { gateway: change('5.8.11', '5.8.12') },
    ['dynamic-mtls-auth-token'],
    ['allow-explicit-policy-id-deprecated'],
  ],
  [
    '5.8.8 → 5.8.9 deprecates allow_explicit_policy_id',
    { gateway: change('5.8.8', '5.8.9') },
    ['allow-explicit-policy-id-deprecated'],
    ['dynamic-mtls-auth-token'],
  ],
  [
    '5.11.1 → 5.12.0 deprecates enableClientCertificate',
    { gateway: change('5.11.1', '5.12.0') },
    ['dynamic-mtls-auth-token', 'enable-client-certificate-deprecated'],
    ['allow-explicit-policy-id-deprecated'],
  ],
  [
    '5.8.15 → 5.14.0 deprecates enforced-timeout fields',
    { gateway: change('5.8.15', '5.14.0') },
    ['enforced-timeout-fields-deprecated'],
    ['gateway-log-format'],
  ],
  [
    '5.8.5 → 5.9.0 changes the streams API',
    { gateway: change('5.8.5', '5.9.0') },
    ['streams-accept-header', 'target-gateway-avoid'],
    [],
  ],
  // Back-ported distroless images
  [
    '5.3.5 → 5.3.8 gets distroless images',
    { gateway: change('5.3.5', '5.3.8') },
    ['distroless-images'],
    [],
  ],
  [
    '5.3.8 → 5.5.0 has them already',
    { gateway: change('5.3.8', '5.5.0') },
    [],
    ['distroless-images'],
  ],
  [
    '5.4.0 → 5.5.0 gets distroless images',
    { gateway: change('5.4.0', '5.5.0') },
    ['distroless-images'],
    [],
  ],
  ['5.3.0 → 5.4.0 does not', { gateway: change('5.3.0', '5.4.0') }, [], ['distroless-images']],
  [
    '5.4.0 → 5.5.0 gets a distroless Dashboard image too',
    { gateway: change('5.4.0', '5.5.0') },
    ['distroless-images', 'distroless-dashboard-image'],
    [],
  ],
  [
    'an open-source Gateway hears nothing of a Dashboard image',
    { model: 'oss', components: ['gateway'], database: null, gateway: change('5.4.0', '5.5.0') },
    ['distroless-images'],
    ['distroless-dashboard-image'],
  ],
  [
    'distroless is not for packages',
    { install: 'rpm', gateway: change('5.3.5', '5.3.8') },
    [],
    ['distroless-images', 'python-not-in-image'],
  ],
  [
    'distroless is not for Cloud',
    { ...cloudModel, gateway: change('5.3.5', '5.3.8') },
    [],
    ['distroless-images'],
  ],
  [
    'Python leaves the image at 5.3.0',
    { install: 'helm', gateway: change('5.2.5', '5.3.0') },
    ['python-not-in-image'],
    [],
  ],
  // Log format
  [
    '5.13.0 → 5.13.1 changes the log format',
    { gateway: change('5.13.0', '5.13.1') },
    ['gateway-log-format'],
    [],
  ],
  [
    '5.8.14 → 5.8.15 changes the log format',
    { gateway: change('5.8.14', '5.8.15') },
    ['gateway-log-format'],
    [],
  ],
  ['5.12.1 → 5.13.0 does not', { gateway: change('5.12.1', '5.13.0') }, [], ['gateway-log-format']],
  // MDCB key replication
  [
    'MDCB keys fixed 5.3.1 → 5.3.8',
    { ...mdcbModel, gateway: change('5.3.1', '5.3.8') },
    ['mdcb-key-replication-fix'],
    [],
  ],
  [
    'MDCB keys fixed 5.0.10 → 5.0.13',
    { ...mdcbModel, gateway: change('5.0.10', '5.0.13') },
    ['mdcb-key-replication-fix'],
    [],
  ],
  [
    'MDCB keys fixed for hybrid 5.2.5 → 5.4.0',
    { ...hybridModel, gateway: change('5.2.5', '5.4.0') },
    ['mdcb-key-replication-fix'],
    ['rpc-pool-size-default'],
  ],
  [
    'hybrid 5.0.15 → 5.1.0 shrinks the RPC pool',
    { ...hybridModel, gateway: change('5.0.15', '5.1.0') },
    ['rpc-pool-size-default'],
    [],
  ],
  [
    'self-managed keeps its RPC pool',
    { gateway: change('5.0.15', '5.1.0') },
    [],
    ['rpc-pool-size-default'],
  ],
  [
    'MDCB keys: 5.0.10 → 5.0.12 is still affected',
    { ...mdcbModel, gateway: change('5.0.10', '5.0.12') },
    [],
    ['mdcb-key-replication-fix'],
  ],
  [
    'MDCB keys: 4.3.0 → 5.4.0 was never affected',
    { ...mdcbModel, gateway: change('4.3.0', '5.4.0') },
    [],
    ['mdcb-key-replication-fix'],
  ],
  [
    'MDCB keys: no MDCB, no advisory',
    { gateway: change('5.3.1', '5.3.8') },
    [],
    ['mdcb-key-replication-fix'],
  ],
  // Versions to avoid
  ['target 5.2.0 is avoided', { gateway: change('5.1.0', '5.2.0') }, ['target-gateway-avoid'], []],
  ['target 5.8.3 is avoided', { gateway: change('5.8.0', '5.8.3') }, ['target-gateway-avoid'], []],
  [
    'target 5.8.4 is fine',
    { gateway: change('5.8.0', '5.8.4') },
    [],
    ['target-gateway-avoid', 'oas-dotted-paths-mdcb'],
  ],
  // The reconnect panic of 5.0.14, 5.3.6 and 5.6.0 concerns Gateways connected to MDCB or Tyk
  // Cloud (release notes 5.0.15, 5.3.7, 5.6.1): avoided there, not on a self-managed Gateway.
  [
    'target 5.6.0 is avoided with MDCB',
    { ...mdcbModel, gateway: change('5.5.0', '5.6.0') },
    ['target-gateway-avoid'],
    [],
  ],
  [
    'target 5.3.6 is avoided with MDCB',
    { ...mdcbModel, gateway: change('5.3.5', '5.3.6') },
    ['target-gateway-avoid'],
    [],
  ],
  [
    'target 5.3.6 is avoided on Tyk Cloud Hybrid',
    { ...hybridModel, gateway: change('5.3.5', '5.3.6') },
    ['target-gateway-avoid'],
    [],
  ],
  [
    'target 5.3.6 is no concern for a self-managed Gateway',
    { gateway: change('5.3.5', '5.3.6') },
    [],
    ['target-gateway-avoid'],
  ],
  [
    'target 5.3.6 is no concern for Tyk Open Source',
    { model: 'oss', components: ['gateway'], gateway: change('5.3.5', '5.3.6') },
    [],
    ['target-gateway-avoid'],
  ],
  [
    'target 5.0.14 is avoided with MDCB',
    { ...mdcbModel, gateway: change('5.0.13', '5.0.14') },
    ['target-gateway-avoid'],
    [],
  ],
  [
    'target Pump 1.8.3 is avoided',
    { ...withPump, pump: change('1.8.0', '1.8.3') },
    ['target-pump-avoid'],
    [],
  ],
  [
    'dotted OAS paths with MDCB at 5.8.4',
    { ...mdcbModel, gateway: change('5.8.0', '5.8.4') },
    ['oas-dotted-paths-mdcb'],
    [],
  ],
  [
    'dotted OAS paths fixed at 5.9.2',
    { ...mdcbModel, gateway: change('5.8.0', '5.9.2') },
    [],
    ['oas-dotted-paths-mdcb'],
  ],
  // Companions
  [
    'MDCB 2.4.3 under Gateway 5.3.0 is critical',
    { ...mdcbModel, gateway: change('5.2.5', '5.3.0'), mdcb: change('2.4.0', '2.4.3') },
    ['mdcb-2-5-before-gateway-5-3'],
    ['mdcb-below-recommended'],
  ],
  [
    'MDCB 2.5.0 under Gateway 5.3.0 is enough',
    { ...mdcbModel, gateway: change('5.2.5', '5.3.0'), mdcb: change('2.4.0', '2.5.0') },
    ['mdcb-ready-for-5-3'],
    ['mdcb-2-5-before-gateway-5-3', 'mdcb-below-recommended'],
  ],
  [
    'MDCB 2.7.2 under Gateway 5.8.2 is below the matrix',
    { ...mdcbModel, mdcb: change('2.7.0', '2.7.2') },
    ['mdcb-below-recommended'],
    ['mdcb-2-5-before-gateway-5-3'],
  ],
  [
    'Pump 1.11.0 under Gateway 5.13.1 is below the matrix',
    { ...withPump, gateway: change('5.8.15', '5.13.1'), pump: change('1.9.0', '1.11.0') },
    ['pump-below-recommended'],
    [],
  ],
  [
    'Pump 1.16.0 under Gateway 5.13.1 is fine',
    { ...withPump, gateway: change('5.8.15', '5.13.1'), pump: change('1.9.0', '1.16.0') },
    [],
    ['pump-below-recommended'],
  ],
  [
    'MDCB 2.10.0 under Gateway 5.13.1',
    { ...mdcbModel, gateway: change('5.8.15', '5.13.1'), mdcb: change('2.8.0', '2.10.0') },
    ['mdcb-2-11-before-mcp'],
    ['mdcb-below-recommended'],
  ],
  [
    'MDCB 2.10.0 under Pump 1.15.0',
    {
      ...mdcbModel,
      components: ['mdcb', 'dashboard', 'gateway', 'pump'],
      gateway: change('5.8.14', '5.8.14'),
      pump: change('1.14.0', '1.15.0'),
      mdcb: change('2.9.0', '2.10.0'),
    },
    ['mdcb-2-11-before-mcp', 'pump-mcp-aggregation-off'],
    [],
  ],
  [
    'no MDCB requirement without MDCB',
    { ...withPump, gateway: change('5.2.5', '5.3.0'), pump: change('1.9.0', '1.9.0') },
    [],
    ['mdcb-2-5-before-gateway-5-3', 'mdcb-below-recommended'],
  ],
  // Pump and MDCB crossings
  [
    'Pump 1.8.3 → 1.9.0 switches driver',
    { ...withPump, pump: change('1.8.3', '1.9.0') },
    ['pump-mongo-go-default'],
    ['pump-postgres-11-eol'],
  ],
  [
    'Pump 1.9.0 → 1.12.0',
    { ...withPump, pump: change('1.9.0', '1.12.0') },
    ['pump-postgres-11-eol', 'pump-sqlite-removed'],
    ['pump-mongo-go-default'],
  ],
  [
    'Pump 1.12.2 → 1.14.1',
    { ...withPump, pump: change('1.12.2', '1.14.1') },
    ['pump-decode-raw-deprecated', 'pump-sharded-migration-slow-start', 'pump-config-strict-start'],
    [],
  ],
  [
    'Pump 1.14.1 → 1.16.0 without MDCB',
    { ...withPump, pump: change('1.14.1', '1.16.0') },
    ['pump-stdout-json-format', 'pump-log-format'],
    ['pump-mcp-aggregation-off', 'pump-config-strict-start'],
  ],
  [
    'MDCB 2.5.1 → 2.8.0',
    { ...mdcbModel, mdcb: change('2.5.1', '2.8.0') },
    ['mdcb-http-port', 'mdcb-liveness-readiness', 'mdcb-sqlite-removed'],
    ['helm-mdcb-probe-port', 'mdcb-ready-for-5-3'],
  ],
  [
    'MDCB 2.5.1 → 2.8.0 on Helm',
    { ...mdcbModel, install: 'helm', mdcb: change('2.5.1', '2.8.0') },
    ['helm-mdcb-probe-port'],
    [],
  ],
  [
    'MDCB 2.10.0 → 2.12.0',
    { ...mdcbModel, mdcb: change('2.10.0', '2.12.0') },
    ['mdcb-ready-for-mcp'],
    [],
  ],
  // Filters
  [
    'Helm chart notes on Helm',
    { install: 'helm', ...withPump, gateway: change('5.3.0', '5.13.0') },
    ['helm-charts-strict-routing', 'helm-charts-admin-token-view', 'helm-charts-graphql-pump'],
    ['helm-charts-install-lts'],
  ],
  [
    'Helm chart notes need Helm',
    { gateway: change('5.3.0', '5.13.0') },
    [],
    ['helm-charts-strict-routing', 'helm-charts-admin-token-view', 'helm-charts-graphql-pump'],
  ],
  [
    'Helm installs LTS unless told',
    { install: 'helm', gateway: change('5.13.1', '5.14.0') },
    ['helm-charts-install-lts'],
    [],
  ],
  [
    'MongoDB notes with MongoDB',
    { database: 'mongodb', gateway: change('5.2.5', '5.3.0') },
    ['mongo-go-default-driver', 'mongodb-versions'],
    ['postgres-versions', 'mongodb-5-6-needs-mongo-go'],
  ],
  [
    'PostgreSQL notes with PostgreSQL',
    { gateway: change('5.2.5', '5.3.0') },
    ['postgres-versions'],
    ['mongo-go-default-driver', 'mongodb-versions'],
  ],
  [
    'MongoDB 5/6 driver at 5.0.2',
    { database: 'mongodb', gateway: change('5.0.1', '5.0.2') },
    ['mongodb-5-6-needs-mongo-go'],
    ['mongodb-versions'],
  ],
  [
    'MongoDB 5.0 dropped at 5.13.0',
    { database: 'mongodb', gateway: change('5.12.1', '5.13.0') },
    ['mongodb-5-dropped', 'mongodb-versions'],
    [],
  ],
  [
    'no database notes for OSS',
    { ...ossModel, gateway: change('5.12.1', '5.13.0') },
    ['redis-versions'],
    [
      'mongodb-versions',
      'postgres-versions',
      'mongodb-5-dropped',
      'strict-policy-ids',
      'portal-before-mcp-policies',
    ],
  ],
  [
    'no database or Redis notes for Cloud',
    { ...cloudModel, gateway: change('5.12.1', '5.13.0') },
    [],
    ['redis-versions', 'mongodb-versions', 'postgres-versions', 'dashboard-sqlite-removed'],
  ],
  [
    'OSS gets its own point-of-no-return text',
    { ...ossModel, gateway: change('5.2.5', '5.3.0') },
    ['oas-5-3-point-of-no-return'],
    [],
  ],
  [
    'Go plugins: versioned names at 4.1.0',
    { usesGoPlugins: true, gateway: change('4.0.0', '4.1.0') },
    ['go-plugin-versioned-filenames', 'go-version-for-plugins'],
    ['go-1-19-plugin-rebuild'],
  ],
  [
    'Go plugins: Go 1.19 at 5.1.0',
    { usesGoPlugins: true, gateway: change('5.0.15', '5.1.0') },
    ['go-1-19-plugin-rebuild', 'go-version-for-plugins'],
    ['go-plugin-versioned-filenames'],
  ],
  [
    'no plugin notes without plugins',
    { gateway: change('4.0.0', '5.1.0') },
    [],
    ['go-plugin-versioned-filenames', 'go-1-19-plugin-rebuild', 'go-version-for-plugins'],
  ],
  // Support status
  [
    'target 5.3.13 is unsupported',
    { gateway: change('5.3.0', '5.3.13') },
    ['target-version-unsupported', 'current-version-unsupported'],
    ['target-version-lts'],
  ],
  [
    'target 5.13.1 is LTS',
    { gateway: change('5.8.15', '5.13.1') },
    ['target-version-lts'],
    ['current-version-unsupported', 'target-version-unsupported'],
  ],
  [
    'target 5.14.0 is the newest line',
    { gateway: change('5.13.1', '5.14.0') },
    ['target-version-latest'],
    [],
  ],
  [
    'target 5.8.15 is in maintenance',
    { gateway: change('5.8.14', '5.8.15') },
    ['target-version-maintenance'],
    [],
  ],
  [
    'target 6.0.0 is unknown',
    { gateway: change('5.14.0', '6.0.0') },
    ['target-version-unknown'],
    ['target-version-latest'],
  ],
];

describe('advisoriesFor', () => {
  it.each(cases)('%s', (_name, overrides, present, absent) => {
    const found = ids(fixture(overrides));
    for (const id of present) expect(found, `expected ${id}`).toContain(id);
    for (const id of absent) expect(found, `did not expect ${id}`).not.toContain(id);
  });

  it('gives the base fixture only status and third-party notes', () => {
    expect(ids(fixture())).toEqual([
      'target-version-maintenance',
      'redis-versions',
      'postgres-versions',
    ]);
  });

  it.each([
    [
      '5.2.5 → 5.3.0 with MDCB 2.4.0 → 2.4.3',
      { ...mdcbModel, gateway: change('5.2.5', '5.3.0'), mdcb: change('2.4.0', '2.4.3') },
      'mdcb-2-5-before-gateway-5-3',
      'critical',
    ],
    [
      'point of no return',
      { gateway: change('5.2.5', '5.3.0') },
      'oas-5-3-point-of-no-return',
      'critical',
    ],
    ['avoided target', { gateway: change('5.8.0', '5.8.3') }, 'target-gateway-avoid', 'critical'],
    [
      'unsupported target',
      { gateway: change('5.3.0', '5.3.13') },
      'target-version-unsupported',
      'warning',
    ],
    ['LTS target', { gateway: change('5.8.15', '5.13.1') }, 'target-version-lts', 'info'],
  ] as const)('%s: %s is %s', (_name, overrides, id, severity) => {
    expect(find(fixture(overrides), id)?.severity).toBe(severity);
  });

  it('names the release that brings a crossing in', () => {
    expect(find(fixture({ gateway: change('5.3.5', '5.3.8') }), 'distroless-images')?.version).toBe(
      '5.3.6',
    );
    expect(find(fixture({ gateway: change('5.4.0', '5.8.0') }), 'distroless-images')?.version).toBe(
      '5.5.0',
    );
    expect(
      find(fixture({ gateway: change('5.2.5', '5.14.0') }), 'oas-5-3-point-of-no-return')?.version,
    ).toBe('5.3.0');
    expect(
      find(fixture({ gateway: change('5.8.0', '5.8.3') }), 'target-gateway-avoid')?.version,
    ).toBe('5.8.3');
  });

  it('says what to pick instead of an avoided target', () => {
    expect(
      find(fixture({ ...mdcbModel, gateway: change('5.5.0', '5.6.0') }), 'target-gateway-avoid')
        ?.detail,
    ).toMatch(/Pick 5\.6\.1/);
    expect(
      find(fixture({ gateway: change('5.1.0', '5.2.0') }), 'target-gateway-avoid')?.detail,
    ).toMatch(/5\.2\.5/);
  });

  it('gives each model the backup advice it can follow', () => {
    const crossing = { gateway: change('5.2.5', '5.3.0') };
    expect(
      find(fixture({ ...ossModel, ...crossing }), 'oas-5-3-point-of-no-return')?.detail,
    ).toMatch(/GET \/tyk\/apis/);
    expect(
      find(fixture({ ...cloudModel, ...crossing }), 'oas-5-3-point-of-no-return')?.detail,
    ).toMatch(/backup script/);
    expect(find(fixture(crossing), 'oas-5-3-point-of-no-return')?.detail).toMatch(/Tyk Sync/);
  });

  it('names the third-party versions of the target', () => {
    expect(
      find(fixture({ gateway: change('5.12.1', '5.13.1') }), 'redis-versions')?.detail,
    ).toMatch(/Valkey/);
    expect(
      find(fixture({ gateway: change('5.8.0', '5.8.2') }), 'postgres-versions')?.detail,
    ).toMatch(/PostgreSQL 13 to 17/);
    expect(
      find(fixture({ gateway: change('5.3.1', '5.3.5') }), 'postgres-versions')?.detail,
    ).toMatch(/PostgreSQL 12 to 16/);
    expect(
      find(
        fixture({ database: 'mongodb', gateway: change('5.12.1', '5.13.0') }),
        'mongodb-versions',
      )?.detail,
    ).toMatch(/6\.0\.x, 7\.0\.x or 8\.0\.x/);
    expect(
      find(
        fixture({ usesGoPlugins: true, gateway: change('5.12.0', '5.12.1') }),
        'go-version-for-plugins',
      )?.detail,
    ).toMatch(/Go 1\.25.*tyk-plugin-compiler:v5\.12\.1/);
    expect(
      find(
        fixture({ usesGoPlugins: true, gateway: change('5.8.12', '5.8.13') }),
        'go-version-for-plugins',
      )?.title,
    ).toBe('Build plugins with Go 1.25');
    expect(
      find(
        fixture({ usesGoPlugins: true, gateway: change('4.0.0', '4.1.0') }),
        'go-version-for-plugins',
      )?.title,
    ).toBe('Go version for plugins on 4.1.0');
  });

  it('sorts by severity, then catalogue order, with unique ids', () => {
    const result = advisoriesFor(
      fixture({
        ...mdcbModel,
        install: 'helm',
        database: 'mongodb',
        usesGoPlugins: true,
        gateway: change('4.0.0', '5.8.3'),
        mdcb: change('2.0.0', '2.4.3'),
      }),
    );
    const rank = { critical: 0, warning: 1, info: 2 } as const;
    const ranks = result.map((advisory) => rank[advisory.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(result.map((advisory) => advisory.id)).size).toBe(result.length);
    const entryIds: readonly string[] = advisoryEntries.map((entry) => entry.id);
    const warnings = result
      .filter((advisory) => advisory.severity === 'warning' && entryIds.includes(advisory.id))
      .map((advisory) => entryIds.indexOf(advisory.id));
    expect(warnings).toEqual([...warnings].sort((a, b) => a - b));
    expect(result[0]?.severity).toBe('critical');
  });

  it('is deterministic and leaves input and catalogue untouched', () => {
    const input = fixture({
      ...mdcbModel,
      gateway: change('5.0.5', '5.13.1'),
      mdcb: change('2.4.0', '2.12.0'),
    });
    const before = JSON.stringify([input, advisoryEntries, gatewayReleases]);
    const first = advisoriesFor(input);
    expect(advisoriesFor(input)).toEqual(first);
    expect(advisoriesFor(structuredClone(input))).toEqual(first);
    expect(JSON.stringify([input, advisoryEntries, gatewayReleases])).toBe(before);
  });

  it.each([
    [
      'not semver',
      { gateway: change('latest', 'v5.x'), pump: change('', '1.x'), mdcb: change('abc', '5.0.0') },
    ],
    ['empty strings', { gateway: change('', ''), pump: change('', ''), mdcb: change('', '') }],
    ['a downgrade', { gateway: change('5.14.0', '4.0.0') }],
    ['prereleases', { gateway: change('5.3.0-rc1', '5.13.0-rc2') }],
    ['null install for a self-managed model', { install: null }],
    ['components missing', { components: [] }],
  ] as const)('does not throw for %s', (_name, overrides) => {
    expect(() => advisoriesFor(fixture(overrides))).not.toThrow();
    expect(Array.isArray(advisoriesFor(fixture(overrides)))).toBe(true);
  });

  it('never throws for arbitrary version strings in any model', () => {
    const modelIds = models.map((entry) => entry.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...modelIds),
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        fc.boolean(),
        (model, from, to, pumpTo, mdcbTo, usesGoPlugins) => {
          const input = fixture({
            model,
            components: componentsOf(model),
            usesGoPlugins,
            gateway: change(from, to),
            pump: change(from, pumpTo),
            mdcb: change(from, mdcbTo),
          });
          const result = advisoriesFor(input);
          expect(new Set(result.map((advisory) => advisory.id)).size).toBe(result.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// Each catalogue entry at the releases it is about, stated here rather than derived from its
// ranges: the last release before the change and the first one with it. The other answers pass
// every filter (MDCB, every component, Go plugins, PostgreSQL on Docker unless the row says
// otherwise), so only the versions decide.

type Line = 'gateway' | 'pump' | 'mdcb';
type Situation = { readonly install?: 'helm'; readonly database?: 'mongodb' };

function situated(line: Line, from: string, to: string, situation: Situation): NormalizedInput {
  return fixture({
    model: 'self-managed-mdcb',
    install: situation.install ?? 'docker',
    components: ['mdcb', 'dashboard', 'gateway', 'pump'],
    database: situation.database ?? 'postgres',
    usesGoPlugins: true,
    dataPlanes: mdcbModel.dataPlanes,
    gateway: change('5.8.2', '5.8.2'),
    pump: change('1.16.0', '1.16.0'),
    mdcb: change('2.12.0', '2.12.0'),
    [line]: change(from, to),
  });
}

const plain = {} as const satisfies Situation;
const helm = { install: 'helm' } as const satisfies Situation;
const mongodb = { database: 'mongodb' } as const satisfies Situation;

/** [id, line, the last release without it, the first release with it, the situation]. */
const crossings: readonly (readonly [string, Line, string, string, Situation])[] = [
  ['go-plugin-versioned-filenames', 'gateway', '4.0.0', '4.1.0', plain],
  ['x509-common-name-ignored', 'gateway', '4.2.0', '4.3.0', plain],
  ['letsencrypt-removed', 'gateway', '4.3.0', '5.0.0', plain],
  ['mongodb-5-6-needs-mongo-go', 'gateway', '5.0.1', '5.0.2', mongodb],
  ['go-1-19-plugin-rebuild', 'gateway', '5.0.15', '5.1.0', plain],
  ['rpc-pool-size-default', 'gateway', '5.0.15', '5.1.0', plain],
  ['oas-5-1-one-way', 'gateway', '5.0.15', '5.1.0', plain],
  ['oas-5-2-early-access', 'gateway', '5.1.0', '5.2.0', plain],
  ['oas-5-3-point-of-no-return', 'gateway', '5.2.5', '5.3.0', plain],
  ['python-not-in-image', 'gateway', '5.2.5', '5.3.0', plain],
  ['header-injector-deprecated', 'gateway', '5.2.5', '5.3.0', plain],
  ['mongo-go-default-driver', 'gateway', '5.2.5', '5.3.0', mongodb],
  ['distroless-images', 'gateway', '5.3.5', '5.3.6', plain],
  ['distroless-dashboard-image', 'gateway', '5.4.0', '5.5.0', plain],
  ['mdcb-key-replication-fix', 'gateway', '5.0.12', '5.0.13', plain],
  ['rate-limits-multiple-policies', 'gateway', '5.3.13', '5.4.0', plain],
  ['dashboard-sqlite-removed', 'gateway', '5.6.1', '5.7.0', plain],
  ['external-oauth-oidc-deprecated', 'gateway', '5.6.1', '5.7.0', plain],
  ['prefer-server-ciphers-deprecated', 'gateway', '5.3.8', '5.3.9', plain],
  ['streams-accept-header', 'gateway', '5.8.15', '5.9.0', plain],
  ['allow-explicit-policy-id-deprecated', 'gateway', '5.8.8', '5.8.9', plain],
  ['dynamic-mtls-auth-token', 'gateway', '5.8.11', '5.8.12', plain],
  ['enable-client-certificate-deprecated', 'gateway', '5.11.1', '5.12.0', plain],
  ['tls-defaults-changed', 'gateway', '5.8.13', '5.8.14', plain],
  ['tyk-loop-query-params', 'gateway', '5.8.13', '5.8.14', plain],
  ['strict-policy-ids', 'gateway', '5.12.1', '5.13.0', plain],
  ['mongodb-5-dropped', 'gateway', '5.12.1', '5.13.0', mongodb],
  ['portal-before-mcp-policies', 'gateway', '5.12.1', '5.13.0', plain],
  ['gateway-log-format', 'gateway', '5.8.14', '5.8.15', plain],
  ['enforced-timeout-fields-deprecated', 'gateway', '5.13.1', '5.14.0', plain],
  ['helm-charts-strict-routing', 'gateway', '5.3.4', '5.3.5', helm],
  ['helm-charts-admin-token-view', 'gateway', '5.7.3', '5.8.0', helm],
  ['helm-charts-graphql-pump', 'gateway', '5.12.1', '5.13.0', helm],
  ['pump-mongo-go-default', 'pump', '1.8.3', '1.9.0', plain],
  ['pump-postgres-11-eol', 'pump', '1.9.0', '1.10.0', plain],
  ['pump-sqlite-removed', 'pump', '1.11.2', '1.12.0', plain],
  ['pump-decode-raw-deprecated', 'pump', '1.12.2', '1.13.0', plain],
  ['pump-sharded-migration-slow-start', 'pump', '1.13.1', '1.13.2', plain],
  ['pump-config-strict-start', 'pump', '1.14.0', '1.14.1', plain],
  ['pump-stdout-json-format', 'pump', '1.14.1', '1.15.0', plain],
  ['pump-mcp-aggregation-off', 'pump', '1.14.1', '1.15.0', plain],
  ['pump-log-format', 'pump', '1.15.0', '1.16.0', plain],
  ['mdcb-ready-for-5-3', 'mdcb', '2.4.3', '2.5.0', plain],
  ['mdcb-http-port', 'mdcb', '2.5.1', '2.6.0', plain],
  ['mdcb-liveness-readiness', 'mdcb', '2.6.0', '2.7.0', plain],
  ['helm-mdcb-probe-port', 'mdcb', '2.5.1', '2.6.0', helm],
  ['mdcb-sqlite-removed', 'mdcb', '2.7.2', '2.8.0', plain],
  ['mdcb-ready-for-mcp', 'mdcb', '2.10.0', '2.11.0', plain],
];

/** [id, line, a target it applies to, a target it does not apply to, the situation]. */
const whileTargeted: readonly (readonly [string, Line, string, string, Situation])[] = [
  ['oas-dotted-paths-mdcb', 'gateway', '5.9.1', '5.14.0', plain],
  ['helm-charts-install-lts', 'gateway', '5.14.0', '5.13.1', helm],
];

describe('every catalogue entry', () => {
  it('has a row below', () => {
    const rows = [...crossings, ...whileTargeted].map(([id]) => id);
    expect([...rows].sort()).toEqual(advisoryEntries.map((entry) => entry.id).sort());
  });

  it.each(crossings)(
    '%s fires from %s %s to %s, and not when staying at %s',
    (id, line, before, into, situation) => {
      expect(ids(situated(line, before, into, situation))).toContain(id);
      expect(ids(situated(line, into, into, situation))).not.toContain(id);
    },
  );

  it.each(whileTargeted)(
    '%s fires while the %s target is %s, not when it is %s',
    (id, line, inside, outside, situation) => {
      expect(ids(situated(line, inside, inside, situation))).toContain(id);
      expect(ids(situated(line, inside, outside, situation))).not.toContain(id);
    },
  );
});

describe('advisory catalogue integrity', () => {
  const allIds = advisoryIds;
  const texts: readonly string[] = [
    ...advisoryEntries.flatMap((entry: AdvisoryEntry) => [
      entry.title,
      entry.detail,
      ...Object.values(entry.detailByModel ?? {}),
    ]),
    ...companionRequirements.flatMap((requirement) => [requirement.title, requirement.detail]),
    ...thirdPartyRows.map((row) => row.versions),
    ...computedAdvisoryRows.flatMap((row) => [row.title, row.detail]),
  ];

  it('has unique kebab-case ids', () => {
    expect(new Set(allIds).size).toBe(allIds.length);
    for (const id of allIds) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('has valid ranges that match at least one catalogued release', () => {
    for (const entry of advisoryEntries as readonly AdvisoryEntry[]) {
      expect(entry.introducedIn !== undefined || entry.targetIn !== undefined, entry.id).toBe(true);
      for (const range of [entry.introducedIn, entry.targetIn, entry.currentIn]) {
        if (range === undefined) continue;
        expect(isValidRange(range), `${entry.id}: ${range}`).toBe(true);
        expect(
          releasesOf(entry.line).some((release) => satisfiesRange(release.version, range)),
          `${entry.id}: ${range}`,
        ).toBe(true);
      }
    }
    for (const requirement of companionRequirements) {
      expect(isValidRange(requirement.gatewayTarget)).toBe(true);
      expect(compareVersions(requirement.minimum, requirement.minimum)).toBe(0);
      expect(
        releasesOf(requirement.companion).some(
          (release) => release.version === requirement.minimum,
        ),
      ).toBe(true);
    }
    for (const row of [...thirdPartyRows, ...goVersionRows])
      expect(isValidRange(row.gateway), row.gateway).toBe(true);
  });

  it('keeps text plain and finished', () => {
    for (const text of texts) {
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).not.toMatch(/[<>]|\{\{|\]\(|https?:/);
    }
    for (const entry of advisoryEntries as readonly AdvisoryEntry[])
      expect(entry.detail, entry.id).toMatch(/\.$/);
  });

  it('has exactly one Go version for every release from 4.3.0 and one third-party row per store', () => {
    for (const release of gatewayReleases.filter(
      (candidate) => !isNewer('4.3.0', candidate.version),
    )) {
      expect(
        goVersionRows.filter((row) => satisfiesRange(release.version, row.gateway)),
        release.version,
      ).toHaveLength(1);
    }
    const starts = { redis: '5.0.0', mongodb: '5.3.0', postgres: '5.3.0' } as const;
    for (const [store, start] of Object.entries(starts)) {
      for (const release of gatewayReleases.filter(
        (candidate) => !isNewer(start, candidate.version),
      )) {
        expect(
          thirdPartyRows.filter(
            (row) => row.store === store && satisfiesRange(release.version, row.gateway),
          ),
          `${store} ${release.version}`,
        ).toHaveLength(1);
      }
    }
  });
});
