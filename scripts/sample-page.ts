// `tsx scripts/sample-page.ts [--build] [--pdf <path>]`: pictures of the printed runbook for the README.
//
// Serves dist/ (built first when it is missing, or always with --build) on a free port, opens the
// print view of a large plan (Self-Managed with MDCB on Helm, Go plugins, two data planes) in
// Chromium, prints it to PDF as a user's "Save as PDF" would, and draws two pages of that PDF with
// pdf.js inside the same browser: the cover, the page where the first upgrade step begins, and the
// page of steps with the most command lines cut to fit the paper (marked ↩ and ↪).
// Writes docs/runbook-sample.png, docs/runbook-steps-sample.png and docs/printed-steps.png.
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { buildPlan, toPlanInput } from '@/rules/index';
import { largeAnswers } from '../e2e/large-plan';
import { startStaticServer } from './static-server';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const basePath = '/tyk-upgrade-wizard/';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the PDF renderer's page and pdf.js are served from, answered by the browser itself. */
const rendererPath = '__runbook-sample/';
/** CSS pixels per PDF point: a page drawn at the size a screen shows it at 100 %. */
const renderScale = 96 / 72;
const sizeLimitBytes = 300 * 1024;

/** The large plan: the same answers as the end-to-end tests of the printed runbook. */
const sampleAnswers = largeAnswers;

/** The store's persisted shape (see src/store/wizard-store.ts), with the sample plan open. */
function storedState(): string {
  const id = 'runbook-sample';
  const at = '2026-01-01T09:00:00.000Z';
  return JSON.stringify({
    state: {
      plans: {
        [id]: {
          id,
          name: 'Runbook sample',
          answers: sampleAnswers,
          progress: {},
          createdAt: at,
          updatedAt: at,
        },
      },
      order: [id],
      activePlanId: id,
    },
    version: 2,
  });
}

function say(line: string): void {
  process.stdout.write(`sample-page: ${line}\n`);
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      shell: process.platform === 'win32',
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolveRun();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    });
  });
}

/** The title of the first step that moves a component, as the runbook prints it. */
function firstUpgradeHeading(): string {
  const result = buildPlan(toPlanInput(sampleAnswers));
  if (!result.ok) throw new Error('the sample answers no longer make a plan');
  const steps = result.plan.phases.flatMap((phase) => phase.steps);
  const index = steps.findIndex((step) => step.kind === 'upgrade');
  const step = steps[index];
  if (step === undefined) throw new Error('the sample plan has no upgrade step');
  return `${index + 1}. ${step.title}`;
}

