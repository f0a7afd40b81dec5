// What the user must know before this upgrade. The knowledge is data (catalog/advisories.ts):
// `advisoriesFor` only selects the rows that apply and fills in their texts.
import {
  advisoryEntries,
  companionRequirements,
  computedAdvisoryRows,
  goVersionRows,
  thirdPartyRows,
  type AdvisoryEntry,
  type ComputedAdvisoryRow,
  type ComputedAdvisorySource,
} from './catalog/advisories';
import { componentLabel, findComponent } from './catalog/components';
import { companionSourceText, companionsFor, releaseNotesUrl } from './release-lookup';
import { findRelease, releasesOf, supportStatus } from './releases';
import { rebuildsGoPlugins } from './steps/go-plugins';
import type {
  Advisory,
  Database,
  NormalizedInput,
  ResolvedChange,
  Severity,
  VersionLine,
} from './types';
import { compareVersions, isNewer, satisfiesRange, versionOrNull } from './versions';

const severityRank: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Every advisory id the catalogue can give, for the tests and the docs. */
export const advisoryIds: readonly string[] = [
  ...advisoryEntries.map((entry) => entry.id),
  ...companionRequirements.map((requirement) => requirement.id),
  ...computedAdvisoryRows.map((row) => row.id),
];

function lineChange(input: NormalizedInput, line: VersionLine): ResolvedChange | null {
  return input[line];
}

/** `validate` sets the database only where the deployment runs its own Dashboard. */
function usesDatabase(input: NormalizedInput, database: Database): boolean {
  return input.database === database;
}

function entryApplies(entry: AdvisoryEntry, input: NormalizedInput): boolean {
  const change = lineChange(input, entry.line);
  if (change === null) return false;
  // The deployment's shape rules out most entries, and costs less to ask than a version range.
  if (!fitsDeployment(entry, input)) return false;
  if (entry.introducedIn !== undefined) {
    if (
      satisfiesRange(change.from, entry.introducedIn) ||
      !satisfiesRange(change.to, entry.introducedIn)
    ) {
      return false;
    }
  }
  if (entry.targetIn !== undefined && !satisfiesRange(change.to, entry.targetIn)) return false;
  if (entry.currentIn !== undefined && !satisfiesRange(change.from, entry.currentIn)) return false;
  return true;
}

/** The entry's model, installation, component, database and Go plugin conditions. */
function fitsDeployment(entry: AdvisoryEntry, input: NormalizedInput): boolean {
  if (entry.models !== undefined && !entry.models.includes(input.model)) return false;
  if (
    entry.installs !== undefined &&
    (input.install === null || !entry.installs.includes(input.install))
  ) {
    return false;
  }
  if (
    entry.components !== undefined &&
    !entry.components.some((id) => input.components.includes(id))
  ) {
    return false;
  }
  if (entry.database !== undefined && !usesDatabase(input, entry.database)) return false;
  if (entry.needsGoPlugins === true && !rebuildsGoPlugins(input)) return false;
  return true;
}

// The catalogued releases of a line that lie in a range, oldest first. Catalogue and ranges are
// fixed, so each pair is worked out once instead of once per advisory of every plan.
const releasesInRange = new Map<string, readonly string[]>();

function ascendingReleasesIn(line: VersionLine, range: string): readonly string[] {
  const key = `${line} ${range}`;
  const known = releasesInRange.get(key);
  if (known !== undefined) return known;
  const versions = [...releasesOf(line)]
    .reverse()
    .map((release) => release.version)
    .filter((version) => satisfiesRange(version, range));
  releasesInRange.set(key, versions);
  return versions;
}

/** The first catalogued release after `from`, up to `to`, inside `range`: the one that brings a crossing in. */
function bringingRelease(
  line: VersionLine,
  change: ResolvedChange,
  range: string,
): string | undefined {
  const hasFrom = versionOrNull(change.from) !== null;
  return ascendingReleasesIn(line, range).find(
    (version) => !isNewer(version, change.to) && (!hasFrom || isNewer(version, change.from)),
  );
}

