// A strict JSON reader that knows where things are: the line of every key (for evidence), the line
// of the first error, and whether the text simply stops (a truncated paste). It reads one value or
// a stream of values (`docker ps --format '{{json .}}'` prints one per line). Never throws.

export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export type JsonRecord = { readonly [key: string]: JsonValue };

export type JsonDocument = {
  readonly value: JsonValue;
  /** Line of each key and array item, by path: `storage.host`, `apis[3].api_definition`; `''` is the first line. */
  readonly lines: ReadonlyMap<string, number>;
};

export type JsonError = {
  readonly line: number;
  readonly message: string;
  /** The text ends inside a value: it was cut short. */
  readonly isTruncated: boolean;
};

export type JsonReading =
  | { readonly ok: true; readonly documents: readonly JsonDocument[] }
  | {
      readonly ok: false;
      readonly error: JsonError;
      /** Values read in full before the error (earlier lines of a stream). */
      readonly documents: readonly JsonDocument[];
    };

const maxDepth = 200;
// Sticky, so a number is matched where the reader stands without copying the rest of the text.
const numberPattern = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly message: string,
    readonly isTruncated: boolean,
  ) {}
}

/** A character for a message: printable ones quoted, others named. */
function shownCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 32 || code === 127) return 'a control character';
  if (code === 0xfffd) return 'an undecodable byte';
  return `"${ch}"`;
}

export function isJsonRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads every JSON value in `text`, one after another. */
export function readJson(text: string): JsonReading {
  const documents: JsonDocument[] = [];
  const reader = new Reader(text);
  try {
    reader.skipSpace();
    while (!reader.isAtEnd()) {
      const lines = new Map<string, number>();
      lines.set('', reader.lineHere());
      const value = reader.value('', lines, 0);
      documents.push({ value, lines });
      reader.skipSpace();
    }
    return { ok: true, documents };
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return {
        ok: false,
        error: {
          line: reader.lineOf(error.offset),
          message: error.message,
          isTruncated: error.isTruncated,
        },
        documents,
      };
    }
    return {
      ok: false,
      error: { line: reader.lineOf(0), message: 'could not be read as JSON.', isTruncated: false },
      documents,
    };
  }
}

class Reader {
  private offset = 0;
  private line = 1;
  private lineOffset = 0;

  constructor(private readonly text: string) {}

  isAtEnd(): boolean {
    return this.offset >= this.text.length;
  }

  lineOf(offset: number): number {
    let line = 1;
    for (let index = 0; index < offset && index < this.text.length; index++)
      if (this.text.charCodeAt(index) === 10) line++;
    return line;
  }

  /** The line the reader stands on; the empty path records where a document starts. */
  lineHere(): number {
    return this.currentLine();
  }

  private currentLine(): number {
    // Lines are counted as the reader moves, so recording a key's line costs nothing.
    while (this.lineOffset < this.offset) {
      if (this.text.charCodeAt(this.lineOffset) === 10) this.line++;
      this.lineOffset++;
    }
    return this.line;
  }

