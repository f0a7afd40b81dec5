// Config backups per installation: the config file of each component at each site (packages,
// Docker, compose), and the backups that cover a whole site (the compose project, the Kubernetes
// objects, the Helm release).
import { findComponent } from '../catalog/components';
import { shellQuote as q, joinPath } from '../shell';
import type { ComponentId, Step } from '../types';
import { backupStep } from './backup-step';
import { bash } from './commands';
import {
  dockerAt,
  helmAt,
  kubectlAt,
  onHostSentence,
  planeOf,
  type PlanContext,
  type Site,
} from './context';

const middlewareFolder = '/opt/tyk-gateway/middleware';

function file(site: Site, name: string): string {
  return q(joinPath(site.backupDir, name));
}

function onSite(site: Site): string {
  return site.planeName === null ? '' : ` Run it where you manage data plane ${site.planeName}.`;
}

/** Where a package site's backup runs: on its own host when it has one. */
function onPackageSite(site: Site): string {
  return site.context === '' ? onSite(site) : onHostSentence(site);
}

/** Config backups of one component at one site, for installs that keep a config file per component. */
export function componentConfigStep(
  ctx: PlanContext,
  site: Site,
  component: ComponentId,
): Step | null {
  const f = findComponent(component);
  const install = ctx.input.install;
  const hostConfig = String(ctx.names[f.configField]);
  const isGateway = component === 'gateway';
  const certificates = ' Also copy the certificates and keys its config points to.';
  const common = {
    id: `${site.idPrefix}backup-${component}-config`,
    title: `Back up the ${f.label} config${site.where}`,
    component,
    ...planeOf(site),
  };
  switch (install) {
    case 'deb':
    case 'rpm':
      return backupStep({
        ...common,
        detail: `Copies ${hostConfig}${isGateway ? ` and the middleware folder (${middlewareFolder}; use yours if you changed middleware_path)` : ''}.${certificates}${onPackageSite(site)}`,
        commands: [
          bash(`sudo cp -p ${q(hostConfig)} ${file(site, f.configFile)}`),
          ...(isGateway
            ? [
                bash(
                  `sudo tar -czf ${file(site, 'gateway-middleware.tar.gz')} -C /opt/tyk-gateway middleware`,
                ),
              ]
            : []),
        ],
        verify: {
          commands: [
            bash(
              `ls -l ${file(site, f.configFile)}${isGateway ? ` ${file(site, 'gateway-middleware.tar.gz')}` : ''}`,
            ),
          ],
          expect: 'The files exist and are not empty.',
        },
      });
    case 'docker': {
      const name = site.workloads[component];
      return backupStep({
        ...common,
        detail:
          `Saves the container's settings (docker inspect), its TYK_ environment (the upgrade step starts the new container with it) and ${f.configFile}. ` +
          `docker cp needs no shell, so it also works on the distroless images from 5.5.0 (and 5.3.6), where docker exec cannot run a shell.${certificates}${onSite(site)}`,
        commands: [
          bash(`${dockerAt(site)} inspect ${q(name)} > ${file(site, `${name}-inspect.json`)}`),
          bash(
            `${dockerAt(site)} inspect ${q(name)} | jq -r '.[0].Config.Env[] | select(startswith("TYK_"))' > ${file(site, `${name}.env`)}`,
          ),
          bash(
            `${dockerAt(site)} cp ${q(`${name}:${f.containerConfig}`)} ${file(site, f.configFile)}`,
          ),
          ...(isGateway
            ? [
                bash(
                  `${dockerAt(site)} cp ${q(`${name}:${middlewareFolder}`)} ${file(site, 'gateway-middleware')}`,
                ),
              ]
            : []),
        ],
        verify: {
          commands: [
            bash(
              `ls -l ${file(site, `${name}-inspect.json`)} ${file(site, `${name}.env`)} ${file(site, f.configFile)}`,
            ),
          ],
          expect:
            'The files exist; the .env file lists the TYK_ variables the container runs with (it may be empty if all settings are in the config file).',
        },
      });
    }
    case 'docker-compose': {
      // Tyk's compose stacks configure a service through an env_file; others mount a config file.
      // A relative path is the compose project's, so the copy runs there.
      const isEnvFile = hostConfig.endsWith('.env');
      const copy = file(
        site,
        isEnvFile ? hostConfig.slice(hostConfig.lastIndexOf('/') + 1) : f.configFile,
      );
      const copyCommand = `cp -p ${q(hostConfig)} ${copy}`;
      return backupStep({
        ...common,
        detail: `Copies ${hostConfig}, ${isEnvFile ? `the env file (env_file) the ${site.workloads[component]} service reads its settings from` : `the config file mounted into the ${site.workloads[component]} service`}.${certificates}${onSite(site)}`,
        commands: [
          bash(
            hostConfig.startsWith('/') || ctx.names.composeDir === '.'
              ? copyCommand
              : `(cd ${q(ctx.names.composeDir)} && ${copyCommand})`,
          ),
        ],
        verify: {
          commands: [bash(`ls -l ${copy}`)],
          expect: 'The file exists and is not empty.',
        },
      });
    }
    default:
      return null;
  }
}

