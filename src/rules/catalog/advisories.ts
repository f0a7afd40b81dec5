// The advisories as data (docs/sources.md: release notes "Breaking changes" and "Upgrade
// instructions", the compatibility matrix, the LTS page, the third-party version tables): every
// crossing, companion requirement, versions table and toolchain row, and the advisories that are
// filled in from another catalogue. advisories.ts only selects rows and fills them in.
import type {
  ComponentId,
  Database,
  DeploymentModel,
  InstallType,
  Severity,
  SupportStatus,
  VersionLine,
} from '../types';
import { containerInstalls } from './installs';
import { dataPlaneModels, dashboardDatabaseModels } from './models';

/** One advisory of the catalogue, with its applicability declared as fields. */
export type AdvisoryEntry = {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly detail: string;
  /** Replaces `detail` for these models. */
  readonly detailByModel?: Partial<Record<DeploymentModel, string>>;
  readonly component: ComponentId;
  /** The version line the ranges below are about. */
  readonly line: VersionLine;
  /** Applies when the current version is outside this range and the target inside it (a crossing). */
  readonly introducedIn?: string;
  /** Applies while the target is in this range, whatever the current version. */
  readonly targetIn?: string;
  /** Applies only when the current version is in this range. */
  readonly currentIn?: string;
  readonly models?: readonly DeploymentModel[];
  readonly installs?: readonly InstallType[];
  /** At least one of these components is in use. */
  readonly components?: readonly ComponentId[];
  /** The model has a Dashboard database of this kind. */
  readonly database?: Database;
  readonly needsGoPlugins?: boolean;
};

