// How to find the version each component runs now, per installation type.
import { shellQuote as q } from './shell';
import { bash } from './steps/commands';
import { findComponent } from './catalog/components';
import { dockerAt, kubectlAt, type Site } from './steps/context';
import { httpCalls } from './steps/installs';
import type {
  Command,
  ComponentId,
  DeploymentModel,
  InstallType,
  Names,
  VersionHint,
} from './types';

/** Where the hints look: the user's names, or one data plane's namespace and workloads. */
export type HintSite = Pick<
  Site,
  'namespace' | 'release' | 'gatewayHost' | 'workloads' | 'context' | 'redisHost' | 'redisPort'
>;

function namedSite(names: Names): HintSite {
  return {
    namespace: names.namespace,
    release: names.helmRelease,
    gatewayHost: names.gatewayHost,
    context: '',
    redisHost: names.redisHost,
    redisPort: names.redisPort,
    workloads: {
      gateway: names.gatewayName,
      dashboard: names.dashboardName,
      pump: names.pumpName,
      mdcb: names.mdcbName,
    },
  };
}

function packageCommand(
  install: InstallType,
  component: ComponentId,
  names: Names,
  site: HintSite,
): readonly Command[] {
  const f = findComponent(component);
  const workload = q(site.workloads[component]);
  switch (install) {
    case 'deb':
      return [bash(`dpkg -l ${q(f.packageName)}`)];
    case 'rpm':
      return [bash(`rpm -q ${q(f.packageName)}`)];
    case 'docker':
      return [bash(`${dockerAt(site)} ps --filter ${q(`name=^${site.workloads[component]}$`)}`)];
    case 'docker-compose':
      return [
        bash(
          names.composeDir === '.'
            ? `${dockerAt(site)} compose images ${workload}`
            : `(cd ${q(names.composeDir)} && ${dockerAt(site)} compose images ${workload})`,
        ),
      ];
    case 'kubernetes':
    case 'helm':
      return [
        bash(
          `${kubectlAt(site)} get deployment ${workload} -o jsonpath='{.spec.template.spec.containers[*].image}'`,
        ),
      ];
  }
}

/** The version commands for one site; the Gateway also reports its version on /hello. */
const packageSourceLabel: Readonly<Record<InstallType, string>> = {
  docker: 'the image it runs',
  'docker-compose': 'the image it runs',
  kubernetes: 'the image it runs',
  helm: 'the image it runs',
  rpm: 'the installed package',
  deb: 'the installed package',
};

export function siteVersionCommands(
  install: InstallType,
  component: ComponentId,
  names: Names,
  site: HintSite,
): readonly Command[] {
  const fullSite: Site = {
    ...site,
    plane: null,
    planeName: null,
    idPrefix: '',
    where: '',
    valuesFile: names.valuesFile,
    chart: null,
    backupDir: names.backupDir,
  };
  const hello =
    component === 'gateway'
      ? httpCalls(install, fullSite, 'gateway', [
          { host: site.gatewayHost, port: names.gatewayPort, path: '/hello', isStatusOnly: false },
        ])
      : [];
  // Label the two ways of reading the Gateway's version apart.
  const described = (commands: readonly Command[], how: string): readonly Command[] =>
    hello.length === 0 ? commands : commands.map((command) => ({ ...command, label: how }));
  return [
    ...described(hello, 'its /hello answer'),
    ...described(packageCommand(install, component, names, site), packageSourceLabel[install]),
  ];
}

export function versionHints(
  model: DeploymentModel,
  install: InstallType | null,
  components: readonly ComponentId[],
  names: Names,
): readonly VersionHint[] {
  if (install === null || model === 'cloud') {
    // Tyk runs it: the console shows the versions; a Cloud Gateway also reports its own.
    return components.map((component) => ({
      component,
      commands:
        component === 'gateway'
          ? [
              bash(
                'curl -s "$TYK_CLOUD_GATEWAY_URL/hello"',
                'Export TYK_CLOUD_GATEWAY_URL first, or read the version in the Cloud console',
              ),
            ]
          : [],
    }));
  }
  const site = namedSite(names);
  return components.map((component) => ({
    component,
    commands: siteVersionCommands(install, component, names, site),
  }));
}
