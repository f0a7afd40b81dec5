import { describe, expect, it } from 'vitest';
import type { PlanInput } from './types';
import { validate } from './validate';

const base: PlanInput = {
  model: 'self-managed',
  install: 'deb',
  components: ['dashboard', 'gateway', 'pump'],
  usesGoPlugins: false,
  database: 'mongodb',
  gateway: { from: '5.0.0', to: '5.3.0' },
  pump: { from: '1.8.0' },
  strategy: 'rolling',
};

function messagesFor(overrides: Record<string, unknown>) {
  const result = validate({ ...base, ...overrides });
  return result.ok
    ? { errors: [], warnings: result.warnings }
    : { errors: result.errors, warnings: result.warnings };
}

describe('validate accepts good answers and fills in defaults', () => {
  it('normalises versions with a leading v and spaces', () => {
    const result = validate({ ...base, gateway: { from: ' v5.0.0 ', to: 'V5.3.0  ' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.gateway).toEqual({ from: '5.0.0', to: '5.3.0', isDefaultTarget: false });
  });

  it('defaults companion targets to the compatibility matrix', () => {
    const result = validate(base);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Gateway 5.3.0 row of the compatibility matrix (docs/sources.md: compatibility matrix).
    expect(result.input.pump).toEqual({
      from: '1.8.0',
      to: '1.9.0',
      isDefaultTarget: true,
      recommendedBy: 'the compatibility matrix',
    });
    expect(result.input.mdcb).toBeNull();
  });

  it('assumes the current companion version the matrix pairs with the current Gateway', () => {
    const result = validate({ ...base, gateway: { from: '5.8.0', to: '5.13.1' }, pump: undefined });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.pump).toEqual({
      from: '1.12.0',
      to: '1.16.0',
      isDefaultTarget: true,
      recommendedBy: 'the compatibility matrix',
    });
    expect(result.warnings.find((w) => w.field === 'pump.from')?.message).toMatch(
      /assumes 1\.12\.0/,
    );
  });

  it('keeps a companion that is already newer than the recommendation where it is', () => {
    const result = validate({ ...base, pump: { from: '1.16.0' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.pump).toEqual({
      from: '1.16.0',
      to: '1.16.0',
      isDefaultTarget: true,
      recommendedBy: 'the compatibility matrix',
    });
    expect(result.warnings.map((w) => w.field)).toContain('pump.to');
  });

  it('fills Tyk defaults for names and data planes', () => {
    const result = validate({
      ...base,
      model: 'self-managed-mdcb',
      install: 'helm',
      components: ['mdcb', 'dashboard', 'gateway'],
      mdcb: { from: '2.4.0' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.names.namespace).toBe('tyk');
    expect(result.input.names.helmRelease).toBe('tyk-cp');
    expect(result.input.dataPlanes).toEqual([
      {
        name: 'data-plane-1',
        namespace: 'tyk-dp',
        release: 'tyk-data-plane',
        gatewayHost: 'localhost',
        context: '',
        redisHost: 'localhost',
        redisPort: 6379,
      },
    ]);
  });

  it('gives each of several data planes its own namespace and release', () => {
    const result = validate({
      ...base,
      model: 'self-managed-mdcb',
      install: 'helm',
      components: ['mdcb', 'dashboard', 'gateway'],
      mdcb: { from: '2.4.0' },
      dataPlanes: [{ name: 'eu-west' }, { name: 'us-east', namespace: 'edge-us' }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.dataPlanes.map((p) => [p.name, p.namespace, p.release])).toEqual([
      ['eu-west', 'tyk-dp-eu-west', 'tyk-dp-eu-west'],
      ['us-east', 'edge-us', 'tyk-dp-us-east'],
    ]);
  });

  it('accepts numeric strings for ports and the downtime window', () => {
    const result = validate({
      ...base,
      strategy: 'downtime',
      downtimeMinutes: '90',
      names: { gatewayPort: '8443' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.downtimeMinutes).toBe(90);
    expect(result.input.names.gatewayPort).toBe(8443);
  });

  it('orders components by the catalogue and drops duplicates', () => {
    const result = validate({ ...base, components: ['pump', 'gateway', 'dashboard', 'gateway'] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.components).toEqual(['gateway', 'dashboard', 'pump']);
  });

  it('ignores the database and install where the model has none', () => {
    const result = validate({
      model: 'cloud',
      components: ['dashboard', 'gateway'],
      usesGoPlugins: false,
      gateway: { from: '5.3.0', to: '5.8.0' },
      strategy: 'rolling',
      database: 'postgres',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.install).toBeNull();
    expect(result.input.database).toBeNull();
  });
});

describe('validate names the field of every problem', () => {
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['unknown model', { model: 'mainframe' }, 'model', /does not exist/],
    ['missing model', { model: '' }, 'model', /Choose a deployment model/],
    ['unknown install', { install: 'ansible' }, 'install', /does not exist/],
    [
      'cloud with helm',
      { model: 'cloud', install: 'helm', components: ['dashboard', 'gateway'] },
      'install',
      /Tyk runs it/,
    ],
    ['self-managed without install', { install: undefined }, 'install', /Choose how/],
    [
      'oss with dashboard',
      { model: 'oss', components: ['gateway', 'dashboard'] },
      'components',
      /has no Dashboard/,
    ],
    [
      'self-managed without gateway',
      { components: ['dashboard'] },
      'components',
      /always includes the Gateway/,
    ],
    [
      'unknown component',
      { components: ['gateway', 'dashboard', 'portal'] },
      'components',
      /"portal" does not exist/,
    ],
    [
      'bad current version',
      { gateway: { from: '5.x', to: '5.3.0' } },
      'gateway.from',
      /not a version/,
    ],
    [
      'bad target version',
      { gateway: { from: '5.0.0', to: 'newest' } },
      'gateway.to',
      /^Target Gateway and Dashboard version: Gateway "newest" is not a version\. Type a release such as 5\.14\.0, a line such as 5\.14 for its newest patch, or latest\.$/,
    ],
    [
      'missing target',
      { gateway: { from: '5.0.0' } },
      'gateway.to',
      /Enter the Gateway and Dashboard version you want/,
    ],
    [
      // Without a Dashboard the field is the Gateway's alone (issue 16).
      'missing target of an open-source Gateway',
      { model: 'oss', components: ['gateway'], database: undefined, gateway: { from: '5.0.0' } },
      'gateway.to',
      /^Enter the Gateway version you want, for example 5\.3\.0\.$/,
    ],
    [
      'bad target of a Hybrid data plane',
      {
        model: 'cloud-hybrid',
        components: ['gateway'],
        database: undefined,
        dataPlanes: [{ name: 'edge' }],
        gateway: { from: '5.0.0', to: 'newest' },
      },
      'gateway.to',
      /^Target Gateway version: Gateway "newest" is not a version\./,
    ],
    ['downgrade', { gateway: { from: '5.3.0', to: '5.0.0' } }, 'gateway.to', /rollback section/],
    [
      'same version',
      // Pump 1.9.0 is what the matrix lists for 5.3.0, so nothing moves at all.
      { gateway: { from: '5.3.0', to: '5.3.0' }, pump: { from: '1.9.0' } },
      'gateway.to',
      /^Target Gateway and Dashboard version 5\.3\.0 is the version you run now, and no other component changes: there is nothing to upgrade\.$/,
    ],
    ['pump with a bad version', { pump: { from: 'one' } }, 'pump.from', /not a version/],
    [
      'companion without a Gateway to pair with',
      { gateway: { from: 'x', to: '5.3.0' }, pump: undefined },
      'pump.from',
      /Enter the Pump version/,
    ],
    [
      'pump downgrade',
      { pump: { from: '1.9.0', to: '1.8.0' } },
      'pump.to',
      /older than the current/,
    ],
    ['bad database', { database: 'mysql' }, 'database', /mongodb or postgres/],
    ['bad strategy', { strategy: 'yolo' }, 'strategy', /does not exist/],
    [
      'downtime window not a number',
      { strategy: 'downtime', downtimeMinutes: 'an hour' },
      'downtimeMinutes',
      /minutes/,
    ],
    [
      'downtime window zero',
      { strategy: 'downtime', downtimeMinutes: 0 },
      'downtimeMinutes',
      /minutes/,
    ],
    ['go plugins not a boolean', { usesGoPlugins: 'yes' }, 'usesGoPlugins', /yes \(true\) or no/],
    [
      'shell metacharacter in a path',
      { names: { gatewayConfig: '/opt/tyk.conf; rm -rf /' } },
      'names.gatewayConfig',
      /cannot go into a shell command/,
    ],
    [
      'command substitution in a host',
      { names: { gatewayHost: '$(reboot)' } },
      'names.gatewayHost',
      /"\$"/,
    ],
    ['bad port', { names: { dashboardPort: 70000 } }, 'names.dashboardPort', /1 to 65535/],
    [
      'uppercase namespace on helm',
      { install: 'helm', names: { namespace: 'Tyk' } },
      'names.namespace',
      /Kubernetes name/,
    ],
    [
      'container name with a space',
      { install: 'docker', names: { gatewayName: 'tyk gateway' } },
      'names.gatewayName',
      /a space/,
    ],
    [
      'k8s deployment with underscore',
      { install: 'kubernetes', names: { gatewayName: 'tyk_gateway' } },
      'names.gatewayName',
      /Kubernetes name/,
    ],
    ['names not an object', { names: 'tyk' }, 'names', /field: value/],
  ])('%s', (_name, overrides, field, message) => {
    const { errors } = messagesFor(overrides);
    const match = errors.find((e) => e.field === field);
    expect(match, JSON.stringify(errors)).toBeDefined();
    expect(match?.message).toMatch(message);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['data plane with a bad name', { dataPlanes: [{ name: 'EU West' }] }, 'dataPlanes[0].name'],
    [
      'duplicate data planes',
      { dataPlanes: [{ name: 'eu' }, { name: 'eu' }] },
      'dataPlanes[1].name',
    ],
    ['empty list of data planes', { dataPlanes: [] }, 'dataPlanes'],
    [
      'data plane namespace with metacharacters',
      { dataPlanes: [{ name: 'eu', namespace: 'a;b' }] },
      'dataPlanes[0].namespace',
    ],
  ])('%s', (_name, overrides, field) => {
    const { errors } = messagesFor({
      model: 'self-managed-mdcb',
      components: ['mdcb', 'dashboard', 'gateway'],
      mdcb: { from: '2.4.0' },
      ...overrides,
    });
    expect(errors.map((e) => e.field)).toContain(field);
  });

  it('warns, not fails, for a version past the catalogue', () => {
    const { errors, warnings } = messagesFor({
      gateway: { from: '5.0.0', to: '5.16.0' },
      pump: { from: '1.8.0', to: '1.16.0' },
    });
    expect(errors).toEqual([]);
    expect(warnings.find((w) => w.field === 'gateway.to')?.message).toBe(
      'Target Gateway and Dashboard version: Gateway 5.16.0 is not in the release catalogue of 2026-08-21, whose newest Gateway release is 5.14.0. Check it before you rely on the plan.',
    );
  });

  // The release history is complete inside its range (docs/sources.md: release notes, and the
  // non-rc tags of TykTechnologies/tyk and tyk-pump), so a gap there was never released.
  it.each([
    [
      'a Gateway patch that never was',
      { gateway: { from: '5.0.0', to: '5.3.99' } },
      'gateway.to',
      'Target Gateway and Dashboard version: Gateway 5.3.99 was never released; the nearest releases are 5.3.13 and 5.4.0.',
    ],
    [
      'a release candidate',
      { gateway: { from: '5.0.0', to: '5.3.0-rc1' } },
      'gateway.to',
      'Target Gateway and Dashboard version: Gateway 5.3.0-rc1 is a pre-release, not a release; the nearest releases are 5.2.6 and 5.3.0.',
    ],
    [
      'a line that never was',
      { gateway: { from: '4.4', to: '5.3.0' } },
      'gateway.from',
      'Current Gateway and Dashboard version: There was never a Gateway 4.4 line; the nearest releases are 4.3.8 and 5.0.0.',
    ],
  ])('refuses %s, naming the nearest releases', (_name, overrides, field, message) => {
    const { errors } = messagesFor(overrides);
    expect(errors.find((e) => e.field === field)?.message).toBe(message);
  });

  it.each([
    [
      '5.8',
      '5.8.15',
      'Target Gateway and Dashboard version 5.8 is 5.8.15, its newest patch in the release catalogue of 2026-08-21; the plan uses 5.8.15.',
    ],
    [
      'latest',
      '5.14.0',
      'Target Gateway and Dashboard version latest is 5.14.0, the newest release in the catalogue of 2026-08-21; the plan uses 5.14.0.',
    ],
  ])('resolves the target %s to %s and says so', (typed, version, message) => {
    const result = validate({ ...base, gateway: { from: '5.0.0', to: typed } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.gateway.to).toBe(version);
    expect(result.warnings.find((w) => w.field === 'gateway.to')?.message).toBe(message);
  });

  it('ignores an invalid name that no command of this deployment uses', () => {
    const { errors } = messagesFor({ names: { namespace: 'Not A Name;' } });
    expect(errors).toEqual([]);
  });

  it('warns about a name field it does not know', () => {
    const { warnings } = messagesFor({ names: { favouriteColour: 'blue' } });
    expect(warnings.map((w) => w.field)).toContain('names.favouriteColour');
  });

  it.each([[null], [undefined], ['self-managed'], [42], [[base]]])(
    'rejects a non-object input %j',
    (input) => {
      const result = validate(input);
      expect(result).toEqual({
        ok: false,
        errors: [{ field: 'input', message: 'The answers are missing or are not an object.' }],
        warnings: [],
      });
    },
  );

  it('reports every problem at once, not only the first', () => {
    const { errors } = messagesFor({
      model: 'self-managed',
      install: 'nope',
      gateway: { from: 'x', to: 'y' },
    });
    expect(errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['install', 'gateway.from', 'gateway.to']),
    );
  });
});
