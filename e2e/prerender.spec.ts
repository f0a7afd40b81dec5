import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test, waitForAppLanding } from './fixtures';

// The build puts the landing page into index.html as static markup (see
// scripts/vite-plugin-prerender.ts), so the first paint needs no script. The app's createRoot then
// replaces that markup: it must be the same page, in the same places, with nothing the
// Content-Security-Policy blocks, and a deep link must still end up on its own page.

const landingHeading = 'Upgrade Tyk with a runbook written for your deployment';

function rootMarkup(html: string): string {
  const match = /<div id="root">([\s\S]*)<\/div>\s*<\/body>/.exec(html);
  return match?.[1] ?? '';
}

// The saved plans are the last part of the landing page to arrive, and only the app lists them
// (the static markup holds a busy placeholder): once they are there, the app has replaced it.
const waitForMountedLanding = waitForAppLanding;

type RecordedEntry = { readonly startTime: number; readonly value: number };
type RecordingWindow = Window & {
  recordedEntries: RecordedEntry[];
  entryObserver: PerformanceObserver;
};

/**
 * An init script: observes one type of performance entry from the moment the document exists, so
 * no entry is missed, whenever the test reads them.
 */
function recordEntries(type: string): void {
  const recording = window as unknown as RecordingWindow;
  recording.recordedEntries = [];
  const record = (entries: PerformanceEntryList) => {
    for (const entry of entries) {
      const value = 'value' in entry && typeof entry.value === 'number' ? entry.value : 0;
      recording.recordedEntries.push({ startTime: entry.startTime, value });
    }
  };
  recording.entryObserver = new PerformanceObserver((list) => record(list.getEntries()));
  recording.entryObserver.observe({ type, buffered: true });
}

/**
 * The entries recorded once the browser has rendered two more frames, so whatever the last change
 * on the page caused has been measured; entries not yet handed to the observer are taken too.
 */
async function entriesAfterNextFrames(page: Page, type: string): Promise<readonly RecordedEntry[]> {
  return page.evaluate(
    (entryType) =>
      new Promise<readonly RecordedEntry[]>((resolve) => {
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const recording = window as unknown as RecordingWindow;
            for (const entry of recording.entryObserver.takeRecords()) {
              if (entry.entryType !== entryType) continue;
              const value = 'value' in entry && typeof entry.value === 'number' ? entry.value : 0;
              recording.recordedEntries.push({ startTime: entry.startTime, value });
            }
            resolve(recording.recordedEntries);
          }),
        );
      }),
    type,
  );
}

type MountWindow = Window & { appMountedAt?: number };

/**
 * An init script: records when the app first replaces the static markup in #root (its first
 * commit removes what the HTML put there).
 */
