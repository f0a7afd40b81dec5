import { describe, expect, it } from 'vitest';
import { nameFields } from './catalog/name-fields';
import { defaultNames, nameProblem, relevantNameFields } from './names';
import type { NameKind } from './types';

describe('nameProblem', () => {
  it.each<[NameKind, unknown]>([
    ['k8s-name', 'tyk'],
    ['k8s-name', 'tyk-dp-eu-west-1'],
    ['docker-name', 'tyk_gateway'],
    ['docker-name', 'Tyk.Gateway-2'],
    ['host', 'localhost'],
    ['host', 'gw.eu-west.example.com'],
    ['host', '10.0.0.12'],
    ['port', 8080],
    ['port', '3000'],
    ['path', '/opt/tyk-gateway/tyk.conf'],
    ['path', 'values.yaml'],
    ['path', '.'],
    ['path', '/srv/tyk files/backups'],
    ['identifier', 'tyk_analytics'],
    ['identifier', 'CustomGoPlugin'],
  ])('accepts %s %j', (kind, value) => {
    expect(nameProblem(kind, value)).toBeNull();
  });

  it.each<[NameKind, unknown, RegExp]>([
    ['k8s-name', 'Tyk', /Kubernetes name/],
    ['k8s-name', '-tyk', /Kubernetes name/],
    ['k8s-name', 'a'.repeat(64), /63 characters/],
    ['k8s-name', 'tyk;ls', /";"/],
    ['docker-name', '_tyk', /container name/],
    ['docker-name', 'tyk gateway', /a space/],
    ['host', 'bad_host', /host name/],
    ['host', 'host`id`', /"`"/],
    ['port', 0, /1 to 65535/],
    ['port', '80a', /1 to 65535/],
    ['port', 8080.5, /1 to 65535/],
    ['path', '~/tyk.conf', /"~"/],
    ['path', '/tmp/a\tb', /a tab/],
    ['path', '/tmp/tyk ', /ends with a space/],
    ['path', ' /tmp/tyk', /starts or ends with a space/],
    ['path', '-rf', /read as an option/],
    ['path', '/opt/$HOME', /"\$"/],
    ['path', 'a\nb', /a line break/],
    ['identifier', '1plugin', /plain name/],
    ['identifier', 'plug in', /a space/],
    ['k8s-name', 42, /must be text/],
    ['path', '', /is empty/],
  ])('rejects %s %j', (kind, value, message) => {
    expect(nameProblem(kind, value)).toMatch(message);
  });
});

describe('defaultNames', () => {
  it('follows the Helm charts and the Docker examples', () => {
    expect(defaultNames('self-managed', 'helm')).toMatchObject({
      helmRelease: 'tyk-stack',
      gatewayName: 'gateway-tyk-stack-tyk-gateway',
    });
    expect(defaultNames('self-managed-mdcb', 'helm')).toMatchObject({
      helmRelease: 'tyk-cp',
      mdcbName: 'mdcb-tyk-cp-tyk-mdcb',
    });
    expect(defaultNames('oss', 'docker').gatewayName).toBe('tyk_gateway');
    expect(defaultNames('oss', 'docker-compose').gatewayName).toBe('tyk-gateway');
    expect(defaultNames('self-managed', 'deb')).toMatchObject({
      gatewayConfig: '/opt/tyk-gateway/tyk.conf',
      mdcbConfig: '/opt/tyk-sink/tyk_sink.conf',
      pumpHealthPort: 8083,
      mdcbHttpPort: 8181,
    });
  });

  it('gives defaults that pass their own checks', () => {
    for (const field of nameFields) {
      const value = defaultNames('self-managed-mdcb', 'helm')[field.id];
      expect(
        nameProblem(field.kind === 'docker-name' ? 'k8s-name' : field.kind, value),
        field.id,
      ).toBeNull();
    }
  });
});

describe('relevantNameFields', () => {
  const ids = (input: Parameters<typeof relevantNameFields>[0]) =>
    relevantNameFields(input).map((f) => f.id);

  it('asks Helm users for the namespace and release, not for config paths', () => {
    const fields = ids({
      model: 'self-managed',
      install: 'helm',
      components: ['dashboard', 'gateway'],
      usesGoPlugins: false,
    });
    expect(fields).toEqual(
      expect.arrayContaining(['namespace', 'helmRelease', 'valuesFile', 'gatewayName']),
    );
    expect(fields).not.toContain('gatewayConfig');
    expect(fields).not.toContain('pumpName');
  });

  it('asks package users for config paths, not for container names', () => {
    const fields = ids({
      model: 'oss',
      install: 'deb',
      components: ['gateway'],
      usesGoPlugins: false,
    });
    expect(fields).toContain('gatewayConfig');
    expect(fields).not.toContain('gatewayName');
    expect(fields).not.toContain('dashboardHost');
  });

  it('asks for plugin names only when Go plugins are used', () => {
    const without = ids({
      model: 'oss',
      install: 'docker',
      components: ['gateway'],
      usesGoPlugins: false,
    });
    const withPlugins = ids({
      model: 'oss',
      install: 'docker',
      components: ['gateway'],
      usesGoPlugins: true,
    });
    expect(without).not.toContain('pluginName');
    expect(withPlugins).toEqual(expect.arrayContaining(['pluginName', 'pluginSourceDir']));
  });

  it('keeps Tyk Cloud to the few names it uses', () => {
    expect(
      ids({
        model: 'cloud',
        install: null,
        components: ['dashboard', 'gateway'],
        usesGoPlugins: true,
      }),
    ).toEqual(['gatewayHost', 'backupDir', 'pluginSourceDir', 'pluginName']);
  });

  it('has unique ids and plain-text labels', () => {
    const all = nameFields.map((f) => f.id);
    expect(new Set(all).size).toBe(all.length);
    for (const field of nameFields) {
      expect(field.label).not.toMatch(/[<>{}]/);
      expect(field.help).not.toMatch(/[<>{}]/);
    }
  });
});
