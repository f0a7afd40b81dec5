// Risks in the deployment's own configuration (config-risks.md §2, facts §10.4-10.5), as data:
// each row says which targets it concerns, what it reads, when it applies, what to do and where
// the fact comes from.
import { satisfiesRange } from '../versions';
import {
  capitalise,
  isDataPlane,
  list,
  mongoVersion,
  settingOf,
  storeTrigger,
  testedText,
  testedValkey,
  where,
} from './finding-facts';
import type { FindingRow } from './finding-types';
import { deprecatedCharts } from './helm';
import { looseVersion } from './images';

const mgoVersion = '<5.0.0';

export const findingRows = [
  {
    id: 'hash-keys-mismatch',
    severity: 'critical',
    title: 'Gateway and Dashboard hash keys differently',
    targets: '*',
    reads:
      'tyk.conf hash_keys and hash_key_function (TYK_GW_HASHKEYS, TYK_GW_HASHKEYFUNCTION); tyk_analytics.conf hash_keys (TYK_DB_HASHKEYS); tyk_sink.conf hash_keys (TYK_MDCB_HASHKEYS)',
    condition:
      'two components set hash_keys to different values, or two Gateways set different hash_key_function values',
    action:
      'Mixing hashed and unhashed keys, or changing the hash function, makes every existing key stop working. Make hash_keys and hash_key_function the same everywhere before the upgrade, and change neither during it.',
    source: 'config-risks.md §2; Tyk docs "key hashing"; tyk issues #1603 and #5558',
    when: ({ facts }) => {
      const hashed = facts.instances.flatMap((instance) => {
        const value = instance.settings['hash_keys']?.value;
        const shown = settingOf(instance, 'hash_keys');
        return typeof value === 'boolean' && shown !== null ? [{ value, shown, instance }] : [];
      });
      const functions = facts.instances.flatMap((instance) => {
        const value = instance.settings['hash_key_function']?.value;
        const shown = settingOf(instance, 'hash_key_function');
        return typeof value === 'string' && value !== '' && shown !== null
          ? [{ value, shown }]
          : [];
      });
      const hashMismatch = new Set(hashed.map((item) => item.value)).size > 1;
      const functionMismatch = new Set(functions.map((item) => item.value)).size > 1;
      if (!hashMismatch && !functionMismatch) return null;
      const evidence = [
        ...(hashMismatch ? hashed.map((item) => item.shown) : []),
        ...(functionMismatch ? functions.map((item) => item.shown) : []),
      ];
      return {
        evidence,
        specifics: `${list(evidence.map((item) => `${item.value} in ${where(item)}`))}.`,
      };
    },
  },
  {
    id: 'mgo-driver-newer-mongodb',
    severity: 'critical',
    title: 'The mgo driver cannot use this MongoDB',
    targets: '*',
    reads:
      'tyk_analytics.conf mongo_driver (TYK_DB_MONGODRIVER), pump.conf pumps.<name>.meta.driver, tyk_sink.conf analytics.driver; the MongoDB version',
    condition: 'a component uses the mgo driver and MongoDB is 5.0 or newer',
    action:
      'mgo works with MongoDB up to 4.4 only. Switch to the mongo-go driver (Dashboard 5.0.2, Pump 1.8.0 and MDCB 2.2 or later accept it) and test it before anything else changes.',
    source: 'config-risks.md §2; tyk-pump pumps/mongo.go; Tyk docs PRs #2553 and #2881',
    when: ({ facts }) => {
      const mgo = facts.database.mongoDrivers.filter((driver) => driver.value === 'mgo');
      const version = mongoVersion(facts);
      if (mgo.length === 0 || version === null || satisfiesRange(version.semver, mgoVersion))
        return null;
      return {
        evidence: [...mgo, version.source],
        specifics: `The mgo driver is set in ${list(mgo.map(where))}, and MongoDB is ${version.shown} (${where(version.source)}).`,
      };
    },
  },
  {
    id: 'mgo-driver',
    severity: 'warning',
    title: 'The mgo driver is in use',
    targets: '>=5.3.0',
    reads:
      'tyk_analytics.conf mongo_driver (TYK_DB_MONGODRIVER), pump.conf pumps.<name>.meta.driver, tyk_sink.conf analytics.driver',
    condition: 'a component uses the mgo driver and the target is 5.3.0 or later',
    action:
      'Dashboard 5.3 and later are tested with MongoDB 5.0 and later, which mgo cannot use, and mongo-go is their default. Move the Dashboard, Pump and MDCB to mongo-go and test it before the upgrade, then upgrade MongoDB if it is older than the target supports.',
    source: 'config-risks.md §2; release notes Dashboard 5.0.2 and 5.3.0, Pump 1.9.0',
    when: ({ facts }) => {
      const mgo = facts.database.mongoDrivers.filter((driver) => driver.value === 'mgo');
      if (mgo.length === 0) return null;
      return { evidence: mgo, specifics: `The mgo driver is set in ${list(mgo.map(where))}.` };
    },
  },
  {
    id: 'mongodb-untested',
    severity: 'warning',
    title: 'MongoDB is outside what the target is tested with',
    targets: '>=5.3.0',
    reads: 'the MongoDB version (mongosh db.version(), the mongo image tag)',
    condition: 'the MongoDB version is outside the tested versions for the target',
    action:
      'Upgrade MongoDB to a tested version before the Tyk upgrade (back it up first), or choose a target that is tested with the MongoDB you run.',
    source: 'facts §10.5; Dashboard release notes, compatibility tables',
    when: ({ facts, target }) => storeTrigger('mongodb', facts, target),
  },
  {
    id: 'postgres-untested',
    severity: 'warning',
    title: 'PostgreSQL is outside what the target is tested with',
    targets: '>=5.3.0',
    reads: 'the PostgreSQL version (SHOW server_version, the postgres image tag)',
    condition: 'the PostgreSQL version is outside the tested versions for the target',
    action:
      'Upgrade PostgreSQL to a tested version before the Tyk upgrade (back it up first), or choose a target that is tested with the PostgreSQL you run.',
    source: 'facts §10.5; Dashboard release notes, compatibility tables',
    when: ({ facts, target }) => storeTrigger('postgres', facts, target),
  },
  {
    id: 'redis-untested',
    severity: 'warning',
    title: 'Redis is outside what the target is tested with',
    targets: '>=5.0.0',
    reads: 'Redis INFO server (redis_version, valkey_version), the redis image tag',
    condition: 'the Redis (or Valkey) version is outside the tested versions for the target',
    action:
      'Upgrade Redis to a tested version first (after a BGSAVE backup), or choose a target that is tested with the Redis you run.',
    source: 'facts §10.5; Gateway release notes, Redis version tables',
    when: ({ facts, target }) => {
      if (target === null) return null;
      const valkey = facts.redis.valkeyVersion;
      if (valkey !== undefined) {
        const version = looseVersion(valkey.value);
        if (version === null) return null;
        const isTested =
          satisfiesRange(target, testedValkey.gateway) &&
          satisfiesRange(version.semver, testedValkey.tested);
        return isTested
          ? null
          : {
              evidence: [valkey],
              specifics: `Valkey ${version.shown} runs (${where(valkey)}); Gateway ${target} is tested with ${testedText('redis', target)}.`,
            };
      }
      return storeTrigger('redis', facts, target);
    },
  },
  {
    id: 'redis7-cluster-old-gateway',
    severity: 'critical',
    title: 'Redis 7 in cluster mode with Gateways older than 5.3.0',
    targets: '*',
    reads:
      'tyk.conf storage.enable_cluster (TYK_GW_STORAGE_ENABLECLUSTER) or Redis INFO redis_mode; the Redis version; the Gateway version',
    condition:
      'Redis is 7 or newer in cluster mode, and the current or the target Gateway is older than 5.3.0',
    action:
      'Gateways before 5.3.0 are built with go-redis v8, which fails on Redis 7 in cluster mode ("got 4 elements in cluster info address, expected 2 or 3"). Keep Redis on 6.2 until every Gateway runs 5.3.0 or later, and move Redis to 7 only after that.',
    source: 'config-risks.md §2; tyk issue #4988; Gateway 5.3.0 release notes (go-redis v9)',
    when: ({ facts, current, target }) => {
      const mode = facts.redis.mode;
      const redis = facts.redis.version;
      if (mode?.value !== 'cluster' || redis === undefined) return null;
      const version = looseVersion(redis.value);
      if (version === null || !satisfiesRange(version.semver, '>=7.0.0')) return null;
      const old = [current, target].filter(
        (gateway): gateway is string => gateway !== null && satisfiesRange(gateway, '<5.3.0'),
      );
      if (old.length === 0) return null;
      return {
        evidence: [mode, redis],
        specifics: `Redis ${version.shown} runs in cluster mode (${where(mode)}), and the Gateway ${current !== null && satisfiesRange(current, '<5.3.0') ? `runs ${current}` : `target is ${target ?? ''}`}.`,
      };
    },
  },
  {
    id: 'python-plugins-no-python',
    severity: 'critical',
    title: 'Python plugins, and the target image has no Python',
    targets: '>=5.3.0',
    reads:
      'API definitions custom_middleware.driver python (or Tyk OAS pluginConfig.driver python); tyk.conf coprocess_options.python_path_prefix / python_version',
    condition:
      'Python plugins are in use, the current Gateway is older than 5.3.0 (or unknown) and the target is 5.3.0 or later',
    action:
      'From Gateway 5.3.0 the official image has no Python, so Python plugins stop loading. Build your own Gateway image with Python from the target image and test the plugins on it before the upgrade, or move the plugins to Go or gRPC.',
    source: 'config-risks.md §2; Gateway 5.3.0 release notes (breaking changes)',
    when: ({ facts, current }) => {
      if (current !== null && satisfiesRange(current, '>=5.3.0')) return null;
      const apis = facts.plugins?.python ?? [];
      const settings = facts.instances
        .filter((instance) => instance.component === 'gateway')
        .flatMap((instance) =>
          ['coprocess_options.python_path_prefix', 'coprocess_options.python_version'].flatMap(
            (key) => {
              const value = instance.settings[key]?.value;
              const shown = settingOf(instance, key);
              return typeof value === 'string' && value !== '' && shown !== null ? [shown] : [];
            },
          ),
        );
      if (apis.length === 0 && settings.length === 0) return null;
      const parts = [
        ...(apis.length > 0
          ? [
              `${list(apis.map((api) => api.value))} load${apis.length === 1 ? 's' : ''} Python plugins`,
            ]
          : []),
        ...(settings.length > 0
          ? [`the Gateway is set up for Python (${list(settings.map(where))})`]
          : []),
      ];
      return { evidence: [...apis, ...settings], specifics: `${capitalise(list(parts))}.` };
    },
  },
  {
    id: 'sqlite-removed',
    severity: 'critical',
    title: 'SQLite storage, which the target removed',
    targets: '>=5.7.0',
    reads:
      'tyk_analytics.conf storage.main.type (TYK_DB_STORAGE_MAIN_TYPE); pump.conf pumps.<name>.meta.type; tyk_sink.conf analytics.type',
    condition: 'a component stores data in SQLite and the target is 5.7.0 or later',
    action:
      'Dashboard 5.7.0 removed SQLite (and Pump 1.12.0 and MDCB 2.8.0 with it). Move the data to PostgreSQL or MongoDB and switch the components to it before the upgrade.',
    source: 'config-risks.md §2; Dashboard 5.7.0, Pump 1.12.0 and MDCB 2.8.0 release notes',
    when: ({ facts }) =>
      facts.database.sqlite.length === 0
        ? null
        : {
            evidence: facts.database.sqlite,
            specifics: `SQLite is used: ${list(facts.database.sqlite.map((item) => `${item.value} (${where(item)})`))}.`,
          },
  },
  {
    id: 'data-plane-on-self-managed',
    severity: 'warning',
    title: 'A data-plane Gateway, while the model answered is Self-Managed',
    targets: '*',
    reads:
      'tyk.conf slave_options.use_rpc (TYK_GW_SLAVEOPTIONS_USERPC), policies.policy_source rpc',
    condition:
      'a Gateway connects to MDCB or Tyk Cloud over RPC and the answers say Tyk Self-Managed without MDCB',
    action:
      'A data-plane Gateway belongs to Tyk Self-Managed with MDCB or to Tyk Cloud Hybrid: choose that model, so the plan upgrades the control plane first and the data planes after it.',
    source: 'config-risks.md §2; tyk config/config.go SlaveOptionsConfig',
    when: ({ facts, answered }) => {
      if (answered.model !== 'self-managed') return null;
      const planes = facts.instances.filter(isDataPlane);
      if (planes.length === 0) return null;
      const evidence = planes.flatMap(
        (instance) =>
          settingOf(instance, 'slave_options.use_rpc') ??
          settingOf(instance, 'policies.policy_source') ??
          [],
      );
      return {
        evidence,
        specifics: `${list(planes.map((instance) => instance.label))} ${planes.length === 1 ? 'is a data-plane Gateway' : 'are data-plane Gateways'}.`,
      };
    },
  },
  {
    id: 'go-plugins-not-answered',
    severity: 'critical',
    title: 'API definitions load Go plugins, while the answers say none',
    targets: '*',
    reads:
      'API definitions custom_middleware.driver goplugin, custom_middleware_bundle, Tyk OAS x-tyk-api-gateway.middleware.global.pluginConfig',
    condition: 'API definitions load Go plugins and the answers say Go plugins are not in use',
    action:
      'Go plugins must be rebuilt for every Gateway version; a plugin that fails to load can leave its API serving without its auth plugin. Answer that Go plugins are in use, so the plan rebuilds them and checks a protected route after the upgrade.',
    source: 'config-risks.md §2; tyk issues #4469 and #3355',
    when: ({ facts, answered }) => {
      if (answered.usesGoPlugins !== false) return null;
      const apis = facts.plugins?.goPlugins ?? [];
      if (apis.length === 0) return null;
      return {
        evidence: apis,
        specifics: `${list(apis.slice(0, 5).map((api) => api.value))}${apis.length > 5 ? ` and ${apis.length - 5} more` : ''} load Go plugins.`,
      };
    },
  },
  {
    id: 'plugin-bundle-driver-unknown',
    severity: 'info',
    title: 'Plugin bundles whose driver only their manifest says',
    targets: '*',
    reads: 'API definitions custom_middleware_bundle with no driver in the definition',
    condition: 'API definitions load a bundle and name no driver',
    action:
      'Open each bundle’s manifest.json: a custom_middleware.driver of goplugin means the bundle holds Go plugins, which need a build for the target version.',
    source: 'facts §7.5 (bundles); config-risks.md §2',
    when: ({ facts }) => {
      const bundles = facts.plugins?.bundles ?? [];
      if (bundles.length === 0 || (facts.plugins?.goPlugins.length ?? 0) > 0) return null;
      return {
        evidence: bundles,
        specifics: `${list(bundles.slice(0, 5).map((api) => api.value))} load a plugin bundle.`,
      };
    },
  },
  {
    id: 'chart-2-strict-routes',
    severity: 'warning',
    title: 'Charts 2.0 turn on strict route matching',
    targets: '*',
    reads:
      'helm list chart versions; values tyk-gateway.gateway.enablePathPrefixMatching, enablePathSuffixMatching, enableStrictRoutes',
    condition:
      'a release runs a chart older than 2.0.0 (or a deprecated chart) and the values do not set the three route-matching keys',
    action:
      'Tyk Charts 2.0.0 and later set enablePathPrefixMatching, enablePathSuffixMatching and enableStrictRoutes to true, while the Gateway defaults them to false: routes that matched before may stop matching after the chart upgrade. Set the three to false in your values to keep today’s matching, or test every API with the new matching first.',
    source: 'facts §3 (Helm chart gotchas); tyk-docs PRs #5459 and #5329; tyk-charts PR #319',
    when: ({ facts }) => {
      const old = facts.helm.releases.filter(
        (release) =>
          deprecatedCharts.includes(release.chart) ||
          satisfiesRange(release.chartVersion, '<2.0.0'),
      );
      if (old.length === 0 || facts.helm.routeMatching.length === 3) return null;
      const evidence = old.map((release) => ({
        value: `${release.name}: ${release.chart} ${release.chartVersion}`,
        file: release.file,
        where: release.where,
      }));
      return {
        evidence: [...evidence, ...facts.helm.routeMatching],
        specifics: `${list(evidence.map((item) => item.value))} ${old.length === 1 ? 'runs' : 'run'} a chart from before 2.0.0${facts.helm.hasValues ? ', and the values do not set all three route-matching keys' : ''}.`,
      };
    },
  },
  {
    id: 'deprecated-helm-chart',
    severity: 'info',
    title: 'A deprecated Helm chart',
    targets: '*',
    reads: 'helm list chart names',
    condition: 'a release runs tyk-pro, tyk-hybrid or tyk-headless',
    action:
      'The tyk-helm-chart charts are deprecated: tyk-pro became tyk-stack, tyk-hybrid became tyk-data-plane and tyk-headless became tyk-oss. Their values have no mapping to the new charts, so move the release by cross-checking each setting.',
    source: 'facts §3; config-risks.md §1 (tyk-charts PR #104, tyk-docs PR #4076)',
    when: ({ facts }) => {
      const old = facts.helm.releases.filter((release) => deprecatedCharts.includes(release.chart));
      if (old.length === 0) return null;
      const evidence = old.map((release) => ({
        value: `${release.name}: ${release.chart}`,
        file: release.file,
        where: release.where,
      }));
      return { evidence, specifics: `${list(evidence.map((item) => item.value))}.` };
    },
  },
] as const satisfies readonly FindingRow[];
