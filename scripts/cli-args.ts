// How the plan CLI's command line becomes answers for `validate`. Pure: no I/O, so the tests call
// it directly.
//
// Parsing runs in two stages. `readFlags` (scripts/cli-flags.ts) turns argv into raw flag values
// using the flag table; `answersFromFlags` turns those values into the answers object. A shared
// link (`--link`) is the other source of answers: it is decoded here, and the flags that would also
// give answers are refused.
import {
  componentIds,
  componentsOf,
  decodePlanLink,
  findModel,
  models,
  nameFields,
  planeFields,
  shownValue,
  type ComponentId,
  type DeploymentModel,
  type FieldMessage,
  type NameId,
} from '@/rules/index';
import {
  flagSpecs,
  outputFormats,
  readFlags,
  type FlagName,
  type FlagValues,
  type OutputFormat,
} from './cli-flags';

type MutableVersionChange = { from?: string; to?: string };

/** The answers the CLI hands to `validate`. Values are passed as typed, so its messages name the field. */
export type CliAnswers = {
  readonly model?: string;
  readonly install?: string;
  readonly components?: readonly string[];
  /** Always set from flags alone; with --detect only when --go-plugins is given. */
  readonly usesGoPlugins?: boolean;
  readonly database?: string;
  readonly dataPlanes?: readonly Readonly<Record<string, string>>[];
  readonly gateway: Readonly<MutableVersionChange>;
  readonly pump?: Readonly<MutableVersionChange>;
  readonly mdcb?: Readonly<MutableVersionChange>;
  readonly strategy?: string;
  readonly downtimeMinutes?: number | string;
  readonly names?: Readonly<Record<string, string | number>>;
  readonly images?: Readonly<Record<string, string>>;
  readonly architecture?: string;
  readonly sharesDatabase?: boolean;
  readonly estimate?: {
    readonly instances?: Readonly<Record<string, string>>;
    readonly databaseGb?: string;
  };
};

/** Where the answers come from: the flags, or a shared link and what reading it replaced. */
type AnswerSource =
  | { readonly kind: 'flags'; readonly input: CliAnswers }
  | {
      readonly kind: 'link';
      readonly input: Readonly<Record<string, unknown>>;
      /** Values the link held that were unknown or malformed, and what stands in for them. */
      readonly problems: readonly FieldMessage[];
    };

/** How `--format link` writes the link. */
type LinkTarget = { readonly appUrl: string; readonly includeNames: boolean };

export const defaultAppUrl = 'http://localhost:5173/';

export type CliRequest =
  | { readonly ok: true; readonly command: 'help' }
  | {
      readonly ok: true;
      readonly command: 'plan';
      readonly source: AnswerSource;
      readonly format: OutputFormat;
      readonly linkTarget: LinkTarget;
      /** Files of `--detect`, whose answers the flags override; empty without it. */
      readonly detectFiles: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly FieldMessage[]; readonly format: OutputFormat };

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

export function defaultComponents(
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
        message: `--name ${shownValue(key)}: unknown key; use one of ${nameFields.map((candidate) => candidate.id).join(', ')}.`,
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
        message: `--name needs KEY=VALUE, as in --name gatewayPort=8080; got "${shownValue(pair)}".`,
      });
      continue;
    }
    setName(pair.slice(0, equals).trim(), pair.slice(equals + 1), '--name');
  }
  return names;
}

/**
 * The data planes of `--data-planes`, each with what `--plane NAME:KEY=VALUE` says of it;
 * `validate` judges the values themselves.
 */
function readPlanes(
  names: readonly string[],
  values: FlagValues,
  errors: FieldMessage[],
): Record<string, string>[] {
  const planes = names.map((name): Record<string, string> => ({ name }));
  for (const setting of values.get('--plane') ?? []) {
    const match = /^([^:=]+):([^=]+)=(.*)$/s.exec(setting);
    if (match === null) {
      errors.push({
        field: '--plane',
        message: `--plane needs NAME:KEY=VALUE, as in --plane eu-west:context=eu-prod; got "${shownValue(setting)}".`,
      });
      continue;
    }
    const [, rawName = '', rawKey = '', value = ''] = match;
    const name = rawName.trim();
    const key = rawKey.trim();
    const plane = planes.find((candidate) => candidate['name'] === name);
    if (plane === undefined) {
      errors.push({
        field: '--plane',
        message:
          names.length === 0
            ? `--plane ${shownValue(name)}: name the data planes with --data-planes first.`
            : `--plane: there is no data plane "${shownValue(name)}"; --data-planes names ${names.join(', ')}.`,
      });
      continue;
    }
    if (!planeFields.some((field) => field.id === key)) {
      errors.push({
        field: '--plane',
        message: `--plane: "${shownValue(key)}" is not a data plane setting; use one of ${planeFields.map((field) => field.id).join(', ')}.`,
      });
      continue;
    }
    if (value.trim() === '') {
      errors.push({
        field: '--plane',
        message: `--plane ${shownValue(name)}:${shownValue(key)}= gives no value; leave the flag out to keep the default.`,
      });
      continue;
    }
    if (key in plane) {
      errors.push({
        field: '--plane',
        message: `--plane: ${key} of data plane ${name} is given more than once.`,
      });
      continue;
    }
    plane[key] = value;
  }
  return planes;
}

