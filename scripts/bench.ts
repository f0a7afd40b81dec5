// `npm run bench`: every performance figure of the project against its goal, in one run.
//
//   npm run bench                                   everything, Lighthouse included
//   npm run bench -- --skip-lighthouse              everything but Lighthouse (the slow part)
//   npm run bench -- --only=engine,size             some sections: engine, size, render, print, lighthouse
//
// It builds the app itself into bench-results/site/dist (never into the shared dist/), serves that
// build under the e2e sub-path, drives Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and
// writes every figure to bench-results/summary.json. The exit code is 1 when a goal is missed or a
// section fails, so CI can hold the budgets.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import { formatEngineReport, runEngineBench, type EngineReport } from './bench-engine';
import { startStaticServer, type StaticServer } from './static-server';
import {
  formatLighthouseReport,
  runLighthouse,
  type CategoryId,
  type LighthouseReport,
} from './bench-lighthouse';
import { formatPrintReport, runPrintBench, type PrintReport } from './bench-print';
import {
  formatRenderReport,
  launchArgs,
  runRenderBench,
  type InteractionReport,
  type RenderReport,
} from './bench-render';
import { formatSizeReport, measureSize, type SizeReport } from './bench-size';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(repoRoot, 'bench-results');
const summaryPath = join(resultsDir, 'summary.json');
/** The bench's own build: the shared dist/ is left alone. */
const distDir = join(resultsDir, 'site', 'dist');
const basePath = '/tyk-upgrade-wizard/';

const sections = ['engine', 'size', 'render', 'print', 'lighthouse'] as const;
type Section = (typeof sections)[number];

type Options = { readonly sections: ReadonlySet<Section> };

