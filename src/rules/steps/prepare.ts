// The preparation phase: the checklist items as steps, with the commands that check them, plus
// what the installation needs before the first change (Helm repository, pinned tags, values files).
import { componentLabel, findComponent } from '../catalog/components';
import { preparationChecklist } from '../checklist';
import { shellQuote as q } from '../shell';
import type { ChecklistItem, Command, Step } from '../types';
import { dockerTag } from '../versions';
import { siteVersionCommands, versionHints } from '../version-hints';
import { bash, yaml } from './commands';
import { rebuildsGoPlugins } from './go-plugins';
import { helmAt, planeOf, type PlanContext, type SiteComponents } from './context';
import { reachComponent } from './installs';
import { strategyChecks, strategyRecipes } from './strategies';

function fromChecklist(
  item: ChecklistItem,
  commands: readonly Command[],
  kind: Step['kind'] = 'prepare',
): Step {
  return {
    id: item.id,
    title: item.title,
    detail: item.detail,
    kind,
    commands,
    ...(item.guide === undefined ? {} : { guide: item.guide }),
    ...(item.links === undefined ? {} : { links: item.links }),
  };
}

/** Commands that print the running version of every component in use, site by site. */
export function runningVersionCommands(
  ctx: PlanContext,
  sites: readonly SiteComponents[],
): readonly Command[] {
  const { input, names } = ctx;
  if (input.install === null) {
    return versionHints(input.model, null, input.components, names).flatMap(
      (hint) => hint.commands,
    );
  }
  const install = input.install;
  return sites.flatMap(({ site, inUse }) =>
    inUse.flatMap((component) =>
      siteVersionCommands(install, component, names, site).map((command) => ({
        ...command,
        label: `${componentLabel(component)}${site.where}${command.label === undefined ? '' : `, ${command.label}`}`,
      })),
    ),
  );
}

function packageChecks(ctx: PlanContext, sites: readonly SiteComponents[]): readonly Command[] {
  const { input } = ctx;
  const packages = [
    ...new Set(
      sites.flatMap(({ upgraded }) =>
        upgraded.map((component) => findComponent(component).packageName),
      ),
    ),
  ];
  const listed = packages.map((name) => q(name)).join(' ');
  if (input.install === 'deb') return [bash('sudo apt-get update'), bash(`apt list -a ${listed}`)];
  if (input.install === 'rpm')
    return [bash('sudo yum -q makecache -y'), bash(`yum --showduplicates list ${listed}`)];
  return [];
}

function pluginApiList(ctx: PlanContext): readonly Command[] {
  const { input, names } = ctx;
  const main = ctx.main?.site ?? null;
  if (input.model === 'oss' && input.install !== null && main !== null) {
    return [
      reachComponent(
        input.install,
        main,
        'gateway',
        { host: names.gatewayHost, port: names.gatewayPort },
        (base) => [
          `curl -fsS -H "x-tyk-authorization: $TYK_GW_SECRET" "${base}/tyk/apis" | jq -r '.[] | select((.custom_middleware_bundle // "") != "") | "\\(.api_id) \\(.custom_middleware_bundle)"'`,
        ],
      ),
    ];
  }
  const lines = (base: string): readonly string[] => [
    `curl -fsS -H "Authorization: $TYK_DASHBOARD_API_KEY" "${base}/api/apis?p=-1" | jq -r '.apis[] | select((.api_definition.custom_middleware_bundle // "") != "") | "\\(.api_definition.api_id) \\(.api_definition.custom_middleware_bundle)"'`,
  ];
  if (input.install === null || main === null || input.database === null)
    return [bash(lines('$TYK_DASHBOARD_URL').join('\n'))];
  return [
    reachComponent(
      input.install,
      main,
      'dashboard',
      { host: names.dashboardHost, port: names.dashboardPort },
      lines,
    ),
  ];
}

