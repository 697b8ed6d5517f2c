// What the TrafficExtension CRD's CEL rules and list keys reject beyond its schema: neither wasm nor
// lua set, and the Wasm settings it shares with WasmPlugin (url scheme, env entries, match ports).
import type { DocumentRule } from './lib/rule';
import { isSet, recordAt } from './lib/go-values';
import { duplicateMatchPorts, wasmModuleProblems } from './lib/wasm-config';

export const rule: DocumentRule = {
  meta: {
    id: 'traffic-extension-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A TrafficExtension the API server rejects: neither wasm nor lua, a url Istio cannot fetch, or repeated env names or ports.',
    fixable: false,
  },
  kinds: ['extensions.istio.io/TrafficExtension'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    // Both set is istio-exclusive-fields' finding (the schema's oneOf); neither is only the CEL rule's.
    if (!isSet(spec, 'wasm') && !isSet(spec, 'lua')) {
      ctx.report({
        path: ['spec'],
        on: 'key',
        message:
          'The API server rejects a TrafficExtension without a filter: "exactly one of wasm or lua must be set". ' +
          'Add lua: { inlineCode: ... } for a Lua script, or wasm: { url: ... } for a Wasm module.',
      });
    }
    const wasm = recordAt(spec, 'wasm');
    const problems = [...(wasm ? wasmModuleProblems(wasm, ['spec', 'wasm']) : []), ...duplicateMatchPorts(spec)];
    for (const p of problems) ctx.report(p);
  },
};
