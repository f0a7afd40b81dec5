// One component instance with its effective settings (env over file), and what those settings say
// about it: a data-plane Gateway or not, and the Redis it connects to.
import { hostAndPort } from './addresses';
import type { InstanceDraft } from './observations';
import type { ComponentInstance, SourcedSetting } from './types';

export type ResolvedInstance = {
  readonly draft: InstanceDraft;
  readonly instance: ComponentInstance;
};

export function setting(resolved: ResolvedInstance, key: string): SourcedSetting | undefined {
  return resolved.instance.settings[key];
}

export function textSetting(resolved: ResolvedInstance, key: string): string | null {
  const value = setting(resolved, key)?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function isDataPlaneGateway(resolved: ResolvedInstance): boolean {
  if (resolved.instance.component !== 'gateway') return false;
  return (
    setting(resolved, 'slave_options.use_rpc')?.value === true ||
    textSetting(resolved, 'policies.policy_source') === 'rpc'
  );
}

type RedisTarget = {
  readonly host: string;
  readonly port: number | null;
  readonly file: string;
  readonly where: string;
};

export function redisOf(resolved: ResolvedInstance): RedisTarget | null {
  const keys = {
    gateway: ['storage.addrs', 'storage.host', 'storage.port'],
    mdcb: ['storage.addrs', 'storage.host', 'storage.port'],
    dashboard: ['redis_addrs', 'redis_host', 'redis_port'],
    pump: [
      'analytics_storage_config.addrs',
      'analytics_storage_config.host',
      'analytics_storage_config.port',
    ],
  } as const;
  const [addrsKey, hostKey, portKey] = keys[resolved.instance.component];
  const addrs = setting(resolved, addrsKey);
  if (addrs !== undefined && Array.isArray(addrs.value) && addrs.value.length > 0) {
    const first = hostAndPort(String(addrs.value[0]));
    if (first !== null)
      return { host: first.host, port: first.port, file: addrs.file, where: addrs.where };
  }
  const host = setting(resolved, hostKey);
  if (host === undefined || typeof host.value !== 'string' || host.value === '') return null;
  const port = setting(resolved, portKey);
  return {
    host: host.value,
    port: typeof port?.value === 'number' ? port.value : null,
    file: host.file,
    where: host.where,
  };
}
