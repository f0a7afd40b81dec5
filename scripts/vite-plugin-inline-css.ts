import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { singleFileMode } from './vite-plugin-offline.ts';

type OutputAsset = Rollup.OutputAsset;
type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

// The app's stylesheet goes into index.html as a <style> element: the prerendered landing page
// then paints as soon as the HTML has arrived, without waiting for a second request. The policy's
// style-src allows exactly that block by its hash; the print page's own stylesheet still loads
// from its file.
//
// Vite lists the entry's stylesheet among the files to load before each lazy chunk that imports
// the entry (they share its preload helper). Once the file is gone, those lists name the entry's
// script in its place, which the page has already loaded: nothing is fetched for it.

/** The hash source of a CSP for `text`, as the browser computes it for an inline block. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const stylesheetLink = /<link rel="stylesheet"(?: crossorigin)? href="\.\/([^"]+\.css)">/g;
const entryScript = /<script type="module"(?: crossorigin)? src="\.\/([^"]+\.js)"><\/script>/;
// Vite writes the policy's quotes as &#39;.
const policyMeta =
  /(<meta http-equiv="Content-Security-Policy" content="[^"]*?style-src (&#39;|')self\2)/;

function textOf(asset: OutputAsset): string {
  return typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
}

function assetOf(bundle: OutputBundle, fileName: string): OutputAsset {
  const output = bundle[fileName];
  if (output?.type !== 'asset') throw new Error(`the build has no asset ${fileName}`);
  return output;
}

/** index.html with the stylesheet inline and allowed by its hash; throws when it cannot be. */
export function inlineStylesheet(html: string, fileName: string, stylesheet: string): string {
  // The HTML parser reads CR LF as LF before the browser hashes the block: hash what it will see.
  const css = stylesheet.replace(/\r\n?/g, '\n');
  if (/<\/style/i.test(css))
    throw new Error(`${fileName} holds "</style", which would end the block`);
  const withPolicy = html.replace(
    policyMeta,
    (_meta: string, start: string, quote: string) =>
      `${start} ${cspHash(css).replaceAll("'", quote)}`,
  );
  if (withPolicy === html)
    throw new Error('index.html has no style-src to allow the inline stylesheet');
  return withPolicy.replace(stylesheetLink, (link, href: string) =>
    href === fileName ? `<style>${css}</style>` : link,
  );
}

export function inlineEntryStylesheet(): Plugin {
  let isSingleFile = false;
  /** The names of the stylesheet put inline and of the entry script, once it is done. */
  let inlined: { readonly css: string; readonly entry: string } | null = null;
  return {
    name: 'tyk-inline-entry-stylesheet',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      // The one-file build inlines everything itself (scripts/build-single.ts).
      isSingleFile = config.mode === singleFileMode;
    },
    generateBundle(_options, bundle) {
      if (isSingleFile) return;
      const page = assetOf(bundle, 'index.html');
      const html = textOf(page);
      const stylesheets = Array.from(html.matchAll(stylesheetLink), (match) => match[1] ?? '');
      const entry = entryScript.exec(html)?.[1];
      if (stylesheets.length !== 1 || entry === undefined)
        this.error(
          `index.html should link one stylesheet and one script, not ${stylesheets.length}`,
        );
      const fileName = stylesheets[0] ?? '';
      page.source = inlineStylesheet(html, fileName, textOf(assetOf(bundle, fileName)));
      Reflect.deleteProperty(bundle, fileName);

      inlined = { css: posix.basename(fileName), entry: posix.basename(entry) };
    },
    writeBundle: {
      // Before the service worker lists the files (vite-plugin-offline.ts), and on the written
      // files: Rolldown does not take changes to a chunk's code in generateBundle.
      order: 'pre',
      sequential: true,
      async handler(options, bundle) {
        if (inlined === null || options.dir === undefined) return;
        const { css, entry } = inlined;
        const chunks = Object.values(bundle).filter(
          (output): output is OutputChunk => output.type === 'chunk' && output.code.includes(css),
        );
        for (const chunk of chunks) {
          const file = join(options.dir, chunk.fileName);
          const code = (await readFile(file, 'utf8')).replaceAll(`"./${css}"`, `"./${entry}"`);
          if (code.includes(css))
            this.error(`${chunk.fileName} names ${css} other than as a file to load`);
          await writeFile(file, code);
        }
      },
    },
  };
}
