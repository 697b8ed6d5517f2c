// The server answers symbols, hover and code actions from the last complete analysis of the same
// version; any change that could change the findings (text version, config, the engine swapped for
// the workspace's CRDs) must miss, and a partial analysis must never be reused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisMemo } from '../../server/src/lsp/analysis-memo';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { newEngine } from '../support/engine';

const TEXT =
  'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: a, namespace: b}\nspec: {mtls: {mode: STRICT}}\n';

test('the memo answers only for the same version, config and engine', () => {
  const engine = newEngine();
  const analysis = engine.analyze(TEXT, DEFAULT_CONFIG);
  const memo = new AnalysisMemo();
  memo.remember('file:///a.yaml', 3, engine, DEFAULT_CONFIG, analysis);
  assert.equal(memo.get('file:///a.yaml', 3, engine, DEFAULT_CONFIG), analysis);
  assert.equal(memo.get('file:///a.yaml', 3, engine, { ...DEFAULT_CONFIG }), analysis, 'an equal config is the same config');
  assert.equal(memo.get('file:///a.yaml', 4, engine, DEFAULT_CONFIG), undefined, 'another version');
  assert.equal(memo.get('file:///a.yaml', 3, newEngine(), DEFAULT_CONFIG), undefined, 'another engine (CRDs swapped)');
  assert.equal(memo.get('file:///a.yaml', 3, engine, { ...DEFAULT_CONFIG, trustDomain: 'corp.example' }), undefined, 'another config');
  assert.equal(memo.get('file:///b.yaml', 3, engine, DEFAULT_CONFIG), undefined, 'another file');
  memo.forget('file:///a.yaml');
  assert.equal(memo.get('file:///a.yaml', 3, engine, DEFAULT_CONFIG), undefined, 'forgotten on close');
});

test('a partial analysis is never remembered', () => {
  const engine = newEngine();
  const memo = new AnalysisMemo();
  const partial = { ...engine.analyze(TEXT, DEFAULT_CONFIG), partial: { checked: 1, total: 2 } };
  memo.remember('file:///a.yaml', 1, engine, DEFAULT_CONFIG, partial);
  assert.equal(memo.get('file:///a.yaml', 1, engine, DEFAULT_CONFIG), undefined);
});
