import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { DetectCollector } from '@/components/detect-collector';
import { DetectFileInputs, type DetectFile } from '@/components/detect-file-inputs';
import { DetectFindings } from '@/components/detect-findings';
import { DetectProposals, evidenceLine, proposalValueId } from '@/components/detect-proposals';
import { inputClass } from '@/components/field';
import {
  applyProposals,
  collectorScript,
  defaultAnswers,
  defaultChoices,
  detectDeployment,
  draftProposals,
  editProblems,
  findingsFor,
  installs,
  maxFileChars,
  otherEvidence,
  type DetectedDeployment,
  type DetectResult,
  type DraftAnswers,
  type InstallType,
  type ProposalEdits,
} from '@/rules';
import { useActiveDraft } from '@/store/use-active-draft';
import { useWizardStore } from '@/store/wizard-store';

const sectionHeading = 'text-xl font-semibold tracking-tight';
const buttonClass =
  'rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:bg-slate-500';

type Applied = { readonly planName: string; readonly count: number; readonly kept: number };

/** The "Read my deployment" page: files in, proposed answers and findings out, nothing uploaded. */
export function ReadDeploymentPage() {
  const draft = useActiveDraft();
  const planName = draft?.plan.name ?? null;
  const answers = draft?.answers ?? defaultAnswers;
  const createPlan = useWizardStore((state) => state.createPlan);
  const updateAnswers = useWizardStore((state) => state.updateAnswers);
  const setFindings = useWizardStore((state) => state.setFindings);

  const nextKey = useRef(1);
  const newKey = (): string => {
    nextKey.current += 1;
    return `file-${nextKey.current}`;
  };
  const [files, setFiles] = useState<readonly DetectFile[]>([
    { key: 'file-1', name: '', text: '' },
  ]);
  const [result, setResult] = useState<DetectResult | null>(null);
  const [noFilesMessage, setNoFilesMessage] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [edits, setEdits] = useState<ProposalEdits>({});
  const [target, setTarget] = useState(answers.gateway.to);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [collectorInstall, setCollectorInstall] = useState<InstallType>(
    answers.install ?? 'docker-compose',
  );
  const script = useMemo(() => collectorScript(collectorInstall), [collectorInstall]);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const appliedHeading = useRef<HTMLHeadingElement>(null);

  function read(): void {
    const given = files.filter((file) => file.name.trim() !== '' || file.text !== '');
    setApplied(null);
    if (given.length === 0) {
      setResult(null);
      setNoFilesMessage('Paste at least one file, or open one from this computer, then read it.');
      return;
    }
    setNoFilesMessage(null);
    const next = detectDeployment(
      given.map((file) => ({ name: file.name.trim(), text: file.text })),
    );
    setResult(next);
    setChosen(new Set(next.ok ? defaultChoices(draftProposals(next, answers)) : []));
    setEdits({});
    requestAnimationFrame(() => resultsHeading.current?.focus());
  }

  function apply(detected: DetectedDeployment, next: DraftAnswers, kept: number): void {
    const atIso = new Date().toISOString();
    let id = draft?.plan.id ?? '';
    if (draft === null) id = createPlan(next, atIso);
    else updateAnswers(next, atIso);
    setFindings({ target: target.trim(), findings: findingsWith(detected, next, target) }, atIso);
    // The name as it is now: a plan named after its deployment takes the new answers' name.
    const name = useWizardStore.getState().plans[id]?.name ?? '';
    setApplied({ planName: name, count: chosen.size, kept });
    requestAnimationFrame(() => appliedHeading.current?.focus());
  }

  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">Read my deployment</h1>
        <p className="max-w-2xl text-slate-700 dark:text-slate-300">
          Give the wizard the files your Tyk deployment already has: a docker-compose file with its{' '}
          <code>.env</code>, <code>tyk.conf</code> or <code>tyk_analytics.conf</code>, Helm values,{' '}
          <code>kubectl get deploy -o json</code>, an API definitions export, or the collector’s
          JSON below. It proposes answers, with the file and line each came from, and lists the
          risks it finds in your configuration. Everything is read in this page: nothing is
          uploaded, and nothing is saved until you apply the answers you choose.
        </p>
        <p className="max-w-2xl">
          {planName === null
            ? 'No plan is open, so applying starts a new one.'
            : `The answers go into the open plan, “${planName}”. Answers you set yourself are kept unless you choose otherwise.`}
        </p>
      </section>

      <section aria-labelledby="detect-files-heading" className="space-y-3">
        <h2 id="detect-files-heading" className={sectionHeading}>
          Your files
        </h2>
        <DetectFileInputs
          files={files}
          onChange={setFiles}
          newKey={newKey}
          maxBytes={maxFileChars}
        />
        <button type="button" onClick={read} className={buttonClass}>
          Read the files
        </button>
        {noFilesMessage === null ? null : (
          <p role="alert" className="text-red-800 dark:text-red-300">
            {noFilesMessage}
          </p>
        )}
      </section>

      {result === null ? null : (
        <section aria-labelledby="detect-results-heading" className="space-y-6">
          <h2
            id="detect-results-heading"
            ref={resultsHeading}
            tabIndex={-1}
            className={sectionHeading}
          >
            What the files show
          </h2>
          <FileProblems result={result} />
          {result.ok ? (
            <Results
              result={result}
              answers={answers}
              chosen={chosen}
              onChoose={(id, isChosen) => {
                const next = new Set(chosen);
                if (isChosen) next.add(id);
                else next.delete(id);
                setChosen(next);
              }}
              edits={edits}
              onEdit={(id, value) => {
                // Typing a value of one's own means applying it.
                setEdits({ ...edits, [id]: value });
                if (!chosen.has(id)) setChosen(new Set([...chosen, id]));
              }}
              target={target}
              onTargetChange={setTarget}
              onApply={apply}
            />
          ) : null}
        </section>
      )}

      {applied === null ? null : (
        <section
          aria-labelledby="detect-applied-heading"
          className="space-y-2 rounded-md border-l-4 border-green-700 bg-green-50 p-4 dark:border-green-400 dark:bg-green-950/40"
        >
          <h2
            id="detect-applied-heading"
            ref={appliedHeading}
            tabIndex={-1}
            className={sectionHeading}
          >
            Applied to “{applied.planName}”
          </h2>
          <p>
            {applied.count === 1 ? 'One answer was' : `${applied.count} answers were`} taken from
            the files
            {applied.kept === 0
              ? '.'
              : `; ${applied.kept === 1 ? 'one answer' : `${applied.kept} answers`} you set yourself ${applied.kept === 1 ? 'was' : 'were'} kept.`}{' '}
            The findings are kept with the plan and shown on it.
          </p>
          <Link
            to="/wizard/deployment"
            className="inline-block rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
          >
            Continue with the wizard
          </Link>
        </section>
      )}

      <section aria-labelledby="detect-collector-heading" className="space-y-3">
        <h2 id="detect-collector-heading" className={sectionHeading}>
          Collect the facts with a read-only script
        </h2>
        <DetectCollector
          installs={installs}
          install={collectorInstall}
          onInstallChange={setCollectorInstall}
          script={script}
        />
      </section>
    </div>
  );
}

