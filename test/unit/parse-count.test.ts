// The CLI reads each document once: the lint pass parses it, and its facts and the workspace pass
// reuse that parse. Counted as calls of the YAML parser (a List is read whole, then item by item).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
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
 * Calls of the parser while `run` runs: its Parser's parse(), which both of parse.ts's routes (the
 * tree read from the CST, and the parser's Document it falls back to) go through once per text.
 */
function parserCalls(run: () => void): number {
  const { Parser } = createRequire(__filename)('yaml') as { Parser: typeof Yaml.Parser };
  const original = Object.getOwnPropertyDescriptor(Parser.prototype, 'parse');
  const parse = original?.value as Yaml.Parser['parse'];
  let calls = 0;
  Parser.prototype.parse = function (this: Yaml.Parser, ...args: Parameters<Yaml.Parser['parse']>) {
    calls++;
    return parse.apply(this, args);
  };
  try {
    run();
  } finally {
    if (original) Object.defineProperty(Parser.prototype, 'parse', original);
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
