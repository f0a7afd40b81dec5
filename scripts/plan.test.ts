import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  components,
  decodePlanLink,
  installs,
  models,
  nameFields,
  sharedRoutePrefix,
  strategies,
  validate,
} from '@/rules/index';
import { defaultAppUrl, parseCliArgs, type CliAnswers } from './cli-args';
import { flagForField, flagSpecs, helpText } from './cli-flags';
import { runCli } from './plan';
import { run } from './test-support/run-command';

const base = ['--model', 'self-managed', '--install', 'docker', '--from', '5.0.0', '--to', '5.3.0'];

function answers(argv: readonly string[]): CliAnswers {
  const request = parseCliArgs(argv);
  if (!request.ok || request.command !== 'plan' || request.source.kind !== 'flags')
    throw new Error(`expected a plan request from flags, got ${JSON.stringify(request)}`);
  return request.source.input;
}

/** A payload as a hand-edited link might carry it. */
function rawLink(payload: unknown): string {
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `https://tools.example.com/wizard/${sharedRoutePrefix}${encoded}`;
}

/** The link `--format link` prints for these flags. */
function linkFor(argv: readonly string[]): string {
  const outcome = runCli([...argv, '--format', 'link']);
  if (outcome.exitCode !== 0) throw new Error(outcome.stderr);
  return outcome.stdout.trim();
}

const sharedLink = rawLink({
  v: 1,
  m: 'self-managed',
  i: 'docker',
  c: ['gateway', 'dashboard'],
  g: ['5.0.0', '5.3.0'],
  s: 'rolling',
});

describe('parseCliArgs: answers', () => {
  it.each<[string, readonly string[], Partial<CliAnswers>]>([
    [
      'the bare minimum for open source',
      ['--model', 'oss', '--install', 'docker', '--from', '5.0.0', '--to', '5.3.0'],
      {
        model: 'oss',
        install: 'docker',
        components: ['gateway'],
        usesGoPlugins: false,
        gateway: { from: '5.0.0', to: '5.3.0' },
      },
    ],
    [
      'self-managed defaults to its required components',
      base,
      { components: ['gateway', 'dashboard'] },
    ],
    [
      'MDCB is in by default where the model has it',
      ['--model', 'self-managed-mdcb', '--install', 'helm', '--from', '5.0.0', '--to', '5.3.0'],
      { components: ['gateway', 'dashboard', 'mdcb'] },
    ],
    [
      '--pump-from brings Pump in',
      [...base, '--pump-from', '1.8.0'],
      { components: ['gateway', 'dashboard', 'pump'], pump: { from: '1.8.0' } },
    ],
    [
      '--pump-to alone brings Pump in too',
      [...base, '--pump-to', '1.9.0'],
      { components: ['gateway', 'dashboard', 'pump'], pump: { to: '1.9.0' } },
    ],
    [
      '--components is taken as given, trimmed',
      [...base, '--components', 'gateway, pump'],
      { components: ['gateway', 'pump'] },
    ],
    [
      'unknown components go through to validate',
      [...base, '--components', 'gateway,toaster'],
      { components: ['gateway', 'toaster'] },
    ],
    ['--go-plugins is a switch', [...base, '--go-plugins'], { usesGoPlugins: true }],
    ['--database postgres', [...base, '--database', 'postgres'], { database: 'postgres' }],
    [
      'no database for a model without a Dashboard',
      ['--model', 'oss', '--from', '5.0.0'],
      { components: ['gateway'] },
    ],
    [
      '--flag=value works like --flag value',
      ['--model=oss', '--from=v5.0.0', '--to= 5.3.0 '],
      { model: 'oss', gateway: { from: 'v5.0.0', to: ' 5.3.0 ' } },
    ],
    [
      '--window is a number of minutes',
      [...base, '--strategy', 'downtime', '--window', '90'],
      { strategy: 'downtime', downtimeMinutes: 90 },
    ],
    [
      'a --window that is not a number goes through to validate',
      [...base, '--window', 'soon'],
      { downtimeMinutes: 'soon' },
    ],
    [
      '--data-planes is a list of names',
      [...base, '--data-planes', 'eu-west,us-east'],
      { dataPlanes: [{ name: 'eu-west' }, { name: 'us-east' }] },
    ],
    [
      '--plane gives one data plane its own settings, as typed',
      [
        ...base,
        '--data-planes',
        'eu-west,us-east',
        '--plane',
        'us-east:context=arn:aws:eks:us-east-1:1:cluster/edge',
        '--plane',
        'eu-west:redisPort=6380',
      ],
      {
        dataPlanes: [
          { name: 'eu-west', redisPort: '6380' },
          { name: 'us-east', context: 'arn:aws:eks:us-east-1:1:cluster/edge' },
        ],
      },
    ],
    [
      '--namespace, --release and --name fill in names; ports become numbers',
      [
        ...base,
        '--namespace',
        'apis',
        '--release',
        'tyk',
        '--name',
        'gatewayPort=8081',
        '--name',
        'backupDir=/srv/backup=1',
      ],
      {
        names: {
          namespace: 'apis',
          helmRelease: 'tyk',
          gatewayPort: 8081,
          backupDir: '/srv/backup=1',
        },
      },
    ],
    [
      'a port that is not a number goes through to validate',
      [...base, '--name', 'gatewayPort=http'],
      { names: { gatewayPort: 'http' } },
    ],
    [
      'an unknown model goes through with no default components',
      ['--model', 'mainframe', '--from', '5.0.0'],
      { model: 'mainframe', components: [] },
    ],
    ['a lone -- is skipped', ['--', ...base], { model: 'self-managed' }],
  ])('%s', (_name, argv, expected) => {
    expect(answers(argv)).toMatchObject(expected);
  });

  it('leaves out what was not given', () => {
    const input = answers(['--model', 'oss', '--from', '5.0.0']);
    expect(Object.keys(input).sort()).toEqual(['components', 'gateway', 'model', 'usesGoPlugins']);
    expect(input.gateway).toEqual({ from: '5.0.0' });
  });

  it('leaves the database and strategy defaults to validate, as the wizard and links do', () => {
    const result = validate(answers(base));
    expect(result.ok && result.input.database).toBe('mongodb');
    expect(result.ok && result.input.strategy).toBe('rolling');
  });

  it.each<[readonly string[], string]>([
    [base, 'text'],
    [[...base, '--format', 'markdown'], 'markdown'],
    [[...base, '--format=json'], 'json'],
  ])('%j prints as %s', (argv, format) => {
    expect(parseCliArgs(argv)).toMatchObject({ ok: true, command: 'plan', format });
  });
});

