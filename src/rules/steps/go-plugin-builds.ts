// The Go plugin build steps: the dependency commands chosen by the target Gateway, the compile
// with the matching compiler image, the build the current Gateway keeps, the bundle manifest, the
// bundle and its upload.
import { imageRepository } from '../catalog/components';
import { graphqlToolsReplacement, pluginCompilers } from '../catalog/go-plugins';
import { joinPath, shellQuote as q } from '../shell';
import type { Command, DependencyRecipe, NormalizedInput, Step } from '../types';
import { dockerTag } from '../versions';
import { bash, json, script } from './commands';
import type { GoPluginPath, GoPluginPlan, PlanContext } from './context';

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
