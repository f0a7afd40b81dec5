// The domain of the upgrade planner. Plain, readonly data only: the UI, the printed runbook,
// the exports and the CLI all render these shapes.
import type { EstimateAnswers } from './estimate/types';

export type DeploymentModel =
  'cloud' | 'cloud-hybrid' | 'self-managed' | 'self-managed-mdcb' | 'oss';
export type InstallType = 'docker' | 'docker-compose' | 'kubernetes' | 'helm' | 'rpm' | 'deb';
export type ComponentId = 'gateway' | 'dashboard' | 'pump' | 'mdcb';
export type StepComponent = ComponentId | 'go-plugins';
export type Database = 'mongodb' | 'postgres';
export type Strategy = 'rolling' | 'blue-green' | 'downtime';
export type Plane = 'control' | 'data';
/** The CPU architecture of the Gateway hosts, which Go plugin builds must match. */
export type Architecture = 'amd64' | 'arm64';

// The catalogue's entries (src/rules/catalog/): what each model, installation and component is.

export type HelmChart = 'tyk-oss' | 'tyk-stack' | 'tyk-control-plane' | 'tyk-data-plane';

export type ModelEntry = {
  readonly id: DeploymentModel;
  readonly label: string;
  readonly description: string;
  /** Installation types the user manages; empty for Tyk Cloud SaaS (Tyk runs everything). */
  readonly installs: readonly InstallType[];
  readonly requiredComponents: readonly ComponentId[];
  readonly optionalComponents: readonly ComponentId[];
  /** The user runs a Dashboard and therefore its MongoDB or PostgreSQL. */
  readonly hasDatabase: boolean;
  /** The user names one or more data planes. */
  readonly hasDataPlanes: boolean;
  /** The Helm chart of the control plane or the whole stack, where Helm applies. */
  readonly helmChart: HelmChart | null;
};

export type PackageManager = 'apt' | 'yum';

export type InstallEntry = {
  readonly id: InstallType;
  readonly label: string;
  readonly description: string;
  /** Tyk runs from images, so a version is an image tag. */
  readonly isContainer: boolean;
  /** Tyk runs on Kubernetes: workloads are deployments with DNS-label names, reached through port-forward. */
  readonly isCluster: boolean;
  /** Linux packages from Tyk's packagecloud repositories; null for images. */
  readonly packageManager: PackageManager | null;
};

export type VersionLine = 'gateway' | 'pump' | 'mdcb';

export type ComponentEntry = {
  readonly id: ComponentId;
  readonly label: string;
  readonly description: string;
  /** Gateway and Dashboard share one version line; Pump and MDCB have their own numbering. */
  readonly versionLine: VersionLine;
  /** Linux package (yum and apt). */
  readonly packageName: string;
  /** Packagecloud repository; yum knows it as `tyk_<repo>`. */
  readonly repo: string;
  readonly service: string;
  /** The default image repository, where the user names none. */
  readonly image: string;
  /** The repositories Tyk publishes the image in, offered as suggestions. */
  readonly imageChoices: readonly string[];
  /** Top-level and component keys of the image tag in the umbrella charts' values.yaml. */
  readonly helmChartKey: string;
  readonly helmComponentKey: string;
  /** Config file name and its path inside the container (the same as on a Linux host). */
  readonly configFile: string;
  readonly containerConfig: string;
  /** The names that hold its workload, config file, and the host and port its health check calls. */
  readonly nameField: NameId;
  readonly configField: NameId;
  /** The name of the `.env` variable that holds the component's image tag in a compose project. */
  readonly tagVariableField: NameId;
  readonly hostField: NameId;
  readonly portField: NameId;
  /** Ports a replacement container publishes besides the health-check port. */
  readonly extraPorts: readonly number[];
  /** Text the component logs at start-up, with its version. */
  readonly startupLog: string | null;
};

