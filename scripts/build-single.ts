// `tsx scripts/build-single.ts`: the whole app as one HTML file for sites with no network and no
// web server. Open dist-single/tyk-upgrade-wizard.html straight from the disk.
//
// The build reuses vite.config.ts in its own mode (which leaves out the service worker);
// vite-plugin-singlefile puts all code in one chunk, inlines every asset and moves the script and
// the stylesheet into index.html. What is left is done here: the icon from public/ becomes a data:
// URI, and the Content-Security-Policy stays strict: it allows exactly those two inline blocks, by
// their SHA-256 hashes, and nothing else.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, createLogger, type Logger, type Rolldown } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { cspHash } from './vite-plugin-inline-css';
import { singleFileMode } from './vite-plugin-offline';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const singleFileDir = join(repoRoot, 'dist-single');
export const singleFilePath = join(singleFileDir, 'tyk-upgrade-wizard.html');

const dataUriTypes: ReadonlyMap<string, string> = new Map([
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.webp', 'image/webp'],
]);

type SingleFileResult = {
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
};

function isRolldownOutput(value: unknown): value is Rolldown.RolldownOutput {
  return typeof value === 'object' && value !== null && 'output' in value;
}

function quietAboutPolicy(logger: Logger): Logger {
  return {
    ...logger,
    warn: (message, options) => {
      if (!message.includes('vite:singlefile') || !message.includes('Content-Security-Policy'))
        logger.warn(message, options);
    },
  };
}