/** Backups that cover a whole site: the compose project, the Kubernetes objects, the Helm release. */
export function siteSteps(ctx: PlanContext, site: Site): readonly Step[] {
  const kubernetesFile = file(site, `kubernetes-${site.namespace}.yaml`);
  const kubernetesObjects = backupStep({
    id: `${site.idPrefix}backup-kubernetes-objects`,
    ...planeOf(site),
    title: `Back up the Kubernetes objects${site.where}`,
    detail: `Saves the deployments, config maps and services of namespace ${site.namespace}, where the Tyk config files live on Kubernetes. Secrets hold licences and keys: keep a copy of them in a safe place as well.`,
    commands: [
      bash(`${kubectlAt(site)} get deployment,configmap,service -o yaml > ${kubernetesFile}`),
    ],
    verify: {
      commands: [bash(`grep -c 'kind: Deployment' ${kubernetesFile}`)],
      expect: 'A count of one or more deployments.',
    },
  });
  switch (ctx.input.install) {
    case 'docker-compose':
      return [
        backupStep({
          id: `${site.idPrefix}backup-compose-project`,
          ...planeOf(site),
          title: `Back up the compose project${site.where}`,
          detail: `Archives ${ctx.names.composeDir}: the compose file, its .env (component versions and licences) and the env files of each service.${onSite(site)}`,
          commands: [
            bash(
              `tar -czf ${file(site, 'compose-project.tar.gz')} -C ${q(ctx.names.composeDir)} .`,
            ),
          ],
          verify: {
            commands: [bash(`tar -tzf ${file(site, 'compose-project.tar.gz')}`)],
            expect: 'The list shows the compose file and .env.',
          },
        }),
      ];
    case 'kubernetes':
      return [kubernetesObjects];
    case 'helm': {
      const release = q(site.release);
      return [
        backupStep({
          id: `${site.idPrefix}backup-helm-release`,
          ...planeOf(site),
          title: `Back up the Helm release ${site.release}`,
          detail: `Saves the values the release runs with, its revision history and your values file ${site.valuesFile}. Even with settings in values.yaml, a config file may still be mounted: the next step saves the config maps.`,
          commands: [
            bash(
              `helm get values ${release} ${helmAt(site)} -o yaml > ${file(site, `values-${site.release}.yaml`)}`,
            ),
            bash(
              `helm history ${release} ${helmAt(site)} > ${file(site, `history-${site.release}.txt`)}`,
            ),
            bash(`cp -p ${q(site.valuesFile)} ${file(site, `values-file-${site.release}.yaml`)}`),
          ],
          verify: {
            commands: [
              bash(
                `ls -l ${file(site, `values-${site.release}.yaml`)} ${file(site, `history-${site.release}.txt`)} ${file(site, `values-file-${site.release}.yaml`)}`,
              ),
            ],
            expect: 'The three files exist and are not empty.',
          },
        }),
        kubernetesObjects,
      ];
    }
    default:
      return [];
  }
}
