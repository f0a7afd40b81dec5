// The plan CLI's flags: what each one means, which values it takes, and how the command line
// becomes answers for `validate`. Pure: no I/O, so the tests call it directly.
//
// Parsing runs in two stages. `readFlags` turns argv into raw flag values using the table below;
// `answersFromFlags` turns those values into the answers object. A shared link (`--link`) is the
// other source of answers: it is decoded here, and the flags that would also give answers are refused.
import {
  components,
  componentsOf,
  decodePlanLink,
  findModel,
  installs,
  models,
  nameFields,
  strategies,
  type ComponentId,
  type Database,
  type DeploymentModel,
  type FieldMessage,
  type NameId,
} from '@/rules/index';

export const outputFormats = ['text', 'markdown', 'json', 'link'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** A value the help lists for a flag, with what it means. */
export type AllowedValue = { readonly value: string; readonly label: string };

export type FlagSpec = {
  readonly flag: `--${string}`;
  /** Placeholder for the value in the help; null for a switch that takes none. */
  readonly value: string | null;
  readonly help: string;
  /** The values the flag accepts, listed in the help; validation is left to `validate`. */
  readonly allowed?: readonly AllowedValue[];
  /** Paths of the answer fields the flag fills, so a message about a field can name its flag. */
  readonly fields: readonly string[];
  /** The flag may be given more than once. */
  readonly isRepeatable?: boolean;
};

const modelValues = models.map((model) => ({ value: model.id, label: model.label }));
const installValues = installs.map((install) => ({ value: install.id, label: install.label }));
const componentValues = components.map((component) => ({
  value: component.id,
  label: component.label,
}));
const strategyValues = strategies.map((strategy) => ({
  value: strategy.id,
  label: strategy.label,
}));
const databaseValues: readonly AllowedValue[] = [
  { value: 'mongodb', label: 'MongoDB' },
  { value: 'postgres', label: 'PostgreSQL' },
] satisfies readonly { readonly value: Database; readonly label: string }[];
const formatValues: readonly AllowedValue[] = [
  { value: 'text', label: 'plain text for a terminal (default)' },
  { value: 'markdown', label: 'a Markdown runbook with a checkbox per step' },
  { value: 'json', label: '{ "ok": true, "plan": ... } or { "ok": false, "errors": [...] }' },
  { value: 'link', label: 'the shared link that opens these answers in the wizard' },
] satisfies readonly { readonly value: OutputFormat; readonly label: string }[];
const nameValues = nameFields.map((field) => ({ value: field.id, label: field.label }));

export const flagSpecs = [
  {
    flag: '--model',
    value: 'MODEL',
    help: 'Deployment model. Required.',
    allowed: modelValues,
    fields: ['model'],
  },
  {
    flag: '--install',
    value: 'INSTALL',
    help: 'How Tyk is installed. Required except for cloud.',
    allowed: installValues,
    fields: ['install'],
  },
  {
    flag: '--components',
    value: 'LIST',
    help: "Comma-separated components you run. Default: the model's required components, plus pump when --pump-from or --pump-to is given.",
    allowed: componentValues,
    fields: ['components'],
  },
  {
    flag: '--go-plugins',
    value: null,
    help: 'Your Gateways load Go plugins.',
    fields: ['usesGoPlugins'],
  },
  {
    flag: '--database',
    value: 'DATABASE',
    help: "The Dashboard's database, where you run a Dashboard. Default: mongodb.",
    allowed: databaseValues,
    fields: ['database'],
  },
  {
    flag: '--from',
    value: 'VERSION',
    help: 'Gateway and Dashboard version you run now. Required.',
    fields: ['gateway.from', 'gateway'],
  },
  {
    flag: '--to',
    value: 'VERSION',
    help: 'Gateway and Dashboard version to upgrade to. Required.',
    fields: ['gateway.to'],
  },
  {
    flag: '--pump-from',
    value: 'VERSION',
    help: 'Pump version you run now. Required when Pump is among the components.',
    fields: ['pump.from', 'pump'],
  },
  {
    flag: '--pump-to',
    value: 'VERSION',
    help: 'Pump version to upgrade to. Default: the one recommended for the Gateway target.',
    fields: ['pump.to'],
  },
  {
    flag: '--mdcb-from',
    value: 'VERSION',
    help: 'MDCB version you run now. Required for self-managed-mdcb.',
    fields: ['mdcb.from', 'mdcb'],
  },
  {
    flag: '--mdcb-to',
    value: 'VERSION',
    help: 'MDCB version to upgrade to. Default: the one recommended for the Gateway target.',
    fields: ['mdcb.to'],
  },
  {
    flag: '--strategy',
    value: 'STRATEGY',
    help: 'How traffic is kept up during the upgrade. Default: rolling.',
    allowed: strategyValues,
    fields: ['strategy'],
  },
  {
    flag: '--window',
    value: 'MINUTES',
    help: 'Length of the downtime window in minutes (strategy downtime).',
    fields: ['downtimeMinutes'],
  },
  {
    flag: '--data-planes',
    value: 'LIST',
    help: 'Comma-separated data plane names (self-managed-mdcb, cloud-hybrid); each a lowercase DNS label.',
    fields: ['dataPlanes'],
  },
  {
    flag: '--namespace',
    value: 'NAME',
    help: 'Kubernetes namespace of the control plane or the whole stack. Same as --name namespace=NAME.',
    fields: ['names.namespace'],
  },
  {
    flag: '--release',
    value: 'NAME',
    help: 'Helm release of the control plane or the whole stack. Same as --name helmRelease=NAME.',
    fields: ['names.helmRelease'],
  },
  {
    flag: '--name',
    value: 'KEY=VALUE',
    help: 'One of your own names; repeat the flag for more. Keys:',
    allowed: nameValues,
    fields: ['names'],
    isRepeatable: true,
  },
  {
    flag: '--link',
    value: 'URL',
    help: 'A plan link shared from the wizard (…#/s/…), instead of the flags above; quote it. Values it holds that this version does not know are replaced and reported as warnings.',
    fields: ['link'],
  },
  {
    flag: '--format',
    value: 'FORMAT',
    help: 'Output format. Default: text.',
    allowed: formatValues,
    fields: [],
  },
  {
    flag: '--app-url',
    value: 'URL',
    help: 'With --format link: the address the wizard is served from. Default: http://localhost:5173/ (the dev server).',
    fields: [],
  },
  {
    flag: '--include-names',
    value: null,
    help: 'With --format link: carry your names (hosts, namespaces, paths) in the link too.',
    fields: [],
  },
  { flag: '--help', value: null, help: 'Print this help and exit (also -h).', fields: [] },
] as const satisfies readonly FlagSpec[];

export type FlagName = (typeof flagSpecs)[number]['flag'];

/** Flags as they were given: every value, in order; a switch has an empty list of values. */
export type FlagValues = ReadonlyMap<FlagName, readonly string[]>;

type MutableVersionChange = { from?: string; to?: string };

/** The answers the CLI hands to `validate`. Values are passed as typed, so its messages name the field. */
export type CliAnswers = {
  readonly model?: string;
  readonly install?: string;
  readonly components?: readonly string[];
  readonly usesGoPlugins: boolean;
  readonly database?: string;
  readonly dataPlanes?: readonly { readonly name: string }[];
  readonly gateway: Readonly<MutableVersionChange>;
  readonly pump?: Readonly<MutableVersionChange>;
  readonly mdcb?: Readonly<MutableVersionChange>;
  readonly strategy: string;
  readonly downtimeMinutes?: number | string;
  readonly names?: Readonly<Record<string, string | number>>;
};

/** Where the answers come from: the flags, or a shared link and what reading it replaced. */
export type AnswerSource =
  | { readonly kind: 'flags'; readonly input: CliAnswers }
  | {
      readonly kind: 'link';
      readonly input: Readonly<Record<string, unknown>>;
      /** Values the link held that were unknown or malformed, and what stands in for them. */
      readonly problems: readonly FieldMessage[];
    };

/** How `--format link` writes the link. */
export type LinkTarget = { readonly appUrl: string; readonly includeNames: boolean };

export const defaultAppUrl = 'http://localhost:5173/';

export type CliRequest =
  | { readonly ok: true; readonly command: 'help' }
  | {
      readonly ok: true;
      readonly command: 'plan';
      readonly source: AnswerSource;
      readonly format: OutputFormat;
      readonly linkTarget: LinkTarget;
    }
  | { readonly ok: false; readonly errors: readonly FieldMessage[]; readonly format: OutputFormat };

const specByFlag: ReadonlyMap<string, FlagSpec> = new Map(
  flagSpecs.map((spec) => [spec.flag, spec]),
);

type ReadFlags = { readonly values: FlagValues; readonly errors: readonly FieldMessage[] };

/** Stage one: argv into flag values. Accepts `--flag value` and `--flag=value`. */
export function readFlags(argv: readonly string[]): ReadFlags {
  const values = new Map<FlagName, string[]>();
  const errors: FieldMessage[] = [];
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index] ?? '';
    // npm and some shells pass a lone `--` through; it separates nothing here.
    if (token === '--') continue;
    if (token === '-h') {
      values.set('--help', []);
      continue;
    }
    if (!token.startsWith('--')) {
      errors.push({
        field: token,
        message: `Unexpected argument "${token}": every value follows its flag, as in --model oss.`,
      });
      continue;
    }
    const equals = token.indexOf('=');
    const flag = equals === -1 ? token : token.slice(0, equals);
    const spec = specByFlag.get(flag);
    if (spec === undefined) {
      errors.push({
        field: flag,
        message: `Unknown flag ${flag}. Run with --help to see every flag.`,
      });
      // Its value, if it had one, is no second mistake.
      const next = argv[index + 1];
      if (equals === -1 && next !== undefined && !next.startsWith('-')) index++;
      continue;
    }
    const name = spec.flag as FlagName;
    let value: string | null = null;
    if (spec.value === null) {
      if (equals !== -1) {
        errors.push({ field: name, message: `${name} takes no value.` });
        continue;
      }
    } else if (equals !== -1) {
      value = token.slice(equals + 1);
    } else {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) {
        errors.push({ field: name, message: `${name} needs a value: ${name} ${spec.value}.` });
        continue;
      }
      value = next;
      index++;
    }
    const earlier = values.get(name);
    if (earlier !== undefined && spec.isRepeatable !== true && name !== '--help') {
      errors.push({ field: name, message: `${name} is given more than once.` });
      continue;
    }
    values.set(name, [...(earlier ?? []), ...(value === null ? [] : [value])]);
  }
  return { values, errors };
}

