// The core stays a pure library (text in, findings out): no editor, LSP or Node module, no clock, and only
// parse.ts and schema.ts import the YAML parser and the validator. Two guards enforce it, both run by
// `npm run lint`: the `corePurity` rules of eslint.config.mjs and server/src/core/tsconfig.json (no Node
// types). These tests run the same rules and compiler options, so weakening either guard fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import * as ts from 'typescript';
import { PACKAGE_DIR } from '../support/engine';

const CORE = path.join(PACKAGE_DIR, 'server', 'src', 'core');

async function purityLinter(): Promise<ESLint> {
  // A dynamic import of the real config file: TypeScript keeps import() as is, so the CommonJS test loads the ES module.
  const config = (await import(pathToFileURL(path.join(PACKAGE_DIR, 'eslint.config.mjs')).href)) as { corePurity: Linter.Config[] };
  return new ESLint({ cwd: PACKAGE_DIR, overrideConfigFile: true, overrideConfig: config.corePurity });
}

async function complaints(eslint: ESLint, code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(CORE, file) });
  return result.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

test('every core file passes the purity rules', async () => {
  const eslint = await purityLinter();
  const problems = (await eslint.lintFiles([CORE])).flatMap((r) =>
    r.messages.map((m) => `${path.relative(CORE, r.filePath)}: ${m.message}`),
  );
  assert.deepEqual(problems, []);
});

test('the purity rules reject Node modules, editor libraries and the clock in core files', async () => {
  const eslint = await purityLinter();
  const leaks = [
    "import * as fs from 'node:fs';",
    "import { readFile } from 'fs/promises';",
    "import { join } from 'path';",
    "import { Worker } from 'worker_threads';",
    "import * as vscode from 'vscode';",
    "import { createConnection } from 'vscode-languageserver/node';",
    "import type { Diagnostic } from 'vscode-languageserver-types';",
    "import { RequestType } from 'vscode-jsonrpc';",
    'export const now = Date.now();',
    'export const now = new Date();',
    'export const now = performance.now();',
  ];
  for (const code of leaks) assert.notDeepEqual(await complaints(eslint, code, 'rules/sample.ts'), [], code);
  assert.deepEqual(await complaints(eslint, "export const epoch = new Date(0);\nimport { closest } from './suggest';", 'sample.ts'), []);
});

test('only parse.ts imports yaml and only schema.ts imports ajv', async () => {
  const eslint = await purityLinter();
  const yaml = "import { parseDocument } from 'yaml';";
  const ajv = "import Ajv from 'ajv';";
  assert.deepEqual(await complaints(eslint, yaml, 'parse.ts'), []);
  assert.deepEqual(await complaints(eslint, ajv, 'schema.ts'), []);
  assert.notDeepEqual(await complaints(eslint, ajv, 'parse.ts'), []);
  assert.notDeepEqual(await complaints(eslint, yaml, 'schema.ts'), []);
  assert.notDeepEqual(await complaints(eslint, yaml, 'rules/sample.ts'), []);
  assert.notDeepEqual(await complaints(eslint, "import { Composer } from 'yaml/dist/compose/composer';", 'workspace/sample.ts'), []);
});

test('the core compiler options know no Node module or global', () => {
  const configFile = path.join(CORE, 'tsconfig.json');
  const json: unknown = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f)).config;
  const { options } = ts.parseJsonConfigFileContent(json, ts.sys, CORE);
  // One made-up core file compiled alone with the core's options: whatever it names must come from ES2022.
  const sample = path.join(CORE, '__purity-sample__.ts');
  const text = [
    "import * as fs from 'node:fs';",
    'export const a = fs;',
    'export const b = process.env;',
    "export const c = Buffer.from('x');",
    'export const d = setTimeout;',
    'export const e = new Map<string, number>();',
  ].join('\n');
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, lang, ...rest) =>
    file === sample ? ts.createSourceFile(file, text, lang) : getSourceFile(file, lang, ...rest);
  const program = ts.createProgram({ rootNames: [sample], options: { ...options, noEmit: true, incremental: false }, host });
  const unknown = ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    .map((m) => /'([^']+)'/.exec(m)?.[1] ?? m);
  assert.deepEqual(unknown.sort(), ['Buffer', 'node:fs', 'process', 'setTimeout']);
});