describe('parseCliArgs: help and mistakes', () => {
  it.each([[['--help']], [['-h']], [[...base, '--help']], [['--colour', '--help']]])(
    '%j asks for help',
    (argv) => {
      expect(parseCliArgs(argv)).toEqual({ ok: true, command: 'help' });
    },
  );

  it.each<[string, readonly string[], string, string]>([
    ['an unknown flag', [...base, '--colour', 'red'], '--colour', 'text'],
    ['a flag with no value at the end', [...base, '--strategy'], '--strategy', 'text'],
    [
      'a flag followed by another flag',
      ['--model', 'oss', '--from', '--to', '5.3.0'],
      '--from',
      'text',
    ],
    ['a bad format', [...base, '--format', 'yaml'], '--format', 'text'],
    [
      'a mistake under --format json',
      [...base, '--format', 'json', '--colour'],
      '--colour',
      'json',
    ],
    ['a flag given twice', [...base, '--model', 'oss'], '--model', 'text'],
    ['a value for a switch', [...base, '--go-plugins=yes'], '--go-plugins', 'text'],
    ['--name without =', [...base, '--name', 'namespace'], '--name', 'text'],
    ['--name with an unknown key', [...base, '--name', 'colour=red'], '--name', 'text'],
    [
      'the same name twice',
      [...base, '--namespace', 'a', '--name', 'namespace=b'],
      '--name',
      'text',
    ],
    ['a stray argument', [...base, 'oss'], 'oss', 'text'],
    [
      '--plane without NAME:',
      [...base, '--data-planes', 'eu', '--plane', 'context=x'],
      '--plane',
      'text',
    ],
    [
      '--plane for a plane not named',
      [...base, '--data-planes', 'eu', '--plane', 'us:context=x'],
      '--plane',
      'text',
    ],
    [
      '--plane with an empty value',
      [...base, '--data-planes', 'eu', '--plane', 'eu:context='],
      '--plane',
      'text',
    ],
    ['--plane with no data planes', [...base, '--plane', 'eu:context=x'], '--plane', 'text'],
    [
      '--plane with an unknown key',
      [...base, '--data-planes', 'eu', '--plane', 'eu:colour=red'],
      '--plane',
      'text',
    ],
    [
      'a --plane setting twice',
      [...base, '--data-planes', 'eu', '--plane', 'eu:context=a', '--plane', 'eu:context=b'],
      '--plane',
      'text',
    ],
    ['--link with an answer flag', ['--link', sharedLink, '--from', '5.1.0'], '--from', 'text'],
    [
      '--link with --go-plugins',
      ['--link', sharedLink, '--go-plugins', '--format', 'json'],
      '--go-plugins',
      'json',
    ],
    ['an unreadable link', ['--link', 'https://x/#/s/%%%'], 'link', 'text'],
    ['--app-url without --format link', [...base, '--app-url', 'https://x/'], '--app-url', 'text'],
    [
      '--include-names without --format link',
      [...base, '--include-names'],
      '--include-names',
      'text',
    ],
    [
      'an --app-url that is no address',
      [...base, '--format', 'link', '--app-url', 'tools/wizard'],
      '--app-url',
      'link',
    ],
  ])('rejects %s, naming the flag', (_name, argv, field, format) => {
    const request = parseCliArgs(argv);
    expect(request).toMatchObject({ ok: false, format });
    if (request.ok) return;
    expect(request.errors.map((error) => error.field)).toContain(field);
    for (const error of request.errors) expect(error.message).toContain(error.field.split(' ')[0]);
  });
});

