// `tsx scripts/bench-lighthouse.ts` after `npm run build`: Lighthouse (mobile preset) on the landing
// page and on the largest plan of the input matrix opened from its shared link, each beside a
// static one-file baseline page served in the same run. Three rounds, each running the baseline,
// the landing page and the plan one after the other, so a machine that gets busier during the run
// slows all three; every figure is the median of its rounds, and each largest contentful paint is
// also given as a ratio to the baseline's.
//
// Lighthouse is not a dependency of the project: npm fetches the pinned version on first use and
// keeps it in its cache. It drives the Chromium in CHROME_PATH (default /usr/bin/chromium) against
// dist/ served by scripts/serve-static.mjs on a free port, under the same sub-path as the e2e tests;
// the baseline page comes from a second server of its own, so nothing is written into the build.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { planLinkFor } from '@/rules/index';
import { median } from './bench-engine';
import { largestPlan } from './bench-page';
import { startStaticServer } from './static-server';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Lighthouse 13 needs Node 22; this is the newest release that runs on the project's Node 20. */
export const lighthouseVersion = '12.8.2';

const basePath = '/tyk-upgrade-wizard/';
const baselinePath = '/baseline/';

export type CategoryId = 'performance' | 'accessibility' | 'best-practices' | 'seo';
export type PageId = 'baseline' | 'landing' | 'largest-plan';

const categoryIds: readonly CategoryId[] = [
  'performance',
  'accessibility',
  'best-practices',
  'seo',
];
const pageIds: readonly PageId[] = ['baseline', 'landing', 'largest-plan'];

/** A page's goals: lowest scores (0 to 1), the most blocking time, the largest LCP ratio. */
export type PageGoals = {
  readonly scores: Partial<Record<CategoryId, number>>;
  readonly totalBlockingTimeMs?: number;
  readonly lcpRatio?: number;
};

export const lighthouseGoals: { readonly [Page in PageId]: PageGoals } = {
  baseline: { scores: {} },
  landing: {
    scores: { performance: 0.98, accessibility: 1, 'best-practices': 1, seo: 0.9 },
    totalBlockingTimeMs: 100,
    lcpRatio: 1.8,
  },
  'largest-plan': { scores: { performance: 0.95 }, totalBlockingTimeMs: 200, lcpRatio: 1.8 },
};

/** The baseline: one small static file, no script, no stylesheet, the same kind of first paint. */
export const baselineHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="A static page to compare the wizard with." />
    <title>Baseline</title>
  </head>
  <body>
    <main>
      <h1>Plan your Tyk upgrade</h1>
      <p>
        Answer a few questions about your deployment and get an ordered runbook: backups first,
        then the commands for every component, a check after each change and a way back.
      </p>
      <p><a href="./">Start planning</a></p>
    </main>
  </body>