async function bundleInMemory(): Promise<Rolldown.RolldownOutput['output']> {
  const result = await build({
    root: repoRoot,
    configFile: join(repoRoot, 'vite.config.ts'),
    mode: singleFileMode,
    logLevel: 'warn',
    plugins: [viteSingleFile()],
    // The plugin warns that the policy blocks inline code; the hashes added below allow it.
    customLogger: quietAboutPolicy(createLogger('warn')),
    build: {
      outDir: singleFileDir,
      write: false,
      copyPublicDir: false,
      // One chunk needs no preloading, so no preload helper either.
      modulePreload: false,
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const [first, ...rest] = outputs;
  if (!isRolldownOutput(first) || rest.length > 0) {
    throw new Error('expected exactly one build output from Vite');
  }
  return first.output;
}

// The HTML parser turns CR LF into LF before a hash is taken, so do it first; in JS and CSS a raw
// CR can only sit where a LF means the same.
function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The policy with its script-src and style-src replaced; the other directives stay as they are. */
export function rewritePolicy(policy: string, scriptSource: string, styleSource: string): string {
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '');
  const replaced = new Map([
    ['script-src', `script-src ${scriptSource}`],
    ['style-src', `style-src ${styleSource}`],
  ]);
  const kept = directives.map((directive) => {
    const name = directive.split(/\s+/)[0] ?? '';
    const replacement = replaced.get(name);
    replaced.delete(name);
    return replacement ?? directive;
  });
  return [...kept, ...replaced.values()].join('; ');
}

function relativeFileName(reference: string): string {
  return reference.replace(/^\.\//, '');
}

function replaceOnce(
  html: string,
  pattern: RegExp,
  replacement: (match: RegExpExecArray) => string,
): string {
  const match = pattern.exec(html);
  if (!match) throw new Error(`index.html has no match for ${pattern.source}`);
  // A function, not a string, so `$` in the inlined code is never read as a replacement pattern.
  return (
    html.slice(0, match.index) + replacement(match) + html.slice(match.index + match[0].length)
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Components may point at a file in public/ by its relative URL (a logo, say). With no folder
// around the page such a file cannot load, so every quoted `./<file>` of an image in public/
// becomes the file's data: URI.
export async function inlinePublicReferences(code: string): Promise<string> {
  const publicDir = join(repoRoot, 'public');
  if (!existsSync(publicDir)) return code;
  let inlined = code;
  for (const name of await readdir(publicDir)) {
    if (!dataUriTypes.has(extname(name).toLowerCase())) continue;
    const quoted = new RegExp(`(["'\`])\\./${escapeRegExp(name)}\\1`, 'g');
    if (inlined.search(quoted) === -1) continue;
    const dataUri = await inlinePublicFile(`./${name}`);
    inlined = inlined.replace(quoted, (_match, quote: string) => `${quote}${dataUri}${quote}`);
  }
  return inlined;
}

async function inlinePublicFile(reference: string): Promise<string> {
  const type = dataUriTypes.get(extname(reference).toLowerCase());
  const file = join(repoRoot, 'public', relativeFileName(reference));
  if (!type || !existsSync(file)) throw new Error(`cannot inline ${reference} as a data: URI`);
  const contents = await readFile(file);
  return `data:${type};base64,${contents.toString('base64')}`;
}

// The one inline script and the one inline style the plugin wrote. The plugin escapes `</script>`
// in the code; an end tag it missed (`</SCRIPT`, `</style` in CSS) is refused below.
const inlineScript = /(<script\b[^>]*>)([\s\S]*?)<\/script>/;
const inlineStyle = /(<style\b[^>]*>)([\s\S]*?)<\/style>/;

export async function assembleSingleFile(
  output: Rolldown.RolldownOutput['output'],
): Promise<string> {
  const htmlAsset = output.find(
    (item): item is Rolldown.OutputAsset => item.type === 'asset' && item.fileName === 'index.html',
  );
  if (htmlAsset === undefined) throw new Error('the build lacks index.html');
  const others = output.filter((item) => item !== htmlAsset);
  if (others.length > 0) {
    const names = others.map((item) => item.fileName).join(', ');
    throw new Error(`files left outside the single file: ${names}`);
  }

  let html =
    typeof htmlAsset.source === 'string'
      ? htmlAsset.source
      : new TextDecoder().decode(htmlAsset.source);
  if (html.includes('\0')) throw new Error('a NUL byte cannot be inlined');
  for (const tag of ['script', 'style']) {
    const ends = html.match(new RegExp(`</${tag}`, 'gi'))?.length ?? 0;
    if (ends !== 1) throw new Error(`index.html has ${ends} </${tag}> end tags instead of one`);
  }
  let script = '';
  html = replaceOnce(html, inlineScript, (match) => {
    if (!/\btype="module"/.test(match[1] ?? '')) throw new Error(`unexpected script ${match[1]}`);
    script = normaliseNewlines(match[2] ?? '');
    // crossorigin means nothing to an inline script.
    return `<script type="module">${script}</script>`;
  });
  let css = '';
  html = replaceOnce(html, inlineStyle, (match) => {
    css = normaliseNewlines(match[2] ?? '');
    return `<style>${css}</style>`;
  });
  const inlined = await inlinePublicReferences(script);
  if (inlined !== script) {
    html = replaceOnce(html, inlineScript, () => `<script type="module">${inlined}</script>`);
    script = inlined;
  }
  const icon = /<link\b[^>]*\brel="icon"[^>]*\bhref="([^"]+)"[^>]*>/.exec(html);
  if (icon?.[1]) {
    const dataUri = await inlinePublicFile(icon[1]);
    html = replaceOnce(html, /<link\b[^>]*\brel="icon"[^>]*>/, (match) =>
      match[0].replace(`href="${icon[1]}"`, () => `href="${dataUri}"`),
    );
  }
  html = replaceOnce(
    html,
    /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*\/?>/,
    (match) => {
      const policy = rewritePolicy(decodeAttribute(match[1] ?? ''), cspHash(script), cspHash(css));
      return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
    },
  );

  // Nothing may point at a file any more: the page is opened with no folder around it.
  const reference = /\b(?:src|href)="(?!data:|#)([^"]+)"/.exec(
    html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, ''),
  );
  if (reference) throw new Error(`index.html still refers to ${reference[1]}`);
  return html;
}

export async function buildSingleFile(): Promise<SingleFileResult> {
  const html = await assembleSingleFile(await bundleInMemory());
  await mkdir(singleFileDir, { recursive: true });
  // Write beside it and rename, so a reader (say, a parallel test worker) never sees half a file.
  const partial = `${singleFilePath}.${process.pid}.partial`;
  await writeFile(partial, html);
  await rename(partial, singleFilePath);
  const bytes = Buffer.byteLength(html);
  return { path: singleFilePath, bytes, gzipBytes: gzipSync(html, { level: 9 }).length };
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { path, bytes, gzipBytes } = await buildSingleFile();
    process.stdout.write(`${path}: ${kilobytes(bytes)} (${kilobytes(gzipBytes)} gzipped)\n`);
  } catch (error) {
    process.stderr.write(
      `build-single: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
