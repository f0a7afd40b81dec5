import { inputClass } from '@/components/field';
import type { Evidence, FieldMessage, Proposal, ProposalEdits } from '@/rules';

export type DetectProposalsProps = {
  readonly proposals: readonly Proposal[];
  readonly chosen: ReadonlySet<string>;
  readonly onChoose: (id: string, isChosen: boolean) => void;
  /** Values typed over the files' ones, by proposal id. */
  readonly edits: ProposalEdits;
  readonly onEdit: (id: string, value: string) => void;
  /** The wizard's messages about edited values, each naming its field by the proposal id. */
  readonly problems: readonly FieldMessage[];
};

/** `.env, line 3 (GATEWAY_VERSION): 5.8.0; image tag v5.8.0` */
export function evidenceLine(item: Evidence): string {
  const where = item.where === '' ? '' : `, ${item.where}`;
  const note = item.note === undefined ? '' : `; ${item.note}`;
  return `${item.file}${where}: ${item.value}${note}`;
}

function statusText(proposal: Proposal): string {
  switch (proposal.status) {
    case 'same':
      return 'Your answers already say this.';
    case 'new':
      return proposal.current === ''
        ? 'Not answered yet.'
        : `Replaces the default, ${proposal.current}.`;
    case 'conflict':
      return `You answered ${proposal.current}. Tick this only to replace your answer with the files’ value.`;
  }
}

function domId(id: string): string {
  return `proposal-${id.replace(/[^A-Za-z0-9-]/g, '-')}`;
}

/** The DOM id of the field that changes a proposal's value, to put the keyboard there. */
export function proposalValueId(id: string): string {
  return `${domId(id)}-value`;
}

/** Every proposed answer with a checkbox, what the draft holds now and where the value was read. */
export function DetectProposals({
  proposals,
  chosen,
  onChoose,
  edits,
  onEdit,
  problems,
}: DetectProposalsProps) {
  if (proposals.length === 0)
    return <p>The files showed none of the wizard’s answers. The findings below still apply.</p>;
  return (
    <ul className="space-y-3">
      {proposals.map((proposal) => {
        const id = domId(proposal.id);
        const isConflict = proposal.status === 'conflict';
        const isEditable = proposal.isEditable && proposal.status !== 'same';
        const messages = problems
          .filter((problem) => problem.field === proposal.id)
          .map((problem) => problem.message);
        return (
          <li
            key={proposal.id}
            className={`rounded-md border p-3 ${
              isConflict
                ? 'border-amber-700 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40'
                : 'border-slate-300 dark:border-slate-700'
            }`}
          >
            <div className="flex items-start gap-3">
              <input
                id={id}
                type="checkbox"
                checked={chosen.has(proposal.id)}
                disabled={proposal.status === 'same'}
                onChange={(event) => onChoose(proposal.id, event.target.checked)}
                aria-describedby={`${id}-status ${id}-evidence`}
                className="mt-1 size-5 shrink-0"
              />
              <div className="min-w-0 space-y-1">
                <label htmlFor={id} className="font-semibold">
                  {proposal.label}: <span className="font-mono break-all">{proposal.value}</span>
                </label>
                <p id={`${id}-status`} className="text-sm">
                  {isConflict ? (
                    <>
                      <strong className="font-semibold">Conflict.</strong>{' '}
                    </>
                  ) : null}
                  {statusText(proposal)}
                </p>
                {isEditable ? (
                  <div className="max-w-md space-y-1">
                    <label htmlFor={proposalValueId(proposal.id)} className="block text-sm">
                      {proposal.label} to apply
                    </label>
                    <input
                      id={proposalValueId(proposal.id)}
                      type="text"
                      value={edits[proposal.id] ?? proposal.value}
                      autoComplete="off"
                      spellCheck={false}
                      onChange={(event) => onEdit(proposal.id, event.target.value)}
                      aria-invalid={messages.length > 0}
                      aria-describedby={messages.length > 0 ? `${id}-problem` : undefined}
                      className={`${inputClass} font-mono`}
                    />
                    {messages.length === 0 ? null : (
                      <p id={`${id}-problem`} className="text-sm text-red-800 dark:text-red-300">
                        {messages.join(' ')}
                      </p>
                    )}
                  </div>
                ) : null}
                <div id={`${id}-evidence`} className="text-sm text-slate-700 dark:text-slate-300">
                  <span>Read from: </span>
                  <ul className="inline">
                    {proposal.evidence.map((item, index) => (
                      <li key={`${item.file}-${item.where}-${index}`} className="break-words">
                        {evidenceLine(item)}
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