/** Crossings from the release notes, in version order per line. */
export const advisoryEntries = [
  // Gateway and Dashboard
  {
    id: 'go-plugin-versioned-filenames',
    severity: 'warning',
    title: 'Plugin builds carry the Gateway version in their file name',
    detail:
      'From 4.1.0 the plugin compiler adds the Gateway version, OS and architecture to the file name (for example CustomGoPlugin_v5.3.0_linux_amd64.so). Build the plugin for the target version and deploy it next to the current build before you upgrade, so the new Gateway finds it when it starts.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=4.1.0',
    needsGoPlugins: true,
  },
  {
    id: 'x509-common-name-ignored',
    severity: 'warning',
    title: 'Certificates must name their hosts in SAN entries',
    detail:
      'Tyk 4.3 is built with Go 1.16, which stops treating a certificate CommonName as its host name. Reissue upstream and listener certificates with Subject Alternative Names before upgrading; GODEBUG=x509ignoreCN=0 only buys time.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=4.3.0',
  },
  {
    id: 'letsencrypt-removed',
    severity: 'warning',
    title: 'Built-in Let’s Encrypt support is gone',
    detail:
      'Gateway 5.0.0 drops its Let’s Encrypt integration. Before upgrading, load certificates through the certificate store or terminate TLS in front of the Gateway.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.0.0',
  },
  {
    id: 'mongodb-5-6-needs-mongo-go',
    severity: 'info',
    title: 'MongoDB 5 and 6 need the mongo-go driver',
    detail:
      'From 5.0.2 the Dashboard can use MongoDB 5 or 6, but only with the mongo-go driver; the default mgo driver stops at MongoDB 4.x. Set the Dashboard driver to mongo-go (Pump 1.8.0 and MDCB 2.2 accept the same option) before moving MongoDB past 4.x.',
    component: 'dashboard',
    line: 'gateway',
    introducedIn: '>=5.0.2 <5.3.0',
    components: ['dashboard'],
    database: 'mongodb',
  },
  {
    id: 'go-1-19-plugin-rebuild',
    severity: 'warning',
    title: 'Plugins move to Go 1.19 and Go modules',
    detail:
      'Gateway 5.1 is built with Go 1.19 and plugins are built as Go modules without go mod vendor. Rebuild every Go plugin for the target version this way and test it before the upgrade.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.1.0',
    needsGoPlugins: true,
  },
  {
    id: 'rpc-pool-size-default',
    severity: 'info',
    title: 'Smaller default RPC pool on data planes',
    detail:
      'From 5.1.0 the default slave_options.rpc_pool_size drops from 20 to 5. If your data-plane Gateways relied on the old default, set rpc_pool_size to 20 in their config before upgrading.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.1.0',
    models: dataPlaneModels,
  },
  {
    id: 'oas-5-1-one-way',
    severity: 'warning',
    title: 'Tyk OAS definitions are rewritten by 5.1',
    detail:
      'Version 5.1 rewrites Tyk OAS API definitions created on earlier versions, and going back may not work. Back up the database and export every API and policy before upgrading.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.1.0 <5.2.0',
  },
  {
    id: 'oas-5-2-early-access',
    severity: 'warning',
    title: 'Tyk OAS is early access in 5.2',
    detail:
      'In 5.2 Tyk OAS is still early access and a later downgrade may not work. Back up the database and export every API and policy first, and go straight to the newest 5.2 patch.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.2.0 <5.3.0',
  },
  {
    id: 'oas-5-3-point-of-no-return',
    severity: 'critical',
    title: 'Point of no return: Tyk OAS definitions are migrated at 5.3.0',
    detail:
      'From 5.3.0 the Dashboard migrates Tyk OAS API definitions when it starts; older versions cannot read the result and the change cannot be undone. Export every API and policy (Tyk Sync or the Tyk backup script) and back up the database first: that backup is your only way back.',
    detailByModel: {
      cloud:
        'From 5.3.0 Tyk OAS API definitions are migrated to a new format that older versions cannot read, and the change cannot be undone. Export every API and policy with the Tyk backup script before the control plane is upgraded: that export is your only way back.',
      'cloud-hybrid':
        'From 5.3.0 Tyk OAS API definitions are migrated to a new format that older versions cannot read, and the change cannot be undone. Export every API and policy with the Tyk backup script before the control plane is upgraded: that export is your only way back.',
      oss: 'From 5.3.0 Tyk OAS API definitions use a format that older versions cannot read, and OAS files in the apps folder are not converted for you. Copy the API and policy files (or save GET /tyk/apis and GET /tyk/policies) first: that copy is your only way back. Then convert file-based OAS definitions yourself.',
    },
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.3.0',
  },
  {
    id: 'python-not-in-image',
    severity: 'warning',
    title: 'The Gateway image no longer ships Python',
    detail:
      'From 5.3.0 the official Gateway image has no Python. If you use Python plugins, build your own image from the Tyk image with Python added and deploy that instead.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.3.0',
    installs: containerInstalls,
  },
  {
    id: 'header-injector-deprecated',
    severity: 'info',
    title: 'header_injector response processor is deprecated',
    detail:
      'From 5.3.0 response_processors.header_injector is deprecated. Move those header rules to global_headers in the API definitions.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.3.0',
  },
  {
    id: 'mongo-go-default-driver',
    severity: 'warning',
    title: 'The Dashboard uses mongo-go and needs MongoDB 5.0 for Tyk OAS',
    detail:
      'From 5.3.0 the Dashboard uses the mongo-go driver by default, and storing Tyk OAS APIs needs MongoDB 5.0 or later. Upgrade MongoDB first; only if you must stay on MongoDB 3.x for now, set the driver to mgo explicitly.',
    component: 'dashboard',
    line: 'gateway',
    introducedIn: '>=5.3.0',
    components: ['dashboard'],
    database: 'mongodb',
  },
  {
    id: 'distroless-images',
    severity: 'warning',
    title: 'The Gateway image has no shell',
    detail:
      'From 5.5.0, and from 5.3.6 on the 5.3 line, the Gateway image is distroless. Anything that runs sh or bash inside the container (exec sessions, shell probes, bundling plugins with the Gateway image) stops working: switch to HTTP probes and run tools from a separate container.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.3.6 <5.4.0 || >=5.5.0',
    installs: containerInstalls,
  },
  {
    id: 'distroless-dashboard-image',
    severity: 'warning',
    title: 'The Dashboard image has no shell',
    detail:
      'From 5.5.0, and from 5.3.6 on the 5.3 line, the Dashboard image is distroless as well: exec sessions and shell probes into the Dashboard container stop working. Use HTTP probes and run tools from a separate container.',
    component: 'dashboard',
    line: 'gateway',
    introducedIn: '>=5.3.6 <5.4.0 || >=5.5.0',
    installs: containerInstalls,
    components: ['dashboard'],
  },
  {
    // Affected: 5.0.4–5.0.12, 5.1.1–5.1.2, 5.2.0–5.2.6 and 5.3.0–5.3.2; fixed in 5.0.13, 5.3.3 and 5.4.0.
    id: 'mdcb-key-replication-fix',
    severity: 'warning',
    title: 'Clear stale custom keys from data-plane Redis',
    detail:
      'Your current version did not pass Dashboard changes to custom keys on to data planes. Once the data-plane Gateways run the fixed version, delete the affected custom keys from each data plane’s Redis so they are fetched again from the control plane.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.0.13 <5.1.0 || >=5.3.3',
    currentIn: '>=5.0.4 <5.0.13 || >=5.1.1 <5.3.3',
    models: dataPlaneModels,
  },
  {
    id: 'rate-limits-multiple-policies',
    severity: 'warning',
    title: 'Rate limits of keys with several policies are recalculated',
    detail:
      'From 5.4.0 the key-level rate limit of a key with several policies is worked out differently, which can change the limit it gets. List such keys and check their effective limits in a test environment before upgrading.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.4.0',
  },
  {
    id: 'dashboard-sqlite-removed',
    severity: 'warning',
    title: 'The Dashboard drops SQLite',
    detail:
      'From 5.7.0 the Dashboard cannot use SQLite. If any environment keeps Dashboard data in SQLite, migrate it to PostgreSQL or MongoDB before upgrading.',
    component: 'dashboard',
    line: 'gateway',
    introducedIn: '>=5.7.0',
    models: dashboardDatabaseModels,
    components: ['dashboard'],
  },
  {
    id: 'external-oauth-oidc-deprecated',
    severity: 'info',
    title: 'External OAuth and OpenID Connect auth are deprecated',
    detail:
      'From 5.7.0 the External OAuth and OpenID Connect authentication methods are deprecated. Plan to move the APIs that use them to JWT authentication.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.7.0',
  },
  {
    id: 'prefer-server-ciphers-deprecated',
    severity: 'info',
    title: 'prefer_server_ciphers no longer has an effect',
    detail:
      'The Dashboard ignores http_server_options.prefer_server_ciphers from 5.7.1 and 5.3.9. Remove it from the Dashboard config so nobody relies on it.',
    component: 'dashboard',
    line: 'gateway',
    introducedIn: '>=5.3.9 <5.4.0 || >=5.7.1',
    models: dashboardDatabaseModels,
    components: ['dashboard'],
  },
  {
    id: 'oas-dotted-paths-mdcb',
    severity: 'warning',
    title: 'Dotted Tyk OAS paths break on data planes with this Dashboard',
    detail:
      'This Dashboard escapes dots in Tyk OAS paths and MDCB 2.8.3 or older decodes them wrongly, which breaks Validate Request and Mock Response on data planes. Pick Dashboard 5.8.5 or 5.9.2 or later instead; otherwise run MDCB 2.8.4 or later and turn on escape_dots_in_oas_paths in both the Dashboard and MDCB.',
    component: 'dashboard',
    line: 'gateway',
    targetIn: '>=5.8.3 <5.8.5 || >=5.9.0 <5.9.2',
    models: ['self-managed-mdcb'],
    components: ['dashboard'],
  },
  {
    id: 'streams-accept-header',
    severity: 'info',
    title: 'The streams API expects an Accept header',
    detail:
      'From 5.9.0 the Dashboard expects an Accept header on GET /api/streams/{apiID}. Add one to any script that calls it.',
    component: 'dashboard',
    line: 'gateway',
    introducedIn: '>=5.9.0',
    models: dashboardDatabaseModels,
    components: ['dashboard'],
  },
  {
    id: 'allow-explicit-policy-id-deprecated',
    severity: 'info',
    title: 'allow_explicit_policy_id is deprecated',
    detail:
      'The allow_explicit_policy_id setting is deprecated from 5.8.9, 5.8.10 and 5.11.0 on. Note where you set it and plan to stop depending on it.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.8.9 <5.9.0 || >=5.11.0',
  },
  {
    id: 'dynamic-mtls-auth-token',
    severity: 'warning',
    title: 'Auth Token with dynamic mTLS now enforces the handshake',
    detail:
      'APIs that combine Auth Token with dynamic mTLS now require the client certificate handshake. Make sure those clients present certificates; allow_unsafe_dynamic_mtls_token restores the old behaviour only as a stopgap.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.8.12 <5.9.0 || >=5.12.0',
  },
  {
    id: 'enable-client-certificate-deprecated',
    severity: 'info',
    title: 'authToken.enableClientCertificate is deprecated',
    detail:
      'From 5.12.0 the Tyk OAS field authentication.securitySchemes.authToken.enableClientCertificate is deprecated. Move those APIs to authentication.certificateAuth.enabled.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.12.0',
  },
  {
    id: 'tls-defaults-changed',
    severity: 'warning',
    title: 'TLS now defaults to 1.2 minimum and 1.3 maximum',
    detail:
      'The Gateway refuses TLS 1.0 and 1.1 by default and offers up to TLS 1.3. Check old clients and upstreams; set http_server_options.max_version to 771 if you must cap at TLS 1.2.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.8.14 <5.9.0 || >=5.13.0',
  },
  {
    id: 'tyk-loop-query-params',
    severity: 'warning',
    title: 'tyk:// loops drop the original query string',
    detail:
      'Internal tyk:// loops no longer forward the caller’s query parameters. Add them to the loop target explicitly where an API needs them.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.8.14 <5.9.0 || >=5.13.0',
  },
  {
    id: 'strict-policy-ids',
    severity: 'warning',
    title: 'Policy IDs are checked strictly',
    detail:
      'From 5.13.0 the Dashboard accepts only a restricted set of characters in policy IDs. Check existing IDs before upgrading; allow_unsafe_policy_ids relaxes the check while you rename them.',
    component: 'dashboard',
    line: 'gateway',
    introducedIn: '>=5.13.0',
    models: dashboardDatabaseModels,
    components: ['dashboard'],
  },
  {
    id: 'mongodb-5-dropped',
    severity: 'warning',
    title: 'MongoDB 5.0 is no longer supported',
    detail:
      'From 5.13.0 the Dashboard supports MongoDB 6.0, 7.0 and 8.0. If you run MongoDB 5.0, upgrade it to 6.0 or later before the Dashboard.',
    component: 'dashboard',
    line: 'gateway',
    introducedIn: '>=5.13.0',
    components: ['dashboard'],
    database: 'mongodb',
  },
  {
    id: 'portal-before-mcp-policies',
    severity: 'warning',
    title: 'Upgrade the Developer Portal with the Dashboard',
    detail:
      'Older Developer Portals list MCP Proxy policies as API products. If you run the Portal, upgrade it to 1.17.3 or later before or with the Dashboard, and before anyone creates an MCP Proxy policy.',
    component: 'dashboard',
    line: 'gateway',
    introducedIn: '>=5.13.0',
    models: dashboardDatabaseModels,
    components: ['dashboard'],
  },
  {
    id: 'gateway-log-format',
    severity: 'warning',
    title: 'Gateway log lines change format',
    detail:
      'Text logs now use RFC3339 timestamps and message= instead of msg=. Update log parsers and alerts, and match start-up checks on "Tyk API Gateway" and the version, not on msg=; set log_format to legacy to keep the old layout.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.8.15 <5.9.0 || >=5.13.1',
  },
  {
    id: 'enforced-timeout-fields-deprecated',
    severity: 'info',
    title: 'Enforced-timeout value and timeout fields are deprecated',
    detail:
      'From 5.14.0 the value and timeout fields of per-endpoint enforced timeouts are deprecated. List the APIs that set them so you can move them to the replacement in the release notes.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.14.0',
  },
  // Helm charts. The input has no chart version, so each chart change is tied to the Gateway
  // versions the compatibility matrix pairs with that chart (2.0.0 from 5.3.5, 3.0 from 5.8.0,
  // 5.2.0 from 5.13.0, which passes 4.0.0).
  {
    id: 'helm-charts-strict-routing',
    severity: 'warning',
    title: 'Newer charts turn on strict URL matching',
    detail:
      'Charts from 2.0.0 (matched to Gateway 5.3.5 and later) set enable_path_prefix_matching, enable_path_suffix_matching and enable_strict_routes to true. If your APIs depend on the looser matching, set them to false in values.yaml before upgrading.',
    component: 'gateway',
    line: 'gateway',
    introducedIn: '>=5.3.5',
    installs: ['helm'],
  },
  {
    id: 'helm-charts-admin-token-view',
    severity: 'info',
    title: 'Newer charts stop admins viewing or resetting tokens',
    detail:
      'Charts from 3.0.0 set security.forbid_admin_view_access_token and security.forbid_admin_reset_access_token to true. Set them to false in values.yaml if admins still need to see or reset access tokens.',
    component: 'dashboard',
    line: 'gateway',
    introducedIn: '>=5.8.0',
    installs: ['helm'],
    components: ['dashboard'],
  },
  {
    id: 'helm-charts-graphql-pump',
    severity: 'info',
    title: 'Newer charts no longer enable the MongoDB GraphQL pump',
    detail:
      'Charts from 4.0.0 leave the MongoDB GraphQL pump off. Turn it on in values.yaml if you use GraphQL analytics.',
    component: 'pump',
    line: 'gateway',
    introducedIn: '>=5.13.0',
    installs: ['helm'],
    components: ['pump'],
  },
  {
    id: 'helm-charts-install-lts',
    severity: 'warning',
    title: 'The charts install the LTS version unless told otherwise',
    detail:
      'Tyk’s charts default to the LTS release of each component. Set the image tags to your target version in values.yaml, or the upgrade leaves you on the LTS release.',
    component: 'gateway',
    line: 'gateway',
    targetIn: '>=5.4.0 <5.8.0 || >=5.9.0 <5.13.0 || >=5.14.0',
    installs: ['helm'],
  },
  // Pump
  {
    id: 'pump-mongo-go-default',
    severity: 'warning',
    title: 'Pump switches to the mongo-go driver',
    detail:
      'Pump 1.9.0 uses the mongo-go driver by default, which needs MongoDB 4 or later. If a Mongo pump writes to an older MongoDB, set its driver to mgo before upgrading.',
    component: 'pump',
    line: 'pump',
    introducedIn: '>=1.9.0',
  },
  {
    id: 'pump-postgres-11-eol',
    severity: 'info',
    title: 'PostgreSQL 11 is end of life for Pump',
    detail:
      'Pump 1.10.0 stops supporting PostgreSQL 11. If a SQL pump writes to PostgreSQL 11, upgrade that database to a tested version.',
    component: 'pump',
    line: 'pump',
    introducedIn: '>=1.10.0',
  },
  {
    id: 'pump-sqlite-removed',
    severity: 'warning',
    title: 'Pump drops SQLite',
    detail:
      'Pump 1.12.0 removes SQLite support. Move any SQLite analytics output to PostgreSQL or MongoDB before upgrading.',
    component: 'pump',
    line: 'pump',
    introducedIn: '>=1.12.0',
  },
  {
    id: 'pump-decode-raw-deprecated',
    severity: 'info',
    title: 'DecodeRawRequest and DecodeRawResponse are deprecated',
    detail:
      'From Pump 1.13.0 the DecodeRawRequest and DecodeRawResponse options are deprecated. Note where pump.conf sets them and plan to remove them.',
    component: 'pump',
    line: 'pump',
    introducedIn: '>=1.13.0',
  },
  {
    id: 'pump-sharded-migration-slow-start',
    severity: 'info',
    title: 'First Pump start can be slow with sharded tables',
    detail:
      'With migrate_sharded_tables set, the first start after the upgrade migrates tables and can take a while. Allow for it in your window and do not restart Pump while it runs.',
    component: 'pump',
    line: 'pump',
    introducedIn: '>=1.13.2',
  },
  {
    id: 'pump-config-strict-start',
    severity: 'warning',
    title: 'Pump now stops on a misconfiguration it used to ignore',
    detail:
      'From Pump 1.14.1 a configuration mistake that was silently ignored makes Pump exit at start-up. Start the new version with your pump.conf in a test environment first and watch the logs after the restart.',
    component: 'pump',
    line: 'pump',
    introducedIn: '>=1.14.1',
  },
  {
    id: 'pump-stdout-json-format',
    severity: 'info',
    title: 'The stdout pump stops escaping control characters',
    detail:
      'From Pump 1.15.0 the stdout pump writes newlines, tabs and carriage returns in JSON unescaped. Update log parsers, or set pumps.stdout.meta.use_legacy_payload_format to keep the old output.',
    component: 'pump',
    line: 'pump',
    introducedIn: '>=1.15.0',
  },
  {
    id: 'pump-mcp-aggregation-off',
    severity: 'warning',
    title: 'Keep MCP aggregation off until everything is upgraded',
    detail:
      'Leave enable_mcp_aggregation set to false on every data-plane Pump during the upgrade. Turn it on and restart the Pumps only once MDCB, the Gateways and the Dashboard all run the new versions; turning it on early loses MCP analytics.',
    component: 'pump',
    line: 'pump',
    introducedIn: '>=1.15.0',
    models: dataPlaneModels,
  },
  {
    id: 'pump-log-format',
    severity: 'warning',
    title: 'Pump log lines change format',
    detail:
      'From Pump 1.16.0 text logs use RFC3339 timestamps and message= instead of msg=. Update log parsers and alerts, or set log_format to legacy.',
    component: 'pump',
    line: 'pump',
    introducedIn: '>=1.16.0',
  },
  // MDCB
  {
    id: 'mdcb-ready-for-5-3',
    severity: 'info',
    title: 'MDCB 2.5 understands 5.3 API definitions',
    detail:
      'MDCB 2.5.0 is the first release that handles Gateway 5.3 API definitions and Redis 7. Finish this MDCB upgrade before any Gateway or Dashboard moves to 5.3.',
    component: 'mdcb',
    line: 'mdcb',
    introducedIn: '>=2.5.0',
  },
  {
    id: 'mdcb-http-port',
    severity: 'info',
    title: 'healthcheck_port becomes http_port',
    detail:
      'From MDCB 2.6.0 http_port (default 8181) replaces the deprecated healthcheck_port. Rename the setting in tyk_sink.conf and keep health checks on that port.',
    component: 'mdcb',
    line: 'mdcb',
    introducedIn: '>=2.6.0',
  },
  {
    id: 'mdcb-liveness-readiness',
    severity: 'info',
    title: 'MDCB gains /liveness and /readiness',
    detail:
      'MDCB 2.7.0 adds /liveness and /readiness on its HTTP port. Point probes and monitoring at them instead of /health.',
    component: 'mdcb',
    line: 'mdcb',
    introducedIn: '>=2.7.0',
  },
  {
    id: 'helm-mdcb-probe-port',
    severity: 'info',
    title: 'Set the MDCB probe port in values.yaml',
    detail:
      'Set mdcb.probes.httpPort in values.yaml (it replaces mdcb.probes.healthcheckPort) and use chart 1.6 or later so the probes call /liveness and /readiness.',
    component: 'mdcb',
    line: 'mdcb',
    introducedIn: '>=2.6.0',
    installs: ['helm'],
  },
  {
    id: 'mdcb-sqlite-removed',
    severity: 'warning',
    title: 'MDCB drops SQLite',
    detail:
      'MDCB 2.8.0 removes SQLite support. Move MDCB storage to MongoDB or PostgreSQL before upgrading.',
    component: 'mdcb',
    line: 'mdcb',
    introducedIn: '>=2.8.0',
  },
  {
    id: 'mdcb-ready-for-mcp',
    severity: 'info',
    title: 'MDCB 2.11 goes first for MCP',
    detail:
      'MDCB 2.11.0 adds what Pump 1.15 and Gateway 5.13 need for MCP. Finish this MDCB upgrade before those components move.',
    component: 'mdcb',
    line: 'mdcb',
    introducedIn: '>=2.11.0',
  },
] as const satisfies readonly AdvisoryEntry[];

