// Every YAML snippet a plan shows is parsed by a real YAML parser, as the user's tools would read
// it after pasting. (JSON snippets are parsed in plan-matrix.suite.ts.)
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { commandsOf, matrixCases } from './test-support/matrix-plans';

/** Each distinct YAML snippet of the matrix, with the first plan and step that show it. */
function yamlSnippets(): ReadonlyMap<string, string> {
  const snippets = new Map<string, string>();
  for (const { plan, name } of matrixCases()) {
    for (const step of plan.phases.flatMap((phase) => phase.steps)) {
      for (const command of commandsOf(step)) {
        if (command.lang === 'yaml' && !snippets.has(command.code))
          snippets.set(command.code, `${step.id} in ${name}`);
      }
    }
  }
  return snippets;
}

function isNonEmptyMapping(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0
  );
}

/** The path of the first empty value (`key:` with nothing after it), or null when there is none. */
function emptyValuePath(value: unknown, path: string): string | null {
  if (value === null || value === undefined) return path;
  if (typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = emptyValuePath(inner, path === '' ? key : `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}

function yamlProblem(code: string): string | null {
  // Duplicate keys are errors by default, as they are for Helm and Kubernetes.
  const document = parseDocument(code, { prettyErrors: false });
  const problems = [...document.errors, ...document.warnings].map((problem) => problem.message);
  if (problems.length > 0) return problems.join('; ');
  const value: unknown = document.toJS();
  if (!isNonEmptyMapping(value)) return 'not a non-empty mapping';
  const empty = emptyValuePath(value, '');
  return empty === null ? null : `${empty} has no value`;
}

describe('the YAML check itself', () => {
  it.each([
    ['a nested mapping', 'services:\n  gateway:\n    image: tykio/tyk-gateway:v5.3.0', null],
    ['a duplicate key', 'image: a\nimage: b', 'unique'],
    ['a key with no value', 'gateway:\n  image:', 'gateway.image has no value'],
    ['a list', '- a\n- b', 'not a non-empty mapping'],
    ['a bare scalar', 'image', 'not a non-empty mapping'],
    ['broken indentation', 'a:\n  b: 1\n c: 2', 'same column'],
  ])('%s', (_name, code, expected) => {
    const problem = yamlProblem(code);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});

describe('YAML commands over the input matrix', () => {
  const snippets = yamlSnippets();

  it('the matrix has YAML commands to check', () => {
    expect(snippets.size).toBeGreaterThan(0);
  });

  it('every one parses without errors or warnings into a non-empty mapping with no empty value', () => {
    const failures: string[] = [];
    for (const [code, where] of snippets) {
      const problem = yamlProblem(code);
      if (problem !== null) failures.push(`${where}: ${problem}\n${code}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
