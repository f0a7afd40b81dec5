// Every figure of `npm run bench` as one row: what it is, its goal, what was measured and whether
// the goal was met. scripts/bench.ts collects them from the sections and prints the summary.
import type { EngineReport } from './bench-engine';
import type { FirstLoadReport } from './bench-first-load';
import type { LighthouseReport, PageReport } from './bench-lighthouse';
import type { PrintReport } from './bench-print';
import type { InteractionReport, RenderReport } from './bench-render';
import type { SavedPlansReport } from './bench-saved-plans';
import type { SizeReport } from './bench-size';

export const sections = ['engine', 'size', 'render', 'saved-plans', 'print', 'lighthouse'] as const;
export type Section = (typeof sections)[number];

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

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function files(count: number): string {
  return `${count} ${count === 1 ? 'file' : 'files'}`;
}

function milliseconds(ms: number): string {
  return `${ms} ms`;
}

export function engineFigures(report: EngineReport): Figure[] {
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

export function sizeFigures(report: SizeReport): Figure[] {
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
    info('size.named-js', 'JS named by index.html, gzipped', report.firstLoad.js.gzipBytes),
    info('size.named-css', 'CSS named by index.html, gzipped', report.firstLoad.css.gzipBytes),
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

export function firstLoadFigures(report: FirstLoadReport): Figure[] {
  return [
    {
      section: 'size',
      id: 'size.first-load-js',
      label: `First-load JS fetched by the landing page, gzipped (${files(report.js.files)})`,
      goal: `≤ ${kilobytes(report.goal.jsGzipBytes)}`,
      measured: kilobytes(report.js.gzipBytes),
      value: report.js.gzipBytes,
      unit: 'bytes gzipped',
      isMet: report.isMet,
    },
    {
      section: 'size',
      id: 'size.first-load-page',
      label: 'First-load page (index.html with its inline stylesheet), gzipped',
      goal: null,
      measured: kilobytes(report.document.gzipBytes),
      value: report.document.gzipBytes,
      unit: 'bytes gzipped',
      isMet: null,
    },
    {
      section: 'size',
      id: 'size.first-load-css',
      label: `First-load CSS fetched by the landing page, gzipped (${files(report.css.files)})`,
      goal: null,
      measured: kilobytes(report.css.gzipBytes),
      value: report.css.gzipBytes,
      unit: 'bytes gzipped',
      isMet: null,
    },
  ];
}

export function renderFigures(report: RenderReport): Figure[] {
  const how = report.open.path === 'shared-link' ? 'shared link' : 'stored answers';
  return [
    {
      section: 'render',
      id: 'render.open.to-dom',
      label: `Largest plan (${report.plan.steps} steps) from its ${how} to the last step in the DOM, median`,
      goal: `≤ ${report.open.goalMs} ms`,
      measured: `${report.open.toDom.medianMs} ms (frame ${report.open.toFrame.medianMs} ms)`,
      value: report.open.toDom.medianMs,
      unit: 'ms',
      isMet: report.open.isMet,
    },
    {
      section: 'render',
      id: 'render.open.to-bodies',
      label: `Largest plan from its ${how} to every step's detail and commands in the DOM, median`,
      goal: null,
      measured: `${report.open.toBodies.medianMs} ms`,
      value: report.open.toBodies.medianMs,
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

export function savedPlansFigures(report: SavedPlansReport): Figure[] {
  const { one, many } = report;
  return [
    {
      section: 'saved-plans',
      id: 'saved-plans.ratio',
      label: `Landing page with ${many.plans} saved plans / with 1, to the list on screen, medians`,
      goal: `≤ ${report.goalRatio}x`,
      measured: `${report.ratio}x (${many.toFrame.medianMs} ms / ${one.toFrame.medianMs} ms, ${many.nodes} / ${one.nodes} elements)`,
      value: report.ratio,
      unit: 'ratio',
      isMet: report.isMet,
    },
  ];
}

export function printFigures(report: PrintReport): Figure[] {
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

function pageFigures(page: PageReport): Figure[] {
  const { goals, median } = page;
  const figure = (
    id: string,
    label: string,
    value: number | null,
    unit: string,
    measured: string,
    goal: { readonly text: string; readonly isMet: (value: number) => boolean } | null,
  ): Figure => ({
    section: 'lighthouse',
    id: `lighthouse.${page.page}.${id}`,
    label: `Lighthouse mobile, ${page.page}: ${label}`,
    goal: goal?.text ?? null,
    measured: value === null ? 'n/a' : measured,
    value,
    unit,
    isMet: goal === null ? null : value !== null && goal.isMet(value),
  });
  const scores = Object.entries(median.scores).map(([category, score]) => {
    const minimum = goals.scores[category as keyof typeof goals.scores];
    return figure(
      category,
      category,
      score,
      'score',
      String(score),
      minimum === undefined ? null : { text: `≥ ${minimum}`, isMet: (value) => value >= minimum },
    );
  });
  const tbtGoal = goals.totalBlockingTimeMs;
  const ratioGoal = goals.lcpRatio;
  const lcp = median.lcpMs === null ? 'n/a' : `${Math.round(median.lcpMs)} ms`;
  return [
    ...scores,
    figure(
      'tbt',
      'total blocking time',
      median.totalBlockingTimeMs,
      'ms',
      `${Math.round(median.totalBlockingTimeMs ?? 0)} ms`,
      tbtGoal === undefined
        ? null
        : { text: `≤ ${tbtGoal} ms`, isMet: (value) => value <= tbtGoal },
    ),
    page.lcpRatio === null
      ? figure('lcp', 'largest contentful paint', median.lcpMs, 'ms', lcp, null)
      : figure(
          'lcp-ratio',
          "largest contentful paint / the baseline's",
          page.lcpRatio,
          'ratio',
          `${page.lcpRatio}x (${lcp})`,
          ratioGoal === undefined
            ? null
            : { text: `≤ ${ratioGoal}x`, isMet: (value) => value <= ratioGoal },
        ),
    figure(
      'bytes',
      'bytes transferred',
      median.totalBytes,
      'bytes',
      kilobytes(median.totalBytes ?? 0),
      null,
    ),
  ];
}

export function lighthouseFigures(report: LighthouseReport): Figure[] {
  return report.pages.flatMap(pageFigures);
}

export function unavailable(section: Section, reason: string): Figure {
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
  if (figure.isMet === false) return figure.value === null ? 'FAILED' : 'not met';
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