export type Figure = {
  readonly section: Section;
  readonly id: string;
  readonly label: string;
  /** The goal in words, or null for a figure that is reported without one. */
  readonly goal: string | null;
  /** The measurement in words, or why there is none. */
  readonly measured: string;
  readonly value: number | null;
  readonly unit: string;
  /** null: no goal, or nothing measured. */
  readonly isMet: boolean | null;
};

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

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function milliseconds(ms: number): string {
  return `${ms} ms`;
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

// Figures for the summary.

function engineFigures(report: EngineReport): Figure[] {
  const info = (id: string, label: string, value: number, unit: string): Figure => ({
    section: 'engine',
    id,
    label,
    goal: null,
    measured: `${value} ${unit}`,
    value,
    unit,
    isMet: null,
  });
  return [
    info(
      'engine.plans-per-second',
      `Plans per second (${report.inputs} inputs)`,
      report.plansPerSecond,
      'plans/s',
    ),
    info('engine.mean', 'Mean time per plan', report.meanMs, 'ms'),
    info('engine.slowest-single', 'Slowest single build', report.slowestMs, 'ms'),
    {
      section: 'engine',
      id: 'engine.slowest-median',
      label: `Slowest plan, median of ${report.rounds} builds`,
      goal: `every plan under ${report.goalMs} ms`,
      measured: `${report.slowestMedianMs} ms (${report.inputsOverGoal} over)`,
      value: report.slowestMedianMs,
      unit: 'ms',
      isMet: report.isMet,
    },
  ];
}

function sizeFigures(report: SizeReport): Figure[] {
  const info = (id: string, label: string, bytes: number): Figure => ({
    section: 'size',
    id,
    label,
    goal: null,
    measured: kilobytes(bytes),
    value: bytes,
    unit: 'bytes gzipped',
    isMet: null,
  });
  return [
    {
      section: 'size',
      id: 'size.first-load-js',
      label: 'First-load JS, gzipped',
      goal: `≤ ${kilobytes(report.goal.firstLoadJsGzipBytes)}`,
      measured: kilobytes(report.firstLoad.js.gzipBytes),
      value: report.firstLoad.js.gzipBytes,
      unit: 'bytes gzipped',
      isMet: report.goal.isMet,
    },
    info('size.first-load-css', 'First-load CSS, gzipped', report.firstLoad.css.gzipBytes),
    info('size.all-js', 'All JS, gzipped', report.everything.js.gzipBytes),
    info('size.all-css', 'All CSS, gzipped', report.everything.css.gzipBytes),
    ...report.lazyChunks.map((chunk) =>
      info(
        `size.chunk.${chunk.name}`,
        `Lazy chunk ${chunk.name} (with its own imports)`,
        chunk.withImportsGzipBytes,
      ),
    ),
  ];
}

function interactionFigures(id: string, label: string, figure: InteractionReport): Figure[] {
  return [
    {
      section: 'render',
      id: `${id}.to-layout`,
      label: `${label}: input to content and layout, max (median ${figure.toLayout.medianMs} ms)`,
      goal: `≤ ${figure.budgetMs} ms (one frame)`,
      measured: milliseconds(figure.toLayout.maxMs),
      value: figure.toLayout.maxMs,
      unit: 'ms',
      isMet: figure.isMet,
    },
    {
      section: 'render',
      id: `${id}.to-frame`,
      label: `${label}: input to the second frame after it, median (max ${figure.toFrame.maxMs} ms)`,
      goal: null,
      measured: milliseconds(figure.toFrame.medianMs),
      value: figure.toFrame.medianMs,
      unit: 'ms',
      isMet: null,
    },
  ];
}

function renderFigures(report: RenderReport): Figure[] {
  const how = report.open.path === 'shared-link' ? 'shared link' : 'stored answers';
  return [
    {
      section: 'render',
      id: 'render.open.to-dom',
      label: `Largest plan (${report.plan.steps} steps) on screen from its ${how}, median`,
      goal: null,
      measured: `${report.open.toDom.medianMs} ms (frame ${report.open.toFrame.medianMs} ms)`,
      value: report.open.toDom.medianMs,
      unit: 'ms',
      isMet: null,
    },
    ...interactionFigures(
      'render.answer-change',
      'Answer change on the versions page',
      report.answerChange,
    ),
    ...interactionFigures('render.tick', 'Tick a step of the largest plan', report.tick),
  ];
}

function printFigures(report: PrintReport): Figure[] {
  if (!report.isAvailable) {
    return [
      {
        section: 'print',
        id: 'print.pdf',
        label: 'Largest plan printed to PDF',
        goal: null,
        measured: `unavailable: ${report.reason}`,
        value: null,
        unit: 'ms',
        isMet: null,
      },
    ];
  }
  return [
    {
      section: 'print',
      id: 'print.total',
      label: `Largest plan to an ${report.paper} PDF: open the print view and page.pdf(), median`,
      goal: null,
      measured: `${report.total.medianMs} ms (pdf ${report.toPdf.medianMs} ms)`,
      value: report.total.medianMs,
      unit: 'ms',
      isMet: null,
    },
    {
      section: 'print',
      id: 'print.pages',
      label: `Pages of that PDF (${report.paper})`,
      goal: null,
      measured: String(report.pages),
      value: report.pages,
      unit: 'pages',
      isMet: null,
    },
  ];
}

function lighthouseFigures(report: LighthouseReport): Figure[] {
  const categoryIds: readonly CategoryId[] = [
    'performance',
    'accessibility',
    'best-practices',
    'seo',
  ];
  return report.runs.flatMap((run) =>
    categoryIds.map((id): Figure => {
      const { score, goal, isMet } = run.categories[id];
      return {
        section: 'lighthouse',
        id: `lighthouse.${run.formFactor}.${id}`,
        label: `Lighthouse ${run.formFactor} ${id}`,
        goal: `≥ ${goal}`,
        measured: score === null ? 'n/a' : String(score),
        value: score,
        unit: 'score',
        isMet,
      };
    }),
  );
}

function unavailable(section: Section, reason: string): Figure {
  return {
    section,
    id: `${section}.error`,
    label: `${section} section`,
    goal: null,
    measured: `failed: ${reason}`,
    value: null,
    unit: '',
    isMet: false,
  };
}

function verdict(figure: Figure): string {
  if (figure.isMet === true) return 'met';
  if (figure.isMet === false) return figure.value === null ? 'FAILED' : 'MISSED';
  return figure.value === null ? 'n/a' : 'info';
}

export function formatSummary(figures: readonly Figure[]): string {
  // Per-chunk sizes are in the size section above; the summary keeps the headline figures.
  const shown = figures.filter((figure) => !figure.id.startsWith('size.chunk.'));
  const rows = [
    ['Figure', 'Goal', 'Measured', 'Result'],
    ...shown.map((figure) => [
      figure.label,
      figure.goal ?? '—',
      // One short line per figure; a failure's whole message is in summary.json.
      (figure.measured.split('\n')[0] ?? '').slice(0, 90),
      verdict(figure),
    ]),
  ];
  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  return `${rows
    .map((row) =>
      row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell)).join('  '),
    )
    .join('\n')}\n`;
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

  await attempt('size', () =>
    built(async () => {
      const report = await measureSize(distDir);
      details['size'] = report;
      process.stdout.write(formatSizeReport(report));
      return sizeFigures(report);
    }),
  );

  if (chosen.has('render') || chosen.has('print')) {
    // One server and one browser for both sections, started when the first of them needs them.
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
  process.stdout.write(formatSummary(figures));
  const missed = figures.filter((figure) => figure.isMet === false);
  await mkdir(resultsDir, { recursive: true });
  await writeFile(
    summaryPath,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        commit: gitDescription(),
        machine,
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
    `\n${missed.length === 0 ? 'Every goal measured is met.' : `${missed.length} goal(s) missed or section(s) failed: ${missed.map((figure) => figure.id).join(', ')}.`}\n`,
  );
  process.stdout.write(`All figures written to ${summaryPath}.\n`);
  return missed.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
