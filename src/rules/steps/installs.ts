// How each installation type upgrades, checks and rolls back one component (docs/sources.md:
// upgrade guide per installation, Docker Compose reference). One entry per installation type;
// the component entries of the catalogue fill in package, service and image.
import { findComponent, imageRepository } from '../catalog/components';
import { isClusterInstall } from '../catalog/installs';
import { insideDoubleQuotes as dq, shellQuote as q } from '../shell';
import type { Command, ComponentEntry, ComponentId, InstallType, Rollback } from '../types';
import { noTagVariable } from '../names';
import { dockerTag } from '../versions';
import { bash, script, yaml } from './commands';
import {
  dockerAt,
  helmAt,
  kubectlAt,
  type ComponentUpgrade,
  type PlanContext,
  type Site,
} from './context';
import type { HealthCall } from './health';

export type InstallRecipe = {
  /** What the upgrade does here, in a sentence or two. */
  readonly explain: (u: ComponentUpgrade, ctx: PlanContext) => string;
  readonly upgrade: (u: ComponentUpgrade, ctx: PlanContext) => readonly Command[];
  /** Commands that show the version that runs (package, image or tag). */
  readonly runningVersion: (u: ComponentUpgrade, ctx: PlanContext) => readonly Command[];
  /** A command that prints the component's recent log lines. */
  readonly recentLogs: (u: ComponentUpgrade, ctx: PlanContext) => string;
  readonly rollback: (u: ComponentUpgrade, ctx: PlanContext) => Rollback;
};

const facts = (component: ComponentId): ComponentEntry => findComponent(component);

/** The repository the deployment runs (asked, or Tyk's default) with only the tag changed. */
function imageRef(u: ComponentUpgrade, ctx: PlanContext, version: string): string {
  return `${imageRepository(ctx.input, u.component)}:${dockerTag(version)}`;
}

function workload(u: ComponentUpgrade): string {
  return u.site.workloads[u.component];
}

/** Ports a replacement container publishes: the checked port and the component's own. */
function publishedPorts(u: ComponentUpgrade, ctx: PlanContext): readonly number[] {
  const f = facts(u.component);
  return [...f.extraPorts, Number(ctx.names[f.portField])];
}

/** `cmd` run inside the compose project folder, without leaving the user's shell there. */
function inComposeDir(ctx: PlanContext, command: string): string {
  const dir = ctx.names.composeDir;
  return dir === '.' ? command : `(cd ${q(dir)} && ${command})`;
}

function helmValuesSnippet(
  component: ComponentId,
  version: string,
  repository: string | null,
): string {
  const f = facts(component);
  return [
    `${f.helmChartKey}:`,
    `  ${f.helmComponentKey}:`,
    '    image:',
    // The chart's own repository stays unless the user runs another one.
    ...(repository === null ? [] : [`      repository: ${repository}`]),
    `      tag: ${dockerTag(version)}`,
  ].join('\n');
}

function kubectl(site: Site, rest: string): string {
  return `${kubectlAt(site)} ${rest}`;
}

function rolloutStatus(u: ComponentUpgrade): string {
  return kubectl(u.site, `rollout status deployment/${q(workload(u))} --timeout=5m`);
}

function deploymentImage(u: ComponentUpgrade): string {
  return kubectl(
    u.site,
    `get deployment ${q(workload(u))} -o jsonpath='{.spec.template.spec.containers[*].image}'`,
  );
}

function restart(service: string): string {
  return `sudo systemctl restart ${q(service)}`;
}

function serviceStatus(service: string): string {
  return `systemctl status ${q(service)} --no-pager`;
}

function journal(service: string): string {
  return `sudo journalctl -u ${q(service)} -n 200 --no-pager`;
}

