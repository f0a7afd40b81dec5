// What the user is told about saving: changes that are not reaching storage, and a plan changed
// in two tabs at once. Both are alerts: they appear the moment it happens, on whatever page is open.

/** Which version of a plan changed in two tabs to keep. */
export type KeepChoice = 'mine' | 'theirs' | 'both';

const primaryButton =
  'rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 dark:bg-sky-300 dark:text-slate-950 dark:hover:bg-sky-200';
const secondaryButton =
  'rounded-md border border-slate-700 px-3 py-1.5 text-sm font-semibold dark:border-slate-300';
const alertBox =
  'space-y-2 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 text-slate-900 dark:border-red-300 dark:bg-red-950 dark:text-slate-100';

/** "“A”", "“A” and “B”", "“A”, “B” and 3 more plans". */
export function planNamesText(names: readonly string[]): string {
  const quoted = names.slice(0, 3).map((name) => `“${name}”`);
  const more = names.length - quoted.length;
  if (more > 0) return `${quoted.join(', ')} and ${more} more ${more === 1 ? 'plan' : 'plans'}`;
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1) ?? ''}`;
}

export type SaveProblemKind = 'full' | 'unavailable' | 'newer-version' | 'no-room-to-keep-aside';

const problemTitle: Readonly<Record<SaveProblemKind, string>> = {
  full: 'Not saved: the storage of this browser is full',
  unavailable: 'Not saved: this browser does not let the wizard store anything',
  'newer-version': 'Not saved: a newer version of the wizard wrote your saved plans',
  'no-room-to-keep-aside': 'Not saved: there is no room to keep your unreadable data aside',
};

const problemAdvice: Readonly<Record<SaveProblemKind, string>> = {
  full: 'Free some space for this site (delete plans or kept-aside data you no longer need), then try again.',
  unavailable:
    'Storage may be switched off for this site, as in some private windows or by a browser setting.',
  'newer-version':
    'This version does not save over them. Reload the page to get the newer version.',
  'no-room-to-keep-aside':
    'Nothing is saved over the stored data until a copy of it fits. Free some space for this site, then reload.',
};

export type SaveProblemAlertProps = {
  readonly kind: SaveProblemKind;
  /** The plans whose latest changes are not saved. */
  readonly unsaved: readonly string[];
  readonly onDownload: () => void;
  readonly onRetry: () => void;
};

/** Changes that did not reach storage: which, why, a copy of every plan, and another try. */
export function SaveProblemAlert({ kind, unsaved, onDownload, onRetry }: SaveProblemAlertProps) {
  const what =
    unsaved.length === 0
      ? 'Plans you start or change are kept in this tab only'
      : `The latest changes to ${planNamesText(unsaved)} are kept in this tab only`;
  const canRetry = kind === 'full' || kind === 'unavailable';
  return (
    <div role="alert" className={alertBox}>
      <p className="font-semibold">{problemTitle[kind]}</p>
      <p>
        {what}, and are lost when you close or reload it. {problemAdvice[kind]}
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onDownload} className={primaryButton}>
          Download every plan (JSON)
        </button>
        {canRetry ? (
          <button type="button" onClick={onRetry} className={secondaryButton}>
            Try saving again
          </button>
        ) : null}
      </div>
    </div>
  );
}

export type PlanConflictAlertProps = {
  /** The plan's name in this tab, or in the other tab when it was deleted here. */
  readonly planName: string;
  /** Null when this side deleted the plan. */
  readonly mineChangedAt: string | null;
  readonly theirsChangedAt: string | null;
  readonly onChoose: (choice: KeepChoice) => void;
};

function timeText(iso: string): string {
  const date = new Date(iso);
  if (iso === '' || Number.isNaN(date.getTime())) return 'at an unknown time';
  return `at ${date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })}`;
}

/** A plan changed here and in another tab: the user keeps either version, or both. */
export function PlanConflictAlert({
  planName,
  mineChangedAt,
  theirsChangedAt,
  onChoose,
}: PlanConflictAlertProps) {
  const name = `“${planName}”`;
  const summary =
    theirsChangedAt === null
      ? `${name} was deleted in another tab while you were changing it here (last change ${timeText(mineChangedAt ?? '')}).`
      : mineChangedAt === null
        ? `${name} was changed in another tab (${timeText(theirsChangedAt)}) after you deleted it here.`
        : `${name} was changed in another tab (${timeText(theirsChangedAt)}) while you were changing it here (${timeText(mineChangedAt)}).`;
  return (
    <div role="alert" className={alertBox}>
      <p className="font-semibold">Changed in two tabs at once</p>
      <p>{summary} Nothing has been saved over either version. Which one do you keep?</p>
      <div className="flex flex-wrap gap-2">
        {mineChangedAt === null ? null : (
          <button type="button" onClick={() => onChoose('mine')} className={primaryButton}>
            Keep this tab’s version
          </button>
        )}
        {theirsChangedAt === null ? null : (
          <button type="button" onClick={() => onChoose('theirs')} className={secondaryButton}>
            Keep the other tab’s version
          </button>
        )}
        {mineChangedAt !== null && theirsChangedAt !== null ? (
          <button type="button" onClick={() => onChoose('both')} className={secondaryButton}>
            Keep both
          </button>
        ) : (
          <button
            type="button"
            onClick={() => onChoose(mineChangedAt === null ? 'mine' : 'theirs')}
            className={secondaryButton}
          >
            {mineChangedAt === null ? 'Leave it deleted' : 'Delete it'}
          </button>
        )}
      </div>
    </div>
  );
}
