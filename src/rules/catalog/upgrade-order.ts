// The order Tyk asks for (docs/sources.md: upgrade guide, "upgrade order" per model): the control
// plane before the data planes, and a fixed component order inside each.
import type { ComponentId, DeploymentModel } from '../types';

export type ModelOrder = {
  /** The whole stack, or the control plane. */
  readonly main: readonly ComponentId[];
  /** Each data plane, after the main site. */
  readonly dataPlane: readonly ComponentId[];
};

export const upgradeOrder = {
  'self-managed': { main: ['dashboard', 'gateway', 'pump'], dataPlane: [] },
  'self-managed-mdcb': {
    main: ['mdcb', 'pump', 'dashboard', 'gateway'],
    dataPlane: ['pump', 'gateway'],
  },
  // Tyk upgrades the control plane from the Cloud console; the user runs the data planes.
  'cloud-hybrid': { main: [], dataPlane: ['pump', 'gateway'] },
  oss: { main: ['gateway', 'pump'], dataPlane: [] },
  // Both run on Tyk Cloud: the console upgrades the control plane, then the Cloud data planes.
  cloud: { main: ['dashboard'], dataPlane: ['gateway'] },
} as const satisfies Record<DeploymentModel, ModelOrder>;
