import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

// The Content-Security-Policy only protects as long as nothing needs a way around it. These checks
// keep it so: the served policy allows no inline or evaluated code, no source file writes HTML
// from data, and no shipped script evaluates strings as code. (shell.spec.ts checks that the
// policy is there and that the pages raise no violation; the fixtures fail any test on one.)

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

/** Ways to turn a string into markup in the browser; React's is never allowed, even in tests. */
const reactHtmlSink = /dangerouslySetInnerHTML/;
const domHtmlSinks = /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write\b/;
const codeFromStrings = [/\beval\(/, /\bnew Function\(/];

function decodeAttribute(value: string): string {
  return value
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mdx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

test.describe('the Content-Security-Policy stays strict @light-only', () => {
  test('the served policy allows no inline or evaluated code and no plugins', async ({
    request,
  }) => {
    const html = await (await request.get('./')).text();
    const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(content, 'index.html carries the policy in a meta element').toBeDefined();
    const policy = decodeAttribute(content ?? '');
    const directives = new Map(
      policy
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name = '', ...sources]) => [name, sources] as const),
    );

    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-hashes');
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    // The build inlines no script: every <script> has a src of its own.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  test('no source file writes HTML from a string', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(srcDir)) {
      const text = await readFile(file, 'utf8');
      // Tests may reset the jsdom body; code that ships may not write markup at all.
      const isShipped = !/\.test\.tsx?$|test-setup\.ts$/.test(file);
      text.split('\n').forEach((line, index) => {
        if (reactHtmlSink.test(line) || (isShipped && domHtmlSinks.test(line)))
          offenders.push(`${relative(srcDir, file).split(sep).join('/')}:${index + 1}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  test('no script of the build evaluates strings as code', async ({ request }) => {
    // The service worker lists every file of the build, lazily loaded chunks included.
    const worker = await (await request.get('sw.js')).text();
    const listed = /const precachePaths = (\[[\s\S]*?\]);/.exec(worker)?.[1];
    expect(listed, 'sw.js lists the files of the build').toBeDefined();
    const paths: unknown = JSON.parse(listed ?? '[]');
    expect(Array.isArray(paths)).toBe(true);
    const scripts = (Array.isArray(paths) ? paths : []).filter(
      (path): path is string => typeof path === 'string' && /\.m?js$/.test(path),
    );
    expect(scripts.length).toBeGreaterThan(1);

    const offenders: string[] = [];
    for (const path of [...scripts, 'sw.js']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const code = await response.text();
      for (const pattern of codeFromStrings) {
        if (pattern.test(code)) offenders.push(`${path}: ${pattern.source}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