function first(values: FlagValues, flag: FlagName): string | undefined {
  return values.get(flag)?.[0];
}

function list(raw: string): readonly string[] {
  return raw.split(',').map((item) => item.trim());
}

function knownModel(raw: string | undefined): DeploymentModel | null {
  return models.find((model) => model.id === raw?.trim())?.id ?? null;
}

function versionChange(from: string | undefined, to: string | undefined): MutableVersionChange {
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

function defaultComponents(
  model: DeploymentModel | null,
  hasPumpVersions: boolean,
): readonly ComponentId[] {
  if (model === null) return [];
  const required: readonly ComponentId[] = findModel(model).requiredComponents;
  return componentsOf(model).filter(
    (id) => required.includes(id) || (id === 'pump' && hasPumpVersions),
  );
}

function readNames(values: FlagValues, errors: FieldMessage[]): Record<string, string | number> {
  const names: Record<string, string | number> = {};
  const setName = (key: string, value: string, flag: FlagName): void => {
    const field = nameFields.find((candidate) => candidate.id === key);
    if (field === undefined) {
      errors.push({
        field: flag,
        message: `--name ${key}: unknown key; use one of ${nameFields.map((candidate) => candidate.id).join(', ')}.`,
      });
      return;
    }
    if (key in names) {
      errors.push({ field: flag, message: `${flag}: the name ${key} is given more than once.` });
      return;
    }
    // Ports are numbers in the answers; anything else goes through as typed so validate can explain it.
    names[key] = field.kind === 'port' && /^\d+$/.test(value) ? Number(value) : value;
  };
  const namespace = first(values, '--namespace');
  if (namespace !== undefined) setName('namespace' satisfies NameId, namespace, '--namespace');
  const release = first(values, '--release');
  if (release !== undefined) setName('helmRelease' satisfies NameId, release, '--release');
  for (const pair of values.get('--name') ?? []) {
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      errors.push({
        field: '--name',
        message: `--name needs KEY=VALUE, as in --name gatewayPort=8080; got "${pair}".`,
      });
      continue;
    }
    setName(pair.slice(0, equals).trim(), pair.slice(equals + 1), '--name');
  }
  return names;
}

