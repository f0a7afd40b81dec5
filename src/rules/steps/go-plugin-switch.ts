// When the APIs switch to the new Go plugin bundle: the one switch of the API definitions, and the
// check on each data plane that its Gateways load the plugin from it.
import { insideDoubleQuotes as dq, joinPath, shellQuote as q } from '../shell';
import type { Command, Step } from '../types';
import { script } from './commands';
import { planeOf, type GoPluginPlan, type PlanContext, type Site } from './context';
import { reachComponent } from './installs';

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
