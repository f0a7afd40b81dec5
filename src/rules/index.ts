// The one public face of the rules. The app, the CLI and the benchmarks import from here only.
export type * from './types';
export { parseVersion, compareVersions, isNewer, minorLine } from './versions';
export {
  models,
  installs,
  components,
  strategies,
  findModel,
  componentsOf,
  combinationProblem,
  type ModelEntry,
  type InstallEntry,
  type ComponentEntry,
  type StrategyEntry,
  type HelmChart,
} from './catalog';
export {
  catalogDate,
  gatewayReleases,
  pumpReleases,
  mdcbReleases,
  findRelease,
  latestRelease,
  recommendedCompanions,
  supportStatus,
} from './releases';
export { advisoriesFor } from './advisories';
export { nameFields, defaultNames, nameProblem, relevantNameFields } from './names';
export { validate } from './validate';
export { buildPlan } from './build-plan';
export { preparationChecklist } from './checklist';
export { versionHints } from './version-hints';
export { shellQuote } from './shell';
export {
  buildPlanLink,
  decodePlanLink,
  extractPayload,
  linkInputOf,
  linkSchemaVersion,
  planLinkFor,
  sharedRoutePrefix,
  type DecodedLink,
  type LinkOptions,
} from './link';
export { renderMarkdown, renderText } from './render';
// Reading the deployment's own files (issue 10): proposed answers with evidence, findings, and
// the read-only collector script.
export type * from './detect/types';
export { detectDeployment } from './detect/detect';
export { findingsFor, findingRows, type FindingRow } from './detect/findings';
export { collectorScript } from './detect/collector';
export { mergeDetectedAnswers } from './detect/answers';
