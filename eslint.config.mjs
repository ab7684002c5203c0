import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'src/core/store/migrations.gen.ts',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The bin shim is plain CommonJS: it must load tsx before any TypeScript.
    files: ['bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Core runs under plain Node (CLI, daemon, tests): the desktop shell passes in what it needs.
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'src/core never imports electron: pass an interface in from src/main.',
            },
          ],
          patterns: [
            { group: ['electron/*'], message: 'src/core never imports electron.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'core must not reach into the shell or UI.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shell modules kept free of Electron so they are unit-tested under plain Node
    // (importing 'electron' there would try to start the missing binary).
    files: [
      'src/main/ipc-guard.ts',
      'src/main/window-state.ts',
      'src/main/security-policy.ts',
      'src/main/priority-alerts.ts',
      'src/main/data-key.ts',
      'src/main/renderer-location.ts',
      'src/main/core-process/protocol.ts',
      'src/main/core-process/core-host.ts',
      'src/main/core-process/core-client.ts',
      'src/main/core-process/aes-secret-box.ts',
      'src/preload/build-api.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'This module is tested under Node: keep electron out.' },
          ],
        },
      ],
    },
  },
  {
    // The contract is shared by every process: zod only.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$)[^.]', message: 'src/shared imports nothing but zod.' }] },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks only through window.leadwatch.' },
          ],
          patterns: [
            {
              // Relative paths into the other layers; packages such as @mantine/core are fine.
              regex: '^\\.{1,2}/(.*/)?(core|main|preload|bridge|cli)(/|$)',
              message: 'The renderer talks only through the contract.',
            },
          ],
        },
      ],
    },
  },
);
