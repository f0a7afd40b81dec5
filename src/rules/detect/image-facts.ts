// What an image reference tells, as candidates: the component's repository and version, Redis or
// database versions from their tags. Every source of images (compose, docker, kubectl, Helm) uses it.
import { imageRole, looseVersion, tagVersion, type ImageRef } from './images';
import type { Observations } from './observations';
import type { ComponentId } from '../types';

export type ImageContext = {
  readonly file: string;
  readonly where: string;
  readonly rank: number;
  /** Added to the version's evidence (where a compose tag came from). */
  readonly versionNote?: string;
  /** The version's evidence points here instead (the .env line that set the tag). */
  readonly versionSource?: { readonly file: string; readonly where: string };
};

export function versionField(component: ComponentId): string {
  return `${component}.from`;
}

/** Records what the image says; returns the component it runs, if it is a Tyk component. */
export function observeImage(
  observations: Observations,
  image: ImageRef,
  context: ImageContext,
): ComponentId | null {
  const role = imageRole(image.repository);
  const { file, where, rank } = context;
  const versionAt = context.versionSource ?? { file, where };
  const note = context.versionNote;
  if (role.kind === 'component') {
    const { component } = role;
    observations.add({ field: `images.${component}`, value: image.repository, file, where, rank });
    if (component === 'gateway')
      observations.add({ field: 'fips', value: String(role.isFips), file, where, rank });
    const tag = tagVersion(image.tag);
    const field = versionField(component);
    const base = { field, ...versionAt, rank };
    switch (tag.kind) {
      case 'exact':
        observations.add({
          ...base,
          value: tag.version,
          note: [`image tag ${image.tag ?? ''}`, note].filter(Boolean).join('; '),
        });
        break;
      case 'floating':
        observations.add({
          ...base,
          value: image.tag ?? '',
          isUnresolved: true,
          note: `the tag ${image.tag ?? ''} follows the newest ${tag.line}.x release, so it does not say which patch runs; /hello does`,
        });
        break;
      case 'latest':
        observations.add({
          ...base,
          value: 'latest',
          isUnresolved: true,
          note:
            image.tag === null
              ? 'the image has no tag, so Docker runs latest: the version is whatever latest was when it was pulled; /hello says'
              : 'the tag latest does not say which version runs; /hello does',
        });
        break;
      case 'other':
        observations.add({
          ...base,
          value: image.tag ?? '',
          isUnresolved: true,
          note: `the tag ${image.tag ?? ''} is not a version`,
        });
        break;
    }
    return component;
  }
  if (role.kind === 'redis') {
    const version = image.tag === null ? null : looseVersion(image.tag);
    if (version !== null)
      observations.add({
        field: role.isValkey ? 'redis.valkeyVersion' : 'redis.version',
        value: version.shown,
        ...versionAt,
        rank,
        note: `image ${image.repository}:${image.tag ?? ''}`,
      });
    return null;
  }
  if (role.kind === 'database') {
    observations.add({
      field: 'database',
      value: role.database,
      file,
      where,
      rank: Math.min(rank, 20),
      note: `a ${image.repository} container runs next to Tyk`,
    });
    const version = image.tag === null ? null : looseVersion(image.tag);
    if (version !== null)
      observations.add({
        field: 'databaseVersion',
        value: `${role.database} ${version.shown}`,
        ...versionAt,
        rank,
        note: `image ${image.repository}:${image.tag ?? ''}`,
      });
  }
  return null;
}
