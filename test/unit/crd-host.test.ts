// The language server's CRD registry host: changes close together make one rebuild, unchanged CRD
// texts make none, and losing every CRD goes back to the built-in schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CrdRegistryHost } from '../../server/src/lsp/crd-host';
import type { SchemaRegistry } from '../../server/src/core/schema';
import type { CrdText } from '../../server/src/core/crd/read-crds';
import { builtinBundle, CRD_FIXTURES } from '../support/crds';

const WITH = fs.readFileSync(path.join(CRD_FIXTURES, 'authorization-policy-with-trust-domains.yaml'), 'utf8');
const WITHOUT = fs.readFileSync(path.join(CRD_FIXTURES, 'authorization-policy-without-trust-domains.yaml'), 'utf8');

/** A host whose timers the test fires by hand, and whose swaps and logs are recorded. */
function harness(initial: CrdText[] | undefined) {
  let texts = initial;
  let pending: (() => void) | undefined;
  const swaps: (SchemaRegistry | undefined)[] = [];
  const logs: string[] = [];
  const host = new CrdRegistryHost({
    builtin: builtinBundle(),
    texts: () => texts?.map((t) => ({ ...t })),
    swap: (r) => swaps.push(r),
    log: (m) => logs.push(m),
    timers: { setTimer: (run) => (pending = run), clearTimer: () => (pending = undefined) },
  });
  return {
    host,
    swaps,
    logs,
    fire,
    /** New texts, a change heard, and the pause over. */
    update: (t: CrdText[] | undefined) => {
      texts = t;
      host.changed();
      fire();
    },
  };
  function fire(): void {
    const run = pending;
    pending = undefined;
    run?.();
  }
}

test('changes close together make one rebuild; the same texts again make none', () => {
  const h = harness([{ source: 'crds/ap.yaml', text: WITHOUT }]);
  h.host.changed();
  h.host.changed();
  h.host.changed();
  h.fire();
  assert.equal(h.swaps.length, 1);
  assert.ok(h.swaps[0]?.bundle, 'a registry from the CRD');
  assert.ok(
    h.logs.some((l) => l.includes('AuthorizationPolicy.security.istio.io (crds/ap.yaml)')),
    h.logs.join('\n'),
  );
  h.update([{ source: 'crds/ap.yaml', text: WITHOUT }]);
  assert.equal(h.swaps.length, 1, 'equal texts (new strings) do not rebuild');
  h.update([{ source: 'crds/ap.yaml', text: WITH }]);
  assert.equal(h.swaps.length, 2, 'a changed CRD text rebuilds');
});

test('while a folder is being scanned nothing is built; without mesh CRDs the built-in schemas stay or come back', () => {
  const h = harness(undefined);
  h.update(undefined);
  assert.equal(h.swaps.length, 0, 'half a set is not built');
  h.update([{ source: 'notes.yaml', text: 'kind: ConfigMap # mentions CustomResourceDefinition' }]);
  assert.equal(h.swaps.length, 0, 'no mesh CRD while on the built-in schemas: nothing to swap');
  h.update([{ source: 'crds/ap.yaml', text: WITH }]);
  assert.equal(h.swaps.length, 1);
  h.update([]);
  assert.deepEqual(h.swaps.slice(1), [undefined], 'the CRD is gone: back to the built-in schemas');
});
