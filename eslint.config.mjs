// ESLint for the whole repo: type-checked TypeScript rules, plus the import bans that keep server/src/core pure.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CORE = 'server/src/core/**/*.ts';
// The only core files allowed to import the YAML parser and the schema validator.
const OWNER = { yaml: 'server/src/core/parse.ts', ajv: 'server/src/core/schema.ts' };

const NO_IO = 'the core does no I/O: Node modules are used in server/src/node, which hands the core plain data.';
const NO_EDITOR = 'the core imports no editor or LSP library; server/src/lsp adapts it to the protocol.';
const NO_CLOCK = 'the core reads no clock: callers pass times in, so results depend on the input only.';

/** no-restricted-imports options for a core file; `owned` are the libraries the file may not import. */
function coreImports(owned) {
  return [
    'error',
    {
      // Every Node built-in by its bare name (`fs`, `path`, `fs/promises`...); `node:` names are a pattern below.
      paths: builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: NO_IO })),
      patterns: [
        { group: ['node:*'], message: NO_IO },
        { group: ['vscode', 'vscode-*', 'vscode-*/**'], message: NO_EDITOR },
        ...owned.map((lib) => ({ group: [lib, `${lib}/**`], message: `only ${OWNER[lib]} imports ${lib}` })),
      ],
    },
  ];
}

/** The rules that keep the core a pure library; test/unit/core-purity.test.ts runs exactly these. */
export const corePurity = [
  {
    files: [CORE],
    languageOptions: { parser: tseslint.parser },
    rules: {
      'no-restricted-imports': coreImports(['yaml', 'ajv']),
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: NO_CLOCK },
        { object: 'performance', property: 'now', message: NO_CLOCK },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: NO_CLOCK }],
    },
  },
  { files: [OWNER.yaml], rules: { 'no-restricted-imports': coreImports(['ajv']) } },
  { files: [OWNER.ajv], rules: { 'no-restricted-imports': coreImports(['yaml']) } },
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', '.cache/', '.e2e/', 'bench/results/', '.out-*/', 'test/fixtures/', 'test/nvim/fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    // Each file is checked with the nearest tsconfig.json: server/src/core/tsconfig.json (no Node types) for the core.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // node:test's test()/describe() return promises that the runner itself awaits and reports.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `const { dropped, ...rest } = x` is how the code leaves a property out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Build and generator scripts are plain ESM for Node, checked without type information.
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The bin launchers are CommonJS shims that load the bundles in dist/; require() is how they work.
    files: ['bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...corePurity,
);
