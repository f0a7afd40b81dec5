// The answers an estimate reads, checked: typed text or stored values in, numbers or messages that
// name the field out. Never throws. A blank field is no answer: the estimate uses its default.
import { componentIds, componentLabel } from '../catalog/components';
import { shownValue } from '../message-text';
import type { ComponentId, FieldMessage, NormalizedInput } from '../types';
import { defaultDatabaseGb, defaultInstances, estimateLimits } from './catalogue';
import type { EstimateAnswers, EstimateAnswersResult } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

function numberOf(raw: unknown, pattern: RegExp): number {
  if (typeof raw === 'number') return raw;
  return typeof raw === 'string' && pattern.test(raw) ? Number(raw.trim()) : NaN;
}

export function isInstanceCount(value: unknown): value is number {
  const { min, max } = estimateLimits.instances;
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function isDatabaseSize(value: unknown): value is number {
  const { min, max } = estimateLimits.databaseGb;
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** Reads `{ instances: { gateway: '3' }, databaseGb: '2.5' }` as typed into the form or stored. */
export function readEstimateAnswers(raw: unknown): EstimateAnswersResult {
  if (isBlank(raw)) return { ok: true, answers: {} };
  if (!isRecord(raw)) {
    return {
      ok: false,
      errors: [{ field: 'estimate', message: 'The estimate answers must be field: value pairs.' }],
      answers: {},
    };
  }
  const errors: FieldMessage[] = [];
  const instances: Partial<Record<ComponentId, number>> = {};
  const rawInstances = raw['instances'];
  if (!isBlank(rawInstances) && !isRecord(rawInstances)) {
    errors.push({
      field: 'estimate.instances',
      message: 'Instances must be given per component, such as gateway: 2.',
    });
  }
  const { min, max } = estimateLimits.instances;
  for (const component of componentIds) {
    const value = isRecord(rawInstances) ? rawInstances[component] : undefined;
    if (isBlank(value)) continue;
    const count = numberOf(value, /^\s*\d+\s*$/);
    if (isInstanceCount(count)) {
      instances[component] = count;
    } else {
      errors.push({
        field: `estimate.instances.${component}`,
        message: `${componentLabel(component)} instances "${shownValue(value)}" is not a whole number from ${min} to ${max}.`,
      });
    }
  }
  let databaseGb: number | null = null;
  const rawSize = raw['databaseGb'];
  if (!isBlank(rawSize)) {
    const size = numberOf(rawSize, /^\s*\d+(\.\d+)?\s*$/);
    if (isDatabaseSize(size)) {
      databaseGb = size;
    } else {
      const limits = estimateLimits.databaseGb;
      errors.push({
        field: 'estimate.databaseGb',
        message: `Database size "${shownValue(rawSize)}" is not a number of gigabytes from ${limits.min} to ${limits.max}.`,
      });
    }
  }
  const answers: EstimateAnswers = {
    ...(Object.keys(instances).length === 0 ? {} : { instances }),
    ...(databaseGb === null ? {} : { databaseGb }),
  };
  return errors.length === 0 ? { ok: true, answers } : { ok: false, errors, answers };
}

/** The figures an estimate uses: the answer where it is valid, the default otherwise. */
export type ResolvedEstimateAnswers = {
  readonly instances: Readonly<Record<ComponentId, number>>;
  readonly databaseGb: number;
  readonly defaulted: ReadonlySet<string>;
};

export function resolveEstimateAnswers(
  input: NormalizedInput,
  answers: EstimateAnswers,
): ResolvedEstimateAnswers {
  const defaults = defaultInstances[input.strategy];
  const defaulted = new Set<string>();
  const instanceOf = (component: ComponentId): number => {
    const given = answers.instances?.[component];
    if (isInstanceCount(given)) return given;
    defaulted.add(`estimate.instances.${component}`);
    return defaults[component];
  };
  const instances = {
    gateway: instanceOf('gateway'),
    dashboard: instanceOf('dashboard'),
    pump: instanceOf('pump'),
    mdcb: instanceOf('mdcb'),
  };
  const size = answers.databaseGb;
  if (!isDatabaseSize(size)) defaulted.add('estimate.databaseGb');
  return {
    instances,
    databaseGb: isDatabaseSize(size) ? size : defaultDatabaseGb,
    defaulted,
  };
}
