// The databases a Self-Managed Dashboard can keep its data in.
import type { Database } from '../types';

/** A service inside the cluster, as the Tyk charts' values name it (config-risks.md §1). */
export type ClusterService = { readonly service: string; readonly port: number };

export type DatabaseEntry = {
  readonly id: Database;
  readonly label: string;
  /** Where the database runs inside a Helm or Kubernetes install unless the user names a host. */
  readonly inCluster: ClusterService;
};

// tyk-charts values: global.mongo.mongoURL mongodb://mongo.<namespace>.svc:27017, and
// global.postgres.host tyk-postgres-postgresql.<namespace>.svc on port 5432.
export const databases = [
  { id: 'mongodb', label: 'MongoDB', inCluster: { service: 'mongo', port: 27017 } },
  {
    id: 'postgres',
    label: 'PostgreSQL',
    inCluster: { service: 'tyk-postgres-postgresql', port: 5432 },
  },
] as const satisfies readonly DatabaseEntry[];

/** tyk-charts values: global.redis.addrs redis.<namespace>.svc:6379. */
export const redisInCluster: ClusterService = { service: 'redis', port: 6379 };

export function findDatabase(id: Database): DatabaseEntry {
  return databases.find((entry) => entry.id === id) ?? databases[0];
}

export const databaseIds: readonly Database[] = databases.map((entry) => entry.id);

export function databaseLabel(id: Database): string {
  return databases.find((entry) => entry.id === id)?.label ?? id;
}
