// Registers the service worker that the production build writes next to index.html
// (scripts/vite-plugin-offline.ts), so the wizard opens with no network after the first visit.
//
// Offline support is a bonus, never a reason to fail: whatever goes wrong is noted at info level,
// not thrown and not logged as an error.

function isServedOverHttp(): boolean {
  // A page opened from a file (the one-file build) cannot have a service worker.
  return location.protocol === 'https:' || location.protocol === 'http:';
}

function noteUnavailable(reason: unknown): void {
  const detail = reason instanceof Error ? reason.message : String(reason);
  console.info(`Offline support is not available: ${detail}`);
}

function register(): void {
  try {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(noteUnavailable);
  } catch (error) {
    // Some browsers throw on navigator.serviceWorker itself, e.g. when storage is blocked.
    noteUnavailable(error);
  }
}

export function registerOfflineSupport(): void {
  // The one-file build runs without a server and has no sw.js beside it.
  if (!import.meta.env.PROD || import.meta.env.MODE === 'single-file') return;
  if (!('serviceWorker' in navigator) || !isServedOverHttp()) return;
  // Wait for the page to load, so precaching never competes with the first render.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
