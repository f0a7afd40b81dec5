import { memo, useId } from 'react';
import { CommandBlock } from '@/components/command-block';
import type { InstallEntry, InstallType } from '@/rules';

export type DetectCollectorProps = {
  readonly installs: readonly InstallEntry[];
  readonly install: InstallType;
  readonly onInstallChange: (install: InstallType) => void;
  /** The script for `install`. */
  readonly script: string;
};

/**
 * The read-only collector for one installation type, with what it reads and a copy button.
 * Memoised: typing into the files above does not lay the long script out again.
 */
export const DetectCollector = memo(function DetectCollector({
  installs,
  install,
  onInstallChange,
  script,
}: DetectCollectorProps) {
  const selectId = useId();
  const label = installs.find((entry) => entry.id === install)?.label ?? install;
  return (
    <div className="space-y-3">
      <p className="max-w-2xl">
        Rather than finding every file yourself, run this script where Tyk runs. It only reads: the
        versions and images of Tyk’s components, the Gateway’s and Dashboard’s <code>/hello</code>,
        Redis’ <code>INFO server</code>, the database version, Helm values, config files and which
        API definitions load plugins. It installs, restarts and writes nothing. A key it needs is
        asked for without being shown, and every secret it prints (secrets, node secrets, licence
        keys, passwords, connection strings with credentials) comes out as <code>****</code>.
      </p>
      <p className="max-w-2xl">
        It prints one JSON document. Save it (<code>bash tyk-collect.sh &gt; tyk-facts.json</code>)
        and paste or open that file above like any other.
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor={selectId} className="font-medium">
          Installation type of the collector
        </label>
        <select
          id={selectId}
          value={install}
          onChange={(event) => {
            const chosen = installs.find((entry) => entry.id === event.target.value);
            if (chosen !== undefined) onInstallChange(chosen.id);
          }}
          className="w-fit rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100"
        >
          {installs.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label}
            </option>
          ))}
        </select>
      </div>
      <CommandBlock
        command={{ code: script, lang: 'bash', label: `tyk-collect.sh for ${label}` }}
        name={`the collector script for ${label}`}
      />
    </div>
  );
});