/** Stage two: flag values into answers. Defaults that depend on the model are filled in here. */
export function answersFromFlags(values: FlagValues): {
  readonly input: CliAnswers;
  readonly errors: readonly FieldMessage[];
} {
  const errors: FieldMessage[] = [];
  const model = first(values, '--model');
  const modelEntry = knownModel(model);
  const pumpFrom = first(values, '--pump-from');
  const pumpTo = first(values, '--pump-to');
  const mdcbFrom = first(values, '--mdcb-from');
  const mdcbTo = first(values, '--mdcb-to');
  const componentList = first(values, '--components');
  const install = first(values, '--install');
  const database =
    first(values, '--database') ??
    (modelEntry !== null && findModel(modelEntry).hasDatabase ? 'mongodb' : undefined);
  const dataPlanes = first(values, '--data-planes');
  const window = first(values, '--window');
  const names = readNames(values, errors);
  const hasPumpVersions = pumpFrom !== undefined || pumpTo !== undefined;
  const hasMdcbVersions = mdcbFrom !== undefined || mdcbTo !== undefined;

  const input: CliAnswers = {
    ...(model === undefined ? {} : { model }),
    ...(install === undefined ? {} : { install }),
    components:
      componentList === undefined
        ? defaultComponents(modelEntry, hasPumpVersions)
        : list(componentList),
    usesGoPlugins: values.has('--go-plugins'),
    ...(database === undefined ? {} : { database }),
    ...(dataPlanes === undefined ? {} : { dataPlanes: list(dataPlanes).map((name) => ({ name })) }),
    gateway: versionChange(first(values, '--from'), first(values, '--to')),
    ...(hasPumpVersions ? { pump: versionChange(pumpFrom, pumpTo) } : {}),
    ...(hasMdcbVersions ? { mdcb: versionChange(mdcbFrom, mdcbTo) } : {}),
    strategy: first(values, '--strategy') ?? 'rolling',
    ...(window === undefined
      ? {}
      : { downtimeMinutes: /^\d+$/.test(window.trim()) ? Number(window.trim()) : window }),
    ...(Object.keys(names).length === 0 ? {} : { names }),
  };
  return { input, errors };
}

