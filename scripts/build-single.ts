// `tsx scripts/build-single.ts`: the whole app as one HTML file for sites with no network and no
// web server. Open dist-single/tyk-upgrade-wizard.html straight from the disk.
//
// The build reuses vite.config.ts in its own mode (which leaves out the service worker), puts all
// code in one chunk, inlines every asset, and then moves the script and the stylesheet into
// index.html. The Content-Security-Policy stays strict: it allows exactly those two inline blocks,
// by their SHA-256 hashes, and nothing else.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
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

async function bundleInMemory(): Promise<Rolldown.RolldownOutput['output']> {
  const result = await build({
    root: repoRoot,
    configFile: join(repoRoot, 'vite.config.ts'),
    mode: singleFileMode,
    logLevel: 'warn',
    build: {
      outDir: singleFileDir,
      write: false,
      copyPublicDir: false,
      cssCodeSplit: false,
      // One chunk needs no preloading, so no preload helper either.
      modulePreload: false,
      assetsInlineLimit: Number.MAX_SAFE_INTEGER,
      rolldownOptions: { output: { codeSplitting: false } },
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

/** Script text that cannot end its <script> element early. */
export function escapeInlineScript(code: string): string {
  // `<\/script` means the same as `</script` in a string, template or regular expression.
  return normaliseNewlines(code).replace(/<\/(script)/gi, '<\\/$1');
}

/** Style text that cannot end its <style> element early. */
export function escapeInlineStyle(css: string): string {
  // In CSS `\/` is an escaped `/`.
  return normaliseNewlines(css).replace(/<\/(style)/gi, '<\\/$1');
}

export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
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

export async function assembleSingleFile(
  output: Rolldown.RolldownOutput['output'],
): Promise<string> {
  const chunks = output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  const assets = output.filter((item): item is Rolldown.OutputAsset => item.type === 'asset');
  const htmlAsset = assets.find((asset) => asset.fileName === 'index.html');
  const styles = assets.filter((asset) => asset.fileName.endsWith('.css'));
  const others = assets.filter((asset) => asset !== htmlAsset && !styles.includes(asset));
  const [entry, ...extraChunks] = chunks;
  const [style, ...extraStyles] = styles;
  if (!htmlAsset || !entry || !style)
    throw new Error('the build lacks index.html, its script or its CSS');
  const leftOver = [...extraChunks, ...extraStyles, ...others].map((item) => item.fileName);
  if (leftOver.length > 0)
    throw new Error(`files left outside the single file: ${leftOver.join(', ')}`);

  const script = escapeInlineScript(await inlinePublicReferences(entry.code));
  const css = escapeInlineStyle(
    typeof style.source === 'string' ? style.source : new TextDecoder().decode(style.source),
  );
  if (script.includes('\0') || css.includes('\0')) throw new Error('a NUL byte cannot be inlined');

  let html =
    typeof htmlAsset.source === 'string'
      ? htmlAsset.source
      : new TextDecoder().decode(htmlAsset.source);
  html = replaceOnce(html, /<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>/, (match) => {
    if (relativeFileName(match[1] ?? '') !== entry.fileName)
      throw new Error(`unexpected script ${match[1]}`);
    return `<script type="module">${script}</script>`;
  });
  html = replaceOnce(html, /<link\b[^>]*\brel="stylesheet"[^>]*>/, (match) => {
    if (!match[0].includes(`"./${style.fileName}"`))
      throw new Error(`unexpected stylesheet ${match[0]}`);
    return `<style>${css}</style>`;
  });
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
    html.replace(/<(script|style)>[\s\S]*?<\/\1>/g, ''),
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