/** A companion that must reach a minimum version before the Gateway or Pump target. */
export type CompanionRequirement = {
  readonly id: string;
  readonly severity: Severity;
  readonly companion: 'mdcb' | 'pump';
  readonly minimum: string;
  /** Applies when the Gateway target is in this range, or the Pump target in `pumpTarget`. */
  readonly gatewayTarget: string;
  readonly pumpTarget?: string;
  readonly models: readonly DeploymentModel[];
  readonly title: string;
  readonly detail: string;
  /** The release that brings the requirement in. */
  readonly version: string;
};

export const companionRequirements = [
  {
    id: 'mdcb-2-5-before-gateway-5-3',
    severity: 'critical',
    companion: 'mdcb',
    minimum: '2.5.0',
    gatewayTarget: '>=5.3.0',
    models: ['self-managed-mdcb'],
    title: 'MDCB must be on 2.5.0 or later before Gateway and Dashboard 5.3',
    detail:
      'Data planes cannot use 5.3 API definitions through an older MDCB. Set the MDCB target to 2.5.0 or later and upgrade MDCB before the Dashboard and Gateways.',
    version: '5.3.0',
  },
  {
    id: 'mdcb-2-11-before-mcp',
    severity: 'warning',
    companion: 'mdcb',
    minimum: '2.11.0',
    gatewayTarget: '>=5.13.0',
    pumpTarget: '>=1.15.0',
    models: ['self-managed-mdcb'],
    title: 'MDCB 2.11.0 goes before Pump 1.15 and Gateway 5.13',
    detail:
      'Pump 1.15 and Gateway 5.13 send MCP data that an older MDCB cannot take. Set the MDCB target to 2.11.0 or later and upgrade MDCB first.',
    version: '2.11.0',
  },
] as const satisfies readonly CompanionRequirement[];

