// `meshlint.yamlSyntax`: beside Red Hat's YAML extension (auto) or when off, plain YAML syntax errors
// are left to the other extension; meshlint's own notes on how kubectl reads YAML always stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { toConfig } from '../../server/src/lsp/settings';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/protocol';
import { newEngine } from '../support/engine';

const BROKEN = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: "unclosed\n';
const YAML11_TWIN = 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: a\n  labels:\n    on: x\n    yes: y\n';

function syntaxCodes(text: string, yamlSyntax: string, yamlExtension: boolean): number {
  const config = toConfig({ ...DEFAULT_SETTINGS, yamlSyntax }, DEFAULT_CONFIG, yamlExtension);
  return newEngine()
    .analyze(text, config)
    .findings.filter((f) => f.ruleId === 'yaml-syntax').length;
}

test('auto: reported without the YAML extension, left to it when it is there', () => {
  assert.ok(syntaxCodes(BROKEN, 'auto', false) > 0);
  assert.equal(syntaxCodes(BROKEN, 'auto', true), 0);
});

test('on and off decide whatever extensions are installed', () => {
  assert.ok(syntaxCodes(BROKEN, 'on', true) > 0);
  assert.equal(syntaxCodes(BROKEN, 'off', false), 0);
});

test("meshlint's own YAML notes stay: two spellings of one key as kubectl reads YAML 1.1", () => {
  assert.equal(syntaxCodes(YAML11_TWIN, 'off', true), 1);
  // The plain repeated key is the parser's error, which the other extension shows.
  assert.equal(syntaxCodes(YAML11_TWIN.replace('yes: y', 'on: y'), 'off', true), 0);
  assert.equal(syntaxCodes(YAML11_TWIN.replace('yes: y', 'on: y'), 'on', true), 1);
});
