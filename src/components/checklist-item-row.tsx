import { useId } from 'react';
import { Link } from 'react-router';

export type ChecklistItemRowProps = {
  readonly title: string;
  readonly detail: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** A guide that explains the item at length. */
  readonly guide?: { readonly title: string; readonly to: string } | undefined;
  /** Outbound pages to read, such as release notes. */
  readonly links?: readonly { readonly label: string; readonly url: string }[] | undefined;
};

/** One thing to check or decide before the change window, ticked when it is done. */
export function ChecklistItemRow({
  title,
  detail,
  checked,
  onChange,
  guide,
  links = [],
}: ChecklistItemRowProps) {
  const base = useId();
  const controlId = `${base}-control`;
  const detailId = `${base}-detail`;
  return (
    <div
      className={`flex gap-3 rounded-lg border p-3 ${
        checked
          ? 'border-green-700 dark:border-green-500'
          : 'border-slate-400 dark:border-slate-600'
      }`}
    >
      <input
        id={controlId}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={detailId}
        className="mt-1 size-5 shrink-0 accent-green-700 dark:accent-green-400"
      />
      <div className="min-w-0 space-y-1">
        <label htmlFor={controlId} className="block cursor-pointer font-semibold">
          {title}
        </label>
        <p id={detailId} className="text-sm text-slate-700 dark:text-slate-300">
          {detail}
        </p>
        {links.length === 0 ? null : (
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {links.map((link) => (
              <li key={link.url}>
                <a
                  href={link.url}
                  target="_blank"
                  rel="noreferrer"
                  className="text-blue-700 underline underline-offset-2 dark:text-sky-300"
                >
                  {link.label}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              </li>
            ))}
          </ul>
        )}
        {guide === undefined ? null : (
          <Link
            to={guide.to}
            className="inline-block text-sm text-blue-700 underline underline-offset-2 dark:text-sky-300"
          >
            Guide: {guide.title}
          </Link>
        )}
      </div>
    </div>
  );
}
