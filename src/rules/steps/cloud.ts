// Steps done in the Tyk Cloud console (docs/sources.md: Cloud pages): the control plane of Tyk Cloud and Hybrid, and the
// Cloud data planes of Tyk Cloud. There is nothing to type into a shell; the checks use the Gateway.
import { dockerTag } from '../versions';
import type { Command, NormalizedInput, Step } from '../types';
import { bash } from './commands';

function consolePath(version: string): string {
  return `Edit → Version → Bundle Channel (Latest, or LTS for a long-term-support release) → Bundle Version ${version} → Save and Re-Deploy`;
}

/**
 * The control plane upgrade in the Cloud console. For Hybrid, `dataPlaneChecks` call each data
 * plane Gateway's /hello, whose rpc check shows it reconnected.
 */
export function cloudControlPlaneStep(
  input: NormalizedInput,
  dataPlaneChecks: readonly Command[],
): Step {
  const to = input.gateway.to;
  const from = input.gateway.from;
  const isHybrid = input.model === 'cloud-hybrid';
  return {
    id: 'upgrade-control-plane',
    title: `Upgrade the Tyk Cloud control plane to ${to}`,
    detail:
      `In the Tyk Cloud console open the control plane deployment and choose ${consolePath(to)}. The status moves from Deploying to Deployed.` +
      (isHybrid
        ? ' Your data plane Gateways keep serving while the control plane redeploys, and reconnect afterwards.'
        : ' Auto Upgrade cannot be switched on while plugins are enabled.'),
    kind: 'upgrade',
    ...(isHybrid ? {} : { component: 'dashboard' as const }),
    plane: 'control',
    commands: [],
    verify: isHybrid
      ? {
          commands: dataPlaneChecks,
          expect: `The console shows the control plane Deployed on ${to}; each data plane Gateway answers "status": "pass" and its "rpc" check passes.`,
        }
      : {
          commands: [],
          expect: `The console shows the control plane Deployed on ${to}, and you can log in to the Dashboard and see your APIs.`,
        },
    rollback: {
      detail: `Redeploy the previous version from the console: ${consolePath(from)}. If the release migrated API definitions (5.3.0 and later), ask Tyk support and restore the exported APIs and policies.`,
      commands: [],
    },
    guide: 'upgrade-order',
  };
}

/** The Cloud data planes, upgraded in the console after the control plane. */
export function cloudDataPlaneStep(input: NormalizedInput): Step {
  const to = input.gateway.to;
  return {
    id: 'cloud-upgrade-gateway',
    title: `Upgrade the Cloud data planes to ${to}`,
    detail: `In the Tyk Cloud console open each Cloud data plane deployment and choose ${consolePath(to)}. Export TYK_CLOUD_GATEWAY_URL (the URL of a Cloud data plane Gateway) for the check.`,
    kind: 'upgrade',
    component: 'gateway',
    plane: 'data',
    commands: [],
    verify: {
      commands: [bash('curl -s "$TYK_CLOUD_GATEWAY_URL/hello"')],
      expect: `The console shows each data plane Deployed; /hello answers "status": "pass" and version ${to} (or ${dockerTag(to)}).`,
    },
    rollback: {
      detail: `Redeploy each Cloud data plane with the previous version: ${consolePath(input.gateway.from)}.`,
      commands: [],
    },
    guide: 'upgrade-order',
  };
}
