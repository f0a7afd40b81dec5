// Typical minutes per step of a plan, and what scales them. These are the wizard's own estimates
// for an operator who has the runbook open and the access ready: Tyk publishes no durations, so
// every figure here is a planning default that a rehearsal in a lower environment should replace.
import type { ComponentId, StepKind, Strategy } from '../types';
import type { EstimatePart, EstimateTiming, UpgradeEstimateEntry } from './types';

export type StepEstimateEntry = {
  /** The step's id as the plan builds it, without a data plane's `<name>-` prefix. */
  readonly id: string;
  readonly timing: EstimateTiming;
  readonly parts: readonly EstimatePart[];
  /** Undoing the step in a rollback, for steps of the change that alter a running system. */
  readonly rollback?: readonly EstimatePart[];
};

const once = (label: string, minutes: number): EstimatePart => ({ label, minutes, per: 'step' });
const each = (label: string, minutes: number): EstimatePart => ({
  label,
  minutes,
  per: 'instance',
});
const perGb = (label: string, minutes: number): EstimatePart => ({ label, minutes, per: 'gb' });
const perPlane = (label: string, minutes: number): EstimatePart => ({
  label,
  minutes,
  per: 'data-plane',
});

/** Every step the plan builds except the component upgrades of a self-run installation. */
export const stepEstimates = [
  // Before the day: nothing here changes a system, and none of it needs the window.
  { id: 'strategy-prerequisites', timing: 'ahead', parts: [once('check the prerequisites', 15)] },
  { id: 'read-release-notes', timing: 'ahead', parts: [once('read the release notes', 30)] },
  { id: 'go-plugins-identified', timing: 'ahead', parts: [once('list the Go plugins', 15)] },
  { id: 'linux-target-available', timing: 'ahead', parts: [once('check the repositories', 5)] },
  { id: 'linux-local-packages', timing: 'ahead', parts: [once('fetch the packages', 15)] },
  { id: 'announce-upgrade', timing: 'ahead', parts: [once('send the announcement', 10)] },

  // The change starts: the operator's shell and the versions that run now.
  {
    id: 'record-current-versions',
    timing: 'change',
    parts: [once('record the versions', 3), perPlane('each data plane', 2)],
  },
  { id: 'helm-repo-update', timing: 'change', parts: [once('update the Helm repository', 2)] },
  { id: 'helm-values-file', timing: 'change', parts: [once('save the values file', 3)] },
  { id: 'helm-pin-current-tags', timing: 'change', parts: [once('pin the image tags', 5)] },
  {
    // A copy of the whole environment: its size follows the data it has to carry over.
    id: 'blue-green-build-idle',
    timing: 'change',
    parts: [once('build the idle copy', 60), perGb('copy the database', 2)],
    rollback: [once('delete the idle copy', 5)],
  },
  {
    // Green's own copy of the Dashboard database (issue 9).
    id: 'blue-green-copy-database',
    timing: 'change',
    parts: [once('copy the database for green', 5)],
  },
  {
    id: 'open-maintenance-window',
    timing: 'change',
    parts: [once('stop traffic', 3)],
    rollback: [once('send traffic again', 2)],
  },

  // Backups.
  { id: 'backup-folder', timing: 'change', parts: [once('create the folder', 1)] },
  { id: 'backup-gateway-config', timing: 'change', parts: [once('copy the config', 2)] },
  { id: 'backup-dashboard-config', timing: 'change', parts: [once('copy the config', 2)] },
  { id: 'backup-pump-config', timing: 'change', parts: [once('copy the config', 2)] },
  { id: 'backup-mdcb-config', timing: 'change', parts: [once('copy the config', 2)] },
  { id: 'backup-compose-project', timing: 'change', parts: [once('archive the project', 2)] },
  { id: 'backup-kubernetes-objects', timing: 'change', parts: [once('save the objects', 2)] },
  { id: 'backup-helm-release', timing: 'change', parts: [once('save the release', 2)] },
  {
    id: 'backup-database',
    timing: 'change',
    parts: [once('start the dump', 5), perGb('dump', 3)],
  },
  { id: 'backup-redis', timing: 'change', parts: [once('save and copy the snapshot', 3)] },
  { id: 'backup-apis-policies', timing: 'change', parts: [once('export', 5)] },
  {
    // A downtime plan's backups of the data traffic changes, again inside the window (issue 16).
    id: 'backup-final',
    timing: 'change',
    parts: [once('take the backups again', 5), perGb('dump', 3)],
  },
  {
    id: 'backup-test-restore',
    timing: 'change',
    parts: [once('prepare the test restore', 10), perGb('restore', 4)],
  },

  // Go plugins: compile, bundle and upload; the switch happens at each site's Gateway.
  {
    id: 'go-plugins-update-dependencies',
    timing: 'change',
    parts: [once('update the dependencies', 10)],
  },
  {
    id: 'go-plugins-compile',
    timing: 'change',
    parts: [once('pull the compiler image and build', 15)],
  },
  {
    // Path 2 with two builds: the current build comes out of the bundle in use.
    id: 'go-plugins-current-build',
    timing: 'change',
    parts: [once('take the current build from the bundle', 3)],
  },
  { id: 'go-plugins-manifest', timing: 'change', parts: [once('write the manifest', 3)] },
  { id: 'go-plugins-bundle', timing: 'change', parts: [once('build the bundle', 3)] },
  { id: 'go-plugins-upload', timing: 'change', parts: [once('upload the bundle', 5)] },
  {
    id: 'go-plugins-switch-bundle',
    timing: 'change',
    parts: [once('point the APIs at the new bundle', 5)],
    rollback: [once('point the APIs back at the old bundle', 5)],
  },
  {
    // Every data plane after the one switch checks that its Gateways load the bundle.
    id: 'go-plugins-check-bundle',
    timing: 'change',
    parts: [once('call an API that uses the plugin', 5)],
  },

  // Upgrades Tyk carries out from the Cloud console: the redeploy, whatever the instance count.
  {
    id: 'upgrade-control-plane',
    timing: 'change',
    parts: [once('redeploy in the Cloud console', 15)],
    rollback: [once('redeploy the previous version', 15)],
  },
  {
    id: 'cloud-upgrade-gateway',
    timing: 'change',
    parts: [once('redeploy in the Cloud console', 10)],
    rollback: [once('redeploy the previous version', 10)],
  },

  // Checks, and traffic back on or switched.
  {
    id: 'verify-versions',
    timing: 'change',
    parts: [once('check the versions', 3), perPlane('each data plane', 1)],
  },
  {
    id: 'verify-api-calls',
    timing: 'change',
    parts: [once('call the APIs', 5), perPlane('each data plane', 2)],
  },
  { id: 'verify-dashboard', timing: 'change', parts: [once('check the Dashboard', 5)] },
  { id: 'verify-analytics', timing: 'change', parts: [once('check the analytics', 5)] },
  { id: 'verify-go-plugins', timing: 'change', parts: [once('call the plugin APIs', 10)] },
  {
    id: 'rolling-rebalance',
    timing: 'change',
    parts: [once('check the load balancer', 3)],
  },
  {
    id: 'blue-green-switch-traffic',
    timing: 'change',
    parts: [once('switch and check', 5)],
    rollback: [once('switch back', 5)],
  },
  { id: 'close-maintenance-window', timing: 'change', parts: [once('reopen traffic', 3)] },

  // The way back. Undoing each upgrade is timed from the upgrade itself (see `rollback` above and
  // `upgradeEstimates`); these are the steps the rollback phase adds.
  { id: 'rollback-switch-back', timing: 'contingency', parts: [once('switch and check', 10)] },
  { id: 'rollback-order', timing: 'contingency', parts: [] },
  {
    id: 'rollback-one-way-changes',
    timing: 'contingency',
    parts: [once('decide what needs the backups', 2)],
  },
  {
    id: 'rollback-restore-database',
    timing: 'contingency',
    parts: [once('stop the Dashboard and start the restore', 5), perGb('restore', 5)],
  },
  { id: 'rollback-restore-redis', timing: 'contingency', parts: [once('restore Redis', 5)] },
  { id: 'rollback-restore-apis-policies', timing: 'contingency', parts: [once('import', 10)] },

  // After the change: hands-on time only; the watch itself runs for a day.
  { id: 'after-monitor', timing: 'after', parts: [once('look at the dashboards', 30)] },
  { id: 'blue-green-retire-old', timing: 'after', parts: [once('shut the old side down', 30)] },
  {
    id: 'after-remove-previous-containers',
    timing: 'after',
    parts: [once('remove the containers', 2)],
  },
  { id: 'after-remove-old-images', timing: 'after', parts: [once('remove the images', 2)] },
  {
    id: 'after-remove-compiler-images',
    timing: 'after',
    parts: [once('remove the images', 2)],
  },
  { id: 'after-update-records', timing: 'after', parts: [once('update the records', 15)] },
  { id: 'after-keep-backups', timing: 'after', parts: [once('check the backups', 2)] },
  { id: 'announce-complete', timing: 'after', parts: [once('send the message', 5)] },
] as const satisfies readonly StepEstimateEntry[];