// Third-party versions the target is tested with (release notes, "Dependencies"); first matching row wins.
export type ThirdPartyRow = {
  readonly store: 'redis' | 'mongodb' | 'postgres';
  readonly gateway: string;
  readonly versions: string;
};

export const thirdPartyRows = [
  { store: 'redis', gateway: '>=5.0.0 <5.9.0', versions: 'Redis 6.2.x or 7.x' },
  {
    store: 'redis',
    gateway: '>=5.9.0 <5.12.0',
    versions: 'Redis 6.2.x, 7.x, 7.4.x or 8.x up to 8.2',
  },
  { store: 'redis', gateway: '>=5.12.0 <5.13.0', versions: 'Redis 6.2.x up to 8.4' },
  {
    store: 'redis',
    gateway: '>=5.13.0',
    versions: 'Redis 6.2.x up to 8.4, or Valkey 7.2, 8.0 or 8.1',
  },
  { store: 'mongodb', gateway: '>=5.3.0 <5.9.0', versions: 'MongoDB 5.0.x, 6.0.x or 7.0.x' },
  { store: 'mongodb', gateway: '>=5.9.0 <5.13.0', versions: 'MongoDB 5.0, 6.0, 7.0 or 8.0' },
  { store: 'mongodb', gateway: '>=5.13.0', versions: 'MongoDB 6.0.x, 7.0.x or 8.0.x' },
  { store: 'postgres', gateway: '>=5.3.0 <5.3.2', versions: 'PostgreSQL 11 to 15' },
  {
    store: 'postgres',
    gateway: '>=5.3.2 <5.3.11 || >=5.4.0 <5.8.0',
    versions: 'PostgreSQL 12 to 16',
  },
  { store: 'postgres', gateway: '>=5.3.11 <5.4.0 || >=5.8.0', versions: 'PostgreSQL 13 to 17' },
] as const satisfies readonly ThirdPartyRow[];

