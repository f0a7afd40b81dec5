// `npm run bench`: every performance figure of the project against its goal, in one run.
//
//   npm run bench                                   everything, Lighthouse included
//   npm run bench -- --skip-lighthouse              everything but Lighthouse (the slow part)
//   npm run bench -- --only=engine,size             some sections: engine, size, render,
//                                                   saved-plans, print, lighthouse
//
// It builds the app itself into bench-results/site/dist (never into the shared dist/), serves that
// build under the e2e sub-path, drives Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and
// writes every figure to bench-results/summary.json. Every goal is printed with its figure and
// whether it was met; the exit code is 1 when a goal is not met or a section fails.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import { formatEngineReport, runEngineBench } from './bench-engine';
import {
  engineFigures,
  firstLoadFigures,
  formatSummary,
  lighthouseFigures,
  printFigures,
  renderFigures,
  savedPlansFigures,
  sections,
  sizeFigures,
  unavailable,
  type Figure,
  type Section,
} from './bench-figures';
import { formatFirstLoadReport, measureFirstLoad } from './bench-first-load';
import { formatLighthouseReport, runLighthouse } from './bench-lighthouse';
import { launchArgs } from './bench-page';
import { formatPrintReport, runPrintBench } from './bench-print';
import { formatRenderReport, runRenderBench } from './bench-render';
import { formatSavedPlansReport, runSavedPlansBench } from './bench-saved-plans';
import { formatSizeReport, measureSize } from './bench-size';
import { startStaticServer, type StaticServer } from './static-server';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(repoRoot, 'bench-results');
const summaryPath = join(resultsDir, 'summary.json');
/** The bench's own build: the shared dist/ is left alone. */
const distDir = join(resultsDir, 'site', 'dist');
const basePath = '/tyk-upgrade-wizard/';

type Options = { readonly sections: ReadonlySet<Section> };

function isSection(name: string): name is Section {
  return sections.some((section) => section === name);
}

export function parseOptions(args: readonly string[]): Options {
  let chosen: Section[] = [...sections];
  let isLighthouseSkipped = false;
  for (const arg of args) {
    if (arg === '--skip-lighthouse') {
      isLighthouseSkipped = true;
    } else if (arg.startsWith('--only=')) {
      const names = arg
        .slice('--only='.length)
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
      const unknown = names.filter((name) => !isSection(name));
      if (unknown.length > 0 || names.length === 0)
        throw new Error(`--only takes some of ${sections.join(', ')}; got "${arg.slice(7)}"`);
      chosen = names.filter(isSection);
    } else {
      throw new Error(
        `unknown option ${arg}; use --skip-lighthouse or --only=${sections.join(',')}`,
      );
    }
  }
  return {
    sections: new Set(
      chosen.filter((section) => !(isLighthouseSkipped && section === 'lighthouse')),
    ),
  };
}

// Building and serving the bench's own copy of the app.

async function buildSite(): Promise<number> {
  const started = performance.now();
  await build({
    root: repoRoot,
    logLevel: 'warn',
    build: { outDir: distDir, emptyOutDir: true },
  });
  return Math.round(performance.now() - started);
}

function serveSite(): Promise<StaticServer> {
  return startStaticServer({ basePath, distDir });
}

async function builtChunkNames(): Promise<readonly string[]> {
  return (await readdir(join(distDir, 'assets'))).map((file) =>
    file.replace(/-[\w-]{8}\.\w+$/, ''),
  );
}

