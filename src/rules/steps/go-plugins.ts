// Go plugins (docs/sources.md: upgrade guide "Go plugins", Go plugin page): which path the upgrade
// takes, the dependency commands chosen by the target Gateway, the builds the bundle holds, and
// when the APIs switch to the new bundle. The recipes are data in catalog/go-plugins.ts.
import { imageRepository } from '../catalog/components';
import {
  dependencyRecipes,
  goModulesRecipe,
  graphqlToolsReplacement,
  pluginCompilers,
  versionedBuildsSince,
  versionedNameFirstSince,
} from '../catalog/go-plugins';
import { insideDoubleQuotes as dq, joinPath, shellQuote as q } from '../shell';
import type { Architecture, Command, DependencyRecipe, NormalizedInput, Step } from '../types';
import { compareVersions, dockerTag, satisfiesRange } from '../versions';
import { bash, json, script } from './commands';
import {
  planeOf,
  type GoPluginPath,
  type GoPluginPlan,
  type PlanContext,
  type Site,
} from './context';
import { reachComponent } from './installs';

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

/** Commands run one after another in a folder, stopping at the first failure, leaving the shell where it was. */
function inFolder(dir: string, commands: readonly string[]): Command {
  if (dir === '.')
    return script(
      commands.map((command, i) => (i < commands.length - 1 ? `${command} &&` : command)),
    );
  return script([
    '(',
    `  cd ${q(dir)} &&`,
    ...commands.map((command, i) => `  ${command}${i < commands.length - 1 ? ' &&' : ''}`),
    ')',
  ]);
}

export function compilerImage(plan: GoPluginPlan, version: string): string {
  return `${plan.compiler}:${dockerTag(version)}`;
}

/** The compiler's arguments: the plugin file, and for another architecture a build id, the OS and the architecture. */
function compilerArguments(plan: GoPluginPlan, pluginName: string, version: string): string {
  const file = q(`${pluginName}.so`);
  return plan.architecture === 'amd64'
    ? file
    : `${file} ${dockerTag(version)} linux ${plan.architecture}`;
}

export function dependencyCommands(recipe: DependencyRecipe): readonly string[] {
  return [
    `go get github.com/TykTechnologies/tyk@${recipe.tykCommit}`,
    ...(recipe.replacesGraphqlTools ? [`go mod edit -replace ${graphqlToolsReplacement}`] : []),
    'go mod tidy',
    ...(recipe.vendors ? ['go mod vendor'] : []),
  ];
}

export function manifest(plan: GoPluginPlan, pluginName: string): unknown {
  return {
    file_list: plan.builds,
    custom_middleware: {
      pre: [
        {
          name: pluginName,
          path: `${pluginName}.so`,
          require_session: false,
          raw_body_only: false,
        },
      ],
      driver: 'goplugin',
      id_extractor: { extract_from: '', extract_with: '', extractor_config: {} },
    },
    checksum: '',
    signature: '',
  };
}

const pathText: Readonly<Record<GoPluginPath, string>> = {
  1: 'Path 1 (current and target before 4.1.0)',
  2: 'Path 2 (current before 4.1.0, target 4.1.0 or later)',
  3: 'Path 3 (current 4.1.0 or later)',
};

function manifestDetail(plan: GoPluginPlan, ctx: PlanContext): string {
  const { input, names } = ctx;
  const exact = `${names.pluginName}.so`;
  if (plan.path === 3)
    return `"path" stays ${exact}: each Gateway from 4.1.0 loads the build named after its own version, so one bundle serves both.`;
  if (plan.currentBuild !== null)
    return `"path" stays ${exact}: Gateway ${input.gateway.from} loads that file, the build it runs today, and Gateway ${input.gateway.to} loads ${plan.builds[1] ?? ''}, which it tries first.`;
  if (plan.path === 2)
    return `The bundle holds only the ${input.gateway.to} build: Gateway ${input.gateway.to} finds no ${exact} and falls back to the build named after its version. A copy of the current build under ${exact} would be loaded first and fail.`;
  return 'The bundle holds only the new build, under the exact name both Gateways load.';
}