// Go toolchain for plugins per Gateway version (release notes, "Dependencies"). 5.0.x and 5.2.x are not stated in the
// release notes; their go.mod files say 1.16 and 1.19. For 5.8.13 the docs disagree (1.24 or
// 1.25); the changelog and the Dashboard notes say 1.25, so that is used.
export type GoVersionRow = {
  readonly gateway: string;
  readonly go: string;
};

export const goVersionRows = [
  { gateway: '>=4.3.0 <5.1.0', go: '1.16' },
  { gateway: '>=5.1.0 <5.3.0', go: '1.19' },
  { gateway: '>=5.3.0 <5.3.6 || >=5.4.0 <5.6.0', go: '1.21' },
  { gateway: '>=5.3.6 <5.3.10 || >=5.6.0 <5.8.0', go: '1.22' },
  { gateway: '>=5.3.10 <5.3.13 || >=5.8.0 <5.8.6 || >=5.9.0 <5.10.0', go: '1.23' },
  { gateway: '>=5.3.13 <5.4.0 || >=5.8.6 <5.8.13 || >=5.10.0 <5.12.1', go: '1.24' },
  { gateway: '>=5.8.13 <5.9.0 || >=5.12.1 <5.15.0', go: '1.25' },
] as const satisfies readonly GoVersionRow[];

