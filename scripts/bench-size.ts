// `tsx scripts/bench-size.ts [dist]` after `npm run build`: how many gzipped bytes the app costs.
//
// "Named by index.html" is the entry script of index.html with every chunk it imports statically
// (and any modulepreload), plus the linked CSS: the least a visit can fetch. What the landing page
// really fetches, lazy chunks included, is measured in the browser (scripts/bench-first-load.ts),
// and the first-load goal is judged there.
// Everything is every file in the build. Each lazily loaded chunk (a guide, say) is listed with
// its own size and with the chunks it pulls in that the first load did not already bring.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, posix, relative, resolve, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseSync } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export type FileSize = {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
};

export type SizeTotal = {
  readonly files: number;
  readonly bytes: number;
  readonly gzipBytes: number;
};

export type LazyChunkSize = {
  /** The chunk's name without its content hash, e.g. `about` for assets/about-CKUG0D6U.js. */
  readonly name: string;
  readonly file: string;
  readonly gzipBytes: number;
  /** This chunk plus the chunks it imports that the first load does not already bring. */
  readonly withImportsGzipBytes: number;
};

export type SizeReport = {
  readonly distDir: string;
  readonly firstLoad: {
    readonly js: SizeTotal;
    readonly css: SizeTotal;
    readonly files: readonly FileSize[];
  };
  readonly everything: {
    readonly js: SizeTotal;
    readonly css: SizeTotal;
    readonly other: SizeTotal;
  };
  readonly lazyChunks: readonly LazyChunkSize[];
};