/** The step that takes the build the current Gateway runs out of the bundle in use (path 2 with two builds). */
function currentBuildStep(ctx: PlanContext, build: string): Step {
  const { input, names } = ctx;
  const dir = names.pluginSourceDir;
  const zip = joinPath(dir, 'current-bundle.zip');
  const isCloud = input.model === 'cloud';
  return {
    id: 'go-plugins-current-build',
    title: `Take ${build} from the bundle your APIs use now`,
    detail:
      `The new bundle also carries the build Gateway ${input.gateway.from} runs today, under the name it loads. It cannot be compiled again from the updated go.mod, so it is copied from the bundle the APIs name now (the list in the preparation shows each API's custom_middleware_bundle). ` +
      (isCloud
        ? 'TYK_CURRENT_BUNDLE_ZIP is the path of that zip, the one you pushed for the current version.'
        : 'TYK_CURRENT_BUNDLE is its file name on your bundle server.'),
    kind: 'build',
    component: 'go-plugins',
    commands: isCloud
      ? [bash(`unzip -o "$TYK_CURRENT_BUNDLE_ZIP" ${q(build)} -d ${q(dir)}`)]
      : [
          bash(`curl -fsS -o ${q(zip)} "$TYK_BUNDLE_BASE_URL/$TYK_CURRENT_BUNDLE"`),
          bash(`unzip -o ${q(zip)} ${q(build)} -d ${q(dir)}`),
        ],
    verify: {
      commands: [bash(`ls -l ${q(joinPath(dir, build))}`)],
      expect: `${build} exists: the build of the bundle your Gateway ${input.gateway.from} loads today.`,
    },
    guide: 'go-plugins',
  };
}

