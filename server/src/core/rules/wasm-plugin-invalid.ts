// What the WasmPlugin CRD's CEL rules and list keys, and Istio's ValidateWasmPlugin webhook, reject:
// a url with a scheme Istio cannot fetch, repeated env names, env values read from the host, bad ports.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';
import { listAt, recordAt } from './lib/go-values';
import { portProblem } from './lib/istio-values';
import { duplicateMatchPorts, wasmModuleProblems } from './lib/wasm-config';

export const rule: DocumentRule = {
  meta: {
    id: 'wasm-plugin-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A WasmPlugin the API server rejects: a url Istio cannot fetch, repeated or host-valued env entries, or bad match ports.',
    fixable: false,
  },
  kinds: ['extensions.istio.io/WasmPlugin'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    for (const p of [...wasmModuleProblems(spec, ['spec']), ...duplicateMatchPorts(spec)]) ctx.report(p);
    listAt(spec, 'match').forEach((item, m) => {
      listAt(asRecord(item), 'ports').forEach((p, i) => {
        const problem = portProblem(asRecord(p)?.number);
        if (problem) ctx.report({ path: ['spec', 'match', m, 'ports', i, 'number'], message: problem });
      });
    });
  },
};
