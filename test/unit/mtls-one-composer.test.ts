// The workspace rules' mTLS answer (workspace/effective-mtls.ts) and `explain`'s (policy/peer-auth.ts)
// come from one composition (decideMtls, portLevelMode): over every combination of mesh, namespace
// and workload policies (each absent, UNSET, STRICT, PERMISSIVE or DISABLE) and port-level settings
// they give the same mode for the workload and for each port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factsOfText } from '../../server/src/core/workspace/extract';
import { WorkspaceView } from '../../server/src/core/workspace/view';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { explainWorkload } from '../../server/src/core/policy/explain';
import { namespaceMtls, workloadMtls, workloadPortMtls } from '../../server/src/core/workspace/effective-mtls';
import { deployment, namespace, peerAuthentication } from '../support/explain';

const MODES = [undefined, 'UNSET', 'STRICT', 'PERMISSIVE', 'DISABLE'] as const;
const PORT_LEVEL = [undefined, 'UNSET', 'DISABLE'] as const;

function spec(mode: string, selector: boolean, port?: string): string {
  const sel = selector ? '  selector: {matchLabels: {app: cart}}\n' : '';
  const ports = port ? `  portLevelMtls: {"8080": {mode: ${port}}}\n` : '';
  return `${sel}  mtls: {mode: ${mode}}\n${ports}`;
}

test('effective-mtls and explain agree on every combination of levels and port settings', () => {
  let compared = 0;
  for (const mesh of MODES)
    for (const ns of MODES)
      for (const wl of MODES)
        for (const port of PORT_LEVEL) {
          if (port && !wl) continue;
          const texts = [namespace('shop'), deployment('shop', 'cart', { app: 'cart' }, [8080, 9090])];
          if (mesh) texts.push(peerAuthentication({ ns: 'istio-system', name: 'mesh' }, spec(mesh, false)));
          if (ns) texts.push(peerAuthentication({ ns: 'shop', name: 'ns' }, spec(ns, false)));
          if (wl) texts.push(peerAuthentication({ ns: 'shop', name: 'wl' }, spec(wl, true, port)));
          const view = new WorkspaceView(texts.map((t, i) => factsOfText(`f${i}.yaml`, t)));
          const outcome = explainWorkload(view, DEFAULT_CONFIG, { namespace: 'shop', name: 'cart' }, {});
          assert.equal(outcome.kind, 'explained');
          if (outcome.kind !== 'explained') continue;
          const w = view.all('workload')[0];
          const what = `mesh=${mesh} ns=${ns} workload=${wl} port=${port}`;
          const whole = workloadMtls(view, DEFAULT_CONFIG, w);
          // No policy at all: the rules say "unknown", explain shows Istio's default.
          assert.equal(whole?.mode ?? 'PERMISSIVE', outcome.policy.mtls.defaultMode, what);
          if (!mesh && !ns && !wl) assert.equal(whole, undefined, what);
          for (const row of outcome.policy.mtls.ports) {
            assert.equal(workloadPortMtls(view, DEFAULT_CONFIG, w, row.port)?.mode ?? 'PERMISSIVE', row.mode, `${what} port ${row.port}`);
            compared++;
          }
          if (!wl) assert.equal(namespaceMtls(view, DEFAULT_CONFIG, 'shop')?.mode, whole?.mode, what);
        }
  assert.ok(compared >= 2 * 5 * 5 * 5, `${compared} ports compared`);
});