const deb: InstallRecipe = {
  explain: (u) =>
    `apt pins the version with "=" (${facts(u.component).packageName}=${u.change.to}); check that it is listed before you install it.`,
  upgrade: (u) => {
    const pkg = q(facts(u.component).packageName);
    return [
      bash('sudo apt-get update'),
      bash(`apt list -a ${pkg}`, `${u.change.to} must be in this list`),
      bash(`sudo apt-get install -y ${pkg}=${q(u.change.to)}`),
      bash(restart(facts(u.component).service)),
    ];
  },
  runningVersion: (u) => [
    bash(`dpkg -l ${q(facts(u.component).packageName)}`),
    bash(serviceStatus(facts(u.component).service)),
  ],
  recentLogs: (u) => journal(facts(u.component).service),
  rollback: (u) => ({
    detail: `Install the previous package version (${u.change.from}) again and restart the service.`,
    commands: [
      bash(
        `sudo apt-get install -y --allow-downgrades ${q(facts(u.component).packageName)}=${q(u.change.from)}`,
      ),
      bash(restart(facts(u.component).service)),
    ],
  }),
};

const rpm: InstallRecipe = {
  explain: (u) =>
    `yum names the version with a hyphen (${facts(u.component).packageName}-${u.change.to}); refresh the Tyk repository first and check that the version is listed.`,
  upgrade: (u) => {
    const f = facts(u.component);
    return [
      bash(`sudo yum -q makecache -y --disablerepo='*' --enablerepo=${q(`tyk_${f.repo}`)}`),
      bash(`yum --showduplicates list ${q(f.packageName)}`, `${u.change.to} must be in this list`),
      bash(`sudo yum update -y ${q(`${f.packageName}-${u.change.to}`)}`),
      bash(restart(f.service)),
    ];
  },
  runningVersion: (u) => [
    bash(`rpm -q ${q(facts(u.component).packageName)}`),
    bash(serviceStatus(facts(u.component).service)),
  ],
  recentLogs: (u) => journal(facts(u.component).service),
  rollback: (u) => {
    const f = facts(u.component);
    return {
      detail: `Downgrade to ${u.change.from} and restart. The history list shows this upgrade as the newest transaction; "sudo yum history undo" with its ID reverts it as well.`,
      commands: [
        bash(`sudo yum history list ${q(f.packageName)}`),
        bash(`sudo yum downgrade -y ${q(`${f.packageName}-${u.change.from}`)}`),
        bash(restart(f.service)),
      ],
    };
  },
};

const docker: InstallRecipe = {
  explain: (u, ctx) => {
    const name = workload(u);
    const gatewayImage = ` Only the tag changes: the image stays ${imageRepository(ctx.input, u.component)}, the repository you run (the record of current versions shows it).`;
    return (
      `Docker cannot change the image of a container, so the old one is renamed ${name}-previous (kept for the way back) and a new one starts with the new tag.` +
      ` The run command reuses the old container's network and volumes and the TYK_ environment the backup saved; add any other flag your own run command has (extra ports, labels, limits, command arguments).` +
      gatewayImage
    );
  },
  upgrade: (u, ctx) => {
    const name = q(workload(u));
    const previous = q(`${workload(u)}-previous`);
    const image = q(imageRef(u, ctx, u.change.to));
    const envFile = q(`${u.site.backupDir}/${workload(u)}.env`);
    const ports = publishedPorts(u, ctx).map((port) => `  -p ${port}:${port} \\`);
    return [
      bash(`${dockerAt(u.site)} pull ${image}`),
      bash(`${dockerAt(u.site)} stop ${name}`),
      bash(`${dockerAt(u.site)} rename ${name} ${previous}`),
      script([
        `${dockerAt(u.site)} run -d --name ${name} --restart unless-stopped \\`,
        `  --network "$(${dockerAt(u.site)} inspect ${previous} | jq -r '.[0].HostConfig.NetworkMode')" \\`,
        `  --volumes-from ${previous} \\`,
        `  --env-file ${envFile} \\`,
        ...ports,
        `  ${image}`,
      ]),
    ];
  },
  runningVersion: (u) => [bash(`${dockerAt(u.site)} ps --filter ${q(`name=^${workload(u)}$`)}`)],
  recentLogs: (u) => `${dockerAt(u.site)} logs ${q(workload(u))} 2>&1`,
  rollback: (u) => {
    const name = q(workload(u));
    return {
      detail: `Remove the new container and start the previous one (${u.change.from}) under its old name.`,
      commands: [
        bash(`${dockerAt(u.site)} stop ${name}`),
        bash(`${dockerAt(u.site)} rm ${name}`),
        bash(`${dockerAt(u.site)} rename ${q(`${workload(u)}-previous`)} ${name}`),
        bash(`${dockerAt(u.site)} start ${name}`),
      ],
    };
  },
};