function helmSteps(ctx: PlanContext, sites: readonly SiteComponents[]): readonly Step[] {
  const charts = [...new Set(sites.map(({ site }) => site.chart ?? 'tyk-stack'))];
  const repoStep: Step = {
    id: 'helm-repo-update',
    title: 'Update the Tyk Helm repository and check the chart versions',
    detail:
      'helm upgrade takes the newest chart unless you add --version. Compare the chart you run (helm list) with the newest (helm search) and read the chart release notes in between: charts 2.0.0, 3.0.0 and 4.0.0 changed defaults. Add --version to the upgrade commands to stay on your chart.',
    kind: 'prepare',
    commands: [
      bash('helm repo add tyk-helm https://helm.tyk.io/public/helm/charts/ --force-update'),
      bash('helm repo update'),
      ...sites.map(({ site }) => bash(`helm list ${helmAt(site)}`)),
      ...charts.map((chart) =>
        bash(`helm search repo ${q(`tyk-helm/${chart}`)} --versions | head -n 5`),
      ),
    ],
  };
  const perSite = sites.flatMap(({ site, inUse }) => {
    const valuesFile: readonly Step[] =
      site.valuesFile === ctx.names.valuesFile
        ? []
        : [
            {
              id: `${site.idPrefix}helm-values-file`,
              ...planeOf(site),
              title: `Keep the values of ${site.release} in ${site.valuesFile}`,
              detail: `The upgrade steps of data plane ${site.planeName ?? site.release} change tags in this file. If you have no such file, this starts it from the values the release runs with.`,
              kind: 'prepare',
              commands: [
                bash(
                  `[ -e ${q(site.valuesFile)} ] || helm get values ${q(site.release)} ${helmAt(site)} -o yaml > ${q(site.valuesFile)}`,
                ),
              ],
            },
          ];
    const pinned = inUse.flatMap((component) => {
      const change = ctx.facts.changes[component];
      const f = findComponent(component);
      return change === null
        ? []
        : [
            `${f.helmChartKey}:`,
            `  ${f.helmComponentKey}:`,
            '    image:',
            `      tag: ${dockerTag(change.from)}`,
          ];
    });
    const pin: Step = {
      id: `${site.idPrefix}helm-pin-current-tags`,
      ...planeOf(site),
      title: `Pin the current image tags in ${site.valuesFile}`,
      detail:
        'Where the values file sets no tag, the chart default applies, and the first helm upgrade would move every component at once to the new chart’s defaults. Pin each tag to the version you run now; the upgrade steps then change them one at a time.',
      kind: 'prepare',
      commands: [yaml(pinned.join('\n'), `In ${site.valuesFile}`)],
      guide: 'upgrade-order',
    };
    return [...valuesFile, pin];
  });
  return [repoStep, ...perSite];
}

export function prepareSteps(ctx: PlanContext): readonly Step[] {
  const { input, sites } = ctx;
  const checklist = preparationChecklist(input);
  const extraCommands: Readonly<Record<string, readonly Command[]>> = {
    'strategy-prerequisites': strategyChecks(ctx),
    'go-plugins-identified': rebuildsGoPlugins(input) ? pluginApiList(ctx) : [],
    'linux-target-available': packageChecks(ctx, sites),
    'linux-local-packages':
      input.install === 'deb'
        ? [bash('ls -l /etc/apt/sources.list.d/tyk_*.list')]
        : input.install === 'rpm'
          ? [bash('ls -l /etc/yum.repos.d/tyk_*.repo')]
          : [],
  };
  const linuxRepoNote =
    input.install === 'deb' || input.install === 'rpm'
      ? ' If the command finds no tyk_ repository files, Tyk was installed from local package files.' +
        (input.components.includes('mdcb')
          ? ' MDCB comes from the tyk-mdcb-stable repository as the tyk-sink package.'
          : '')
      : '';
  const checklistSteps = checklist.flatMap((item): readonly Step[] => {
    if (item.id === 'backups-tested') return [];
    if (item.id === 'communicate')
      return [{ ...fromChecklist(item, []), id: 'announce-upgrade', kind: 'communicate' }];
    const step = fromChecklist(item, extraCommands[item.id] ?? []);
    return [
      item.id === 'linux-local-packages' ? { ...step, detail: step.detail + linuxRepoNote } : step,
    ];
  });
  const announce = checklistSteps.filter((step) => step.kind === 'communicate');
  const record: Step = {
    id: 'record-current-versions',
    title: 'Record the versions you run now',
    detail: 'Write them down: the way back returns to exactly these versions.',
    kind: 'prepare',
    commands: runningVersionCommands(ctx, sites),
  };
  return [
    record,
    ...checklistSteps.filter((step) => step.kind !== 'communicate'),
    ...(input.install === 'helm' ? helmSteps(ctx, sites) : []),
    ...announce,
    ...strategyRecipes[input.strategy].opening(input),
  ];
}
