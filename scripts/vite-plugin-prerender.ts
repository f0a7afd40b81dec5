import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type AliasOptions, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
import { singleFileMode } from './vite-plugin-offline.ts';

// At build time, renders the first screen of the app (the shell with the landing page) to static
// HTML and puts it into the empty root element of index.html. The browser then paints the page
// from the HTML and the stylesheet alone, before any script has run; the app's createRoot replaces
// the markup with the same elements when it starts.
//
// The markup comes from a module of the app (`render(): string`), bundled by Vite for Node with the
// same aliases as the app. It must stay within the Content-Security-Policy of the build: no inline
// script and no inline style.

const emptyRoot = '<div id="root"></div>';

const imageTypes: ReadonlyMap<string, string> = new Map([
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.webp', 'image/webp'],
]);

export type PrerenderOptions = {
  /** The module that renders the markup, as a path from the project root: `/src/…`. */
  readonly entry: string;
  /** The app's resolve.alias, so the entry imports what the app imports. */
  readonly alias: AliasOptions;
};

type RenderModule = { readonly render: () => unknown };

function isRenderModule(value: unknown): value is RenderModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    'render' in value &&
    typeof value.render === 'function'
  );
}

function isRolldownOutput(value: unknown): value is Rolldown.RolldownOutput {
  return typeof value === 'object' && value !== null && 'output' in value;
}

// The entry is bundled for Node with React and everything else inside it, then imported from a
// temporary file. Its React is then its own: a script that runs this build may already have
// loaded React in another mode (the development build, say), and React refuses to mix the two.
async function bundleEntry(root: string, options: PrerenderOptions): Promise<string> {
  const result = await build({
    configFile: false,
    envFile: false,
    root,
    mode: 'production',
    logLevel: 'error',
    resolve: { alias: options.alias },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: options.entry,
      write: false,
      minify: false,
      copyPublicDir: false,
      rolldownOptions: { output: { format: 'es', codeSplitting: false } },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const [first, ...rest] = outputs;
  if (!isRolldownOutput(first) || rest.length > 0) {
    throw new Error(`expected exactly one bundle of ${options.entry}`);
  }
  const chunks = first.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  const [chunk, ...extraChunks] = chunks;
  if (!chunk || extraChunks.length > 0) {
    throw new Error(`expected ${options.entry} to bundle into one chunk`);
  }
  return chunk.code;
}

async function renderEntry(root: string, options: PrerenderOptions): Promise<string> {
  const code = await bundleEntry(root, options);
  const directory = await mkdtemp(join(tmpdir(), 'tyk-prerender-'));
  try {
    const file = join(directory, 'prerender-entry.mjs');
    await writeFile(file, code);
    const loaded: unknown = await import(pathToFileURL(file).href);
    if (!isRenderModule(loaded)) throw new Error(`${options.entry} exports no render function`);
    const markup = loaded.render();
    if (typeof markup !== 'string' || markup === '') {
      throw new Error(`render() of ${options.entry} returned no markup`);
    }
    return markup;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Throws on anything in the markup that the policy (script-src and style-src 'self') blocks. */
function checkMarkup(markup: string): void {
  // Text cannot hold a raw `<`, so `<[^>]*` stays within one tag.
  if (/<script\b/i.test(markup)) throw new Error('the prerendered markup contains a <script>');
  if (/<style\b/i.test(markup)) throw new Error('the prerendered markup contains a <style>');
  if (/<[^>]*\sstyle\s*=/i.test(markup)) {
    throw new Error('the prerendered markup has a style attribute');
  }
  if (/<[^>]*\son[a-z]+\s*=/i.test(markup)) {
    throw new Error('the prerendered markup has an inline event handler');
  }
}

/** index.html with the markup inside its root element, which must be there and empty. */
function injectIntoRoot(html: string, markup: string): string {
  const at = html.indexOf(emptyRoot);
  if (at === -1 || html.indexOf(emptyRoot, at + 1) !== -1) {
    throw new Error(`index.html must contain ${emptyRoot} exactly once`);
  }
  const opening = emptyRoot.slice(0, -'</div>'.length);
  // Sliced, not String.replace: a `$` in the markup is never read as a replacement pattern.
  return `${html.slice(0, at)}${opening}${markup}</div>${html.slice(at + emptyRoot.length)}`;
}

// The one-file build is opened with no folder around it, so an image from the public folder that
// the markup points at (the logo) becomes a data: URI, as the app's script does there too.
async function inlinePublicImages(markup: string, publicDir: string): Promise<string> {
  let inlined = markup;
  for (const match of markup.matchAll(/\bsrc="\.\/([^"/]+)"/g)) {
    const name = match[1] ?? '';
    const type = imageTypes.get(extname(name).toLowerCase());
    const file = join(publicDir, name);
    if (!type || publicDir === '' || !existsSync(file)) continue;
    const dataUri = `data:${type};base64,${(await readFile(file)).toString('base64')}`;
    inlined = inlined.split(match[0]).join(`src="${dataUri}"`);
  }
  return inlined;
}

/** Prerenders the first screen of the app into index.html on every build. */
export function prerender(options: PrerenderOptions): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'tyk-prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      // After Vite has added the script and stylesheet tags, and before the service worker
      // plugin hashes the written index.html.
      order: 'post',
      async handler(html) {
        if (!config) throw new Error('the prerender plugin ran before its config was resolved');
        const rendered = await renderEntry(config.root, options);
        const markup =
          config.mode === singleFileMode
            ? await inlinePublicImages(rendered, config.publicDir)
            : rendered;
        checkMarkup(markup);
        return injectIntoRoot(html, markup);
      },
    },
  };
}
