import { describe, expect, it } from 'vitest';
import { componentIds } from '../catalog/components';
import { installIds } from '../catalog/installs';
import { strategyIds } from '../catalog/strategies';
import {
  componentEstimates,
  defaultInstances,
  estimateLimits,
  kindEstimates,
  stepEstimates,
  strategyEstimates,
  upgradeEstimates,
} from './catalogue';
import type { EstimatePart } from './types';

const allParts: readonly (readonly [string, EstimatePart])[] = [
  ...stepEstimates.flatMap((entry) =>
    [...entry.parts, ...('rollback' in entry ? entry.rollback : [])].map(
      (part) => [entry.id, part] as const,
    ),
  ),
  ...upgradeEstimates.flatMap((entry) =>
    [...entry.upgrade, ...entry.rollback].map((part) => [entry.install, part] as const),
  ),
  ...componentEstimates.flatMap((entry) =>
    [...entry.parts, ...entry.oneWayParts].map((part) => [entry.component, part] as const),
  ),
  ...strategyEstimates.flatMap((entry) =>
    entry.parts.map((part) => [entry.strategy, part] as const),
  ),
  ...Object.entries(kindEstimates).flatMap(([kind, entry]) =>
    [...entry.parts, ...('rollback' in entry ? entry.rollback : [])].map(
      (part) => [kind, part] as const,
    ),
  ),
];

describe('the estimate catalogue', () => {
  it('has one entry per step id, each a kebab-case id', () => {
    const ids = stepEstimates.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
  });

  it('gives every part a label and a whole, positive number of minutes', () => {
    const bad = allParts.filter(
      ([, part]) =>
        part.label.trim() === '' || !Number.isInteger(part.minutes) || part.minutes <= 0,
    );
    expect(bad).toEqual([]);
  });

  it('times the upgrade and the way back of every installation type, once each', () => {
    expect(upgradeEstimates.map((entry) => entry.install).sort()).toEqual([...installIds].sort());
    const backs: readonly (readonly EstimatePart[])[] = upgradeEstimates.map(
      (entry) => entry.rollback,
    );
    expect(backs.filter((parts) => parts.length === 0)).toEqual([]);
  });

  it('keeps the rollback steps a contingency and the after steps after the change', () => {
    const misplaced = stepEstimates.filter(
      (entry) =>
        (entry.id.startsWith('rollback-') && entry.timing !== 'contingency') ||
        (entry.id.startsWith('after-') && entry.timing !== 'after') ||
        (entry.timing === 'contingency' && !entry.id.startsWith('rollback-')),
    );
    expect(misplaced.map((entry) => entry.id)).toEqual([]);
  });

  it('defaults to two instances of what takes traffic in a rolling upgrade, one otherwise', () => {
    expect(defaultInstances).toEqual({
      rolling: { gateway: 2, dashboard: 2, pump: 1, mdcb: 2 },
      'blue-green': { gateway: 1, dashboard: 1, pump: 1, mdcb: 1 },
      downtime: { gateway: 1, dashboard: 1, pump: 1, mdcb: 1 },
    });
    const counts = strategyIds.flatMap((strategy) =>
      componentIds.map((component) => defaultInstances[strategy][component]),
    );
    const { min, max } = estimateLimits.instances;
    expect(counts.filter((count) => count < min || count > max)).toEqual([]);
  });
});
