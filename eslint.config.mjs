// Lint rules chosen to catch real bugs, not to police style (Prettier owns layout; tsc owns types).
// Type-aware rules run where they are cheap: the promise rules need types, the rest do not.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      '.vscode-test/**',
      'test-results/**',
      'test/integration/workspace/**',
      'examples/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An unawaited promise loses its error (an unhandled rejection) or races what follows it.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function where a void callback is expected: VS Code and Node drop its rejection.
      '@typescript-eslint/no-misused-promises': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-fallthrough': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // tsc already checks these (strict mode), or they are style rather than bugs.
      'no-undef': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The engine runs in Node, the CLI and a worker: it must never reach for the editor's API.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'src/core is the engine: no vscode imports (see ARCHITECTURE.md).' }] },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
      },
    },
  },
  {
    // For every file, after the presets above.
    rules: {
      // Counting spaces in a regular expression is a readability preference, not a bug.
      'no-regex-spaces': 'off',
      // Control characters in patterns are deliberate here: they find a hostile repository's escapes and NULs.
      'no-control-regex': 'off',
      // Comments write `**\u200b/` so that a glob in a JSDoc does not close it.
      'no-irregular-whitespace': ['error', { skipComments: true }],
    },
  },
);
