// The typed answers as the object `validate` and `buildPlan` take: answers the chosen model does
// not use are left out, and blank optional fields are left to Tyk's defaults.
import { findInstall } from './catalog/installs';
import { findModel, hasDashboardDatabase } from './catalog/models';
import { planeFieldsFor } from './catalog/plane-fields';
import { relevantNameFields } from './names';
import type { DraftAnswers, DraftVersionChange, InstallType, NameId } from './types';

/** A version change for `validate`: an empty target means "the recommended one". */
function versionChange(change: DraftVersionChange): { from: string; to?: string } {
  return change.to.trim() === '' ? { from: change.from } : { from: change.from, to: change.to };
}

function downtimeValue(raw: string): number | string {
  return /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
}

/**
 * The object handed to `validate` and `buildPlan`. Answers the chosen model does not use are left
 * out, so a value typed for another model never blocks the plan; blank optional fields fall back
 * to Tyk's defaults.
 */
export function toPlanInput(answers: DraftAnswers): unknown {
  const entry = findModel(answers.model);
  const install = entry.installs.length === 0 ? null : answers.install;
  const names: Partial<Record<NameId, string>> = {};
  for (const field of relevantNameFields({ ...answers, install })) {
    const value = answers.names[field.id];
    if (value !== undefined && value.trim() !== '') names[field.id] = value;
  }
  return {
    model: answers.model,
    ...(install === null ? {} : { install }),
    components: [...answers.components],
    usesGoPlugins: answers.usesGoPlugins,
    ...(hasDashboardDatabase(answers.model, answers.components)
      ? { database: answers.database }
      : {}),
    ...(entry.hasDataPlanes
      ? {
          dataPlanes: answers.dataPlanes.map((plane) => ({
            name: plane.name,
            ...Object.fromEntries(
              planeFieldsFor(install)
                .filter((field) => plane[field.id].trim() !== '')
                .map((field) => [field.id, plane[field.id]]),
            ),
          })),
        }
      : {}),
    gateway: versionChange(answers.gateway),
    ...(answers.components.includes('pump') ? { pump: versionChange(answers.pump) } : {}),
    ...(answers.components.includes('mdcb') ? { mdcb: versionChange(answers.mdcb) } : {}),
    strategy: answers.strategy,
    ...(answers.strategy === 'downtime'
      ? { downtimeMinutes: downtimeValue(answers.downtimeMinutes) }
      : {}),
    names,
    ...imageAnswers(answers, install),
    ...estimateAnswers(answers),
  };
}

/** The estimate's answers as typed, for the components the deployment runs; blank ones left out. */
function estimateAnswers(answers: DraftAnswers): Record<string, unknown> {
  const typed = answers.components.filter((id) => answers.estimate.instances[id].trim() !== '');
  const size = answers.estimate.databaseGb;
  const usesSize = hasDashboardDatabase(answers.model, answers.components) && size.trim() !== '';
  if (typed.length === 0 && !usesSize) return {};
  return {
    estimate: {
      ...(typed.length === 0
        ? {}
        : {
            instances: Object.fromEntries(typed.map((id) => [id, answers.estimate.instances[id]])),
          }),
      ...(usesSize ? { databaseGb: size } : {}),
    },
  };
}

/** The image repositories (container installs), the architecture (Go plugins) and the shared database (blue-green). */
function imageAnswers(answers: DraftAnswers, install: InstallType | null): Record<string, unknown> {
  const typed = answers.components.filter((id) => answers.images[id].trim() !== '');
  const usesImages = install !== null && findInstall(install).isContainer;
  return {
    ...(usesImages && typed.length > 0
      ? { images: Object.fromEntries(typed.map((id) => [id, answers.images[id]])) }
      : {}),
    ...(answers.usesGoPlugins && install !== null ? { architecture: answers.architecture } : {}),
    ...(answers.strategy === 'blue-green' && hasDashboardDatabase(answers.model, answers.components)
      ? { sharesDatabase: answers.sharesDatabase }
      : {}),
  };
}
