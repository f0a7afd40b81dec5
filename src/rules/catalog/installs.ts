// How Tyk can be installed, with the properties the rules ask about: containers or not, Kubernetes
// or not, and which package manager. "Which installs are containers" is answered here only.
import type { InstallEntry, InstallType } from '../types';

export const installs = [
  {
    id: 'docker',
    label: 'Docker',
    description: 'Containers started with docker run.',
    isContainer: true,
    isCluster: false,
    packageManager: null,
  },
  {
    id: 'docker-compose',
    label: 'Docker Compose',
    description: 'A compose file that pins the image tags.',
    isContainer: true,
    isCluster: false,
    packageManager: null,
  },
  {
    id: 'kubernetes',
    label: 'Kubernetes manifests',
    description: 'Deployments you apply with kubectl.',
    isContainer: true,
    isCluster: true,
    packageManager: null,
  },
  {
    id: 'helm',
    label: 'Helm',
    description: "Tyk's Helm charts: tyk-oss, tyk-stack, tyk-control-plane or tyk-data-plane.",
    isContainer: true,
    isCluster: true,
    packageManager: null,
  },
  {
    id: 'rpm',
    label: 'RHEL / CentOS packages',
    description: 'RPM packages from Tyk’s packagecloud repositories, managed with yum.',
    isContainer: false,
    isCluster: false,
    packageManager: 'yum',
  },
  {
    id: 'deb',
    label: 'Debian / Ubuntu packages',
    description: 'DEB packages from Tyk’s packagecloud repositories, managed with apt.',
    isContainer: false,
    isCluster: false,
    packageManager: 'apt',
  },
] as const satisfies readonly InstallEntry[];

export const installIds: readonly InstallType[] = installs.map((entry) => entry.id);

export function findInstall(id: InstallType): InstallEntry {
  // The union of ids is closed, so the lookup always finds an entry.
  return installs.find((entry) => entry.id === id) as InstallEntry;
}

/** Installation types that run Tyk from images. */
export const containerInstalls: readonly InstallType[] = installs
  .filter((entry) => entry.isContainer)
  .map((entry) => entry.id);

/** Installation types on Kubernetes. */
export const clusterInstalls: readonly InstallType[] = installs
  .filter((entry) => entry.isCluster)
  .map((entry) => entry.id);

/** True for an installation on Kubernetes; false for none (Tyk Cloud). */
export function isClusterInstall(id: InstallType | null): boolean {
  return id !== null && findInstall(id).isCluster;
}

/** True for an installation from images; false for none (Tyk Cloud). */
export function isContainerInstall(id: InstallType | null): boolean {
  return id !== null && findInstall(id).isContainer;
}
