// Lint: typescript-eslint's recommended rules everywhere, React hook rules in the client, and the
// boundaries between layers and features (docs/architecture.md explains them). Formatting is left
// to Prettier (`npm run format`), so eslint-config-prettier switches off the rules it would fight.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const resolver = fileURLToPath(new URL('./scripts/eslint-resolver.cjs', import.meta.url));

// Where every source file belongs: elements are folders (the first match wins, so the narrow ones
// come first), file categories pick out the services and the routes inside the server's areas.
const elements = [
  { type: 'shared', pattern: 'shared/**', partialMatch: false },
  { type: 'storage', pattern: 'server/storage/**', partialMatch: false },
  { type: 'http', pattern: 'server/http', partialMatch: false },
  { type: 'domain', pattern: 'server/domain', partialMatch: false },
  // What puts the areas together: app.ts, index.ts and the other files at the root, the jobs, the demo.
  { type: 'server', pattern: ['server/jobs', 'server/demo'], partialMatch: false },
  { type: 'area', pattern: 'server/*', partialMatch: false, capture: ['area'] },
  { type: 'server', pattern: 'server/**', partialMatch: false },
  { type: 'feature', pattern: 'client/src/features/*', partialMatch: false, capture: ['feature'] },
  { type: 'client-app', pattern: 'client/src/app', partialMatch: false },
  { type: 'client-lib', pattern: ['client/src/lib', 'client/src/api'], partialMatch: false },
  { type: 'client-components', pattern: 'client/src/components', partialMatch: false },
  { type: 'client-i18n', pattern: 'client/src/i18n', partialMatch: false },
  { type: 'client', pattern: 'client/**', partialMatch: false },
];
const files = [
  { category: 'service', pattern: 'server/*/*.service.ts', partialMatch: false },
  { category: 'routes', pattern: 'server/*/*.routes.ts', partialMatch: false },
];

const serverTypes = ['storage', 'http', 'domain', 'area', 'server'];
const clientTypes = ['feature', 'client-app', 'client-lib', 'client-components', 'client-i18n', 'client'];

const toElements = (types) => ({ element: { types: { anyOf: types } } });
const service = { file: { categories: 'service' } };

// A dependency is allowed unless one of these says otherwise; a later policy wins over an earlier one.
const policies = [
  {
    from: { element: { type: 'shared' } },
    disallow: { to: toElements([...serverTypes, ...clientTypes]) },
    message: 'shared/ is used by server and client alike, so it may not import either',
  },
  {
    from: toElements(serverTypes),
    disallow: { to: toElements(clientTypes) },
    message: 'the server may not import client code',
  },
  {
    from: toElements(clientTypes),
    disallow: { to: toElements(serverTypes) },
    message: 'the client may not import server code: what both need lives in shared/',
  },
  {
    from: { element: { type: 'storage' } },
    disallow: { to: toElements(['area', 'http']) },
    message: 'storage is the bottom layer: adapters and port may not import services, routes, anything else of an area, or HTTP helpers',
  },
  {
    from: { element: { type: 'domain' } },
    disallow: { to: toElements(['area', 'http']) },
    message: 'server/domain holds what the areas share, so it may not import an area or HTTP helpers',
  },
  {
    from: { element: { type: 'area' } },
    disallow: { to: { element: { type: 'area', captured: { area: '!{{from.captured.area}}' } } } },
    message: 'a server area may not import another area: move what both need to server/domain or shared',
  },
  {
    from: service,
    disallow: { to: { module: { origin: 'external', source: ['express', 'better-sqlite3', 'mongodb'] } } },
    message: 'services hold the rules, not the transport or the driver: Express belongs in routes, drivers in storage',
  },
  {
    from: service,
    disallow: { to: [{ file: { categories: 'routes' } }, { element: { type: 'http' } }] },
    message: 'services may not import routes or HTTP helpers',
  },
  {
    from: { element: { type: 'feature' } },
    disallow: { to: { element: { type: 'feature', captured: { feature: '!{{from.captured.feature}}' } } } },
    message: 'a feature may not import another feature: move what both need to lib, components or shared',
  },
  {
    from: toElements(['client-lib', 'client-components', 'client-i18n']),
    disallow: { to: toElements(['feature', 'client-app']) },
    message: 'lib, components and i18n sit below the features and the app shell',
  },
];

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'docs/screenshots/**', 'data/**', 'test-results/**', 'coverage/**', 'test/ferretdb/**', 'client/public/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      // A leading underscore marks a value left out on purpose (a rest sibling, a callback argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The React Compiler rules of the plugin's `recommended` set cost most of the lint's time and
    // the client does not use the compiler; the two classic rules keep hooks correct.
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The SQLite store adds a filter clause and its parameter in one comma expression.
    files: ['server/storage/sqlite/**/*.ts', 'test/bench/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // Tests reach into stored rows and malformed payloads on purpose, and declare vitest's
    // provided context with a triple-slash reference.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/triple-slash-reference': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['server/**/*.ts', 'shared/**/*.ts', 'client/src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/files': files,
      'boundaries/include': ['server/**', 'shared/**', 'client/**'],
      'import/resolver': { [resolver]: {} },
    },
    rules: {
      // All origins: the rule on services watches npm packages too. Internals: a service and a route share their area's folder.
      'boundaries/dependencies': ['error', { default: 'allow', checkAllOrigins: true, checkInternals: true, policies }],
    },
  },
  prettier,
);