function gitDescription(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    const isDirty =
      execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' }).trim() !==
      '';
    return isDirty ? `${commit} with uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}

function heading(title: string): void {
  process.stdout.write(`\n== ${title} ==\n`);
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const chosen = options.sections;
  const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const machine = {
    cpus: cpus().length,
    loadAverage: loadavg().map((load) => Number(load.toFixed(2))),
    node: process.version,
  };
  process.stdout.write(
    `Benchmarking ${[...chosen].join(', ')} on ${machine.cpus} CPUs (load ${machine.loadAverage.join(' ')}), Node ${machine.node}.\n`,
  );

  // Each section reports its own failure and the others still run.
  const attempt = async (section: Section, run: () => Promise<Figure[]>): Promise<void> => {
    if (!chosen.has(section)) return;
    heading(section);
    try {
      figures.push(...(await run()));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stdout.write(`${section} failed: ${reason}\n`);
      figures.push(unavailable(section, reason));
    }
  };

  await attempt('engine', async () => {
    const report = runEngineBench();
    details['engine'] = report;
    process.stdout.write(formatEngineReport(report));
    return engineFigures(report);
  });

  const needsBuild = sections.some((section) => section !== 'engine' && chosen.has(section));
  let isBuilt = false;
  if (needsBuild) {
    heading('build');
    try {
      const buildMs = await buildSite();
      isBuilt = true;
      details['build'] = { distDir, ms: buildMs };
      process.stdout.write(`Built the app into ${distDir} in ${buildMs} ms.\n`);
    } catch (error) {
      process.stdout.write(
        `The build failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  const built = async <T>(run: () => Promise<T>): Promise<T> => {
    if (!isBuilt) throw new Error('the build failed, so there is nothing to measure');
    return run();
  };

  const browserSections: readonly Section[] = ['size', 'render', 'saved-plans', 'print'];
  if (browserSections.some((section) => chosen.has(section))) {
    // One server and one browser for these sections, started when the first of them needs them.
    const session: { served: StaticServer | null; browser: Browser | null } = {
      served: null,
      browser: null,
    };
    const open = async (): Promise<{
      browser: Browser;
      url: string;
      chunks: readonly string[];
    }> => {
      if (!isBuilt) throw new Error('the build failed, so there is nothing to measure');
      session.served ??= await serveSite();
      session.browser ??= await chromium.launch({ executablePath: chromePath, args: launchArgs });
      details['chromium'] = session.browser.version();
      return { browser: session.browser, url: session.served.url, chunks: await builtChunkNames() };
    };
    try {
      await attempt('size', async () => {
        const { browser, url } = await open();
        const report = await measureSize(distDir);
        const firstLoad = await measureFirstLoad({ browser, appUrl: url });
        details['size'] = report;
        details['firstLoad'] = firstLoad;
        process.stdout.write(formatSizeReport(report));
        process.stdout.write(formatFirstLoadReport(firstLoad));
        return [...firstLoadFigures(firstLoad), ...sizeFigures(report)];
      });
      await attempt('render', async () => {
        const { browser, url, chunks } = await open();
        const report = await runRenderBench({
          browser,
          appUrl: url,
          hasSharedRoute: chunks.includes('shared-plan-page'),
        });
        details['render'] = report;
        process.stdout.write(formatRenderReport(report));
        return renderFigures(report);
      });
      await attempt('saved-plans', async () => {
        const { browser, url } = await open();
        const report = await runSavedPlansBench({ browser, appUrl: url });
        details['savedPlans'] = report;
        process.stdout.write(formatSavedPlansReport(report));
        return savedPlansFigures(report);
      });
      await attempt('print', async () => {
        const { browser, url, chunks } = await open();
        const report = await runPrintBench({
          browser,
          appUrl: url,
          hasPrintRoute: chunks.includes('print-page'),
        });
        details['print'] = report;
        process.stdout.write(formatPrintReport(report));
        return printFigures(report);
      });
    } finally {
      await session.browser?.close();
      await session.served?.stop();
    }
  }

  await attempt('lighthouse', () =>
    built(async () => {
      const report = await runLighthouse({ chromePath, distDir });
      details['lighthouse'] = report;
      process.stdout.write(formatLighthouseReport(report));
      return lighthouseFigures(report);
    }),
  );

  heading('summary');
  const loadAtEnd = loadavg().map((load) => Number(load.toFixed(2)));
  process.stdout.write(formatSummary(figures));
  process.stdout.write(
    `\nLoad average at the start ${machine.loadAverage.join(' ')}, at the end ${loadAtEnd.join(' ')}.\n`,
  );
  const missed = figures.filter((figure) => figure.isMet === false);
  await mkdir(resultsDir, { recursive: true });
  await writeFile(
    summaryPath,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        commit: gitDescription(),
        machine: { ...machine, loadAverageAtEnd: loadAtEnd },
        sections: [...chosen],
        figures,
        goalsMissed: missed.map((figure) => figure.id),
        details,
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(
    `\n${missed.length === 0 ? 'Every goal measured is met.' : `${missed.length} goal(s) not met or section(s) failed: ${missed.map((figure) => figure.id).join(', ')}.`}\n`,
  );
  process.stdout.write(`All figures written to ${summaryPath}.\n`);
  return missed.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
