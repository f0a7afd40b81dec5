// Go plugins (docs/sources.md: upgrade guide "Go plugins", Go plugin page): which path the upgrade
// takes, the dependency commands chosen by the target Gateway, the builds the bundle holds, and
// when the APIs switch to the new bundle. The recipes are data in catalog/go-plugins.ts.
import {
  dependencyRecipes,
  goModulesRecipe,
  graphqlToolsReplacement,
  versionedBuildsSince,
} from '../catalog/go-plugins';
import { insideDoubleQuotes as dq, joinPath, shellQuote as q } from '../shell';
import type { Command, DependencyRecipe, NormalizedInput, Step } from '../types';
import { compareVersions, dockerTag, satisfiesRange } from '../versions';
import { bash, json, script } from './commands';
import type { GoPluginPath, GoPluginPlan, PlanContext, Site } from './context';
import { reachComponent } from './installs';

function buildName(pluginName: string, gatewayVersion: string): string {
  return compareVersions(gatewayVersion, versionedBuildsSince) >= 0
    ? `${pluginName}_v${gatewayVersion}_linux_amd64.so`
    : `${pluginName}.so`;
}

/**
 * Path 1: current and target before 4.1.0. Path 2: current before 4.1.0, target from 4.1.0.
 * Path 3: current from 4.1.0. Only Gateways from 4.1.0 can pick their own build out of a bundle
 * that holds several, so the switch comes before the Gateway upgrade only on path 3; a Gateway
 * before 4.1.0 could not load a bundle without the build made for it.
 */
export function goPluginPlan(from: string, to: string, pluginName: string): GoPluginPlan {
  const recipe = dependencyRecipes.find((r) => satisfiesRange(to, r.targets)) ?? goModulesRecipe;
  const bundleName = `${pluginName}-${dockerTag(to)}.zip`;
  if (compareVersions(from, versionedBuildsSince) >= 0) {
    return {
      path: 3,
      recipe,
      compileFor: [from, to],
      builds: [buildName(pluginName, from), buildName(pluginName, to)],
      bundleName,
      switchBundle: 'before-gateway',
    };
  }
  return {
    path: compareVersions(to, versionedBuildsSince) >= 0 ? 2 : 1,
    recipe,
    compileFor: [to],
    builds: [buildName(pluginName, to)],
    bundleName,
    switchBundle: 'after-gateway',
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

function compilerImage(version: string): string {
  return `tykio/tyk-plugin-compiler:${dockerTag(version)}`;
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

/** The build steps of the go-plugins phase: dependencies, compile, manifest, bundle, upload. */
export function goPluginBuildSteps(ctx: PlanContext, plan: GoPluginPlan): readonly Step[] {
  const { input, names } = ctx;
  const dir = names.pluginSourceDir;
  const folder = dir === '.' ? 'your plugin source folder' : dir;
  const inDir = (file: string): string => q(joinPath(dir, file));
  const bundle = plan.bundleName;
  return [
    {
      id: 'go-plugins-update-dependencies',
      title: `Point the plugin at the Gateway ${input.gateway.to} dependencies`,
      detail: `${pathText[plan.path]}. The commands depend on the target: ${
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
        (plan.builds.some((b) => b !== `${names.pluginName}.so`)
          ? ' From 4.1.0 the compiler adds the Gateway version, OS and architecture to the file name.'
          : ''),
      kind: 'build',
      component: 'go-plugins',
      commands: [
        ...plan.compileFor.map((version) => bash(`docker pull ${compilerImage(version)}`)),
        ...plan.compileFor.map((version) =>
          inFolder(dir, [
            `docker run --rm -v "$(pwd)":/plugin-source --platform=linux/amd64 ${compilerImage(version)} ${q(`${names.pluginName}.so`)}`,
          ]),
        ),
      ],
      verify: {
        commands: [bash(`ls -l ${plan.builds.map(inDir).join(' ')}`)],
        expect: `${plan.builds.join(' and ')} exist${plan.builds.length === 1 ? 's' : ''}.`,
      },
      guide: 'go-plugins',
    },
    {
      id: 'go-plugins-manifest',
      title: 'Write the bundle manifest',
      detail:
        `Save this as manifest.json in ${folder}. "name" is the function your plugin exports (shown here as ${names.pluginName}; use yours). ` +
        (plan.path === 3
          ? `"path" stays ${names.pluginName}.so: each Gateway from 4.1.0 loads the build named after its own version, so one bundle serves both.`
          : plan.path === 2
            ? `The bundle holds only the ${input.gateway.to} build; the upgraded Gateway finds it by its versioned name.`
            : 'The bundle holds only the new build.'),
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
          `docker run --rm --user "$(id -u):$(id -g)" -v "$(pwd)":/plugin-source -w /plugin-source --entrypoint /opt/tyk-gateway/tyk tykio/tyk-gateway:${dockerTag(input.gateway.to)} bundle build -m manifest.json -o ${q(bundle)} -y`,
        ]),
      ],
      verify: {
        commands: [bash(`unzip -l ${inDir(bundle)}`)],
        expect: `The zip lists manifest.json and ${plan.builds.join(' and ')}.`,
      },
      guide: 'go-plugins',
    },
    uploadStep(input, inDir(bundle), bundle),
  ];
}

function uploadStep(input: NormalizedInput, bundlePath: string, bundle: string): Step {
  if (input.model === 'cloud') {
    return {
      id: 'go-plugins-upload',
      title: 'Upload the bundle to Tyk Cloud',
      detail:
        'mservctl pushes the bundle to the Cloud control plane. Export MSERVCTL_CONFIG (the mservctl config file of your control plane) first.',
      kind: 'configure',
      component: 'go-plugins',
      commands: [bash(`mservctl --config "$MSERVCTL_CONFIG" push ${bundlePath}`)],
      verify: {
        commands: [bash('mservctl --config "$MSERVCTL_CONFIG" list')],
        expect: `The list shows the new bundle ${bundle}.`,
      },
      rollback: {
        detail:
          'Nothing loads the bundle until an API points at it. If you abandon the upgrade, delete it with mservctl delete and the ID the list shows.',
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
  const bundle = q(plan.bundleName);
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
  const shared =
    plane === 'data'
      ? ' API definitions are shared by every data plane: if an earlier data plane already switched an API, just check that this one loads the plugin.'
      : '';
  return {
    id: `${idPrefix}go-plugins-switch-bundle`,
    title: `Point the APIs at ${plan.bundleName}`,
    detail:
      (isBefore
        ? 'Before the Gateway upgrade: the bundle holds builds for the current and the target Gateway, so the current Gateway keeps working; call an API that uses the plugin now as a sanity check.'
        : 'Right after the Gateway upgrade: the old Gateway could not load the new build, and the new Gateway cannot load the old one, so APIs that use the plugin fail until this is done.') +
      ` For each API that uses the plugin, export API_ID and run these commands; they save the definition first. Tyk OAS APIs keep the bundle under x-tyk-api-gateway.middleware.global.pluginConfig.bundle.path instead.` +
      shared,
    kind: 'configure',
    component: 'go-plugins',
    ...(plane === null ? {} : { plane }),
    commands: [run(apiLines)],
    verify: {
      commands: [run(checkLines)],
      expect: `Each API names ${plan.bundleName}, and a call through it runs the plugin ${isBefore ? `on the current Gateway (${input.gateway.from})` : `on Gateway ${input.gateway.to}`}.`,
    },
    rollback: {
      detail: 'Put back the definition saved before the change.',
      commands: [run(restoreLines)],
    },
    guide: 'go-plugins',
  };
}
