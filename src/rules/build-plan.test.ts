import { describe, expect, it } from 'vitest';
import { buildPlan, planTitleOf } from './build-plan';
import { planSummary } from './summary';
import type { Plan, PlanInput, Step } from './types';

function planFor(input: PlanInput): Plan {
  const result = buildPlan(input);
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.errors)}`);
  return result.plan;
}

const stepsOf = (plan: Plan): readonly Step[] => plan.phases.flatMap((phase) => phase.steps);

function stepOf(plan: Plan, id: string): Step {
  const step = stepsOf(plan).find((s) => s.id === id);
  if (step === undefined)
    throw new Error(
      `no step ${id} in ${stepsOf(plan)
        .map((s) => s.id)
        .join(', ')}`,
    );
  return step;
}

const codes = (step: Step): readonly string[] => step.commands.map((c) => c.code);
const verifyCodes = (step: Step): readonly string[] =>
  step.verify?.commands.map((c) => c.code) ?? [];
const rollbackCodes = (step: Step): readonly string[] =>
  step.rollback?.commands.map((c) => c.code) ?? [];

/** The ids of the steps that change a component, in plan order (go-plugins, control plane, data planes). */
function changeStepIds(plan: Plan): readonly string[] {
  return plan.phases
    .filter(
      (phase) =>
        phase.kind === 'go-plugins' ||
        phase.kind === 'control-plane' ||
        phase.kind === 'data-plane',
    )
    .flatMap((phase) => phase.steps.map((s) => s.id));
}

type Scenario = {
  readonly name: string;
  readonly input: PlanInput;
  readonly phases: readonly string[];
  readonly changeSteps: readonly string[];
  /** Exact commands each step must show, in this order among its commands. */
  readonly commands: Readonly<Record<string, readonly string[]>>;
  readonly verify?: Readonly<Record<string, readonly string[]>>;
  readonly rollback?: Readonly<Record<string, readonly string[]>>;
};

const standardPhases = ['prepare', 'backup', 'upgrade', 'verify', 'rollback', 'after'];
const pluginPhases = ['prepare', 'backup', 'go-plugins', 'upgrade', 'verify', 'rollback', 'after'];
const pluginBuild = [
  'go-plugins-update-dependencies',
  'go-plugins-compile',
  'go-plugins-manifest',
  'go-plugins-bundle',
  'go-plugins-upload',
];

const scenarios: readonly Scenario[] = [
  {
    name: 'self-managed deb: Dashboard, Gateway, Pump with apt pins',
    input: {
      model: 'self-managed',
      install: 'deb',
      components: ['gateway', 'dashboard', 'pump'],
      usesGoPlugins: false,
      gateway: { from: '5.2.5', to: '5.3.0' },
      pump: { from: '1.8.0', to: '1.9.0' },
      strategy: 'rolling',
    },
    phases: standardPhases,
    changeSteps: ['upgrade-dashboard', 'upgrade-gateway', 'upgrade-pump'],
    commands: {
      'upgrade-gateway': [
        'sudo apt-get update',
        'apt list -a tyk-gateway',
        'sudo apt-get install -y tyk-gateway=5.3.0',
        'sudo systemctl restart tyk-gateway',
      ],
      'upgrade-dashboard': [
        'sudo apt-get install -y tyk-dashboard=5.3.0',
        'sudo systemctl restart tyk-dashboard',
      ],
      'upgrade-pump': ['sudo apt-get install -y tyk-pump=1.9.0'],
      'backup-gateway-config': [
        'sudo cp -p /opt/tyk-gateway/tyk.conf /var/backups/tyk-upgrade/tyk.conf',
      ],
      'backup-database': [
        'mongodump --host localhost --db tyk_analytics --out /var/backups/tyk-upgrade/mongodb',
      ],
      'backup-apis-policies': [
        'mkdir -p /var/backups/tyk-upgrade/tyk-sync\ntyk-sync dump -d "http://localhost:3000" -s "$TYK_DASHBOARD_API_KEY" -t /var/backups/tyk-upgrade/tyk-sync',
      ],
      'strategy-prerequisites': [
        'sudo jq -r .license_key /opt/tyk-dashboard/tyk_analytics.conf | sha256sum',
      ],
    },
    verify: {
      'upgrade-gateway': [
        'dpkg -l tyk-gateway',
        'systemctl status tyk-gateway --no-pager',
        'curl -s http://localhost:8080/hello',
        "sudo journalctl -u tyk-gateway -n 200 --no-pager | grep 'Tyk API Gateway' | tail -n 1 | grep -F 5.3.0",
      ],
      'upgrade-dashboard': [
        "curl -s -o /dev/null -w '%{http_code}\\n' http://localhost:3000/hello",
      ],
      'upgrade-pump': ['curl -s http://localhost:8083/health'],
    },
    rollback: {
      'upgrade-gateway': [
        'sudo apt-get install -y --allow-downgrades tyk-gateway=5.2.5',
        'sudo systemctl restart tyk-gateway',
      ],
    },
  },
  {
    name: 'self-managed rpm: the Dashboard step upgrades tyk-dashboard, not tyk-pump',
    input: {
      model: 'self-managed',
      install: 'rpm',
      components: ['gateway', 'dashboard'],
      usesGoPlugins: false,
      database: 'postgres',
      gateway: { from: '5.2.5', to: '5.3.0' },
      strategy: 'downtime',
      downtimeMinutes: 45,
    },
    phases: standardPhases,
    changeSteps: ['upgrade-dashboard', 'upgrade-gateway'],
    commands: {
      'upgrade-dashboard': [
        "sudo yum -q makecache -y --disablerepo='*' --enablerepo=tyk_tyk-dashboard",
        'yum --showduplicates list tyk-dashboard',
        'sudo yum update -y tyk-dashboard-5.3.0',
        'sudo systemctl restart tyk-dashboard',
      ],
      'upgrade-gateway': ['sudo yum update -y tyk-gateway-5.3.0'],
      'backup-database': [
        'pg_dump -h localhost -d tyk_analytics -F c -f /var/backups/tyk-upgrade/tyk_analytics.dump',
      ],
    },
    verify: { 'upgrade-gateway': ['rpm -q tyk-gateway'] },
    rollback: {
      'upgrade-dashboard': [
        'sudo yum history list tyk-dashboard',
        'sudo yum downgrade -y tyk-dashboard-5.2.5',
        'sudo systemctl restart tyk-dashboard',
      ],
    },
  },
  {
    name: 'self-managed docker with Go plugins (path 3): bundle switch before the Gateway',
    input: {
      model: 'self-managed',
      install: 'docker',
      components: ['gateway', 'dashboard', 'pump'],
      usesGoPlugins: true,
      gateway: { from: '5.2.5', to: '5.3.0' },
      pump: { from: '1.9.0', to: '1.12.0' },
      strategy: 'blue-green',
    },
    phases: pluginPhases,
    changeSteps: [
      ...pluginBuild,
      'upgrade-dashboard',
      'go-plugins-switch-bundle',
      'upgrade-gateway',
      'upgrade-pump',
    ],
    commands: {
      'upgrade-gateway': [
        'docker pull tykio/tyk-gateway:v5.3.0',
        'docker stop tyk-gateway',
        'docker rename tyk-gateway tyk-gateway-previous',
        [
          'docker run -d --name tyk-gateway --restart unless-stopped \\',
          `  --network "$(docker inspect tyk-gateway-previous | jq -r '.[0].HostConfig.NetworkMode')" \\`,
          '  --volumes-from tyk-gateway-previous \\',
          '  --env-file /var/backups/tyk-upgrade/tyk-gateway.env \\',
          '  -p 8080:8080 \\',
          '  tykio/tyk-gateway:v5.3.0',
        ].join('\n'),
      ],
      'upgrade-dashboard': ['docker pull tykio/tyk-dashboard:v5.3.0'],
      'upgrade-pump': ['docker pull tykio/tyk-pump-docker-pub:v1.12.0'],
      'backup-gateway-config': [
        'docker inspect tyk-gateway > /var/backups/tyk-upgrade/tyk-gateway-inspect.json',
        `docker inspect tyk-gateway | jq -r '.[0].Config.Env[] | select(startswith("TYK_"))' > /var/backups/tyk-upgrade/tyk-gateway.env`,
        'docker cp tyk-gateway:/opt/tyk-gateway/tyk.conf /var/backups/tyk-upgrade/tyk.conf',
      ],
      'go-plugins-update-dependencies': [
        'go get github.com/TykTechnologies/tyk@ffa83a27d3bf793aa27e5f6e4c7106106286699d &&\ngo mod tidy',
      ],
      'go-plugins-compile': [
        'docker pull tykio/tyk-plugin-compiler:v5.2.5',
        'docker pull tykio/tyk-plugin-compiler:v5.3.0',
        'docker run --rm -v "$(pwd)":/plugin-source --platform=linux/amd64 tykio/tyk-plugin-compiler:v5.2.5 CustomGoPlugin.so',
        'docker run --rm -v "$(pwd)":/plugin-source --platform=linux/amd64 tykio/tyk-plugin-compiler:v5.3.0 CustomGoPlugin.so',
      ],
      'go-plugins-bundle': [
        'docker run --rm --user "$(id -u):$(id -g)" -v "$(pwd)":/plugin-source -w /plugin-source --entrypoint /opt/tyk-gateway/tyk tykio/tyk-gateway:v5.3.0 bundle build -m manifest.json -o CustomGoPlugin-v5.3.0.zip -y',
      ],
    },
    verify: {
      'upgrade-gateway': [
        "docker ps --filter 'name=^tyk-gateway$'",
        "docker logs tyk-gateway 2>&1 | grep 'Tyk API Gateway' | tail -n 1 | grep -F 5.3.0",
      ],
    },
    rollback: {
      'upgrade-gateway': [
        'docker stop tyk-gateway',
        'docker rm tyk-gateway',
        'docker rename tyk-gateway-previous tyk-gateway',
        'docker start tyk-gateway',
      ],
    },
  },
  {
    name: 'self-managed docker compose: pull and up -d from the project folder',
    input: {
      model: 'self-managed',
      install: 'docker-compose',
      components: ['gateway', 'dashboard'],
      usesGoPlugins: false,
      gateway: { from: '5.3.0', to: '5.8.15' },
      strategy: 'rolling',
      names: { composeDir: '/opt/tyk' },
    },
    phases: standardPhases,
    changeSteps: ['upgrade-dashboard', 'upgrade-gateway'],
    commands: {
      'upgrade-gateway': [
        `(cd /opt/tyk && grep -q '^GATEWAY_VERSION=' .env && sed -i 's/^GATEWAY_VERSION=.*/GATEWAY_VERSION="v5.8.15"/' .env && grep '^GATEWAY_VERSION=' .env)`,
        '(cd /opt/tyk && docker compose pull tyk-gateway && docker compose up -d --no-deps tyk-gateway)',
      ],
      'backup-compose-project': [
        'tar -czf /var/backups/tyk-upgrade/compose-project.tar.gz -C /opt/tyk .',
      ],
    },
    verify: {
      'upgrade-gateway': [
        '(cd /opt/tyk && docker compose ps tyk-gateway)',
        "(cd /opt/tyk && docker compose logs --tail=200 tyk-gateway) | grep 'Tyk API Gateway' | tail -n 1 | grep -F 5.8.15",
      ],
    },
    rollback: {
      'upgrade-gateway': [
        `(cd /opt/tyk && grep -q '^GATEWAY_VERSION=' .env && sed -i 's/^GATEWAY_VERSION=.*/GATEWAY_VERSION="v5.3.0"/' .env && grep '^GATEWAY_VERSION=' .env)`,
        '(cd /opt/tyk && docker compose pull tyk-gateway && docker compose up -d --no-deps tyk-gateway)',
      ],
    },
  },
  {
    name: 'self-managed kubernetes: set image, rollout status, rollout undo',
    input: {
      model: 'self-managed',
      install: 'kubernetes',
      components: ['gateway', 'dashboard', 'pump'],
      usesGoPlugins: false,
      gateway: { from: '5.3.0', to: '5.8.15' },
      pump: { from: '1.9.0' },
      strategy: 'rolling',
    },
    phases: standardPhases,
    changeSteps: ['upgrade-dashboard', 'upgrade-gateway', 'upgrade-pump'],
    commands: {
      'upgrade-gateway': [
        "kubectl -n tyk get deployment tyk-gateway -o jsonpath='{.spec.template.spec.containers[*].name}'",
        'kubectl -n tyk set image deployment/tyk-gateway tyk-gateway=tykio/tyk-gateway:v5.8.15',
        'kubectl -n tyk rollout status deployment/tyk-gateway --timeout=5m',
      ],
      'backup-kubernetes-objects': [
        'kubectl -n tyk get deployment,configmap,service -o yaml > /var/backups/tyk-upgrade/kubernetes-tyk.yaml',
      ],
      'strategy-prerequisites': [
        'kubectl -n tyk get deployment tyk-dashboard tyk-gateway tyk-pump',
      ],
    },
    verify: {
      'upgrade-gateway': [
        'kubectl -n tyk get pods',
        'kubectl -n tyk port-forward deployment/tyk-gateway 8080:8080 >/dev/null &\nsleep 3\ncurl -s http://localhost:8080/hello\nkill "$!"',
        "kubectl -n tyk logs deployment/tyk-gateway --tail=100 | grep 'Tyk API Gateway' | tail -n 1 | grep -F 5.8.15",
      ],
    },
    rollback: {
      'upgrade-gateway': [
        'kubectl -n tyk rollout undo deployment/tyk-gateway',
        'kubectl -n tyk rollout status deployment/tyk-gateway --timeout=5m',
      ],
    },
  },
  {
    name: 'self-managed helm: one tag per helm upgrade of tyk-stack, with -f',
    input: {
      model: 'self-managed',
      install: 'helm',
      components: ['gateway', 'dashboard', 'pump'],
      usesGoPlugins: false,
      gateway: { from: '5.3.0', to: '5.8.15' },
      pump: { from: '1.9.0', to: '1.16.0' },
      strategy: 'rolling',
    },
    phases: standardPhases,
    changeSteps: ['upgrade-dashboard', 'upgrade-gateway', 'upgrade-pump'],
    commands: {
      'upgrade-dashboard': [
        'tyk-dashboard:\n  dashboard:\n    image:\n      tag: v5.8.15',
        'helm upgrade tyk-stack tyk-helm/tyk-stack -n tyk -f values.yaml',
        'kubectl -n tyk rollout status deployment/dashboard-tyk-stack-tyk-dashboard --timeout=5m',
      ],
      'upgrade-gateway': [
        'tyk-gateway:\n  gateway:\n    image:\n      tag: v5.8.15',
        'helm upgrade tyk-stack tyk-helm/tyk-stack -n tyk -f values.yaml',
      ],
      'upgrade-pump': ['tyk-pump:\n  pump:\n    image:\n      tag: v1.16.0'],
      'backup-helm-release': [
        'helm get values tyk-stack -n tyk -o yaml > /var/backups/tyk-upgrade/values-tyk-stack.yaml',
        'helm history tyk-stack -n tyk > /var/backups/tyk-upgrade/history-tyk-stack.txt',
      ],
      'helm-repo-update': [
        'helm repo add tyk-helm https://helm.tyk.io/public/helm/charts/ --force-update',
        'helm repo update',
      ],
      'helm-pin-current-tags': [
        'tyk-dashboard:\n  dashboard:\n    image:\n      tag: v5.3.0\ntyk-gateway:\n  gateway:\n    image:\n      tag: v5.3.0\ntyk-pump:\n  pump:\n    image:\n      tag: v1.9.0',
      ],
    },
    verify: { 'upgrade-gateway': ['helm history tyk-stack -n tyk --max 3'] },
    rollback: {
      'upgrade-gateway': [
        'helm history tyk-stack -n tyk',
        `previous=$(helm history tyk-stack -n tyk -o json | jq -r '.[-2].revision')\nhelm rollback tyk-stack "$previous" -n tyk`,
        'tyk-gateway:\n  gateway:\n    image:\n      tag: v5.3.0',
      ],
    },
  },
  {
    name: 'self-managed-mdcb rpm: MDCB is tyk-sink 2.x from tyk-mdcb-stable, first on the control plane',
    input: {
      model: 'self-managed-mdcb',
      install: 'rpm',
      components: ['mdcb', 'dashboard', 'gateway', 'pump'],
      usesGoPlugins: false,
      dataPlanes: [{ name: 'edge', gatewayHost: 'edge-gw.internal' }],
      gateway: { from: '5.2.5', to: '5.3.0' },
      pump: { from: '1.8.0', to: '1.9.0' },
      mdcb: { from: '2.4.0', to: '2.5.0' },
      strategy: 'rolling',
    },
    phases: [
      'prepare',
      'backup',
      'control-plane',
      'data-plane-edge',
      'verify',
      'rollback',
      'after',
    ],
    changeSteps: [
      'upgrade-mdcb',
      'upgrade-pump',
      'upgrade-dashboard',
      'upgrade-gateway',
      'edge-upgrade-pump',
      'edge-upgrade-gateway',
    ],
    commands: {
      'upgrade-mdcb': [
        "sudo yum -q makecache -y --disablerepo='*' --enablerepo=tyk_tyk-mdcb-stable",
        'yum --showduplicates list tyk-sink',
        'sudo yum update -y tyk-sink-2.5.0',
        'sudo systemctl restart tyk-sink',
      ],
      'edge-upgrade-gateway': ['sudo yum update -y tyk-gateway-5.3.0'],
      'edge-backup-gateway-config': [
        'sudo cp -p /opt/tyk-gateway/tyk.conf /var/backups/tyk-upgrade/edge/tyk.conf',
      ],
    },
    verify: {
      'upgrade-mdcb': [
        'rpm -q tyk-sink',
        'systemctl status tyk-sink --no-pager',
        "curl -s -o /dev/null -w '%{http_code}\\n' http://localhost:8181/health",
      ],
      'edge-upgrade-gateway': ['curl -s http://edge-gw.internal:8080/hello'],
    },
  },
  {
    name: 'self-managed-mdcb deb: MDCB 2.7.0 is checked on /liveness and /readiness',
    input: {
      model: 'self-managed-mdcb',
      install: 'deb',
      components: ['mdcb', 'dashboard', 'gateway'],
      usesGoPlugins: false,
      gateway: { from: '5.3.0', to: '5.8.15' },
      mdcb: { from: '2.6.0', to: '2.7.0' },
      strategy: 'downtime',
    },
    phases: [
      'prepare',
      'backup',
      'control-plane',
      'data-plane-data-plane-1',
      'verify',
      'rollback',
      'after',
    ],
    changeSteps: [
      'upgrade-mdcb',
      'upgrade-dashboard',
      'upgrade-gateway',
      'data-plane-1-upgrade-gateway',
    ],
    commands: { 'upgrade-mdcb': ['sudo apt-get install -y tyk-sink=2.7.0'] },
    verify: {
      'upgrade-mdcb': [
        "curl -s -o /dev/null -w '%{http_code}\\n' http://localhost:8181/liveness",
        "curl -s -o /dev/null -w '%{http_code}\\n' http://localhost:8181/readiness",
      ],
    },
  },
  {
    // Path 2 to a target from 4.3.2 (upgrade guide "Go plugins", tyk repository goplugin/): the
    // one dual-build switch comes before the management Gateway, the first Gateway to move; each
    // data plane then checks its Gateways load the bundle before they are upgraded.
    name: 'self-managed-mdcb helm with two data planes and Go plugins (path 2, two builds): one switch before the first Gateway',
    input: {
      model: 'self-managed-mdcb',
      install: 'helm',
      components: ['mdcb', 'dashboard', 'gateway'],
      usesGoPlugins: true,
      dataPlanes: [{ name: 'eu-west' }, { name: 'us-east', namespace: 'tyk-us', release: 'dp-us' }],
      gateway: { from: '4.0.0', to: '5.0.15' },
      mdcb: { from: '2.3.0', to: '2.4.0' },
      strategy: 'blue-green',
    },
    phases: [
      'prepare',
      'backup',
      'go-plugins',
      'control-plane',
      'data-plane-eu-west',
      'data-plane-us-east',
      'verify',
      'rollback',
      'after',
    ],
    changeSteps: [
      'go-plugins-update-dependencies',
      'go-plugins-compile',
      'go-plugins-current-build',
      'go-plugins-manifest',
      'go-plugins-bundle',
      'go-plugins-upload',
      'upgrade-mdcb',
      'upgrade-dashboard',
      'go-plugins-switch-bundle',
      'upgrade-gateway',
      'eu-west-go-plugins-check-bundle',
      'eu-west-upgrade-gateway',
      'us-east-go-plugins-check-bundle',
      'us-east-upgrade-gateway',
    ],
    commands: {
      'upgrade-mdcb': [
        'tyk-mdcb:\n  mdcb:\n    image:\n      tag: v2.4.0',
        'helm upgrade tyk-cp tyk-helm/tyk-control-plane -n tyk -f values.yaml',
      ],
      'eu-west-upgrade-gateway': [
        'helm upgrade tyk-dp-eu-west tyk-helm/tyk-data-plane -n tyk-dp-eu-west -f values-tyk-dp-eu-west.yaml',
      ],
      'us-east-upgrade-gateway': [
        'helm upgrade dp-us tyk-helm/tyk-data-plane -n tyk-us -f values-dp-us.yaml',
        'kubectl -n tyk-us rollout status deployment/gateway-dp-us-tyk-gateway --timeout=5m',
      ],
      'us-east-helm-values-file': [
        '[ -e values-dp-us.yaml ] || helm get values dp-us -n tyk-us -o yaml > values-dp-us.yaml',
      ],
      'go-plugins-update-dependencies': [
        'go get github.com/TykTechnologies/tyk@54e1072a6a9918e29606edf6b60def437b273d0a &&\ngo mod tidy &&\ngo mod vendor',
      ],
      'go-plugins-compile': [
        'docker run --rm -v "$(pwd)":/plugin-source --platform=linux/amd64 tykio/tyk-plugin-compiler:v5.0.15 CustomGoPlugin.so',
      ],
      // The 4.0.0 build comes out of the bundle the APIs use now, under the name 4.0.0 loads.
      'go-plugins-current-build': [
        'curl -fsS -o ./current-bundle.zip "$TYK_BUNDLE_BASE_URL/$TYK_CURRENT_BUNDLE"',
        'unzip -o ./current-bundle.zip CustomGoPlugin.so -d .',
      ],
    },
  },
  {
    name: 'cloud-hybrid docker: Tyk Cloud control plane first, then Go plugins, Pump, Gateway per data plane',
    input: {
      model: 'cloud-hybrid',
      install: 'docker',
      components: ['gateway', 'pump'],
      usesGoPlugins: true,
      dataPlanes: [{ name: 'lon', gatewayHost: 'lon-gw.internal' }],
      gateway: { from: '5.0.0', to: '5.3.0' },
      pump: { from: '1.8.0', to: '1.9.0' },
      strategy: 'rolling',
    },
    phases: [
      'prepare',
      'backup',
      'go-plugins',
      'control-plane',
      'data-plane-lon',
      'verify',
      'rollback',
      'after',
    ],
    changeSteps: [
      ...pluginBuild,
      'upgrade-control-plane',
      'lon-go-plugins-switch-bundle',
      'lon-upgrade-pump',
      'lon-upgrade-gateway',
    ],
    commands: {
      'lon-upgrade-gateway': [
        'docker pull tykio/tyk-gateway:v5.3.0',
        'docker rename tyk-gateway tyk-gateway-previous',
      ],
      'backup-apis-policies': [
        './backup.sh export --url "$TYK_DASHBOARD_URL" --secret "$TYK_DASHBOARD_API_KEY" --api-output /var/backups/tyk-upgrade/apis.json --policy-output /var/backups/tyk-upgrade/policies.json',
      ],
      'lon-backup-gateway-config': [
        'docker inspect tyk-gateway > /var/backups/tyk-upgrade/lon/tyk-gateway-inspect.json',
      ],
    },
    verify: { 'upgrade-control-plane': ['curl -s http://lon-gw.internal:8080/hello'] },
  },
  {
    name: 'cloud-hybrid kubernetes with two data planes',
    input: {
      model: 'cloud-hybrid',
      install: 'kubernetes',
      components: ['gateway'],
      usesGoPlugins: false,
      dataPlanes: [{ name: 'a' }, { name: 'b', namespace: 'edge-b' }],
      gateway: { from: '5.3.0', to: '5.8.15' },
      strategy: 'rolling',
    },
    phases: [
      'prepare',
      'backup',
      'control-plane',
      'data-plane-a',
      'data-plane-b',
      'verify',
      'rollback',
      'after',
    ],
    changeSteps: ['upgrade-control-plane', 'a-upgrade-gateway', 'b-upgrade-gateway'],
    commands: {
      'a-upgrade-gateway': [
        'kubectl -n tyk-dp-a set image deployment/tyk-gateway tyk-gateway=tykio/tyk-gateway:v5.8.15',
      ],
      'b-upgrade-gateway': [
        'kubectl -n edge-b set image deployment/tyk-gateway tyk-gateway=tykio/tyk-gateway:v5.8.15',
      ],
      'a-backup-kubernetes-objects': [
        'kubectl -n tyk-dp-a get deployment,configmap,service -o yaml > /var/backups/tyk-upgrade/a/kubernetes-tyk-dp-a.yaml',
      ],
    },
    rollback: { 'b-upgrade-gateway': ['kubectl -n edge-b rollout undo deployment/tyk-gateway'] },
  },
  {
    name: 'cloud-hybrid helm with one data plane uses the tyk-data-plane chart and the named values file',
    input: {
      model: 'cloud-hybrid',
      install: 'helm',
      components: ['gateway', 'pump'],
      usesGoPlugins: false,
      gateway: { from: '5.3.0', to: '5.8.15' },
      pump: { from: '1.9.0', to: '1.12.0' },
      strategy: 'downtime',
      names: { valuesFile: 'dp-values.yaml' },
    },
    phases: [
      'prepare',
      'backup',
      'control-plane',
      'data-plane-data-plane-1',
      'verify',
      'rollback',
      'after',
    ],
    changeSteps: [
      'upgrade-control-plane',
      'data-plane-1-upgrade-pump',
      'data-plane-1-upgrade-gateway',
    ],
    commands: {
      'data-plane-1-upgrade-gateway': [
        'helm upgrade tyk-data-plane tyk-helm/tyk-data-plane -n tyk-dp -f dp-values.yaml',
        'kubectl -n tyk-dp rollout status deployment/gateway-tyk-data-plane-tyk-gateway --timeout=5m',
      ],
    },
  },
  {
    name: 'oss docker: the open-source image and Tyk’s tyk_gateway container',
    input: {
      model: 'oss',
      install: 'docker',
      components: ['gateway'],
      usesGoPlugins: false,
      gateway: { from: '5.2.5', to: '5.3.0' },
      strategy: 'downtime',
    },
    phases: standardPhases,
    changeSteps: ['upgrade-gateway'],
    commands: {
      'upgrade-gateway': [
        'docker pull tykio/tyk-gateway:v5.3.0',
        'docker stop tyk_gateway',
        'docker rename tyk_gateway tyk_gateway-previous',
      ],
      'backup-apis-policies': [
        'curl -fsS -H "x-tyk-authorization: $TYK_GW_SECRET" "http://localhost:8080/tyk/apis" > /var/backups/tyk-upgrade/apis.json\ncurl -fsS -H "x-tyk-authorization: $TYK_GW_SECRET" "http://localhost:8080/tyk/policies" > /var/backups/tyk-upgrade/policies.json',
      ],
    },
  },
  {
    name: 'oss docker compose: Gateway then Pump',
    input: {
      model: 'oss',
      install: 'docker-compose',
      components: ['gateway', 'pump'],
      usesGoPlugins: false,
      gateway: { from: '5.2.5', to: '5.3.0' },
      pump: { from: '1.8.0', to: '1.9.0' },
      strategy: 'rolling',
    },
    phases: standardPhases,
    changeSteps: ['upgrade-gateway', 'upgrade-pump'],
    commands: {
      'upgrade-gateway': [
        'services:\n  tyk-gateway:\n    image: tykio/tyk-gateway:v5.3.0',
        'docker compose pull tyk-gateway && docker compose up -d --no-deps tyk-gateway',
      ],
      'upgrade-pump': ['docker compose pull tyk-pump && docker compose up -d --no-deps tyk-pump'],
    },
  },
  {
    name: 'oss deb with Go plugins (path 1): graphql-go-tools replacement, vendor, switch after the Gateway',
    input: {
      model: 'oss',
      install: 'deb',
      components: ['gateway'],
      usesGoPlugins: true,
      gateway: { from: '3.2.0', to: '4.0.0' },
      strategy: 'downtime',
      names: { pluginSourceDir: '/src/plugin', pluginName: 'AuthPlugin' },
    },
    phases: pluginPhases,
    changeSteps: [...pluginBuild, 'upgrade-gateway', 'go-plugins-switch-bundle'],
    commands: {
      'go-plugins-update-dependencies': [
        [
          '(',
          '  cd /src/plugin &&',
          '  go get github.com/TykTechnologies/tyk@6c76e802a29838d058588ff924358706a078d0c5 &&',
          '  go mod edit -replace github.com/jensneuse/graphql-go-tools=github.com/TykTechnologies/graphql-go-tools@v1.6.2-0.20220426094453-0cc35471c1ca &&',
          '  go mod tidy &&',
          '  go mod vendor',
          ')',
        ].join('\n'),
      ],
      'go-plugins-compile': [
        'docker pull tykio/tyk-plugin-compiler:v4.0.0',
        '(\n  cd /src/plugin &&\n  docker run --rm -v "$(pwd)":/plugin-source --platform=linux/amd64 tykio/tyk-plugin-compiler:v4.0.0 AuthPlugin.so\n)',
      ],
      'upgrade-gateway': ['sudo apt-get install -y tyk-gateway=4.0.0'],
    },
    verify: { 'go-plugins-compile': ['ls -l /src/plugin/AuthPlugin.so'] },
  },
  {
    name: 'oss helm: the tyk-oss chart',
    input: {
      model: 'oss',
      install: 'helm',
      components: ['gateway'],
      usesGoPlugins: false,
      gateway: { from: '5.3.0', to: '5.8.15' },
      strategy: 'rolling',
    },
    phases: standardPhases,
    changeSteps: ['upgrade-gateway'],
    commands: {
      'upgrade-gateway': ['helm upgrade tyk-oss tyk-helm/tyk-oss -n tyk -f values.yaml'],
    },
  },
  {
    name: 'oss rpm: a Pump that stays on its version gets no upgrade step',
    input: {
      model: 'oss',
      install: 'rpm',
      components: ['gateway', 'pump'],
      usesGoPlugins: false,
      gateway: { from: '5.8.0', to: '5.14.0' },
      pump: { from: '1.16.0', to: '1.16.0' },
      strategy: 'rolling',
    },
    phases: standardPhases,
    changeSteps: ['upgrade-gateway'],
    commands: { 'upgrade-gateway': ['sudo yum update -y tyk-gateway-5.14.0'] },
  },
  {
    name: 'oss kubernetes with Go plugins from 4.1.0 to 4.2.0 (path 3 with the 4.x recipe)',
    input: {
      model: 'oss',
      install: 'kubernetes',
      components: ['gateway'],
      usesGoPlugins: true,
      gateway: { from: '4.1.0', to: '4.2.0' },
      strategy: 'rolling',
    },
    phases: pluginPhases,
    changeSteps: [...pluginBuild, 'go-plugins-switch-bundle', 'upgrade-gateway'],
    commands: {
      'go-plugins-update-dependencies': [
        'go get github.com/TykTechnologies/tyk@6c76e802a29838d058588ff924358706a078d0c5 &&\ngo mod edit -replace github.com/jensneuse/graphql-go-tools=github.com/TykTechnologies/graphql-go-tools@v1.6.2-0.20220426094453-0cc35471c1ca &&\ngo mod tidy &&\ngo mod vendor',
      ],
      'upgrade-gateway': [
        'kubectl -n tyk set image deployment/tyk-gateway tyk-gateway=tykio/tyk-gateway:v4.2.0',
      ],
    },
  },
  {
    name: 'cloud: console steps for the control plane, then the Cloud data planes',
    input: {
      model: 'cloud',
      components: ['dashboard', 'gateway'],
      usesGoPlugins: false,
      gateway: { from: '5.3.0', to: '5.8.15' },
      strategy: 'rolling',
    },
    phases: [
      'prepare',
      'backup',
      'control-plane',
      'data-plane-cloud',
      'verify',
      'rollback',
      'after',
    ],
    changeSteps: ['upgrade-control-plane', 'cloud-upgrade-gateway'],
    commands: { 'upgrade-control-plane': [], 'cloud-upgrade-gateway': [] },
    verify: { 'cloud-upgrade-gateway': ['curl -s "$TYK_CLOUD_GATEWAY_URL/hello"'] },
  },
  {
    name: 'cloud with Go plugins (path 3): mservctl upload, switch before the Cloud data planes',
    input: {
      model: 'cloud',
      components: ['dashboard', 'gateway'],
      usesGoPlugins: true,
      gateway: { from: '5.0.0', to: '5.3.0' },
      strategy: 'downtime',
      downtimeMinutes: 90,
    },
    phases: [
      'prepare',
      'backup',
      'go-plugins',
      'control-plane',
      'data-plane-cloud',
      'verify',
      'rollback',
      'after',
    ],
    changeSteps: [
      ...pluginBuild,
      'upgrade-control-plane',
      'cloud-go-plugins-switch-bundle',
      'cloud-upgrade-gateway',
    ],
    // Cloud pages (mservctl) and seed 000 Path 3 step 9: the push answers with a bundle ID, and
    // the APIs name that ID; the binary is mservctl.<os>.<arch> as downloaded.
    commands: {
      'go-plugins-upload': [
        '"$MSERVCTL" --config "$MSERVCTL_CONFIG" push ./CustomGoPlugin-v5.3.0.zip | tee ./mservctl-push.log',
        `TYK_BUNDLE_ID=$(sed -n 's/.*Middleware uploaded successfully, ID: *//p' ./mservctl-push.log) && export TYK_BUNDLE_ID && echo "$TYK_BUNDLE_ID"`,
      ],
      'cloud-go-plugins-switch-bundle': [
        [
          'curl -fsS -H "Authorization: $TYK_DASHBOARD_API_KEY" "$TYK_DASHBOARD_URL/api/apis/$API_ID" > "/var/backups/tyk-upgrade/api-$API_ID-before-bundle.json"',
          `jq --arg bundle "$TYK_BUNDLE_ID" '.api_definition.custom_middleware_bundle = $bundle' "/var/backups/tyk-upgrade/api-$API_ID-before-bundle.json" > "api-$API_ID-new-bundle.json"`,
          'curl -fsS -H "Authorization: $TYK_DASHBOARD_API_KEY" -X PUT -H \'Content-Type: application/json\' --data-binary @"api-$API_ID-new-bundle.json" "$TYK_DASHBOARD_URL/api/apis/$API_ID"',
        ].join('\n'),
      ],
    },
    verify: { 'go-plugins-upload': ['"$MSERVCTL" --config "$MSERVCTL_CONFIG" list'] },
  },
];

describe('buildPlan scenarios', () => {
  it('covers every model and installation type', () => {
    const models = new Set(scenarios.map((s) => s.input.model));
    const installs = new Set(
      scenarios.flatMap((s) => (s.input.install === undefined ? [] : [s.input.install])),
    );
    expect(scenarios.length).toBeGreaterThanOrEqual(15);
    expect([...models].sort()).toEqual([
      'cloud',
      'cloud-hybrid',
      'oss',
      'self-managed',
      'self-managed-mdcb',
    ]);
    expect([...installs].sort()).toEqual([
      'deb',
      'docker',
      'docker-compose',
      'helm',
      'kubernetes',
      'rpm',
    ]);
  });

  describe.each(scenarios)('$name', (scenario) => {
    const plan = planFor(scenario.input);

    it('has the phases in order', () => {
      expect(plan.phases.map((phase) => phase.id)).toEqual(scenario.phases);
    });

    it('changes the components in the required order', () => {
      expect(changeStepIds(plan)).toEqual(scenario.changeSteps);
    });

    it.each(Object.entries(scenario.commands))('%s shows the exact commands', (id, expected) => {
      const actual = codes(stepOf(plan, id));
      if (expected.length === 0) expect(actual).toEqual([]);
      expect(actual.filter((code) => expected.includes(code))).toEqual(expected);
    });

    it.each(Object.entries(scenario.verify ?? {}))(
      '%s checks with the exact commands',
      (id, expected) => {
        const actual = verifyCodes(stepOf(plan, id));
        expect(actual.filter((code) => expected.includes(code))).toEqual(expected);
      },
    );

    it.each(Object.entries(scenario.rollback ?? {}))(
      '%s goes back with the exact commands',
      (id, expected) => {
        const actual = rollbackCodes(stepOf(plan, id));
        expect(actual.filter((code) => expected.includes(code))).toEqual(expected);
      },
    );
  });
});

describe('the whole plan of one deployment', () => {
  it('lists every step of a self-managed deb upgrade in order', () => {
    const plan = planFor(scenarios[0]?.input ?? ({} as PlanInput));
    expect(plan.phases.map((phase) => [phase.id, phase.steps.map((s) => s.id)])).toEqual([
      [
        'prepare',
        [
          'record-current-versions',
          'strategy-prerequisites',
          'linux-target-available',
          'linux-local-packages',
          'read-release-notes',
          'announce-upgrade',
        ],
      ],
      [
        'backup',
        [
          'backup-folder',
          'backup-dashboard-config',
          'backup-gateway-config',
          'backup-pump-config',
          'backup-database',
          'backup-redis',
          'backup-apis-policies',
          'backup-test-restore',
        ],
      ],
      ['upgrade', ['upgrade-dashboard', 'upgrade-gateway', 'upgrade-pump']],
      [
        'verify',
        [
          'verify-versions',
          'verify-api-calls',
          'verify-dashboard',
          'verify-analytics',
          'rolling-rebalance',
        ],
      ],
      [
        'rollback',
        [
          'rollback-order',
          'rollback-one-way-changes',
          'rollback-restore-database',
          'rollback-restore-redis',
          'rollback-restore-apis-policies',
        ],
      ],
      [
        'after',
        ['after-monitor', 'after-update-records', 'after-keep-backups', 'announce-complete'],
      ],
    ]);
    expect(plan.title).toBe('Tyk Self-Managed on Debian / Ubuntu packages: Gateway 5.2.5 to 5.3.0');
    expect(plan.versions).toEqual([
      { component: 'gateway', from: '5.2.5', to: '5.3.0' },
      { component: 'dashboard', from: '5.2.5', to: '5.3.0' },
      { component: 'pump', from: '1.8.0', to: '1.9.0' },
    ]);
  });
});

describe('planTitleOf', () => {
  it('gives the title of the plan without building it', () => {
    const input = scenarios[0]?.input ?? ({} as PlanInput);
    expect(planTitleOf(input)).toBe(
      'Tyk Self-Managed on Debian / Ubuntu packages: Gateway 5.2.5 to 5.3.0',
    );
  });

  it('is null for answers that make no plan', () => {
    expect(planTitleOf({ model: 'self-managed' })).toBeNull();
    expect(planTitleOf(null)).toBeNull();
  });
});

describe('never the seed errors', () => {
  const allCodes = (plan: Plan): readonly string[] =>
    stepsOf(plan).flatMap((s) => [...codes(s), ...verifyCodes(s), ...rollbackCodes(s)]);

  it.each(scenarios.map((s) => [s.name, s.input] as const))('%s', (_name, input) => {
    const text = allCodes(planFor(input)).join('\n');
    expect(text).not.toMatch(/apt-get install[^\n]* tyk-[a-z-]+-\d/);
    expect(text).not.toMatch(/tyk-mdcb-stable-\d/);
    expect(text).not.toMatch(/docker compose restart/);
    expect(text).not.toMatch(/grep[^\n]*msg=/);
  });

  it('the Dashboard step installs tyk-dashboard', () => {
    const plan = planFor({ ...(scenarios[1]?.input ?? ({} as PlanInput)) });
    const dashboard = codes(stepOf(plan, 'upgrade-dashboard')).join('\n');
    expect(dashboard).toContain('tyk-dashboard-5.3.0');
    expect(dashboard).not.toContain('tyk-pump');
  });
});

describe('strategies change the steps', () => {
  const base: PlanInput = {
    model: 'self-managed',
    install: 'deb',
    components: ['gateway', 'dashboard'],
    usesGoPlugins: false,
    gateway: { from: '5.2.5', to: '5.3.0' },
    strategy: 'rolling',
  };
  const ids = (input: PlanInput): readonly string[] => stepsOf(planFor(input)).map((s) => s.id);

  it.each([
    ['rolling', ['rolling-rebalance'], ['blue-green-build-idle', 'open-maintenance-window']],
    [
      'blue-green',
      [
        'blue-green-build-idle',
        'blue-green-switch-traffic',
        'rollback-switch-back',
        'blue-green-retire-old',
      ],
      ['rolling-rebalance'],
    ],
    [
      'downtime',
      ['open-maintenance-window', 'close-maintenance-window'],
      ['blue-green-switch-traffic'],
    ],
  ] as const)('%s adds its own steps', (strategy, present, absent) => {
    const plan = ids({ ...base, strategy });
    for (const id of present) expect(plan).toContain(id);
    for (const id of absent) expect(plan).not.toContain(id);
  });

  it('a downtime window is announced with its length', () => {
    const plan = planFor({ ...base, strategy: 'downtime', downtimeMinutes: 75 });
    expect(stepOf(plan, 'announce-upgrade').detail).toContain('75-minute window');
    expect(stepOf(plan, 'open-maintenance-window').detail).toContain('75-minute window');
  });

  it('rolling upgrades go one instance at a time; blue-green ones run on the idle side', () => {
    expect(stepOf(planFor(base), 'upgrade-gateway').detail).toContain('one instance at a time');
    expect(
      stepOf(planFor({ ...base, strategy: 'blue-green' }), 'upgrade-gateway').detail,
    ).toContain('idle environment');
  });

  it('the traffic steps open and close the change', () => {
    const plan = planFor({ ...base, strategy: 'downtime' });
    const order = stepsOf(plan).map((s) => s.id);
    // Issue 16: the rehearsal backups and their restore test come before the outage, the final
    // backups inside it, then the upgrades.
    expect(order.filter((id) => /^(backup-|open-|upgrade-|close-)/.test(id))).toEqual([
      'backup-folder',
      'backup-dashboard-config',
      'backup-gateway-config',
      'backup-database',
      'backup-redis',
      'backup-apis-policies',
      'backup-test-restore',
      'open-maintenance-window',
      'backup-final',
      'upgrade-dashboard',
      'upgrade-gateway',
      'close-maintenance-window',
    ]);
  });
});

describe('Go plugin manifests', () => {
  const manifestOf = (
    input: PlanInput,
  ): { file_list: string[]; custom_middleware: { driver: string; pre: { path: string }[] } } => {
    const command = stepOf(planFor(input), 'go-plugins-manifest').commands[0];
    return JSON.parse(command?.code ?? '{}') as {
      file_list: string[];
      custom_middleware: { driver: string; pre: { path: string }[] };
    };
  };
  const base: PlanInput = {
    model: 'self-managed',
    install: 'deb',
    components: ['gateway', 'dashboard'],
    usesGoPlugins: true,
    gateway: { from: '5.2.5', to: '5.3.0' },
    strategy: 'rolling',
  };

  it.each([
    ['path 1 holds the new unversioned build', '3.2.0', '4.0.0', ['CustomGoPlugin.so']],
    // Path 2 (upgrade guide "Go plugins"; tyk repository goplugin/plugin_name_builder.go, TT-7351):
    // a target from 4.3.2 tries its versioned build first, so the current build rides along under
    // the exact name the current Gateway loads; 4.1.0 to 4.3.1 try the exact name first.
    [
      'path 2 to 5.3.0 holds the current build under the exact name and the target build',
      '4.0.0',
      '5.3.0',
      ['CustomGoPlugin.so', 'CustomGoPlugin_v5.3.0_linux_amd64.so'],
    ],
    [
      'path 2 to 4.3.2 holds both builds',
      '4.0.16',
      '4.3.2',
      ['CustomGoPlugin.so', 'CustomGoPlugin_v4.3.2_linux_amd64.so'],
    ],
    [
      'path 2 to 4.3.1 holds only the target build',
      '4.0.16',
      '4.3.1',
      ['CustomGoPlugin_v4.3.1_linux_amd64.so'],
    ],
    [
      'path 3 holds the current and the target build',
      '5.2.5',
      '5.3.0',
      ['CustomGoPlugin_v5.2.5_linux_amd64.so', 'CustomGoPlugin_v5.3.0_linux_amd64.so'],
    ],
  ])('%s', (_name, from, to, files) => {
    const manifest = manifestOf({ ...base, gateway: { from, to } });
    expect(manifest.file_list).toEqual(files);
    expect(manifest.custom_middleware.driver).toBe('goplugin');
    expect(manifest.custom_middleware.pre[0]?.path).toBe('CustomGoPlugin.so');
  });

  it.each([
    ['4.0.0', '4.2.0', '6c76e802a29838d058588ff924358706a078d0c5', true, true],
    ['4.0.0', '4.3.0', '54e1072a6a9918e29606edf6b60def437b273d0a', false, true],
    ['4.3.0', '5.0.15', '54e1072a6a9918e29606edf6b60def437b273d0a', false, true],
    ['5.0.0', '5.1.0', 'ffa83a27d3bf793aa27e5f6e4c7106106286699d', false, false],
  ])(
    '%s to %s pins tyk@%s (graphql replace %s, vendor %s)',
    (from, to, commit, replaces, vendors) => {
      const code = codes(
        stepOf(planFor({ ...base, gateway: { from, to } }), 'go-plugins-update-dependencies'),
      ).join('\n');
      expect(code).toContain(`go get github.com/TykTechnologies/tyk@${commit}`);
      expect(code.includes('go mod edit -replace github.com/jensneuse/graphql-go-tools')).toBe(
        replaces,
      );
      expect(code.includes('go mod vendor')).toBe(vendors);
    },
  );
});

// Issue 9: the literal answers for the items a senior operator found wrong.
describe('issue 9 rows', () => {
  const deb: PlanInput = {
    model: 'self-managed',
    install: 'deb',
    components: ['gateway', 'dashboard'],
    usesGoPlugins: false,
    gateway: { from: '5.2.5', to: '5.3.0' },
    strategy: 'rolling',
  };

  // Item 1 (upgrade guide "Go plugins" path 2; tyk repository goplugin/, TT-7351): 4.0.16 to 5.3
  // rolling switches to the two-build bundle on the current Gateway, then upgrades.
  it('says why the two-build bundle is switched to before the upgrade', () => {
    const plan = planFor({ ...deb, usesGoPlugins: true, gateway: { from: '4.0.16', to: '5.3' } });
    expect(plan.stops.map((stop) => stop.text)).toContain(
      'Go plugins need two builds in one bundle, CustomGoPlugin.so and CustomGoPlugin_v5.3.13_linux_amd64.so, uploaded and switched to before the first Gateway upgrade; no Gateway version in between is needed.',
    );
    expect(stepOf(plan, 'go-plugins-switch-bundle').detail).toContain(
      'Before the first Gateway upgrade. Gateway 4.0.16 loads CustomGoPlugin.so, the build it runs today, and Gateway 5.3.13 tries CustomGoPlugin_v5.3.13_linux_amd64.so before the exact name (Gateways from 4.3.2 and 5.0.0 do), so a bundle with both builds serves both: the APIs switch to it, and are checked, while the current Gateway still runs.',
    );
  });

  it('keeps the switch after the Gateway for a 4.3.1 target, and says why', () => {
    const plan = planFor({ ...deb, usesGoPlugins: true, gateway: { from: '4.0.16', to: '4.3.1' } });
    expect(stepOf(plan, 'go-plugins-switch-bundle').detail).toContain(
      'Right after the first Gateway upgrade. Gateway 4.3.1 tries the exact name CustomGoPlugin.so first (4.1.0 to 4.3.1 do), so a bundle that kept the current build under that name would load the old build, and Gateway 4.0.16 loads nothing else: no bundle serves both, so the APIs switch right after the first Gateway upgrade.',
    );
  });

  // Item 4 (install pages; Go plugin page "Plugin compiler"; Gateway 5.8.15 notes for FIPS).
  it('keeps the repository the deployment runs and builds FIPS arm64 plugins', () => {
    const plan = planFor({
      ...deb,
      install: 'docker',
      usesGoPlugins: true,
      gateway: { from: '5.3.0', to: '5.8.15' },
      images: { gateway: 'tykio/tyk-gateway-fips' },
      architecture: 'arm64',
    });
    expect(codes(stepOf(plan, 'upgrade-gateway'))).toContain(
      'docker pull tykio/tyk-gateway-fips:v5.8.15',
    );
    expect(codes(stepOf(plan, 'go-plugins-compile'))).toContain(
      'docker run --rm -v "$(pwd)":/plugin-source --platform=linux/amd64 tykio/tyk-plugin-compiler-fips:v5.8.15 CustomGoPlugin.so v5.8.15 linux arm64',
    );
    expect(verifyCodes(stepOf(plan, 'go-plugins-compile'))).toEqual([
      'ls -l ./CustomGoPlugin_v5.3.0_linux_arm64.so ./CustomGoPlugin_v5.8.15_linux_arm64.so',
    ]);
  });

  it('sets a Helm repository only when the user runs another one', () => {
    const helm = { ...deb, install: 'helm', gateway: { from: '5.3.0', to: '5.8.15' } } as const;
    expect(codes(stepOf(planFor(helm), 'upgrade-gateway'))[0]).toBe(
      'tyk-gateway:\n  gateway:\n    image:\n      tag: v5.8.15',
    );
    const mirrored = planFor({ ...helm, images: { gateway: 'registry.example.com/tyk/gateway' } });
    expect(codes(stepOf(mirrored, 'upgrade-gateway'))[0]).toBe(
      'tyk-gateway:\n  gateway:\n    image:\n      repository: registry.example.com/tyk/gateway\n      tag: v5.8.15',
    );
  });

  // Item 5 (Gateway 5.4.0 release notes: MDCB 2.6, Pump 1.10.0; the matrix has no 5.4 row).
  it('takes the 5.4.0 companions from its release notes and says so', () => {
    const plan = planFor({
      ...deb,
      components: ['gateway', 'dashboard', 'pump'],
      gateway: { from: '5.3.0', to: '5.4.0' },
      pump: { from: '1.9.0' },
    });
    expect(plan.input.pump).toEqual({
      from: '1.9.0',
      to: '1.10.0',
      isDefaultTarget: true,
      recommendedBy: 'the Gateway 5.4.0 release notes',
    });
  });

  // Item 7: a companion alone is a plan, not an error.
  it('plans Pump alone when the Gateway stays', () => {
    const plan = planFor({
      ...deb,
      components: ['gateway', 'dashboard', 'pump'],
      gateway: { from: '5.3.0', to: '5.3.0' },
      pump: { from: '1.9.0', to: '1.16.0' },
    });
    expect(plan.title).toBe(
      'Tyk Self-Managed on Debian / Ubuntu packages: Pump 1.9.0 to 1.16.0 (Gateway stays on 5.3.0)',
    );
    expect(changeStepIds(plan)).toEqual(['upgrade-pump']);
  });

  // Item 10 (upgrade guide "Upgrade strategies"; release notes 5.3.0, the Tyk OAS migration).
  it('copies the database for green, or says where blue stops being a way back', () => {
    const blueGreen = { ...deb, strategy: 'blue-green' } as const;
    expect(codes(stepOf(planFor(blueGreen), 'blue-green-copy-database'))).toEqual([
      // The step that first reads GREEN_DATABASE_HOST asks for it (issue 16).
      `read -rp 'Host of the green environment'"'"'s copy of the Dashboard database: ' GREEN_DATABASE_HOST && export GREEN_DATABASE_HOST`,
      'mongodump --host localhost --db tyk_analytics --archive | mongorestore --host "$GREEN_DATABASE_HOST" --archive --drop',
    ]);
    const shared = planFor({ ...blueGreen, sharesDatabase: true });
    expect(stepOf(shared, 'blue-green-shared-database').detail).toContain(
      'From the moment the green Dashboard starts, switching traffic back to blue is no longer a way back; only restoring the database backup is.',
    );
  });

  // Item 11: the answer "none" is said as clearly as a stop.
  it('says when no intermediate stop is needed', () => {
    expect(planSummary(planFor(deb)).stops).toEqual([
      'No intermediate stop is needed: Gateway and Dashboard go straight from 5.2.5 to 5.3.0.',
    ]);
  });

  // Item 12: the read-the-release-notes step links the notes of each target.
  it('links the release notes of each target', () => {
    expect(stepOf(planFor(deb), 'read-release-notes').links).toEqual([
      {
        label: 'Gateway 5.3.0 release notes',
        url: 'https://tyk.io/docs/developer-support/release-notes/gateway#5-3-0-release-notes',
      },
      {
        label: 'Dashboard 5.3.0 release notes',
        url: 'https://tyk.io/docs/developer-support/release-notes/dashboard#5-3-0-release-notes',
      },
    ]);
  });
});