function composeImageSnippet(u: ComponentUpgrade, ctx: PlanContext, version: string): Command {
  return yaml(
    ['services:', `  ${workload(u)}:`, `    image: ${imageRef(u, ctx, version)}`].join('\n'),
    'In the compose file, set',
  );
}

/** The `.env` variable that holds the component's tag, or null where the compose file names it. */
function tagVariable(u: ComponentUpgrade, ctx: PlanContext): string | null {
  const name = String(ctx.names[facts(u.component).tagVariableField]);
  return name === noTagVariable ? null : name;
}

/**
 * Where the tag is set: the `.env` variable, rewritten in place after checking it is there, or
 * the compose file, shown as the snippet to put in it.
 */
function composeTagChange(u: ComponentUpgrade, ctx: PlanContext, version: string): Command {
  const variable = tagVariable(u, ctx);
  if (variable === null) return composeImageSnippet(u, ctx, version);
  const line = `${variable}="${dockerTag(version)}"`;
  return bash(
    inComposeDir(
      ctx,
      `grep -q ${q(`^${variable}=`)} .env && sed -i ${q(`s/^${variable}=.*/${line}/`)} .env && grep ${q(`^${variable}=`)} .env`,
    ),
    `Set ${variable} in .env`,
  );
}

function composeRecreate(u: ComponentUpgrade, ctx: PlanContext): Command {
  const service = q(workload(u));
  const docker = dockerAt(u.site);
  return bash(
    inComposeDir(
      ctx,
      `${docker} compose pull ${service} && ${docker} compose up -d --no-deps ${service}`,
    ),
  );
}

const dockerCompose: InstallRecipe = {
  explain: (u, ctx) => {
    const variable = tagVariable(u, ctx);
    return (
      (variable === null
        ? `Change the image tag of the ${workload(u)} service in the compose file`
        : `Change ${variable} in .env, the variable the compose file reads the ${workload(u)} image tag from (the first command stops if .env has no such line)`) +
      `, then pull and recreate only that service; --no-deps leaves the services it depends on (Redis, the database) running as they are. "docker compose restart" would keep the old image, so it is not used.`
    );
  },
  upgrade: (u, ctx) => [composeTagChange(u, ctx, u.change.to), composeRecreate(u, ctx)],
  runningVersion: (u, ctx) => [
    bash(inComposeDir(ctx, `${dockerAt(u.site)} compose ps ${q(workload(u))}`)),
    bash(inComposeDir(ctx, `${dockerAt(u.site)} compose images ${q(workload(u))}`)),
  ],
  recentLogs: (u, ctx) =>
    inComposeDir(ctx, `${dockerAt(u.site)} compose logs --tail=200 ${q(workload(u))}`),
  rollback: (u, ctx) => {
    const variable = tagVariable(u, ctx);
    return {
      detail: `Set ${variable === null ? 'the tag' : variable} back to ${dockerTag(u.change.from)}${variable === null ? ' in the compose file' : ' in .env'}, then pull and recreate the service.`,
      commands: [composeTagChange(u, ctx, u.change.from), composeRecreate(u, ctx)],
    };
  },
};

const kubernetes: InstallRecipe = {
  explain: (u) =>
    `The container is taken to be named like its deployment (${workload(u)}); the first command prints the real name. Put the new tag in your manifests too, or the next "kubectl apply" brings the old one back.`,
  upgrade: (u, ctx) => {
    const name = q(workload(u));
    return [
      bash(
        kubectl(
          u.site,
          `get deployment ${name} -o jsonpath='{.spec.template.spec.containers[*].name}'`,
        ),
      ),
      bash(
        kubectl(u.site, `set image deployment/${name} ${name}=${q(imageRef(u, ctx, u.change.to))}`),
      ),
      bash(rolloutStatus(u)),
    ];
  },
  runningVersion: (u) => [bash(kubectl(u.site, 'get pods')), bash(deploymentImage(u))],
  recentLogs: (u) => kubectl(u.site, `logs deployment/${q(workload(u))} --tail=100`),
  rollback: (u) => ({
    detail: `Undo the rollout: Kubernetes goes back to the previous pod template (${u.change.from}). Set the old tag in your manifests as well.`,
    commands: [
      bash(kubectl(u.site, `rollout undo deployment/${q(workload(u))}`)),
      bash(rolloutStatus(u)),
    ],
  }),
};