describe('flagForField', () => {
  it.each([
    ['model', '--model'],
    ['gateway', '--from'],
    ['gateway.from', '--from'],
    ['gateway.to', '--to'],
    ['pump.to', '--pump-to'],
    ['mdcb.from', '--mdcb-from'],
    ['dataPlanes[1].name', '--data-planes'],
    ['dataPlanes[1].context', '--plane NAME:context='],
    ['downtimeMinutes', '--window'],
    ['names.namespace', '--namespace'],
    ['names.helmRelease', '--release'],
    ['names.gatewayPort', '--name gatewayPort='],
    ['input', null],
  ])('%s comes from %s', (field, flag) => {
    expect(flagForField(field)).toBe(flag);
  });
});

describe('parseCliArgs: a shared link', () => {
  it('takes the answers from the link and the output flags beside it', () => {
    expect(parseCliArgs(['--link', sharedLink, '--format', 'markdown'])).toMatchObject({
      ok: true,
      format: 'markdown',
      source: {
        kind: 'link',
        input: { model: 'self-managed', install: 'docker', gateway: { from: '5.0.0' } },
        problems: [],
      },
    });
  });

  it('links to the local dev server, without names, unless told otherwise', () => {
    expect(parseCliArgs([...base, '--format', 'link'])).toMatchObject({
      linkTarget: { appUrl: defaultAppUrl, includeNames: false },
    });
    expect(
      parseCliArgs([...base, '--format', 'link', '--app-url', 'https://x/w/', '--include-names']),
    ).toMatchObject({ linkTarget: { appUrl: 'https://x/w/', includeNames: true } });
  });
});

describe('helpText', () => {
  const help = helpText();
  it('keeps every flag apart from its help, a long one on a line of its own', () => {
    expect(help).toContain(
      '  --image COMPONENT=REPOSITORY\n                          The image repository',
    );
    for (const spec of flagSpecs) {
      const head = spec.value === null ? spec.flag : `${spec.flag} ${spec.value}`;
      expect(help).toMatch(new RegExp(`^  ${head.replace(/[-.=]/g, '\\$&')}(\\s{2,}|$)`, 'm'));
    }
  });
  it('documents every flag and every value from the catalogue', () => {
    const values = [
      ...flagSpecs.map((spec) => spec.flag),
      ...models.map((model) => model.id),
      ...installs.map((install) => install.id),
      ...components.map((component) => component.id),
      ...strategies.map((strategy) => strategy.id),
      ...nameFields.map((field) => field.id),
      'mongodb',
      'postgres',
      'text',
      'markdown',
      'json',
      'link',
    ];
    for (const value of values)
      expect(help).toMatch(new RegExp(`(^|\\s)${value.replace(/[-.]/g, '\\$&')}(\\s|$)`, 'm'));
  });
});

