// Where the backups reach the Dashboard database and Redis. Outside a cluster that is the user's
// host and port. Inside one (Helm, Kubernetes manifests) the stores are cluster services, so the
// commands port-forward to the service: the charts' own service unless the user names a
// `<service>.<namespace>.svc` host, and straight to any other host they name (a managed Redis).
import { findDatabase, redisInCluster, type ClusterService } from '../catalog/databases';
import { isClusterInstall } from '../catalog/installs';
import { joinPath, shellQuote as q } from '../shell';
import type { Command, NormalizedInput } from '../types';
import { script } from './commands';
import { kubectlAt, type PlanContext, type Site } from './context';

/** How a command reaches a data store. */
export type StoreEndpoint = {
  /** The host the tools are given: the user's, or localhost at the end of a port-forward. */
  readonly host: string;
  /** The port the tools are given; null where the tool's default applies. */
  readonly port: number | null;
  /** The service a port-forward goes to; null when the tools connect directly. */
  readonly forward: {
    readonly namespace: string;
    readonly service: string;
    readonly port: number;
    /** The kube context of the cluster the store runs in; '' for the current one. */
    readonly context: string;
  } | null;
  /** The store in a few words, for a sentence: "redis.tyk.svc:6379", "localhost". */
  readonly shown: string;
};

const serviceHost =
  /^([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.svc(?:\.cluster\.local)?$/;

/** Tyk's default host, which on a cluster install means "the chart's own service". */
const defaultHost = 'localhost';

function endpoint(
  isCluster: boolean,
  context: string,
  namespace: string,
  typedHost: string,
  typedPort: number | null,
  inCluster: ClusterService,
): StoreEndpoint {
  const direct = (): StoreEndpoint => ({
    host: typedHost,
    port: typedPort,
    forward: null,
    shown: typedPort === null ? typedHost : `${typedHost}:${typedPort}`,
  });
  if (!isCluster) return direct();
  const named = serviceHost.exec(typedHost);
  if (typedHost !== defaultHost && named === null) return direct();
  const service = named?.[1] ?? inCluster.service;
  const serviceNamespace = named?.[2] ?? namespace;
  const port = typedPort ?? inCluster.port;
  return {
    host: 'localhost',
    port,
    forward: { namespace: serviceNamespace, service, port, context },
    shown: `${service}.${serviceNamespace}.svc:${port}`,
  };
}

/** The Redis of one site: the control plane's or the whole stack's, or a data plane's own. */
export function redisEndpoint(ctx: PlanContext, site: Site): StoreEndpoint {
  return endpoint(
    isClusterInstall(ctx.input.install),
    site.context,
    site.namespace,
    site.redisHost,
    site.redisPort,
    redisInCluster,
  );
}

/** One Redis of the deployment and where its snapshot goes. */
export type RedisSite = {
  readonly site: Site;
  readonly store: StoreEndpoint;
  /** The snapshot file, in the site's backup folder. */
  readonly snapshot: string;
};

/**
 * Every Redis the deployment runs: the control plane's (or the whole stack's) and each data
 * plane's own, since a data plane's Gateways keep their keys in a Redis beside them. None on Tyk
 * Cloud, where Tyk runs them.
 */
export function redisSites(ctx: PlanContext): readonly RedisSite[] {
  if (ctx.input.model === 'cloud') return [];
  return ctx.sites.map(({ site }) => ({
    site,
    store: redisEndpoint(ctx, site),
    snapshot: joinPath(site.backupDir, 'redis-dump.rdb'),
  }));
}

/** The id and words of one Redis's steps: the only or main one keeps the plain id. */
export function redisStepNaming(
  ctx: PlanContext,
  site: Site,
): { readonly idPrefix: string; readonly which: string } {
  const isOnly = ctx.sites.length === 1;
  if (site.planeName === null || isOnly) {
    return {
      idPrefix: '',
      which:
        site.plane === 'control'
          ? 'the control plane Redis'
          : site.plane === 'data'
            ? 'the data plane Redis'
            : 'Redis',
    };
  }
  return { idPrefix: site.idPrefix, which: `the Redis of data plane ${site.planeName}` };
}

/**
 * The Dashboard database, or null where the deployment has none of its own. It runs with the
 * Dashboard, in the namespace of the control plane or the whole stack.
 */
export function databaseEndpoint(input: NormalizedInput): StoreEndpoint | null {
  if (input.database === null) return null;
  return endpoint(
    isClusterInstall(input.install),
    '',
    input.names.namespace,
    input.names.databaseHost,
    null,
    findDatabase(input.database).inCluster,
  );
}

/** redis-cli against a store, with its host and port flags. */
export function redisCli(host: string, port: number | null): string {
  return `redis-cli -h ${host}${port === null ? '' : ` -p ${port}`}`;
}

/**
 * One block of lines run against a store, inside a port-forward when it runs in the cluster. The
 * lines receive the host and port flags' values, already quoted.
 */
export function onStore(
  store: StoreEndpoint,
  lines: (host: string, port: number | null) => readonly string[],
  label?: string,
): Command {
  if (store.forward === null) return script(lines(q(store.host), store.port), label);
  const { namespace, service, port, context } = store.forward;
  return script(
    [
      `${kubectlAt({ namespace, context })} port-forward ${q(`svc/${service}`)} ${port}:${port} >/dev/null &`,
      'sleep 3',
      ...lines('localhost', port),
      'kill "$!"',
    ],
    label,
  );
}

/** A sentence that says where a store is reached, for a step's detail. */
export function whereStoreIs(what: string, store: StoreEndpoint): string {
  return store.forward === null
    ? ''
    : ` ${what} runs in the cluster${store.forward.context === '' ? '' : ` of kube context ${store.forward.context}`} as ${store.shown}; the commands port-forward to it (kubectl exec into its pod works as well).`;
}