/** The findings as they would be with these answers in the plan. */
function findingsWith(detected: DetectedDeployment, answers: DraftAnswers, target: string) {
  const bare = target.trim();
  return findingsFor(detected, bare === '' ? undefined : bare, {
    model: answers.model,
    usesGoPlugins: answers.usesGoPlugins,
  });
}

type FileProblemsProps = { readonly result: DetectResult };

function FileProblems({ result }: FileProblemsProps) {
  const errors = result.ok
    ? result.problems.filter((problem) => problem.severity === 'error')
    : result.errors.map((error) => ({ file: error.field, message: error.message }));
  const notices = result.problems.filter((problem) => problem.severity === 'notice');
  return (
    <>
      {errors.length === 0 ? null : (
        <div
          role="alert"
          className="space-y-1 rounded-md border-l-4 border-red-700 bg-red-50 p-3 dark:border-red-400 dark:bg-red-950/40"
        >
          <h3 className="font-semibold">
            {errors.length === 1 ? 'A file could not be read' : 'Files that could not be read'}
          </h3>
          <ul className="list-disc space-y-1 pl-5">
            {errors.map((problem, index) => (
              <li key={`${problem.file}-${index}`}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      {result.ok ? (
        <div className="space-y-1">
          <h3 className="font-semibold">Read</h3>
          <ul className="list-disc space-y-1 pl-5">
            {result.readings.map((reading, index) => (
              <li key={`${reading.file}-${index}`}>
                <span className="font-mono">{reading.file}</span>: {reading.summary}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {notices.length === 0 ? null : (
        <div className="space-y-1">
          <h3 className="font-semibold">Notes on the files</h3>
          <ul className="list-disc space-y-1 pl-5">
            {notices.map((problem, index) => (
              <li key={`${problem.file}-${index}`}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

type ResultsProps = {
  readonly result: DetectedDeployment;
  readonly answers: DraftAnswers;
  readonly chosen: ReadonlySet<string>;
  readonly onChoose: (id: string, isChosen: boolean) => void;
  readonly edits: ProposalEdits;
  readonly onEdit: (id: string, value: string) => void;
  readonly target: string;
  readonly onTargetChange: (target: string) => void;
  readonly onApply: (detected: DetectedDeployment, next: DraftAnswers, kept: number) => void;
};

function Results({
  result,
  answers,
  chosen,
  onChoose,
  edits,
  onEdit,
  target,
  onTargetChange,
  onApply,
}: ResultsProps) {
  const [isApplyRefused, setApplyRefused] = useState(false);
  const proposals = useMemo(() => draftProposals(result, answers), [result, answers]);
  const others = useMemo(() => otherEvidence(result, proposals), [result, proposals]);
  const chosenIds = useMemo(
    () => proposals.filter((proposal) => chosen.has(proposal.id)).map((proposal) => proposal.id),
    [proposals, chosen],
  );
  const next = useMemo(
    () => applyProposals(answers, result, chosenIds, edits),
    [answers, result, chosenIds, edits],
  );
  const problems = useMemo(
    () => editProblems(answers, result, chosenIds, edits),
    [answers, result, chosenIds, edits],
  );

  function applyChosen(): void {
    const first = problems[0];
    if (first !== undefined) {
      // Nothing is applied and nothing typed is lost: the keyboard goes to the first bad value.
      setApplyRefused(true);
      document.getElementById(proposalValueId(first.field))?.focus();
      return;
    }
    setApplyRefused(false);
    onApply(result, next, kept);
  }
  const findings = useMemo(() => findingsWith(result, next, target), [result, next, target]);
  const kept = proposals.filter(
    (proposal) => proposal.status === 'conflict' && !chosen.has(proposal.id),
  ).length;
  const conflicts = proposals.filter((proposal) => proposal.status === 'conflict').length;

  return (
    <>
      <section aria-labelledby="detect-proposals-heading" className="space-y-3">
        <h3 id="detect-proposals-heading" className="text-lg font-semibold">
          Proposed answers
        </h3>
        <p className="max-w-2xl">
          Tick the answers to apply. A version or a name can be changed before you apply it: the
          changed value is ticked and checked the way the wizard checks it.
          {conflicts === 0
            ? ''
            : ` ${conflicts === 1 ? 'One differs' : `${conflicts} differ`} from what you set yourself: ${conflicts === 1 ? 'it is' : 'they are'} marked as a conflict and left unticked, so your answer stays.`}
        </p>
        <DetectProposals
          proposals={proposals}
          chosen={chosen}
          onChoose={onChoose}
          edits={edits}
          onEdit={onEdit}
          problems={problems}
        />
        <button type="button" onClick={applyChosen} className={buttonClass}>
          Apply{' '}
          {chosenIds.length === 1 ? 'the chosen answer' : `${chosenIds.length} chosen answers`}
        </button>
        {isApplyRefused && problems.length > 0 ? (
          <div role="alert" className="space-y-1 text-red-800 dark:text-red-300">
            <p className="font-semibold">
              Nothing was applied: change{' '}
              {problems.length === 1 ? 'this value' : `these ${problems.length} values`} first.
            </p>
            <ul className="list-disc pl-5">
              {problems.map((problem) => (
                <li key={problem.field}>{problem.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {result.conflicts.length === 0 ? null : (
        <section aria-labelledby="detect-disagree-heading" className="space-y-2">
          <h3 id="detect-disagree-heading" className="text-lg font-semibold">
            Where the files disagree
          </h3>
          <ul className="list-disc space-y-1 pl-5">
            {result.conflicts.map((conflict, index) => (
              <li key={`${conflict.field}-${index}`}>{conflict.message}</li>
            ))}
          </ul>
        </section>
      )}

      {others.length === 0 ? null : (
        <section aria-labelledby="detect-other-heading" className="space-y-2">
          <h3 id="detect-other-heading" className="text-lg font-semibold">
            Also read, for the findings
          </h3>
          <ul className="list-disc space-y-1 pl-5 break-words">
            {others.map((item, index) => (
              <li key={`${item.field}-${index}`}>
                <span className="font-mono">{item.field}</span>: {evidenceLine(item)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="detect-findings-heading" className="space-y-3">
        <h3 id="detect-findings-heading" className="text-lg font-semibold">
          Findings: risks in your configuration
        </h3>
        <div className="max-w-xs space-y-1">
          <label htmlFor="detect-target" className="block font-medium">
            Target Gateway version, for the findings
          </label>
          <input
            id="detect-target"
            type="text"
            value={target}
            placeholder="5.8.0"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onTargetChange(event.target.value)}
            className={inputClass}
          />
        </div>
        <DetectFindings
          findings={findings}
          emptyText={
            target.trim() === ''
              ? 'No risks found that apply whatever the target. Give a target version to check the rest.'
              : 'No risks found for this target.'
          }
        />
      </section>
    </>
  );
}
