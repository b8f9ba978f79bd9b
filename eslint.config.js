// Lint rules for the whole repository: strict TypeScript, React hooks in the client.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.local/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...layerRules(),
);

/**
 * Which top-level folders each layer may import (docs/ARCHITECTURE.md, "Layers"): client and common
 * never reach the server; the server never reaches the client, the developer tools, the benchmarks
 * or the tests. Imports are relative, so a rule names the folders a chain of `../` may land in; no
 * layer has a sub-folder named like a folder it must not import, which keeps the match exact.
 */
function layerRules() {
  const outside = (folders, layer) => ({
    regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
    message: `${layer} must not import from ${folders.map((f) => `${f}/`).join(', ')} (docs/ARCHITECTURE.md, "Layers").`,
  });
  const restrict = (files, patterns, paths = []) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  });
  // zod builds eval-compiled parsers unless configured first; the client's CSP forbids eval.
  const clientZod = {
    name: 'zod',
    message: 'Import z from client/src/scene/zod.ts, which configures zod for the CSP.',
  };
  const client = outside(['server', 'tools', 'bench', 'tests'], 'client/');
  // The contract's schemas would bring a zod not configured for the CSP; its types come via api.ts.
  const contract = {
    regex: '(^|/)common/contract/',
    message: 'Import the API types from common/api.ts (types only: no zod schemas in the bundle).',
  };
  return [
    restrict(['client/**/*.{ts,tsx}'], [client, contract], [clientZod]),
    restrict(['client/src/scene/zod.ts'], [client]),
    restrict(
      ['common/**/*.ts'],
      [outside(['client', 'server', 'tools', 'bench', 'tests'], 'common/')],
    ),
    restrict(['server/**/*.ts'], [outside(['client', 'tools', 'bench', 'tests'], 'server/')]),
    restrict(['tools/**/*.ts'], [outside(['client', 'bench', 'tests'], 'tools/')]),
    restrict(['bench/**/*.ts'], [outside(['tests'], 'bench/')]),
  ];
}