/** How a plugin's go.mod is pointed at the Gateway it is built for (catalog/go-plugins.ts). */
export type DependencyRecipe = {
  readonly id: string;
  /** The target Gateway versions this recipe is for (node-semver range). */
  readonly targets: string;
  /** The Tyk commit the plugin's go.mod points at. */
  readonly tykCommit: string;
  /** Gateways before 4.2 depend on Tyk's fork of graphql-go-tools. */
  readonly replacesGraphqlTools: boolean;
  /** Before 5.1 plugins are built from a vendor folder; from 5.1 with Go modules. */
  readonly vendors: boolean;
};

/** A version change as the user typed it: leading `v` and spaces are allowed here. */
export type VersionChange = {
  readonly from: string;
  /** Empty or missing: the compatibility-matrix recommendation for the Gateway target. */
  readonly to?: string;
};

/** One self-managed data plane (self-managed-mdcb and cloud-hybrid). */
export type DataPlaneInput = {
  /** A label and the stem of step ids; must be a DNS label (lowercase, digits, hyphens). */
  readonly name: string;
  /** Kubernetes namespace of this data plane (kubernetes, helm). Default: `tyk-dp` or `tyk-dp-<name>`. */
  readonly namespace?: string;
  /** Helm release of this data plane. Default: `tyk-data-plane` or `tyk-dp-<name>`. */
  readonly release?: string;
  /** Host the data plane's Gateway answers on, for checks. Default: `localhost`. */
  readonly gatewayHost?: string;
  /** Kube context, Docker context or SSH host its commands run against. Default: none (the current one). */
  readonly context?: string;
  /** The data plane's own Redis. Default: the chart's service in its namespace, or `localhost`. */
  readonly redisHost?: string;
  readonly redisPort?: number | string;
};

/** The user's own names. Every field is optional on input; `validate` fills in Tyk's defaults. */
export type Names = {
  /** Kubernetes namespace of the control plane or of the whole stack. */
  readonly namespace: string;
  /** Helm release of the control plane or of the whole stack. */
  readonly helmRelease: string;
  /** Helm values file of the control plane or of the whole stack. */
  readonly valuesFile: string;
  /** Folder that holds the compose file and its `.env`. */
  readonly composeDir: string;
  /** Container, compose service, or Kubernetes deployment name, per component. */
  readonly gatewayName: string;
  readonly dashboardName: string;
  readonly pumpName: string;
  readonly mdcbName: string;
  /** Hosts and ports the checks call. */
  readonly gatewayHost: string;
  readonly gatewayPort: number;
  readonly dashboardHost: string;
  readonly dashboardPort: number;
  readonly pumpHost: string;
  readonly pumpHealthPort: number;
  readonly mdcbHost: string;
  readonly mdcbHttpPort: number;
  readonly redisHost: string;
  readonly redisPort: number;
  /** Database host and name for the Dashboard's MongoDB or PostgreSQL. */
  readonly databaseHost: string;
  readonly databaseName: string;
  /** Config files (Linux paths and the host side of Docker mounts). */
  readonly gatewayConfig: string;
  readonly dashboardConfig: string;
  readonly pumpConfig: string;
  readonly mdcbConfig: string;
  /** Where the backups are written. */
  readonly backupDir: string;
  /** Go plugin source folder and plugin file stem (`CustomGoPlugin` gives `CustomGoPlugin.so`). */
  readonly pluginSourceDir: string;
  readonly pluginName: string;
  /** Docker Compose: the `.env` variable that holds each image tag, or `none` where the compose file names the tag. */
  readonly gatewayTagVariable: string;
  readonly dashboardTagVariable: string;
  readonly pumpTagVariable: string;
  readonly mdcbTagVariable: string;
};

export type NameId = keyof Names;

/** How a name is checked before it is ever put into a command. */
export type NameKind =
  | 'k8s-name' // RFC 1123 DNS label: lowercase letters, digits, hyphens, at most 63
  | 'docker-name' // [a-zA-Z0-9][a-zA-Z0-9_.-]*
  | 'host' // DNS host name or IPv4 address
  | 'port' // 1..65535
  | 'path' // absolute or relative path without shell metacharacters
  | 'identifier' // database or plugin name: [A-Za-z_][A-Za-z0-9_-]*
  | 'context' // kube context, Docker context or SSH host: [A-Za-z0-9][A-Za-z0-9_.:@/-]*
  | 'tag-variable'; // a .env variable name [A-Z_][A-Z0-9_]*, or `none`

