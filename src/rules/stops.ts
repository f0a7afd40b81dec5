// Whether an upgrade needs an intermediate stop, for every pair of versions: a companion that
// must move first (the requirements in catalog/advisories.ts), a Go plugin bundle that must carry
// two builds or cannot serve both Gateways, a target the release notes say to avoid, and the
// avoided releases the upgrade goes straight past. Users of upgrade-path tools expect the answer
// "none" to be said as clearly as a stop.
import { companionRequirements } from './catalog/advisories';
import { componentLabel } from './catalog/components';
import { releasesOf } from './releases';
import type { GoPluginPlan } from './steps/context';
import type { DeploymentModel, NormalizedInput, Release, UpgradeStop, VersionLine } from './types';
import { isNewer, minorLine, satisfiesRange } from './versions';

const lineLabels = { gateway: 'Gateway', pump: 'Pump', mdcb: 'MDCB' } as const;

function concerns(release: Release, model: DeploymentModel): boolean {
  return release.avoid !== undefined && (release.avoidFor ?? [model]).includes(model);
}

function companionStops(input: NormalizedInput): readonly UpgradeStop[] {
  return companionRequirements.flatMap((requirement) => {
    const companion = input[requirement.companion];
    const models: readonly DeploymentModel[] = requirement.models;
    if (companion === null || !models.includes(input.model)) return [];
    const pumpTarget = 'pumpTarget' in requirement ? requirement.pumpTarget : undefined;
    const isTriggered =
      (input.gateway.from !== input.gateway.to &&
        satisfiesRange(input.gateway.to, requirement.gatewayTarget)) ||
      (pumpTarget !== undefined &&
        input.pump !== null &&
        input.pump.from !== input.pump.to &&
        satisfiesRange(input.pump.to, pumpTarget));
    if (!isTriggered || !isNewer(requirement.minimum, companion.from)) return [];
    const label = componentLabel(requirement.companion);
    return [
      {
        id: `stop-${requirement.id}`,
        kind: 'stop',
        text: isNewer(requirement.minimum, companion.to)
          ? `${requirement.title}: raise the ${label} target to ${requirement.minimum} or later (it is ${companion.to}), or upgrade ${label} in a change of its own first.`
          : `${requirement.title}: this plan takes ${label} from ${companion.from} to ${companion.to} first, on the control plane, and checks it before anything else moves.`,
      },
    ];
  });
}

function goPluginStops(input: NormalizedInput, plan: GoPluginPlan | null): readonly UpgradeStop[] {
  if (plan === null) return [];
  if (plan.switchBundle === 'before-gateway') {
    return [
      {
        id: 'stop-go-plugin-two-builds',
        kind: 'stop',
        text: `Go plugins need two builds in one bundle, ${plan.builds.join(' and ')}, uploaded and switched to before the first Gateway upgrade; no Gateway version in between is needed.`,
      },
    ];
  }
  return [
    {
      id: 'stop-go-plugin-switch-after',
      kind: 'stop',
      text: `Go plugins: no bundle serves both Gateway ${input.gateway.from} and Gateway ${input.gateway.to}, and no version in between would help, because the first Gateway from 4.1.0 must load a build the current one cannot. The APIs switch to ${plan.builds.join(' and ')} right after the first Gateway upgrade, and the plugin's APIs fail in between.`,
    },
  ];
}

/** Releases strictly between the current and the target version that concern this model and are to be avoided. */
function avoidedBetween(line: VersionLine, from: string, to: string, model: DeploymentModel) {
  return releasesOf(line).filter(
    (release) =>
      concerns(release, model) && isNewer(release.version, from) && isNewer(to, release.version),
  );
}

function releaseStops(input: NormalizedInput): readonly UpgradeStop[] {
  return (['gateway', 'pump', 'mdcb'] as const).flatMap((line): readonly UpgradeStop[] => {
    const change = input[line];
    if (change === null || change.from === change.to) return [];
    const target = releasesOf(line).find((release) => release.version === change.to);
    const targetStop: readonly UpgradeStop[] =
      target !== undefined && concerns(target, input.model)
        ? [
            {
              id: `stop-${line}-target-avoided`,
              kind: 'stop',
              text: `Do not stop at ${lineLabels[line]} ${change.to}: ${target.avoid ?? ''}`,
            },
          ]
        : [];
    const passed = avoidedBetween(line, change.from, change.to, input.model);
    // One sentence per minor line: Pump 1.8.0 to 1.8.3 share their reason.
    const lines = [...new Set(passed.map((release) => minorLine(release.version)))];
    const skips = lines.map((minor): UpgradeStop => {
      const versions = passed
        .filter((release) => minorLine(release.version) === minor)
        .map((release) => release.version)
        .reverse();
      const listed =
        versions.length > 1 ? `${versions[0] ?? ''} to ${versions.at(-1) ?? ''}` : versions[0];
      return {
        id: `skip-${line}-${minor.replace('.', '-')}`,
        kind: 'skip',
        text: `No stop at ${lineLabels[line]} ${listed ?? minor}: the release notes say to avoid ${versions.length > 1 ? 'them' : 'it'}, and this plan goes straight past.`,
      };
    });
    return [...targetStop, ...skips];
  });
}

/** Every stop and skip of this upgrade, in the order they come up. Never throws. */
export function requiredStops(
  input: NormalizedInput,
  goPlugins: GoPluginPlan | null,
): readonly UpgradeStop[] {
  return [...companionStops(input), ...goPluginStops(input, goPlugins), ...releaseStops(input)];
}

/**
 * The stops as sentences for a summary: each stop, or the explicit answer that none is needed,
 * then the versions the upgrade goes straight past.
 */
export function stopSentences(
  plan: Pick<{ input: NormalizedInput; stops: readonly UpgradeStop[] }, 'input' | 'stops'>,
): readonly string[] {
  const stops = plan.stops.filter((stop) => stop.kind === 'stop').map((stop) => stop.text);
  const skips = plan.stops.filter((stop) => stop.kind === 'skip').map((stop) => stop.text);
  if (stops.length > 0) return [...stops, ...skips];
  const { input } = plan;
  const moves = (['gateway', 'pump', 'mdcb'] as const).flatMap((line) => {
    const change = input[line];
    if (change === null || change.from === change.to) return [];
    const label =
      line === 'gateway' && input.components.includes('dashboard')
        ? 'Gateway and Dashboard go'
        : `${lineLabels[line]} goes`;
    return [`${label} straight from ${change.from} to ${change.to}`];
  });
  const stays =
    input.gateway.from === input.gateway.to ? `; the Gateway stays on ${input.gateway.from}` : '';
  return [`No intermediate stop is needed: ${moves.join(', ')}${stays}.`, ...skips];
}