type ChunkLinks = { readonly staticImports: string[]; readonly dynamicImports: string[] };

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function attributeOf(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

// Paths in the build are relative to dist/: `./assets/x.js` and `/assets/x.js` both mean assets/x.js.
function fromHtml(reference: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith('//')) return undefined;
  return posix.normalize(reference.replace(/^\.?\//, ''));
}

/** What index.html loads before anything renders: module scripts, modulepreloads, stylesheets. */
export function firstLoadReferences(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const isScript = /^<script/i.test(tag);
    const rel = attributeOf(tag, 'rel');
    const reference = isScript ? attributeOf(tag, 'src') : attributeOf(tag, 'href');
    const path = reference === undefined ? undefined : fromHtml(reference);
    if (path === undefined) continue;
    if ((isScript && attributeOf(tag, 'type') === 'module') || rel === 'modulepreload') {
      scripts.push(path);
    } else if (rel === 'stylesheet') {
      styles.push(path);
    }
  }
  return { scripts, styles };
}

function stringLiteralValue(source: string): string | undefined {
  const match = /^(['"`])(.*)\1$/s.exec(source.trim());
  if (!match?.[2] || (match[1] === '`' && match[2].includes('${'))) return undefined;
  return match[2];
}

function resolveImport(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return undefined;
  if (specifier.startsWith('/')) return fromHtml(specifier);
  return posix.normalize(posix.join(posix.dirname(fromFile), specifier));
}

/** The chunks a chunk imports statically (imports and re-exports) and lazily (import()). */
export function chunkLinks(file: string, code: string): ChunkLinks {
  const { module } = parseSync(file, code, { sourceType: 'module' });
  const staticSpecifiers = [
    ...module.staticImports.map((statement) => statement.moduleRequest.value),
    ...module.staticExports.flatMap((statement) =>
      statement.entries.flatMap((entry) =>
        entry.moduleRequest ? [entry.moduleRequest.value] : [],
      ),
    ),
  ];
  const dynamicSpecifiers = module.dynamicImports.flatMap((expression) => {
    const value = stringLiteralValue(
      code.slice(expression.moduleRequest.start, expression.moduleRequest.end),
    );
    return value === undefined ? [] : [value];
  });
  const resolved = (specifiers: string[]) =>
    specifiers.flatMap((specifier) => resolveImport(file, specifier) ?? []);
  return {
    staticImports: resolved(staticSpecifiers),
    dynamicImports: resolved(dynamicSpecifiers),
  };
}

function chunkName(file: string): string {
  return posix
    .basename(file)
    .replace(/\.[cm]?js$/, '')
    .replace(/-[\w-]{8}$/, '');
}

function total(sizes: readonly FileSize[]): SizeTotal {
  return {
    files: sizes.length,
    bytes: sizes.reduce((sum, size) => sum + size.bytes, 0),
    gzipBytes: sizes.reduce((sum, size) => sum + size.gzipBytes, 0),
  };
}

export async function measureSize(distDir: string = join(repoRoot, 'dist')): Promise<SizeReport> {
  const root = resolve(distDir);
  const files = await listFiles(root);
  const sizes = new Map<string, FileSize>();
  for (const file of files) {
    const contents = await readFile(join(root, file));
    sizes.set(file, {
      file,
      bytes: contents.length,
      gzipBytes: gzipSync(contents, { level: 9 }).length,
    });
  }
  const sizeOf = (file: string): FileSize => {
    const size = sizes.get(file);
    if (!size) throw new Error(`${file} is referenced but not in ${root}`);
    return size;
  };

  const links = new Map<string, ChunkLinks>();
  const linksOf = async (file: string): Promise<ChunkLinks> => {
    const known = links.get(file);
    if (known) return known;
    sizeOf(file);
    const found = chunkLinks(file, await readFile(join(root, file), 'utf8'));
    links.set(file, found);
    return found;
  };
  // Every chunk the given ones import statically, directly or not, themselves included.
  const staticClosure = async (start: readonly string[]): Promise<Set<string>> => {
    const seen = new Set<string>();
    const pending = [...start];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      pending.push(...(await linksOf(file)).staticImports);
    }
    return seen;
  };

  const html = await readFile(join(root, 'index.html'), 'utf8');
  const references = firstLoadReferences(html);
  const firstLoadJs = await staticClosure(references.scripts);
  const firstLoadCss = new Set(references.styles);
  for (const file of firstLoadCss) sizeOf(file);

  // Lazy chunks are found from the first load outwards, so a lazy chunk of a lazy chunk counts too.
  const lazyChunks: LazyChunkSize[] = [];
  const visited = new Set<string>(firstLoadJs);
  const toVisit = [...firstLoadJs];
  for (let file = toVisit.pop(); file !== undefined; file = toVisit.pop()) {
    for (const lazy of (await linksOf(file)).dynamicImports) {
      if (visited.has(lazy)) continue;
      visited.add(lazy);
      const closure = await staticClosure([lazy]);
      const added = [...closure].filter((chunk) => !firstLoadJs.has(chunk));
      lazyChunks.push({
        name: chunkName(lazy),
        file: lazy,
        gzipBytes: sizeOf(lazy).gzipBytes,
        withImportsGzipBytes: total(added.map(sizeOf)).gzipBytes,
      });
      toVisit.push(...closure);
    }
  }
  lazyChunks.sort((a, b) => a.name.localeCompare(b.name) || a.file.localeCompare(b.file));

  const all = [...sizes.values()];
  const isJs = (size: FileSize) => /\.[cm]?js$/.test(size.file);
  const isCss = (size: FileSize) => size.file.endsWith('.css');
  const firstLoadJsTotal = total([...firstLoadJs].sort().map(sizeOf));
  return {
    distDir: root,
    firstLoad: {
      js: firstLoadJsTotal,
      css: total([...firstLoadCss].map(sizeOf)),
      files: [...firstLoadJs, ...firstLoadCss].sort().map(sizeOf),
    },
    everything: {
      js: total(all.filter(isJs)),
      css: total(all.filter(isCss)),
      other: total(all.filter((size) => !isJs(size) && !isCss(size))),
    },
    lazyChunks,
  };
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function formatSizeReport(report: SizeReport): string {
  const rows: [string, string, string][] = [
    ['What', 'Raw', 'Gzip -9'],
    [
      'JS named by index.html',
      kilobytes(report.firstLoad.js.bytes),
      kilobytes(report.firstLoad.js.gzipBytes),
    ],
    [
      'CSS named by index.html',
      kilobytes(report.firstLoad.css.bytes),
      kilobytes(report.firstLoad.css.gzipBytes),
    ],
    ['All JS', kilobytes(report.everything.js.bytes), kilobytes(report.everything.js.gzipBytes)],
    ['All CSS', kilobytes(report.everything.css.bytes), kilobytes(report.everything.css.gzipBytes)],
    [
      'All other files',
      kilobytes(report.everything.other.bytes),
      kilobytes(report.everything.other.gzipBytes),
    ],
    ...report.lazyChunks.map((chunk): [string, string, string] => [
      `Lazy: ${chunk.name}`,
      chunk.withImportsGzipBytes === chunk.gzipBytes
        ? ''
        : `with imports ${kilobytes(chunk.withImportsGzipBytes)}`,
      kilobytes(chunk.gzipBytes),
    ]),
  ];
  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  const lines = rows.map(([what, raw, gzip]) =>
    [what.padEnd(widths[0] ?? 0), raw.padStart(widths[1] ?? 0), gzip.padStart(widths[2] ?? 0)].join(
      '  ',
    ),
  );
  return `${lines.join('\n')}\n`;
}

export async function writeSizeReport(report: SizeReport): Promise<string> {
  const directory = join(repoRoot, 'bench-results');
  await mkdir(directory, { recursive: true });
  const path = join(directory, 'size.json');
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const distDir = resolve(process.argv[2] ?? join(repoRoot, 'dist'));
  if (!existsSync(join(distDir, 'index.html'))) {
    process.stderr.write(
      `bench-size: ${distDir}/index.html is missing; run \`npm run build\` first.\n`,
    );
    process.exit(1);
  }
  const report = await measureSize(distDir);
  process.stdout.write(formatSizeReport(report));
  process.stdout.write(`Written to ${await writeSizeReport(report)}\n`);
}