</html>
`;

/** One Lighthouse run, reduced to what the report needs. */
export type RunFigures = {
  readonly scores: Record<CategoryId, number | null>;
  readonly lcpMs: number | null;
  readonly totalBlockingTimeMs: number | null;
  readonly totalBytes: number | null;
};

/** An audit of the performance category that cost points: what a fix should aim at. */
export type AuditFinding = {
  readonly id: string;
  readonly title: string;
  readonly displayValue?: string;
};

export type PageReport = {
  readonly page: PageId;
  readonly url: string;
  readonly runs: readonly RunFigures[];
  /** Medians over the runs. */
  readonly median: RunFigures;
  /** The page's median LCP over the baseline's; null for the baseline itself. */
  readonly lcpRatio: number | null;
  readonly goals: PageGoals;
  /** From the first round. */
  readonly findings: readonly AuditFinding[];
};

export type LighthouseReport = {
  readonly lighthouseVersion: string;
  readonly chromePath: string;
  readonly rounds: number;
  readonly pages: readonly PageReport[];
};

type JsonObject = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Lighthouse's JSON is read back defensively: a missing or odd field is treated as absent.
function objectAt(value: unknown, key: string): JsonObject {
  const found = isRecord(value) ? value[key] : undefined;
  return isRecord(found) ? found : {};
}

function arrayAt(value: unknown, key: string): readonly unknown[] {
  const found = isRecord(value) ? value[key] : undefined;
  return Array.isArray(found) ? found : [];
}

function stringAt(value: unknown, key: string): string | undefined {
  const found = isRecord(value) ? value[key] : undefined;
  return typeof found === 'string' ? found : undefined;
}

function scoreAt(value: unknown, key: string): number | null {
  const found = isRecord(value) ? value[key] : undefined;
  return typeof found === 'number' ? found : null;
}

function runCommand(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
      shell: process.platform === 'win32',
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolveRun();
      else reject(new Error(`${command} ${args.slice(0, 4).join(' ')} … exited with ${code}`));
    });
  });
}

async function lighthouseJson(
  url: string,
  chromePath: string,
  outputPath: string,
): Promise<JsonObject> {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  await runCommand(
    npx,
    [
      '--yes',
      `lighthouse@${lighthouseVersion}`,
      url,
      `--only-categories=${categoryIds.join(',')}`,
      '--output=json',
      `--output-path=${outputPath}`,
      '--chrome-flags=--headless=new --no-sandbox',
      '--quiet',
    ],
    { ...process.env, CHROME_PATH: chromePath },
  );
  const parsed: unknown = JSON.parse(await readFile(outputPath, 'utf8'));
  if (!isRecord(parsed)) throw new Error('Lighthouse wrote no result object');
  return parsed;
}

function figuresOf(result: JsonObject): RunFigures {
  const audits = objectAt(result, 'audits');
  const categories = objectAt(result, 'categories');
  const scores = Object.fromEntries(
    categoryIds.map((id) => [id, scoreAt(categories[id], 'score')]),
  ) as Record<CategoryId, number | null>;
  return {
    scores,
    lcpMs: scoreAt(audits['largest-contentful-paint'], 'numericValue'),
    totalBlockingTimeMs: scoreAt(audits['total-blocking-time'], 'numericValue'),
    totalBytes: scoreAt(audits['total-byte-weight'], 'numericValue'),
  };
}

function findingsOf(result: JsonObject): AuditFinding[] {
  const audits = objectAt(result, 'audits');
  const performance = objectAt(objectAt(result, 'categories'), 'performance');
  return arrayAt(performance, 'auditRefs').flatMap((reference) => {
    const id = stringAt(reference, 'id');
    const audit = id === undefined ? undefined : audits[id];
    const score = scoreAt(audit, 'score');
    // Weighted audits move the score; opportunities (metric savings) explain the metrics.
    const counts =
      scoreAt(reference, 'weight') !== 0 || stringAt(audit, 'scoreDisplayMode') === 'metricSavings';
    if (id === undefined || score === null || score >= 1 || !counts) return [];
    const displayValue = stringAt(audit, 'displayValue');
    return [
      { id, title: stringAt(audit, 'title') ?? id, ...(displayValue ? { displayValue } : {}) },
    ];
  });
}

function medianOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : median(known);
}

function medianFigures(runs: readonly RunFigures[]): RunFigures {
  const scores = Object.fromEntries(
    categoryIds.map((id) => [id, medianOf(runs.map((run) => run.scores[id]))]),
  ) as Record<CategoryId, number | null>;
  return {
    scores,
    lcpMs: medianOf(runs.map((run) => run.lcpMs)),
    totalBlockingTimeMs: medianOf(runs.map((run) => run.totalBlockingTimeMs)),
    totalBytes: medianOf(runs.map((run) => run.totalBytes)),
  };
}

export async function runLighthouse(
  options: {
    readonly chromePath?: string;
    /** The build to serve; by default the repository's dist/. */
    readonly distDir?: string;
    readonly rounds?: number;
  } = {},
): Promise<LighthouseReport> {
  const chromePath = options.chromePath ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
  const distDir = options.distDir ?? join(repoRoot, 'dist');
  const rounds = options.rounds ?? 3;
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${join(distDir, 'index.html')} is missing; run \`npm run build\` first`);
  }
  if (!existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath}; set CHROME_PATH`);

  const workDir = await mkdtemp(join(tmpdir(), 'lighthouse-'));
  const baselineDir = join(workDir, 'baseline');
  await mkdir(baselineDir);
  await writeFile(join(baselineDir, 'index.html'), baselineHtml);
  const app = await startStaticServer({ basePath, distDir });
  const baseline = await startStaticServer({ basePath: baselinePath, distDir: baselineDir });
  try {
    const urls: Record<PageId, string> = {
      baseline: baseline.url,
      landing: app.url,
      'largest-plan': planLinkFor(app.url, largestPlan().plan.input, { includeNames: true }),
    };
    const results = new Map<PageId, JsonObject[]>(pageIds.map((id) => [id, []]));
    // One run at a time: two Lighthouse runs at once would slow each other's timings.
    for (let round = 1; round <= rounds; round++) {
      for (const id of pageIds) {
        process.stdout.write(`Lighthouse round ${round} of ${rounds}: ${id}\n`);
        const outputPath = join(workDir, `${id}-${round}.json`);
        results.get(id)?.push(await lighthouseJson(urls[id], chromePath, outputPath));
      }
    }
    const baselineLcp = medianFigures((results.get('baseline') ?? []).map(figuresOf)).lcpMs;
    const pages = pageIds.map((id): PageReport => {
      const raw = results.get(id) ?? [];
      const runs = raw.map(figuresOf);
      const middle = medianFigures(runs);
      const lcpRatio =
        id === 'baseline' || middle.lcpMs === null || baselineLcp === null || baselineLcp === 0
          ? null
          : Number((middle.lcpMs / baselineLcp).toFixed(2));
      const first = raw[0];
      return {
        page: id,
        url: id === 'largest-plan' ? `${app.url}#/s/… (${urls[id].length} characters)` : urls[id],
        runs,
        median: middle,
        lcpRatio,
        goals: lighthouseGoals[id],
        findings: id === 'baseline' || first === undefined ? [] : findingsOf(first),
      };
    });
    return { lighthouseVersion, chromePath, rounds, pages };
  } finally {
    await app.stop();
    await baseline.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

function score(value: number | null): string {
  return value === null ? 'n/a' : String(Math.round(value * 100));
}

function ms(value: number | null): string {
  return value === null ? 'n/a' : `${Math.round(value)} ms`;
}

export function formatLighthouseReport(report: LighthouseReport): string {
  const lines: string[] = [
    `Lighthouse ${report.lighthouseVersion}, mobile preset, ${report.rounds} interleaved rounds, medians (${report.chromePath})`,
    '',
    `  ${'page'.padEnd(13)} ${'perf'.padStart(4)} ${'a11y'.padStart(4)} ${'bp'.padStart(4)} ${'seo'.padStart(4)} ${'LCP'.padStart(8)} ${'ratio'.padStart(6)} ${'TBT'.padStart(7)} ${'bytes'.padStart(9)}`,
  ];
  for (const page of report.pages) {
    const { scores, lcpMs, totalBlockingTimeMs, totalBytes } = page.median;
    lines.push(
      `  ${page.page.padEnd(13)} ${score(scores.performance).padStart(4)} ${score(scores.accessibility).padStart(4)} ${score(scores['best-practices']).padStart(4)} ${score(scores.seo).padStart(4)} ${ms(lcpMs).padStart(8)} ${(page.lcpRatio === null ? '' : `${page.lcpRatio}x`).padStart(6)} ${ms(totalBlockingTimeMs).padStart(7)} ${(totalBytes === null ? 'n/a' : `${(totalBytes / 1000).toFixed(1)} kB`).padStart(9)}`,
    );
  }
  for (const page of report.pages) {
    lines.push('', `${page.page}: ${page.url}`);
    lines.push(
      `  performance per round: ${page.runs.map((run) => score(run.scores.performance)).join(', ')}; TBT ${page.runs.map((run) => ms(run.totalBlockingTimeMs)).join(', ')}; LCP ${page.runs.map((run) => ms(run.lcpMs)).join(', ')}`,
    );
    for (const finding of page.findings) {
      const value = finding.displayValue ? ` (${finding.displayValue})` : '';
      lines.push(`  - ${finding.title}${value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function writeLighthouseReport(report: LighthouseReport): Promise<string> {
  const directory = join(repoRoot, 'bench-results');
  await mkdir(directory, { recursive: true });
  const path = join(directory, 'lighthouse.json');
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const report = await runLighthouse();
    process.stdout.write(formatLighthouseReport(report));
    process.stdout.write(`Written to ${await writeLighthouseReport(report)}\n`);
  } catch (error) {
    process.stderr.write(
      `bench-lighthouse: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