/** A field of the "Your names" page, described as data so the UI renders it from the catalog. */
export type NameField = {
  readonly id: NameId;
  readonly label: string;
  readonly help: string;
  readonly kind: NameKind;
  /** Installation types whose commands use this name; empty means every type. */
  readonly installs: readonly InstallType[];
  /** Models whose commands use this name; empty means every model. */
  readonly models: readonly DeploymentModel[];
  /** Components that must be in use for the name to matter; empty means always. */
  readonly components: readonly ComponentId[];
  /** Only when Go plugins are in use. */
  readonly needsGoPlugins?: boolean;
};

/** What the user answers. Stored, linked and typed data arrive as `unknown` and go through `validate`. */
export type PlanInput = {
  readonly model: DeploymentModel;
  /** Absent for `cloud`. */
  readonly install?: InstallType;
  readonly components: readonly ComponentId[];
  readonly usesGoPlugins: boolean;
  /** The Dashboard's database; ignored where there is no self-managed Dashboard. */
  readonly database?: Database;
  readonly dataPlanes?: readonly DataPlaneInput[];
  /** The Gateway and Dashboard line (they share version numbers). */
  readonly gateway: VersionChange;
  readonly pump?: VersionChange;
  readonly mdcb?: VersionChange;
  readonly strategy: Strategy;
  /** The estimated window for `downtime`, in minutes. */
  readonly downtimeMinutes?: number;
  readonly names?: Partial<Names>;
  /** The image repository each component runs from (container installs); absent: Tyk's default, or the chart's on Helm. */
  readonly images?: Partial<Record<ComponentId, string>>;
  /** The Gateway hosts' architecture, for Go plugin builds. Default: amd64. */
  readonly architecture?: Architecture;
  /** Blue-green with one Dashboard database that both environments use, instead of a copy for green. */
  readonly sharesDatabase?: boolean;
  /** What the time estimate scales with; absent figures take the estimate's defaults. */
  readonly estimate?: EstimateAnswers;
};

// The answers as the wizard keeps them while they are typed (src/rules/answers.ts owns them).

export type DraftDataPlane = {
  name: string;
  namespace: string;
  release: string;
  gatewayHost: string;
  context: string;
  redisHost: string;
  redisPort: string;
};

export type DraftVersionChange = { from: string; to: string };

/** The estimate's answers as typed: empty for the default. */
export type DraftEstimate = {
  instances: Record<ComponentId, string>;
  databaseGb: string;
};

/** The answers exactly as typed: every field is a string or a choice, checked later by `validate`. */
export type DraftAnswers = {
  model: DeploymentModel;
  install: InstallType | null;
  components: ComponentId[];
  usesGoPlugins: boolean;
  database: Database;
  dataPlanes: DraftDataPlane[];
  gateway: DraftVersionChange;
  pump: DraftVersionChange;
  mdcb: DraftVersionChange;
  strategy: Strategy;
  downtimeMinutes: string;
  names: Partial<Record<NameId, string>>;
  /** Image repository per component as typed; empty for the default. */
  images: Record<ComponentId, string>;
  architecture: Architecture;
  sharesDatabase: boolean;
  estimate: DraftEstimate;
};

/** A version change after validation: bare semver strings, target resolved. */
export type ResolvedChange = {
  readonly from: string;
  readonly to: string;
  /** True when the target is the companion the sources list for the Gateway target, typed or defaulted. */
  readonly isDefaultTarget: boolean;
  /** Where that suggestion comes from: "the compatibility matrix" or "the Gateway 5.4.0 release notes". */
  readonly recommendedBy?: string;
};