/**
 * Advisories whose facts come from another catalogue: the releases to avoid, the compatibility
 * matrix, the support windows, the third-party tables and the Go toolchain rows. Each row names the
 * source it is filled from; `{name}` in a text is filled in from that source (`{version}` is the
 * version concerned, `{component}` its label). A row whose source has nothing to say is left out.
 */
export type ComputedAdvisorySource =
  | { readonly kind: 'target-to-avoid'; readonly line: VersionLine }
  | { readonly kind: 'below-recommended'; readonly line: 'pump' | 'mdcb' }
  | { readonly kind: 'target-support'; readonly statuses: readonly SupportStatus[] }
  | { readonly kind: 'current-support'; readonly statuses: readonly SupportStatus[] }
  | { readonly kind: 'tested-versions'; readonly store: ThirdPartyRow['store'] }
  | { readonly kind: 'go-toolchain' };

export type ComputedAdvisoryRow = {
  readonly id: string;
  readonly severity: Severity;
  readonly component: ComponentId;
  readonly source: ComputedAdvisorySource;
  readonly title: string;
  /** Used instead of `title` when the source lacks a value the title names. */
  readonly fallbackTitle?: string;
  readonly detail: string;
  readonly models?: readonly DeploymentModel[];
  /** The model has a Dashboard database of this kind. */
  readonly database?: Database;
  readonly needsGoPlugins?: boolean;
};

