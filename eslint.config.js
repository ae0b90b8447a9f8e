// ESLint runs one thing here: the dependency rule between folders (eslint-plugin-boundaries).
// Style, correctness lints and import cycles are Biome's (biome.json). See docs/ARCHITECTURE.md.
import tsParser from '@typescript-eslint/parser';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The server's layers, left to right: a folder may import only the folders of the layers before
 * it, and itself (folders of one layer may not import each other).
 */
const layers = [
  ['analysis'],
  ['facilitator'],
  ['rooms'],
  ['store', 'auth', 'limits'],
  ['realtime', 'http', 'agreement'],
  ['cluster'],
];

const elements = [
  { type: 'shared', pattern: 'shared/**', partialMatch: false },
  { type: 'client', pattern: 'client/src/**', partialMatch: false },
  ...layers.flat().map((folder) => ({ type: folder, pattern: `server/${folder}/**`, partialMatch: false })),
  // The core files directly in server/; told apart by their file category below.
  { type: 'core', pattern: 'server', partialMatch: false },
];
/** errors.ts and log.ts for every server folder; config.ts and metrics.ts only for app, main, warmUp and cluster. */
const files = [
  { category: 'base', pattern: 'server/{errors,log}.ts' },
  { category: 'settings', pattern: 'server/{config,metrics}.ts' },
  { category: 'root', pattern: 'server/{app,main,warmUp}.ts' },
];

/** A folder, or one of the core files by its category. */
const core = ['base', 'settings', 'root'];
const select = (name) =>
  core.includes(name) ? { element: { type: 'core' }, file: { categories: name } } : { element: { type: name } };
/** One policy per pair: `from` may import each of `to`. */
const allow = (from, to) => to.map((name) => ({ from: select(from), allow: { to: select(name) } }));
const policies = [
  allow('shared', ['shared']),
  allow('client', ['client', 'shared']),
  allow('base', ['shared', 'base']),
  allow('settings', ['shared', 'base', 'settings']),
  allow('root', ['shared', 'base', 'settings', 'root', ...layers.flat()]),
  ...layers.flatMap((layer, i) =>
    layer.map((folder) =>
      allow(folder, [
        'shared',
        'base',
        ...(folder === 'cluster' ? ['settings'] : []),
        ...layers.slice(0, i).flat(),
        folder,
      ]),
    ),
  ),
].flat(2);

export default [
  { ignores: ['**/dist/**', 'node_modules/**', 'test-results/**'] },
  {
    files: ['server/**/*.ts', 'shared/**/*.ts', 'client/src/**/*.{ts,tsx}'],
    // Inline eslint-disable comments are left over from an earlier linter (Biome's are biome-ignore).
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/files': files,
      'boundaries/include': ['server/**', 'shared/**', 'client/src/**'],
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      // A file in a folder the layers do not know fails: the tree must match the layout.
      'boundaries/no-unknown-files': 'error',
      'boundaries/no-unknown-dependencies': 'error',
      'boundaries/dependencies': ['error', { default: 'disallow', policies }],
    },
  },
];