export type ResolvedDataPlane = {
  readonly name: string;
  readonly namespace: string;
  readonly release: string;
  readonly gatewayHost: string;
  /** '' where its commands run against the current context or host. */
  readonly context: string;
  readonly redisHost: string;
  readonly redisPort: number;
};

/** The input after `validate`: every default filled in, every name checked. */
export type NormalizedInput = {
  readonly model: DeploymentModel;
  readonly install: InstallType | null;
  readonly components: readonly ComponentId[];
  readonly usesGoPlugins: boolean;
  readonly database: Database | null;
  readonly dataPlanes: readonly ResolvedDataPlane[];
  readonly gateway: ResolvedChange;
  readonly pump: ResolvedChange | null;
  readonly mdcb: ResolvedChange | null;
  readonly strategy: Strategy;
  readonly downtimeMinutes: number | null;
  readonly names: Names;
  /** The repository each component's image comes from; null where the user gave none (Tyk's default, or the chart's on Helm). */
  readonly images: Readonly<Record<ComponentId, string | null>>;
  readonly architecture: Architecture;
  /** True only for blue-green with a Dashboard database that blue and green share. */
  readonly sharesDatabase: boolean;
  /** The estimate's answers for the components the plan runs; absent when none was given. */
  readonly estimate?: EstimateAnswers;
};

/** A message about one field, named by its path: `gateway.to`, `names.namespace`, `dataPlanes[1].name`. */
export type FieldMessage = {
  readonly field: string;
  readonly message: string;
};

/**
 * What `validate` worked out about a checked input, so that later stages read it instead of
 * looking it up again. Not part of the plan's JSON: it is derived from `input` alone.
 */
export type PlanFacts = {
  readonly model: ModelEntry;
  /** Null where Tyk runs everything (Tyk Cloud). */
  readonly install: InstallEntry | null;
  /** Each component's version change; null for a component the deployment does not run. */
  readonly changes: Readonly<Record<ComponentId, ResolvedChange | null>>;
  /** Components that move to a new version, in catalogue order. */
  readonly upgraded: readonly ComponentId[];
};

