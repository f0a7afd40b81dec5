import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app';
import { registerOfflineSupport } from '@/offline';

// Loaded by src/boot.ts once the first paint is on record. Offline support starts first: it waits
// for the network to go quiet, and that wait begins with the page, not after the render.
registerOfflineSupport();

// The page is already on screen, so the app's first render is a transition: React renders it in
// slices and answers input in between, instead of holding the page for one long task.

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  startTransition(() => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
