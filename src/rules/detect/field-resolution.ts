// One value per answer from the candidates every reader proposed: the sources agree, or one kind
// of source clearly outranks the others; wherever they disagree a conflict says so.
import { fieldLabel } from './fields';
import { rank, type Candidate } from './observations';
import type { Conflict, SourcedValue } from './types';

export type Resolved = { readonly value: string; readonly winner: Candidate };

function reasonFor(winner: Candidate): string {
  if (winner.rank >= rank.reported) return 'what the running component reports';
  if (winner.rank >= rank.running) return 'what runs now';
  if (winner.rank >= rank.collected) return 'what the collector found';
  if (winner.rank >= rank.declared) return 'what the files declare';
  return 'the most direct source';
}

export function sourced(candidate: Candidate): SourcedValue {
  return { value: candidate.value, file: candidate.file, where: candidate.where };
}

function describe(candidate: Candidate): string {
  return `${candidate.value} (${candidate.file}${candidate.where === '' ? '' : `, ${candidate.where}`})`;
}

function uniqueSources(candidates: readonly Candidate[]): SourcedValue[] {
  const seen = new Set<string>();
  const result: SourcedValue[] = [];
  for (const candidate of candidates) {
    const key = `${candidate.value}\u0000${candidate.file}\u0000${candidate.where}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(sourced(candidate));
  }
  return result;
}

const extraAdvice: Readonly<Record<string, string>> = {
  'names.redisHost':
    'The Gateways, the Dashboard and MDCB of one control plane share one Redis: check the one that differs.',
};

/** Said when a file and what runs disagree. */
const notAppliedAdvice =
  'Where a file and what runs differ, the file may have been changed and not applied yet, or belong to another environment.';

/** One value for a field, or none; conflicts are pushed where the sources disagree. */
export function resolveField(
  field: string,
  candidates: readonly Candidate[],
  conflicts: Conflict[],
): Resolved | null {
  const known = candidates.filter((candidate) => candidate.isUnresolved !== true);
  const unresolved = candidates.filter((candidate) => candidate.isUnresolved === true);
  const label = fieldLabel(field);
  if (known.length === 0) {
    if (unresolved.length > 0) {
      const notes = [...new Set(unresolved.map((candidate) => candidate.note ?? candidate.value))];
      conflicts.push({
        field,
        values: uniqueSources(unresolved),
        chosen: null,
        message: `${capitalise(label)} cannot be read from the files: ${notes.join('; ')}. Enter it yourself.`,
      });
    }
    return null;
  }
  const byRank = [...known].sort((a, b) => b.rank - a.rank);
  const top = byRank[0] as Candidate;
  const distinct = new Set(known.map((candidate) => candidate.value));
  if (distinct.size === 1) {
    if (unresolved.length > 0) {
      conflicts.push({
        field,
        values: uniqueSources([...unresolved, ...byRank]),
        chosen: top.value,
        message: `${capitalise(label)}: ${unresolved.map(describe).join(', ')} does not say it; ${describe(top)} does, so ${top.value} is proposed.`,
      });
    }
    return { value: top.value, winner: top };
  }
  const topValues = new Set(
    byRank.filter((candidate) => candidate.rank === top.rank).map((c) => c.value),
  );
  const chosen = topValues.size === 1 ? top.value : null;
  const listed = [...byRank, ...unresolved];
  const mixesFilesAndRunning =
    byRank.some((candidate) => candidate.rank >= rank.running) &&
    byRank.some((candidate) => candidate.rank <= rank.declared);
  const advice = [extraAdvice[field], mixesFilesAndRunning ? notAppliedAdvice : undefined]
    .filter((text) => text !== undefined)
    .join(' ');
  conflicts.push({
    field,
    values: uniqueSources(listed),
    chosen,
    message: `Sources disagree on ${label}: ${listed.map(describe).join('; ')}. ${
      chosen === null
        ? 'Choose the right one: the plan needs one value.'
        : `Proposed ${chosen}, ${reasonFor(top)}.`
    }${advice === '' ? '' : ` ${advice}`}`,
  });
  return chosen === null ? null : { value: chosen, winner: top };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
