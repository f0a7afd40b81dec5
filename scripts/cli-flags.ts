// The plan CLI's flags: what each one means, which values it takes, and the help that lists them.
// `readFlags` turns argv into raw flag values with Node's util.parseArgs, driven by this table;
// scripts/cli-args.ts turns those values into answers. Pure: no I/O, so the tests call it directly.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  components,
  installs,
  models,
  nameFields,
  planeFields,
  shownValue,
  strategies,
  type Database,
  type FieldMessage,
} from '@/rules/index';

export const outputFormats = ['text', 'markdown', 'json', 'link'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** A value the help lists for a flag, with what it means. */
type AllowedValue = { readonly value: string; readonly label: string };

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
  /** A one-letter alias, as in -h. */
  readonly short?: string;
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
const planeValues = planeFields.map((field) => ({
  value: field.id,
  label: field.id === 'context' ? 'Kube context, Docker context or SSH host' : field.label,
}));

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
    flag: '--image',
    value: 'COMPONENT=REPOSITORY',
    help: "The image repository a component runs today, without a tag (docker, docker-compose, kubernetes, helm); repeat the flag for more. Default: Tyk's Docker Hub image, or the chart's own on Helm.",
    allowed: componentValues,
    fields: ['images'],
    isRepeatable: true,
  },
  {
    flag: '--arch',
    value: 'ARCH',
    help: 'The architecture of the Gateway hosts, which Go plugin builds must match (with --go-plugins). Default: amd64.',
    allowed: [
      { value: 'amd64', label: 'x86-64' },
      { value: 'arm64', label: '64-bit Arm' },
    ],
    fields: ['architecture'],
  },
  {
    flag: '--shared-database',
    value: null,
    help: 'Blue-green: blue and green use one Dashboard database, not a copy each.',
    fields: ['sharesDatabase'],
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
    help: 'Pump version to upgrade to. Default: the one the compatibility matrix or the release notes list for the Gateway target.',
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
    help: 'MDCB version to upgrade to. Default: the one the compatibility matrix or the release notes list for the Gateway target.',
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
    flag: '--instances',
    value: 'COMPONENT=COUNT',
    help: 'Instances of a component on each site, for the time estimate; repeat the flag for more. Default: the estimate assumes a count per strategy and says so.',
    allowed: componentValues,
    fields: ['estimate.instances'],
    isRepeatable: true,
  },
  {
    flag: '--database-gb',
    value: 'GB',
    help: 'Approximate size of the Dashboard database in gigabytes, for the time estimate of backups and restores. Default: 1.',
    fields: ['estimate.databaseGb'],
  },
  {
    flag: '--data-planes',
    value: 'LIST',
    help: 'Comma-separated data plane names (self-managed-mdcb, cloud-hybrid); each a lowercase DNS label.',
    fields: ['dataPlanes'],
  },
  {
    flag: '--plane',
    value: 'NAME:KEY=VALUE',
    help: 'A setting of one data plane named in --data-planes, as in --plane eu-west:context=eu-prod; repeat the flag for more. Keys:',
    allowed: planeValues,
    fields: ['dataPlanes'],
    isRepeatable: true,
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
    flag: '--detect',
    value: 'FILE',
    help: 'Read answers from a file of the deployment (a compose file, its .env, tyk.conf, Helm values, kubectl or docker output, the collector JSON); repeat for more. Flags given beside it win over what the files show; findings go to stderr. "-" reads standard input.',
    fields: [],
    isRepeatable: true,
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
  {
    flag: '--help',
    value: null,
    help: 'Print this help and exit (also -h).',
    fields: [],
    short: 'h',
  },
] as const satisfies readonly FlagSpec[];

export type FlagName = (typeof flagSpecs)[number]['flag'];

/** Flags as they were given: every value, in order; a switch has an empty list of values. */
export type FlagValues = ReadonlyMap<FlagName, readonly string[]>;

const specByFlag: ReadonlyMap<string, FlagSpec> = new Map(
  flagSpecs.map((spec) => [spec.flag, spec]),
);

// The table as parseArgs options. Nothing is strict: every token comes back and is judged below,
// so each mistake gets its own message and the parse never throws.
const parserOptions: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
  flagSpecs.map((spec: FlagSpec) => [
    spec.flag.slice(2),
    {
      type: spec.value === null ? 'boolean' : 'string',
      multiple: spec.isRepeatable === true,
      ...(spec.short === undefined ? {} : { short: spec.short }),
    },
  ]),
);

function unexpectedArgument(raw: string): FieldMessage {
  const shown = shownValue(raw);
  return {
    field: shown,
    message: `Unexpected argument "${shown}": every value follows its flag, as in --model oss.`,
  };
}

