// Changes a plain downgrade does not undo, so the way back needs the backups (docs/sources.md:
// release notes of 5.1.0, 5.2.x and 5.3.0, upgrade guide).
export type OneWayChange = {
  readonly version: string;
  readonly text: string;
  /** The change is made by the Dashboard, so it concerns only deployments that have one. */
  readonly byDashboard?: true;
};

export const oneWayChanges: readonly OneWayChange[] = [
  {
    version: '5.1.0',
    text: '5.1.0 rewrites Tyk OAS API definitions created on 4.x.',
  },
  {
    version: '5.2.0',
    text: 'On 5.2 Tyk OAS was still early access; definitions saved on it may not load on older versions.',
  },
  {
    version: '5.3.0',
    text: 'The 5.3.0 Dashboard migrates Tyk OAS API definitions to a format older versions cannot read.',
    byDashboard: true,
  },
];
