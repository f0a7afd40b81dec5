const roles = [
  { id: 'operator', title: 'Operator', duty: 'Carried out the steps and their checks.' },
  { id: 'approver', title: 'Approver', duty: 'Accepts the result for the platform team.' },
] as const;

const fields = ['Name', 'Signature', 'Date'] as const;

/** Lines for the operator and the approver to sign once the upgrade is done or rolled back. */
export function RunbookSignOff() {
  return (
    <section aria-labelledby="runbook-sign-off-heading" className="break-inside-avoid space-y-3">
      <h2
        id="runbook-sign-off-heading"
        className="border-b-2 border-black pb-1 text-[1.3em] font-bold"
      >
        Sign-off
      </h2>
      <p className="leading-snug">
        Sign when every step of the change is ticked (or skipped with a reason) and its check
        passed, or when the upgrade was rolled back. The rollback steps are needed only for a
        rollback.
      </p>
      <p className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <span className="font-semibold">Outcome:</span>
        <span className="inline-flex items-center gap-2">
          <span aria-hidden="true" className="size-[1.1em] border-2 border-black" />
          Upgraded and checked
        </span>
        <span className="inline-flex items-center gap-2">
          <span aria-hidden="true" className="size-[1.1em] border-2 border-black" />
          Rolled back
        </span>
      </p>
      <div className="grid gap-6 sm:grid-cols-2 print:grid-cols-2">
        {roles.map((role) => (
          <section key={role.id} aria-labelledby={`runbook-sign-off-${role.id}`}>
            <h3 id={`runbook-sign-off-${role.id}`} className="font-semibold">
              {role.title}
            </h3>
            <p className="text-[0.85em] text-neutral-700">{role.duty}</p>
            {fields.map((field) => (
              <p key={field} className="mt-4 flex items-end gap-2">
                <span className="w-20 shrink-0">{field}</span>
                <span className="h-6 flex-1 border-b border-black" />
              </p>
            ))}
          </section>
        ))}
      </div>
    </section>
  );
}
