// What reading a deployment's own files gives back: proposed answers in the shape of the plan's
// input, where each came from, where the files disagree, and what could not be read.
import type {
  Architecture,
  ComponentId,
  Database,
  DeploymentModel,
  FieldMessage,
  InstallType,
  Names,
  Severity,
  Strategy,
} from '../types';

/** One file handed to the reader. The name is only used in messages and to match `env_file` entries. */
export type InputFile = {
  readonly name: string;
  readonly text: string;
};

/** What a file turned out to be, from its content. */
export type FileKind =
  | 'compose'
  | 'env'
  | 'gateway-config'
  | 'dashboard-config'
  | 'pump-config'
  | 'mdcb-config'
  | 'docker-inspect'
  | 'docker-ps'
  | 'compose-images'
  | 'compose-ps'
  | 'kubectl'
  | 'helm-list'
  | 'helm-values'
  | 'hello'
  | 'api-definitions'
  | 'redis-info'
  | 'packages'
  | 'database-version'
  | 'plugin-summary'
  | 'collector';

/** The image repository each component runs, without the tag (`tykio/tyk-gateway-ee`). */
export type DetectedImages = Partial<Record<ComponentId, string>>;

/** Where a Docker Compose stack sets what the plan edits. */
export type DetectedCompose = {
  /** The `.env` variable that sets each component's image tag (`GATEWAY_VERSION`). */
  readonly tagVariables?: Partial<Record<ComponentId, string>>;
  /** The `env_file` that configures each component, as the compose file writes it. */
  readonly envFiles?: Partial<Record<ComponentId, string>>;
  /** The host side of the mounted config file of each component. */
  readonly configFiles?: Partial<Record<ComponentId, string>>;
};

export type DetectedRedis = {
  readonly version?: string;
  readonly isCluster?: boolean;
  readonly isSentinel?: boolean;
  /** Valkey answers INFO with its own version next to a Redis-compatible one. */
  readonly valkeyVersion?: string;
};

/** A data plane seen in the files: a data-plane Gateway (use_rpc) or a tyk-data-plane release. */
export type DetectedDataPlane = {
  readonly name: string;
  readonly namespace?: string;
  readonly release?: string;
  /** The data plane's own Redis, as its Gateway is configured. */
  readonly redisHost?: string;
  readonly redisPort?: number;
};

/**
 * Proposed answers in the shape of `PlanInput`, holding only what the files showed. The last
 * five keys are answers the wizard is adding; `validate` ignores them until then.
 */
export type DetectedAnswers = {
  readonly model?: DeploymentModel;
  readonly install?: InstallType;
  readonly components?: readonly ComponentId[];
  readonly usesGoPlugins?: boolean;
  readonly database?: Database;
  readonly dataPlanes?: readonly DetectedDataPlane[];
  readonly gateway?: { readonly from: string };
  readonly pump?: { readonly from: string };
  readonly mdcb?: { readonly from: string };
  readonly strategy?: Strategy;
  readonly names?: Partial<Names>;
  readonly images?: DetectedImages;
  readonly compose?: DetectedCompose;
  readonly redis?: DetectedRedis;
  readonly architecture?: Architecture;
  readonly fips?: boolean;
};

/** Why one proposed answer has its value: the file and the line or key it was read from. */
export type Evidence = {
  /** The answer's path: `gateway.from`, `names.redisHost`, `images.gateway`, `components`. */
  readonly field: string;
  readonly value: string;
  readonly file: string;
  /** `line 12`, `key services.tyk-gateway.image`, or both. */
  readonly where: string;
  readonly note?: string;
};

/** A value as one source gave it. */
export type SourcedValue = {
  readonly value: string;
  readonly file: string;
  readonly where: string;
};

/** Sources that disagree about one answer, and what was proposed (null: nothing, you choose). */
export type Conflict = {
  readonly field: string;
  readonly values: readonly SourcedValue[];
  readonly chosen: string | null;
  readonly message: string;
};

export type FileProblemKind =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'truncated'
  | 'invalid-json'
  | 'invalid-yaml'
  | 'invalid-env'
  | 'unknown-kind'
  | 'secrets'
  | 'unused'
  | 'too-many-files';

