import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// `findBy…` and `waitFor` return as soon as what they wait for appears; their limit only matters
// when it never does. Testing Library's one second is a deadline a loaded machine misses, so they
// may wait up to half of a test's limit (testTimeout in vite.config.ts).
configure({ asyncUtilTimeout: 15_000 });

// The files of this project share one jsdom (isolate: false in vite.config.ts): each test leaves
// it as it found it.
afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
});