/**
 * One component upgrade on a self-run installation, and its way back. `instance` parts repeat for
 * every instance: the operator (or Kubernetes' RollingUpdate) replaces them one after another.
 */
export const upgradeEstimates = [
  {
    install: 'docker',
    upgrade: [each('image pull', 2), each('replace the container', 2), each('check', 1)],
    rollback: [each('start the previous container', 3)],
  },
  {
    install: 'docker-compose',
    upgrade: [once('edit the image tag', 2), each('image pull', 2), each('recreate and check', 2)],
    rollback: [once('restore the tag', 2), each('recreate', 2)],
  },
  {
    install: 'kubernetes',
    upgrade: [once('set the image', 2), each('image pull and pod ready', 3)],
    rollback: [once('undo the rollout', 1), each('pod ready', 3)],
  },
  {
    install: 'helm',
    upgrade: [once('Helm upgrade', 5), each('image pull and pod ready', 3)],
    rollback: [once('Helm rollback', 2), each('pod ready', 3)],
  },
  {
    install: 'deb',
    upgrade: [once('refresh the repository', 2), each('package install, restart and check', 5)],
    rollback: [once('find the previous package', 1), each('downgrade and restart', 4)],
  },
  {
    install: 'rpm',
    upgrade: [once('refresh the repository', 2), each('package install, restart and check', 5)],
    rollback: [once('find the previous package', 1), each('downgrade and restart', 4)],
  },
] as const satisfies readonly UpgradeEstimateEntry[];

