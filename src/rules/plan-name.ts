// The name a saved plan goes by until the user gives it one: the deployment in a few words, from
// the answers and the catalogue's labels ("tyk-prod · Helm · Gateway 5.3.0 → 5.8.2"), with a
// number when another plan already has it.
import { componentLabel } from './catalog/components';
import { findInstall } from './catalog/installs';
import { findModel } from './catalog/models';
import { relevantNameFields } from './names';
import type { DraftAnswers, DraftVersionChange, NameId } from './types';

/** The most characters a name made from the answers has, before any number is added to it. */
export const maxDeploymentNameLength = 60;

/** The user's release or namespace is cut to this, so that the rest of the name fits beside it. */
const maxOwnNameLength = 24;

const separator = ' · ';

/** The names that say which deployment this is, best first. */
const ownNameIds: readonly NameId[] = ['helmRelease', 'namespace'];

/** `text` within `limit`, cut with an ellipsis after a word rather than after its separator. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit - 1).replace(/[\s\-_.·]+$/, '')}…`;
}

/** The user's release or namespace, when the installation uses one and the user typed it. */
function ownName(answers: DraftAnswers, install: DraftAnswers['install']): string | null {
  const relevant = new Set(relevantNameFields({ ...answers, install }).map((field) => field.id));
  for (const id of ownNameIds) {
    const value = answers.names[id]?.trim() ?? '';
    if (relevant.has(id) && value !== '') return cut(value, maxOwnNameLength);
  }
  return null;
}

function moveText(label: string, change: DraftVersionChange): string | null {
  const from = change.from.trim();
  const to = change.to.trim();
  if (from === '' || from === to) return null;
  return `${label} ${from} → ${to === '' ? '…' : to}`;
}

/** What moves: the Gateway, or when it stays, the companions whose versions are both typed. */
function movesText(answers: DraftAnswers): string | null {
  const gateway = moveText(componentLabel('gateway'), answers.gateway);
  if (gateway !== null) return gateway;
  const companions = (['pump', 'mdcb'] as const)
    .filter((id) => answers.components.includes(id) && answers[id].to.trim() !== '')
    .flatMap((id) => moveText(componentLabel(id), answers[id]) ?? []);
  if (companions.length > 0) return companions.join(', ');
  const stays = answers.gateway.from.trim();
  return stays === '' ? null : `${componentLabel('gateway')} ${stays}`;
}

/**
 * The deployment in a few words: the user's release or namespace, how it is installed (or the
 * model, when Tyk runs it) and what moves, as far as the answers tell.
 */
export function deploymentPlanName(answers: DraftAnswers): string {
  const model = findModel(answers.model);
  const install = model.installs.length === 0 ? null : answers.install;
  const parts = [
    ownName(answers, install),
    install === null ? model.label : findInstall(install).label,
    movesText(answers),
  ].filter((part): part is string => part !== null);
  return cut(parts.join(separator), maxDeploymentNameLength);
}

/**
 * `name`, or `name (2)`, `name (3)`… when a name in `taken` is already so. A plan that is already
 * called `name` or one of its numbered forms, and whose name is free, keeps it (`current`), so a
 * name does not change number with every answer.
 */
export function distinctPlanName(
  name: string,
  taken: Iterable<string>,
  current: string | null = null,
): string {
  const names = new Set(taken);
  const numbered = (n: number): string => `${name} (${n})`;
  const isFormOfName =
    current !== null &&
    (current === name ||
      (current.startsWith(name) && /^ \((?:[2-9]|[1-9]\d+)\)$/.test(current.slice(name.length))));
  if (isFormOfName && !names.has(current)) return current;
  if (!names.has(name)) return name;
  let n = 2;
  while (names.has(numbered(n))) n += 1;
  return numbered(n);
}
