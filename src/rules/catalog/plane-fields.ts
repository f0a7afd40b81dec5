// What the user may say about each self-managed data plane besides its name: where its commands
// run and where its own Redis is. A data plane normally runs in its own cluster or region, so each
// is a site of its own. The names page, `validate`, the link and the field labels read this list.
import type { InstallType, NameKind } from '../types';

export type PlaneFieldId =
  'namespace' | 'release' | 'context' | 'gatewayHost' | 'redisHost' | 'redisPort';

export type PlaneField = {
  readonly id: PlaneFieldId;
  /** How a sentence names the field; `context` is named by installation (kube context, SSH host). */
  readonly label: string;
  readonly kind: NameKind;
  /** Installations that use the field; empty for every one. */
  readonly installs: readonly InstallType[];
  readonly help: string;
};

export const planeFields = [
  {
    id: 'namespace',
    label: 'Kubernetes namespace',
    kind: 'k8s-name',
    installs: ['kubernetes', 'helm'],
    help: 'The namespace the data plane runs in.',
  },
  {
    id: 'release',
    label: 'Helm release name',
    kind: 'k8s-name',
    installs: ['kubernetes', 'helm'],
    help: 'The release of the tyk-data-plane chart.',
  },
  {
    id: 'context',
    label: 'Context',
    kind: 'context',
    installs: [],
    help: 'Leave empty to run its commands where your shell points now.',
  },
  {
    id: 'gatewayHost',
    label: 'Gateway host',
    kind: 'host',
    installs: [],
    help: 'Where the checks reach its Gateway.',
  },
  {
    id: 'redisHost',
    label: 'Redis host',
    kind: 'host',
    installs: [],
    help: 'The data plane’s own Redis, where its Gateways keep their keys. On Kubernetes and Helm, localhost stands for the redis service in its namespace; name another as <service>.<namespace>.svc.',
  },
  {
    id: 'redisPort',
    label: 'Redis port',
    kind: 'port',
    installs: [],
    help: 'The port of that Redis.',
  },
] as const satisfies readonly PlaneField[];

/** The fields in their stored order: links carry them by position, so new ones go last. */
export const planeFieldIds = [
  'namespace',
  'release',
  'gatewayHost',
  'context',
  'redisHost',
  'redisPort',
] as const satisfies readonly PlaneFieldId[];

/** What the context of a data plane is, by how it is installed: the flag its commands carry. */
const contexts: Readonly<Record<InstallType, { readonly label: string; readonly help: string }>> = {
  kubernetes: {
    label: 'Kube context',
    help: 'The kubectl context of its cluster (kubectl config get-contexts); its commands carry --context. Leave empty for the current context.',
  },
  helm: {
    label: 'Kube context',
    help: 'The kubectl context of its cluster (kubectl config get-contexts); its commands carry --context and --kube-context. Leave empty for the current context.',
  },
  docker: {
    label: 'Docker context',
    help: 'The Docker context of its host (docker context ls); its commands carry --context. Leave empty for the current one.',
  },
  'docker-compose': {
    label: 'Docker context',
    help: 'The Docker context of its host (docker context ls); its commands carry --context. Leave empty for the current one.',
  },
  rpm: {
    label: 'SSH host',
    help: 'The host its packages are installed on, as you reach it with ssh; its steps say to run them there. Leave empty if it is this host.',
  },
  deb: {
    label: 'SSH host',
    help: 'The host its packages are installed on, as you reach it with ssh; its steps say to run them there. Leave empty if it is this host.',
  },
};

/** The label of a data plane field for an installation. */
export function planeFieldLabel(field: PlaneField, install: InstallType | null): string {
  return field.id === 'context' && install !== null ? contexts[install].label : field.label;
}

/** The help of a data plane field for an installation. */
export function planeFieldHelp(field: PlaneField, install: InstallType | null): string {
  return field.id === 'context' && install !== null ? contexts[install].help : field.help;
}

/** The data plane fields an installation uses, in the order the names page shows them. */
export function planeFieldsFor(install: InstallType | null): readonly PlaneField[] {
  if (install === null) return [];
  return planeFields.filter(
    (field) =>
      field.installs.length === 0 || (field.installs as readonly string[]).includes(install),
  );
}

export function findPlaneField(id: string): PlaneField | undefined {
  return planeFields.find((field) => field.id === id);
}
