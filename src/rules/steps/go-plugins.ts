// Go plugins (docs/sources.md: upgrade guide "Go plugins", Go plugin page): which path the upgrade
// takes, the dependency commands chosen by the target Gateway, the builds the bundle holds, and
// when the APIs switch to the new bundle. The recipes are data in catalog/go-plugins.ts.
import {
  dependencyRecipes,
  goModulesRecipe,
  pluginCompilers,
  versionedBuildsSince,
  versionedNameFirstSince,
} from '../catalog/go-plugins';
import type { Architecture, NormalizedInput } from '../types';
import { compareVersions, dockerTag, satisfiesRange } from '../versions';
import type { GoPluginPlan } from './context';
import { compilerImage, goPluginBuildSteps } from './go-plugin-builds';
import { pluginCheckStep, switchBundleStep } from './go-plugin-switch';

export { compilerImage, goPluginBuildSteps, pluginCheckStep, switchBundleStep };

function buildName(pluginName: string, gatewayVersion: string, architecture: Architecture): string {
  return compareVersions(gatewayVersion, versionedBuildsSince) >= 0
    ? `${pluginName}_v${gatewayVersion}_linux_${architecture}.so`
    : `${pluginName}.so`;
}

/** The Go plugins are rebuilt when the Gateway moves; a companion-only plan leaves them alone. */
export function rebuildsGoPlugins(
  input: Pick<NormalizedInput, 'usesGoPlugins' | 'gateway'>,
): boolean {
  return input.usesGoPlugins && input.gateway.from !== input.gateway.to;
}

export type GoPluginOptions = {
  readonly pluginName: string;
  readonly architecture: Architecture;
  /** The Gateway runs a FIPS image, so its plugins come from the FIPS compiler. */
  readonly isFips: boolean;
};

/**
 * Path 1: current and target before 4.1.0. Path 2: current before 4.1.0, target from 4.1.0.
 * Path 3: current from 4.1.0. One bundle can serve the current and the target Gateway only when
 * each finds its own build in it: on path 3 both pick the build named after their version; on
 * path 2 the current Gateway loads the exact name and a target from 4.3.2 tries its versioned
 * build first, so the bundle carries the current build under the exact name beside the target
 * build. There the APIs switch before the first Gateway upgrade. A path 2 target from 4.1.0 to
 * 4.3.1 tries the exact name first and would load the old build, and on path 1 both load only the
 * exact name: the switch comes right after the first Gateway upgrade.
 */
export function goPluginPlan(from: string, to: string, options: GoPluginOptions): GoPluginPlan {
  const { pluginName, architecture } = options;
  const recipe = dependencyRecipes.find((r) => satisfiesRange(to, r.targets)) ?? goModulesRecipe;
  const bundleName = `${pluginName}-${dockerTag(to)}.zip`;
  const exact = `${pluginName}.so`;
  const targetBuild = buildName(pluginName, to, architecture);
  const base = {
    recipe,
    bundleName,
    compiler: options.isFips ? pluginCompilers.fips : pluginCompilers.standard,
    architecture,
  };
  if (compareVersions(from, versionedBuildsSince) >= 0) {
    return {
      ...base,
      path: 3,
      compileFor: [from, to],
      builds: [buildName(pluginName, from, architecture), targetBuild],
      currentBuild: null,
      switchBundle: 'before-gateway',
      switchReason: `Gateway ${from} and Gateway ${to} each load the build named after their own version, so one bundle serves both: the APIs switch to it, and are checked, while the current Gateway still runs.`,
    };
  }
  if (compareVersions(to, versionedNameFirstSince) >= 0) {
    return {
      ...base,
      path: 2,
      compileFor: [to],
      builds: [exact, targetBuild],
      currentBuild: exact,
      switchBundle: 'before-gateway',
      switchReason: `Gateway ${from} loads ${exact}, the build it runs today, and Gateway ${to} tries ${targetBuild} before the exact name (Gateways from 4.3.2 and 5.0.0 do), so a bundle with both builds serves both: the APIs switch to it, and are checked, while the current Gateway still runs.`,
    };
  }
  const isPath2 = compareVersions(to, versionedBuildsSince) >= 0;
  return {
    ...base,
    path: isPath2 ? 2 : 1,
    compileFor: [to],
    builds: [targetBuild],
    currentBuild: null,
    switchBundle: 'after-gateway',
    switchReason: isPath2
      ? `Gateway ${to} tries the exact name ${exact} first (4.1.0 to 4.3.1 do), so a bundle that kept the current build under that name would load the old build, and Gateway ${from} loads nothing else: no bundle serves both, so the APIs switch right after the first Gateway upgrade.`
      : `Gateway ${from} and Gateway ${to} both load only the exact name ${exact}, so no bundle can hold a build for each: the APIs switch right after the first Gateway upgrade.`,
  };
}
