import type { ReactNode } from 'react';
import type { Release } from '@/rules';
import { fieldDomId, TextField } from '@/components/field';

export type VersionInputProps = {
  /** The field as `validate` names it: `gateway.from`, `pump.to`. */
  readonly field: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onBlur?: (() => void) | undefined;
  /** The known releases, newest first; offered as suggestions while typing. */
  readonly releases: readonly Release[];
  readonly help?: ReactNode;
  readonly placeholder?: string | undefined;
  readonly errors?: readonly string[];
  readonly warnings?: readonly string[];
};

function releaseNote(release: Release): string {
  if (release.avoid !== undefined) return 'avoid';
  if (release.ltsLine !== undefined) return `LTS ${release.ltsLine}`;
  return '';
}

/** A version typed as text (`5.3.0`, `v5.3.0`), with the catalogued releases as suggestions. */
export function VersionInput({ releases, ...field }: VersionInputProps) {
  const listId = `${fieldDomId(field.field)}-releases`;
  return (
    <>
      <TextField {...field} list={listId} inputMode="decimal" isMonospace />
      <datalist id={listId}>
        {releases.map((release) => (
          <option key={release.version} value={release.version}>
            {releaseNote(release)}
          </option>
        ))}
      </datalist>
    </>
  );
}
