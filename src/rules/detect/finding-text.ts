// How a finding names where it looked, in every place that shows one: the pages, the runbooks and
// the exports. No imports, so showing a finding never loads the deployment reader.
import type { SourcedValue } from './types';

/** `docker-compose.yml, line 4: v5.6.1`: where a finding looked, with the value it saw. */
export function evidenceText(item: SourcedValue): string {
  const where = item.where === '' ? '' : `, ${item.where}`;
  return `${item.file}${where}: ${item.value}`;
}

/** Said where a plan's findings leave nothing to list. */
export const noFindingsText = 'The files read showed nothing to fix for this target.';

/** The heading of a plan's findings, in the runbooks and on the page. */
export const findingsHeading = 'Findings from your deployment’s files';