/** The build steps of the go-plugins phase: dependencies, compile, manifest, bundle, upload. */
export function goPluginBuildSteps(ctx: PlanContext, plan: GoPluginPlan): readonly Step[] {
  const { input, names } = ctx;
  const dir = names.pluginSourceDir;
  const folder = dir === '.' ? 'your plugin source folder' : dir;
  const inDir = (file: string): string => q(joinPath(dir, file));
  const bundle = plan.bundleName;
  const compiled = plan.builds.filter((build) => build !== plan.currentBuild);
  const archNote =
    plan.architecture === 'amd64'
      ? ''
      : ` Your Gateways run on ${plan.architecture}: the compiler cross-compiles when it gets a build id, the OS and the architecture, and names the file _linux_${plan.architecture}.`;
  const fipsNote =
    plan.compiler === pluginCompilers.fips
      ? ' Your Gateway is a FIPS build, so the plugin comes from the FIPS compiler.'
      : '';
  return [
    {
      id: 'go-plugins-update-dependencies',
      title: `Point the plugin at the Gateway ${input.gateway.to} dependencies`,
      detail: `${pathText[plan.path]}. ${plan.switchReason} The commands depend on the target: ${
        plan.recipe.vendors
          ? 'before 5.1.0 plugins build from a vendor folder'
          : 'from 5.1.0 plugins build with Go modules, without a vendor folder'
      }${plan.recipe.replacesGraphqlTools ? ', and up to 4.2.0 they need Tyk’s graphql-go-tools fork' : ''}. Run them in ${folder}.`,
      kind: 'build',
      component: 'go-plugins',
      commands: [inFolder(dir, dependencyCommands(plan.recipe))],
      verify: {
        commands: [bash(`grep -F github.com/TykTechnologies/tyk ${inDir('go.mod')}`)],
        expect: `go.mod requires github.com/TykTechnologies/tyk at the pinned commit.`,
      },
      guide: 'go-plugins',
    },
    {
      id: 'go-plugins-compile',
      title: `Compile the plugin for Gateway ${plan.compileFor.join(' and ')}`,
      detail:
        `Use the plugin compiler image of exactly the Gateway version the build is for.` +
        (plan.path === 3
          ? ` The bundle carries a build for the current Gateway (${input.gateway.from}) and one for the target (${input.gateway.to}), so compile both.`
          : '') +
        (plan.currentBuild !== null
          ? ` Only the ${input.gateway.to} build is compiled; the current one comes from the bundle in use (next step).`
          : '') +
        (compiled.some((b) => b !== `${names.pluginName}.so`)
          ? ' From 4.1.0 the compiler adds the Gateway version, OS and architecture to the file name.'
          : '') +
        archNote +
        fipsNote,
      kind: 'build',
      component: 'go-plugins',
      commands: [
        ...plan.compileFor.map((version) => bash(`docker pull ${compilerImage(plan, version)}`)),
        ...plan.compileFor.map((version) =>
          inFolder(dir, [
            `docker run --rm -v "$(pwd)":/plugin-source --platform=linux/amd64 ${compilerImage(plan, version)} ${compilerArguments(plan, names.pluginName, version)}`,
          ]),
        ),
      ],
      verify: {
        commands: [bash(`ls -l ${compiled.map(inDir).join(' ')}`)],
        expect: `${compiled.join(' and ')} exist${compiled.length === 1 ? 's' : ''}.`,
      },
      guide: 'go-plugins',
    },
    ...(plan.currentBuild === null ? [] : [currentBuildStep(ctx, plan.currentBuild)]),
    {
      id: 'go-plugins-manifest',
      title: 'Write the bundle manifest',
      detail:
        `Save this as manifest.json in ${folder}. "name" is the function your plugin exports (shown here as ${names.pluginName}; use yours). ` +
        manifestDetail(plan, ctx),
      kind: 'build',
      component: 'go-plugins',
      commands: [json(manifest(plan, names.pluginName), 'manifest.json')],
      guide: 'go-plugins',
    },
    {
      id: 'go-plugins-bundle',
      title: `Build the bundle ${bundle}`,
      detail: `Gateways cache bundles by name, so the new bundle gets a new name. The bundler is part of the Gateway binary; this runs it from the ${input.gateway.to} image (on a Gateway host, /opt/tyk-gateway/tyk bundle build does the same).`,
      kind: 'build',
      component: 'go-plugins',
      commands: [
        inFolder(dir, [
          `docker run --rm --user "$(id -u):$(id -g)" -v "$(pwd)":/plugin-source -w /plugin-source --entrypoint /opt/tyk-gateway/tyk ${imageRepository(input, 'gateway')}:${dockerTag(input.gateway.to)} bundle build -m manifest.json -o ${q(bundle)} -y`,
        ]),
      ],
      verify: {
        commands: [bash(`unzip -l ${inDir(bundle)}`)],
        expect: `The zip lists manifest.json and ${plan.builds.join(' and ')}.`,
      },
      guide: 'go-plugins',
    },
    uploadStep(input, dir, bundle),
  ];
}

function uploadStep(input: NormalizedInput, dir: string, bundle: string): Step {
  const bundlePath = q(joinPath(dir, bundle));
  if (input.model === 'cloud') {
    const log = q(joinPath(dir, 'mservctl-push.log'));
    return {
      id: 'go-plugins-upload',
      title: 'Upload the bundle to Tyk Cloud',
      detail:
        'mservctl pushes the bundle to the Cloud control plane and answers "Middleware uploaded successfully, ID: ..."; the APIs then name that bundle ID, not the zip. MSERVCTL is the binary as you downloaded it (mservctl.<os>.<arch>, for example ./mservctl.linux.amd64 or ./mservctl.macos.arm64) and MSERVCTL_CONFIG its config file for your control plane. The second command keeps the ID in TYK_BUNDLE_ID for the switch.',
      kind: 'configure',
      component: 'go-plugins',
      commands: [
        bash(`"$MSERVCTL" --config "$MSERVCTL_CONFIG" push ${bundlePath} | tee ${log}`),
        bash(
          `TYK_BUNDLE_ID=$(sed -n 's/.*Middleware uploaded successfully, ID: *//p' ${log}) && export TYK_BUNDLE_ID && echo "$TYK_BUNDLE_ID"`,
        ),
      ],
      verify: {
        commands: [bash('"$MSERVCTL" --config "$MSERVCTL_CONFIG" list')],
        expect:
          'The push printed "Middleware uploaded successfully, ID: ..."; the list shows that ID, and echo printed the same one.',
      },
      rollback: {
        detail:
          'Nothing loads the bundle until an API names its ID. If you abandon the upgrade, delete it with mservctl delete and the ID in TYK_BUNDLE_ID.',
        commands: [],
      },
      guide: 'go-plugins',
    };
  }
  return {
    id: 'go-plugins-upload',
    title: 'Upload the bundle to your bundle server',
    detail:
      'Copy the bundle to the folder your bundle server serves (the Gateways download from bundle_base_url). Export TYK_BUNDLE_DIR (that folder) and TYK_BUNDLE_BASE_URL (the bundle_base_url in tyk.conf) first, or upload it your own way.',
    kind: 'configure',
    component: 'go-plugins',
    commands: [bash(`cp -- ${bundlePath} "$TYK_BUNDLE_DIR/"`)],
    verify: {
      commands: [bash(`curl -sI "$TYK_BUNDLE_BASE_URL/"${q(bundle)}`)],
      expect: 'The bundle server answers HTTP 200 for the new bundle.',
    },
    rollback: {
      detail:
        'Nothing loads the bundle until an API points at it; remove it if you abandon the upgrade.',
      commands: [bash(`rm -- "$TYK_BUNDLE_DIR/"${q(bundle)}`)],
    },
    guide: 'go-plugins',
  };
}