describe('runCli', () => {
  it('prints a JSON plan and exits 0', () => {
    const outcome = runCli([...base, '--format', 'json']);
    expect(outcome.exitCode).toBe(0);
    const parsed: unknown = JSON.parse(outcome.stdout);
    expect(parsed).toMatchObject({ ok: true, plan: { input: { model: 'self-managed' } } });
    expect(outcome.stdout).toMatch(/^\{\n {2}"ok": true,\n {2}"plan": \{/);
  });

  it('names the field of a bad version in JSON and exits 2', () => {
    const outcome = runCli([
      '--model',
      'oss',
      '--install',
      'deb',
      '--from',
      'five',
      '--to',
      '5.3.0',
      '--format',
      'json',
    ]);
    expect(outcome.exitCode).toBe(2);
    expect(JSON.parse(outcome.stdout)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'gateway.from' })],
    });
    expect(outcome.stderr).toBe('');
  });

  it('explains bad answers on stderr in text, naming field and flag', () => {
    const outcome = runCli([
      '--model',
      'oss',
      '--install',
      'deb',
      '--from',
      'five',
      '--to',
      '5.3.0',
    ]);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain('gateway.from (--from):');
  });

  it('turns a bad shell name into an error on names.<key>', () => {
    const outcome = runCli([...base, '--name', 'gatewayName=tyk;reboot', '--format', 'json']);
    expect(outcome.exitCode).toBe(2);
    expect(JSON.parse(outcome.stdout)).toMatchObject({
      ok: false,
      errors: [{ field: 'names.gatewayName' }],
    });
  });

  it('reports flag mistakes as JSON under --format json', () => {
    const outcome = runCli([...base, '--format', 'json', '--colour', 'red']);
    expect(outcome.exitCode).toBe(2);
    expect(JSON.parse(outcome.stdout)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: '--colour' })],
    });
  });

  it('prints the text and Markdown runbooks', () => {
    const text = runCli(base);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/^\[ \] 1\. /m);
    const markdown = runCli([...base, '--format', 'markdown']);
    expect(markdown.exitCode).toBe(0);
    expect(markdown.stdout).toMatch(/^# /);
    expect(markdown.stdout).toContain('- [ ] **1. ');
    expect(markdown.stdout).toContain('```bash\n');
  });

  it('prints help with every model and installation and exits 0', () => {
    const outcome = runCli(['--help']);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stderr).toBe('');
    for (const id of [...models.map((model) => model.id), ...installs.map((install) => install.id)])
      expect(outcome.stdout).toContain(id);
  });

  it('exits 2 on a damaged --link, naming link', () => {
    const outcome = runCli([
      '--link',
      'http://localhost:5173/#/s/eyJ2IjoxLCJtIjoib3Nz',
      '--format',
      'json',
    ]);
    expect(outcome.exitCode).toBe(2);
    expect(JSON.parse(outcome.stdout)).toEqual({
      ok: false,
      errors: [{ field: 'link', message: expect.stringMatching(/cut short|damaged/) }],
    });
  });
});

