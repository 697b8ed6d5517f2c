// The CLI's engine: a lint-only run keeps the results of repeated documents only (holding every
// document's to the end of the run cost the garbage collector a fifth of the CPU), a run with
// `--fix` keeps them all so the lint after the fixes reuses the last check, and neither has the
// editor's file length limit. Findings are the same with or without the cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, type FileAnalysis } from '../../server/src/core/engine';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { cliEngineOptions, repeatedDocuments } from '../../server/src/cli/lint';
import { work } from '../../server/src/core/work-count';
import { runCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { registry } from '../support/engine';
import { peerAuthentication } from '../support/sample-manifests';

const TEXT = `${peerAuthentication({ mode: 'PERMISSIVE' })}---\n${peerAuthentication({ namespace: 'orders', mode: 'DISABLE' })}`;

function twice(fixes: boolean): { first: FileAnalysis; second: FileAnalysis } {
  const engine = new Engine(registry(), cliEngineOptions(fixes));
  const first = engine.analyze(TEXT, DEFAULT_CONFIG);
  const second = engine.analyze(TEXT, DEFAULT_CONFIG);
  return { first, second };
}

test('a lint-only CLI engine checks a repeated text again instead of keeping results', () => {
  const { first, second } = twice(false);
  assert.equal(first.documents.length, 2);
  assert.deepEqual(
    second.documents.map((d) => d.reused),
    [false, false],
  );
  assert.deepEqual(second.findings, first.findings);
  assert.ok(first.findings.length > 0, 'the sample has findings to compare');
  // Not even the last document is kept (an LRU of one would reuse it here).
  const engine = new Engine(registry(), cliEngineOptions(false));
  const one = peerAuthentication({ mode: 'PERMISSIVE' });
  engine.analyze(one, DEFAULT_CONFIG);
  assert.equal(engine.analyze(one, DEFAULT_CONFIG).documents[0].reused, false);
});

test('a CLI engine for --fix keeps results, so the lint after the fixes reuses them', () => {
  const { first, second } = twice(true);
  assert.deepEqual(
    second.documents.map((d) => d.reused),
    [true, true],
  );
  assert.deepEqual(second.findings, first.findings);
});

test('neither CLI engine has the editor file length limit', () => {
  for (const fixes of [false, true]) {
    assert.equal(cliEngineOptions(fixes).maxFileLength, Infinity);
  }
  const editor = new Engine(registry(), { maxFileLength: 100 });
  assert.equal(editor.analyze(TEXT, DEFAULT_CONFIG).findings[0]?.ruleId, 'file-too-large');
  const cli = new Engine(registry(), { ...cliEngineOptions(false) });
  assert.notEqual(cli.analyze(TEXT, DEFAULT_CONFIG).findings[0]?.ruleId, 'file-too-large');
});

test('a lint-only CLI engine keeps the results of documents that occur again in the run, and only those', () => {
  const base = peerAuthentication({ mode: 'PERMISSIVE' });
  const other = peerAuthentication({ namespace: 'orders', mode: 'DISABLE' });
  const inputs = [
    { path: 'prod/a.yaml', text: `${base}---\n${other}` },
    { path: 'stage/a.yaml', text: base },
  ];
  const repeated = repeatedDocuments(inputs);
  assert.deepEqual([...repeated], [base]);
  const engine = new Engine(registry(), cliEngineOptions(false, repeated));
  const first = engine.analyze(inputs[0].text, DEFAULT_CONFIG);
  assert.deepEqual(
    first.documents.map((d) => d.reused),
    [false, false],
  );
  assert.deepEqual(
    engine.analyze(inputs[1].text, DEFAULT_CONFIG).documents.map((d) => d.reused),
    [true],
    'the copy is checked once',
  );
  assert.deepEqual(
    engine.analyze(inputs[0].text, DEFAULT_CONFIG).documents.map((d) => d.reused),
    [true, false],
    'the document met once is not kept',
  );
});

test('a copy with lone `\\r` line ends counts as the same document, as the engine checks its LF twin', () => {
  const base = peerAuthentication({ mode: 'PERMISSIVE' });
  const inputs = [
    { path: 'prod/a.yaml', text: base },
    { path: 'stage/a.yaml', text: base.replace(/\n/g, '\r') },
  ];
  const repeated = repeatedDocuments(inputs);
  assert.deepEqual([...repeated], [base]);
  const engine = new Engine(registry(), cliEngineOptions(false, repeated));
  engine.analyze(inputs[0].text, DEFAULT_CONFIG);
  assert.deepEqual(
    engine.analyze(inputs[1].text, DEFAULT_CONFIG).documents.map((d) => d.reused),
    [true],
  );
});

test('the CLI checks a document copied into twenty environments about once', async () => {
  const text = `${peerAuthentication({ mode: 'PERMISSIVE' })}---\n${peerAuthentication({ namespace: 'orders', mode: 'DISABLE' })}`;
  const steps = async (copies: number): Promise<{ steps: number; out: string }> => {
    const files: Record<string, string> = {};
    for (let i = 0; i < copies; i++) files[`env-${i}/pa.yaml`] = text;
    const dir = writeTempWorkspace(files);
    const before = work.steps;
    const run = await runCli([dir, '--format', 'json']);
    return { steps: work.steps - before, out: run.out.split(dir).join('DIR') };
  };
  const one = await steps(1);
  const twenty = await steps(20);
  assert.ok(twenty.steps < 2 * one.steps, `20 copies took ${twenty.steps} steps of work, one copy ${one.steps}`);
  assert.equal((twenty.out.match(/"ruleId"/g) ?? []).length, 20 * (one.out.match(/"ruleId"/g) ?? []).length, 'each copy has its findings');
});
