// Values the commands read from the shell instead of the plan: secrets never appear in a plan, and
// per-site values the wizard does not ask for. Each is asked for by the step that first reads it,
// so the page that shows that step shows how to set it, and no variable is asked for in vain.
import { shellVariables, type ShellVariable } from '../catalog/shell-variables';
import { shellQuote as q } from '../shell';
import type { Command, Phase, Step } from '../types';
import { bash } from './commands';

// A use is `$NAME` or `${NAME`, the whole name: a longer name that starts with a catalogue name
// (`$TYK_SECRETS`) is not a use of it. Only the catalogue's names count.
const variableUse = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
const catalogueNames: ReadonlySet<string> = new Set(
  shellVariables.map((variable) => variable.name),
);

function commandsOf(step: Step): readonly Command[] {
  return [...step.commands, ...(step.verify?.commands ?? []), ...(step.rollback?.commands ?? [])];
}

/** The names a step's bash commands read, in the order they first appear. */
function namesReadBy(step: Step): readonly string[] {
  const used = new Set<string>();
  for (const command of commandsOf(step)) {
    if (command.lang !== 'bash' || !command.code.includes('$')) continue;
    for (const match of command.code.matchAll(variableUse)) {
      const name = match[1] ?? '';
      if (catalogueNames.has(name)) used.add(name);
    }
  }
  return [...used];
}

/** The catalogue variables the phases' bash commands read, in catalogue order. */
export function usedVariables(phases: readonly Phase[]): readonly ShellVariable[] {
  const used = new Set(phases.flatMap((phase) => phase.steps.flatMap(namesReadBy)));
  return shellVariables.filter((variable) => used.has(variable.name));
}

function askFor(variable: ShellVariable): Command {
  const prompt = q(`${variable.prompt}: `);
  const read = variable.isSecret
    ? `read -rsp ${prompt} ${variable.name} && echo`
    : `read -rp ${prompt} ${variable.name}`;
  const exported =
    variable.isOptional === true
      ? `{ [ -z "$${variable.name}" ] || export ${variable.name}; }`
      : `export ${variable.name}`;
  return bash(`${read} && ${exported}`, `Set ${variable.name}`);
}

function introduce(step: Step, variables: readonly ShellVariable[]): Step {
  const names = variables.map((variable) => variable.name);
  const listed =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
  const secret = variables.some((variable) => variable.isSecret);
  return {
    ...step,
    detail: `${step.detail} The first ${variables.length === 1 ? 'command asks' : 'commands ask'} for ${listed} in the terminal you upgrade from, so ${secret ? 'no secret is written into the plan or your shell history (secrets are not echoed)' : 'the plan does not guess them'}; later steps read ${names.length === 1 ? 'it' : 'them'} from the same shell.`,
    commands: [...variables.map(askFor), ...step.commands],
  };
}

/**
 * The phases with each catalogue variable asked for by the first step that reads it, ahead of
 * that step's own commands.
 */
export function introduceVariables(phases: readonly Phase[]): readonly Phase[] {
  const known = new Set<string>();
  return phases.map((phase) => ({
    ...phase,
    steps: phase.steps.map((step) => {
      const read = new Set(namesReadBy(step));
      const fresh = shellVariables.filter(
        (variable) => read.has(variable.name) && !known.has(variable.name),
      );
      fresh.forEach((variable) => known.add(variable.name));
      return fresh.length === 0 ? step : introduce(step, fresh);
    }),
  }));
}
