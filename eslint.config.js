import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const browserOnlyGlobals = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
  'process',
];

// The app reaches the rules only through their public face, src/rules/index.ts. The shell may read
// the wizard's step list directly, and anyone the answers' limits: neither has imports, so the first
// load stays free of the rules.
const deepRulesImport = {
  group: ['@/rules/*', '!@/rules/index', '!@/rules/limits'],
  message: 'Import the rules through @/rules (src/rules/index.ts), not a module inside it.',
};
const pageImport = { group: ['@/pages/*'], message: 'Pages do not import pages.' };

// Globals that make a result depend on when or how often it runs.
const impureGlobals = [
  'Date',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'requestAnimationFrame',
  'performance',
  'crypto',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-single',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never render HTML from data: build elements instead.',
        },
      ],
    },
  },
  {
    // Import cycles hide an order of evaluation nobody chose; none is allowed anywhere.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    ignores: ['src/rules/**', 'src/components/**', 'src/pages/**', 'src/app.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepRulesImport] }] },
  },
  {
    files: ['src/app.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...deepRulesImport, group: [...deepRulesImport.group, '!@/rules/wizard-steps'] },
          ],
        },
      ],
    },
  },
  {
    files: ['src/pages/**/*.{ts,tsx}'],
    ignores: ['src/pages/**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepRulesImport, pageImport] }] },
  },
  {
    files: ['src/pages/**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepRulesImport] }] },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use-*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The rules are pure: they run in Node (tests, CLI, benchmarks) as well as in the browser.
    files: ['src/rules/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'react/*'],
              message: 'src/rules must not depend on React.',
            },
            { group: ['zustand', 'zustand/*'], message: 'src/rules must not depend on the store.' },
            {
              group: ['react-router', 'react-router/*'],
              message: 'src/rules must not depend on routing.',
            },
            { group: ['*.mdx'], message: 'src/rules must not import MDX content.' },
            {
              group: ['@/store/*', '@/components/*', '@/pages/*', '@/content/*'],
              message: 'Data flows one way: rules import nothing from the app.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...browserOnlyGlobals.map((name) => ({
          name,
          message: `src/rules must not use the browser global ${name}.`,
        })),
      ],
    },
  },
  {
    // Deterministic: the same answers give an equal plan, today and next year.
    files: ['src/rules/**/*.ts'],
    ignores: ['src/rules/**/*.test.ts', 'src/rules/**/*.suite.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...browserOnlyGlobals.map((name) => ({
          name,
          message: `src/rules must not use the browser global ${name}.`,
        })),
        ...impureGlobals.map((name) => ({
          name,
          message: `src/rules is deterministic: no ${name} (no clock, timer or randomness).`,
        })),
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'src/rules is deterministic: no randomness.',
        },
      ],
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/pages/*'], message: 'Components do not import pages.' },
            { group: ['@/store/*'], message: 'Components take props; pages wire the store.' },
            deepRulesImport,
          ],
        },
      ],
    },
  },
  {
    // A file that holds logic stays short enough to read in one sitting; split it by what it does.
    // Type declarations and catalogue data read like tables and may run longer.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    ignores: [
      '**/*.test.{ts,tsx}',
      'src/rules/**/*.suite.ts',
      'src/rules/types.ts',
      'src/rules/catalog/**',
      'src/test/**',
    ],
    rules: { 'max-lines': ['error', { max: 450, skipBlankLines: false, skipComments: false }] },
  },
);
