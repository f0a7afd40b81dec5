import { useMemo, useState } from 'react';
import { AdvisoryList } from '@/components/advisory-list';
import { CommandBlock } from '@/components/command-block';
import { useRevealedErrors } from '@/components/use-revealed-errors';
import { VersionInput } from '@/components/version-input';
import { WizardFrame } from '@/components/wizard-frame';
import {
  advisoriesFor,
  companionSourceText,
  companionsFor,
  components,
  defaultNames,
  findModel,
  releaseHistoryOf,
  resolveVersion,
  versionHints,
  versionLineLabel,
  type ComponentId,
  stepOfField,
  textsFor,
  type DraftVersionChange,
} from '@/rules';
import { useActiveDraft, type ActiveDraft } from '@/store/use-active-draft';

type Line = 'gateway' | 'pump' | 'mdcb';

function componentLabel(id: ComponentId): string {
  return components.find((entry) => entry.id === id)?.label ?? id;
}

export function WizardVersionsPage() {
  const draft = useActiveDraft();
  if (draft === null) return null;
  return <VersionsForm draft={draft} />;
}

type VersionsFormProps = { readonly draft: ActiveDraft };

function VersionsForm({ draft }: VersionsFormProps) {
  const { answers, check, update } = draft;
  const revealed = useRevealedErrors();
  const errors = check.errors.filter((error) => stepOfField(error.field) === 'versions');
  const warnings = check.warnings.filter((warning) => stepOfField(warning.field) === 'versions');
  const earlyInput = check.earlyInput;
  const advisories = useMemo(
    () => (earlyInput === null ? null : advisoriesFor(earlyInput)),
    [earlyInput],
  );
  const result = check.result;
  const hints = useMemo(() => {
    const install = findModel(answers.model).installs.length === 0 ? null : answers.install;
    // The user's names where they are valid already, so the commands reach their containers.
    const names = result.ok ? result.input.names : defaultNames(answers.model, install);
    return versionHints(answers.model, install, answers.components, names);
  }, [answers.model, answers.install, answers.components, result]);
  const target = resolveVersion('gateway', answers.gateway.to);
  const companions = target.ok ? companionsFor(target.version) : null;
  const gatewayLabel = versionLineLabel('gateway', answers.components);
  // What a typed `5.8` or `latest` became when the field was left: the field then holds the
  // release itself, so the saved plan and its link do not move when the catalogue grows.
  const [resolvedNotes, setResolvedNotes] = useState<Readonly<Record<string, string>>>({});

  function shownErrors(field: string, value: string): readonly string[] {
    return revealed.isRevealed(field, value) ? textsFor(errors, field) : [];
  }

  function companionHelp(line: 'pump' | 'mdcb', label: string): string {
    if (!target.ok) return `Leave empty for the ${label} version listed for your target Gateway.`;
    if (companions === null)
      return `No release notes list the ${label} that goes with Gateway ${target.version}: enter the version you want.`;
    return `Leave empty for ${companions[line]}, the ${label} version for Gateway ${target.version} in ${companionSourceText(companions)}.`;
  }

  function lineInputs(line: Line, label: string) {
    const change: DraftVersionChange = answers[line];
    const set = (patch: Partial<DraftVersionChange>) => update({ [line]: { ...change, ...patch } });
    const isGateway = line === 'gateway';
    const recommended = isGateway ? null : (companions?.[line] ?? null);
    const releases = releaseHistoryOf(line);

    function edit(which: 'from' | 'to', value: string): void {
      setResolvedNotes((notes) => ({ ...notes, [`${line}.${which}`]: '' }));
      set({ [which]: value });
    }

    function leave(which: 'from' | 'to'): void {
      const field = `${line}.${which}`;
      revealed.reveal(field);
      const typed = change[which].trim();
      const resolution = resolveVersion(line, typed);
      if (!resolution.ok || resolution.resolvedFrom === undefined) return;
      const meaning =
        resolution.resolvedFrom === 'latest' ? 'the newest release' : 'its newest patch';
      setResolvedNotes((notes) => ({
        ...notes,
        [field]: `${typed} is ${resolution.version}, ${meaning}; the plan uses ${resolution.version}.`,
      }));
      set({ [which]: resolution.version });
    }

    const fieldWarnings = (field: string): readonly string[] => {
      const note = resolvedNotes[field] ?? '';
      return [...(note === '' ? [] : [note]), ...textsFor(warnings, field)];
    };
    return (
      <section aria-labelledby={`${line}-heading`} className="space-y-3">
        <h2 id={`${line}-heading`} className="text-lg font-semibold">
          {label}
        </h2>
        {textsFor(errors, line).map((message) => (
          <p key={message} className="font-medium text-red-700 dark:text-red-300">
            {message}
          </p>
        ))}
        <div className="grid gap-4 sm:grid-cols-2">
          <VersionInput
            field={`${line}.from`}
            label={`Current ${label} version`}
            value={change.from}
            onChange={(from) => edit('from', from)}
            onBlur={() => leave('from')}
            releases={releases}
            placeholder={isGateway ? 'for example 5.3.0' : undefined}
            errors={shownErrors(`${line}.from`, change.from)}
            warnings={fieldWarnings(`${line}.from`)}
          />
          <VersionInput
            field={`${line}.to`}
            label={`Target ${label} version`}
            value={change.to}
            onChange={(to) => edit('to', to)}
            onBlur={() => leave('to')}
            releases={releases}
            help={
              line === 'gateway'
                ? 'A release, a line such as 5.8 for its newest patch, or latest. LTS releases are marked in the suggestions.'
                : companionHelp(line, label)
            }
            placeholder={recommended === null ? undefined : `${recommended} (recommended)`}
            errors={shownErrors(`${line}.to`, change.to)}
            warnings={fieldWarnings(`${line}.to`)}
          />
        </div>
      </section>
    );
  }

  return (
    <WizardFrame
      step="versions"
      title="Versions"
      canContinue={errors.length === 0}
      problems={errors}
      onBlocked={revealed.revealAll}
    >
      <p className="max-w-2xl text-slate-700 dark:text-slate-300">
        Enter the versions you run now and the versions you want. You may type them with or without
        a leading v, or type a line such as 5.8 (its newest patch) or latest; the wizard shows the
        release it takes.
      </p>

      {lineInputs('gateway', gatewayLabel)}
      {answers.components.includes('pump') ? lineInputs('pump', componentLabel('pump')) : null}
      {answers.components.includes('mdcb') ? lineInputs('mdcb', componentLabel('mdcb')) : null}

      <details className="rounded-lg border border-slate-300 p-4 dark:border-slate-700">
        <summary className="cursor-pointer font-semibold">
          How do I find my current version?
        </summary>
        <div className="mt-3 space-y-4">
          {hints.map((hint) => (
            <div key={hint.component} className="space-y-2">
              <h3 className="font-semibold">{componentLabel(hint.component)}</h3>
              {hint.commands.length === 0 ? (
                <p>The Tyk Cloud console shows it on the deployment&apos;s page.</p>
              ) : null}
              {hint.commands.map((command, index) => (
                <CommandBlock
                  key={command.code}
                  command={command}
                  name={`${componentLabel(hint.component)} version, command ${index + 1}`}
                />
              ))}
            </div>
          ))}
        </div>
      </details>

      <section aria-labelledby="advisories-heading" className="space-y-3">
        <h2 id="advisories-heading" className="text-lg font-semibold">
          What changes on the way
        </h2>
        <p role="status" className="text-slate-700 dark:text-slate-300">
          {advisories === null
            ? 'The advisories for your upgrade appear here once the versions are valid.'
            : advisories.length === 0
              ? 'No advisories for this upgrade.'
              : `${advisories.length} ${advisories.length === 1 ? 'advisory' : 'advisories'} for this upgrade, most severe first.`}
        </p>
        {advisories === null || advisories.length === 0 ? null : (
          <AdvisoryList advisories={advisories} headingLevel={3} />
        )}
      </section>
    </WizardFrame>
  );
}
