// Guards every file passes before it is parsed, and the masking that keeps secrets out of every
// message: a value read under a secret key is remembered, and every text the reader hands back
// has it replaced by ****.

/** Larger files are refused: a config, an export or a collector document is far smaller. */
export const maxFileChars = 4 * 1024 * 1024;
export const maxFiles = 100;
export const masked = '****';

export type TextProblem =
  | { readonly kind: 'empty'; readonly message: string }
  | { readonly kind: 'too-large'; readonly message: string }
  | { readonly kind: 'binary'; readonly message: string };

/** Why this text cannot be read at all, or null. */
export function textProblem(text: string): TextProblem | null {
  if (text.length > maxFileChars) {
    const megabytes = (text.length / (1024 * 1024)).toFixed(1);
    return {
      kind: 'too-large',
      message: `is ${megabytes} MB; files up to ${maxFileChars / (1024 * 1024)} MB are read. Give the one config file, export or collector output instead of a whole folder or log.`,
    };
  }
  if (text.trim() === '') return { kind: 'empty', message: 'is empty.' };
  if (looksBinary(text)) {
    return {
      kind: 'binary',
      message:
        'is binary data (an archive, an image or a compiled file?), not text. Give the file as text: a compose file, a config, or the output of a command.',
    };
  }
  return null;
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 8192);
  let odd = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    // Tab, line feed, form feed and carriage return are text; other C0 controls and the
    // replacement character (what undecodable bytes become) are not.
    const isControl = code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13;
    if (isControl || code === 0xfffd) odd++;
  }
  return odd > 8 && odd / sample.length > 0.05;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let index = 0; index < end; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}

// Keys whose values are secrets (config-risks.md §4), compared without case, "_", "-" or ".".
// Kept as text too: the collector's awk uses the same extended regular expressions.
export const secretKeyExpression =
  '(secret|password|passwd|licen[cs]e|apikey|rpckey|token|privatekey|orgid|credential|authkey|accesskey)|pass$|pwd$';
// The last part of a path that names a reference to a secret, not the secret itself.
export const secretReferenceExpression =
  '^(name|key|keyname|secretname|usesecretname|secretkeyref|sentinelkeyname|certificatesecretname)$';

const secretKeyPattern = /* @__PURE__ */ new RegExp(secretKeyExpression);
const secretReference = /* @__PURE__ */ new RegExp(secretReferenceExpression);

/** True when a key, an environment variable or a dotted path names a secret. */
export function isSecretKey(key: string): boolean {
  const last = (key.split('.').pop() ?? key).toLowerCase().replace(/[_\-[\]\d]/g, '');
  if (secretReference.test(last)) return false;
  return secretKeyPattern.test(key.toLowerCase().replace(/[_.\-[\]]/g, ''));
}

const urlCredentials = /([a-z][a-z0-9+.-]*:\/\/)([^@/\s"',]+)@/gi;
const keywordPassword = /\b(password|pwd|pass)(\s*=\s*)('[^']*'|"[^"]*"|[^\s"',;]+)/gi;

/** The text with credentials inside connection strings replaced by ****. */
export function maskCredentials(text: string): string {
  return text.replace(urlCredentials, `$1${masked}@`).replace(keywordPassword, `$1$2${masked}`);
}

/** Credentials a connection string holds, so they can be scrubbed wherever they appear. */
export function credentialsIn(text: string): readonly string[] {
  const found: string[] = [];
  for (const match of text.matchAll(urlCredentials)) {
    const userInfo = match[2] ?? '';
    found.push(userInfo);
    const colon = userInfo.indexOf(':');
    if (colon >= 0) found.push(userInfo.slice(colon + 1));
  }
  for (const match of text.matchAll(keywordPassword)) {
    found.push((match[3] ?? '').replace(/^['"]|['"]$/g, ''));
  }
  return found.filter((value) => value !== '' && value !== masked);
}

/** Collects secret values while files are read, then scrubs every text handed back. */
export class SecretScrubber {
  private readonly values = new Set<string>();

  /** Remembers a value read under a secret key. */
  remember(value: string): void {
    const trimmed = value.trim();
    // Very short values, switches and port-sized numbers would mangle ordinary text; nothing
    // handed back quotes a secret anyway, so these are never the only guard.
    if (trimmed.length < 3 || /^\*+$/.test(trimmed)) return;
    if (/^(true|false|yes|no|on|off|null|none)$/i.test(trimmed) || /^\d{1,5}$/.test(trimmed))
      return;
    this.values.add(trimmed);
  }

  /** Remembers the credentials inside a connection string. */
  rememberCredentials(text: string): void {
    for (const credential of credentialsIn(text)) this.remember(credential);
  }

  scrub(text: string): string {
    let result = maskCredentials(text);
    // Longest first, so a secret that contains another is replaced whole.
    const secrets = [...this.values].sort((a, b) => b.length - a.length);
    for (const secret of secrets) {
      if (result.includes(secret)) result = result.split(secret).join(masked);
    }
    return result;
  }
}

/** A value for a message: control characters replaced, cut to `limit` characters. */
export function shortText(value: string, limit = 60): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > limit ? `${clean.slice(0, limit)}…` : clean;
}
