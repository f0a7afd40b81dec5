// Reading a version change: the current and target version of one line, checked against each other,
// the release catalogue and the compatibility matrix's defaults.
import { isBlank, isRecord, type Messages } from './read-input';
import { findRelease } from './releases';
import type { ResolvedChange, VersionLine } from './types';
import { isNewer, parseVersion } from './versions';

const lineLabel = { gateway: 'Gateway and Dashboard', pump: 'Pump', mdcb: 'MDCB' } as const;

export function readVersionChange(
  raw: unknown,
  line: VersionLine,
  defaults: { readonly from: string | null; readonly to: string | null },
  m: Messages,
): ResolvedChange | null {
  const defaultTarget = defaults.to;
  const label = lineLabel[line];
  const record = isRecord(raw) ? raw : {};
  if (!isRecord(raw) && raw !== undefined && raw !== null) {
    m.errors.push({
      field: line,
      message: `${label} versions must be given as a current and a target version.`,
    });
    return null;
  }
  const fromRaw = record['from'];
  const toRaw = record['to'];
  let from: string | null = null;
  if (isBlank(fromRaw) && defaults.from !== null) {
    // A companion's current version defaults to what the matrix pairs with the current Gateway.
    from = defaults.from;
    m.warnings.push({
      field: `${line}.from`,
      message: `The current ${label} version was not given; the plan assumes ${from}, the version recommended for your current Gateway. Check it and correct it if it differs.`,
    });
  } else if (isBlank(fromRaw)) {
    m.errors.push({
      field: `${line}.from`,
      message: `Enter the ${label} version you run now, for example ${exampleVersion[line]}. It cannot be assumed: the compatibility matrix starts at Gateway 5.3.0.`,
    });
  } else {
    const parsed = parseVersion(fromRaw);
    if (parsed.ok) from = parsed.version;
    else
      m.errors.push({
        field: `${line}.from`,
        message: `Current ${label} version ${parsed.message}.`,
      });
  }

  let to: string | null = null;
  let isDefaultTarget = false;
  if (isBlank(toRaw)) {
    if (defaultTarget === null) {
      if (line === 'gateway') {
        m.errors.push({
          field: `${line}.to`,
          message: `Enter the ${label} version you want, for example ${exampleVersion[line]}.`,
        });
      }
    } else {
      to = defaultTarget;
      isDefaultTarget = true;
    }
  } else {
    const parsed = parseVersion(toRaw);
    if (parsed.ok) to = parsed.version;
    else
      m.errors.push({ field: `${line}.to`, message: `Target ${label} version ${parsed.message}.` });
  }

  if (from === null || to === null) return null;

  if (isDefaultTarget && !isNewer(to, from)) {
    // The recommended companion is not newer than what runs: leave the component where it is.
    m.warnings.push({
      field: `${line}.to`,
      message: `${label} ${from} is already at or past the version recommended for this Gateway (${to}); it stays on ${from}.`,
    });
    return { from, to: from, isDefaultTarget: true };
  }
  if (isNewer(from, to)) {
    m.errors.push({
      field: `${line}.to`,
      message: `Target ${label} version ${to} is older than the current ${from}. This wizard plans upgrades; to go back, follow the rollback section of your upgrade plan and restore the backups you took.`,
    });
    return null;
  }
  if (from === to) {
    if (line === 'gateway') {
      m.errors.push({
        field: `${line}.to`,
        message: `Target ${label} version ${to} is the version you run now: there is nothing to upgrade.`,
      });
      return null;
    }
    m.warnings.push({
      field: `${line}.to`,
      message: `${label} stays on ${from}: it gets no upgrade step.`,
    });
  }
  for (const [which, version] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (findRelease(line, version) === undefined) {
      m.warnings.push({
        field: `${line}.${which}`,
        message: `${label} ${version} is not in this wizard's release catalogue; check that it exists before you rely on the plan.`,
      });
    }
  }
  // A typed target that equals the recommendation is the recommended target all the same.
  return { from, to, isDefaultTarget: isDefaultTarget || to === defaultTarget };
}

const exampleVersion = { gateway: '5.3.0', pump: '1.9.0', mdcb: '2.5.0' } as const;