async function printRunbook(page: Page, appUrl: string): Promise<Buffer> {
  await page.addInitScript((state) => {
    localStorage.setItem('tyk-upgrade-wizard', state);
  }, storedState());
  await page.goto(`${appUrl}#/print?paper=a4`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
}

const rendererHtml = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Runbook sample</title></head>
  <body>
    <script type="module">
      import * as pdfjs from './pdf.mjs';
      pdfjs.GlobalWorkerOptions.workerSrc = './pdf.worker.mjs';
      window.pdfjs = pdfjs;
      window.rendererReady = true;
    </script>
  </body>
</html>`;

const moduleFiles: Readonly<Record<string, string>> = {
  'pdf.mjs': 'node_modules/pdfjs-dist/build/pdf.mjs',
  'pdf.worker.mjs': 'node_modules/pdfjs-dist/build/pdf.worker.mjs',
};

/**
 * Draws pages of the PDF as PNG: the first page, the first page whose text holds `heading`, and
 * the page after it that carries on the most cut command lines.
 * pdf.js runs in the browser, where the canvas and the fonts are, so nothing else is installed.
 */
async function renderPages(
  page: Page,
  appUrl: string,
  pdf: Buffer,
  heading: string,
): Promise<readonly Buffer[]> {
  const rendererUrl = `${appUrl}${rendererPath}`;
  await page.route(`${rendererUrl}**`, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const file = moduleFiles[name];
    if (file === undefined) {
      await route.fulfill({ contentType: 'text/html', body: rendererHtml });
      return;
    }
    await route.fulfill({
      contentType: 'text/javascript',
      body: await readFile(join(repoRoot, file), 'utf8'),
    });
  });
  await page.goto(`${rendererUrl}index.html`);
  await page.waitForFunction(() => 'rendererReady' in window);
  const pngs = await page.evaluate(
    async ({ data, heading, scale }) => {
      type TextItem = { readonly str?: string };
      type PdfPage = {
        getViewport(options: { scale: number }): { width: number; height: number };
        getTextContent(): Promise<{ items: readonly TextItem[] }>;
        render(options: {
          canvasContext: CanvasRenderingContext2D;
          viewport: { width: number; height: number };
        }): { promise: Promise<void> };
      };
      type PdfDocument = { numPages: number; getPage(n: number): Promise<PdfPage> };
      type PdfLib = {
        getDocument(options: { data: Uint8Array }): { promise: Promise<PdfDocument> };
      };
      const lib = (window as unknown as { pdfjs: PdfLib }).pdfjs;
      const bytes = Uint8Array.from(atob(data), (character) => character.charCodeAt(0));
      const document_ = await lib.getDocument({ data: bytes }).promise;
      // No named functions in here: tsx would wrap them in a helper the browser does not have.
      const wanted = heading.replace(/\s+/g, '');
      let stepsPage = Math.min(2, document_.numPages);
      for (let number = 2; number <= document_.numPages; number += 1) {
        const content = await (await document_.getPage(number)).getTextContent();
        const text = content.items.map((item) => item.str ?? '').join('');
        if (text.replace(/\s+/g, '').includes(wanted)) {
          stepsPage = number;
          break;
        }
      }
      let cutPage = stepsPage;
      let mostCuts = 0;
      for (let number = stepsPage; number <= document_.numPages; number += 1) {
        const content = await (await document_.getPage(number)).getTextContent();
        const cuts = content.items.filter((item) => (item.str ?? '').startsWith('↪')).length;
        if (cuts > mostCuts) {
          mostCuts = cuts;
          cutPage = number;
        }
      }
      const drawn: string[] = [];
      for (const number of [1, stepsPage, cutPage]) {
        const pdfPage = await document_.getPage(number);
        const viewport = pdfPage.getViewport({ scale });
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(viewport.width);
        canvas.height = Math.round(viewport.height);
        const context = canvas.getContext('2d');
        if (context === null) throw new Error('no 2d canvas');
        context.fillStyle = '#fff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        await pdfPage.render({ canvasContext: context, viewport }).promise;
        // A thin edge, so the white page stands out on a white README.
        context.strokeStyle = '#9ca3af';
        context.lineWidth = 1;
        context.strokeRect(0.5, 0.5, canvas.width - 1, canvas.height - 1);
        drawn.push(canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''));
      }
      return { drawn, stepsPage, cutPage, pages: document_.numPages };
    },
    { data: pdf.toString('base64'), heading, scale: renderScale },
  );
  say(`the PDF has ${pngs.pages} pages; drawing pages 1, ${pngs.stepsPage} and ${pngs.cutPage}`);
  return pngs.drawn.map((base64) => Buffer.from(base64, 'base64'));
}

/** `--pdf <path>` keeps the printed PDF as well. */
function pdfPathArgument(): string | undefined {
  const at = process.argv.indexOf('--pdf');
  return at === -1 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  if (process.argv.includes('--build') || !existsSync(join(repoRoot, 'dist/index.html'))) {
    say('building dist/');
    await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
  }
  if (!existsSync(chromiumPath))
    throw new Error(`no Chromium at ${chromiumPath}; set CHROMIUM_PATH`);

  const server = await startStaticServer({ basePath });
  const browser = await chromium.launch({ executablePath: chromiumPath });
  try {
    const context = await browser.newContext({
      viewport: { width: 1000, height: 1200 },
      deviceScaleFactor: 1,
      colorScheme: 'light',
      // The app's offline worker would answer the renderer's requests before `page.route` could.
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    const pdf = await printRunbook(page, server.url);
    const pdfPath = pdfPathArgument();
    if (pdfPath !== undefined) {
      await writeFile(pdfPath, pdf);
      say(`wrote ${pdfPath}`);
    }
    const [cover, steps, cut] = await renderPages(page, server.url, pdf, firstUpgradeHeading());
    if (cover === undefined || steps === undefined || cut === undefined)
      throw new Error('no pages were drawn');

    const docs = join(repoRoot, 'docs');
    await mkdir(docs, { recursive: true });
    for (const [name, png] of [
      ['runbook-sample.png', cover],
      ['runbook-steps-sample.png', steps],
      ['printed-steps.png', cut],
    ] as const) {
      const path = join(docs, name);
      await writeFile(path, png);
      const { size } = await stat(path);
      say(`wrote docs/${name} (${Math.round(size / 1024)} KB)`);
      if (size > sizeLimitBytes) throw new Error(`docs/${name} is over 300 KB`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  say(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
