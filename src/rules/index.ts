// The one public face of the rules. The app, the CLI and the benchmarks import from here only.
export type * from './types';
export { parseVersion, compareVersions, isNewer, minorLine } from './versions';
export {
  models,
  modelIds,
  findModel,
  componentsOf,
  combinationProblem,
  hasDashboardDatabase,
  isRunByTyk,
} from './catalog/models';
export {
  installs,
  installIds,
  findInstall,
  isClusterInstall,
  isContainerInstall,
} from './catalog/installs';
export { components, componentIds, componentLabel, findComponent } from './catalog/components';
export { databases, databaseIds, databaseLabel, type DatabaseEntry } from './catalog/databases';
export {
  strategies,
  strategyIds,
  findStrategy,
  strategyNeeds,
  type StrategyEntry,
} from './catalog/strategies';
export { nameFields } from './catalog/name-fields';
export { catalogDate, gatewayReleases, pumpReleases, mdcbReleases } from './catalog/releases';
export { findRelease, latestRelease, supportStatus } from './releases';
export { advisoriesFor } from './advisories';
export { dataPlaneDefaults, defaultNames, nameProblem, relevantNameFields } from './names';
export {
  planeFieldHelp,
  planeFieldLabel,
  planeFields,
  planeFieldsFor,
  type PlaneField,
  type PlaneFieldId,
} from './catalog/plane-fields';
export { validate } from './validate';
export { buildPlan, planTitleOf } from './build-plan';
export { preparationChecklist } from './checklist';
export { versionHints } from './version-hints';
export { shellQuote } from './shell';
export { continuationMark, continuedMark, printedLines, type PrintedLine } from './print-wrap';
export {
  buildPlanLink,
  decodePlanLink,
  extractPayload,
  linkInputOf,
  linkSchemaVersion,
  newerSchemaField,
  planLinkFor,
  sharedRoutePrefix,
  type DecodedLink,
  type LinkOptions,
} from './link';
export { renderJson, renderMarkdown, renderText } from './render';
export { pasteBlock, type PasteBlock } from './paste-block';
export {
  answerDefaults,
  answerLimits,
  maxLengthOf,
  limitAnswers,
  limitPlanName,
  limitCoverField,
  limitStepNote,
  architectures,
  defaultAnswers,
  copyAnswers,
  draftDataPlane,
  fitAnswersToModel,
} from './answers';
export { toPlanInput } from './answers-to-input';
export { answersFromInput } from './answers-from-input';
export { readStoredAnswers, readStoredString } from './stored-answers';
export { wizardSteps, wizardStepIds, type WizardStep, type WizardStepEntry } from './wizard-steps';
export {
  stepOfField,
  checkDraft,
  messagesFor,
  textsFor,
  planForDraft,
  type DraftCheck,
} from './draft';
export {
  planSummary,
  summaryFacts,
  versionRows,
  numberedPhases,
  planProgress,
  allSteps,
  installLabel,
  countText,
  advisoryContext,
  stepComponentLabel,
  planeLabel,
  versionLineLabel,
  type PlanSummary,
  type SummaryFact,
  type VersionRow,
  type NumberedPhase,
  type PlanProgress,
  type ProgressCount,
} from './summary';
export {
  changeSteps,
  checkTicks,
  isContingencyPhase,
  nextStepToDo,
  resetStepIds,
  stepFingerprint,
  stepStatus,
  type NextStep,
  type StepStatus,
  type TickCheck,
} from './runbook';
export {
  changeRecordData,
  changeRecordJson,
  changeRecordMarkdown,
  coverFields,
  emptyCover,
  limitCover,
  recordedSteps,
  type ChangeRun,
  type RecordedStep,
} from './change-record';
export { fieldLabel } from './field-labels';
export { deploymentPlanName, distinctPlanName, maxDeploymentNameLength } from './plan-name';
export { recordOnStep, tickStep, type StepProgress } from './step-records';
export { describeInput, inputMatrix } from './input-matrix';
// The release history (issue 9): resolving typed versions, companions per Gateway, release-note links.
export {
  companionsFor,
  companionSourceText,
  releaseHistoryOf,
  releaseNotesUrl,
  resolveVersion,
  type CompanionAdvice,
  type ReleaseNotesPage,
  type VersionResolution,
} from './release-lookup';
export type { CompanionSource, ReleaseRecord, ReleaseSource } from './catalog/release-history';
export { printableText, shownValue } from './message-text';
// Reading the deployment's own files (issue 10): proposed answers with evidence, findings, and
// the read-only collector script.
export type * from './detect/types';
export { detectDeployment } from './detect/detect';
export { findingsFor, findingRows, type FindingRow } from './detect/findings';
export { collectorScript } from './detect/collector';
export { mergeDetectedAnswers } from './detect/answers';
export { maxFileChars } from './detect/text';
export { findingsOnPlan, type PlanFindingsView } from './detect/plan-findings';
export { evidenceText, findingsHeading, noFindingsText } from './detect/finding-text';
export {
  applyProposals,
  defaultChoices,
  draftProposals,
  editProblems,
  otherEvidence,
  type Proposal,
  type ProposalEdits,
  type ProposalStatus,
} from './detect/draft-proposals';

// Planning the change window: the estimate, whether the downtime window holds it, the announcement.
export type * from './estimate/types';
export { estimateOfPlan, estimatePlan } from './estimate/estimate';
export { readEstimateAnswers } from './estimate/answers';
export { defaultDatabaseGb, defaultInstances, estimateLimits } from './estimate/catalogue';
export { formatMinutes, formatOffset } from './estimate/duration';
export { changeElapsed, type ChangeElapsed, type PhaseElapsed } from './estimate/elapsed';
export { estimateFacts, estimateMarkdown, estimateText, type EstimateFact } from './estimate/facts';
export {
  formatDateTime,
  formatRange,
  parseLocalDateTime,
  type LocalDateTime,
} from './estimate/local-date-time';
export {
  announcementFor,
  announcementStepIds,
  type Announcement,
  type AnnouncementStepId,
  type ChangeDetails,
} from './announcement';
