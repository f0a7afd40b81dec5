import { useId, useState } from 'react';
import { Link } from 'react-router';
import { CopyButton } from '@/components/copy-button';
import { downloadText } from '@/components/download-text';

export { downloadText };

export type ExportPanelProps = {
  /** DOM id of the panel, for the button that opens it. */
  readonly id: string;
  /** The runbook as Markdown: the same text the command line prints with `--format markdown`. */
  readonly markdown: string;
  /** The plan as JSON. */
  readonly json: string;
  /** File name without its extension, e.g. `tyk-self-managed-on-helm`. */
  readonly fileStem: string;
  /** Route of the printable runbook. */
  readonly printPath: string;
  /** The executed runbook for a change ticket: what was done, when, with notes and outcomes. */
  readonly changeRecord?: { readonly markdown: string; readonly json: string } | undefined;
  /** The Markdown and JSON hold the findings read from the deployment's files. */
  readonly hasFindings?: boolean;
};

const maxStemLength = 80;

/** A file name stem from a plan title: lowercase words joined by dashes. */
export function fileStemOf(title: string): string {
  const stem = title
    // Accented letters lose their accents rather than split the word.
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxStemLength)
    .replace(/^-+|-+$/g, '');
  return stem === '' ? 'upgrade-plan' : stem;
}

const buttonClass =
  'inline-flex min-h-9 items-center gap-1 rounded border border-slate-400 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

/** The plan as files to keep: a Markdown runbook, the plan as JSON, and the printable runbook. */
export function ExportPanel({
  id,
  markdown,
  json,
  fileStem,
  printPath,
  changeRecord,
  hasFindings = false,
}: ExportPanelProps) {
  const recordHeadingId = useId();
  const headingId = useId();
  const markdownHeadingId = useId();
  const markdownFileId = useId();
  const jsonHeadingId = useId();
  const jsonFileId = useId();
  const [announcement, setAnnouncement] = useState('');
  const markdownFile = `${fileStem}.md`;
  const jsonFile = `${fileStem}.json`;

  function download(fileName: string, text: string, type: string): void {
    downloadText(fileName, text, type);
    setAnnouncement(`Your browser is saving ${fileName}.`);
  }

  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border border-slate-300 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        Export this plan
      </h2>

      <div role="group" aria-labelledby={markdownHeadingId} className="space-y-2">
        <h3 id={markdownHeadingId} className="font-semibold">
          Markdown runbook
        </h3>
        <p>
          Every step as a checkbox with its commands in fenced blocks, ready for a GitHub or GitLab
          issue or a file next to your deployment. The command line prints the same text.
          {hasFindings ? ' The findings from your deployment’s files follow the advisories.' : ''}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <CopyButton text={markdown} what="the Markdown runbook" />
          <button
            type="button"
            onClick={() => download(markdownFile, markdown, 'text/markdown;charset=utf-8')}
            aria-describedby={markdownFileId}
            className={buttonClass}
          >
            Download Markdown
          </button>
          <span id={markdownFileId} className="text-sm text-slate-700 dark:text-slate-300">
            as <span className="font-mono break-all">{markdownFile}</span>
          </span>
        </div>
      </div>

      <div role="group" aria-labelledby={jsonHeadingId} className="space-y-2">
        <h3 id={jsonHeadingId} className="font-semibold">
          JSON
        </h3>
        <p>
          The plan exactly as the rules build it: phases, steps, commands, checks and rollbacks, for
          scripts and other tools.
          {hasFindings
            ? ' The findings from your deployment’s files are beside it, in findings.'
            : ''}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            onClick={() => download(jsonFile, json, 'application/json;charset=utf-8')}
            aria-describedby={jsonFileId}
            className={buttonClass}
          >
            Download JSON
          </button>
          <span id={jsonFileId} className="text-sm text-slate-700 dark:text-slate-300">
            as <span className="font-mono break-all">{jsonFile}</span>
          </span>
        </div>
      </div>

      {changeRecord === undefined ? null : (
        <div role="group" aria-labelledby={recordHeadingId} className="space-y-2">
          <h3 id={recordHeadingId} className="font-semibold">
            Change record
          </h3>
          <p>
            The runbook as carried out, for the change ticket: the change fields, the answers, the
            versions before and after, and each step with when it was done, skipped or failed, and
            its notes.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <CopyButton text={changeRecord.markdown} what="the change record as Markdown" />
            <button
              type="button"
              onClick={() =>
                download(
                  `${fileStem}-change-record.md`,
                  changeRecord.markdown,
                  'text/markdown;charset=utf-8',
                )
              }
              className={buttonClass}
            >
              Download change record (Markdown)
            </button>
            <button
              type="button"
              onClick={() =>
                download(
                  `${fileStem}-change-record.json`,
                  changeRecord.json,
                  'application/json;charset=utf-8',
                )
              }
              className={buttonClass}
            >
              Download change record (JSON)
            </button>
          </div>
        </div>
      )}

      <p>
        <Link
          to={printPath}
          className="font-semibold text-blue-700 underline underline-offset-2 dark:text-sky-300"
        >
          Printable runbook
        </Link>{' '}
        <span className="text-slate-700 dark:text-slate-300">
          — the whole plan on a page laid out for paper or a PDF.
        </span>
      </p>

      <p role="status" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
