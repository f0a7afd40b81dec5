// YAML through the `yaml` package, with the line of every key kept for evidence and the line of
// the first error for messages. Never throws: the package's own exceptions become errors.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { JsonDocument, JsonValue } from './json-reader';

export type YamlReading =
  | { readonly ok: true; readonly documents: readonly JsonDocument[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

const maxAliasCount = 100;
const maxRecordedLines = 200_000;

export function readYaml(text: string): YamlReading {
  const lineCounter = new LineCounter();
  try {
    // YAML 1.2's core schema whatever the file declares: no tag turns a value into a Date (or any
    // other object), so every value reads back as plain text, numbers and booleans.
    const parsed = parseAllDocuments(text, {
      lineCounter,
      uniqueKeys: false,
      merge: true,
      schema: 'core',
      version: '1.2',
    });
    const documents = Array.isArray(parsed) ? parsed : [];
    const result: JsonDocument[] = [];
    for (const document of documents) {
      const error = document.errors[0];
      if (error !== undefined) {
        const line = error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line;
        return { ok: false, line, message: firstSentence(error.message) };
      }
      const value = toPlain(document.toJS({ maxAliasCount }));
      const lines = new Map<string, number>();
      const start = document.contents?.range?.[0];
      if (start !== undefined) lines.set('', lineCounter.linePos(start).line);
      if (document.contents !== null)
        recordLines(document.contents, '', lines, lineCounter, { count: 0 });
      result.push({ value, lines });
    }
    return { ok: true, documents: result };
  } catch (error) {
    const reason = error instanceof Error ? firstSentence(error.message) : 'could not be read.';
    return { ok: false, line: 1, message: reason };
  }
}

function firstSentence(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** YAML values as plain JSON-like data: dates and other tagged values become text. */
function toPlain(value: unknown, depth = 0): JsonValue {
  if (depth > 200) return null;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((item) => toPlain(item, depth + 1));
  if (value instanceof Map) {
    const record: Record<string, JsonValue> = {};
    for (const [key, item] of value) setKey(record, String(key), toPlain(item, depth + 1));
    return record;
  }
  if (value instanceof Set) return [...value].map((item) => toPlain(item, depth + 1));
  if (typeof value === 'object') {
    const record: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) setKey(record, key, toPlain(item, depth + 1));
    return record;
  }
  return String(value);
}

function setKey(record: Record<string, JsonValue>, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    record[key] = value;
  }
}

function recordLines(
  node: Node,
  path: string,
  lines: Map<string, number>,
  lineCounter: LineCounter,
  budget: { count: number },
): void {
  if (budget.count > maxRecordedLines) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      if (key === null) continue;
      const keyPath = path === '' ? key : `${path}.${key}`;
      const offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
      lines.set(keyPath, lineCounter.linePos(offset).line);
      budget.count++;
      if (pair.value !== null && typeof pair.value === 'object')
        recordLines(pair.value as Node, keyPath, lines, lineCounter, budget);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      if (item !== null && typeof item === 'object') {
        const range = (item as Node).range;
        if (range !== undefined && range !== null)
          lines.set(itemPath, lineCounter.linePos(range[0]).line);
        budget.count++;
        recordLines(item as Node, itemPath, lines, lineCounter, budget);
      }
    });
  }
}
