import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app';
import { registerOfflineSupport } from '@/offline';
import '@/index.css';

// The built index.html already holds the landing page as static markup, so the page paints before
// this script runs (scripts/vite-plugin-prerender.ts). createRoot does not hydrate: its first
// commit empties the container and puts in the app's own elements, which at `#/` are the same ones
// in the same places. A deep link shows the landing page until then.
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

function afterPrerenderedPaint(container: HTMLElement, start: () => void): void {
  if (!hasPaintToWaitFor(container)) {
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

const container = document.getElementById('root');
if (container) {
  afterPrerenderedPaint(container, () => {
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}

registerOfflineSupport();
