import mdx from '@mdx-js/rollup';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { offlineServiceWorker } from './scripts/vite-plugin-offline.ts';
import { prerender } from './scripts/vite-plugin-prerender.ts';

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
 * wherever that is not used.
 */
function yamlWithoutSideEffects(): Plugin {
  return {
    name: 'yaml-without-side-effects',
    transform(code, id) {
      return /[\\/]node_modules[\\/]yaml[\\/]/.test(id) ? { code, moduleSideEffects: false } : null;
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
    projects: [
      {
        extends: true,
        test: {
          name: 'rules',
          environment: 'node',
          include: ['src/rules/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'src/store/**/*.test.ts', 'src/components/**/*.test.ts'],
          setupFiles: ['./src/test-setup.ts'],
        },
      },
    ],
  },
});
