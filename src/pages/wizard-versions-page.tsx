import { useMemo } from 'react';
import { AdvisoryList } from '@/components/advisory-list';
import { CommandBlock } from '@/components/command-block';
import { useRevealedErrors } from '@/components/use-revealed-errors';
import { VersionInput } from '@/components/version-input';
import { WizardFrame } from '@/components/wizard-frame';
import {
  advisoriesFor,
  components,
  defaultNames,
  findModel,
  gatewayReleases,
  mdcbReleases,
  parseVersion,
  pumpReleases,
  recommendedCompanions,
  versionHints,
  versionLineLabel,
  type ComponentId,
  type Release,
  stepOfField,
  textsFor,
  type DraftVersionChange,
} from '@/rules';
import { useActiveDraft, type ActiveDraft } from '@/store/use-active-draft';

type Line = 'gateway' | 'pump' | 'mdcb';

const releasesOf: Readonly<Record<Line, readonly Release[]>> = {
  gateway: gatewayReleases,
  pump: pumpReleases,
  mdcb: mdcbReleases,
};

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
  const target = parseVersion(answers.gateway.to);
  const companions = target.ok ? recommendedCompanions(target.version) : null;
  const gatewayLabel = versionLineLabel('gateway', answers.components);

  function shownErrors(field: string, value: string): readonly string[] {
    return revealed.isRevealed(field, value) ? textsFor(errors, field) : [];
  }

  function lineInputs(line: Line, label: string, recommended: string | null) {
    const change: DraftVersionChange = answers[line];
    const set = (patch: Partial<DraftVersionChange>) => update({ [line]: { ...change, ...patch } });
    const isGateway = line === 'gateway';
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
            onChange={(from) => set({ from })}
            onBlur={() => revealed.reveal(`${line}.from`)}
            releases={releasesOf[line]}
            placeholder={isGateway ? 'for example 5.3.0' : undefined}
            errors={shownErrors(`${line}.from`, change.from)}
            warnings={textsFor(warnings, `${line}.from`)}
          />
          <VersionInput
            field={`${line}.to`}
            label={`Target ${label} version`}
            value={change.to}
            onChange={(to) => set({ to })}
            onBlur={() => revealed.reveal(`${line}.to`)}
            releases={releasesOf[line]}
            help={
              isGateway
                ? 'LTS releases are marked in the suggestions.'
                : recommended === null
                  ? 'Leave empty for the version recommended for your target Gateway.'
                  : `Leave empty for ${recommended}, the version recommended for Gateway ${answers.gateway.to.trim()}.`
            }
            placeholder={recommended === null ? undefined : `${recommended} (recommended)`}
            errors={shownErrors(`${line}.to`, change.to)}
            warnings={textsFor(warnings, `${line}.to`)}
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
        a leading v.
      </p>

      {lineInputs('gateway', gatewayLabel, null)}
      {answers.components.includes('pump')
        ? lineInputs('pump', componentLabel('pump'), companions?.pump ?? null)
        : null}
      {answers.components.includes('mdcb')
        ? lineInputs('mdcb', componentLabel('mdcb'), companions?.mdcb ?? null)
        : null}

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
