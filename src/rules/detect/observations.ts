// What the readers collect while going through the files: candidate values for each answer (with
// how much each source counts), components with their settings, and the facts the findings read.
// Nothing here decides an answer; resolve.ts does, once every file has been read.
import type { ComponentId, DeploymentModel } from '../types';
import type { SettingSource } from './settings';
import { SecretScrubber } from './text';
import type { Conflict, FileProblem, FileReading, SourcedValue } from './types';

/**
 * How much a source counts when sources disagree: what a running component reports beats what
 * a running container's image says, which beats what a file declares.
 */
export const rank = {
  /** A running component answered: /hello, Redis INFO, the database's own version. */
  reported: 60,
  /** What runs now: docker ps, docker inspect, kubectl, installed packages. */
  running: 50,
  /** What the collector recorded about the machine it ran on. */
  collected: 45,
  /** What a file declares: a compose file, Helm values, a config file. */
  declared: 30,
  /** A related component's setting (the Dashboard's Redis when the Gateway's is the answer). */
  related: 20,
  /** A hint: a chart's app version, a variable's name. */
  hint: 10,
} as const;

export type Candidate = {
  readonly field: string;
  readonly value: string;
  readonly file: string;
  readonly where: string;
  readonly rank: number;
  readonly note?: string;
  /** A value that cannot be an answer (the tag `latest`), reported in a conflict when others exist. */
  readonly isUnresolved?: boolean;
};

/** The models one source is consistent with, and why. */
export type ModelClaim = {
  readonly models: readonly DeploymentModel[];
  readonly file: string;
  readonly where: string;
  readonly reason: string;
};

/** A component as a source describes it; its settings are resolved after all files are read. */
export type InstanceDraft = {
  readonly component: ComponentId;
  readonly label: string;
  readonly file: string;
  /** Settings in the order they were given; env ones win over file ones. */
  readonly sources: SettingSource[];
  /** Where the instance came from, for the binding of loose config files. */
  readonly origin: 'compose' | 'container' | 'kubernetes' | 'helm' | 'standalone';
  /** Compose and Docker port mappings: host port -> container port. */
  readonly ports: { readonly host: number; readonly container: number; readonly where: string }[];
  /** The service, container or Deployment name the plan addresses, once known. */
  workload?: InstanceName;
  namespace?: InstanceName;
  release?: InstanceName;
  /** The host side of the mounted config file. */
  configPath?: InstanceName;
};

export type InstanceName = {
  readonly value: string;
  readonly where: string;
  readonly rank: number;
  readonly note?: string;
};

export type PluginFinding = {
  readonly api: string;
  readonly file: string;
  readonly where: string;
};

export class Observations {
  readonly scrubber = new SecretScrubber();
  readonly candidates: Candidate[] = [];
  readonly conflicts: Conflict[] = [];
  readonly problems: FileProblem[] = [];
  readonly readings: FileReading[] = [];
  readonly instances: InstanceDraft[] = [];
  readonly modelClaims: ModelClaim[] = [];
  readonly components = new Map<ComponentId, SourcedValue>();
  readonly mongoDrivers: SourcedValue[] = [];
  readonly sqlite: SourcedValue[] = [];
  readonly helmReleases: {
    name: string;
    namespace: string;
    chart: string;
    chartVersion: string;
    file: string;
    where: string;
  }[] = [];
  readonly routeMatching: SourcedValue[] = [];
  hasHelmValues = false;
  readonly plugins = {
    definitions: 0,
    goPlugins: [] as PluginFinding[],
    bundles: [] as PluginFinding[],
    python: [] as PluginFinding[],
    pluginFiles: new Set<string>(),
    isPartial: false,
    wasRead: false,
  };

  add(candidate: Candidate): void {
    this.candidates.push(candidate);
  }

  /** Records that a component is part of the deployment (the first source is kept as evidence). */
  addComponent(component: ComponentId, file: string, where: string): void {
    if (!this.components.has(component))
      this.components.set(component, { value: component, file, where });
  }

  claimModel(claim: ModelClaim): void {
    this.modelClaims.push(claim);
  }

  /** A new component instance; `seenAt` is where the file shows it, for the components evidence. */
  addInstance(
    draft: Omit<InstanceDraft, 'sources' | 'ports'> & Partial<InstanceDraft>,
    seenAt: string = draft.label,
  ): InstanceDraft {
    const instance: InstanceDraft = { sources: [], ports: [], ...draft };
    this.instances.push(instance);
    this.addComponent(draft.component, draft.file, seenAt);
    return instance;
  }

  notice(file: string, kind: FileProblem['kind'], message: string, line?: number): void {
    this.problems.push({
      file,
      kind,
      severity: 'notice',
      message,
      ...(line === undefined ? {} : { line }),
    });
  }

  error(file: string, kind: FileProblem['kind'], message: string, line?: number): void {
    this.problems.push({
      file,
      kind,
      severity: 'error',
      message,
      ...(line === undefined ? {} : { line }),
    });
  }
}

/** `line 12, key services.tyk-gateway.image`, `line 3 (TYK_GW_HASHKEYS)`, or what is known. */
export function whereOf(
  line: number | undefined,
  key?: string,
  style: 'key' | 'name' = 'key',
): string {
  const parts: string[] = [];
  if (line !== undefined) parts.push(`line ${line}`);
  if (key !== undefined && key !== '') {
    if (style === 'name') return parts.length > 0 ? `${parts[0]} (${key})` : key;
    parts.push(`key ${key}`);
  }
  return parts.join(', ');
}