function formatOf(values: FlagValues, errors: FieldMessage[]): OutputFormat {
  const raw = first(values, '--format');
  if (raw === undefined) return 'text';
  const format = outputFormats.find((candidate) => candidate === raw.trim());
  if (format === undefined) {
    errors.push({
      field: '--format',
      message: `--format "${raw}" is not one of ${outputFormats.join(', ')}.`,
    });
    return 'text';
  }
  return format;
}

// Every flag that gives an answer; `--link` gives them all at once, so it takes none of these.
const answerFlags: readonly FlagName[] = flagSpecs
  .filter((spec) => spec.fields.length > 0 && spec.flag !== '--link')
  .map((spec) => spec.flag);

function linkTargetOf(
  values: FlagValues,
  format: OutputFormat,
  errors: FieldMessage[],
): LinkTarget {
  const appUrl = first(values, '--app-url');
  const includeNames = values.has('--include-names');
  if (format !== 'link') {
    for (const flag of ['--app-url', '--include-names'] as const) {
      if (values.has(flag))
        errors.push({ field: flag, message: `${flag} only applies to --format link.` });
    }
  }
  if (appUrl !== undefined && !URL.canParse(appUrl.trim())) {
    errors.push({
      field: '--app-url',
      message: `--app-url "${appUrl}" is not a full address such as https://tools.example.com/tyk-upgrade-wizard/.`,
    });
  }
  return { appUrl: appUrl?.trim() ?? defaultAppUrl, includeNames };
}