function helmUpgrade(site: Site): string {
  return `helm upgrade ${q(site.release)} ${q(`tyk-helm/${site.chart ?? 'tyk-stack'}`)} ${helmAt(site)} -f ${q(site.valuesFile)}`;
}

const helm: InstallRecipe = {
  explain: (u) =>
    `Change only the ${facts(u.component).label} tag in ${u.site.valuesFile}, then upgrade the ${u.site.release} release with that file, so the components move one at a time in the required order.`,
  upgrade: (u, ctx) => [
    yaml(
      helmValuesSnippet(u.component, u.change.to, ctx.input.images[u.component]),
      `In ${u.site.valuesFile}, set`,
    ),
    bash(helmUpgrade(u.site)),
    bash(rolloutStatus(u)),
  ],
  runningVersion: (u) => [
    bash(`helm history ${q(u.site.release)} ${helmAt(u.site)} --max 3`),
    bash(kubectl(u.site, 'get pods')),
    bash(deploymentImage(u)),
  ],
  recentLogs: (u) => kubectl(u.site, `logs deployment/${q(workload(u))} --tail=100`),
  rollback: (u, ctx) => {
    const release = q(u.site.release);
    const at = helmAt(u.site);
    return {
      detail: `Roll the release back to the revision before this step (the one before the newest in helm history), and set the tag back to ${dockerTag(u.change.from)} in ${u.site.valuesFile} so the next upgrade does not bring it back.`,
      commands: [
        bash(`helm history ${release} ${at}`),
        script([
          `previous=$(helm history ${release} ${at} -o json | jq -r '.[-2].revision')`,
          `helm rollback ${release} "$previous" ${at}`,
        ]),
        yaml(
          helmValuesSnippet(u.component, u.change.from, ctx.input.images[u.component]),
          `In ${u.site.valuesFile}, set back`,
        ),
      ],
    };
  },
};

export const installRecipes = {
  deb,
  rpm,
  docker,
  'docker-compose': dockerCompose,
  kubernetes,
  helm,
} as const satisfies Record<InstallType, InstallRecipe>;

function curl(call: HealthCall, host: string): string {
  const url = q(`http://${host}:${call.port}${call.path}`);
  return call.isStatusOnly ? `curl -s -o /dev/null -w '%{http_code}\\n' ${url}` : `curl -s ${url}`;
}

/**
 * Commands that call a component's HTTP endpoints. On Kubernetes they go through a short-lived
 * port-forward, because distroless images have no shell to exec a curl in.
 */
export function httpCalls(
  install: InstallType,
  site: Site,
  component: ComponentId,
  calls: readonly HealthCall[],
): readonly Command[] {
  if (!isClusterInstall(install)) return calls.map((call) => bash(curl(call, call.host)));
  const port = calls[0]?.port;
  if (port === undefined) return [];
  return [
    script([
      kubectl(
        site,
        `port-forward deployment/${q(site.workloads[component])} ${port}:${port} >/dev/null &`,
      ),
      'sleep 3',
      ...calls.map((call) => curl(call, 'localhost')),
      'kill "$!"',
    ]),
  ];
}

/** Lines run against a component's HTTP port, through a port-forward where the install needs one. */
export function reachComponent(
  install: InstallType,
  site: Site,
  component: ComponentId,
  target: { readonly host: string; readonly port: number },
  /** Receives the base URL, to be used inside double quotes. */
  lines: (baseUrl: string) => readonly string[],
): Command {
  if (!isClusterInstall(install)) return script(lines(dq(`http://${target.host}:${target.port}`)));
  return script([
    kubectl(
      site,
      `port-forward deployment/${q(site.workloads[component])} ${target.port}:${target.port} >/dev/null &`,
    ),
    'sleep 3',
    ...lines(`http://localhost:${target.port}`),
    'kill "$!"',
  ]);
}
