// How long the largest plan of the input matrix takes to become a PDF runbook: the printable view
// (`#/print?paper=a4`) is opened with that plan stored and open, and Chromium prints it to A4 with
// page.pdf(), as "Save as PDF" would. Run through `npm run bench` (scripts/bench.ts).
import type { Browser } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  freshContext,
  largestPlan,
  persistedStateWith,
  seedStorage,
  spreadOf,
  seenAt,
  watchForStep,
  type Spread,
} from './bench-page';

export type PrintReport =
  | { readonly isAvailable: false; readonly reason: string }
  | {
      readonly isAvailable: true;
      readonly plan: { readonly description: string; readonly steps: number };
      readonly paper: 'A4';
      /** Navigation start to the runbook's last step in the DOM. */
      readonly toRunbook: Spread;
      /** The page.pdf() call alone: layout for print, pagination and writing the PDF. */
      readonly toPdf: Spread;
      /** Both together: from opening the print view to holding the PDF. */
      readonly total: Spread;
      readonly pages: number;
      readonly pdfBytes: number;
    };

/** Pages of a PDF, as pdf.js (the reader Firefox uses) counts them. */
async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  const document = await getDocument({
    data: pdf,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  try {
    return document.numPages;
  } finally {
    await document.destroy();
  }
}

export async function runPrintBench(options: {
  readonly browser: Browser;
  /** The app's address, ending in `/`. */
  readonly appUrl: string;
  readonly hasPrintRoute: boolean;
  readonly runs?: number;
}): Promise<PrintReport> {
  if (!options.hasPrintRoute) {
    return { isAvailable: false, reason: 'the build has no #/print route (no print-page chunk)' };
  }
  const largest = largestPlan();
  const runs = options.runs ?? 5;
  const toRunbook: number[] = [];
  const toPdf: number[] = [];
  const pageCounts = new Set<number>();
  let pdfBytes = 0;
  // The first run warms up the browser process and the server; it is not counted.
  for (let run = 0; run <= runs; run++) {
    const context = await freshContext(options.browser);
    try {
      await seedStorage(context, persistedStateWith(largest.answers));
      await watchForStep(context, largest.lastStepId);
      const page = await context.newPage();
      await page.goto(`${options.appUrl}#/print?paper=a4`);
      const seen = await seenAt(page);
      const started = performance.now();
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      const pdfMs = performance.now() - started;
      if (run > 0) {
        toRunbook.push(seen.domMs);
        toPdf.push(pdfMs);
        pageCounts.add(await pdfPageCount(new Uint8Array(pdf)));
        pdfBytes = pdf.length;
      }
    } finally {
      await context.close();
    }
  }
  if (pageCounts.size !== 1)
    throw new Error(`the page count varies: ${[...pageCounts].join(', ')}`);
  return {
    isAvailable: true,
    plan: { description: largest.description, steps: largest.steps },
    paper: 'A4',
    toRunbook: spreadOf(toRunbook),
    toPdf: spreadOf(toPdf),
    total: spreadOf(toRunbook.map((ms, index) => ms + (toPdf[index] ?? 0))),
    pages: [...pageCounts][0] ?? 0,
    pdfBytes,
  };
}

export function formatPrintReport(report: PrintReport): string {
  if (!report.isAvailable) return `Printing: unavailable, ${report.reason}.\n`;
  const spread = (figure: Spread) =>
    `median ${figure.medianMs} ms (min ${figure.minMs}, max ${figure.maxMs}, ${figure.runs} runs)`;
  return `${[
    `Printable runbook of the largest plan (${report.plan.steps} steps) on ${report.paper}:`,
    `  navigation start to the last step in the DOM: ${spread(report.toRunbook)}`,
    `  page.pdf():                                   ${spread(report.toPdf)}`,
    `  both together:                                ${spread(report.total)}`,
    `  ${report.pages} pages, ${(report.pdfBytes / 1000).toFixed(0)} kB of PDF`,
  ].join('\n')}\n`;
}
