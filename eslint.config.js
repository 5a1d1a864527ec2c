import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const rendererMayNotImport = [
  {
    group: [
      'node:*',
      'fs',
      'path',
      'child_process',
      'net',
      'electron',
      'ws',
      'serialport',
      'node-hid',
      'pino',
    ],
    message: 'The renderer talks to the brain only through the kiosk API.',
  },
  {
    group: [
      '**/devices/**',
      '**/simulators/**',
      '**/web/**',
      '**/electron/**',
      '**/core/session/**',
      '**/core/host/**',
      '**/core/node/**',
      '**/core/config/**',
      '**/core/journal/**',
      '**/core/log/**',
    ],
    message: 'The renderer may import only core/common (contract types and pure domain helpers).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'test-results',
      'playwright-report',
      'bench/results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    files: ['renderer/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: rendererMayNotImport }] },
  },
  {
    files: ['core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'electron',
                '**/electron/**',
                '**/renderer/**',
                '**/web/**',
                '**/simulators/**',
              ],
              message: 'core/ stays independent of shells, UI and simulators.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['devices/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/core/**',
                '**/electron/**',
                '**/renderer/**',
                '**/web/**',
                '**/simulators/**',
              ],
              message: 'devices/ imports libraries only.',
            },
          ],
        },
      ],
    },
  },
);
