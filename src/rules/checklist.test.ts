import { describe, expect, it } from 'vitest';
import { preparationChecklist } from './checklist';
import type { NormalizedInput, PlanInput } from './types';
import { validate } from './validate';

function normalized(input: PlanInput): NormalizedInput {
  const result = validate(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.input;
}

const base: PlanInput = {
  model: 'self-managed',
  install: 'deb',
  components: ['gateway', 'dashboard', 'pump'],
  usesGoPlugins: true,
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0', to: '1.9.0' },
  strategy: 'rolling',
};

const cloud: PlanInput = {
  model: 'cloud',
  components: ['gateway', 'dashboard'],
  usesGoPlugins: false,
  gateway: { from: '5.2.5', to: '5.3.0' },
  strategy: 'rolling',
};

const oss: PlanInput = {
  model: 'oss',
  install: 'deb',
  components: ['gateway'],
  usesGoPlugins: false,
  gateway: { from: '5.2.5', to: '5.3.0' },
  strategy: 'rolling',
};

const allIds = [
  'strategy-prerequisites',
  'backups-tested',
  'go-plugins-identified',
  'linux-target-available',
  'linux-local-packages',
  'read-release-notes',
  'communicate',
];

const itemOf = (input: PlanInput, id: string) =>
  preparationChecklist(normalized(input)).find((item) => item.id === id);

describe('preparationChecklist', () => {
  it.each<[string, PlanInput, readonly string[]]>([
    ['Linux packages with Go plugins: everything', base, allIds],
    [
      'no Go plugins: no plugin item',
      { ...base, usesGoPlugins: false },
      allIds.filter((id) => id !== 'go-plugins-identified'),
    ],
    ['rpm keeps the Linux items', { ...base, install: 'rpm' }, allIds],
    [
      'containers: no Linux items',
      { ...base, install: 'helm' },
      allIds.filter((id) => !id.startsWith('linux-')),
    ],
    [
      'Tyk Cloud: no Linux items',
      cloud,
      ['strategy-prerequisites', 'backups-tested', 'read-release-notes', 'communicate'],
    ],
  ])('%s', (_name, input, ids) => {
    expect(preparationChecklist(normalized(input)).map((item) => item.id)).toEqual(ids);
  });

  it.each<[string, PlanInput, string, RegExp]>([
    [
      'rolling asks for two instances and one licence',
      base,
      'Check the rolling upgrade prerequisites',
      /two instances.*same licence key/,
    ],
    [
      'rolling without a self-managed Dashboard asks for no licence',
      oss,
      'Check the rolling upgrade prerequisites',
      /^(?!.*licence).*two instances/,
    ],
    [
      'blue-green asks for a verified idle environment',
      { ...base, strategy: 'blue-green' },
      'Check the blue-green prerequisites',
      /verified as production-ready/,
    ],
    [
      'downtime states the window',
      { ...base, strategy: 'downtime', downtimeMinutes: 45 },
      'Agree the downtime window',
      /45 minutes/,
    ],
    ['Tyk Cloud plans a window only', cloud, 'Plan the change window', /Tyk Cloud redeploys/],
  ])('%s', (_name, input, title, detail) => {
    const item = itemOf(input, 'strategy-prerequisites');
    expect(item?.title).toBe(title);
    expect(item?.detail).toMatch(detail);
    expect(item?.guide).toBe('strategies');
  });

  it('names the target Gateway for the plugin rebuild and the distributions per package type', () => {
    expect(itemOf(base, 'go-plugins-identified')?.detail).toContain('Gateway 5.3.0');
    expect(itemOf(base, 'linux-target-available')?.detail).toContain('Debian 11');
    expect(itemOf({ ...base, install: 'rpm' }, 'linux-target-available')?.detail).toContain(
      'RHEL 9',
    );
    expect(itemOf({ ...base, install: 'rpm' }, 'linux-local-packages')?.detail).toContain('.rpm');
  });

  it('asks to read the release notes of each component that moves, and only those', () => {
    const moving = itemOf(base, 'read-release-notes')?.detail;
    expect(moving).toContain('after 5.2.5 up to 5.3.0');
    expect(moving).toContain('Pump 1.8.0 to 1.9.0');
    expect(
      itemOf({ ...base, pump: { from: '1.16.0', to: '1.16.0' } }, 'read-release-notes')?.detail,
    ).not.toContain('Pump');
  });

  it('asks for restore tests and names the database only where the user runs one', () => {
    expect(itemOf(base, 'backups-tested')?.detail).toMatch(
      /Dashboard database.*restored it in a separate environment/,
    );
    expect(itemOf(oss, 'backups-tested')?.detail).not.toContain('database');
  });

  it('announces the downtime window to the stakeholders', () => {
    expect(
      itemOf({ ...base, strategy: 'downtime', downtimeMinutes: 45 }, 'communicate')?.detail,
    ).toContain('45-minute window');
  });
});