function withVersion(
  advisory: Omit<Advisory, 'version'>,
  version: string | null | undefined,
): Advisory {
  const parsed = versionOrNull(version);
  return parsed === null ? advisory : { ...advisory, version: parsed };
}

function fromEntry(entry: AdvisoryEntry, input: NormalizedInput): Advisory {
  const change = lineChange(input, entry.line);
  const advisory = {
    id: entry.id,
    severity: entry.severity,
    title: entry.title,
    detail: entry.detailByModel?.[input.model] ?? entry.detail,
    component: entry.component,
  };
  if (change === null) return advisory;
  const range = entry.introducedIn ?? entry.targetIn;
  const version =
    entry.introducedIn !== undefined && range !== undefined
      ? bringingRelease(entry.line, change, range)
      : change.to;
  return withVersion(advisory, version);
}

function requirementAdvisories(input: NormalizedInput): readonly Advisory[] {
  return companionRequirements.flatMap((requirement) => {
    const companion = lineChange(input, requirement.companion);
    const models: readonly string[] = requirement.models;
    if (companion === null || !models.includes(input.model)) return [];
    if (versionOrNull(companion.to) === null || !isNewer(requirement.minimum, companion.to))
      return [];
    const pumpTarget = 'pumpTarget' in requirement ? requirement.pumpTarget : undefined;
    const triggered =
      satisfiesRange(input.gateway.to, requirement.gatewayTarget) ||
      (pumpTarget !== undefined &&
        input.pump !== null &&
        satisfiesRange(input.pump.to, pumpTarget));
    if (!triggered) return [];
    return [
      withVersion(
        {
          id: requirement.id,
          severity: requirement.severity,
          title: requirement.title,
          detail: `${requirement.detail} The ${componentLabel(requirement.companion)} target is ${companion.to}.`,
          component: requirement.companion,
        },
        requirement.version,
      ),
    ];
  });
}

/** The values a computed row's texts are filled with, or null when its source says nothing here. */
type Filling = { readonly version: string; readonly values: Readonly<Record<string, string>> };

/** Sources about the Gateway target, which say nothing when the Gateway stays where it is. */
const targetSources: readonly ComputedAdvisorySource['kind'][] = [
  'target-support',
  'tested-versions',
  'go-toolchain',
];

function sourceFilling(source: ComputedAdvisorySource, input: NormalizedInput): Filling | null {
  if (targetSources.includes(source.kind) && input.gateway.from === input.gateway.to) return null;
  switch (source.kind) {
    case 'target-to-avoid': {
      const change = lineChange(input, source.line);
      const release = change === null ? undefined : findRelease(source.line, change.to);
      if (release?.avoid === undefined) return null;
      // Scoped as the release note scopes it: the reconnect panic concerns connected Gateways.
      if (release.avoidFor !== undefined && !release.avoidFor.includes(input.model)) return null;
      return { version: release.version, values: { avoid: release.avoid } };
    }
    case 'below-recommended': {
      const change = lineChange(input, source.line);
      const advice = companionsFor(input.gateway.to);
      if (advice === null || change === null || versionOrNull(change.to) === null) return null;
      const wanted = advice[source.line];
      // Notes that list a line ("MDCB 2.5" for Gateway 5.3.0) accept any patch of it.
      const listed = advice.listed[source.line];
      const floor = /^\d+\.\d+$/.test(listed) ? `${listed}.0` : wanted;
      if (compareVersions(change.to, floor) >= 0) return null;
      return {
        version: wanted,
        values: {
          target: change.to,
          gatewayTarget: input.gateway.to,
          source: companionSourceText(advice),
        },
      };
    }
    case 'target-support':
    case 'current-support': {
      const version = source.kind === 'target-support' ? input.gateway.to : input.gateway.from;
      const status = supportStatus(version);
      const statuses: readonly string[] = source.statuses;
      if (!statuses.includes(status.status)) return null;
      return { version: versionOrNull(version) ?? version, values: { support: status.detail } };
    }
    case 'tested-versions': {
      const to = input.gateway.to;
      const row = thirdPartyRows.find(
        (candidate) => candidate.store === source.store && satisfiesRange(to, candidate.gateway),
      );
      return row === undefined ? null : { version: to, values: { versions: row.versions } };
    }
    case 'go-toolchain': {
      const to = versionOrNull(input.gateway.to);
      if (to === null) return null;
      const row = goVersionRows.find((candidate) => satisfiesRange(to, candidate.gateway));
      return {
        version: to,
        values:
          row === undefined
            ? { toolchain: 'The release notes of this version name the Go version;' }
            : { go: row.go, toolchain: `Gateway ${to} is built with Go ${row.go};` },
      };
    }
  }
}

