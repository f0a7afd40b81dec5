// The domain of the upgrade planner. Plain, readonly data only: the UI, the printed runbook,
// the exports and the CLI all render these shapes.

export type DeploymentModel =
  'cloud' | 'cloud-hybrid' | 'self-managed' | 'self-managed-mdcb' | 'oss';
export type InstallType = 'docker' | 'docker-compose' | 'kubernetes' | 'helm' | 'rpm' | 'deb';
export type ComponentId = 'gateway' | 'dashboard' | 'pump' | 'mdcb';
export type StepComponent = ComponentId | 'go-plugins';
export type Database = 'mongodb' | 'postgres';
export type Strategy = 'rolling' | 'blue-green' | 'downtime';
export type Plane = 'control' | 'data';

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
};

export type NameId = keyof Names;

/** How a name is checked before it is ever put into a command. */
export type NameKind =
  | 'k8s-name' // RFC 1123 DNS label: lowercase letters, digits, hyphens, at most 63
  | 'docker-name' // [a-zA-Z0-9][a-zA-Z0-9_.-]*
  | 'host' // DNS host name or IPv4 address
  | 'port' // 1..65535
  | 'path' // absolute or relative path without shell metacharacters
  | 'identifier'; // database or plugin name: [A-Za-z_][A-Za-z0-9_-]*

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
};

/** A version change after validation: bare semver strings, target resolved. */
export type ResolvedChange = {
  readonly from: string;
  readonly to: string;
  /** True when the target is the compatibility matrix's recommendation, typed or defaulted. */
  readonly isDefaultTarget: boolean;
};

export type ResolvedDataPlane = {
  readonly name: string;
  readonly namespace: string;
  readonly release: string;
  readonly gatewayHost: string;
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
};

/** A message about one field, named by its path: `gateway.to`, `names.namespace`, `dataPlanes[1].name`. */
export type FieldMessage = {
  readonly field: string;
  readonly message: string;
};

export type ValidationResult =
  | {
      readonly ok: true;
      readonly input: NormalizedInput;
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
};

/** The MDX guides steps may link to; each exists under src/content/guides/. */
export type GuideSlug =
  'strategies' | 'upgrade-order' | 'go-plugins' | 'backups' | 'glossary' | 'about';

export type ComponentVersionSummary = {
  readonly component: ComponentId;
  readonly from: string;
  readonly to: string;
};

export type Plan = {
  readonly input: NormalizedInput;
  readonly title: string;
  readonly versions: readonly ComponentVersionSummary[];
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
};

/** How to find the running version, per installation. */
export type VersionHint = {
  readonly component: ComponentId;
  readonly commands: readonly Command[];
};
