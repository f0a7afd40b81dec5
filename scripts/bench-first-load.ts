// What a first visit to the landing page really fetches: a fresh Chromium context opens it and
// the page itself (which holds the stylesheet inline) and every script and stylesheet it requests
// until the network is idle are counted, with the
// gzipped size (level 9) of the body it received. That includes what the app loads straight after
// the first paint (lazy routes, the store), which a count of what index.html names would miss.
// The service worker's own precache fetches are not the page's and are left out.
// Run through `npm run bench` (scripts/bench.ts).
import type { Browser, Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { freshContext } from './bench-page';

/** The goal for first-load JavaScript, gzipped, in kB of 1000 bytes as Vite reports them. */
const firstLoadJsGoalBytes = 100_000;

type FetchedFile = {
  /** The path below the app's address, as in the build: `assets/index-C0ffee12.js`. */
  readonly path: string;
  readonly kind: 'document' | 'script' | 'stylesheet';
  readonly bytes: number;
  readonly gzipBytes: number;
};

type FetchedTotal = {
  readonly files: number;
  readonly bytes: number;
  readonly gzipBytes: number;
};

export type FirstLoadReport = {
  readonly url: string;
  /** index.html, with the prerendered page and the inline stylesheet. */
  readonly document: FetchedTotal;
  readonly js: FetchedTotal;
  readonly css: FetchedTotal;
  readonly files: readonly FetchedFile[];
  readonly goal: { readonly jsGzipBytes: number };
  readonly isMet: boolean;
};

function totalOf(files: readonly FetchedFile[]): FetchedTotal {
  return {
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}

export async function measureFirstLoad(options: {
  readonly browser: Browser;
  /** The app's address, ending in `/`. */
  readonly appUrl: string;
}): Promise<FirstLoadReport> {
  const context = await freshContext(options.browser);
  try {
    const page = await context.newPage();
    const pending: Promise<FetchedFile | null>[] = [];
    const fetched = async (response: Response): Promise<FetchedFile | null> => {
      const kind = response.request().resourceType();
      if (kind !== 'document' && kind !== 'script' && kind !== 'stylesheet') return null;
      const body = await response.body();
      const url = new URL(response.url());
      const path = url.href.startsWith(options.appUrl)
        ? url.href.slice(options.appUrl.length)
        : url.href;
      return {
        path: path === '' ? 'index.html' : path,
        kind,
        bytes: body.length,
        gzipBytes: gzipSync(body, { level: 9 }).length,
      };
    };
    page.on('response', (response) => pending.push(fetched(response)));
    await page.goto(options.appUrl, { waitUntil: 'networkidle' });
    const files = (await Promise.all(pending))
      .filter((file): file is FetchedFile => file !== null)
      .sort((a, b) => a.path.localeCompare(b.path));
    const js = totalOf(files.filter((file) => file.kind === 'script'));
    return {
      url: options.appUrl,
      document: totalOf(files.filter((file) => file.kind === 'document')),
      js,
      css: totalOf(files.filter((file) => file.kind === 'stylesheet')),
      files,
      goal: { jsGzipBytes: firstLoadJsGoalBytes },
      isMet: js.gzipBytes <= firstLoadJsGoalBytes,
    };
  } finally {
    await context.close();
  }
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function formatFirstLoadReport(report: FirstLoadReport): string {
  const width = Math.max(...report.files.map((file) => file.path.length));
  return `${[
    `First visit to ${report.url}, fresh context, until the network is idle:`,
    ...report.files.map(
      (file) =>
        `  ${file.path.padEnd(width)}  ${kilobytes(file.bytes).padStart(9)}  ${kilobytes(file.gzipBytes).padStart(8)} gzipped`,
    ),
    `  page: ${kilobytes(report.document.gzipBytes)} gzipped; scripts: ${kilobytes(report.js.gzipBytes)} gzipped in ${report.js.files}; stylesheets: ${kilobytes(report.css.gzipBytes)} gzipped in ${report.css.files}`,
    `  first-load JS goal: ${kilobytes(report.js.gzipBytes)} of ${kilobytes(report.goal.jsGzipBytes)} gzipped (${report.isMet ? 'met' : 'not met'})`,
  ].join('\n')}\n`;
}
