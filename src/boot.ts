import '@/index.css';

// The page's entry: as small as it can be, so that nothing competes with the first paint.
//
// The built index.html already holds the landing page as static markup and the stylesheet inline,
// so the page paints before any script runs (scripts/vite-plugin-prerender.ts and
// scripts/vite-plugin-inline-css.ts). The app itself (src/main.tsx) is fetched once that paint is
// on record. createRoot does not hydrate: its first commit empties the container and puts in the
// app's own elements, which at `#/` are the same ones in the same places. A deep link shows the
// landing page until then.
//
// The browser records when content was painted a little after the paint itself, and drops the
// record if the content is removed in between: the page would then count as painted only when the
// app's copy of it appears. So the app starts once that paint is on record, a frame or so later.

/** The longest the app waits for the paint of the prerendered page to be recorded. */
const paintRecordLimitMs = 500;

function hasPaintToWaitFor(container: HTMLElement): boolean {
  // Not in development (nothing is prerendered), nor in a background tab (nothing is painted),
  // nor in a browser that records no largest contentful paint.
  return (
    container.firstElementChild !== null &&
    document.visibilityState === 'visible' &&
    PerformanceObserver.supportedEntryTypes.includes('largest-contentful-paint')
  );
}

function afterPrerenderedPaint(container: HTMLElement | null, start: () => void): void {
  if (container === null || !hasPaintToWaitFor(container)) {
    start();
    return;
  }
  let hasStarted = false;
  // Both call back in a later task, when the two constants are set.
  const observer = new PerformanceObserver(startOnce);
  const limit = setTimeout(startOnce, paintRecordLimitMs);
  observer.observe({ type: 'largest-contentful-paint', buffered: true });

  function startOnce(): void {
    if (hasStarted) return;
    hasStarted = true;
    observer.disconnect();
    clearTimeout(limit);
    start();
  }
}

afterPrerenderedPaint(document.getElementById('root'), () => {
  void import('@/main');
});