  skipSpace(): void {
    while (this.offset < this.text.length) {
      const ch = this.text.charCodeAt(this.offset);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 0xfeff) this.offset++;
      else break;
    }
  }

  private fail(message: string, offset = this.offset): never {
    throw new JsonSyntaxError(offset, message, false);
  }

  private failAtEnd(what: string): never {
    throw new JsonSyntaxError(this.text.length, `ends before ${what} is complete.`, true);
  }

  value(path: string, lines: Map<string, number>, depth: number): JsonValue {
    if (depth > maxDepth) this.fail(`is nested more than ${maxDepth} levels deep.`);
    this.skipSpace();
    if (this.isAtEnd()) this.failAtEnd('a value');
    const ch = this.text[this.offset];
    if (ch === '{') return this.object(path, lines, depth);
    if (ch === '[') return this.array(path, lines, depth);
    if (ch === '"') return this.string();
    if (ch === 't') return this.literal('true', true);
    if (ch === 'f') return this.literal('false', false);
    if (ch === 'n') return this.literal('null', null);
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    return this.fail(`has ${shownCharacter(ch ?? '')} where a value should start.`);
  }

  private object(path: string, lines: Map<string, number>, depth: number): JsonRecord {
    const opened = this.offset;
    this.offset++;
    const result: Record<string, JsonValue> = {};
    this.skipSpace();
    if (this.text[this.offset] === '}') {
      this.offset++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.isAtEnd()) this.failAtEnd(`the object opened on line ${this.lineOf(opened)}`);
      if (this.text[this.offset] !== '"') this.fail('has something other than a quoted key.');
      const keyLine = this.currentLine();
      const key = this.string();
      const keyPath = path === '' ? key : `${path}.${key}`;
      lines.set(keyPath, keyLine);
      this.skipSpace();
      if (this.isAtEnd()) this.failAtEnd(`the object opened on line ${this.lineOf(opened)}`);
      if (this.text[this.offset] !== ':') this.fail(`has no ":" after the key "${key}".`);
      this.offset++;
      const value = this.value(keyPath, lines, depth + 1);
      if (key === '__proto__') {
        // A plain assignment would change the object's prototype instead of adding a key.
        Object.defineProperty(result, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        result[key] = value;
      }
      this.skipSpace();
      if (this.isAtEnd()) this.failAtEnd(`the object opened on line ${this.lineOf(opened)}`);
      const next = this.text[this.offset];
      if (next === ',') {
        this.offset++;
        continue;
      }
      if (next === '}') {
        this.offset++;
        return result;
      }
      this.fail('misses a "," or "}" after a value.');
    }
  }

  private array(path: string, lines: Map<string, number>, depth: number): readonly JsonValue[] {
    const opened = this.offset;
    this.offset++;
    const result: JsonValue[] = [];
    this.skipSpace();
    if (this.text[this.offset] === ']') {
      this.offset++;
      return result;
    }
    for (;;) {
      const itemPath = `${path}[${result.length}]`;
      this.skipSpace();
      if (this.isAtEnd()) this.failAtEnd(`the list opened on line ${this.lineOf(opened)}`);
      lines.set(itemPath, this.currentLine());
      result.push(this.value(itemPath, lines, depth + 1));
      this.skipSpace();
      if (this.isAtEnd()) this.failAtEnd(`the list opened on line ${this.lineOf(opened)}`);
      const next = this.text[this.offset];
      if (next === ',') {
        this.offset++;
        continue;
      }
      if (next === ']') {
        this.offset++;
        return result;
      }
      this.fail('misses a "," or "]" after a value.');
    }
  }

  private string(): string {
    const opened = this.offset;
    this.offset++;
    let result = '';
    let start = this.offset;
    for (;;) {
      if (this.isAtEnd()) this.failAtEnd(`the text opened on line ${this.lineOf(opened)}`);
      const code = this.text.charCodeAt(this.offset);
      if (code === 34) {
        result += this.text.slice(start, this.offset);
        this.offset++;
        return result;
      }
      if (code === 92) {
        result += this.text.slice(start, this.offset);
        result += this.escape();
        start = this.offset;
        continue;
      }
      if (code < 32) {
        if (code === 10) this.fail('has a line break inside a quoted text.');
        this.fail('has a control character inside a quoted text.');
      }
      this.offset++;
    }
  }

  private escape(): string {
    const ch = this.text[this.offset + 1];
    if (ch === undefined) this.failAtEnd('an escape sequence');
    this.offset += 2;
    switch (ch) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u': {
        const hex = this.text.slice(this.offset, this.offset + 4);
        if (hex.length < 4) this.failAtEnd('an escape sequence');
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('has a broken \\u escape.');
        this.offset += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      default:
        return this.fail(`has an unknown escape "\\${ch}".`, this.offset - 2);
    }
  }

  private literal<T extends JsonValue>(word: string, value: T): T {
    const found = this.text.slice(this.offset, this.offset + word.length);
    if (found === word) {
      this.offset += word.length;
      return value;
    }
    if (word.startsWith(found) && this.offset + found.length >= this.text.length)
      this.failAtEnd(`"${word}"`);
    return this.fail(`has ${shownCharacter(found.charAt(0))} where a value should start.`);
  }

  private number(): number {
    numberPattern.lastIndex = this.offset;
    const match = numberPattern.exec(this.text);
    if (match === null) {
      if (this.offset + 1 >= this.text.length) this.failAtEnd('a number');
      return this.fail('has a malformed number.');
    }
    this.offset += match[0].length;
    return Number(match[0]);
  }
}
