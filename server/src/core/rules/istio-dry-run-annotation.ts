// The istio.io/dry-run annotation: Istio's webhook accepts it only on an AuthorizationPolicy with
// action ALLOW or DENY, and only with a boolean value.
import type { DocumentRule } from './lib/rule';
import { recordAt, stringAt } from './lib/go-values';
import { parseGoBool } from '../go-parse-bool';

const KEY = 'istio.io/dry-run';

export const rule: DocumentRule = {
  meta: {
    id: 'istio-dry-run-annotation',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'The istio.io/dry-run annotation is only accepted on an ALLOW or DENY AuthorizationPolicy, with a true/false value.',
    fixable: false,
  },
  kinds: [
    'security.istio.io/AuthorizationPolicy',
    'security.istio.io/PeerAuthentication',
    'security.istio.io/RequestAuthentication',
    'networking.istio.io/Gateway',
    'networking.istio.io/VirtualService',
    'networking.istio.io/DestinationRule',
    'networking.istio.io/ServiceEntry',
    'networking.istio.io/Sidecar',
    'networking.istio.io/WorkloadEntry',
    'networking.istio.io/WorkloadGroup',
    'networking.istio.io/EnvoyFilter',
    'networking.istio.io/ProxyConfig',
    'telemetry.istio.io/Telemetry',
    'extensions.istio.io/WasmPlugin',
  ],
  check(ctx) {
    const annotations = recordAt(recordAt(ctx.value, 'metadata'), 'annotations');
    if (!annotations || !(KEY in annotations)) return;
    const path = ['metadata', 'annotations', KEY];
    if (ctx.resource.kind !== 'AuthorizationPolicy') {
      ctx.report({
        path,
        on: 'key',
        message: `Istio's webhook rejects ${KEY} on a ${ctx.resource.kind}: only AuthorizationPolicy supports a dry run. Remove the annotation.`,
      });
      return;
    }
    const action = stringAt(recordAt(ctx.value, 'spec'), 'action') || 'ALLOW';
    if (action !== 'ALLOW' && action !== 'DENY') {
      ctx.report({
        path,
        on: 'key',
        message: `Istio's webhook rejects ${KEY} on a ${action} policy: a dry run is only supported for ALLOW and DENY. Remove the annotation.`,
      });
      return;
    }
    const value = annotations[KEY];
    if (typeof value === 'string' && parseGoBool(value) !== undefined) return;
    ctx.report({
      path,
      message: `Istio's webhook rejects ${KEY}: ${JSON.stringify(value)} is not a boolean. Write "true" to only log what the policy would do, or "false".`,
    });
  },
};