type ReadFlags = { readonly values: FlagValues; readonly errors: readonly FieldMessage[] };

/** Stage one: argv into flag values. Accepts `--flag value` and `--flag=value`. */
export function readFlags(argv: readonly string[]): ReadFlags {
  const values = new Map<FlagName, string[]>();
  const errors: FieldMessage[] = [];
  const record = (name: FlagName, value: string | undefined): void => {
    const spec = specByFlag.get(name);
    const earlier = values.get(name);
    if (earlier !== undefined && spec?.isRepeatable !== true && name !== '--help') {
      errors.push({ field: name, message: `${name} is given more than once.` });
      return;
    }
    values.set(name, [...(earlier ?? []), ...(value === undefined ? [] : [value])]);
  };

  // parseArgs ends option parsing at a lone `--` and lets a value-taking flag swallow the next
  // flag as its value. Neither is wanted here (npm passes `--` through; `--from --to 5.3.0` is a
  // missing value), so at either point parsing starts again just after it.
  let offset = 0;
  parsing: while (offset < argv.length) {
    const args = argv.slice(offset);
    const { tokens } = parseArgs({
      args: [...args],
      options: parserOptions,
      strict: false,
      allowPositionals: true,
      tokens: true,
    });
    let skipIndex = -1;
    let unexpectedIndex = -1;
    for (const token of tokens) {
      const raw = args[token.index] ?? '';
      if (token.kind === 'option-terminator') {
        offset += token.index + 1;
        continue parsing;
      }
      if (token.kind === 'positional') {
        if (token.index === skipIndex) continue;
        errors.push(unexpectedArgument(raw));
        continue;
      }
      const spec = specByFlag.get(`--${token.name}`);
      // `-x`, `-abc` and `-hx` are no flags of this CLI; only the one-letter aliases are.
      const isShortForm = !raw.startsWith('--');
      if (isShortForm && (spec === undefined || raw !== token.rawName)) {
        if (token.index === unexpectedIndex) continue;
        unexpectedIndex = token.index;
        errors.push(unexpectedArgument(raw));
        continue;
      }
      if (spec === undefined) {
        const flag = shownValue(raw.split('=')[0]);
        errors.push({
          field: flag,
          message: `Unknown flag ${flag}. Run with --help to see every flag.`,
        });
        // Its value, if it had one, is no second mistake.
        if (!raw.includes('=') && !(args[token.index + 1] ?? '-').startsWith('-'))
          skipIndex = token.index + 1;
        continue;
      }
      const name = spec.flag as FlagName;
      if (spec.value === null) {
        if (token.inlineValue === true)
          errors.push({ field: name, message: `${name} takes no value.` });
        else record(name, undefined);
        continue;
      }
      if (
        token.value === undefined ||
        (token.inlineValue === false && token.value.startsWith('--'))
      ) {
        errors.push({ field: name, message: `${name} needs a value: ${name} ${spec.value}.` });
        if (token.value !== undefined) {
          offset += token.index + 1;
          continue parsing;
        }
        continue;
      }
      record(name, token.value);
    }
    break;
  }
  return { values, errors };
}

/** The flag that sets an answer field, for messages: `gateway.from` → `--from`. */
export function flagForField(field: string): string | null {
  const nameKey = /^names\.(\w+)/.exec(field)?.[1];
  if (nameKey === 'namespace') return '--namespace';
  if (nameKey === 'helmRelease') return '--release';
  if (nameKey !== undefined) return `--name ${nameKey}=`;
  const planeKey = /^dataPlanes\[\d+\]\.(\w+)$/.exec(field)?.[1];
  if (planeKey !== undefined && planeKey !== 'name') return `--plane NAME:${planeKey}=`;
  const instancesOf = /^estimate\.instances\.(\w+)$/.exec(field)?.[1];
  if (instancesOf !== undefined) return `--instances ${instancesOf}=`;
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
    '       npm run --silent plan -- --detect FILE [--detect FILE ...] --to VERSION [flags]',
    '',
    'Prints an ordered upgrade plan for a Tyk deployment: phases of steps with commands, checks and rollbacks.',
    '',
    'Flags:',
  ];
  const flags = flagSpecs.flatMap((spec: FlagSpec) => {
    const head = spec.value === null ? spec.flag : `${spec.flag} ${spec.value}`;
    // A head too long for its column gets a line of its own, so that it never runs into its help.
    const lines =
      head.length < 23
        ? [`  ${head.padEnd(24)}${spec.help}`]
        : [`  ${head}`, `${' '.repeat(26)}${spec.help}`];
    return [
      ...lines,
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
    '  npm run --silent plan -- --detect docker-compose.yml --detect .env --to 5.8.0',
  ];
  return `${[...usage, ...flags, ...footer].join('\n')}\n`;
}