export type ValidationResult =
  | {
      readonly ok: true;
      readonly input: NormalizedInput;
      readonly facts: PlanFacts;
      readonly warnings: readonly FieldMessage[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly FieldMessage[];
      readonly warnings: readonly FieldMessage[];
    };

export type CommandLang = 'bash' | 'json' | 'yaml';

export type Command = {
  readonly code: string;
  readonly lang: CommandLang;
  /** Optional one-line caption shown above the block. */
  readonly label?: string;
};

export type Check = {
  readonly commands: readonly Command[];
  /** What a good answer looks like, in plain text. */
  readonly expect: string;
};

export type Rollback = {
  readonly detail: string;
  readonly commands: readonly Command[];
};

export type StepKind =
  | 'prepare'
  | 'communicate'
  | 'backup'
  | 'build' // compiling or packaging something (Go plugins) without touching a running system
  | 'configure' // a change to configuration or traffic that moves no component to a new version
  | 'upgrade' // moves a component to a new version
  | 'verify'
  | 'rollback';

export type Step = {
  /** Stable kebab-case id, unique in the plan: the checkbox key and the anchor. */
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  readonly kind: StepKind;
  readonly component?: StepComponent;
  readonly plane?: Plane;
  readonly commands: readonly Command[];
  /** Present on every step that changes a system. */
  readonly verify?: Check;
  /** Present on every step that changes a system. */
  readonly rollback?: Rollback;
  /** Slug of an MDX guide that explains the step at length. */
  readonly guide?: GuideSlug;
  /** Outbound pages to read for the step, such as the release notes of each target. */
  readonly links?: readonly StepLink[];
};

export type StepLink = {
  readonly label: string;
  readonly url: string;
};

export type PhaseKind =
  | 'prepare'
  | 'backup'
  | 'go-plugins'
  | 'control-plane'
  | 'data-plane'
  | 'verify'
  | 'rollback'
  | 'after';

export type Phase = {
  /** Unique in the plan: the kind, or `data-plane-<name>` for each data plane. */
  readonly id: string;
  readonly kind: PhaseKind;
  readonly title: string;
  readonly detail: string;
  readonly steps: readonly Step[];
};

export type Severity = 'info' | 'warning' | 'critical';

export type Advisory = {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly detail: string;
  readonly component?: ComponentId;
  /** The release that brings the advisory in, where there is one. */
  readonly version?: string;
  /** The release notes of that version (an outbound link; the plan works without it). */
  readonly url?: string;
};

/** The MDX guides steps may link to; each exists under src/content/guides/. */
export type GuideSlug =
  'strategies' | 'upgrade-order' | 'go-plugins' | 'backups' | 'glossary' | 'about';

export type ComponentVersionSummary = {
  readonly component: ComponentId;
  readonly from: string;
  readonly to: string;
};

/**
 * Whether an upgrade needs an intermediate stop: something that must happen between the current
 * and the target versions (a `stop`), or a version the upgrade goes straight past (a `skip`).
 */
export type UpgradeStop = {
  readonly id: string;
  readonly kind: 'stop' | 'skip';
  readonly text: string;
};

export type Plan = {
  readonly input: NormalizedInput;
  readonly title: string;
  readonly versions: readonly ComponentVersionSummary[];
  /** The required stops; none of kind `stop` means the upgrade goes straight to its targets. */
  readonly stops: readonly UpgradeStop[];
  readonly advisories: readonly Advisory[];
  readonly phases: readonly Phase[];
  readonly warnings: readonly FieldMessage[];
};

export type PlanResult =
  | { readonly ok: true; readonly plan: Plan }
  | {
      readonly ok: false;
      readonly errors: readonly FieldMessage[];
      readonly warnings: readonly FieldMessage[];
    };

// The release catalogue.

export type SupportStatus =
  'full-support' | 'maintenance' | 'unsupported' | 'latest' | 'superseded' | 'unknown';

export type Release = {
  readonly version: string;
  /** The Gateway/Dashboard LTS line this release belongs to (`5.8` for 5.8.x), if any. */
  readonly ltsLine?: string;
  /** Set when users should not pick this release; the text says what to pick instead. */
  readonly avoid?: string;
  /** The deployment models the reason to avoid concerns; every model when absent. */
  readonly avoidFor?: readonly DeploymentModel[];
};

export type CompanionVersions = {
  readonly pump: string;
  readonly mdcb: string;
};

/** A check-or-answer item on the preparation page. */
export type ChecklistItem = {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  readonly guide?: GuideSlug;
  readonly links?: readonly StepLink[];
};

/** How to find the running version, per installation. */
export type VersionHint = {
  readonly component: ComponentId;
  readonly commands: readonly Command[];
};

// The runbook as it is carried out: what the operator recorded per step, and the change's cover.

/** What was recorded for one step besides its tick; every mark carries its ISO time. */
export type StepRecord = {
  /** The fingerprint of the step's content when it was ticked; absent for ticks older than fingerprints. */
  readonly tickedFor?: string;
  /** A rollback step that was carried out: recorded, never needed for completion. */
  readonly usedAt?: string;
  readonly skipped?: { readonly at: string; readonly reason: string };
  /** The step failed, or was rolled back, with what happened. */
  readonly failed?: { readonly at: string; readonly note: string };
  readonly note?: { readonly at: string; readonly text: string };
  /** The tick was taken away because the step changed: when it had been ticked, and when it was reset. */
  readonly reset?: { readonly at: string; readonly tickedAt: string };
};

/** One thing recorded on a step; an empty text or `false` takes it away. */
export type StepChange =
  | { readonly kind: 'skipped'; readonly text: string }
  | { readonly kind: 'failed'; readonly text: string }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'used'; readonly isUsed: boolean };

/** The change-management fields of a plan's cover; every one optional and free text. */
export type ChangeCover = {
  readonly ticket: string;
  readonly environment: string;
  /** Local date and time as typed, `2026-03-05T21:00`, or ''. */
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly operator: string;
  readonly approver: string;
};
