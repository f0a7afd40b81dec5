// The wizard's pages, in order: what each is called and which answers it asks for. Kept free of
// imports so that the app shell can build its routes from it without loading the rules.

export type WizardStepEntry = {
  readonly id: 'deployment' | 'versions' | 'preparation' | 'backups' | 'names' | 'plan';
  /** The page's name in the step list and in links to it. */
  readonly label: string;
  /**
   * The answers the page asks for, as `validate` names them (`gateway` covers `gateway.from`).
   * A message about a field no page names belongs to the first page.
   */
  readonly fields: readonly (string | RegExp)[];
};

/** The wizard's pages in order; each id is also its route under `wizard/`. */
export const wizardSteps = [
  {
    id: 'deployment',
    label: 'Your deployment',
    fields: [
      'model',
      'install',
      'components',
      'usesGoPlugins',
      'database',
      'dataPlanes',
      'images',
      'architecture',
    ],
  },
  { id: 'versions', label: 'Versions', fields: ['gateway', 'pump', 'mdcb'] },
  {
    id: 'preparation',
    label: 'Preparation',
    fields: ['strategy', 'downtimeMinutes', 'sharesDatabase', 'estimate'],
  },
  { id: 'backups', label: 'Backups', fields: [] },
  {
    id: 'names',
    label: 'Your names',
    // A data plane's name is part of the deployment; its other fields (catalog/plane-fields.ts)
    // are names.
    fields: ['names', /^dataPlanes\[\d+\]\.(?!name$)\w+$/],
  },
  { id: 'plan', label: 'Your plan', fields: [] },
] as const satisfies readonly WizardStepEntry[];

export type WizardStep = (typeof wizardSteps)[number]['id'];

export const wizardStepIds: readonly WizardStep[] = wizardSteps.map((step) => step.id);