/** The step that points the APIs at the new bundle, for one site (or for Tyk Cloud when site is null). */
export function switchBundleStep(
  ctx: PlanContext,
  plan: GoPluginPlan,
  site: Site | null,
  idPrefix: string,
): Step {
  const { input, names } = ctx;
  const backupDir = site?.backupDir ?? names.backupDir;
  const saved = `"${dq(joinPath(backupDir, 'api-'))}$API_ID-before-bundle.json"`;
  const edited = '"api-$API_ID-new-bundle.json"';
  // Tyk Cloud APIs name the ID mservctl printed for the upload, not the zip.
  const isCloud = input.model === 'cloud';
  const bundle = isCloud ? '"$TYK_BUNDLE_ID"' : q(plan.bundleName);
  const bundleText = isCloud ? 'the ID of the uploaded bundle (TYK_BUNDLE_ID)' : plan.bundleName;
  const isOss = input.model === 'oss';
  const main = ctx.main?.site ?? null;
  const gatewayAuth = '-H "x-tyk-authorization: $TYK_GW_SECRET"';
  const dashboardAuth = '-H "Authorization: $TYK_DASHBOARD_API_KEY"';
  const putJson = "-X PUT -H 'Content-Type: application/json' --data-binary";
  const apiLines = (base: string): readonly string[] =>
    isOss
      ? [
          `curl -fsS ${gatewayAuth} "${base}/tyk/apis/$API_ID" > ${saved}`,
          `jq --arg bundle ${bundle} '.custom_middleware_bundle = $bundle' ${saved} > ${edited}`,
          `curl -fsS ${gatewayAuth} ${putJson} @${edited} "${base}/tyk/apis/$API_ID"`,
          `curl -fsS ${gatewayAuth} "${base}/tyk/reload/group"`,
        ]
      : [
          `curl -fsS ${dashboardAuth} "${base}/api/apis/$API_ID" > ${saved}`,
          `jq --arg bundle ${bundle} '.api_definition.custom_middleware_bundle = $bundle' ${saved} > ${edited}`,
          `curl -fsS ${dashboardAuth} ${putJson} @${edited} "${base}/api/apis/$API_ID"`,
        ];
  const restoreLines = (base: string): readonly string[] =>
    isOss
      ? [
          `curl -fsS ${gatewayAuth} ${putJson} @${saved} "${base}/tyk/apis/$API_ID"`,
          `curl -fsS ${gatewayAuth} "${base}/tyk/reload/group"`,
        ]
      : [`curl -fsS ${dashboardAuth} ${putJson} @${saved} "${base}/api/apis/$API_ID"`];
  const checkLines = (base: string): readonly string[] =>
    isOss
      ? [`curl -fsS ${gatewayAuth} "${base}/tyk/apis/$API_ID" | jq -r '.custom_middleware_bundle'`]
      : [
          `curl -fsS ${dashboardAuth} "${base}/api/apis/$API_ID" | jq -r '.api_definition.custom_middleware_bundle'`,
        ];
  const run = (lines: (base: string) => readonly string[]): Command => {
    if (input.install === null || main === null) return script(lines('$TYK_DASHBOARD_URL'));
    return isOss
      ? reachComponent(
          input.install,
          main,
          'gateway',
          { host: names.gatewayHost, port: names.gatewayPort },
          lines,
        )
      : reachComponent(
          input.install,
          main,
          'dashboard',
          { host: names.dashboardHost, port: names.dashboardPort },
          lines,
        );
  };
  const isBefore = plan.switchBundle === 'before-gateway';
  const plane = site?.plane ?? (input.model === 'cloud' ? 'data' : null);
  const gatewaySites = ctx.sites.filter(({ inUse }) => inUse.includes('gateway'));
  const shared =
    gatewaySites.length > 1
      ? ' API definitions are shared by every plane, so this one switch serves them all; each data plane then checks that its Gateways load the plugin.'
      : '';
  return {
    id: `${idPrefix}go-plugins-switch-bundle`,
    title: `Point the APIs at ${isCloud ? 'the uploaded bundle ID' : plan.bundleName}`,
    detail:
      (isBefore
        ? `Before the first Gateway upgrade. ${plan.switchReason} Call an API that uses the plugin now, on Gateway ${input.gateway.from}, as a sanity check.`
        : `Right after the first Gateway upgrade. ${plan.switchReason} Until this is done the plugin's APIs fail on upgraded Gateways, and from then on on Gateways still on ${input.gateway.from}: keep the gap short, finish the other Gateway upgrades back to back, or use a downtime window.`) +
      ` For each API that uses the plugin, export API_ID and run these commands; they save the definition first. Tyk OAS APIs keep the bundle under x-tyk-api-gateway.middleware.global.pluginConfig.bundle.path instead.` +
      shared,
    kind: 'configure',
    component: 'go-plugins',
    ...(plane === null ? {} : { plane }),
    commands: [run(apiLines)],
    verify: {
      commands: [run(checkLines)],
      expect: `Each API names ${bundleText}, and a call through it runs the plugin ${isBefore ? `on the current Gateway (${input.gateway.from})` : `on Gateway ${input.gateway.to}`}.`,
    },
    rollback: {
      detail: 'Put back the definition saved before the change.',
      commands: [run(restoreLines)],
    },
    guide: 'go-plugins',
  };
}

