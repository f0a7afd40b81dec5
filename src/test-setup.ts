import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { installFastComputedStyle } from '@/test/fast-computed-style';
import { installFastLabelLookup } from '@/test/label-lookup';
import { skipOwnerStacks } from '@/test/owner-stacks';

// `findBy…` and `waitFor` return as soon as what they wait for appears; their limit only matters
// when it never does. Testing Library's one second is a deadline a loaded machine misses, so they
// may wait up to half of a test's limit (testTimeout in vite.config.ts).
configure({ asyncUtilTimeout: 15_000 });

installFastLabelLookup();
installFastComputedStyle();
skipOwnerStacks(process.env);

// Each test leaves the file's jsdom as it found it, so the tests of one file do not depend on
// each other's order.
afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
});