describe('runCli: hostile input in messages', () => {
  // Everything a terminal would obey (a line feed ends a line, so it may stand between lines).
  const unprintable =
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
  const oss = ['--model', 'oss', '--install', 'docker', '--from', '5.0.0', '--to', '5.3.0'];
  const tampered = rawLink({
    v: 1,
    m: 'main\u009bframe',
    i: 'docker',
    c: ['gateway'],
    g: ['5.0.0', '5.3.0'],
    s: 'rolling',
  });
  // Each row: what the user typed and the line of stderr that echoes it, with every control, C1
  // and bidi character shown as "?" and long values cut to 40 characters and an ellipsis.
  it.each<[string, readonly string[], string]>([
    [
      'a C1 CSI (U+009B) in a version',
      ['--model', 'oss', '--install', 'docker', '--from', '5.0.0\u009b31m', '--to', '5.3.0'],
      '  gateway.from (--from): Current Gateway version: Gateway "5.0.0?31m" is not a version. Type a release such as 5.14.0, a line such as 5.14 for its newest patch, or latest.',
    ],
    [
      'a 100,000-character version',
      ['--model', 'oss', '--install', 'docker', '--from', '5.0.0', '--to', '5'.repeat(100_000)],
      // The length is checked before anything else, so the value is not echoed at all.
      '  gateway.to (--to): Target Gateway version is longer than 64 characters; a version looks like 5.3.0.',
    ],
    [
      'a 100,000-character --app-url',
      [...oss, '--format', 'link', '--app-url', 'x'.repeat(100_000)],
      `  --app-url: --app-url "${'x'.repeat(40)}…" is not a full address such as https://tools.example.com/tyk-upgrade-wizard/.`,
    ],
    [
      'a right-to-left override in a model',
      ['--model', 'oss\u202Egpj', '--install', 'docker', '--from', '5.0.0', '--to', '5.3.0'],
      '  model (--model): Deployment model "oss?gpj" does not exist; choose one of cloud, cloud-hybrid, self-managed, self-managed-mdcb, oss.',
    ],
    [
      'a bidi override in an unknown flag',
      [...oss, '--\u202Eevil'],
      '  --?evil: Unknown flag --?evil. Run with --help to see every flag.',
    ],
    [
      'a C1 control in a stray argument',
      [...oss, 'oss\u009b2J'],
      '  oss?2J: Unexpected argument "oss?2J": every value follows its flag, as in --model oss.',
    ],
    [
      'an ESC sequence in --format',
      [...oss, '--format', 'json\u001b[2J'],
      '  --format: --format "json?[2J" is not one of text, markdown, json, link.',
    ],
    [
      'a right-to-left mark in --name',
      [...oss, '--name', 'novalue\u200f'],
      '  --name: --name needs KEY=VALUE, as in --name gatewayPort=8080; got "novalue?".',
    ],
    [
      'a U+2066 in a name',
      [...oss, '--name', 'gatewayName=tyk\u2066;reboot'],
      '  names.gatewayName (--name gatewayName=): Gateway container, service or deployment: "tyk?;reboot" contains ";", which cannot go into a shell command.',
    ],
    [
      'a C1 control in a shared link',
      ['--link', tampered],
      '  model: Deployment model "main?frame" is unknown; self-managed was used instead.',
    ],
  ])('%s', (_name, argv, line) => {
    const outcome = runCli(argv);
    expect(outcome.stderr.split('\n')).toContain(line);
    expect(`${outcome.stdout}${outcome.stderr}`).not.toMatch(unprintable);
  });

  it('keeps them out of JSON too, where JSON.stringify would pass C1 and bidi through', () => {
    const outcome = runCli([
      ...oss,
      '--\u202Eevil',
      '--data-planes',
      'eu\u009b',
      '--format',
      'json',
    ]);
    expect(outcome.stdout).not.toMatch(unprintable);
    expect(JSON.parse(outcome.stdout)).toEqual({
      ok: false,
      errors: [
        { field: '--?evil', message: 'Unknown flag --?evil. Run with --help to see every flag.' },
      ],
    });
  });
});

