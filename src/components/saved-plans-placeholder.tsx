/**
 * Where the saved plans will be, while their code and the stored plans load: the same heading and
 * one line of text, so that the list arriving does not push the rest of the page down.
 */
export function SavedPlansPlaceholder() {
  return (
    <section aria-labelledby="saved-plans-heading" aria-busy="true" className="space-y-3">
      <h2 id="saved-plans-heading" className="text-xl font-semibold outline-none">
        Your saved plans
      </h2>
      <p className="text-slate-700 dark:text-slate-300">Reading the plans kept in this browser…</p>
    </section>
  );
}
