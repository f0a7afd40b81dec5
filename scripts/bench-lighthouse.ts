// `tsx scripts/bench-lighthouse.ts` after `npm run build`: Lighthouse scores of the landing page,
// mobile and desktop, against the project's goals.
//
// Lighthouse is not a dependency of the project: npm fetches the pinned version on first use and
// keeps it in its cache. It drives the Chromium in CHROME_PATH (default /usr/bin/chromium) against
// dist/ served by scripts/serve-static.mjs on a free port, under the same sub-path as the e2e tests.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStaticServer } from './static-server';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Lighthouse 13 needs Node 22; this is the newest release that runs on the project's Node 20. */
export const lighthouseVersion = '12.8.2';

const basePath = '/tyk-upgrade-wizard/';

export type CategoryId = 'performance' | 'accessibility' | 'best-practices' | 'seo';
export type FormFactor = 'mobile' | 'desktop';

const categoryIds: readonly CategoryId[] = [
  'performance',
  'accessibility',
  'best-practices',
  'seo',
];

/** The lowest acceptable score (0 to 1) for each category, per form factor. */
export const lighthouseGoals: { readonly [Form in FormFactor]: Record<CategoryId, number> } = {
  mobile: { performance: 0.98, accessibility: 1, 'best-practices': 1, seo: 0.9 },
  desktop: { performance: 0.98, accessibility: 1, 'best-practices': 1, seo: 0.9 },
};

const metricIds = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;

export type CategoryResult = {
  readonly score: number | null;
  readonly goal: number;
  readonly isMet: boolean;
};

/** An audit that cost points: what a fix should aim at. */
export type AuditFinding = {
  readonly category: CategoryId;
  readonly id: string;
  readonly title: string;
  readonly score: number;
  readonly displayValue?: string;
};

export type LighthouseRun = {
  readonly formFactor: FormFactor;
  readonly url: string;
  readonly categories: Record<CategoryId, CategoryResult>;
  readonly metrics: Record<string, string>;
  readonly findings: readonly AuditFinding[];
  readonly isMet: boolean;
};

export type LighthouseReport = {
  readonly lighthouseVersion: string;
  readonly chromePath: string;
  readonly runs: readonly LighthouseRun[];
  readonly isMet: boolean;
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
  formFactor: FormFactor,
  chromePath: string,
  workDir: string,
): Promise<JsonObject> {
  const outputPath = join(workDir, `${formFactor}.json`);
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
      ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
    ],
    { ...process.env, CHROME_PATH: chromePath },
  );
  const parsed: unknown = JSON.parse(await readFile(outputPath, 'utf8'));
  if (!isRecord(parsed)) throw new Error('Lighthouse wrote no result object');
  return parsed;
}

function summarise(url: string, formFactor: FormFactor, result: JsonObject): LighthouseRun {
  const goals = lighthouseGoals[formFactor];
  const audits = objectAt(result, 'audits');
  const categoryResults = objectAt(result, 'categories');
  const resultFor = (id: CategoryId): CategoryResult => {
    const score = scoreAt(categoryResults[id], 'score');
    return { score, goal: goals[id], isMet: score !== null && score >= goals[id] };
  };
  const categories: Record<CategoryId, CategoryResult> = {
    performance: resultFor('performance'),
    accessibility: resultFor('accessibility'),
    'best-practices': resultFor('best-practices'),
    seo: resultFor('seo'),
  };

  const findings: AuditFinding[] = [];
  for (const category of categoryIds) {
    for (const reference of arrayAt(categoryResults[category], 'auditRefs')) {
      const id = stringAt(reference, 'id');
      if (id === undefined) continue;
      const audit = audits[id];
      const score = scoreAt(audit, 'score');
      // Weighted audits move the score; opportunities (metric savings) explain the metrics.
      const counts =
        scoreAt(reference, 'weight') !== 0 ||
        stringAt(audit, 'scoreDisplayMode') === 'metricSavings';
      if (score === null || score >= 1 || !counts) continue;
      const displayValue = stringAt(audit, 'displayValue');
      findings.push({
        category,
        id,
        title: stringAt(audit, 'title') ?? id,
        score,
        ...(displayValue === undefined ? {} : { displayValue }),
      });
    }
  }
  findings.sort((a, b) => a.score - b.score);

  const metrics = Object.fromEntries(
    metricIds.map((id) => [id, stringAt(audits[id], 'displayValue') ?? 'n/a']),
  );
  const isMet = categoryIds.every((id) => categories[id].isMet);
  return { formFactor, url, categories, metrics, findings, isMet };
}

export async function runLighthouse(
  options: {
    readonly chromePath?: string;
    readonly formFactors?: readonly FormFactor[];
    /** The build to serve; by default the repository's dist/. */
    readonly distDir?: string;
  } = {},
): Promise<LighthouseReport> {
  const chromePath = options.chromePath ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
  const distDir = options.distDir ?? join(repoRoot, 'dist');
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${join(distDir, 'index.html')} is missing; run \`npm run build\` first`);
  }
  if (!existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath}; set CHROME_PATH`);

  const server = await startStaticServer({ basePath, distDir });
  const workDir = await mkdtemp(join(tmpdir(), 'lighthouse-'));
  try {
    const runs: LighthouseRun[] = [];
    // One after the other: two Lighthouse runs at once would slow each other's timings.
    for (const formFactor of options.formFactors ?? (['mobile', 'desktop'] as const)) {
      const result = await lighthouseJson(server.url, formFactor, chromePath, workDir);
      runs.push(summarise(server.url, formFactor, result));
    }
    return {
      lighthouseVersion,
      chromePath,
      runs,
      isMet: runs.every((run) => run.isMet),
    };
  } finally {
    await server.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

function percent(score: number | null): string {
  return score === null ? 'n/a' : String(Math.round(score * 100));
}

export function formatLighthouseReport(report: LighthouseReport): string {
  const lines: string[] = [`Lighthouse ${report.lighthouseVersion} with ${report.chromePath}`];
  for (const run of report.runs) {
    lines.push('', `${run.formFactor} (${run.url})`);
    for (const id of categoryIds) {
      const { score, goal, isMet } = run.categories[id];
      const verdict = isMet ? 'ok' : 'MISSED';
      lines.push(
        `  ${id.padEnd(15)} ${percent(score).padStart(3)}  goal ${percent(goal)}  ${verdict}`,
      );
    }
    lines.push(
      `  ${Object.entries(run.metrics)
        .map(([id, value]) => `${id} ${value}`)
        .join(', ')}`,
    );
    for (const finding of run.findings) {
      const value = finding.displayValue ? ` (${finding.displayValue})` : '';
      lines.push(`  - [${finding.category}] ${finding.title}${value}: ${percent(finding.score)}`);
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