const selfRunModels: readonly DeploymentModel[] = [
  'cloud-hybrid',
  'self-managed',
  'self-managed-mdcb',
  'oss',
];

export const computedAdvisoryRows = [
  ...(['gateway', 'pump', 'mdcb'] as const).map(
    (line) =>
      ({
        id: `target-${line}-avoid`,
        severity: 'critical',
        component: line,
        source: { kind: 'target-to-avoid', line },
        title: 'Do not upgrade {component} to {version}',
        detail: '{avoid}',
      }) as const,
  ),
  ...(['pump', 'mdcb'] as const).map(
    (line) =>
      ({
        id: `${line}-below-recommended`,
        severity: 'warning',
        component: line,
        source: { kind: 'below-recommended', line },
        title: '{component} {target} is older than recommended',
        detail:
          '{component} {version} is the version for Gateway {gatewayTarget} in {source}. Set the {component} target to {version} or later.',
      }) as const,
  ),
  {
    id: 'target-version-unsupported',
    severity: 'warning',
    component: 'gateway',
    source: { kind: 'target-support', statuses: ['unsupported'] },
    title: 'The target {version} is out of support',
    detail: '{support}',
  },
  {
    id: 'target-version-unknown',
    severity: 'warning',
    component: 'gateway',
    source: { kind: 'target-support', statuses: ['unknown', 'superseded'] },
    title: 'The support status of {version} is unknown',
    detail: '{support}',
  },
  {
    id: 'target-version-maintenance',
    severity: 'info',
    component: 'gateway',
    source: { kind: 'target-support', statuses: ['maintenance'] },
    title: 'The target {version} gets critical fixes only',
    detail: '{support}',
  },
  {
    id: 'target-version-lts',
    severity: 'info',
    component: 'gateway',
    source: { kind: 'target-support', statuses: ['full-support'] },
    title: 'The target {version} is on a long-term support line',
    detail: '{support}',
  },
  {
    id: 'target-version-latest',
    severity: 'info',
    component: 'gateway',
    source: { kind: 'target-support', statuses: ['latest'] },
    title: 'The target {version} is on the newest line',
    detail: '{support}',
  },
  {
    id: 'current-version-unsupported',
    severity: 'info',
    component: 'gateway',
    source: { kind: 'current-support', statuses: ['unsupported'] },
    title: 'Your current version {version} is out of support',
    detail: '{support} Until the upgrade is done, fixes for it will not come.',
  },
  {
    id: 'redis-versions',
    severity: 'info',
    component: 'gateway',
    source: { kind: 'tested-versions', store: 'redis' },
    title: 'Redis versions for Gateway {version}',
    detail:
      'Gateway {version} is tested with {versions}. Check the Redis your Gateways use and upgrade it first if it is outside that list.',
    models: selfRunModels,
  },
  {
    id: 'mongodb-versions',
    severity: 'info',
    component: 'dashboard',
    source: { kind: 'tested-versions', store: 'mongodb' },
    title: 'MongoDB versions for Dashboard {version}',
    detail:
      'Dashboard {version} is tested with {versions}. Check your MongoDB version and upgrade the database first if it is outside that list.',
    database: 'mongodb',
  },
  {
    id: 'postgres-versions',
    severity: 'info',
    component: 'dashboard',
    source: { kind: 'tested-versions', store: 'postgres' },
    title: 'PostgreSQL versions for Dashboard {version}',
    detail:
      'Dashboard {version} is tested with {versions}. Check your PostgreSQL version and upgrade the database first if it is outside that list.',
    database: 'postgres',
  },
  {
    id: 'go-version-for-plugins',
    severity: 'info',
    component: 'gateway',
    source: { kind: 'go-toolchain' },
    title: 'Build plugins with Go {go}',
    fallbackTitle: 'Go version for plugins on {version}',
    detail:
      '{toolchain} plugins must use exactly the same toolchain, flags and architecture. Build them with the tykio/tyk-plugin-compiler:v{version} image (tykio/tyk-plugin-compiler-fips:v{version} for a FIPS Gateway) rather than a local Go install.',
    needsGoPlugins: true,
  },
] as const satisfies readonly ComputedAdvisoryRow[];
