import { useId, type ReactNode } from 'react';

export type ChoiceCardProps = {
  readonly type: 'radio' | 'checkbox';
  /** The radio group or checkbox name. */
  readonly name: string;
  readonly value: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly label: ReactNode;
  readonly description?: ReactNode;
  /** Why the choice cannot be changed; shown under the description and read with the control. */
  readonly disabledReason?: string | null;
  /** The DOM id of the control, for links from an error summary. */
  readonly id?: string;
  /** Shown in the card below the text, outside the label; nothing interactive (a diagram, needs and risks). */
  readonly children?: ReactNode;
};

/**
 * A radio button or checkbox drawn as a card. The label covers the whole card so that it can be
 * clicked anywhere, but only the short label names the control; the rest describes it.
 */
export function ChoiceCard({
  type,
  name,
  value,
  checked,
  onChange,
  label,
  description,
  disabledReason = null,
  id,
  children,
}: ChoiceCardProps) {
  const base = useId();
  const controlId = id ?? `${base}-control`;
  const descriptionId = `${base}-description`;
  const reasonId = `${base}-reason`;
  const isDisabled = disabledReason !== null;
  const describedBy = [
    description === undefined ? null : descriptionId,
    isDisabled ? reasonId : null,
  ]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div
      className={`relative flex gap-3 rounded-lg border p-3 has-focus-visible:ring-2 has-focus-visible:ring-blue-600 dark:has-focus-visible:ring-sky-300 ${
        checked
          ? 'border-blue-700 bg-blue-50 dark:border-sky-300 dark:bg-sky-950/40'
          : 'border-slate-400 dark:border-slate-600'
      }`}
    >
      <input
        id={controlId}
        type={type}
        name={name}
        value={value}
        checked={checked}
        disabled={isDisabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        className="relative z-10 mt-1 size-4 shrink-0 accent-blue-700 dark:accent-sky-300"
      />
      <div className="min-w-0 flex-1 space-y-1">
        <label
          htmlFor={controlId}
          className={`block font-semibold after:absolute after:inset-0 ${
            isDisabled ? 'after:cursor-not-allowed' : 'after:cursor-pointer'
          }`}
        >
          {label}
        </label>
        {description === undefined ? null : (
          <p id={descriptionId} className="text-sm text-slate-700 dark:text-slate-300">
            {description}
          </p>
        )}
        {isDisabled ? (
          <p id={reasonId} className="text-sm text-slate-700 italic dark:text-slate-300">
            {disabledReason}
          </p>
        ) : null}
        {children}
      </div>
    </div>
  );
}
