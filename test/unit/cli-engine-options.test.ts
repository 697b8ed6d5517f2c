// The CLI's engine: a lint-only run keeps no per-document results (each document is checked once,
// and holding them to the end of the run cost the garbage collector a fifth of the CPU), a run
// with `--fix` keeps them so the lint after the fixes reuses the last check, and neither has the
// editor's file length limit. Findings are the same with or without the cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, type FileAnalysis } from '../../server/src/core/engine';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { cliEngineOptions } from '../../server/src/cli/lint';
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