/**
 * Something about one file. `error`: the file was not read. `notice`: it was read, and this is
 * worth knowing (it holds secrets, it was cut short after what was read, nothing in it was used).
 */
export type FileProblem = {
  readonly file: string;
  readonly kind: FileProblemKind;
  readonly severity: 'error' | 'notice';
  readonly line?: number;
  readonly message: string;
};

/** What a file was read as; `label` names the part of a collector document it came from. */
export type FileReading = {
  readonly file: string;
  readonly kind: FileKind;
  readonly summary: string;
};

/** A setting as the component uses it after environment overrides, with where it came from. */
export type SettingValue = string | number | boolean | readonly string[];

export type SourcedSetting = {
  readonly value: SettingValue;
  readonly file: string;
  readonly where: string;
};

/** One running or configured component: a compose service, a container, a Deployment, a config file. */
export type ComponentInstance = {
  readonly component: ComponentId;
  /** The service, container or Deployment name, or the config file when there is nothing else. */
  readonly label: string;
  readonly settings: Readonly<Record<string, SourcedSetting>>;
};

/** Plugin use found in API definitions. */
export type PluginUse = {
  readonly definitions: number;
  /** APIs that load a Go plugin, by name or id. */
  readonly goPlugins: readonly SourcedValue[];
  /** APIs that load a plugin bundle whose driver only its manifest names. */
  readonly bundles: readonly SourcedValue[];
  readonly python: readonly SourcedValue[];
  /** Plugin files referenced (`CustomGoPlugin.so`). */
  readonly pluginFiles: readonly string[];
  /** The export holds only part of the APIs (a page of the Dashboard's answer). */
  readonly isPartial: boolean;
};

export type DatabaseFacts = {
  readonly kind?: SourcedValue;
  readonly version?: SourcedValue;
  /** `mgo` or `mongo-go`, wherever a Dashboard, Pump or MDCB sets it. */
  readonly mongoDrivers: readonly SourcedValue[];
  /** SQLite storage anywhere (Dashboard, Pump, MDCB). */
  readonly sqlite: readonly SourcedValue[];
};

export type HelmFacts = {
  /** Chart name and version of each release (`tyk-stack`, `1.3.0`). */
  readonly releases: readonly {
    readonly name: string;
    readonly namespace: string;
    readonly chart: string;
    readonly chartVersion: string;
    readonly file: string;
    readonly where: string;
  }[];
  /** Route-matching values a values file sets explicitly (`enableStrictRoutes`). */
  readonly routeMatching: readonly SourcedValue[];
  /** A values file was read. */
  readonly hasValues: boolean;
};

/** Everything read, before it became answers: what the findings look at. */
export type DeploymentFacts = {
  readonly instances: readonly ComponentInstance[];
  readonly versions: Partial<Record<ComponentId, SourcedValue>>;
  readonly redis: {
    readonly version?: SourcedValue;
    readonly valkeyVersion?: SourcedValue;
    readonly mode?: SourcedValue;
  };
  readonly database: DatabaseFacts;
  readonly plugins: PluginUse | null;
  readonly helm: HelmFacts;
};

export type DetectedDeployment = {
  readonly ok: true;
  readonly answers: DetectedAnswers;
  readonly evidence: readonly Evidence[];
  readonly conflicts: readonly Conflict[];
  readonly findings: readonly Finding[];
  readonly problems: readonly FileProblem[];
  readonly readings: readonly FileReading[];
  readonly facts: DeploymentFacts;
};

export type DetectResult =
  | DetectedDeployment
  | {
      readonly ok: false;
      /** One message per file that could not be read, named by the file. */
      readonly errors: readonly FieldMessage[];
      readonly problems: readonly FileProblem[];
    };

/** A risk found in the deployment's own configuration. */
export type Finding = {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly detail: string;
  readonly source: string;
  readonly evidence: readonly SourcedValue[];
};

/** The answers the user gave, to compare with what the files show. */
export type AnsweredContext = {
  readonly model?: DeploymentModel;
  readonly usesGoPlugins?: boolean;
};