/** `--image gateway=tykio/tyk-gateway-ee`, repeatable; `validate` judges the repository itself. */
function readImages(values: FlagValues, errors: FieldMessage[]): Record<string, string> {
  const images: Record<string, string> = {};
  for (const pair of values.get('--image') ?? []) {
    const equals = pair.indexOf('=');
    const component = equals <= 0 ? '' : pair.slice(0, equals).trim();
    if (!(componentIds as readonly string[]).includes(component)) {
      errors.push({
        field: '--image',
        message: `--image needs COMPONENT=REPOSITORY with a component of ${componentIds.join(', ')}, as in --image gateway=tykio/tyk-gateway-ee; got "${shownValue(pair)}".`,
      });
      continue;
    }
    if (component in images) {
      errors.push({ field: '--image', message: `--image: ${component} is given more than once.` });
      continue;
    }
    images[component] = pair.slice(equals + 1);
  }
  return images;
}

/** `--instances gateway=3`, repeatable, and `--database-gb 20`; `validate` judges the numbers. */
function readEstimate(values: FlagValues, errors: FieldMessage[]): CliAnswers['estimate'] {
  const instances: Record<string, string> = {};
  for (const pair of values.get('--instances') ?? []) {
    const equals = pair.indexOf('=');
    const component = equals <= 0 ? '' : pair.slice(0, equals).trim();
    if (!(componentIds as readonly string[]).includes(component)) {
      errors.push({
        field: '--instances',
        message: `--instances needs COMPONENT=COUNT with a component of ${componentIds.join(', ')}, as in --instances gateway=3; got "${shownValue(pair)}".`,
      });
      continue;
    }
    if (component in instances) {
      errors.push({
        field: '--instances',
        message: `--instances: ${component} is given more than once.`,
      });
      continue;
    }
    instances[component] = pair.slice(equals + 1);
  }
  const databaseGb = first(values, '--database-gb');
  if (Object.keys(instances).length === 0 && databaseGb === undefined) return undefined;
  return {
    ...(Object.keys(instances).length === 0 ? {} : { instances }),
    ...(databaseGb === undefined ? {} : { databaseGb }),
  };
}

/**
 * Stage two: flag values into answers. Defaults that depend on the model are filled in here,
 * except beside `--detect` (`isDetecting`): then only what was given goes in, so the flags
 * override the files field by field and leave the rest to them.
 */
function answersFromFlags(
  values: FlagValues,
  isDetecting: boolean,
): {
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
  // The database and the strategy default where every source of answers defaults them: validate.
  const database = first(values, '--database');
  const dataPlanes = first(values, '--data-planes');
  const strategy = first(values, '--strategy');
  const window = first(values, '--window');
  const names = readNames(values, errors);
  const images = readImages(values, errors);
  const architecture = first(values, '--arch');
  const estimate = readEstimate(values, errors);
  const hasPumpVersions = pumpFrom !== undefined || pumpTo !== undefined;
  const hasMdcbVersions = mdcbFrom !== undefined || mdcbTo !== undefined;

  const input: CliAnswers = {
    ...(model === undefined ? {} : { model }),
    ...(install === undefined ? {} : { install }),
    ...(componentList !== undefined
      ? { components: list(componentList) }
      : isDetecting
        ? {}
        : { components: defaultComponents(modelEntry, hasPumpVersions) }),
    ...(isDetecting && !values.has('--go-plugins')
      ? {}
      : { usesGoPlugins: values.has('--go-plugins') }),
    ...(database === undefined ? {} : { database }),
    ...(dataPlanes === undefined && !values.has('--plane')
      ? {}
      : {
          dataPlanes: readPlanes(dataPlanes === undefined ? [] : list(dataPlanes), values, errors),
        }),
    gateway: versionChange(first(values, '--from'), first(values, '--to')),
    ...(hasPumpVersions ? { pump: versionChange(pumpFrom, pumpTo) } : {}),
    ...(hasMdcbVersions ? { mdcb: versionChange(mdcbFrom, mdcbTo) } : {}),
    ...(strategy === undefined ? {} : { strategy }),
    ...(window === undefined
      ? {}
      : { downtimeMinutes: /^\d+$/.test(window.trim()) ? Number(window.trim()) : window }),
    ...(Object.keys(names).length === 0 ? {} : { names }),
    ...(Object.keys(images).length === 0 ? {} : { images }),
    ...(architecture === undefined ? {} : { architecture }),
    ...(values.has('--shared-database') ? { sharesDatabase: true } : {}),
    ...(estimate === undefined ? {} : { estimate }),
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
      message: `--format "${shownValue(raw)}" is not one of ${outputFormats.join(', ')}.`,
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
      message: `--app-url "${shownValue(appUrl)}" is not a full address such as https://tools.example.com/tyk-upgrade-wizard/.`,
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
  const detectFiles = read.values.get('--detect') ?? [];
  if (link !== undefined && detectFiles.length > 0)
    errors.push({
      field: '--detect',
      message: '--detect cannot be combined with --link: the link carries every answer.',
    });
  let source: AnswerSource;
  if (link === undefined) {
    const answers = answersFromFlags(read.values, detectFiles.length > 0);
    errors.push(...answers.errors);
    source = { kind: 'flags', input: answers.input };
  } else {
    source = sourceFromLink(link, read.values, errors);
  }
  if (errors.length > 0) return { ok: false, errors, format };
  return { ok: true, command: 'plan', source, format, linkTarget, detectFiles };
}
