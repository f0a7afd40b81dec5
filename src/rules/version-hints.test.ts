import { describe, expect, it } from 'vitest';
import { defaultNames } from './names';
import type { ComponentId, DeploymentModel, InstallType, Names } from './types';
import { versionHints } from './version-hints';

const codesOf = (
  model: DeploymentModel,
  install: InstallType | null,
  components: readonly ComponentId[],
  names?: Partial<Names>,
) =>
  versionHints(model, install, components, { ...defaultNames(model, install), ...names }).map(
    (hint) => [hint.component, hint.commands.map((c) => c.code)],
  );

describe('versionHints', () => {
  it.each<
    [
      string,
      DeploymentModel,
      InstallType | null,
      readonly ComponentId[],
      Partial<Names>,
      readonly (readonly [ComponentId, readonly string[]])[],
    ]
  >([
    [
      'deb: the Gateway reports itself; dpkg shows each package',
      'self-managed',
      'deb',
      ['gateway', 'dashboard', 'pump'],
      {},
      [
        ['gateway', ['curl -s http://localhost:8080/hello', 'dpkg -l tyk-gateway']],
        ['dashboard', ['dpkg -l tyk-dashboard']],
        ['pump', ['dpkg -l tyk-pump']],
      ],
    ],
    [
      'rpm: MDCB is the tyk-sink package',
      'self-managed-mdcb',
      'rpm',
      ['mdcb', 'gateway'],
      { gatewayHost: 'gw1.internal', gatewayPort: 9000 },
      [
        ['mdcb', ['rpm -q tyk-sink']],
        ['gateway', ['curl -s http://gw1.internal:9000/hello', 'rpm -q tyk-gateway']],
      ],
    ],
    [
      'docker: the container list shows the image tag',
      'oss',
      'docker',
      ['gateway'],
      {},
      [
        [
          'gateway',
          ['curl -s http://localhost:8080/hello', "docker ps --filter 'name=^tyk_gateway$'"],
        ],
      ],
    ],
    [
      'docker compose: the service images, from the project folder',
      'self-managed',
      'docker-compose',
      ['dashboard'],
      { composeDir: '/opt/tyk' },
      [['dashboard', ['(cd /opt/tyk && docker compose images tyk-dashboard)']]],
    ],
    [
      'kubernetes: the deployment image, and /hello through a port-forward',
      'self-managed',
      'kubernetes',
      ['gateway', 'pump'],
      { namespace: 'apis' },
      [
        [
          'gateway',
          [
            'kubectl -n apis port-forward deployment/tyk-gateway 8080:8080 >/dev/null &\nsleep 3\ncurl -s http://localhost:8080/hello\nkill "$!"',
            "kubectl -n apis get deployment tyk-gateway -o jsonpath='{.spec.template.spec.containers[*].image}'",
          ],
        ],
        [
          'pump',
          [
            "kubectl -n apis get deployment tyk-pump -o jsonpath='{.spec.template.spec.containers[*].image}'",
          ],
        ],
      ],
    ],
    [
      'helm: the chart’s workload names',
      'self-managed',
      'helm',
      ['dashboard'],
      {},
      [
        [
          'dashboard',
          [
            "kubectl -n tyk get deployment dashboard-tyk-stack-tyk-dashboard -o jsonpath='{.spec.template.spec.containers[*].image}'",
          ],
        ],
      ],
    ],
    [
      'Tyk Cloud: the Cloud Gateway reports itself; the console shows the rest',
      'cloud',
      null,
      ['dashboard', 'gateway'],
      {},
      [
        ['dashboard', []],
        ['gateway', ['curl -s "$TYK_CLOUD_GATEWAY_URL/hello"']],
      ],
    ],
  ])('%s', (_name, model, install, components, names, expected) => {
    expect(codesOf(model, install, components, names)).toEqual(expected);
  });

  it('quotes a name the shell would otherwise split', () => {
    const [hint] = versionHints('self-managed', 'deb', ['gateway'], {
      ...defaultNames('self-managed', 'deb'),
      gatewayHost: 'a b',
    });
    expect(hint?.commands[0]?.code).toBe("curl -s 'http://a b:8080/hello'");
  });
});
