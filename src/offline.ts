// Registers the service worker that the production build writes next to index.html
// (scripts/vite-plugin-offline.ts), so the wizard opens with no network after the first visit, and
// offers a new version when one has been published: the new worker waits until the user reloads
// through the notice, or until no tab of the old version is open.
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

const listeners = new Set<() => void>();
let isUpdateReady = false;
let waitingWorker: ServiceWorker | null = null;
let isReloadWanted = false;

function offerUpdate(worker: ServiceWorker | null): void {
  waitingWorker = worker;
  if (isUpdateReady) return;
  isUpdateReady = true;
  for (const listener of listeners) listener();
}

/** Calls `listener` when a new version becomes available; returns the function that stops it. */
export function subscribeToUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isUpdateAvailable(): boolean {
  return isUpdateReady;
}

/** Lets the waiting version take over, then reloads; reloads at once when it already has. */
export function reloadToUpdate(): void {
  isReloadWanted = true;
  if (waitingWorker !== null && waitingWorker.state === 'installed') {
    waitingWorker.postMessage({ type: 'skip-waiting' });
  } else {
    location.reload();
  }
}

function watchForUpdates(registration: ServiceWorkerRegistration): void {
  const container = navigator.serviceWorker;
  // The worker drops an old build's files once no tab runs it; this tab may have replaced the last.
  container.controller?.postMessage({ type: 'page-loaded' });
  // Said again once the page has loaded: by then the page it replaced is surely gone, and the
  // worker may not have seen it go the first time (a reload can still list it).
  if (document.readyState !== 'complete') {
    window.addEventListener(
      'load',
      () => container.controller?.postMessage({ type: 'page-loaded' }),
      { once: true },
    );
  }
  // On a first visit the first worker takes the page over: that is no new version.
  const wasControlled = container.controller !== null;
  if (registration.waiting !== null && wasControlled) offerUpdate(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && container.controller !== null) {
        offerUpdate(installing);
      }
    });
  });
  container.addEventListener('controllerchange', () => {
    if (isReloadWanted) location.reload();
    // Another tab let the new version in; this one still runs the old code until it reloads.
    else if (wasControlled) offerUpdate(null);
  });
  // A tab left open for days looks for a new version whenever it is shown again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
  });
}

function register(): void {
  try {
    navigator.serviceWorker
      .register('./sw.js', { scope: './' })
      .then(watchForUpdates)
      .catch(noteUnavailable);
  } catch (error) {
    // Some browsers throw on navigator.serviceWorker itself, e.g. when storage is blocked.
    noteUnavailable(error);
  }
}

export function registerOfflineSupport(): void {
  // The one-file build runs without a server and has no sw.js beside it.
  if (!import.meta.env.PROD || import.meta.env.MODE === 'single-file') return;
  if (!('serviceWorker' in navigator) || !isServedOverHttp()) return;
  // Precaching fetches every file of the build. It waits until the page has loaded and then until
  // the chunks its first page asked for have arrived, so that it never queues in front of them.
  const start = () => whenNetworkQuiet(register);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

/** How long no file may finish loading before the network counts as quiet. */
const quietMs = 1000;
/** Precaching starts by then however busy the page is: a slow chunk must not keep a tab from going offline. */
const longestWaitMs = 10_000;

/** Calls `then` once, when no file has finished loading for `quietMs` and the page is idle. */
function whenNetworkQuiet(then: () => void): void {
  let isDone = false;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let observer: PerformanceObserver | undefined;
  const finish = () => {
    if (isDone) return;
    isDone = true;
    clearTimeout(quietTimer);
    clearTimeout(latest);
    observer?.disconnect();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(then, { timeout: 2000 });
    else then();
  };
  const restart = () => {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(finish, quietMs);
  };
  const latest = setTimeout(finish, longestWaitMs);
  try {
    observer = new PerformanceObserver(restart);
    observer.observe({ type: 'resource' });
  } catch {
    // Without resource timing there is nothing to listen to; the quiet timer alone decides.
  }
  restart();
}
