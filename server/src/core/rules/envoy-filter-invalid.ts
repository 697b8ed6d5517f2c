// What the EnvoyFilter CRD's CEL rules reject (a waypoint match outside the WAYPOINT context and the
// reverse, a waypoint port out of range, selector and targetRefs together) and the webhook's patch
// checks (lib/envoy-filter-patch.ts), with the webhook's warnings at warning level. Its warning about
// a selector without labels is workload-selector-labels'.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { hasItems, isSet, listAt, recordAt, stringAt } from './lib/go-values';
import { portProblem } from './lib/istio-values';
import { patchProblems } from './lib/envoy-filter-patch';

export const rule: DocumentRule = {
  meta: {
    id: 'envoy-filter-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'An EnvoyFilter the API server rejects or warns about: a patch whose applyTo, match and value do not fit, or a bad target.',
    fixable: false,
  },
  kinds: ['networking.istio.io/EnvoyFilter'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    listAt(spec, 'configPatches').forEach((item, i) => {
      for (const p of patchProblems(item, ['spec', 'configPatches', i])) {
        ctx.report({ path: p.path, on: p.on, message: p.message, ...(p.warning ? { severity: 'warning' as const } : {}) });
      }
      const match = recordAt(asRecord(item), 'match');
      if (!match) return;
      const path: PathSegment[] = ['spec', 'configPatches', i, 'match'];
      const context = stringAt(match, 'context');
      const waypoint = isSet(match, 'waypoint');
      if (waypoint && context !== 'WAYPOINT') {
        ctx.report({
          path: [...path, 'waypoint'],
          on: 'key',
          message:
            `The API server rejects a waypoint match with context ${context || 'unset (ANY)'}: "only support waypointMatch when context is WAYPOINT". ` +
            'Set context: WAYPOINT to patch a waypoint proxy, or match on listener, routeConfiguration or cluster for sidecars and gateways.',
        });
      } else if (!waypoint && context === 'WAYPOINT') {
        ctx.report({
          path: [...path, 'context'],
          message:
            'The API server rejects context WAYPOINT without a waypoint match: "only support waypointMatch when context is WAYPOINT" (and requires it there). ' +
            'Describe the patched filter under waypoint: instead of listener, routeConfiguration or cluster.',
        });
      }
      const problem = portProblem(recordAt(match, 'waypoint')?.portNumber, 'portNumber');
      if (problem) ctx.report({ path: [...path, 'waypoint', 'portNumber'], message: problem });
    });
    if (isSet(spec, 'workloadSelector') && isSet(spec, 'targetRefs')) {
      ctx.report({
        path: ['spec', 'targetRefs'],
        on: 'key',
        message:
          'The API server rejects targetRefs together with workloadSelector: "only one of targetRefs or workloadSelector can be set". ' +
          'Keep workloadSelector for sidecar workloads, or targetRefs for a Gateway, Service or waypoint; write a second EnvoyFilter if you need both.',
      });
    }
    if (!hasItems(spec, 'targetRefs')) return;
    listAt(spec, 'targetRefs').forEach((ref, i) => {
      const namespace = stringAt(asRecord(ref), 'namespace');
      if (namespace === '') return;
      ctx.report({
        path: ['spec', 'targetRefs', i, 'namespace'],
        on: 'key',
        message: `The API server rejects a target in namespace "${namespace}": "cross namespace referencing is not currently supported". Remove namespace and create the EnvoyFilter in the target's namespace.`,
      });
    });
  },
};
