// Values the commands read from the shell instead of the plan: secrets never appear in a plan, and
// per-site values the wizard does not ask for. One step at the start asks for those the plan uses.
import { shellVariables, type ShellVariable } from '../catalog/shell-variables';
import { shellQuote as q } from '../shell';
import type { Command, Phase, Step } from '../types';
import { bash } from './commands';

const variableUse = /\$\{?([A-Z][A-Z0-9_]*)/g;

function commandsOf(step: Step): readonly Command[] {
  return [...step.commands, ...(step.verify?.commands ?? []), ...(step.rollback?.commands ?? [])];
}

/** The catalogue variables the phases' bash commands read, in catalogue order. */
export function usedVariables(phases: readonly Phase[]): readonly ShellVariable[] {
  const used = new Set<string>();
  for (const phase of phases) {
    for (const step of phase.steps) {
      for (const command of commandsOf(step)) {
        if (command.lang !== 'bash' || !command.code.includes('$')) continue;
        for (const match of command.code.matchAll(variableUse)) used.add(match[1] ?? '');
      }
    }
  }
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
  return bash(`${read} && ${exported}`);
}

/** The step that asks for the plan's variables, or null when it uses none. */
export function variablesStep(phases: readonly Phase[]): Step | null {
  const variables = usedVariables(phases);
  if (variables.length === 0) return null;
  return {
    id: 'set-variables',
    title: 'Set the values the commands read',
    detail: `The commands read ${variables.map((variable) => variable.name).join(', ')} from the shell, so no secret is written into the plan or your shell history. Run these in the terminal you upgrade from; secrets are not echoed.`,
    kind: 'prepare',
    commands: variables.map(askFor),
  };
}
