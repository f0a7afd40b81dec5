// The deployment model the files show: every claim a reader or an instance made narrows the models
// that fit, and a conflict says so when none fits or more than one does.
import { findModel } from '../catalog/models';
import type { DeploymentModel } from '../types';
import type { ModelClaim } from './observations';
import type { Conflict, SourcedValue } from './types';

const allModels: readonly DeploymentModel[] = [
  'cloud-hybrid',
  'self-managed',
  'self-managed-mdcb',
  'oss',
];

export function resolveModel(
  claims: readonly ModelClaim[],
  conflicts: Conflict[],
): { readonly model: DeploymentModel; readonly claim: ModelClaim } | null {
  if (claims.length === 0) return null;
  let possible = new Set<DeploymentModel>(allModels);
  for (const claim of claims)
    possible = new Set(claim.models.filter((model) => possible.has(model)));
  const describeClaim = (claim: ModelClaim): string =>
    `${claim.reason} (${claim.file}, ${claim.where})`;
  const values = (list: readonly ModelClaim[]): SourcedValue[] =>
    list.map((claim) => ({
      value: claim.models.join(' or '),
      file: claim.file,
      where: claim.where,
    }));
  if (possible.size === 0) {
    conflicts.push({
      field: 'model',
      values: values(claims),
      chosen: null,
      message: `The files describe more than one deployment model: ${claims.map(describeClaim).join('; ')}. Were files of two environments given together? Choose the model.`,
    });
    return null;
  }
  let model: DeploymentModel | null = null;
  if (possible.size === 1) model = [...possible][0] ?? null;
  else if (possible.size === 2 && possible.has('self-managed') && possible.has('self-managed-mdcb'))
    model = 'self-managed';
  if (model === null) {
    if (possible.size < allModels.length) {
      conflicts.push({
        field: 'model',
        values: values(claims),
        chosen: null,
        message: `The files fit ${[...possible].map((id) => findModel(id).label).join(' or ')}: ${claims.map(describeClaim).join('; ')}. Choose the model.`,
      });
    }
    return null;
  }
  const chosen = model;
  const specific = claims
    .filter((claim) => claim.models.includes(chosen))
    .sort((a, b) => a.models.length - b.models.length)[0] as ModelClaim;
  return { model: chosen, claim: specific };
}
