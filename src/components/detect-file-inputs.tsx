import { useState, type ChangeEvent } from 'react';
import { inputClass } from '@/components/field';

/** One file as the user gave it: typed or pasted into the page, or picked from the disk. */
export type DetectFile = {
  readonly key: string;
  readonly name: string;
  readonly text: string;
};

export type DetectFileInputsProps = {
  readonly files: readonly DetectFile[];
  readonly onChange: (files: readonly DetectFile[]) => void;
  /** A fresh key for a new entry. */
  readonly newKey: () => string;
  /** Files larger than this many bytes are not opened at all. */
  readonly maxBytes: number;
};

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/**
 * The files to read: a name and a text box per file, with add and remove, and a picker that reads
 * files in the page. Nothing leaves the browser.
 */
export function DetectFileInputs({ files, onChange, newKey, maxBytes }: DetectFileInputsProps) {
  const [pickMessages, setPickMessages] = useState<readonly string[]>([]);

  function update(key: string, patch: Partial<Omit<DetectFile, 'key'>>): void {
    onChange(files.map((file) => (file.key === key ? { ...file, ...patch } : file)));
  }

  async function pick(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const input = event.currentTarget;
    const picked = Array.from(input.files ?? []);
    const messages: string[] = [];
    const read: DetectFile[] = [];
    for (const file of picked) {
      if (file.size > maxBytes) {
        messages.push(
          `${file.name} is ${megabytes(file.size)} MB; files up to ${megabytes(maxBytes)} MB are read, so it was not opened. Give the one config file or command output instead.`,
        );
        continue;
      }
      try {
        read.push({ key: newKey(), name: file.name, text: await file.text() });
      } catch {
        messages.push(`${file.name} could not be opened in the browser.`);
      }
    }
    input.value = '';
    setPickMessages(messages);
    // An untouched empty entry gives way to the picked files.
    const kept = files.filter((file) => file.name.trim() !== '' || file.text !== '');
    if (read.length > 0) onChange([...kept, ...read]);
  }

  return (
    <div className="space-y-4">
      <ol className="space-y-4">
        {files.map((file, index) => {
          const number = index + 1;
          const nameId = `detect-file-name-${file.key}`;
          const textId = `detect-file-text-${file.key}`;
          return (
            <li
              key={file.key}
              className="space-y-2 rounded-lg border border-slate-300 p-3 dark:border-slate-700"
            >
              <div className="flex flex-wrap items-end gap-3">
                <span className="flex min-w-48 flex-1 flex-col gap-1">
                  <label htmlFor={nameId} className="font-medium">
                    Name of file {number}
                  </label>
                  <input
                    id={nameId}
                    type="text"
                    value={file.name}
                    placeholder="docker-compose.yml"
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(event) => update(file.key, { name: event.target.value })}
                    className={inputClass}
                  />
                </span>
                {files.length > 1 ? (
                  <button
                    type="button"
                    onClick={() => onChange(files.filter((other) => other.key !== file.key))}
                    className="rounded-md border border-slate-400 px-3 py-2 font-medium hover:bg-slate-100 dark:border-slate-500 dark:hover:bg-slate-800"
                  >
                    Remove file {number}
                  </button>
                ) : null}
              </div>
              <span className="flex flex-col gap-1">
                <label htmlFor={textId} className="font-medium">
                  Contents of file {number}
                </label>
                <textarea
                  id={textId}
                  value={file.text}
                  rows={8}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => update(file.key, { text: event.target.value })}
                  className={`${inputClass} font-mono text-sm`}
                />
              </span>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => onChange([...files, { key: newKey(), name: '', text: '' }])}
          className="rounded-md border border-slate-400 px-3 py-2 font-medium hover:bg-slate-100 dark:border-slate-500 dark:hover:bg-slate-800"
        >
          Add another file
        </button>
        <label className="inline-flex flex-wrap items-center gap-2">
          <span className="font-medium">Or open files from this computer:</span>
          <input type="file" multiple onChange={(event) => void pick(event)} />
        </label>
      </div>
      {pickMessages.length === 0 ? null : (
        <ul role="alert" className="list-disc space-y-1 pl-6 text-red-800 dark:text-red-300">
          {pickMessages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