/**
 * A data plane after the one switch: its Gateways load the new bundle through the shared API
 * definitions. Checked before its Gateway upgrade when the bundle serves the current Gateway too,
 * after it otherwise.
 */
export function pluginCheckStep(ctx: PlanContext, plan: GoPluginPlan, site: Site): Step {
  const { input, names } = ctx;
  const isBefore = plan.switchBundle === 'before-gateway';
  const version = isBefore ? input.gateway.from : input.gateway.to;
  const bundle = input.model === 'cloud' ? 'the uploaded bundle' : plan.bundleName;
  const call = (base: string): readonly string[] => [
    `curl -s -o /dev/null -w '%{http_code}\\n' "${base}/$TYK_PLUGIN_API_PATH"`,
  ];
  const commands =
    input.install === null
      ? []
      : [
          reachComponent(
            input.install,
            site,
            'gateway',
            { host: site.gatewayHost, port: names.gatewayPort },
            call,
          ),
        ];
  return {
    id: `${site.idPrefix}go-plugins-check-bundle`,
    title: `Check the Gateways${site.where} load the plugin from ${bundle}`,
    detail: `The APIs already name ${bundle}, so this plane's Gateways on ${version} load ${isBefore ? 'the build for their version from it' : 'its build once upgraded'}. Call an API that uses the plugin through them (TYK_PLUGIN_API_PATH is its listen path) and look for plugin errors in their logs${isBefore ? ' before you upgrade them' : ''}.`,
    kind: 'verify',
    component: 'go-plugins',
    ...planeOf(site),
    commands,
    verify: {
      commands: [],
      expect: `The API answers as it did before the upgrade, and the Gateway logs show no plugin load error.`,
    },
    guide: 'go-plugins',
  };
}
