// Whether the store has been loaded in this tab. The shell shows what needs the store (messages
// about saving) only once some page has loaded it, so that the landing page does not load it.
// No imports: this is part of the first load.

let isLoaded = false;
const listeners = new Set<() => void>();

export function isStoreLoaded(): boolean {
  return isLoaded;
}

export function subscribeToStoreLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the store's module once it has read storage. */
export function markStoreLoaded(): void {
  if (isLoaded) return;
  isLoaded = true;
  for (const listener of listeners) listener();
}
