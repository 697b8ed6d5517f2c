// The CLI reads each document once: the lint pass parses it, and its facts and the workspace pass
// reuse that parse. Counted as calls of parse.ts's parseYaml (a List is read whole, then item by item).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { parseYaml } from '../../server/src/core/parse';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { lintTexts } from '../../server/src/cli/lint';
import { withWorkspaceFindings } from '../../server/src/cli/workspace';
import { newEngine } from '../support/engine';
import { DENY_SANDBOX, peerAuthentication } from '../support/sample-manifests';

const LIST = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: orders
      namespace: shop
    spec:
      selector:
        app: orders
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: orders
      namespace: shop
    spec:
      selector:
        matchLabels:
          app: orders
      template:
        metadata:
          labels:
            app: orders
        spec:
          containers:
            - name: app
              image: orders:1
`;

/**
 * Calls of parse.ts's `parseYaml` while `run` runs: every reader of a document's text goes through
 * it once per text, whichever way it then reads it (straight from the text, from the parser's
 * tokens, or through the parser's Document).
 */
function parserCalls(run: () => void): number {
  const parse = createRequire(__filename)('../../server/src/core/parse') as { parseYaml: typeof parseYaml };
  const original = parse.parseYaml;
  let calls = 0;
  parse.parseYaml = (text) => {
    calls++;
    return original(text);
  };
  try {
    run();
  } finally {
    parse.parseYaml = original;
  }
  return calls;
}

test('lint, facts and the workspace pass parse each document once', () => {
  const inputs = Array.from({ length: 20 }, (_, i) => ({
    path: `team-${i}.yaml`,
    // Different texts in every file: the engine reuses the result of a text it has checked already.
    text: [peerAuthentication({ namespace: `team-${i}`, mode: 'STRICT' }), DENY_SANDBOX, LIST]
      .join('---\n')
      .replace(/orders/g, `orders-${i}`),
  }));
  // Per file: two documents, the List, and its two items.
  const expected = inputs.length * 5;
  const calls = parserCalls(() => {
    const linted = lintTexts(newEngine(), inputs, DEFAULT_CONFIG);
    const merged = withWorkspaceFindings(linted, { config: DEFAULT_CONFIG, keep: () => true, crds: [] });
    assert.equal(merged.length, inputs.length);
  });
  assert.equal(calls, expected);
});

test('a fix that writes the same value into many documents reads that value once, not once per document', () => {
  // Each PERMISSIVE policy gets a fix writing STRICT: the document is parsed, and its fixed text once
  // more to verify the fix (fix-verify.ts). Whether a bare STRICT reads back as the same string is a
  // parse of its own, remembered (and maybe already remembered by an earlier test): 41 here, not 60.
  const inputs = Array.from({ length: 20 }, (_, i) => ({ path: `team-${i}.yaml`, text: peerAuthentication({ namespace: `team-${i}` }) }));
  const calls = parserCalls(() => {
    const linted = lintTexts(newEngine(), inputs, DEFAULT_CONFIG);
    assert.equal(linted.flatMap((f) => f.findings).filter((f) => f.fixes?.some((x) => x.title.includes('STRICT'))).length, inputs.length);
  });
  assert.ok(calls <= 2 * inputs.length + 1, `${calls} parses for ${inputs.length} documents`);
});
