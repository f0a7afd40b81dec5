import { useId, type ChangeEvent, type HTMLAttributes, type ReactNode } from 'react';
import { maxLengthOf } from '@/rules';

/** The DOM id of the control for a field named as `validate` names it: `gateway.to` → `field-gateway-to`. */
export function fieldDomId(field: string): string {
  return `field-${field.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

export type FieldMessagesProps = {
  readonly id: string;
  readonly errors: readonly string[];
  readonly warnings?: readonly string[];
};

/**
 * Errors and warnings under a control. The live region is always in the page so that screen
 * readers announce a message when it appears, not only when the control is focused.
 */
export function FieldMessages({ id, errors, warnings = [] }: FieldMessagesProps) {
  return (
    <div id={id} aria-live="polite" className="space-y-1">
      {errors.map((message) => (
        <p key={`e-${message}`} className="text-sm font-medium text-red-700 dark:text-red-300">
          <span aria-hidden="true">✕ </span>
          {message}
        </p>
      ))}
      {warnings.map((message) => (
        <p key={`w-${message}`} className="text-sm text-amber-800 dark:text-amber-200">
          <span className="font-semibold">Note: </span>
          {message}
        </p>
      ))}
    </div>
  );
}

export type TextFieldProps = {
  /** The field as `validate` names it; gives the control's id. */
  readonly field: string;
  /** Also names the field in the message about its length. */
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onBlur?: (() => void) | undefined;
  readonly help?: ReactNode;
  readonly errors?: readonly string[];
  readonly warnings?: readonly string[];
  readonly placeholder?: string | undefined;
  /** Id of a datalist of suggestions. */
  readonly list?: string | undefined;
  readonly inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'] | undefined;
  readonly isMonospace?: boolean;
  readonly className?: string;
};

export const inputClass =
  'block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-600 ' +
  'aria-invalid:border-red-700 aria-invalid:border-2 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100 ' +
  'dark:placeholder:text-slate-400 dark:aria-invalid:border-red-300';

export function TextField({
  field,
  label,
  value,
  onChange,
  onBlur,
  help,
  errors = [],
  warnings = [],
  placeholder,
  list,
  inputMode,
  isMonospace = false,
  className = '',
}: TextFieldProps) {
  const base = useId();
  const id = fieldDomId(field);
  const helpId = `${base}-help`;
  const messagesId = `${base}-messages`;
  const describedBy = [help === undefined ? null : helpId, messagesId]
    .filter((part) => part !== null)
    .join(' ');
  // The browser stops typing and cuts a paste at the limit; the note says why.
  const maxLength = maxLengthOf(field);
  const notes =
    maxLength !== null && value.length >= maxLength
      ? [...warnings, `${label} can be at most ${maxLength} characters long.`]
      : warnings;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {help === undefined ? null : (
        <p id={helpId} className="text-sm text-slate-700 dark:text-slate-300">
          {help}
        </p>
      )}
      <input
        id={id}
        type="text"
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        onBlur={onBlur}
        placeholder={placeholder}
        list={list}
        inputMode={inputMode}
        maxLength={maxLength ?? undefined}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy}
        className={`${inputClass} ${isMonospace ? 'font-mono' : ''}`}
      />
      <FieldMessages id={messagesId} errors={errors} warnings={notes} />
    </div>
  );
}

export type FieldGroupProps = {
  /** The field as `validate` names it; gives the group's id. */
  readonly field: string;
  readonly legend: ReactNode;
  readonly help?: ReactNode;
  readonly errors?: readonly string[];
  readonly warnings?: readonly string[];
  /** Cards in a grid (choices) or a plain stack (anything else). */
  readonly layout?: 'grid' | 'stack';
  readonly children: ReactNode;
};

/** A fieldset with its legend, help and messages: radio groups, checkbox groups, lists of inputs. */
export function FieldGroup({
  field,
  legend,
  help,
  errors = [],
  warnings = [],
  layout = 'grid',
  children,
}: FieldGroupProps) {
  const base = useId();
  const helpId = `${base}-help`;
  const messagesId = `${base}-messages`;
  const describedBy = [help === undefined ? null : helpId, messagesId]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <fieldset id={fieldDomId(field)} aria-describedby={describedBy} className="min-w-0 space-y-3">
      <legend className="mb-1 text-lg font-semibold">{legend}</legend>
      {help === undefined ? null : (
        <div id={helpId} className="text-slate-700 dark:text-slate-300">
          {help}
        </div>
      )}
      <div className={layout === 'grid' ? 'grid gap-3 sm:grid-cols-2' : 'space-y-3'}>
        {children}
      </div>
      <FieldMessages id={messagesId} errors={errors} warnings={warnings} />
    </fieldset>
  );
}
