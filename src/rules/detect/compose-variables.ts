// The variables a compose file is interpolated with (the env files given beside it that no service
// names as its env_file), and what they say about the image tags: the variable in a tag, where its
// value came from, and a conflict where the .env and the compose default differ.
import type { ComponentId } from '../types';
import { parseVersion } from '../versions';
import { interpolate, type VariableUse } from './env-file';
import type { observeImage } from './image-facts';
import { rank, type Observations } from './observations';
import type { EnvFileEntry } from './pool';
import { rememberSecrets } from './settings';
import type { SourcedValue } from './types';

export type Variable = { readonly value: string; readonly file: string; readonly line: number };

/** Variables for substitution: the env files given that no service names as its env_file. */
export function variablesFrom(
  composeFile: string,
  sources: readonly EnvFileEntry[],
  observations: Observations,
): ReadonlyMap<string, Variable> {
  const variables = new Map<string, Variable>();
  for (const source of sources) {
    for (const { name, value, line } of source.env.entries) {
      rememberSecrets(name, value, observations.scrubber);
      const earlier = variables.get(name);
      if (earlier !== undefined && earlier.value !== value && !isSecretName(name)) {
        observations.conflicts.push({
          field: `variables.${name}`,
          values: [
            { value: earlier.value, file: earlier.file, where: `line ${earlier.line} (${name})` },
            { value, file: source.file, where: `line ${line} (${name})` },
          ],
          chosen: value,
          message: `${name} is set in two files given with ${composeFile}; the later one, ${source.file}, was used. Compose reads only the .env in the project folder: check which one it is.`,
        });
      }
      variables.set(name, { value, file: source.file, line });
    }
  }
  return variables;
}

function isSecretName(name: string): boolean {
  return /secret|licen|pass|key|token/i.test(name);
}

/** The variable written in an image's tag: `tykio/tyk-gateway:${GATEWAY_VERSION:-v5.6.1}`. */
export function tagVariable(rawImage: string): string | null {
  const match = /:[\w.-]*(?:\$\{([A-Za-z_]\w*)(?:[:?+-][^}]*)?\}|\$([A-Za-z_]\w*))[\w.-]*$/.exec(
    rawImage,
  );
  return match === null ? null : (match[1] ?? match[2] ?? null);
}

/** How substitution treated the tag variable. */
export function lastUse(
  rawImage: string,
  variable: string,
  lookup: (name: string) => string | undefined,
): VariableUse | undefined {
  const result = interpolate(rawImage, lookup);
  if (!result.ok) return undefined;
  return [...result.uses].reverse().find((use) => use.name === variable);
}

export function tagContext(
  file: string,
  where: string,
  variable: string | null,
  use: VariableUse | undefined,
  variables: ReadonlyMap<string, Variable>,
  service: string,
): Parameters<typeof observeImage>[2] {
  const base = { file, where, rank: rank.declared };
  if (variable === null || use === undefined) return base;
  const given = variables.get(variable);
  if (use.source === 'variables' && given !== undefined) {
    return {
      ...base,
      versionSource: { file: given.file, where: `line ${given.line} (${variable})` },
      versionNote: `${variable} sets the tag of ${service} in ${file}`,
    };
  }
  if (use.source === 'default') {
    return {
      ...base,
      versionNote: `the default of \${${variable}}; ${variable} in the .env or the shell wins over it${variables.size > 0 ? ', and the files given do not set it' : ', and no .env was given'}`,
    };
  }
  return {
    ...base,
    versionNote: `${variable} is not set in the files given and has no default`,
  };
}

export function tagConflict(
  observations: Observations,
  file: string,
  where: string,
  component: ComponentId,
  variable: string,
  use: VariableUse,
  variables: ReadonlyMap<string, Variable>,
): void {
  const given = variables.get(variable);
  if (use.source !== 'variables' || given === undefined || use.defaultValue === null) return;
  if (use.defaultValue === given.value) return;
  const values: SourcedValue[] = [
    { value: given.value, file: given.file, where: `line ${given.line} (${variable})` },
    { value: use.defaultValue, file, where: `${where} (the default)` },
  ];
  const bare = parseVersion(given.value);
  observations.conflicts.push({
    field: `${component}.from`,
    values,
    chosen: bare.ok ? bare.version : given.value,
    message: `${variable} is ${given.value} in ${given.file} and defaults to ${use.defaultValue} in ${file}; Compose uses the .env value, ${given.value}. Make sure the .env given is the one next to the compose file.`,
  });
}