describe('runCli: shared links', () => {
  const named = [...base, '--pump-from', '1.8.0', '--name', 'gatewayPort=8081'];

  it('gives the same JSON plan from its own link as from the flags', () => {
    for (const argv of [base, named, [...named, '--strategy', 'downtime', '--window', '45']]) {
      const fromFlags = JSON.parse(runCli([...argv, '--format', 'json']).stdout) as unknown;
      const link = linkFor([...argv, '--include-names']);
      const fromLink = runCli(['--link', link, '--format', 'json']);
      expect(fromLink.exitCode).toBe(0);
      expect(fromLink.stderr).toBe('');
      expect(JSON.parse(fromLink.stdout)).toEqual({
        ...(fromFlags as Record<string, unknown>),
        warnings: [],
      });
    }
  });

  it('prints a chat-safe link on the app URL, with the names only when asked', () => {
    const link = linkFor([...named, '--app-url', 'https://tools.example.com/tyk/']);
    expect(link).toMatch(/^https:\/\/tools\.example\.com\/tyk\/#\/s\/[\w-]+$/);
    const decoded = decodePlanLink(link);
    expect(decoded.ok && decoded.input['names']).toBeUndefined();
    const withNames = decodePlanLink(linkFor([...named, '--include-names']));
    expect(withNames.ok && withNames.input['names']).toEqual({ gatewayPort: 8081 });
    expect(linkFor(base).startsWith(`${defaultAppUrl}#/s/`)).toBe(true);
  });

  it('exits 2 on a link that cannot be read, with the reason on link', () => {
    const cut = linkFor(named).slice(0, -12);
    const outcome = runCli(['--link', cut, '--format', 'json']);
    expect(outcome.exitCode).toBe(2);
    expect(JSON.parse(outcome.stdout)).toEqual({
      ok: false,
      errors: [{ field: 'link', message: expect.stringMatching(/cut short/) }],
    });
    const text = runCli(['--link', cut]);
    expect(text.exitCode).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^ {2}link \(--link\): The link is .*cut short/m);
  });

  it('reports what a tampered link replaced as warnings, and still plans', () => {
    const tampered = rawLink({
      v: 1,
      m: 'mainframe',
      i: 'docker',
      c: ['gateway', 'dashboard'],
      g: ['5.0.0', '5.3.0'],
      s: 'rolling',
    });
    const asJson = runCli(['--link', tampered, '--format', 'json']);
    expect(asJson.exitCode).toBe(0);
    expect(JSON.parse(asJson.stdout)).toMatchObject({
      ok: true,
      plan: { input: { model: 'self-managed' } },
      warnings: [
        {
          field: 'model',
          message: 'Deployment model "mainframe" is unknown; self-managed was used instead.',
        },
      ],
    });
    const asText = runCli(['--link', tampered]);
    expect(asText.exitCode).toBe(0);
    expect(asText.stdout).toMatch(/^\[ \] 1\. /m);
    expect(asText.stderr).toContain(
      '  model: Deployment model "mainframe" is unknown; self-managed was used instead.',
    );
  });

  it('names the field, not a flag, when the answers in a link make no plan', () => {
    const bad = rawLink({
      v: 1,
      m: 'oss',
      i: 'docker',
      c: ['gateway'],
      g: ['five', '5.3.0'],
      s: 'x',
    });
    const asText = runCli(['--link', bad]);
    expect(asText.exitCode).toBe(2);
    expect(asText.stderr).toMatch(/^ {2}gateway\.from: /m);
    expect(asText.stderr).not.toContain('(--from)');
    expect(asText.stderr).toContain(
      '  strategy: Strategy "x" is unknown; rolling was used instead.',
    );
    const asJson = JSON.parse(runCli(['--link', bad, '--format', 'json']).stdout) as unknown;
    expect(asJson).toMatchObject({
      ok: false,
      errors: [{ field: 'gateway.from' }],
      warnings: [{ field: 'strategy' }],
    });
  });
});

describe('the real CLI', () => {
  // What runCli returns is checked above, answer by answer. These runs check the entry point
  // itself: that a real process prints runCli's output and exits with its code, on success (run
  // the documented way, through npm) and on a mistake. A cold tsx start takes a second or two,
  // and the runs start together so that they overlap: leave room for a slow machine.
  const timeout = 120_000;
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  const helmMdcb = [
    '--model',
    'self-managed-mdcb',
    '--install',
    'helm',
    '--from',
    '5.0.0',
    '--to',
    '5.3.0',
    '--mdcb-from',
    '2.4.0',
    '--format',
    'json',
  ];
  let runs: ReturnType<typeof startRuns>;
  const startRuns = () => ({
    npm: run('npm', ['run', '--silent', 'plan', '--', ...helmMdcb], timeout),
    unknownFlag: run(tsx, ['scripts/plan.ts', ...base, '--colour', 'red'], timeout),
  });
  beforeAll(() => {
    runs = startRuns();
  });

  it(
    'prints a JSON plan with phases and exits 0, run through the npm script as documented',
    async () => {
      const result = await runs.npm;
      // stderr is npm's to use (notices, warnings about the environment), so it is not checked.
      expect(result.status).toBe(0);
      const parsed = JSON.parse(result.stdout) as {
        ok: boolean;
        plan: { phases: readonly unknown[] };
      };
      expect(parsed.ok).toBe(true);
      expect(parsed.plan.phases.length).toBeGreaterThan(0);
      // The whole of runCli's output reaches the pipe, however long it is.
      expect(result.stdout).toBe(runCli(helmMdcb).stdout);
    },
    timeout,
  );

  it(
    'exits 2 on an unknown flag, naming it on stderr',
    async () => {
      const result = await runs.unknownFlag;
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('--colour');
      expect(result.stderr).toBe(runCli([...base, '--colour', 'red']).stderr);
    },
    timeout,
  );
});