const placeholder = /\{([a-zA-Z]+)\}/g;

/** The text with every `{name}` filled in, or null when a value is missing. */
function fill(template: string, values: Readonly<Record<string, string>>): string | null {
  let isComplete = true;
  const text = template.replace(placeholder, (_, name: string) => {
    const value = values[name];
    if (value === undefined) isComplete = false;
    return value ?? '';
  });
  return isComplete ? text : null;
}

function computedAdvisory(row: ComputedAdvisoryRow, input: NormalizedInput): Advisory | null {
  if (row.models !== undefined && !row.models.includes(input.model)) return null;
  if (row.database !== undefined && !usesDatabase(input, row.database)) return null;
  if (row.needsGoPlugins === true && !rebuildsGoPlugins(input)) return null;
  const filling = sourceFilling(row.source, input);
  if (filling === null) return null;
  const values = {
    ...filling.values,
    version: filling.version,
    component: componentLabel(row.component),
  };
  const title =
    fill(row.title, values) ??
    (row.fallbackTitle === undefined ? null : fill(row.fallbackTitle, values));
  const detail = fill(row.detail, values);
  if (title === null || detail === null) return null;
  return withVersion(
    { id: row.id, severity: row.severity, title, detail, component: row.component },
    filling.version,
  );
}

function computedOfKind(
  input: NormalizedInput,
  kinds: readonly ComputedAdvisorySource['kind'][],
): readonly Advisory[] {
  return computedAdvisoryRows.flatMap((row: ComputedAdvisoryRow) => {
    if (!kinds.includes(row.source.kind)) return [];
    const advisory = computedAdvisory(row, input);
    return advisory === null ? [] : [advisory];
  });
}

/** The release notes of the version an advisory is about, on the page of its component. */
function withReleaseNotes(advisory: Advisory): Advisory {
  const { component, version } = advisory;
  if (version === undefined || component === undefined) return advisory;
  // A Pump or MDCB advisory brought in by a Gateway release links to that Gateway's notes.
  const isOwnRelease = findRelease(findComponent(component).versionLine, version) !== undefined;
  return { ...advisory, url: releaseNotesUrl(isOwnRelease ? component : 'gateway', version) };
}

/** Everything the user should know before this upgrade, most severe first. Never throws. */
export function advisoriesFor(input: NormalizedInput): readonly Advisory[] {
  const requirements = requirementAdvisories(input);
  // Below the matrix recommendation, unless a hard requirement already covers that companion.
  const belowRecommended = computedOfKind(input, ['below-recommended']).filter(
    (advisory) => !requirements.some((required) => required.component === advisory.component),
  );
  const all: readonly Advisory[] = [
    ...computedOfKind(input, ['target-to-avoid']),
    ...requirements,
    ...belowRecommended,
    ...computedOfKind(input, ['target-support', 'current-support']),
    ...advisoryEntries
      .filter((entry: AdvisoryEntry) => entryApplies(entry, input))
      .map((entry: AdvisoryEntry) => fromEntry(entry, input)),
    ...computedOfKind(input, ['tested-versions', 'go-toolchain']),
  ];
  const seen = new Set<string>();
  const unique = all.filter((advisory) => {
    if (seen.has(advisory.id)) return false;
    seen.add(advisory.id);
    return true;
  });
  // Array sort is stable, so advisories of equal severity keep the order above.
  return [...unique]
    .sort((a, b) => severityRank[a.severity] - severityRank[b.severity])
    .map(withReleaseNotes);
}
