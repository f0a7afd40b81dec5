import mdx from '@mdx-js/rollup';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { inlineEntryStylesheet } from './scripts/vite-plugin-inline-css.ts';
import { offlineServiceWorker } from './scripts/vite-plugin-offline.ts';
import { prerender } from './scripts/vite-plugin-prerender.ts';

const uiTests = ['src/**/*.test.tsx', 'src/store/**/*.test.ts', 'src/components/**/*.test.ts'];
const uiTestsWithModuleState = [
  'src/pages/saved-plans-section.test.tsx',
  'src/store/wizard-store.test.ts',
];

const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) };

// A strict policy for the built app: no inline script, nothing loaded from another origin.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The yaml package declares no sideEffects, so every chunk that imports the rules would carry
 * it. Only reading a deployment's files uses it; marked free of side effects, it is left out
 * wherever that is not used. The reader in src/rules/detect is pure too (as all of src/rules):
 * marked so, it goes with the "Read my deployment" page instead of into the store's chunk.
 */
function yamlWithoutSideEffects(): Plugin {
  return {
    name: 'yaml-without-side-effects',
    transform(code, id) {
      return /[\\/](node_modules[\\/]yaml|src[\\/]rules[\\/]detect)[\\/]/.test(id)
        ? { code, moduleSideEffects: false }
        : null;
    },
  };
}

export default defineConfig({
  // Relative asset URLs let dist/ be served from any sub-path of any static host.
  base: './',
  plugins: [
    { enforce: 'pre', ...mdx() },
    react({ include: /\.(mdx|tsx|ts)$/ }),
    tailwindcss(),
    contentSecurityPolicyMeta(),
    // The stylesheet inline, allowed by its hash: the first paint needs no second request.
    inlineEntryStylesheet(),
    yamlWithoutSideEffects(),
    // The landing page as static HTML in index.html: the first paint needs no script.
    prerender({ entry: '/src/prerender-entry.tsx', alias }),
    offlineServiceWorker(),
  ],
  resolve: { alias },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    // Time limits are explicit and leave room for a loaded machine: a test that passes in a second
    // on two quiet cores may take ten on a busy CI box. A slower test sets its own limit.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A worker per core. Vitest's default leaves one core to its main process, which is idle
    // while the tests run: on two cores that halves the speed of the suite.
    maxWorkers: availableParallelism(),
    experimental: {
      // Transformed modules are kept on disk between runs (under node_modules, keyed by each
      // file's content and the config), so a second run skips most of Vite's transforms.
      fsModuleCache: true,
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'rules',
          environment: 'node',
          include: ['src/rules/**/*.test.ts', 'scripts/**/*.test.ts'],
          // The rules hold no state, so test files share their workers' modules (and the plans
          // of test-support/matrix-plans.ts) instead of loading everything again for each file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: uiTests,
          exclude: [...configDefaults.exclude, ...uiTestsWithModuleState],
          setupFiles: ['./src/test-setup.ts'],
          // Files share their worker's jsdom and modules: each test resets the stores it uses and
          // the setup file empties the DOM and storage after every test.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui-isolated',
          environment: 'jsdom',
          include: uiTestsWithModuleState,
          setupFiles: ['./src/test-setup.ts'],
          // These check what a fresh page load does: whether the store is loaded at all, and what
          // a new copy of the store reads back (vi.resetModules, which would hand the other files
          // of a shared worker a second store). Each gets its own jsdom and modules.
          isolate: true,
        },
      },
    ],
  },
});
