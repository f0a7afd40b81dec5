// The preparation checklist (the upgrade guidelines), tailored to the answers: only the items that
// apply, worded for the chosen strategy, installation and versions.
import { findInstall } from './catalog/installs';
import { rebuildsGoPlugins } from './steps/go-plugins';
import { componentLabel, findComponent } from './catalog/components';
import { releaseNotesUrl } from './release-lookup';
import { versionLineLabel } from './summary';
import type { ChecklistItem, NormalizedInput, StepLink } from './types';

type ChecklistEntry = {
  readonly id: string;
  readonly applies: (input: NormalizedInput) => boolean;
  readonly item: (input: NormalizedInput) => Omit<ChecklistItem, 'id'>;
};

const isLinuxPackage = (input: NormalizedInput): boolean =>
  input.install !== null && findInstall(input.install).packageManager !== null;
/** `validate` sets the database only where the deployment runs its own Dashboard. */
const runsOwnDashboard = (input: NormalizedInput): boolean => input.database !== null;

function strategyItem(input: NormalizedInput): Omit<ChecklistItem, 'id'> {
  if (input.model === 'cloud') {
    return {
      title: 'Plan the change window',
      detail:
        'Tyk Cloud redeploys the control plane and the Cloud data planes itself. Rehearse the same upgrade on a non-production deployment and pick a quiet time.',
      guide: 'strategies',
    };
  }
  switch (input.strategy) {
    case 'rolling':
      return {
        title: 'Check the rolling upgrade prerequisites',
        detail:
          `Every component you upgrade runs at least two instances, and the ${runsOwnDashboard(input) ? 'Gateways and Dashboards sit' : 'Gateways sit'} behind a load balancer (Pump needs none).` +
          (runsOwnDashboard(input)
            ? ' Every Dashboard instance uses the same licence key; otherwise Gateways cannot register while old and new run side by side.'
            : ''),
        guide: 'strategies',
      };
    case 'blue-green':
      return {
        title: 'Check the blue-green prerequisites',
        detail:
          'You can run a second, identical environment and switch traffic with a load balancer or DNS. The idle environment is configured and verified as production-ready before it is upgraded.',
        guide: 'strategies',
      };
    case 'downtime':
      return {
        title: 'Agree the downtime window',
        detail: `The window is ${input.downtimeMinutes ?? 60} minutes. Check that it covers the upgrade, the checks and a rollback, and that it is agreed with the owners of the APIs.`,
        guide: 'strategies',
      };
  }
}

function companionNotes(input: NormalizedInput): string {
  const moves = [
    ...(input.pump !== null && input.pump.from !== input.pump.to
      ? [`Pump ${input.pump.from} to ${input.pump.to}`]
      : []),
    ...(input.mdcb !== null && input.mdcb.from !== input.mdcb.to
      ? [`MDCB ${input.mdcb.from} to ${input.mdcb.to}`]
      : []),
  ];
  return moves.length === 0 ? '' : `, and of ${moves.join(' and ')}`;
}

/** The release notes of each target: the section of the target version on its component's page. */
function releaseNoteLinks(input: NormalizedInput): readonly StepLink[] {
  return input.components.flatMap((component) => {
    const change = input[findComponent(component).versionLine];
    if (change === null || change.from === change.to) return [];
    return [
      {
        label: `${componentLabel(component)} ${change.to} release notes`,
        url: releaseNotesUrl(component, change.to),
      },
    ];
  });
}

const entries: readonly ChecklistEntry[] = [
  { id: 'strategy-prerequisites', applies: () => true, item: strategyItem },
  {
    id: 'backups-tested',
    applies: () => true,
    item: (input) => ({
      title: 'Back up, and test a restore elsewhere',
      detail:
        (input.model === 'cloud'
          ? 'Export every API definition and policy.'
          : 'Back up the config files (ideally in git), Redis, ' +
            (runsOwnDashboard(input) ? 'the Dashboard database, ' : '') +
            'the API definitions and policies.') +
        ' A backup only counts once you have restored it in a separate environment.',
      guide: 'backups',
    }),
  },
  {
    id: 'go-plugins-identified',
    applies: rebuildsGoPlugins,
    item: (input) => ({
      title: 'Identify the Go plugins and plan their rebuild',
      detail: `List every API that loads a Go plugin. Each plugin must be recompiled for Gateway ${input.gateway.to}; allow time to test and troubleshoot them.`,
      guide: 'go-plugins',
    }),
  },
  {
    id: 'linux-target-available',
    applies: isLinuxPackage,
    item: (input) => ({
      title: 'Check the distribution and the target packages',
      detail:
        (input.install === 'deb'
          ? 'Tyk lists Debian 11 and Ubuntu 20, 18 and 16 (no plugin compiler on Ubuntu 16). '
          : 'Tyk lists RHEL 9, 8 and 7 and CentOS 7. ') +
        `Check that Gateway ${input.gateway.to} and the other target versions are in the Tyk repositories on packagecloud.io/tyk, or in the repository you mirror.`,
    }),
  },
  {
    id: 'linux-local-packages',
    applies: isLinuxPackage,
    item: (input) => ({
      title: 'Repository or local package files?',
      detail: `If Tyk was installed from local ${input.install === 'deb' ? '.deb' : '.rpm'} files (common in air-gapped networks), download the target packages and copy them to every host before the upgrade.`,
    }),
  },
  {
    id: 'read-release-notes',
    applies: () => true,
    item: (input) => ({
      title: 'Read the release notes',
      links: releaseNoteLinks(input),
      detail:
        input.gateway.from === input.gateway.to
          ? `Read the "Upgrade Instructions" and breaking changes${companionNotes(input).replace(/^, and/, '')}; the Gateway stays on ${input.gateway.from}.`
          : `Read the "Upgrade Instructions" and breaking changes of every ${versionLineLabel('gateway', input.components)} release after ${input.gateway.from} up to ${input.gateway.to}${companionNotes(input)}.`,
    }),
  },
  {
    id: 'communicate',
    applies: () => true,
    item: (input) => ({
      title: 'Tell the stakeholders',
      detail:
        input.strategy === 'downtime'
          ? `Tell API consumers and stakeholders the date and the ${input.downtimeMinutes ?? 60}-minute window, and who to contact.`
          : 'Tell API consumers and stakeholders when the upgrade happens, what they may notice, and who to contact.',
    }),
  },
];

export function preparationChecklist(input: NormalizedInput): readonly ChecklistItem[] {
  return entries
    .filter((entry) => entry.applies(input))
    .map((entry) => ({ id: entry.id, ...entry.item(input) }));
}