function recordAppMount(): void {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target as Element;
      if (target.id === 'root' && record.removedNodes.length > 0) {
        (window as MountWindow).appMountedAt = performance.now();
        observer.disconnect();
        return;
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

test.describe('the prerendered landing page', () => {
  test(
    'is in index.html with its stylesheet, allowed by its hash, and no inline script',
    { tag: '@light-only' },
    async ({ request }) => {
      const html = await (await request.get('./')).text();

      const markup = rootMarkup(html);
      expect(markup).toContain(`>${landingHeading}</h1>`);
      expect(markup).toContain('href="#/wizard/new"');
      // The only script is the module entry, loaded from its own file.
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts).toHaveLength(1);
      expect(scripts[0]).toMatch(
        /^<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">$/,
      );
      // One inline stylesheet, in the head, which the policy allows by its hash and nothing else.
      const styles = Array.from(html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi));
      expect(styles).toHaveLength(1);
      const css = styles[0]?.[1] ?? '';
      expect(css).toContain('tailwindcss');
      expect(html.indexOf('<style>')).toBeLessThan(html.indexOf('</head>'));
      const hash = createHash('sha256').update(css, 'utf8').digest('base64');
      const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
      const styleSources = /style-src ([^;]*)/.exec(policy.replace(/&#39;/g, "'"))?.[1];
      expect(styleSources?.split(/\s+/)).toEqual(["'self'", `'sha256-${hash}'`]);
      expect(html).not.toMatch(/\sstyle\s*=/i);
    },
  );

  test(
    'is exactly what the app renders at #/',
    { tag: '@light-only' },
    async ({ page, request }) => {
      const html = await (await request.get('./')).text();
      await page.goto('./');
      await waitForMountedLanding(page);

      // Both sides as the browser parses them, written out with sorted attributes (the order of
      // attributes is no difference: React sets an image's src last). The saved plans come from
      // storage: the prerendered page holds a placeholder of the same height in their place, and
      // the app has the list (or still the placeholder) there, so both sides leave that out.
      const [prerendered, rendered] = await page.evaluate((source) => {
        const canonical = (node: Node): string => {
          if (node instanceof Text) return node.data;
          if (!(node instanceof Element)) return '';
          const attributes = [...node.attributes]
            .map((attribute) => `${attribute.name}=${JSON.stringify(attribute.value)}`)
            .sort()
            .join(' ');
          const children = [...node.childNodes].map(canonical).join('');
          return `<${node.localName} ${attributes}>${children}</${node.localName}>`;
        };
        const parsed = new DOMParser().parseFromString(source, 'text/html').getElementById('root');
        const live = document.getElementById('root')?.cloneNode(true);
        if (!parsed || !(live instanceof HTMLElement)) return ['', 'no #root'];
        const savedPlans = 'section[aria-labelledby="saved-plans-heading"]';
        if (parsed.querySelector(savedPlans) === null) return ['no placeholder', ''];
        parsed.querySelector(savedPlans)?.remove();
        live.querySelector(savedPlans)?.remove();
        return [canonical(parsed), canonical(live)];
      }, html);
      expect(prerendered).toContain(landingHeading);
      expect(rendered).toBe(prerendered);
    },
  );

  test('paints without any script', { tag: '@light-only' }, async ({ browser, baseURL }) => {
    const context = await browser.newContext({
      ...(baseURL === undefined ? {} : { baseURL }),
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
      await page.goto('./');
      await expect(page.getByRole('heading', { level: 1, name: landingHeading })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Start planning' })).toHaveAttribute(
        'href',
        '#/wizard/new',
      );
      // Styled by the external stylesheet: Tailwind's reset removes the default body margin.
      expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    } finally {
      await context.close();
    }
  });

  test('hands over to the app without any layout shift', async ({ page }) => {
    await page.addInitScript(recordEntries, 'layout-shift');
    await page.goto('./');
    await waitForMountedLanding(page);

    const shifts = await entriesAfterNextFrames(page, 'layout-shift');
    expect(shifts.reduce((total, { value }) => total + value, 0)).toBe(0);
  });

  test(
    'counts as painted when its static markup is painted',
    { tag: '@light-only' },
    async ({ page }) => {
      // On a slow phone the script runs right after the first paint; the app must not replace
      // the markup before the browser has recorded that paint as the largest contentful one.
      const session = await page.context().newCDPSession(page);
      await session.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(recordEntries, 'largest-contentful-paint');
      await page.addInitScript(recordAppMount);
      await page.goto('./');
      await waitForMountedLanding(page);
      // The first paint is recorded before the app mounts; wait until the browser reports it.
      await page.waitForFunction(
        () =>
          performance.getEntriesByName('first-contentful-paint').length > 0 &&
          (window as unknown as RecordingWindow).recordedEntries.length > 0,
      );

      const largest = await entriesAfterNextFrames(page, 'largest-contentful-paint');
      const firstContentfulPaint = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      );
      const appMountedAt = await page.evaluate(
        () => (window as MountWindow).appMountedAt ?? Number.NaN,
      );
      expect(firstContentfulPaint).toBeGreaterThan(0);
      expect(appMountedAt).toBeGreaterThan(firstContentfulPaint);
      // The browser may paint the static page in more than one go (the first paint can come
      // while the rest of the HTML is still parsed), but every largest paint it records is of
      // that static markup: none comes from the app's copy of it.
      expect(largest.length).toBeGreaterThan(0);
      expect(largest.at(-1)?.startTime).toBeLessThan(appMountedAt);
    },
  );

  test('gives way to the page of a deep link', async ({ page }) => {
    await page.goto('./#/guides/about');
    await expect(page.getByRole('heading', { level: 1, name: 'About this wizard' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: landingHeading })).toHaveCount(0);
    await expect(page.locator('#root h1')).toHaveCount(1);
  });

  test('gives way to the printable runbook, which has no shell', async ({ page }) => {
    await page.goto('./#/print');
    await expect(page.getByRole('heading', { level: 1, name: 'Printable runbook' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: landingHeading })).toHaveCount(0);
  });
});
