// The data planes the files show: one per data-plane Gateway and per data-plane Helm release, a
// values file and a release of the same plane merged, as the answers list them.
import { nameProblem } from '../names';
import type { Observations } from './observations';
import type { DetectedDataPlane, SourcedValue } from './types';

export type PlaneDraft = DetectedDataPlane & {
  readonly where: SourcedValue;
  readonly isFromValues: boolean;
};

export function mergePlanes(
  found: readonly PlaneDraft[],
  observations: Observations,
): PlaneDraft[] {
  const planes = new Map<string, PlaneDraft>();
  for (const plane of found) if (!planes.has(plane.name)) planes.set(plane.name, plane);
  const releases = observations.helmReleases.filter(
    (release) =>
      (release.chart === 'tyk-data-plane' || release.chart === 'tyk-hybrid') &&
      nameProblem('k8s-name', release.name) === null &&
      ![...planes.values()].some((plane) => plane.release === release.name),
  );
  // One values file of a data plane and one data-plane release: the same plane.
  const fromValues = [...planes.values()].filter(
    (plane) => plane.isFromValues && plane.release === undefined,
  );
  const only = releases.length === 1 && fromValues.length === 1 ? releases[0] : undefined;
  const values = fromValues[0];
  if (only !== undefined && values !== undefined) {
    planes.delete(values.name);
    planes.set(only.name, {
      ...values,
      name: only.name,
      release: only.name,
      ...(only.namespace === '' ? {} : { namespace: only.namespace }),
      where: { value: only.name, file: only.file, where: only.where },
    });
    return [...planes.values()].slice(0, 20);
  }
  for (const release of releases) {
    planes.set(release.name, {
      name: release.name,
      release: release.name,
      ...(release.namespace === '' ? {} : { namespace: release.namespace }),
      where: { value: release.name, file: release.file, where: release.where },
      isFromValues: false,
    });
  }
  return [...planes.values()].slice(0, 20);
}

export function withoutWhere(plane: PlaneDraft): DetectedDataPlane {
  const { name, namespace, release, redisHost, redisPort } = plane;
  return {
    name,
    ...(namespace === undefined ? {} : { namespace }),
    ...(release === undefined ? {} : { release }),
    ...(redisHost === undefined ? {} : { redisHost }),
    ...(redisPort === undefined ? {} : { redisPort }),
  };
}
