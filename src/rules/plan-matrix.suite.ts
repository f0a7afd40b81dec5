import { describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan';
import {
  commandsOf,
  stepsOf,
  matrixCases,
  matrixTimeLimit,
  type MatrixCase,
} from './test-support/matrix-plans';
import { findModel } from './catalog/models';
import type { ComponentId, DeploymentModel, Phase, Plan } from './types';
import { compareVersions } from './versions';

/**
 * The order Tyk's upgrade guide gives, per model and per site, written out here rather than read
 * from the rules: the components whose upgrade steps a site gets, first to last, of those that
 * change version. `null` is the one upgrade step the Tyk Cloud console runs for the control plane
 * of a Hybrid deployment.
 */
const expectedOrder: Readonly<
  Record<
    DeploymentModel,
    {
      readonly controlPlane: readonly (ComponentId | null)[];
      readonly eachDataPlane: readonly ComponentId[];
    }
  >
> = {
  'self-managed': { controlPlane: ['dashboard', 'gateway', 'pump'], eachDataPlane: [] },
  // The control plane first, then each data plane (its Go plugins ahead of its Gateway).
  'self-managed-mdcb': {
    controlPlane: ['mdcb', 'pump', 'dashboard', 'gateway'],
    eachDataPlane: ['pump', 'gateway'],
  },
  'cloud-hybrid': { controlPlane: [null], eachDataPlane: ['pump', 'gateway'] },
  oss: { controlPlane: ['gateway', 'pump'], eachDataPlane: [] },
  // The Cloud console upgrades the control plane, then the Cloud data planes.
  cloud: { controlPlane: ['dashboard'], eachDataPlane: ['gateway'] },
};

// Frozen inputs and plans, built once for every suite that checks the whole matrix.
const cases: readonly MatrixCase[] = matrixCases();

const allCommands = commandsOf;

/** Runs `check` over every case and reports the first few failures with their inputs. */
function everyPlan(check: (c: MatrixCase) => string | null): void {
  const failures = cases.flatMap((c) => {
    const problem = check(c);
    return problem === null ? [] : [`${c.name}: ${problem}`];
  });
  expect(failures.slice(0, 5)).toEqual([]);
}

describe('the input matrix', () => {
  it('spans every model, installation, strategy and plugin answer, thousands of inputs', () => {
    expect(cases.length).toBeGreaterThan(2000);
    expect(new Set(cases.map((c) => `${c.input.model}/${c.input.install ?? '-'}`)).size).toBe(25);
    expect(new Set(cases.map((c) => c.input.strategy)).size).toBe(3);
    expect(new Set(cases.map((c) => c.input.usesGoPlugins)).size).toBe(2);
  });
});

describe('invariants over every plan', () => {
  it('phases come in the required order', () => {
    everyPlan(({ input, plan }) => {
      const kinds = plan.phases.map((phase) => phase.kind);
      const planes =
        input.model === 'cloud'
          ? 1
          : (input.dataPlanes?.length ??
            (input.model === 'self-managed-mdcb' || input.model === 'cloud-hybrid' ? 1 : 0));
      const expected = [
        'prepare',
        'backup',
        // A companion-only plan leaves the Go plugins alone: nothing is rebuilt.
        ...(input.usesGoPlugins && plan.input.gateway.from !== plan.input.gateway.to
          ? ['go-plugins']
          : []),
        'control-plane',
        ...Array.from({ length: planes }, () => 'data-plane'),
        'verify',
        'rollback',
        'after',
      ];
      return JSON.stringify(kinds) === JSON.stringify(expected)
        ? null
        : `phases ${kinds.join(',')}`;
    });
  });

  it('phase ids are unique and data planes are named data-plane-<name>', () => {
    everyPlan(({ input, plan }) => {
      const ids = plan.phases.map((phase) => phase.id);
      if (new Set(ids).size !== ids.length) return `duplicate phase ids ${ids.join(',')}`;
      const dataIds = plan.phases
        .filter((phase) => phase.kind === 'data-plane')
        .map((phase) => phase.id);
      const expected =
        input.model === 'cloud'
          ? ['data-plane-cloud']
          : (input.dataPlanes ?? [{ name: 'data-plane-1' }]).map((p) => `data-plane-${p.name}`);
      if (dataIds.length > 0 && JSON.stringify(dataIds) !== JSON.stringify(expected))
        return `data plane phases ${dataIds.join(',')}`;
      return null;
    });
  });

  it('step ids are unique kebab-case, and data-plane steps carry the plane name', () => {
    everyPlan(({ plan }) => {
      const ids = stepsOf(plan).map((step) => step.id);
      const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
      if (duplicate !== undefined) return `duplicate step id ${duplicate}`;
      const bad = ids.find((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id));
      if (bad !== undefined) return `not kebab-case: ${bad}`;
      for (const phase of plan.phases.filter((p) => p.kind === 'data-plane')) {
        const prefix = `${phase.id.replace(/^data-plane-/, '')}-`;
        const stray = phase.steps.find((step) => !step.id.startsWith(prefix));
        if (stray !== undefined) return `${stray.id} in ${phase.id}`;
        if (phase.steps.some((step) => step.plane !== 'data'))
          return `a step of ${phase.id} is not on the data plane`;
      }
      return null;
    });
  });

  it('every backup comes before the first upgrade, in the backup phase', () => {
    everyPlan(({ plan }) => {
      const steps = stepsOf(plan);
      const lastBackup = steps.map((s) => s.kind).lastIndexOf('backup');
      const firstUpgrade = steps.findIndex((s) => s.kind === 'upgrade');
      if (lastBackup === -1 || firstUpgrade === -1) return 'no backup or no upgrade';
      if (lastBackup > firstUpgrade) return 'a backup after an upgrade';
      const stray = plan.phases.find(
        (phase) => phase.kind !== 'backup' && phase.steps.some((s) => s.kind === 'backup'),
      );
      return stray === undefined ? null : `backup step in ${stray.id}`;
    });
  });

  it('every step that changes a system has a check and a way back', () => {
    everyPlan(({ plan }) => {
      const missing = stepsOf(plan).find(
        (s) =>
          (s.kind === 'upgrade' || s.kind === 'configure' || s.kind === 'backup') &&
          (s.verify === undefined ||
            s.verify.expect.trim() === '' ||
            s.rollback === undefined ||
            s.rollback.detail.trim() === ''),
      );
      return missing === undefined ? null : `${missing.id} lacks verify or rollback`;
    });
  });

  it('every upgraded component gets exactly one upgrade step per site, in the order of its model', () => {
    everyPlan(({ input, plan }) => {
      const order = expectedOrder[input.model];
      const isMoved = (component: ComponentId | null): boolean => {
        if (component === null) return true;
        if (!input.components.includes(component)) return false;
        const change = plan.versions.find((v) => v.component === component);
        return change !== undefined && change.from !== change.to;
      };
      const upgradesIn = (phase: Phase): readonly (ComponentId | 'go-plugins' | null)[] =>
        phase.steps.filter((s) => s.kind === 'upgrade').map((s) => s.component ?? null);
      const planes = plan.phases.filter((phase) => phase.kind === 'data-plane');
      if (order.eachDataPlane.length === 0 && planes.length > 0)
        return `${planes.length} data plane phases`;
      for (const phase of plan.phases) {
        const expected =
          phase.kind === 'control-plane'
            ? order.controlPlane.filter(isMoved)
            : phase.kind === 'data-plane'
              ? order.eachDataPlane.filter(isMoved)
              : [];
        if (JSON.stringify(upgradesIn(phase)) !== JSON.stringify(expected))
          return `${phase.id}: ${upgradesIn(phase).join(',')}`;
      }
      return null;
    });
  });

  it('the plan names exactly the components in use', () => {
    everyPlan(({ input, plan }) => {
      const stray = stepsOf(plan).find(
        (s) =>
          s.component !== undefined &&
          s.component !== 'go-plugins' &&
          !input.components.includes(s.component),
      );
      if (stray !== undefined) return `${stray.id} is about ${stray.component ?? ''}`;
      const listed = plan.versions.map((v) => v.component);
      return JSON.stringify([...listed].sort()) === JSON.stringify([...input.components].sort())
        ? null
        : `versions ${listed.join(',')}`;
    });
  });

  /** Every sentence and command of a plan, with where it is. */
  function textsOf(plan: Plan): readonly (readonly [string, string])[] {
    return [
      ...plan.advisories.map(
        (advisory) => [`advisory ${advisory.id}`, `${advisory.title} ${advisory.detail}`] as const,
      ),
      ...plan.phases.flatMap((phase) => [
        [`phase ${phase.id}`, `${phase.title} ${phase.detail}`] as const,
        ...phase.steps.flatMap((step) =>
          [
            step.title,
            step.detail,
            step.verify?.expect ?? '',
            step.rollback?.detail ?? '',
            ...allCommands(step).flatMap((command) => [command.code, command.label ?? '']),
          ].map((text) => [step.id, text] as const),
        ),
      ]),
    ];
  }

  // Issue 16: the plan speaks about this deployment only.
  it('an open-source plan never mentions a Dashboard, and a Hybrid one no Dashboard of its own', () => {
    everyPlan(({ input, plan }) => {
      const stray =
        input.model === 'oss'
          ? /dashboard/i
          : input.model === 'cloud-hybrid'
            ? /Dashboard (licence|instance)|every Dashboard|Dashboards|test Dashboard/
            : null;
      if (stray === null) return null;
      const found = textsOf(plan).find(([, text]) => stray.test(text));
      return found === undefined ? null : `${found[0]}: ${found[1]}`;
    });
  });

  it('a phase names only the components the plan has', () => {
    const labels = { dashboard: 'Dashboard', pump: 'Pump', mdcb: 'MDCB' } as const;
    everyPlan(({ input, plan }) => {
      const missing = (['dashboard', 'pump', 'mdcb'] as const).filter(
        (component) => !input.components.includes(component),
      );
      const phase = plan.phases.find((p) =>
        missing.some((component) => p.detail.includes(labels[component])),
      );
      return phase === undefined ? null : `${phase.id}: ${phase.detail}`;
    });
  });

  it('every variable a command reads is set by that step or an earlier one', () => {
    // A catalogue variable is asked for with `read ... NAME &&`; any other upper-case name must be
    // exported by an earlier command or assigned in the command that reads it. Lower-case names
    // are the commands' own locals.
    const asked = /read -rs?p .* ([A-Z][A-Z0-9_]*) &&/g;
    const assigned = /\b([A-Z][A-Z0-9_]*)=/g;
    const read = /\$\{?([A-Z][A-Z0-9_]*)/g;
    everyPlan(({ plan }) => {
      const known = new Set<string>();
      for (const step of stepsOf(plan)) {
        const bashCommands = allCommands(step).filter((command) => command.lang === 'bash');
        for (const command of bashCommands) {
          for (const match of command.code.matchAll(asked)) known.add(match[1] ?? '');
          // A value a step works out and exports (the uploaded bundle's ID) serves later steps.
          for (const match of command.code.matchAll(assigned)) {
            if (command.code.includes(`export ${match[1] ?? ''}`)) known.add(match[1] ?? '');
          }
        }
        for (const command of bashCommands) {
          const local = new Set([...command.code.matchAll(assigned)].map((m) => m[1] ?? ''));
          const unset = [...command.code.matchAll(read)]
            .map((m) => m[1] ?? '')
            .find((name) => !known.has(name) && !local.has(name));
          if (unset !== undefined) return `${step.id} reads ${unset}: ${command.code}`;
        }
      }
      return null;
    });
  });

  // Which build a Gateway loads from a bundle (tyk repository: gateway/mw_go_plugin.go and
  // goplugin/plugin_name_builder.go, TT-7351; docs/sources.md "Which plugin file a Gateway loads
  // first"): before 4.1.0 only the exact name of the manifest; 4.1.0 to 4.3.1 the exact name, then
  // the versioned one; from 4.3.2 (and 5.0.0) the versioned name first, then the exact one.
  function loadedBuild(
    files: readonly string[],
    exact: string,
    versioned: string,
    version: string,
  ) {
    const has = (file: string): string | null => (files.includes(file) ? file : null);
    if (compareVersions(version, '4.1.0') < 0) return has(exact);
    if (compareVersions(version, '4.3.2') < 0) return has(exact) ?? has(versioned);
    return has(versioned) ?? has(exact);
  }

  it('no Gateway is upgraded while the bundle it will load lacks its build', () => {
    everyPlan(({ input, plan }) => {
      const { from, to } = plan.input.gateway;
      const steps = stepsOf(plan);
      const switches = steps.filter((s) => s.id.endsWith('go-plugins-switch-bundle'));
      const rebuilds = input.usesGoPlugins && from !== to;
      if (switches.length !== (rebuilds ? 1 : 0))
        return `${switches.length} bundle switches (one for the APIs all planes share)`;
      if (!rebuilds) return null;
      const manifest = steps.find((s) => s.id === 'go-plugins-manifest')?.commands[0]?.code ?? '{}';
      const files = (JSON.parse(manifest) as { file_list: readonly string[] }).file_list;
      const plugin = plan.input.names.pluginName;
      const exact = `${plugin}.so`;
      const versionedFor = (version: string) =>
        `${plugin}_v${version}_linux_${plan.input.architecture}.so`;
      // The exact name holds the current build when the plan copies it from the bundle in use,
      // the target build otherwise (before 4.1.0 the compiler writes that name).
      const copiesCurrent = steps.some((s) => s.id === 'go-plugins-current-build');
      const builtFor = (file: string): string =>
        file === exact
          ? copiesCurrent
            ? from
            : to
          : file.slice(plugin.length + 2, file.indexOf('_linux_'));
      const serves = (version: string): boolean => {
        const file = loadedBuild(files, exact, versionedFor(version), version);
        return file !== null && builtFor(file) === version;
      };
      let hasSwitched = false;
      let upgraded = 0;
      for (const [index, step] of steps.entries()) {
        if (step.id.endsWith('go-plugins-switch-bundle')) {
          hasSwitched = true;
          // Before any upgrade the current Gateways load the new bundle too.
          if (upgraded === 0 && !serves(from)) return `${step.id}: the bundle has no ${from} build`;
          // After one only where no bundle can serve both: a target before 4.3.2 (issue 9, item 1).
          if (upgraded > 0 && compareVersions(to, '4.3.2') >= 0)
            return `${step.id} comes after a Gateway upgrade, though ${to} could share a bundle`;
        }
        if (step.kind !== 'upgrade' || step.component !== 'gateway') continue;
        upgraded += 1;
        if (hasSwitched) {
          if (!serves(to)) return `${step.id}: the bundle has no ${to} build`;
        } else if (!steps[index + 1]?.id.endsWith('go-plugins-switch-bundle')) {
          return `${step.id} upgrades a Gateway before the switch, which does not follow at once`;
        }
      }
      return hasSwitched && upgraded > 0 ? null : 'no switch or no Gateway upgrade';
    });
  });

  it('spells out the two-build case for 4.0.16 to 5.3.13 and the 4.3.1 exception', () => {
    const plan = (to: string) => {
      const result = buildPlan({
        model: 'self-managed',
        install: 'deb',
        components: ['gateway', 'dashboard'],
        usesGoPlugins: true,
        gateway: { from: '4.0.16', to },
        strategy: 'rolling',
      });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.plan;
    };
    const ids = (p: Plan) =>
      stepsOf(p)
        .map((s) => s.id)
        .filter((id) => id.startsWith('go-plugins-switch') || id.startsWith('upgrade-'));
    expect(ids(plan('5.3.13'))).toEqual([
      'upgrade-dashboard',
      'go-plugins-switch-bundle',
      'upgrade-gateway',
    ]);
    expect(ids(plan('4.3.1'))).toEqual([
      'upgrade-dashboard',
      'upgrade-gateway',
      'go-plugins-switch-bundle',
    ]);
  });

  it('no command holds an unresolved placeholder', () => {
    // Spelled in pieces so the repository's marker check does not flag this test itself.
    const markers = ['TO' + 'DO', 'FIX' + 'ME', 'X' + 'XX'].join('|');
    const placeholder = new RegExp(`<[A-Za-z_][^<>\\n]*>|\\{\\{|\\b(${markers})\\b`);
    everyPlan(({ plan }) => {
      for (const step of stepsOf(plan)) {
        for (const command of allCommands(step)) {
          if (placeholder.test(command.code)) return `${step.id}: ${command.code}`;
        }
      }
      return null;
    });
  });

  it('every json command parses and every yaml command is simple nested keys', () => {
    const yamlLine = /^( {2})*[A-Za-z0-9_-]+:( [^\s#][^#]*)?$/;
    everyPlan(({ plan }) => {
      for (const step of stepsOf(plan)) {
        for (const command of allCommands(step)) {
          if (command.lang === 'json') {
            try {
              JSON.parse(command.code);
            } catch {
              return `${step.id}: json does not parse`;
            }
          }
          if (command.lang === 'yaml') {
            const lines = command.code.split('\n');
            const bad = lines.find((line, i) => {
              if (!yamlLine.test(line)) return true;
              const depth = line.length - line.trimStart().length;
              const previous =
                i === 0 ? 0 : (lines[i - 1] ?? '').length - (lines[i - 1] ?? '').trimStart().length;
              const previousOpens = i > 0 && (lines[i - 1] ?? '').endsWith(':');
              return i === 0 ? depth !== 0 : depth > previous + (previousOpens ? 2 : 0);
            });
            if (bad !== undefined) return `${step.id}: yaml line "${bad}"`;
          }
        }
      }
      return null;
    });
  });

  it('the installation commands follow each package manager’s syntax', () => {
    everyPlan(({ plan }) => {
      for (const step of stepsOf(plan)) {
        for (const { code } of allCommands(step)) {
          if (/apt-get install[^\n]* tyk-[a-z-]+-\d/.test(code))
            return `apt with name-version: ${code}`;
          if (/yum (update|downgrade)[^\n]* tyk-[a-z-]+=/.test(code))
            return `yum with name=version: ${code}`;
          if (/tyk-mdcb-stable-\d|docker compose restart/.test(code)) return `seed error: ${code}`;
          if (/grep[^\n]*msg=/.test(code)) return `log check on msg=: ${code}`;
        }
      }
      return null;
    });
  });

  it('Tyk Cloud plans run no installation commands', () => {
    everyPlan(({ input, plan }) => {
      if (input.model !== 'cloud') return null;
      const changes = plan.phases.filter(
        (phase) => phase.kind === 'control-plane' || phase.kind === 'data-plane',
      );
      const install = changes
        .flatMap((phase) => phase.steps)
        .filter((s) => s.kind === 'upgrade')
        .flatMap(allCommands)
        .find((c) => /\b(apt-get|yum|docker|kubectl|helm)\b/.test(c.code));
      return install === undefined ? null : install.code;
    });
  });

  it('a data plane with a context of its own is reached through it wherever a command aims at it', () => {
    everyPlan(({ input, plan }) => {
      const install = input.install;
      if (install === undefined) return null;
      const planes = input.dataPlanes ?? [];
      for (const plane of planes) {
        if (plane.context === undefined) continue;
        const namespace =
          plane.namespace ?? (planes.length === 1 ? 'tyk-dp' : `tyk-dp-${plane.name}`);
        const aimsAtPlane = new RegExp(`-n ${namespace}( |$)`);
        const flags =
          install === 'kubernetes' || install === 'helm'
            ? [
                [/\bkubectl /, `kubectl --context ${plane.context} `],
                [/\bhelm (?!repo|search)/, `--kube-context ${plane.context}`],
              ]
            : install === 'docker' || install === 'docker-compose'
              ? [[/\bdocker (?!pull|image|rmi|rm )/, `docker --context ${plane.context} `]]
              : [];
        for (const step of stepsOf(plan)) {
          const isPlaneStep = step.id.startsWith(`${plane.name}-`);
          for (const line of allCommands(step).flatMap((c) => c.code.split('\n'))) {
            for (const [tool, flag] of flags as [RegExp, string][]) {
              if (!tool.test(line)) continue;
              if ((isPlaneStep || aimsAtPlane.test(line)) && !line.includes(flag))
                return `${step.id}: ${line}`;
            }
          }
        }
        if (install === 'deb' || install === 'rpm') {
          const upgrade = stepsOf(plan).find((step) => step.id === `${plane.name}-upgrade-gateway`);
          if (upgrade !== undefined && !upgrade.detail.includes(`ssh ${plane.context}`))
            return `${upgrade.id} does not say to run on ${plane.context}`;
        }
      }
      return null;
    });
  });

  it('every Redis of the deployment is backed up, checked and can be restored', () => {
    everyPlan(({ input, plan }) => {
      if (input.model === 'cloud') return null;
      const planes = findModel(input.model).hasDataPlanes ? (input.dataPlanes ?? [{}]).length : 0;
      const sites = (input.model === 'cloud-hybrid' ? 0 : 1) + planes;
      const ids = stepsOf(plan).map((step) => step.id);
      const backups = ids.filter((id) => /(^|-)backup-redis$/.test(id));
      const restores = ids.filter((id) => /(^|-)rollback-restore-redis$/.test(id));
      if (backups.length !== sites || restores.length !== sites)
        return `${sites} Redis, ${backups.length} backups, ${restores.length} restores`;
      const test = stepsOf(plan).find((step) => step.id === 'backup-test-restore');
      const checks = test?.commands.filter((c) => c.code.startsWith('redis-check-rdb')).length;
      return checks === sites ? null : `${checks ?? 0} snapshots checked of ${sites}`;
    });
  });

  it('the user’s names replace the defaults', () => {
    everyPlan(({ input, plan }) => {
      if (input.names?.backupDir === undefined) return null;
      const leak = stepsOf(plan)
        .flatMap(allCommands)
        .find((c) => c.code.includes('/var/backups/tyk-upgrade'));
      return leak === undefined ? null : leak.code;
    });
  });

  it(
    'is deterministic: the same answers give an equal plan',
    () => {
      cases
        .filter((_c, index) => index % 7 === 0)
        .forEach(({ input, plan }) => {
          const again = buildPlan(input);
          expect(again.ok && again.plan).toEqual(plan);
        });
    },
    matrixTimeLimit,
  );
});
