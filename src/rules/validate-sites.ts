// Reading where the deployment runs: the user's own names and each data plane, every one checked
// before it may reach a command.
import { answerDefaults, answerLimits } from './answers';
import { findModel } from './catalog/models';
import { nameFields } from './catalog/name-fields';
import { planeFieldLabel, planeFields } from './catalog/plane-fields';
import { shownValue } from './message-text';
import {
  dataPlaneDefaults,
  defaultNames,
  placeProblem,
  effectiveNameKind,
  isNameRelevant,
  nameProblem,
} from './names';
import { isBlank, isRecord, type Messages } from './read-input';
import type {
  DeploymentModel,
  InstallType,
  NameField,
  Names,
  NormalizedInput,
  ResolvedDataPlane,
} from './types';

export function readNames(raw: unknown, context: NameContext, m: Messages): Names {
  const defaults = defaultNames(context.model, context.install);
  if (raw === undefined || raw === null) return defaults;
  if (!isRecord(raw)) {
    m.errors.push({ field: 'names', message: 'Names must be given as field: value pairs.' });
    return defaults;
  }
  const names: Record<string, string | number> = { ...defaults };
  for (const [key, value] of Object.entries(raw)) {
    const field: NameField | undefined = nameFields.find((f) => f.id === key);
    if (field === undefined) {
      m.warnings.push({
        field: `names.${shownValue(key)}`,
        message: `"${shownValue(key)}" is not a name this wizard uses; it was ignored.`,
      });
      continue;
    }
    if (isBlank(value)) continue;
    const relevant = isNameRelevant(field, context);
    if (typeof value === 'string' && value.length > answerLimits.maxNameLength) {
      // Checked first, so that no pattern runs over a value of any length.
      if (relevant) {
        m.errors.push({
          field: `names.${field.id}`,
          message: `${field.label} is longer than ${answerLimits.maxNameLength} characters.`,
        });
      }
      continue;
    }
    const typed = typeof value === 'string' ? value.trim() : value;
    const problem =
      nameProblem(effectiveNameKind(field, context.install), typed) ??
      (typeof typed === 'string' ? placeProblem(field.id, typed) : null);
    if (problem !== null) {
      // A name that no command uses cannot break the plan: keep the default quietly.
      if (relevant)
        m.errors.push({ field: `names.${field.id}`, message: `${field.label}: ${problem}` });
      continue;
    }
    names[field.id] = field.kind === 'port' ? Number(value) : String(value).trim();
  }
  return names as Names;
}

export type NameContext = Pick<
  NormalizedInput,
  'model' | 'install' | 'components' | 'usesGoPlugins'
>;

export function readDataPlanes(
  raw: unknown,
  model: DeploymentModel | null,
  install: InstallType | null,
  m: Messages,
): ResolvedDataPlane[] {
  if (model === null || !findModel(model).hasDataPlanes) return [];
  const list: unknown[] =
    raw === undefined || raw === null
      ? [{ name: answerDefaults.dataPlaneName }]
      : Array.isArray(raw)
        ? raw
        : [];
  if (!Array.isArray(raw) && raw !== undefined && raw !== null) {
    m.errors.push({ field: 'dataPlanes', message: 'Data planes must be a list of names.' });
    return [];
  }
  if (list.length === 0) {
    m.errors.push({
      field: 'dataPlanes',
      message: `${findModel(model).label} needs at least one data plane.`,
    });
    return [];
  }
  if (list.length > answerLimits.maxDataPlanes) {
    m.errors.push({
      field: 'dataPlanes',
      message: `At most ${answerLimits.maxDataPlanes} data planes fit in one plan; split the upgrade.`,
    });
    return [];
  }
  const seen = new Set<string>();
  const planes: ResolvedDataPlane[] = [];
  list.forEach((item, index) => {
    const at = `dataPlanes[${index}]`;
    const record = isRecord(item) ? item : typeof item === 'string' ? { name: item } : null;
    if (record === null) {
      m.errors.push({ field: at, message: `Data plane ${index + 1} must have a name.` });
      return;
    }
    const rawName = typeof record['name'] === 'string' ? record['name'].trim() : record['name'];
    const nameError = isBlank(rawName) ? 'is empty.' : nameProblem('k8s-name', rawName);
    if (nameError !== null || typeof rawName !== 'string') {
      m.errors.push({
        field: `${at}.name`,
        message: `Data plane ${index + 1} name: ${nameError ?? 'must be text.'}`,
      });
      return;
    }
    if (rawName.length > answerLimits.maxDataPlaneNameLength) {
      m.errors.push({
        field: `${at}.name`,
        message: `Data plane ${index + 1} name is longer than ${answerLimits.maxDataPlaneNameLength} characters.`,
      });
      return;
    }
    if (seen.has(rawName)) {
      m.errors.push({
        field: `${at}.name`,
        message: `Data plane name "${rawName}" is used twice; each needs its own name.`,
      });
      return;
    }
    seen.add(rawName);
    const plane: Record<string, string | number> = {
      name: rawName,
      ...dataPlaneDefaults(rawName, list.length),
    };
    let isValid = true;
    for (const field of planeFields) {
      const raw = record[field.id];
      const value = typeof raw === 'string' ? raw.trim() : raw;
      if (isBlank(value)) continue;
      const label = planeFieldLabel(field, install);
      if (typeof value === 'string' && value.length > answerLimits.maxNameLength) {
        m.errors.push({
          field: `${at}.${field.id}`,
          message: `Data plane "${rawName}" ${label} is longer than ${answerLimits.maxNameLength} characters.`,
        });
        isValid = false;
        continue;
      }
      const problem = nameProblem(field.kind, value);
      if (problem !== null || (typeof value !== 'string' && field.kind !== 'port')) {
        m.errors.push({
          field: `${at}.${field.id}`,
          message: `Data plane "${rawName}" ${label}: ${problem ?? 'must be text.'}`,
        });
        isValid = false;
      } else {
        plane[field.id] = field.kind === 'port' ? Number(value) : String(value);
      }
    }
    if (isValid) planes.push(plane as ResolvedDataPlane);
  });
  return planes;
}