/** The answers of `--link`: refused beside answer flags; an unreadable link is an error on `link`. */
function sourceFromLink(link: string, values: FlagValues, errors: FieldMessage[]): AnswerSource {
  for (const flag of answerFlags) {
    if (values.has(flag)) {
      errors.push({
        field: flag,
        message: `${flag} cannot be combined with --link: the link carries every answer.`,
      });
    }
  }
  const decoded = decodePlanLink(link);
  if (!decoded.ok) {
    errors.push(...decoded.problems);
    return { kind: 'link', input: {}, problems: [] };
  }
  return { kind: 'link', input: decoded.input, problems: decoded.problems };
}

/** The command line as a request: help, a plan to build, or what is wrong with the flags. */
export function parseCliArgs(argv: readonly string[]): CliRequest {
  const read = readFlags(argv);
  if (read.values.has('--help')) return { ok: true, command: 'help' };
  const errors = [...read.errors];
  const format = formatOf(read.values, errors);
  const linkTarget = linkTargetOf(read.values, format, errors);
  const link = first(read.values, '--link');
  let source: AnswerSource;
  if (link === undefined) {
    const answers = answersFromFlags(read.values);
    errors.push(...answers.errors);
    source = { kind: 'flags', input: answers.input };
  } else {
    source = sourceFromLink(link, read.values, errors);
  }
  if (errors.length > 0) return { ok: false, errors, format };
  return { ok: true, command: 'plan', source, format, linkTarget };
}

/** The flag that sets an answer field, for messages: `gateway.from` → `--from`. */
export function flagForField(field: string): string | null {
  const nameKey = /^names\.(\w+)/.exec(field)?.[1];
  if (nameKey === 'namespace') return '--namespace';
  if (nameKey === 'helmRelease') return '--release';
  if (nameKey !== undefined) return `--name ${nameKey}=`;
  const root = field.replace(/\[\d+\].*$/, '');
  const spec = flagSpecs.find((candidate) =>
    (candidate.fields as readonly string[]).some((path) => path === field || path === root),
  );
  return spec?.flag ?? null;
}

function wrapValues(allowed: readonly AllowedValue[], indent: string): readonly string[] {
  const width = Math.max(...allowed.map((entry) => entry.value.length));
  return allowed.map((entry) => `${indent}${entry.value.padEnd(width + 2)}${entry.label}`);
}

/** Every flag and every value it takes, from the same tables the parser and the wizard use. */
export function helpText(): string {
  const usage = [
    'Usage: npm run --silent plan -- --model MODEL [--install INSTALL] --from VERSION --to VERSION [flags]',
    "       npm run --silent plan -- --link 'URL' [--format FORMAT]",
    '',
    'Prints an ordered upgrade plan for a Tyk deployment: phases of steps with commands, checks and rollbacks.',
    '',
    'Flags:',
  ];
  const flags = flagSpecs.flatMap((spec: FlagSpec) => {
    const head = spec.value === null ? spec.flag : `${spec.flag} ${spec.value}`;
    return [
      `  ${head.padEnd(24)}${spec.help}`,
      ...(spec.allowed === undefined ? [] : wrapValues(spec.allowed, ' '.repeat(28))),
    ];
  });
  const footer = [
    '',
    'Versions may carry a leading v (v5.3.0). Pump and MDCB targets default to the versions the',
    'compatibility matrix recommends for the Gateway target.',
    '',
    'A link made with --format link opens the same answers in the wizard at --app-url; --link reads',
    'one back. Links hold the answers, never the progress, and the names only with --include-names.',
    '',
    'Exit status: 0 with a plan (or this help), 2 when the flags, the link or the answers are invalid,',
    '1 on an unexpected failure.',
    '',
    'Examples:',
    '  npm run --silent plan -- --model self-managed --install docker --from 5.0.0 --to 5.3.0',
    '  npm run --silent plan -- --model oss --install helm --from 5.0.0 --to 5.3.0 --format link \\',
    '    --app-url https://tools.example.com/tyk-upgrade-wizard/',
    "  npm run --silent plan -- --link 'https://tools.example.com/tyk-upgrade-wizard/#/s/PAYLOAD'",
  ];
  return `${[...usage, ...flags, ...footer].join('\n')}\n`;
}