export type ComponentEstimateEntry = {
  readonly component: ComponentId;
  /** Added to every upgrade of the component. */
  readonly parts: readonly EstimatePart[];
  /** Added when the upgrade crosses a release whose data change a downgrade does not undo. */
  readonly oneWayParts: readonly EstimatePart[];
};

/** Where a component takes longer than the installation's figure. */
export const componentEstimates = [
  {
    // The Dashboard connects to its database before it serves, and migrates it after a release
    // such as 5.3.0 (Tyk OAS definitions).
    component: 'dashboard',
    parts: [each('Dashboard start-up', 2)],
    oneWayParts: [once('first start migrates the API definitions', 3)],
  },
] as const satisfies readonly ComponentEstimateEntry[];

export type StrategyEstimateEntry = {
  readonly strategy: Strategy;
  /** Where the work applies: on every installation, or only outside Kubernetes (kubectl and Helm). */
  readonly where: 'everywhere' | 'outside-kubernetes';
  readonly components: readonly ComponentId[];
  /** Added to the upgrade and to its way back. */
  readonly parts: readonly EstimatePart[];
};

/** Work a strategy adds around each instance. */
export const strategyEstimates = [
  {
    // Outside Kubernetes the operator takes each instance out of the load balancer and back (a
    // RollingUpdate does it for the pods); Pump takes no inbound traffic.
    strategy: 'rolling',
    where: 'outside-kubernetes',
    components: ['gateway', 'dashboard', 'mdcb'],
    parts: [each('out of the load balancer and back', 2)],
  },
] as const satisfies readonly StrategyEstimateEntry[];

/**
 * Instances when the user has not said. A rolling upgrade needs two of each component that takes
 * traffic (facts §8: at least two instances behind a load balancer; Pump needs no balancing).
 */
export const defaultInstances = {
  rolling: { gateway: 2, dashboard: 2, pump: 1, mdcb: 2 },
  'blue-green': { gateway: 1, dashboard: 1, pump: 1, mdcb: 1 },
  downtime: { gateway: 1, dashboard: 1, pump: 1, mdcb: 1 },
} as const satisfies Record<Strategy, Record<ComponentId, number>>;

export const defaultDatabaseGb = 1;

export const estimateLimits = {
  instances: { min: 1, max: 100 },
  databaseGb: { min: 0, max: 10000 },
} as const;

/** A step the catalogue does not know yet, by its kind: the estimate never fails for a new step. */
export const kindEstimates = {
  prepare: { timing: 'change', parts: [once('a preparation step', 5)] },
  communicate: { timing: 'ahead', parts: [once('a message', 10)] },
  backup: { timing: 'change', parts: [once('a backup', 5)] },
  build: { timing: 'change', parts: [once('a build', 10)] },
  configure: {
    timing: 'change',
    parts: [once('a configuration change', 5)],
    rollback: [once('undo it', 5)],
  },
  upgrade: {
    timing: 'change',
    parts: [once('an upgrade', 10)],
    rollback: [once('undo it', 10)],
  },
  verify: { timing: 'change', parts: [once('a check', 5)] },
  rollback: { timing: 'contingency', parts: [once('a rollback step', 10)] },
} as const satisfies Record<StepKind, Omit<StepEstimateEntry, 'id'>>;
